"""Each reader: plain text, Markdown, HTML, JSON, JSON Lines, RSS and Atom, and stdin sniffing."""
from __future__ import annotations

import datetime as dt
import io
import json
import sys

import pytest

from kg.ingest import iter_dispatches, read_file, read_text

BODY = ["Ruritania's trade ministry restricted exports of quantum sensors on Monday.",
        "Officials cited national security and the Wassenaar Arrangement."]
TITLE = "Ruritania Limits Exports of Quantum Sensors"


def _write(tmp_path, name, content):
    f = tmp_path / name
    f.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return f


def test_formats_txt_headline_first_line_is_the_title(tmp_path):
    [d] = read_file(_write(tmp_path, "a.txt", f"{TITLE}\n\n{BODY[0]}\n{BODY[1]}\n"))
    assert d.format == "txt" and d.title == TITLE
    assert d.text == f"{TITLE}\n\n{BODY[0]} {BODY[1]}"  # a hard-wrapped block is one paragraph


@pytest.mark.parametrize("first", [
    "The ministry said on Monday that exports of sensors will need a licence.",  # a sentence
    "Ruritania, trade, sensors,",  # ends with a comma
])
def test_formats_txt_first_line_that_is_not_a_headline_is_no_title(tmp_path, first):
    [d] = read_file(_write(tmp_path, "a.txt", f"{first}\n{BODY[0]}\n"))
    assert d.title is None and d.text.startswith(first)


def test_formats_txt_single_line_is_text_not_title():
    [d] = read_text(TITLE, fmt="txt")
    assert d.title is None and d.text == TITLE


def test_formats_markdown_front_matter_and_markup_stripped(tmp_path):
    md = (f"---\ntitle: {TITLE}\ndate: 2024-02-03\nurl: https://example.org/q\nsource: Example Wire\n---\n"
          f"# {TITLE}\n\nRuritania's **trade ministry** restricted exports of [quantum sensors](https://x.org/s)\n"
          "on *Monday*. ![chart](c.png)\n\n## Reaction\n\n- Officials cited `national security`.\n"
          "- > The Wassenaar Arrangement was named.\n\n```\ncode is left out\n```\n")
    [d] = read_file(_write(tmp_path, "a.md", md))
    assert d.format == "md" and d.title == TITLE and d.date == dt.date(2024, 2, 3)
    assert d.url == "https://example.org/q" and d.source.endswith("a.md")
    assert d.text == "\n\n".join([TITLE, "Ruritania's trade ministry restricted exports of quantum sensors on Monday.",
                                  "Reaction", "Officials cited national security.",
                                  "The Wassenaar Arrangement was named."])


def test_formats_markdown_heading_is_title_without_front_matter_and_source_url_fills_url(tmp_path):
    md = f"---\nsource: https://example.org/wire\n---\n# {TITLE}\n\n{BODY[0]}\n"
    [d] = read_file(_write(tmp_path, "b.markdown", md))
    assert d.title == TITLE and d.url == "https://example.org/wire" and d.date is None


def test_formats_markdown_date_line(tmp_path):
    [d] = read_file(_write(tmp_path, "c.md", f"date 2023-09-01\n\n{BODY[0]}\n"))
    assert d.date == dt.date(2023, 9, 1) and d.text == BODY[0]


HTML = f"""<!DOCTYPE html><html><head><title>{TITLE} | Example</title>
<meta name="date" content="2023-06-30"><link rel="canonical" href="https://example.org/h"></head>
<body><nav>Home | World | Business</nav><article><h1>{TITLE}</h1><p>{BODY[0]}</p><p>{BODY[1]}</p>
<script>var tracking = 1;</script></article><footer>Copyright Example</footer></body></html>"""


def test_formats_html_main_text_title_date_url(tmp_path):
    [d] = read_file(_write(tmp_path, "a.html", HTML))
    assert d.format == "html" and d.title == TITLE and d.date == dt.date(2023, 6, 30)
    assert d.url == "https://example.org/h"
    assert d.text == "\n\n".join([TITLE, *BODY])
    assert "tracking" not in d.text and "Copyright" not in d.text and "Home" not in d.text


def test_formats_html_tiny_page_falls_back_to_visible_text(tmp_path):
    [d] = read_file(_write(tmp_path, "b.htm", "<p>Ruritania bans sensor exports.</p><script>x()</script>"))
    assert d.text == "Ruritania bans sensor exports."


def test_formats_json_single_record_and_list(tmp_path):
    rec = {"title": TITLE, "text": "\n\n".join(BODY), "date": "2024-05-06T10:00:00Z", "url": "https://e.org/1"}
    [d] = read_file(_write(tmp_path, "one.json", json.dumps(rec)))
    assert d.format == "json" and d.title == TITLE and d.date == dt.date(2024, 5, 6) and d.url == "https://e.org/1"
    assert d.text == "\n\n".join([TITLE, *BODY])
    many = [rec, {"body": "Second record body."}, {"content": ["Para one.", "Para two."], "date": "Tue, 07 May 2024 09:00:00 +0000"}]
    ds = read_file(_write(tmp_path, "many.json", json.dumps(many)))
    assert [x.text for x in ds] == [d.text, "Second record body.", "Para one.\n\nPara two."]
    assert ds[2].date == dt.date(2024, 5, 7)


def test_formats_jsonl_one_record_per_line_blank_lines_allowed(tmp_path):
    lines = [json.dumps({"title": f"Item {i}", "body": f"Body of item {i}."}) for i in range(3)]
    ds = read_file(_write(tmp_path, "r.jsonl", "\n".join(lines[:2]) + "\n\n" + lines[2] + "\n"))
    assert [x.title for x in ds] == ["Item 0", "Item 1", "Item 2"]
    assert all(x.format == "json" and x.source.endswith("r.jsonl") for x in ds)


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Wire</title>
<link>https://example.org/</link><atom:link href="https://example.org/feed.rss" rel="self"/>
<item><title>Ruritania limits sensors</title><link>https://example.org/1</link>
<pubDate>Tue, 04 Feb 2025 09:00:00 +1100</pubDate>
<description>&lt;p&gt;The ministry &lt;b&gt;restricted&lt;/b&gt; exports.&lt;/p&gt;&lt;p&gt;Officials cited security.&lt;/p&gt;</description></item>
<item><title>Second item</title><description>Plain summary &amp; more.</description></item>
</channel></rss>"""

ATOM = """<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Atom entry</title><link href="https://example.org/a1"/><updated>2023-07-03T10:00:00Z</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Full first paragraph.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</content></entry></feed>"""


def test_formats_rss_one_dispatch_per_entry_html_stripped(tmp_path):
    ds = read_file(_write(tmp_path, "f.rss", RSS))
    assert [d.format for d in ds] == ["feed", "feed"]
    assert ds[0].text == "Ruritania limits sensors\n\nThe ministry restricted exports.\n\nOfficials cited security."
    assert ds[0].date == dt.date(2025, 2, 4)  # the feed's own day, not UTC
    assert ds[0].url == "https://example.org/1" and ds[0].source == "https://example.org/feed.rss"
    assert ds[1].text == "Second item\n\nPlain summary & more."


def test_formats_atom_summary_becomes_standfirst_when_content_differs(tmp_path):
    [d] = read_file(_write(tmp_path, "f.atom", ATOM))
    assert d.standfirst == "Short summary." and d.date == dt.date(2023, 7, 3)
    assert d.text == "Atom entry\n\nShort summary.\n\nFull first paragraph.\n\nSecond."
    assert d.source.endswith("f.atom")  # no rel="self" link: the path


@pytest.mark.parametrize("content,fmt", [
    ("· $0.10\nAutonomous AI dispatch. Tag.\nTitle Here\nStandfirst.\nBody.\n", "dispatch"),
    (f"{TITLE}\n\n{BODY[0]}\n", "txt"),
    (f"---\ntitle: {TITLE}\n---\n{BODY[0]}\n", "md"),
    (f"# {TITLE}\n\n{BODY[0]}\n", "md"),
    (HTML, "html"),
    (json.dumps({"title": TITLE, "text": BODY[0]}), "json"),
    (json.dumps({"text": BODY[0]}) + "\n" + json.dumps({"text": BODY[1]}) + "\n", "json"),
    (RSS, "feed"),
    (ATOM, "feed"),
])
def test_formats_stdin_is_sniffed(monkeypatch, content, fmt):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(content.encode("utf-8")), encoding="utf-8"))
    items = list(iter_dispatches(["-"]))
    assert items and all(getattr(d, "format", None) == fmt for d in items), items
    assert all(d.source == "-" or fmt == "feed" for d in items)


def test_formats_read_text_accepts_named_format_and_bytes():
    [d] = read_text(f"{TITLE}\n\n{BODY[0]}".encode("utf-8"), source="mem", fmt="text")
    assert d.format == "txt" and d.source == "mem" and d.title == TITLE
