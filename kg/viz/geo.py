"""A world map of policy measures: how many events each country takes (acting) and how many aim at it
(targeted), on the Natural Earth 1:110m country boundaries.

The boundaries are the npm package ``world-atlas`` 2.0.2 (``countries-110m.json``, TopoJSON,
vendored in ``kg/viz/vendor/`` with its licence and hash, see ``LICENSES.md`` there): nothing is
fetched. :func:`world` decodes it once; :func:`map_counts` matches the graph's countries to it by name
or alias (a small table maps the names news uses to Natural Earth's: ``United States`` → ``United
States of America``); :func:`write_map` draws the map with matplotlib for reports; the interactive
page draws the same data (:func:`page_map_data`) as inline SVG.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

import networkx as nx

from kg.atomic import emit
from kg.errors import OutputError
from kg.models import GraphBatch

MAP_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
ATLAS = ("vendor", "countries-110m.json")
MIN_LAT = -58.0  # Antarctica and the far south are left out: no measure is taken there

#: names the news (and Wikidata) use -> Natural Earth's short names
ALIASES = {
    "united states": "United States of America", "usa": "United States of America", "us": "United States of America",
    "u.s.": "United States of America", "america": "United States of America",
    "united kingdom of great britain and northern ireland": "United Kingdom", "uk": "United Kingdom",
    "britain": "United Kingdom", "great britain": "United Kingdom",
    "people's republic of china": "China", "prc": "China", "republic of china": "Taiwan",
    "russian federation": "Russia", "republic of korea": "South Korea", "korea": "South Korea",
    "democratic people's republic of korea": "North Korea", "dprk": "North Korea",
    "czech republic": "Czechia", "bosnia and herzegovina": "Bosnia and Herz.",
    "dominican republic": "Dominican Rep.", "central african republic": "Central African Rep.",
    "democratic republic of the congo": "Dem. Rep. Congo", "republic of the congo": "Congo",
    "north macedonia": "Macedonia", "ivory coast": "Côte d'Ivoire", "south sudan": "S. Sudan",
    "eswatini": "eSwatini", "viet nam": "Vietnam", "türkiye": "Turkey", "turkiye": "Turkey",
    "holland": "Netherlands", "the netherlands": "Netherlands", "uae": "United Arab Emirates",
    "iran (islamic republic of)": "Iran", "lao pdr": "Laos", "burma": "Myanmar",
}


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


@lru_cache(maxsize=1)
def world() -> list[dict[str, Any]]:
    """Countries as ``{"name", "id", "polygons": [[ring, ...], ...]}``, rings of (lon, lat)."""
    topo = json.loads(resources.files("kg.viz").joinpath(*ATLAS).read_text(encoding="utf-8"))
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices):
        out: list[tuple[float, float]] = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        # a ring that crosses the antimeridian (Russia, Fiji) is unwrapped: no stripe across the map
        fixed = out[:1]
        for x, y in out[1:]:
            px = fixed[-1][0]
            while x - px > 180:
                x -= 360
            while x - px < -180:
                x += 360
            fixed.append((x, y))
        return fixed

    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom.get("type") == "Polygon":
            polys = [geom["arcs"]]
        elif geom.get("type") == "MultiPolygon":
            polys = geom["arcs"]
        else:
            continue
        polygons = [[ring(r) for r in poly] for poly in polys]
        polygons = [p for p in polygons if p and max(lat for _, lat in p[0]) > MIN_LAT]
        if polygons:
            countries.append({"name": geom["properties"]["name"], "id": geom.get("id"), "polygons": polygons})
    return countries


def _area(r) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1]))) / 2


def anchor(country: dict[str, Any]) -> tuple[float, float]:
    """Where to write a country's name: the centroid of its largest polygon's outer ring."""
    r = max((p[0] for p in country["polygons"]), key=_area)
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1]):
        f = x0 * y1 - x1 * y0
        a += f
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    if abs(a) < 1e-9:
        return r[0]
    return cx / (3 * a), cy / (3 * a)


def match_country(names) -> str | None:
    """The Natural Earth name for the first of ``names`` (a name and its aliases) that is known."""
    known = {_norm(c["name"]): c["name"] for c in world()}
    for n in names:
        k = _norm(n)
        if k in known:
            return known[k]
        if k in ALIASES:
            return ALIASES[k]
    return None


def map_counts(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Events per country: ``acting`` (the event's actors' countries) and ``targeted`` (its targets
    that are countries, or belong to one), keyed by Natural Earth name, with the graph's own name
    for each (``names``, what the page's country filter uses) and the countries not on the map."""
    label_of = {n: d.get("label", n) for n, d in g.nodes(data=True)}
    ne_of_label: dict[str, str | None] = {}

    def ne(label: str) -> str | None:
        if label not in ne_of_label:
            node = next((n for n, d in g.nodes(data=True) if d.get("label") == label
                         and d.get("type") in ("Country", "Bloc")), None)
            aliases = g.nodes[node].get("aliases") or [] if node else []
            ne_of_label[label] = match_country([label, *aliases])
        return ne_of_label[label]

    acting: dict[str, int] = {}
    targeted: dict[str, int] = {}
    names: dict[str, str] = {}
    unmapped: set[str] = set()
    for n, d in g.nodes(data=True):
        if d.get("kind") != "event":
            continue
        for c in set(d.get("countries") or []):
            k = ne(c)
            if k:
                acting[k] = acting.get(k, 0) + 1
                names.setdefault(k, c)
            else:
                unmapped.add(c)
        for c in target_countries(g, n):
            k = ne(c)
            if k:
                targeted[k] = targeted.get(k, 0) + 1
                names.setdefault(k, c)
            else:
                unmapped.add(c)
    del label_of
    return {"acting": acting, "targeted": targeted, "names": names, "unmapped": sorted(unmapped)}


def target_countries(g: nx.MultiDiGraph, event: str) -> list[str]:
    """Countries an event aims at: its targets that are countries, else the targets' countries."""
    out: set[str] = set()
    for _u, v, k in g.out_edges(event, keys=True):
        if k != "target":
            continue
        d = g.nodes[v]
        if d.get("type") == "Country":
            out.add(d.get("label", v))
        else:
            out.update(d.get("countries") or [])
    return sorted(out)


def _project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular, y down (SVG); 1 unit = 1 degree."""
    return lon, -lat


def page_map_data(g: nx.MultiDiGraph) -> dict[str, Any]:
    """What the page's map view embeds: SVG path data per country, label anchors and counts."""
    shapes = []
    for c in world():
        parts = []
        for poly in c["polygons"]:
            for r in poly:
                pts = [_project(x, y) for x, y in r]
                parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
        ax, ay = _project(*anchor(c))
        shapes.append({"name": c["name"], "d": "".join(parts), "x": round(ax, 1), "y": round(ay, 1)})
    counts = map_counts(g)
    return {"shapes": shapes, "viewBox": [-170, -84, 350, 84 - MIN_LAT], **counts}


def write_map(batch: GraphBatch, path: str | Path, title: str | None = None) -> Path:
    """Draw two choropleths (events by acting country, by targeted country) with counts, to ``path``
    (.svg, .png or .pdf). Country labels are placed where they touch no other text, else left out
    (the colour still gives the count, and a note says how many)."""
    from kg.viz.network import to_networkx
    from kg.viz.labels import boxes_overlap, one_line

    path = Path(path)
    fmt = MAP_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise OutputError(f"{path}: unknown picture format {path.suffix or '(none)'!r} for the map; "
                          f"use one of {', '.join(sorted(MAP_FORMATS))}")
    g = to_networkx(batch)
    counts = map_counts(g)

    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    from matplotlib.collections import PolyCollection
    from matplotlib.colors import Normalize

    rc: dict[str, Any] = {"text.parse_math": False, "text.usetex": False, "svg.fonttype": "path",
                          "font.family": "DejaVu Sans", "font.size": 9}
    panels = (("acting", "Events by acting country", "Reds"), ("targeted", "Events by targeted country", "Blues"))
    with matplotlib.rc_context(cast(Any, rc)):
        fig, axes = plt.subplots(2, 1, figsize=(11, 11.5), dpi=110)
        try:
            for ax, (which, heading, cmap_name) in zip(axes, panels):
                values = counts[which]
                cmap = matplotlib.colormaps[cmap_name]
                norm = Normalize(vmin=0, vmax=max(values.values(), default=1))
                polys, colours = [], []
                for c in world():
                    v = values.get(c["name"], 0)
                    for poly in c["polygons"]:
                        polys.append(poly[0])
                        colours.append(cmap(0.15 + 0.85 * norm(v)) if v else "#eeeeee")
                ax.add_collection(PolyCollection(polys, facecolors=colours, edgecolors="#ffffff", linewidths=0.3))
                ax.set_xlim(-170, 180)
                ax.set_ylim(MIN_LAT, 84)
                ax.set_aspect("equal")
                ax.set_xticks([])
                ax.set_yticks([])
                for side in ax.spines.values():
                    side.set_visible(False)
                ax.set_title(heading, loc="left", fontsize=11)
                sm = matplotlib.cm.ScalarMappable(norm=norm, cmap=cmap)
                fig.colorbar(sm, ax=ax, shrink=0.6, label="events", fraction=0.03, pad=0.01)
            fig.suptitle(one_line(title or "Policy measures by country"), x=0.01, ha="left", fontsize=12)
            notes = []
            if counts["unmapped"]:
                notes.append("Not on the map (blocs, bodies or names not matched): "
                             + ", ".join(one_line(u) for u in counts["unmapped"][:20])
                             + (" ..." if len(counts["unmapped"]) > 20 else ""))
            note = fig.text(0.01, 0.01, "\n".join(notes), fontsize=7.5, color="#555555", wrap=True, va="bottom")
            fig.tight_layout(rect=(0, 0.05, 1, 0.97))
            renderer = cast(Any, fig.canvas).get_renderer()
            taken = [ax.title.get_window_extent(renderer) for ax in axes]
            taken.append(cast(Any, fig)._suptitle.get_window_extent(renderer))
            if notes:
                taken.append(note.get_window_extent(renderer))
            left_out = 0
            anchors = {c["name"]: anchor(c) for c in world()}
            for ax, (which, _h, _c) in zip(axes, panels):
                values = counts[which]
                for name in sorted(values, key=lambda k: (-values[k], k)):
                    x, y = anchors[name]
                    text = f"{one_line(counts['names'].get(name, name))} {values[name]}"
                    for dx, dy, ha, va in ((0, 0, "center", "center"), (0, 8, "center", "bottom"),
                                           (0, -8, "center", "top"), (8, 0, "left", "center"),
                                           (-8, 0, "right", "center")):
                        t = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                                        fontsize=7.5, color="#1f2328", gid="label",
                                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                              "alpha": 0.75})
                        box = t.get_window_extent(renderer)
                        if not any(boxes_overlap(box, o) for o in taken):
                            taken.append(box)
                            break
                        t.remove()
                    else:
                        left_out += 1
            if left_out:
                notes.append(f"{left_out} country labels left out where they would overlap.")
                note.set_text("\n".join(notes))
            emit(path, lambda fh: fig.savefig(fh, format=fmt))
        finally:
            plt.close(fig)
    return path
