"""The interactive page as text: self-contained, escaped data, strict Content-Security-Policy."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources

import pytest

from kg.viz.html import json_for_html, page_data, render_html, write_html
from kg.viz.network import to_networkx


@pytest.fixture(scope="module")
def page(batch):
    return render_html(batch, title='Graph <b>"x"</b>')


def _data_block(page: str) -> str:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m
    return m.group(1)


@pytest.mark.parametrize("value", ["</script><script>alert(1)</script>", "<!-- x", "a & b > c", "\u2028\u2029",
                                   "<img src=x onerror=alert(1)>"])
def test_html_json_for_html_escapes_markup_but_keeps_the_value(value):
    text = json_for_html({"label": value})
    assert not set("<>&") & set(text)
    assert json.loads(text) == {"label": value}


def test_html_data_block_holds_every_node_and_cannot_break_out(page, batch, hostile_names):
    block = _data_block(page)
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    g = to_networkx(batch)
    assert len(data["nodes"]) == g.number_of_nodes() and len(data["edges"]) == g.number_of_edges()
    labels = {n["label"] for n in data["nodes"]}
    assert set(hostile_names) <= labels
    # the page has exactly the scripts it inlines: vendored libraries, the app, decisions.js, the data block
    assert page.count("<script") == 7 and page.count("</script>") == 7


def test_html_page_is_self_contained(page):
    assert not re.search(r"<script[^>]+src=", page)
    assert "<link" not in page and "@import" not in page
    head = page.split("<body>")[0]
    assert "http://" not in head and "https://" not in head


def test_html_title_is_escaped(page):
    assert "<title>Graph &lt;b&gt;&quot;x&quot;&lt;/b&gt;</title>" in page


def test_html_csp_allows_only_the_inlined_scripts_and_styles(page):
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    directives = dict(d.strip().split(" ", 1) for d in csp.replace("&#x27;", "'").split(";"))
    assert directives["default-src"] == "'none'"
    assert "unsafe" not in csp and "http" not in csp and "*" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    styles = re.findall(r"<style[^>]*>(.*?)</style>", page, re.S)
    assert len(scripts) == 6 and len(styles) == 2

    def h(text):
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert sorted(directives["script-src"].split()) == sorted(h(s) for s in scripts)
    assert sorted(directives["style-src"].split()) == sorted(h(s) for s in styles)


def test_html_app_script_never_writes_markup():
    js = resources.files("kg.viz").joinpath("page", "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js.replace("Nothing here uses innerHTML, insertAdjacentHTML,", "").replace(
            "document.write or eval.", ""), sink


def test_html_page_data_edges_have_unique_ids(batch):
    data = page_data(batch)
    ids = [e["id"] for e in data["edges"]]
    assert len(ids) == len(set(ids))
    assert data["meta"] == {**data["meta"], "dispatches": 3, "entities": len(batch.entities),
                            "events": len(batch.events)}


def test_html_write_html_unwritable_is_an_output_error(batch, tmp_path):
    from kg.errors import OutputError

    with pytest.raises(OutputError, match="does not exist"):
        write_html(batch, tmp_path / "no" / "such" / "dir.html")


from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_html_json_for_html_any_text_round_trips_without_markup(text):
    out = json_for_html({"label": text, "aliases": [text, text[::-1]]})
    assert not set("<>&") & set(out)
    assert "\u2028" not in out and "\u2029" not in out
    assert json.loads(out) == {"label": text, "aliases": [text, text[::-1]]}
