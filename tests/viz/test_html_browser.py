"""The interactive page in headless Chromium: renders, filters, searches, details, and stays inert.

Uses Debian's chromium (``make system-deps``) through Python playwright; never ``playwright install``.
"""
from __future__ import annotations

import os
import time

import pytest

from kg.viz.html import write_html
from kg.viz.network import to_networkx

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium not installed (make system-deps)")]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Opened:
    def __init__(self, page, messages, dialogs, requests):
        self.page, self.messages, self.dialogs, self.requests = page, messages, dialogs, requests

    def errors(self):
        return [m for m in self.messages if m[0] in ("error", "pageerror")]


def _open(browser, path, timeout_ms=60_000) -> Opened:
    page = browser.new_page(viewport={"width": 1400, "height": 850})
    messages, dialogs, requests = [], [], []
    page.on("console", lambda m: messages.append((m.type, m.text)))
    page.on("pageerror", lambda e: messages.append(("pageerror", str(e))))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.resolve().as_uri(), timeout=timeout_ms)
    page.wait_for_function("window.kgViz && window.kgViz.ready === true", timeout=timeout_ms)
    return Opened(page, messages, dialogs, requests)


@pytest.fixture(scope="module")
def opened(browser, batch, tmp_path_factory):
    path = write_html(batch, tmp_path_factory.mktemp("page") / "graph.html")
    o = _open(browser, path)
    yield o
    o.page.close()


def _labels_visible(o):
    return set(o.page.evaluate(
        "kgViz.visibleIds().map(function (id) { return kgViz.cy.getElementById(id).data('label'); })"))


def _reset(o):
    o.page.click("#reset")


def test_html_browser_renders_every_node_without_errors(opened, batch, tmp_path):
    g = to_networkx(batch)
    assert opened.page.evaluate("kgViz.nodeCount()") == g.number_of_nodes()
    assert opened.page.evaluate("kgViz.edgeCount()") == g.number_of_edges()
    assert opened.page.evaluate("kgViz.state().view") == "overview"
    opened.page.click("#view-network")
    assert opened.page.evaluate("kgViz.visibleCount()") == g.number_of_nodes()
    assert opened.page.locator("#status").inner_text() == f"Showing {g.number_of_nodes()} of {g.number_of_nodes()} nodes"
    assert opened.errors() == []
    assert [u for u in opened.requests if not u.startswith("file:")] == []  # nothing fetched
    shot = tmp_path / "graph.png"
    opened.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    opened.page.click("#view-overview")


def test_html_browser_overview_tells_the_story_newest_first(opened, batch):
    opened.page.evaluate("kgViz.overview()")
    items = opened.page.locator("#details-body ul.events li").all_inner_texts()
    assert len(items) == len(batch.events)
    assert items[0].startswith("China · TravelRestriction · AI 2025-03")
    assert items[-1].startswith("United States · VisaRestriction · Research")  # undated last
    titles = opened.page.locator("#details-body ol.dispatches li").all_inner_texts()
    assert len(titles) == 3 and any("The Hague follows on lithography" in t for t in titles)
    # the dispatch with a javascript: address is listed as text, not as a link
    assert opened.page.locator("#details-body ol.dispatches a").count() == 2
    opened.page.locator("#details-body ul.events .linklike").first.click()
    assert opened.page.locator("#details-body h3").inner_text() == "China · TravelRestriction · AI"
    opened.page.evaluate("kgViz.overview()")


def test_html_browser_event_labels_and_shapes(opened):
    node = opened.page.evaluate("""(function () {
        var n = kgViz.cy.nodes().filter(function (x) { return x.data('label') === 'China · TravelRestriction · AI'; });
        return {count: n.length, shape: n.style('shape'), label: n.data('label')};
    })()""")
    assert node == {"count": 1, "shape": "diamond", "label": "China · TravelRestriction · AI"}
    assert opened.page.evaluate("kgViz.cy.nodes('[label = \"China\"]').style('shape')") == "ellipse"


def test_html_browser_measure_filter(opened):
    opened.page.select_option("#f-measure", "TravelRestriction")
    assert _labels_visible(opened) == {
        "China · TravelRestriction · AI", "Soviet Union · TravelRestriction · Nuclear", "China", "Soviet Union",
        "AI researchers", "nuclear physicists", "DeepSeek", "Alibaba"}
    _reset(opened)
    assert opened.page.evaluate("kgViz.visibleCount()") == opened.page.evaluate("kgViz.nodeCount()")


def test_html_browser_country_filter(opened):
    opened.page.select_option("#f-country", "Netherlands")
    # the Dutch event, its actor, target and the firm it affects; ASML is also Dutch by headquarters
    assert _labels_visible(opened) == {"Netherlands · ExportControl · Semiconductors", "Netherlands",
                                       "DUV lithography", "ASML"}
    _reset(opened)


def test_html_browser_date_and_status_filters(opened):
    opened.page.fill("#f-from", "2024-06-01")
    opened.page.dispatch_event("#f-from", "change")
    events = {x for x in _labels_visible(opened) if " · " in x}
    assert events == {"European Union · Regulation · AI", "China · TravelRestriction · AI",
                      "Bureau of Industry and Security · EntityListing · Semiconductors"}
    opened.page.select_option("#f-status", "Historical")
    assert {x for x in _labels_visible(opened) if " · " in x} == set()
    _reset(opened)


def test_html_browser_type_checkbox_hides_that_type(opened):
    opened.page.uncheck("input[data-type=Company]")
    types = set(opened.page.evaluate(
        "kgViz.visibleIds().map(function (id) { return kgViz.cy.getElementById(id).data('type'); })"))
    assert "Company" not in types and "PolicyEvent" in types and "Country" in types
    _reset(opened)


def test_html_browser_search_by_name_and_alias(opened):
    opened.page.fill("#search", "prc")
    assert opened.page.locator("#search-count").inner_text() == "1 match"
    assert opened.page.locator("#results li").all_inner_texts() == ["China"]
    assert opened.page.evaluate("kgViz.cy.nodes('.match').map(function (n) { return n.data('label'); })") == ["China"]
    opened.page.locator("#results li").first.click()
    assert opened.page.locator("#details-body h3").inner_text() == "China"
    assert opened.page.evaluate("kgViz.state().view") == "ego"  # its neighbourhood
    wd = opened.page.locator('#details-body a[href="https://www.wikidata.org/wiki/Q148"]')
    assert wd.count() == 1 and wd.inner_text() == "Q148"
    assert "PRC" in opened.page.locator("#details-body").inner_text()
    _reset(opened)


def test_html_browser_node_details_show_evidence_with_dispatch_links(opened):
    opened.page.evaluate("""kgViz.select(kgViz.cy.nodes().filter(function (n) {
        return n.data('label') === 'China · TravelRestriction · AI'; }).id())""")
    body = opened.page.locator("#details-body")
    text = body.inner_text()
    assert "China now requires leading AI researchers to seek approval before travelling abroad." in text
    link = body.locator('a[href="https://example.org/dispatch/1"]')
    assert link.count() == 1 and link.inner_text() == "Beijing asks AI researchers to clear foreign trips first"
    assert "TravelRestriction" in text and "2025-03" in text and "InForce" in text


def test_html_browser_edge_details(opened):
    opened.page.evaluate("""(function () {
        var e = kgViz.cy.edges('[predicate = "analogousTo"]').filter(function (x) {
            return x.source().data('label').indexOf('Netherlands') === 0 || x.target().data('label').indexOf('Netherlands') === 0; });
        e.emit('tap');
    })()""")
    text = opened.page.locator("#details-body").inner_text()
    assert "analogous to" in text and "Both limit exports of chipmaking tools." in text
    assert "The Dutch step mirrors the American controls of 2022." in text


def test_html_browser_javascript_urls_are_not_links(opened):
    opened.page.evaluate("""kgViz.select(kgViz.cy.nodes().filter(function (n) {
        return n.data('label') === 'European Union · Regulation · AI'; }).id())""")
    body = opened.page.locator("#details-body")
    assert "The Hague follows on lithography as Brussels rules on AI" in body.inner_text()
    assert opened.page.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    assert opened.dialogs == []


def test_html_browser_hostile_labels_stay_text(opened, hostile_names):
    html_name, quote_name = hostile_names
    for name in hostile_names:
        opened.page.evaluate("(name) => kgViz.select(kgViz.cy.nodes().filter(function (n) { return n.data('label') === name; }).id())",
                             name)
        assert opened.page.locator("#details-body h3").text_content() == name
    opened.page.fill("#search", "onerror")
    assert opened.page.locator("#results li").all_text_contents() == [html_name]
    # the markup was never parsed: no <img>, <b> or extra <script> element exists, no dialog opened
    assert opened.page.evaluate("document.querySelectorAll('img').length") == 0
    assert opened.page.evaluate("document.querySelectorAll('b').length") == 0
    assert opened.page.evaluate("document.querySelectorAll('script').length") == 7  # 4 vendored, app, decisions, data
    time.sleep(0.3)
    assert opened.dialogs == [] and opened.errors() == []
    _reset(opened)


def test_html_browser_5000_nodes_render(browser, big_batch, tmp_path):
    path = write_html(big_batch, tmp_path / "big.html")
    start = time.monotonic()
    o = _open(browser, path, timeout_ms=120_000)
    seconds = time.monotonic() - start
    try:
        assert o.page.evaluate("kgViz.nodeCount()") == to_networkx(big_batch).number_of_nodes() == 5000
        assert o.errors() == []
        assert o.page.evaluate("kgViz.visibleCount()") < 200  # the overview, not the hairball
        o.page.fill("#search", "Entity 3217")
        assert o.page.locator("#search-count").inner_text() == "1 match"
        timings = {}
        for name, js in [("full network", "kgViz.view('network')"),
                         ("country filter", "kgViz.setState({country: 'Entity 3'})"),
                         ("neighbourhood", "kgViz.select('gen/e3')"),
                         ("zoom and labels", "kgViz.cy.zoom(kgViz.cy.zoom() * 2); kgViz.thinLabels()")]:
            t = time.monotonic()
            o.page.evaluate(js)
            timings[name] = time.monotonic() - t
        print("5,000 nodes:", {k: round(v, 2) for k, v in timings.items()})
        assert max(timings.values()) < 15, timings
        assert o.errors() == []
        o.page.screenshot(path=str(tmp_path / "big.png"))
        print(f"5,000 nodes: page ready in {seconds:.1f} s (layout {o.page.evaluate('kgViz.layoutMs')} ms)")
        assert seconds < 90
    finally:
        o.page.close()


def test_html_browser_unlinked_entities_hidden_until_ticked(browser, big_batch_of, tmp_path):
    from kg.models import Entity

    b = big_batch_of(200)
    lonely = tuple(Entity(key=f"company/lonely-{i}", type="Company", name=f"Lonely {i}") for i in range(3))
    b = b.model_copy(update={"entities": b.entities + lonely})
    o = _open(browser, write_html(b, tmp_path / "lonely.html"))
    try:
        g = to_networkx(b)
        unlinked = [n for n in g if g.degree(n) == 0]
        assert {f"company/lonely-{i}" for i in range(3)} <= set(unlinked)
        total = o.page.evaluate("kgViz.nodeCount()")
        assert total == g.number_of_nodes()
        o.page.click("#view-network")
        assert o.page.evaluate("kgViz.visibleCount()") == total - len(unlinked)
        assert "Lonely 1" not in _labels_visible(o)
        o.page.check("#f-isolated")
        assert o.page.evaluate("kgViz.visibleCount()") == total
        o.page.click("#reset")
        assert o.page.evaluate("kgViz.visibleCount()") == total - len(unlinked)
        o.page.fill("#search", "Lonely 2")  # search still finds them, and choosing one shows it
        o.page.locator("#results li").first.click()
        assert "Lonely 2" in _labels_visible(o)
        assert o.errors() == []
    finally:
        o.page.close()


def test_html_browser_empty_graph_renders(browser, tmp_path):
    from kg.models import GraphBatch

    o = _open(browser, write_html(GraphBatch(), tmp_path / "empty.html"))
    try:
        assert o.page.evaluate("kgViz.nodeCount()") == 0
        assert o.page.locator("#status").inner_text() == "Showing 0 of 0 nodes"
        assert o.errors() == []
    finally:
        o.page.close()


# ---------------------------------------------------------------- overview first, explore outward

LABEL_BOXES_JS = """(function () {
    var cy = kgViz.cy, z = cy.zoom();
    return cy.nodes().filter(function (n) { return n.visible() && !!n.style('label'); }).map(function (n) {
        var b = n.renderedBoundingBox({includeNodes: false, includeEdges: false, includeLabels: true});
        return {label: n.data('label'), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2,
                px: parseFloat(n.style('font-size')) * z};
    });
})()"""


def _overlapping(boxes):
    bad = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]:
                bad.append((a["label"], b["label"]))
    return bad


def _check_labels(page, minimum=1):
    boxes = page.evaluate(LABEL_BOXES_JS)
    assert len(boxes) >= minimum
    assert _overlapping(boxes) == []
    assert all(11 <= b["px"] <= 13 for b in boxes), {round(b["px"], 1) for b in boxes}  # same size on screen
    return boxes


def _fitted(page):
    """The visible nodes' box on screen: inside the canvas, and filling a good part of it."""
    return page.evaluate("""(function () {
        var cy = kgViz.cy, bb = cy.nodes().filter(function (n) { return n.visible(); }).renderedBoundingBox();
        return {inside: bb.x1 >= -1 && bb.y1 >= -1 && bb.x2 <= cy.width() + 1 && bb.y2 <= cy.height() + 1,
                fill: Math.max(bb.w / cy.width(), bb.h / cy.height())};
    })()""")


def test_html_browser_first_screen_labels_are_legible_and_never_overlap(browser, big_batch_of, opened, tmp_path):
    opened.page.click("#reset")
    _check_labels(opened.page, minimum=8)
    o = _open(browser, write_html(big_batch_of(400), tmp_path / "g400.html"))
    try:
        assert o.page.evaluate("kgViz.state().view") == "overview"
        assert o.page.locator("#matrix-table td.cell").count() > 10  # the country x measure summary
        visible = o.page.evaluate("kgViz.visibleCount()")
        assert visible < o.page.evaluate("kgViz.nodeCount()") / 2  # not the whole network
        boxes = _check_labels(o.page, minimum=8)
        events = set(o.page.evaluate(
            "kgViz.visibleIds().filter(function (id) { return id.indexOf('event/') === 0; })"))
        labelled = {b["label"] for b in boxes}
        shown = {o.page.evaluate("(id) => kgViz.cy.getElementById(id).data('label')", e) for e in events}
        assert len(labelled & shown) >= len(shown) / 2  # most of the top events are named
        for factor in (3, 0.4):  # zoomed in and out, labels keep their size and still do not overlap
            o.page.evaluate(f"kgViz.cy.zoom({{level: kgViz.cy.zoom() * {factor}, renderedPosition: {{x: 400, y: 300}}}});"
                            "kgViz.thinLabels()")
            _check_labels(o.page, minimum=0)
        o.page.click("#view-network")  # the full network on request
        assert o.page.evaluate("kgViz.visibleCount()") == o.page.evaluate("kgViz.nodeCount()")
        _check_labels(o.page, minimum=1)
        assert o.errors() == []
    finally:
        o.page.close()


def test_html_browser_filters_fit_the_view_and_filter_the_event_list(opened, batch):
    opened.page.click("#reset")
    before = opened.page.evaluate("kgViz.visibleCount()")
    assert len(opened.page.evaluate("kgViz.listedEventIds()")) == len(batch.events)
    china_events = {e.key for e in batch.events if any(a == "wd/Q148" for a in e.actors)}
    for how in ("select", "matrix"):
        if how == "select":
            opened.page.select_option("#f-country", "China")
        else:
            opened.page.click("#matrix-table th.row:text-is('China')")
        assert set(opened.page.evaluate("kgViz.listedEventIds()")) == china_events
        assert opened.page.evaluate("kgViz.visibleCount()") != before
        fit = _fitted(opened.page)
        assert fit["inside"] and fit["fill"] > 0.4, fit
        _check_labels(opened.page, minimum=3)
        opened.page.click("#reset")
    opened.page.click("#matrix-table td.cell[data-country='Netherlands'][data-measure='ExportControl']")
    assert _labels_visible(opened) == {"Netherlands · ExportControl · Semiconductors", "Netherlands",
                                       "DUV lithography", "ASML"}
    assert len(opened.page.evaluate("kgViz.listedEventIds()")) == 1
    opened.page.click("#reset")
    opened.page.fill("#search", "gallium")  # a search filters too: the match and its neighbours
    labels = _labels_visible(opened)
    assert "gallium" in labels and "China · ExportControl · Critical minerals" in labels and len(labels) < before
    assert len(opened.page.evaluate("kgViz.listedEventIds()")) == 1
    fit = _fitted(opened.page)
    assert fit["inside"] and fit["fill"] > 0.4, fit
    opened.page.fill("#search", "")
    opened.page.click("#reset")


def test_html_browser_selecting_shows_the_neighbourhood_and_expands(opened, batch):
    opened.page.click("#reset")
    opened.page.evaluate("kgViz.select('wd/Q148')")  # China
    one = set(opened.page.evaluate("kgViz.visibleIds()"))
    g = to_networkx(batch)
    assert one == {"wd/Q148"} | set(g.predecessors("wd/Q148")) | set(g.successors("wd/Q148"))
    labelled = set(opened.page.evaluate("kgViz.labelledIds()"))
    assert "wd/Q148" in labelled
    _check_labels(opened.page, minimum=3)
    opened.page.click("#expand")
    assert len(opened.page.evaluate("kgViz.visibleIds()")) > len(one)
    assert opened.page.evaluate("kgViz.state().hops") == 2
    opened.page.go_back()
    assert set(opened.page.evaluate("kgViz.visibleIds()")) == one
    opened.page.click("#reset")


def test_html_browser_url_fragment_keeps_the_state(browser, opened, batch):
    page = opened.page
    page.click("#reset")
    start = set(page.evaluate("kgViz.visibleIds()"))
    page.select_option("#f-measure", "ExportControl")
    page.fill("#f-from", "2023-01-01")
    page.dispatch_event("#f-from", "change")
    filtered = set(page.evaluate("kgViz.visibleIds()"))
    url = page.url
    assert "measure=ExportControl" in url and "from=2023-01-01" in url
    other = browser.new_page(viewport={"width": 1400, "height": 850})
    try:  # the same view, shared by its address
        other.goto(url)
        other.wait_for_function("window.kgViz && window.kgViz.ready === true")
        assert set(other.evaluate("kgViz.visibleIds()")) == filtered
        assert other.locator("#f-measure").input_value() == "ExportControl"
        assert other.evaluate("kgViz.listedEventIds()") == page.evaluate("kgViz.listedEventIds()")
    finally:
        other.close()
    page.evaluate("kgViz.select('wd/Q148')")
    assert "sel=wd%2FQ148" in page.url and "view=ego" in page.url
    page.go_back()  # back to the filtered view
    assert set(page.evaluate("kgViz.visibleIds()")) == filtered
    page.go_back()
    page.go_back()
    assert page.evaluate("kgViz.state().measure") == ""
    assert set(page.evaluate("kgViz.visibleIds()")) == start
    page.go_forward()
    assert page.evaluate("kgViz.state().measure") == "ExportControl"
    hostile = url.split("#")[0] + "#view=%3Cimg%20src=x%20onerror=alert(1)%3E&country=%3Cb%3E&sel=nope"
    page.goto(hostile)  # a crafted address is read as data and falls back to the overview
    page.wait_for_function("window.kgViz && window.kgViz.ready === true")
    assert page.evaluate("kgViz.state()")["view"] == "overview"
    assert page.evaluate("document.querySelectorAll('img, b').length") == 0 and opened.dialogs == []
    page.click("#reset")


# ---------------------------------------------------------------- world map

def test_html_browser_map_shows_counts_and_click_filters(opened, batch):
    page = opened.page
    page.click("#reset")
    page.click("#view-map")
    china = page.locator('#map path[data-name="China"]')
    assert china.count() == 1
    acting = {e.key for e in batch.events if "wd/Q148" in e.actors}
    assert china.get_attribute("data-count") == str(len(acting))
    assert page.locator('#map text[data-name="China"]').text_content() == str(len(acting))
    assert china.get_attribute("fill") != page.locator('#map path[data-name="Brazil"]').get_attribute("fill")
    assert any(t.startswith("China — ") for t in page.locator("#map-list li").all_inner_texts())
    assert "view=map" in page.url
    china.click()  # filters to China's events, back in the overview
    assert page.evaluate("kgViz.state()")["country"] == "China"
    assert set(page.evaluate("kgViz.listedEventIds()")) == acting
    page.go_back()
    assert page.evaluate("kgViz.state().view") == "map"
    page.check("#map-targeted")
    targeted = page.locator('#map path[data-name="China"]').get_attribute("data-count")
    assert int(targeted) >= 1
    page.locator('#map path[data-name="China"]').click()
    listed = page.evaluate("kgViz.listedEventIds()")
    assert page.evaluate("kgViz.state()")["target"] == "China" and len(listed) == int(targeted)
    assert opened.errors() == []
    page.click("#reset")
    page.click("#view-overview")


def test_html_browser_map_counts_do_not_overlap(opened):
    page = opened.page
    page.click("#view-map")
    boxes = page.evaluate("""Array.from(document.querySelectorAll('#map text')).map(function (t) {
        var r = t.getBoundingClientRect(); return {label: t.getAttribute('data-name'), x1: r.left, y1: r.top, x2: r.right, y2: r.bottom}; })""")
    assert boxes and _overlapping(boxes) == []
    page.click("#view-overview")
