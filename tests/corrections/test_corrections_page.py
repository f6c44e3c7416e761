"""The HTML page shows whether an event or link was corrected, and copies the decision;
hostile correction text stays inert (fast checks here; the browser check is marked)."""
from __future__ import annotations

import json
import os
import re
from importlib import resources

import pytest

from kg.corrections import apply_corrections, read_decisions
from kg.viz.html import page_data, render_html, write_html

from tests.corrections.helpers import HOSTILE, ban_key, line, small_batch

REL = "company/acme headquarteredIn country/sylvania"


@pytest.fixture()
def corrected(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(line(action="accept", subject=REL, who=HOSTILE, why=HOSTILE) + "\n"
                 + line(action="accept", subject=ban_key(), why="stated plainly") + "\n")
    b, _ = apply_corrections(small_batch(), read_decisions(p))
    return b


def test_page_data_carries_who_when_why(corrected):
    data = page_data(corrected)
    edge = next(e for e in data["edges"] if e.get("predicate") == "headquarteredIn")
    mine = [ev for ev in edge["evidence"] if ev["source"] == "analyst"]
    assert mine and mine[0]["analyst"] == HOSTILE and mine[0]["reason"] == HOSTILE
    assert mine[0]["decided"] == "2026-12-02T14:00:00Z"


def test_page_hostile_correction_text_stays_inert(corrected):
    page = render_html(corrected)
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block and ">" not in block
    assert "alert(1)" in block  # the text is there, as escaped JSON data
    assert json.loads(block)  # still the same JSON


def test_page_decisions_script_never_writes_markup():
    js = resources.files("kg.viz").joinpath("page", "decisions.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js, sink


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="Debian chromium not installed")
def test_page_browser_details_show_correction_and_copy_decision(corrected, tmp_path):
    from playwright.sync_api import sync_playwright

    path = write_html(corrected, tmp_path / "g.html")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = b.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.kgViz && window.kgViz.ready === true", timeout=60_000)
        page.evaluate(f"kgViz.select({json.dumps(ban_key())})")
        text = page.locator("#details-body").inner_text()
        assert "Corrected by Ana Analyst" in text and "stated plainly" in text
        values = page.locator("#details-body input").evaluate_all("els => els.map(e => e.value)")
        assert values == [f"kg review --accept {ban_key()}", f"kg review --reject {ban_key()} --why '...'"]
        edge_id = page.evaluate("kgViz.cy.edges().filter(e => e.data('predicate') === 'headquarteredIn')[0].id()")
        page.evaluate(f"kgViz.cy.getElementById({json.dumps(edge_id)}).emit('tap')")
        text = page.locator("#details-body").inner_text()
        assert "alert(1)" in text and dialogs == []
        values = page.locator("#details-body input").evaluate_all("els => els.map(e => e.value)")
        assert values[0] == f"kg review --accept '{REL}'"
        b.close()
