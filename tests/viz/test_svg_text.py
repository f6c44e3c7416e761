"""Static pictures read as a person would: their SVG opened in headless Chromium, every piece of
text measured (getBBox of matplotlib's text groups), and no two pieces of text may overlap.

Also the timeline's content: news only by default, precedent-base records in their own band with
--with-precedents, one lane per actor country, undated events listed apart.
"""
from __future__ import annotations

import datetime as dt
import os

import pytest

from kg.models import Event, Evidence
from kg.viz.timeline import NO_ROW, is_precedent_record, timeline_rows, write_timeline

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

TEXT_BOXES_JS = """() => Array.from(document.querySelectorAll('g[id^="text_"], g[id^="label"]'))
    .filter(g => !g.querySelector('g[id^="text_"], g[id^="label"]'))
    .map(g => { const r = g.getBoundingClientRect(); return {id: g.id, x1: r.left, y1: r.top, x2: r.right, y2: r.bottom}; })
    .filter(b => b.x2 - b.x1 > 0.5 && b.y2 - b.y1 > 0.5)"""


def text_overlaps(browser, svg_path, tolerance=0.5):
    page = browser.new_page(viewport={"width": 1600, "height": 1200})
    try:
        page.goto(svg_path.resolve().as_uri())
        boxes = page.evaluate(TEXT_BOXES_JS)
    finally:
        page.close()
    bad = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if (a["x1"] + tolerance < b["x2"] and b["x1"] + tolerance < a["x2"]
                    and a["y1"] + tolerance < b["y2"] and b["y1"] + tolerance < a["y2"]):
                bad.append((a["id"], b["id"]))
    return boxes, bad


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian chromium not installed (make system-deps)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _with_precedent_records(batch):
    """The fixture plus two precedent-base records (a reference, precedent-base evidence)."""
    china = next(e.key for e in batch.entities if e.name == "China")
    us = next(e.key for e in batch.entities if e.name == "United States")
    base = Evidence(rule="precedent-base:x", source="precedent-base")
    records = (
        Event(key="event/base-1", measure="ExportControl", actors=(us,), sectors=("Semiconductors",),
              date="1949", status="Historical", label="CoCom controls", reference="https://example.org/cocom",
              evidence=(base,)),
        Event(key="event/base-2", measure="Sanction", actors=(china,), date="1989-06", status="Historical",
              label="Arms embargo", evidence=(base,)),
    )
    return batch.model_copy(update={"events": batch.events + records})


def test_timeline_news_only_by_default_precedents_in_their_own_band(batch):
    b = _with_precedent_records(batch)
    assert sum(is_precedent_record(e) for e in b.events) == 2
    placed, undated = timeline_rows(b, "country")
    assert {p[5] for p in placed} == {"news"} and min(p[1] for p in placed) == dt.date(1950, 1, 1)
    assert undated == ["United States · VisaRestriction · Research"]  # listed apart, not a row
    placed, _ = timeline_rows(b, "country", with_precedents=True)
    assert sorted(p[1].year for p in placed if p[5] == "precedents") == [1949, 1989]


def test_timeline_lanes_are_actor_countries(batch):
    placed, _ = timeline_rows(batch, "country")
    assert NO_ROW not in {p[0] for p in placed}
    assert {p[0] for p in placed} == {"China", "United States", "Netherlands", "European Union", "Soviet Union"}


@pytest.mark.browser
@pytest.mark.parametrize("with_precedents", [False, True])
def test_timeline_svg_text_never_overlaps(browser, batch, big_batch_of, tmp_path, with_precedents):
    for name, b in (("fixture", _with_precedent_records(batch)), ("generated", big_batch_of(600))):
        out = write_timeline(b, tmp_path / f"{name}.svg", with_precedents=with_precedents, max_rows=15)
        boxes, bad = text_overlaps(browser, out)
        assert len(boxes) > 10
        assert bad == [], (name, bad[:5])
        labels = [x for x in boxes if x["id"].startswith("label")]
        assert labels  # some labels were placed; those that could not be are counted in the note


@pytest.mark.browser
def test_timeline_two_bands_with_precedents(browser, batch, tmp_path):
    out = write_timeline(_with_precedent_records(batch), tmp_path / "t.svg", with_precedents=True)
    text = out.read_text(encoding="utf-8")
    assert text.count('<g id="axes_') == 2
    out = write_timeline(_with_precedent_records(batch), tmp_path / "t1.svg")
    assert out.read_text(encoding="utf-8").count('<g id="axes_') == 1


def test_map_counts_match_the_graph(batch):
    from kg.viz.geo import map_counts, match_country
    from kg.viz.network import to_networkx

    assert match_country(["United States"]) == "United States of America"
    assert match_country(["Atlantis", "PRC"]) == "China"
    counts = map_counts(to_networkx(batch))
    assert counts["acting"]["China"] == 2 and counts["acting"]["United States of America"] == 3  # BIS is part of the US
    assert counts["targeted"]["China"] >= 1  # the US export control aims at China
    assert "European Union" in counts["unmapped"]


@pytest.mark.browser
def test_map_svg_text_never_overlaps(browser, batch, big_batch_of, tmp_path):
    from kg.viz.geo import write_map

    out = write_map(batch, tmp_path / "map.svg", title="Sample")
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<text" not in text  # text drawn as paths
    boxes, bad = text_overlaps(browser, out)
    assert len([b for b in boxes if b["id"].startswith("label")]) >= 4  # China, US, NL, ... with counts
    assert bad == [], bad[:5]
    for suffix, magic in ((".png", b"\x89PNG"), (".pdf", b"%PDF-")):
        assert write_map(batch, tmp_path / ("map" + suffix)).read_bytes().startswith(magic)


def test_map_boundaries_are_the_vendored_file_with_its_hash():
    import hashlib
    from pathlib import Path

    import kg.viz

    vendor = Path(kg.viz.__file__).parent / "vendor"
    digest = hashlib.sha256((vendor / "countries-110m.json").read_bytes()).hexdigest()
    assert digest in (vendor / "LICENSES.md").read_text(encoding="utf-8")
    assert (vendor / "LICENSE.world-atlas.txt").exists()
