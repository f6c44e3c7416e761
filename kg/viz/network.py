"""A :class:`~kg.models.GraphBatch` as a networkx graph: the one graph every picture and export uses.

Nodes are entities (``kind="entity"``, ``type`` their entity class) and policy events
(``kind="event"``, ``type="PolicyEvent"``), keyed by their record key. Edges run from event to
entity for ``actor``, ``target`` and ``affects``; from event to entity-or-event for ``precedent``;
from event to event for ``respondsTo`` and ``analogousTo`` (stored once, a -> b, symmetric in
meaning); and from subject to object for the entity relations (``headquarteredIn``, ...). The edge
key in the :class:`networkx.MultiDiGraph` is the predicate, so two nodes may be joined by several
kinds of edge but never twice by the same one.

Node attributes (what the interactive page shows): ``label``, ``kind``, ``type``, ``countries``,
``sectors``, ``measure``, ``status``, ``date``, ``aliases``, ``wikidata``, ``summary``,
``description``, ``reference``, ``confidence``, ``evidence`` (a list of dicts with the dispatch
title, url and date, the sentence, rule and confidence) and ``degree``.

:func:`write_graphml` and :func:`write_gexf` flatten these to the types GraphML and GEXF allow
(strings, numbers, booleans): lists become ``"; "``-joined strings and the evidence a JSON string,
so Gephi, Cytoscape desktop and yEd open the files as they are.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.atomic import emit
from kg.models import Dispatch, Evidence, GraphBatch

#: short forms of sector names used in event labels ("China · TravelRestriction · AI")
SECTOR_SHORT = {
    "ArtificialIntelligence": "AI", "Telecommunications": "Telecom", "CriticalMinerals": "Critical minerals",
    "SocialMedia": "Social media", "Semiconductors": "Semiconductors", "Biotechnology": "Biotech",
}

#: predicates of event -> node edges, in the order the page lists them
EVENT_ROLES = ("actor", "target", "affects", "precedent", "respondsTo", "analogousTo")

#: relation predicates that place an entity in a country (or bloc)
_PLACE_PREDICATES = ("headquarteredIn", "partOf")
#: relation predicates through which a person or body takes its organisation's country
_VIA_PREDICATES = ("worksFor", "leads", "subsidiaryOf")

UNKNOWN_TYPE = "Unknown"

#: one colour per node type, shared by the page, the ego pictures and the timeline
TYPE_COLOURS = {
    "PolicyEvent": "#d1242f", "Country": "#0969da", "Bloc": "#54aeff", "GovernmentBody": "#8250df",
    "Company": "#bf8700", "ResearchOrganization": "#1a7f37", "Person": "#e16f24", "Group": "#4ac26b",
    "Technology": "#6e7781", "Legislation": "#a475f9", "LegalCase": "#1b7c83", UNKNOWN_TYPE: "#afb8c1",
}
#: one colour per edge predicate (entity relations share RELATION_COLOUR)
EDGE_COLOURS = {
    "actor": "#d1242f", "target": "#0969da", "affects": "#bf8700", "precedent": "#8250df",
    "respondsTo": "#e16f24", "analogousTo": "#1a7f37",
}
RELATION_COLOUR = "#8c959f"

# characters XML 1.0 cannot carry at all (GraphML, GEXF and SVG are XML)
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (control characters, lone surrogates)."""
    return _XML_ILLEGAL.sub("", text)


def short_sector(sector: str) -> str:
    return SECTOR_SHORT.get(sector, sector)


def event_display_label(measure: str, actor_names: Iterable[str], sectors: Iterable[str]) -> str:
    """``"China · TravelRestriction · AI"``: who, what kind of measure, which sectors."""
    actors = list(actor_names)
    who = actors[0] if actors else "(no actor)"
    if len(actors) > 1:
        who += f" +{len(actors) - 1}"
    parts = [who, measure]
    secs = [short_sector(s) for s in sectors]
    if secs:
        parts.append("/".join(secs))
    return " · ".join(parts)


def _evidence_items(evidence: Iterable[Evidence], dispatches: dict[str, Dispatch]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for ev in evidence:
        d = dispatches.get(ev.dispatch_id or "")
        items.append({
            "dispatch": ev.dispatch_id,
            "title": (d.title if d else None) or (d.source if d else None),
            "url": d.url if d else None,
            "dispatch_date": d.date.isoformat() if d and d.date else None,
            "sentence": ev.sentence,
            "rule": ev.rule,
            "confidence": ev.confidence,
            "source": ev.source,
        })
        if ev.source == "analyst":  # an analyst's decision (kg.corrections): who, when, why
            items[-1].update(analyst=ev.analyst, reason=ev.reason,
                             decided=ev.decided.isoformat().replace("+00:00", "Z") if ev.decided else None)
    return items


def _countries(batch: GraphBatch) -> dict[str, list[str]]:
    """Entity key -> names of the countries (or blocs) it belongs to, through its relations."""
    types = {e.key: e.type for e in batch.entities}
    names = {e.key: e.name for e in batch.entities}
    direct: dict[str, set[str]] = {k: ({k} if t in ("Country", "Bloc") else set()) for k, t in types.items()}
    for r in batch.relations:
        if r.predicate in _PLACE_PREDICATES and types.get(r.object) in ("Country", "Bloc"):
            direct.setdefault(r.subject, set()).add(r.object)
    resolved = {k: set(v) for k, v in direct.items()}
    for r in batch.relations:  # one more hop: a person takes the country of whom they work for
        if r.predicate in _VIA_PREDICATES and not direct.get(r.subject):
            resolved.setdefault(r.subject, set()).update(direct.get(r.object, set()))
    return {k: sorted(names.get(c, c) for c in v) for k, v in resolved.items() if v}


def to_networkx(batch: GraphBatch) -> nx.MultiDiGraph:
    """The batch as a directed multigraph with the attributes the pictures need (see module doc)."""
    g = nx.MultiDiGraph(name="PolicyKG")
    dispatches = {d.id: d for d in batch.dispatches}
    countries = _countries(batch)
    names = {e.key: e.name for e in batch.entities}

    for e in batch.entities:
        g.add_node(e.key, kind="entity", type=e.type, label=e.name, aliases=list(e.aliases),
                   wikidata=e.wikidata, countries=countries.get(e.key, []),
                   evidence=_evidence_items(e.mentions, dispatches))

    for ev in batch.events:
        actor_names = [names.get(a, a) for a in ev.actors]
        ev_countries = sorted({c for a in ev.actors for c in countries.get(a, [])})
        g.add_node(ev.key, kind="event", type="PolicyEvent",
                   label=event_display_label(ev.measure, actor_names, ev.sectors),
                   measure=ev.measure, sectors=list(ev.sectors), status=ev.status, date=ev.date,
                   countries=ev_countries, summary=ev.label, description=ev.description,
                   reference=ev.reference, confidence=ev.confidence,
                   evidence=_evidence_items(ev.evidence, dispatches))

    def edge(u: str, v: str, predicate: str, **attrs: Any) -> None:
        for n in (u, v):
            if n not in g:  # a key no record describes: keep the edge, show the key
                g.add_node(n, kind="entity", type=UNKNOWN_TYPE, label=n, aliases=[], countries=[], evidence=[])
        g.add_edge(u, v, key=predicate, predicate=predicate, **attrs)

    for ev in batch.events:
        for role, keys in (("actor", ev.actors), ("target", ev.targets), ("affects", ev.affects),
                           ("precedent", ev.precedents), ("respondsTo", ev.responds_to)):
            for k in keys:
                edge(ev.key, k, role, evidence=[])
    for r in batch.relations:
        edge(r.subject, r.object, r.predicate, confidence=r.confidence,
             evidence=_evidence_items(r.evidence, dispatches))
    for an in batch.analogies:
        edge(an.a, an.b, "analogousTo", score=an.score, basis=an.basis, explanation=an.explanation,
             evidence=_evidence_items(an.evidence, dispatches))

    for n in g.nodes:
        g.nodes[n]["degree"] = int(g.degree(n))
    return g


# --- exports -------------------------------------------------------------------------------------

def _flat(value: Any) -> Any:
    """A GraphML/GEXF-legal value (str, int, float, bool), or None to leave the attribute out."""
    if value is None:
        return None
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return None
        if all(isinstance(x, (str, int, float)) for x in value):
            return xml_safe("; ".join(str(x) for x in value))
        return xml_safe(json.dumps(value, ensure_ascii=False))
    return xml_safe(str(value))


# every attribute of one name must have one type across the file (GraphML declares keys once)
_NUMERIC = {"degree": int, "confidence": float, "score": float}


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` whose attributes are only strings, numbers and booleans."""
    out = nx.MultiDiGraph(name=g.graph.get("name", "PolicyKG"))

    def attrs(data: dict[str, Any]) -> dict[str, Any]:
        flat: dict[str, Any] = {}
        for k, v in data.items():
            if k == "evidence":
                flat["evidence_count"] = len(v or [])
                titles = sorted({e["title"] for e in v or [] if e.get("title")})
                if titles:
                    flat["dispatches"] = xml_safe("; ".join(titles))
            fv = _flat(v)
            if fv is None:
                continue
            if k in _NUMERIC:
                fv = _NUMERIC[k](fv)
            flat[k] = fv
        return flat

    for n, data in g.nodes(data=True):
        out.add_node(xml_safe(n), **attrs(data))
    for u, v, k, data in g.edges(keys=True, data=True):
        out.add_edge(xml_safe(u), xml_safe(v), key=k, **attrs(data))
    return out


def _write(batch_or_graph: GraphBatch | nx.MultiDiGraph, path: str | Path, writer, what: str) -> Path:
    g = batch_or_graph if isinstance(batch_or_graph, nx.Graph) else to_networkx(batch_or_graph)
    path = Path(path)
    flat = flat_graph(g)
    emit(path, lambda fh: writer(flat, fh))  # networkx writes to an open binary file as well
    return path


def write_graphml(batch: GraphBatch | nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as GraphML (Gephi, Cytoscape desktop, yEd); returns the path."""
    return _write(batch, path, lambda g, p: nx.write_graphml(g, p, encoding="utf-8", prettyprint=True,
                                                             named_key_ids=True), "GraphML")


def write_gexf(batch: GraphBatch | nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as GEXF 1.2 (Gephi); returns the path."""
    return _write(batch, path, lambda g, p: nx.write_gexf(g, p, encoding="utf-8", prettyprint=True), "GEXF")
