"""Bad input: every case is an InputError with a one-line problem naming the input, yielded not raised."""
from __future__ import annotations

import time

import pytest

from kg.errors import InputError
from kg.ingest import iter_dispatches, read_file, read_text

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>t</title><item><title>&lol9;</title></item></channel></rss>
"""

CASES = {
    "empty": ("a.txt", b"", "empty file"),
    "whitespace": ("a.txt", b"  \n\t\n  ", "only whitespace"),
    "binary": ("a.txt", b"GIF89a\x00\x01\x02\x00\xff\xfe", "binary"),
    "undecodable": ("a.txt", bytes(range(128, 256)) * 8, "not UTF-8"),
    "unknown suffix": ("a.pdf", b"%PDF-1.4 text", "unknown file type '.pdf'"),
    "broken json": ("a.json", b'{"title": "x", "text": "y",,}', "invalid JSON at line 1"),
    "json without text": ("a.json", b'[{"text": "ok"}, {"title": "no body"}]', "record 2: no text"),
    "json wrong type": ("a.json", b'{"text": 42}', "must be a string"),
    "broken jsonl": ("a.jsonl", b'{"text": "one"}\n{"text": "two"}\n{"text": \n', "line 3: invalid JSON"),
    "jsonl not object": ("a.jsonl", b'{"text": "one"}\n[1, 2]\n', "line 2: expected a JSON object"),
    "html without text": ("a.html", b"<html><head><script>x()</script></head><body>  </body></html>",
                          "no extractable text"),
    "broken xml": ("a.xml", b"<rss><channel><item><title>x</channel>", "broken XML"),
    "not a feed": ("a.xml", b"<note><to>x</to></note>", "not an RSS or Atom feed"),
    "feed without entries": ("a.rss", b"<rss><channel><title>t</title></channel></rss>", "no entries"),
    "billion laughs": ("a.rss", LAUGHS.encode(), "entity"),
    "bad date line": ("a.txt", b"date 2024-13-45\nSome text here.\n", "not a valid date"),
    "bad front matter": ("a.md", b"---\ntitle: [unclosed\n---\nBody.\n", "invalid YAML front matter"),
    "front matter only": ("a.md", b"---\ntitle: \n---\n\n", "no text"),
    "no letters": ("a.txt", b"1234 5678\n----\n", "no words"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_errors_bad_input_is_one_input_error(tmp_path, case):
    name, data, expected = CASES[case]
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_file(f)
    assert err.value.source == str(f)
    assert expected in err.value.problem
    assert "\n" not in str(err.value) and str(err.value).startswith(str(f))


def test_errors_missing_path_is_yielded_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Ruritania bans sensor exports.", encoding="utf-8")
    items = list(iter_dispatches([tmp_path / "missing.txt", good, tmp_path / "x.docx"]))
    assert isinstance(items[0], InputError) and items[0].problem == "no such file or directory"
    assert items[1].text == "Ruritania bans sensor exports."
    assert isinstance(items[2], InputError) and "unknown file type" in items[2].problem


def test_errors_max_bytes_refuses_large_files(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("Ruritania bans exports. " * 500, encoding="utf-8")
    [err] = list(iter_dispatches([f], max_bytes=1000))
    assert isinstance(err, InputError)
    assert err.problem == f"file is {f.stat().st_size} bytes, larger than 1000 bytes; raise --max-bytes"
    [ok] = list(iter_dispatches([f], max_bytes=f.stat().st_size))
    assert ok.text.startswith("Ruritania")
    [ok] = list(iter_dispatches([f], max_bytes=None))
    assert ok.format == "txt"


def test_errors_default_limit_is_5000000_bytes(tmp_path):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        fh.truncate(5_000_001)  # sparse: refused by size before a byte is read
    [err] = list(iter_dispatches([f]))
    assert "larger than 5000000 bytes; raise --max-bytes" in err.problem


def test_errors_max_bytes_applies_to_stdin(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 2000)))
    [err] = list(iter_dispatches(["-"], max_bytes=100))
    assert err.source == "-" and "larger than 100 bytes" in err.problem


def test_errors_billion_laughs_refused_quickly(tmp_path):
    f = tmp_path / "lol.xml"
    f.write_text(LAUGHS, encoding="utf-8")
    start = time.perf_counter()
    [err] = list(iter_dispatches([f]))
    assert time.perf_counter() - start < 1.0
    assert isinstance(err, InputError) and "billion laughs" in err.problem


def test_errors_entity_declaration_in_html_refused():
    html = '<!DOCTYPE html [<!ENTITY x "boom">]><html><body><p>&x; text</p></body></html>'
    with pytest.raises(InputError, match="declares XML entities"):
        read_text(html, fmt="html")


def test_errors_external_entity_in_feed_refused():
    xxe = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY f SYSTEM "file:///etc/passwd">]>'
           '<rss><channel><item><title>&f;</title></item></channel></rss>')
    with pytest.raises(InputError, match="entities"):
        read_text(xxe, fmt="feed")


def test_errors_unknown_format_name():
    with pytest.raises(InputError, match="unknown format 'pdf'"):
        read_text("some text", fmt="pdf")


def test_errors_unreadable_file(tmp_path):
    import os

    f = tmp_path / "secret.txt"
    f.write_text("text", encoding="utf-8")
    f.chmod(0)
    try:
        if os.access(f, os.R_OK):  # root reads anything: check the message on a directory instead
            [err] = list(iter_dispatches([tmp_path / "sub.txt"]))
            assert err.problem == "no such file or directory"
        else:
            [err] = list(iter_dispatches([f]))
            assert err.problem == "cannot read: permission denied"
    finally:
        f.chmod(0o644)


def test_errors_entity_declaration_hidden_from_the_pattern_is_caught_by_defusedxml():
    sneaky = ('<?xml version="1.0"?><!DOCTYPE r [ <!-- ] --> <!ENTITY a "aaaaaaaaaa">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              '<rss><channel><item><title>&b;</title></item></channel></rss>')
    with pytest.raises(InputError, match=r"forbidden XML constructs \(EntitiesForbidden\)"):
        read_text(sneaky, fmt="feed")
