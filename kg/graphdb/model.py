"""GraphBatch -> property graph (labels, keys, relationship types): the one mapping table.

The loader, the exporters and the benchmarks all read :func:`to_property_graph`; nothing else
decides a label or a relationship type, and none of them ever comes from text.

Nodes (``iri`` is the key of every node)::

    (:Entity:<Type>  {iri, key, name, aliases[], wikidata?, type, corrected?...})  Type = Country, Bloc, ...
    (:PolicyEvent    {iri, key, measure, sectors[], sector?, status?, date?, year?, label?,
                      description?, reference?, confidence, corrected?...})

    corrected?... = corrected, corrected_by[], corrected_at, correction_reasons[], corrections[]:
    present on nodes and relationships an analyst's decision touched (kg.corrections)
    (:Dispatch       {iri, key, id, title?, date?, url?, source?})
    (:Measure|:Sector|:Status {iri, name})                             the SKOS concepts

Relationships (evidence and confidence on every relationship that has them)::

    (PolicyEvent)-[:ACTOR|TARGETS|AFFECTS]->(Entity)
    (PolicyEvent)-[:HAS_MEASURE]->(Measure)  -[:IN_SECTOR]->(Sector)  -[:HAS_STATUS]->(Status)
    (PolicyEvent)-[:CITES_PRECEDENT]->(Entity|PolicyEvent)
    (PolicyEvent)-[:RESPONDS_TO]->(PolicyEvent)
    (PolicyEvent)-[:ANALOGOUS_TO {score, basis, explanation}]->(PolicyEvent)   a < b by key
    (Entity)-[:HEADQUARTERED_IN|MEMBER_OF|PART_OF|WORKS_FOR|LEADS|PRODUCES|SUBSIDIARY_OF {predicate}]->(Entity)
    (Entity|PolicyEvent)-[:MENTIONED_IN]->(Dispatch)
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from kg import ids, vocab
from kg.models import ENTITY_TYPES, Evidence, GraphBatch

ENTITY = "Entity"
EVENT = "PolicyEvent"
DISPATCH = "Dispatch"
MEASURE, SECTOR, STATUS = "Measure", "Sector", "Status"

#: entity type (kg.models.EntityType) -> node label; identical names, listed so no label is built from data
ENTITY_LABELS: dict[str, str] = {t: t for t in ENTITY_TYPES}

#: the labels whose ``iri`` is unique (every node carries exactly one of them)
KEY_LABELS: tuple[str, ...] = (ENTITY, EVENT, DISPATCH, MEASURE, SECTOR, STATUS)

#: all node labels
NODE_LABELS: tuple[str, ...] = KEY_LABELS + tuple(ENTITY_LABELS.values())

#: kg.models.Relation predicate -> relationship type
RELATION_TYPES: dict[str, str] = {
    "headquarteredIn": "HEADQUARTERED_IN", "memberOf": "MEMBER_OF", "partOf": "PART_OF",
    "worksFor": "WORKS_FOR", "leads": "LEADS", "produces": "PRODUCES", "subsidiaryOf": "SUBSIDIARY_OF",
}
EVENT_ROLE_TYPES = ("ACTOR", "TARGETS", "AFFECTS")
REL_TYPES: tuple[str, ...] = (
    "ACTOR", "TARGETS", "AFFECTS", "IN_SECTOR", "HAS_MEASURE", "HAS_STATUS", "CITES_PRECEDENT",
    "RESPONDS_TO", "ANALOGOUS_TO", *RELATION_TYPES.values(), "MENTIONED_IN",
)

_CONCEPT_NS = {MEASURE: vocab.MSR, SECTOR: vocab.SEC, STATUS: vocab.STA}


@dataclass(frozen=True)
class NodeGroup:
    """Nodes sharing one set of labels; ``key_label`` is the label their ``iri`` is unique in."""

    key_label: str
    extra_label: str | None
    rows: list[dict[str, Any]]

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.key_label,) + ((self.extra_label,) if self.extra_label else ())


@dataclass(frozen=True)
class RelGroup:
    """Relationships of one type between nodes of two key labels. Rows: {src, dst, props}."""

    type: str
    src_label: str
    dst_label: str
    rows: list[dict[str, Any]]


@dataclass
class PropertyGraph:
    nodes: list[NodeGroup] = field(default_factory=list)
    rels: list[RelGroup] = field(default_factory=list)
    #: relationships with an endpoint outside the batch (type, src key, dst key): loaded only when the
    #: endpoint is already in the database
    dangling: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def node_count(self) -> int:
        return sum(len(g.rows) for g in self.nodes)

    @property
    def rel_count(self) -> int:
        return sum(len(g.rows) for g in self.rels)


def concept_iri(label: str, name: str) -> str:
    return str(getattr(_CONCEPT_NS[label], name))


def label_for_key(key: str) -> str:
    """The key label of a record key that is not in the batch (see kg.ids for the key forms)."""
    if key.startswith("event/"):
        return EVENT
    if key.startswith("dispatch/"):
        return DISPATCH
    return ENTITY


def year_of(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """Drop None values (a property graph has no nulls) and turn tuples into lists."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in props.items() if v is not None}


def evidence_props(evidence: Iterable[Evidence], confidence: float | None = None) -> dict[str, Any]:
    """Evidence as relationship properties: the first statement, plus every sentence and dispatch."""
    ev = list(evidence)
    props: dict[str, Any] = {}
    if ev:
        first = ev[0]
        props.update(sentence=first.sentence, dispatch_id=first.dispatch_id, rule=first.rule,
                     source=first.source)
        props["sentences"] = list(dict.fromkeys(e.sentence for e in ev if e.sentence))
        props["dispatch_ids"] = list(dict.fromkeys(e.dispatch_id for e in ev if e.dispatch_id))
        props["rules"] = list(dict.fromkeys(e.rule for e in ev if e.rule))
        props["evidence_count"] = len(ev)
        if confidence is None:
            confidence = max(e.confidence for e in ev)
    props["confidence"] = 1.0 if confidence is None else float(confidence)
    props.update(correction_props(ev))
    return _clean(props)


def correction_props(evidence: Iterable[Evidence]) -> dict[str, Any]:
    """Analysts' decisions among the evidence (see kg.corrections): who, when (the latest) and why."""
    ds = [e for e in evidence if e.source == "analyst"]
    if not ds:
        return {}
    return {"corrected": True,
            "corrected_by": sorted({e.analyst for e in ds if e.analyst}),
            "corrected_at": max((e.decided.isoformat() for e in ds if e.decided), default=None),
            "correction_reasons": sorted({e.reason for e in ds if e.reason}),
            "corrections": sorted({e.rule for e in ds})}


def to_property_graph(batch: GraphBatch) -> PropertyGraph:
    """Map the records to node and relationship rows (deterministic order)."""
    pg = PropertyGraph()
    label_of: dict[str, str] = {}  # record key -> key label

    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in batch.entities:
        label_of[e.key] = ENTITY
        by_type[ENTITY_LABELS[e.type]].append(_clean({
            "iri": str(ids.iri(e.key)), "key": e.key, "name": e.name, "aliases": list(e.aliases),
            "wikidata": e.wikidata, "type": e.type, **correction_props(e.mentions)}))
    for label in sorted(by_type):
        pg.nodes.append(NodeGroup(ENTITY, label, by_type[label]))

    from kg.rdf.graph import event_label  # the same label the RDF writer gives the event

    names = {e.key: e.name for e in batch.entities}
    events = []
    concepts: dict[str, dict[str, dict[str, Any]]] = {MEASURE: {}, SECTOR: {}, STATUS: {}}
    for ev in batch.events:
        label_of[ev.key] = EVENT
        events.append(_clean({
            "iri": str(ids.iri(ev.key)), "key": ev.key, "measure": ev.measure,
            "sectors": list(ev.sectors), "sector": ev.sectors[0] if ev.sectors else None,
            "status": ev.status, "date": ev.date, "year": year_of(ev.date), "label": event_label(ev, names),
            "description": ev.description, "reference": ev.reference, "confidence": ev.confidence,
            **correction_props(ev.evidence)}))
        concepts[MEASURE].setdefault(ev.measure, {"iri": concept_iri(MEASURE, ev.measure), "name": ev.measure})
        for s in ev.sectors:
            concepts[SECTOR].setdefault(s, {"iri": concept_iri(SECTOR, s), "name": s})
        if ev.status:
            concepts[STATUS].setdefault(ev.status, {"iri": concept_iri(STATUS, ev.status), "name": ev.status})
    if events:
        pg.nodes.append(NodeGroup(EVENT, None, events))
    for label in (MEASURE, SECTOR, STATUS):
        if concepts[label]:
            pg.nodes.append(NodeGroup(label, None, [concepts[label][k] for k in sorted(concepts[label])]))

    dispatches = []
    for d in batch.dispatches:
        key = ids.dispatch_key(d.id)
        label_of[key] = DISPATCH
        dispatches.append(_clean({
            "iri": str(ids.iri(key)), "key": key, "id": d.id, "title": d.title,
            "date": d.date.isoformat() if d.date else None, "url": d.url, "source": d.source}))
    if dispatches:
        pg.nodes.append(NodeGroup(DISPATCH, None, dispatches))

    rels: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)

    def add(rtype: str, src: str, dst: str, props: dict[str, Any], dst_label: str | None = None) -> None:
        sl, dl = label_of.get(src), dst_label or label_of.get(dst)
        if sl is None or dl is None:  # not in this batch: may already be in the database
            pg.dangling.append((rtype, src, dst))
            sl, dl = sl or label_for_key(src), dl or label_for_key(dst)
        s_iri = str(ids.iri(src))
        d_iri = dst if dst_label else str(ids.iri(dst))
        rels[(rtype, sl, dl)].append({"src": s_iri, "dst": d_iri, "props": props})

    for ev in batch.events:
        evp = evidence_props(ev.evidence, ev.confidence)
        for rtype, keys in (("ACTOR", ev.actors), ("TARGETS", ev.targets), ("AFFECTS", ev.affects),
                            ("CITES_PRECEDENT", ev.precedents), ("RESPONDS_TO", ev.responds_to)):
            for k in keys:
                add(rtype, ev.key, k, evp)
        add("HAS_MEASURE", ev.key, concept_iri(MEASURE, ev.measure), {}, dst_label=MEASURE)
        for s in ev.sectors:
            add("IN_SECTOR", ev.key, concept_iri(SECTOR, s), {}, dst_label=SECTOR)
        if ev.status:
            add("HAS_STATUS", ev.key, concept_iri(STATUS, ev.status), {}, dst_label=STATUS)
        for did in dict.fromkeys(e.dispatch_id for e in ev.evidence if e.dispatch_id):
            add("MENTIONED_IN", ev.key, ids.dispatch_key(did),
                evidence_props([e for e in ev.evidence if e.dispatch_id == did]))
    for an in batch.analogies:
        props = evidence_props(an.evidence, an.score)
        props.update(_clean({"score": an.score, "basis": an.basis, "explanation": an.explanation}))
        add("ANALOGOUS_TO", an.a, an.b, props)
    for r in batch.relations:
        props = evidence_props(r.evidence, r.confidence)
        props["predicate"] = r.predicate  # the ontology's name, for reports and for matching the RDF
        add(RELATION_TYPES[r.predicate], r.subject, r.object, props)
    for e in batch.entities:
        for did in dict.fromkeys(m.dispatch_id for m in e.mentions if m.dispatch_id):
            add("MENTIONED_IN", e.key, ids.dispatch_key(did),
                evidence_props([m for m in e.mentions if m.dispatch_id == did]))

    order = {t: i for i, t in enumerate(REL_TYPES)}
    for (rtype, sl, dl) in sorted(rels, key=lambda k: (order[k[0]], k[1], k[2])):
        pg.rels.append(RelGroup(rtype, sl, dl, rels[(rtype, sl, dl)]))
    return pg
