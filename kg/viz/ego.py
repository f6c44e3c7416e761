"""Static ego-network pictures with Graphviz: one event or entity and what surrounds it.

``focus`` is a resource IRI, a record key, an entity name or alias, or an event label
("China · TravelRestriction · AI"); ``depth`` is how many links away to go. Labels are untrusted
text: each is passed through :func:`graphviz.escape` (backslashes doubled, ``<...>`` never read as an
HTML-like label) and quoted by the ``graphviz`` package; Graphviz itself escapes text in SVG.
Node identifiers in the DOT source are synthetic (``n0``, ``n1``...), never taken from the data.
"""
from __future__ import annotations

import re

import textwrap
from collections import deque
from pathlib import Path

import networkx as nx

from kg.atomic import emit_bytes
from kg.errors import ConfigError, OutputError
from kg.ids import key_of
from kg.models import GraphBatch
from kg.viz.network import EDGE_COLOURS, RELATION_COLOUR, TYPE_COLOURS, to_networkx, xml_safe

#: output formats Graphviz renders for us, by file suffix (plus the DOT source itself)
EGO_FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}

EDGE_LABELS = {"respondsTo": "responds to", "analogousTo": "analogous to"}


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _explain_head(g: nx.MultiDiGraph, n: str, d: dict) -> str | None:
    """How ``kg explain`` heads an event without a label: its actors' names, then the measure."""
    if d.get("kind") != "event" or not d.get("measure"):
        return None
    actors = [g.nodes[v].get("label", v) for _u, v, k in g.out_edges(n, keys=True) if k == "actor"]
    return f"{', '.join(actors) if actors else '—'} {d['measure']}"


_EXPLAIN_TAIL = re.compile(r"\s*\[confidence [0-9.]+\]\s*$")


def _names(g: nx.MultiDiGraph, n: str, d: dict) -> set[str]:
    """Every name a user may call a node by: label, aliases, the event's summary label (the head
    ``kg explain`` prints) or, for an event without one, ``kg explain``'s actors + measure."""
    names = {d.get("label") or "", d.get("summary") or ""} | set(d.get("aliases") or [])
    if not d.get("summary"):
        names.add(_explain_head(g, n, d) or "")
    return {_norm(x) for x in names if x}


def resolve_focus(g: nx.MultiDiGraph, focus: str) -> str:
    """The node a user means: IRI, key, exact name/alias/label (as the page or ``kg explain`` prints
    it), else a unique partial match. Ambiguous or unknown: ConfigError listing candidates and keys."""
    focus = focus.strip()
    if focus.startswith("* "):  # pasted from kg explain's text report
        focus = _EXPLAIN_TAIL.sub("", focus[2:]).strip()
    if not focus:
        raise ConfigError("--focus: empty; give an IRI, a key or a name")
    key = key_of(focus) or focus
    if key in g:
        return key
    want = _norm(_EXPLAIN_TAIL.sub("", focus))
    names = {n: _names(g, n, d) for n, d in g.nodes(data=True)}
    exact = [n for n in g if want in names[n]]
    if len(exact) == 1:
        return exact[0]
    candidates = exact or [n for n in g if any(want in x for x in names[n])]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise ConfigError(f"--focus: no event or entity is called {focus!r}; give a key, an IRI, a name or "
                          "an event label as the page or kg explain shows it")
    listed = ", ".join(f"{g.nodes[n].get('label', n)!r} ({n})" for n in sorted(candidates)[:5])
    more = f" and {len(candidates) - 5} more" if len(candidates) > 5 else ""
    raise ConfigError(f"--focus: {focus!r} is ambiguous: {listed}{more}; give the IRI or key")


def ego_subgraph(g: nx.MultiDiGraph, centre: str, depth: int = 2, max_nodes: int = 150,
                 hub_degree: int = 12) -> nx.MultiDiGraph:
    """Nodes at most ``depth`` links from ``centre`` (either direction), nearest first, capped.

    A hub met on the way (more than ``hub_degree`` links, e.g. a country every event names) is
    drawn but not walked through: otherwise depth 2 around any event is half the graph.
    """
    if depth < 0:
        raise ConfigError("--depth: must be 0 or more")
    seen = {centre: 0}
    queue = deque([centre])
    while queue and len(seen) < max_nodes:
        n = queue.popleft()
        if seen[n] >= depth or (n != centre and g.degree(n) > hub_degree):
            continue
        nbrs = set(g.successors(n)) | set(g.predecessors(n))
        for m in sorted(nbrs, key=lambda x: (-g.degree(x), x)):
            if m not in seen and len(seen) < max_nodes:
                seen[m] = seen[n] + 1
                queue.append(m)
    return g.subgraph(seen).copy()


def _label(text: str, width: int = 28) -> str:
    """A DOT label: wrapped lines, each escaped, joined by DOT's centred line break."""
    import graphviz

    flat = " ".join(xml_safe(str(text)).split()) or "?"  # SVG is XML: no control characters
    lines = textwrap.wrap(flat, width=width, break_long_words=True, break_on_hyphens=False)[:4] or ["?"]
    return graphviz.nohtml("\\n".join(graphviz.escape(line) for line in lines))


def to_dot(g: nx.MultiDiGraph, centre: str | None = None, title: str | None = None):
    """A :class:`graphviz.Digraph` of ``g``: events as red boxes, entities as ellipses by type."""
    import graphviz

    dot = graphviz.Digraph("ego", graph_attr={
        "rankdir": "LR", "bgcolor": "white", "fontname": "DejaVu Sans", "pad": "0.3", "nodesep": "0.25",
        "ranksep": "0.6", "overlap": "false", "splines": "true"},
        node_attr={"fontname": "DejaVu Sans", "fontsize": "11", "style": "filled"},
        edge_attr={"fontname": "DejaVu Sans", "fontsize": "9", "arrowsize": "0.7"})
    if title:
        dot.attr(label=_label(title, width=90), labelloc="t", fontsize="14")
    ids = {n: f"n{i}" for i, n in enumerate(sorted(g.nodes))}
    for n, d in g.nodes(data=True):
        colour = TYPE_COLOURS.get(d.get("type", ""), TYPE_COLOURS["Unknown"])
        attrs = {"label": _label(d.get("label", n), width=34 if d.get("kind") == "event" else 28), "color": colour}
        if d.get("kind") == "event":
            attrs.update(shape="box", style="rounded,filled", fillcolor=colour, fontcolor="white")
            extra = " · ".join(x for x in (d.get("status"), d.get("date")) if x)
            if extra:  # a last line for status and date, inside the box so it is never dropped
                attrs["label"] = graphviz.nohtml(attrs["label"] + "\\n" + _label(extra, width=40))
        else:
            attrs.update(shape="ellipse", fillcolor=colour + "33")
        if n == centre:
            attrs.update(penwidth="3", color="#1f2328")
        dot.node(ids[n], **attrs)
    for u, v, _k, d in g.edges(keys=True, data=True):
        p = d.get("predicate", "")
        colour = EDGE_COLOURS.get(p, RELATION_COLOUR)
        attrs = {"label": _label(EDGE_LABELS.get(p, p), width=20), "color": colour, "fontcolor": colour}
        if p == "analogousTo":
            attrs.update(style="dashed", dir="both", arrowhead="none", arrowtail="none")
        elif p == "precedent":
            attrs["style"] = "dotted"
        dot.edge(ids[u], ids[v], **attrs)
    return dot


def write_ego(batch: GraphBatch, focus: str, path: str | Path, depth: int = 2, max_nodes: int = 150) -> Path:
    """Draw the ego network of ``focus`` to ``path`` (.svg, .png, .pdf, or .dot for the source)."""
    import graphviz

    path = Path(path)
    fmt = EGO_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise OutputError(f"{path}: unknown picture format {path.suffix or '(none)'!r}; "
                          f"use one of {', '.join(sorted(EGO_FORMATS))}")
    g = to_networkx(batch)
    centre = resolve_focus(g, focus)
    sub = ego_subgraph(g, centre, depth=depth, max_nodes=max_nodes)
    label = g.nodes[centre].get("label", centre)
    dot = to_dot(sub, centre=centre, title=f"{label} — {depth} link{'s' if depth != 1 else ''} around")
    try:
        data = dot.source.encode("utf-8") if fmt == "dot" else dot.pipe(format=fmt, engine="dot")
    except graphviz.ExecutableNotFound:
        raise OutputError("Graphviz 'dot' is not installed (Debian: apt-get install graphviz)") from None
    except graphviz.CalledProcessError as exc:
        msg = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise OutputError(f"{path}: Graphviz failed: {msg[-1] if msg else exc}") from None
    emit_bytes(path, data)
    return path
