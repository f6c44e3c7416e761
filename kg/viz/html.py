"""The interactive page: one self-contained HTML file, no network at view time.

The page inlines Cytoscape.js and its fcose layout (vendored in ``kg/viz/vendor/``, see
``LICENSES.md`` there), its own script and style (``kg/viz/page/``) and the graph as JSON in a
``<script type="application/json">`` element. Safety rests on three things:

* the JSON is escaped so no label can end the element: ``<``, ``>`` and ``&`` become ``\\u003c``,
  ``\\u003e`` and ``\\u0026`` (still the same JSON);
* the page script puts data on screen only with ``textContent`` and canvas text, never as markup;
* a Content-Security-Policy allows only the page's own inline scripts and styles, by SHA-256 hash,
  and no remote source of any kind.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from kg.atomic import emit_text
from kg.errors import OutputError
from kg.models import GraphBatch
from kg.viz.network import EDGE_COLOURS, RELATION_COLOUR, TYPE_COLOURS, to_networkx

#: vendored scripts, in load order (each UMD bundle registers a global the next one uses)
VENDOR_SCRIPTS = ("layout-base.js", "cose-base.js", "cytoscape.min.js", "cytoscape-fcose.js")

# Cytoscape inserts this stylesheet itself unless it exists; shipping it lets the CSP name its hash.
_CYTOSCAPE_STYLE = ".__________cytoscape_container { position: relative; }"

_NODE_FIELDS = ("label", "kind", "type", "countries", "sectors", "measure", "status", "date", "aliases",
                "wikidata", "summary", "description", "reference", "confidence", "evidence", "degree")
_EDGE_FIELDS = ("predicate", "evidence", "score", "basis", "explanation", "confidence")


@lru_cache(maxsize=None)
def _asset(*parts: str) -> str:
    text = resources.files("kg.viz").joinpath(*parts).read_text(encoding="utf-8")
    low = text.lower()
    if "</script" in low or "<!--" in low:  # would end the inline <script> early
        raise OutputError(f"kg/viz/{'/'.join(parts)}: contains '</script' or '<!--' and cannot be inlined")
    return text


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def json_for_html(data: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def page_data(batch: GraphBatch, graph: nx.MultiDiGraph | None = None) -> dict[str, Any]:
    """What the page embeds: nodes, edges (with an id each), dispatches and counts."""
    from kg.viz.geo import page_map_data, target_countries

    g = graph if graph is not None else to_networkx(batch)
    nodes = []
    for n, d in g.nodes(data=True):
        item: dict[str, Any] = {"id": n}
        for f in _NODE_FIELDS:
            v = d.get(f)
            if v not in (None, [], ""):
                item[f] = v
        item.setdefault("degree", 0)
        if d.get("kind") == "event":
            targets = target_countries(g, n)
            if targets:
                item["target_countries"] = targets
        nodes.append(item)
    edges = []
    for i, (u, v, _k, d) in enumerate(g.edges(keys=True, data=True)):
        item = {"id": f"e{i}", "source": u, "target": v}
        for f in _EDGE_FIELDS:
            val = d.get(f)
            if val not in (None, [], ""):
                item[f] = val
        edges.append(item)
    dispatches = [{"id": d.id, "title": d.title or d.source, "url": d.url,
                   "date": d.date.isoformat() if d.date else None} for d in batch.dispatches]
    meta = {"dispatches": len(batch.dispatches), "entities": len(batch.entities), "events": len(batch.events),
            "type_colours": TYPE_COLOURS, "edge_colours": EDGE_COLOURS, "relation_colour": RELATION_COLOUR}
    return {"meta": meta, "nodes": nodes, "edges": edges, "dispatches": dispatches, "map": page_map_data(g)}


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<style id="__________cytoscape_stylesheet">{cy_style}</style>
<style>{style}</style>
</head>
<body>
<header><h1>{title}</h1><span class="stats" id="stats"></span></header>
<aside id="side">
  <h2>Search</h2>
  <input type="search" id="search" placeholder="name or alias" autocomplete="off">
  <div class="count" id="search-count"></div>
  <ul id="results"></ul>
  <div id="status"></div>
  <h2>Types (legend)</h2>
  <div id="types"></div>
  <h2>Events</h2>
  <label>Country <select id="f-country"></select></label>
  <label>Targeted country <select id="f-target"></select></label>
  <label>Sector <select id="f-sector"></select></label>
  <label>Measure <select id="f-measure"></select></label>
  <label>Status <select id="f-status"></select></label>
  <label>From <input type="date" id="f-from"></label>
  <label>To <input type="date" id="f-to"></label>
  <p><button type="button" id="reset">Reset</button></p>
  <h2>Links</h2>
  <div id="edge-legend"></div>
  <p class="hint">Diamonds are policy events, circles and boxes entities; size grows with links.</p>
</aside>
<div id="centre">
  <nav id="toolbar"><button type="button" id="view-overview" aria-pressed="true">Overview</button>
    <button type="button" id="view-network" aria-pressed="false">Full network</button>
    <button type="button" id="view-map" aria-pressed="false">Map</button></nav>
  <section id="mapview" hidden><div class="row" id="map-mode">
    <label><input type="radio" name="map-mode" value="acting" id="map-acting" checked> by acting country</label>
    <label><input type="radio" name="map-mode" value="targeted" id="map-targeted"> by targeted country</label></div>
    <div id="map-svg"></div><p class="hint">Click a country to see its events.</p><ol id="map-list"></ol></section>
  <section id="matrix"><h2>Events by acting country and measure (click to filter)</h2>
    <div id="matrix-body"></div></section>
  <main id="cy" aria-label="graph"></main>
</div>
<aside id="details"><h2>Details</h2><div id="details-body"></div></aside>
<script type="application/json" id="kg-data">{data}</script>
{scripts}
</body>
</html>
"""


def render_html(batch: GraphBatch, title: str = "PolicyKG graph", graph: nx.MultiDiGraph | None = None) -> str:
    """The page as a string."""
    scripts = [_asset("vendor", name) for name in VENDOR_SCRIPTS] + [_asset("page", "app.js"),
                                                                      _asset("page", "decisions.js")]
    style = _asset("page", "app.css")
    csp = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_sha256(s) for s in scripts),
        "style-src " + " ".join(_sha256(s) for s in (_CYTOSCAPE_STYLE, style)),
        "img-src data: blob:",
        "font-src 'none'", "connect-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
    ])
    return _TEMPLATE.format(
        csp=html.escape(csp, quote=True), title=html.escape(title, quote=True), cy_style=_CYTOSCAPE_STYLE,
        style=style, data=json_for_html(page_data(batch, graph)),
        scripts="\n".join(f"<script>{s}</script>" for s in scripts),
    )


def write_html(batch: GraphBatch, path: str | Path, title: str = "PolicyKG graph") -> Path:
    """Write the interactive page to ``path``; returns the path."""
    path = Path(path)
    text = render_html(batch, title=title)
    emit_text(path, text)
    return path
