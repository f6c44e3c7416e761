"""Records -> RDF: the one mapping from a :class:`~kg.models.GraphBatch` to triples.

:func:`iter_quads` yields ``(subject, predicate, object, graph)`` with rdflib terms; ``graph`` is
the IRI of the dispatch whose evidence supports the statement, or ``None`` for the default
("background") graph that holds gazetteer / precedent-base / inferred facts, dispatch metadata and
the pipeline node. Both :func:`batch_to_dataset` (rdflib) and the streaming writer in
:mod:`kg.rdf.write` consume the same generator, so they cannot disagree.

No blank nodes: evidence, relation assertions, analogies and the pipeline get IRIs derived from
their content (:func:`kg.ids.content_hash`), so output is deterministic and batches merge by
plain graph union.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS

from kg import ids
from kg.models import Analogy, Dispatch, Entity, Event, Evidence, GraphBatch, Relation
from kg.vocab import FAM, MSR, POL, PREFIXES, SEC, STA  # noqa: F401  (FAM re-exported for callers)

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef | None]

WD_IRI = PREFIXES["wd"]

_DATE_RE = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
)

# ---------------------------------------------------------------- keys of derived nodes
# Keys for nodes that are not records themselves. They are content hashes, built only from
# kg.ids helpers, so the same statement always gets the same IRI in every run and every batch.


def evidence_key(ev: Evidence) -> str:
    return "evidence/" + ids.content_hash(ev.dispatch_id or "", ev.sentence or "", ev.start, ev.end,
                                          ev.rule, _dec(ev.confidence), ev.source)


def assertion_key(subject: str, predicate: str, obj: str) -> str:
    return "assertion/" + ids.content_hash(subject, predicate, obj)


def analogy_key(a: str, b: str) -> str:
    a, b = sorted((a, b))
    return "analogy/" + ids.content_hash(a, b)


def pipeline_key(version: str, model: str) -> str:
    return "pipeline/" + ids.content_hash(version, model)


def dispatch_iri(dispatch_id: str) -> URIRef:
    return ids.iri(ids.dispatch_key(dispatch_id))


# ---------------------------------------------------------------- literals


def _dec(x: float) -> str:
    """Canonical-ish xsd:decimal lexical form of a float: 1.0 -> '1.0', 1e-05 -> '0.00001'."""
    s = format(Decimal(repr(float(x))), "f")
    if "." not in s:
        s += ".0"
    return s


def decimal_literal(x: float) -> Literal:
    return Literal(_dec(x), datatype=XSD.decimal)


def int_literal(n: int) -> Literal:
    return Literal(str(int(n)), datatype=XSD.integer)


def date_literal(value: str) -> Literal:
    """ISO 8601 'YYYY-MM-DD' / 'YYYY-MM' / 'YYYY' -> xsd:date / gYearMonth / gYear.

    Anything else stays a plain string (SHACL validation then reports it)."""
    for rx, dtype in _DATE_RE:
        if rx.match(value):
            return Literal(value, datatype=dtype)
    return string_literal(value)


def string_literal(s: str) -> Literal:
    """A plain string literal. U+0000 is dropped: it has no meaning in text, XML cannot hold it
    and C-based RDF tools (raptor) truncate strings at it."""
    return Literal(s.replace("\x00", "") if "\x00" in s else s)


# ---------------------------------------------------------------- mapping


def _graphs_of(evidence: Iterable[Evidence]) -> list[URIRef | None]:
    """The named graphs a statement belongs in: one per dispatch citing it, else the default."""
    ds = sorted({e.dispatch_id for e in evidence if e.dispatch_id})
    return [dispatch_iri(d) for d in ds] or [None]


def _evidence_quads(ev: Evidence) -> tuple[URIRef, list[Quad]]:
    node = ids.iri(evidence_key(ev))
    g = dispatch_iri(ev.dispatch_id) if ev.dispatch_id else None
    q: list[Quad] = [(node, RDF.type, POL.Evidence, g)]
    if ev.dispatch_id:
        q.append((node, POL.fromDispatch, dispatch_iri(ev.dispatch_id), g))
    if ev.sentence is not None:
        q.append((node, POL.sentence, string_literal(ev.sentence), g))
    if ev.start is not None:
        q.append((node, POL.startOffset, int_literal(ev.start), g))
    if ev.end is not None:
        q.append((node, POL.endOffset, int_literal(ev.end), g))
    q.append((node, POL.rule, string_literal(ev.rule), g))
    q.append((node, POL.confidence, decimal_literal(ev.confidence), g))
    q.append((node, POL.evidenceSource, string_literal(ev.source), g))
    return node, q


def _with_evidence(subject: URIRef, evidence: Iterable[Evidence],
                   graphs: list[URIRef | None]) -> Iterator[Quad]:
    """Link ``subject`` to each evidence node (in the evidence's own graph) and describe it."""
    for ev in evidence:
        node, q = _evidence_quads(ev)
        yield from q
        yield (subject, POL.evidence, node, q[0][3])


def dispatch_quads(d: Dispatch, pipeline_node: URIRef | None) -> Iterator[Quad]:
    s = dispatch_iri(d.id)
    yield (s, RDF.type, POL.Dispatch, None)
    yield (s, POL.contentHash, string_literal(d.id), None)
    if d.title:
        yield (s, POL.title, string_literal(d.title), None)
        yield (s, RDFS.label, string_literal(d.title), None)
    if d.standfirst:
        yield (s, POL.standfirst, string_literal(d.standfirst), None)
    if d.date:
        yield (s, POL.publicationDate, Literal(d.date.isoformat(), datatype=XSD.date), None)
    if d.url:
        yield (s, POL.url, Literal(d.url.replace("\x00", ""), datatype=XSD.anyURI), None)
    if d.source:
        yield (s, POL.sourceLocation, string_literal(d.source), None)
    if d.verification_note:
        yield (s, POL.verificationNote, string_literal(d.verification_note), None)
    if pipeline_node is not None:
        yield (s, POL.extractedBy, pipeline_node, None)


def entity_quads(e: Entity) -> Iterator[Quad]:
    s = ids.iri(e.key)
    graphs = _graphs_of(e.mentions)
    for g in graphs:
        yield (s, RDF.type, POL[e.type], g)
        yield (s, RDFS.label, string_literal(e.name), g)
        for alias in sorted(set(e.aliases) - {e.name}):
            yield (s, SKOS.altLabel, string_literal(alias), g)
        if e.wikidata and ids.is_qid(e.wikidata):
            yield (s, OWL.sameAs, URIRef(WD_IRI + e.wikidata), g)
        if g is not None:
            yield (s, POL.mentionedIn, g, g)
    yield from _with_evidence(s, e.mentions, graphs)


def event_label(ev: Event, names: dict[str, str]) -> str:
    """Event.label, or a generated one: 'China TravelRestriction (ArtificialIntelligence)'."""
    if ev.label:
        return ev.label
    actors = " / ".join(names.get(a, a) for a in ev.actors)
    text = f"{actors} {ev.measure}".strip()
    if ev.sectors:
        text += " (" + ", ".join(ev.sectors) + ")"
    return text


def event_quads(ev: Event, names: dict[str, str]) -> Iterator[Quad]:
    s = ids.iri(ev.key)
    graphs = _graphs_of(ev.evidence)
    for g in graphs:
        yield (s, RDF.type, POL.PolicyEvent, g)
        yield (s, RDFS.label, string_literal(event_label(ev, names)), g)
        yield (s, POL.measure, MSR[ev.measure], g)
        for k in ev.actors:
            yield (s, POL.actor, ids.iri(k), g)
        for k in ev.targets:
            yield (s, POL.target, ids.iri(k), g)
        for k in ev.affects:
            yield (s, POL.affects, ids.iri(k), g)
        for sec in ev.sectors:
            yield (s, POL.sector, SEC[sec], g)
        if ev.status:
            yield (s, POL.status, STA[ev.status], g)
        if ev.date:
            yield (s, POL.date, date_literal(ev.date), g)
        for k in ev.precedents:
            yield (s, POL.precedent, ids.iri(k), g)
        for k in ev.responds_to:
            yield (s, POL.respondsTo, ids.iri(k), g)
        if ev.description:
            yield (s, POL.description, string_literal(ev.description), g)
        if ev.reference:
            yield (s, POL.reference, Literal(ev.reference.replace("\x00", ""), datatype=XSD.anyURI), g)
        yield (s, POL.confidence, decimal_literal(ev.confidence), g)
    yield from _with_evidence(s, ev.evidence, graphs)


def relation_quads(r: Relation) -> Iterator[Quad]:
    s, p, o = ids.iri(r.subject), POL[r.predicate], ids.iri(r.object)
    a = ids.iri(assertion_key(r.subject, r.predicate, r.object))
    graphs = _graphs_of(r.evidence)
    for g in graphs:
        yield (s, p, o, g)
        yield (a, RDF.type, POL.RelationAssertion, g)
        yield (a, POL.assertedSubject, s, g)
        yield (a, POL.assertedPredicate, p, g)
        yield (a, POL.assertedObject, o, g)
        yield (a, POL.confidence, decimal_literal(r.confidence), g)
    yield from _with_evidence(a, r.evidence, graphs)


def analogy_quads(an: Analogy) -> Iterator[Quad]:
    a_key, b_key = sorted((an.a, an.b))
    a, b = ids.iri(a_key), ids.iri(b_key)
    n = ids.iri(analogy_key(a_key, b_key))
    graphs = _graphs_of(an.evidence)
    for g in graphs:
        yield (a, POL.analogousTo, b, g)  # once per pair; pol:analogousTo is owl:SymmetricProperty
        yield (n, RDF.type, POL.Analogy, g)
        yield (n, POL.relates, a, g)
        yield (n, POL.relates, b, g)
        yield (n, POL.score, decimal_literal(an.score), g)
        yield (n, POL.basis, string_literal(an.basis), g)
        if an.explanation:
            yield (n, POL.explanation, string_literal(an.explanation), g)
    yield from _with_evidence(n, an.evidence, graphs)


def iter_quads(batch: GraphBatch) -> Iterator[Quad]:
    """Every statement of the batch, with the named graph it belongs in (None = default)."""
    pnode = None
    if batch.pipeline is not None:
        pnode = ids.iri(pipeline_key(batch.pipeline.version, batch.pipeline.model))
        yield (pnode, RDF.type, POL.Pipeline, None)
        yield (pnode, POL.pipelineVersion, string_literal(batch.pipeline.version), None)
        yield (pnode, POL.modelName, string_literal(batch.pipeline.model), None)
    for d in batch.dispatches:
        yield from dispatch_quads(d, pnode)
    names = {e.key: e.name for e in batch.entities}
    for e in batch.entities:
        yield from entity_quads(e)
    for ev in batch.events:
        yield from event_quads(ev, names)
    for r in batch.relations:
        yield from relation_quads(r)
    for an in batch.analogies:
        yield from analogy_quads(an)


def bind_prefixes(g: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    g.bind("rdfs", str(RDFS), override=True)
    return g


def batch_to_dataset(batch: GraphBatch) -> Dataset:
    """The batch as an rdflib Dataset: one named graph per dispatch plus the default graph."""
    ds = Dataset()
    bind_prefixes(ds)
    for s, p, o, g in iter_quads(batch):
        if g is None:
            ds.default_graph.add((s, p, o))  # type: ignore[attr-defined]
        else:
            ds.graph(g).add((s, p, o))
    return ds


def batch_to_graph(batch: GraphBatch) -> Graph:
    """The union of all graphs of the batch, as one rdflib Graph."""
    g = bind_prefixes(Graph())
    for s, p, o, _ in iter_quads(batch):
        g.add((s, p, o))
    return g
