"""Every view of the sample dispatches, as a new user would meet them (issue 14): the page's first
screen, a filter, the map; the timeline and the map pictures. Extracts data/samples with the real
pipeline (spaCy), hence ``slow``; drives Debian chromium."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.viz.html import write_html

CHROMIUM = "/usr/bin/chromium"
SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium not installed"),
              pytest.mark.skipif(not SAMPLES.is_dir(), reason="no data/samples")]


@pytest.fixture(scope="module")
def samples():
    from kg.workflow import extract

    return extract(SAMPLES).batch


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def test_samples_page_first_screen_filter_and_map(samples, browser, tmp_path):
    from test_html_browser import LABEL_BOXES_JS, _fitted, _overlapping

    page = browser.new_page(viewport={"width": 1400, "height": 850})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(write_html(samples, tmp_path / "s.html").resolve().as_uri())
        page.wait_for_function("window.kgViz && window.kgViz.ready === true", timeout=60_000)
        total = page.evaluate("kgViz.nodeCount()")
        first = page.evaluate("kgViz.visibleCount()")
        assert first < total / 2  # an overview, not the hairball
        boxes = page.evaluate(LABEL_BOXES_JS)
        assert len(boxes) >= 10 and _overlapping(boxes) == []
        page.select_option("#f-country", "China")
        assert page.evaluate("kgViz.visibleCount()") != first
        listed = page.evaluate("kgViz.listedEventIds()")
        assert 0 < len(listed) < len(page.evaluate("kgViz.cy.nodes('[kind = \"event\"]').map(function (n) { return n.id(); })"))
        fit = _fitted(page)
        assert fit["inside"] and fit["fill"] > 0.4
        assert _overlapping(page.evaluate(LABEL_BOXES_JS)) == []
        page.click("#view-map")
        china = page.locator('#map path[data-name="China"]')
        count = int(china.get_attribute("data-count"))
        assert count == page.evaluate("kgViz.mapCounts().acting['China']") >= 1
        assert page.locator('#map text[data-name="China"]').text_content() == str(count)
        assert errors == []
    finally:
        page.close()


def test_samples_timeline_and_map_text_never_overlaps(samples, browser, tmp_path):
    from test_svg_text import text_overlaps

    from kg.viz.geo import write_map
    from kg.viz.timeline import write_timeline

    for out in (write_timeline(samples, tmp_path / "t.svg"), write_map(samples, tmp_path / "m.svg")):
        boxes, bad = text_overlaps(browser, out)
        assert len(boxes) > 10 and bad == [], (out.name, bad[:5])
