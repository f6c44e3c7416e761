"""Records -> RDF: the one mapping from a :class:`~kg.models.GraphBatch` to statements.

:func:`iter_quads` yields ``(graph, subject, predicate, object)`` where every term is already an
N-Triples term string (``<iri>``, ``"text"``, ``"1.0"^^<...#decimal>``) and ``graph`` is the
N-Triples IRI of the dispatch whose evidence supports the statement, or ``""`` for the default
("background") graph that holds gazetteer / precedent-base / inferred facts, dispatch metadata
and the pipeline node. Plain strings keep the mapping fast (sorting, de-duplication and output
need no rdflib objects; see :mod:`kg.rdf.write`), and :func:`batch_to_dataset` /
:func:`batch_to_graph` turn the same statements into rdflib objects, so the writers and the
rdflib view cannot disagree.

No blank nodes: evidence, relation assertions, analogies and the pipeline get IRIs derived from
their content (:func:`kg.ids.content_hash`), so output is deterministic and batches merge by
plain graph union.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable, Iterator
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Dataset, Graph, URIRef
from rdflib.namespace import OWL, PROV, SKOS
from rdflib.term import Node

from kg import ids
from kg.models import Analogy, Dispatch, Entity, Event, Evidence, GraphBatch, Relation
from kg.vocab import MSR, POL, PREFIXES, SEC, STA

#: (graph, subject, predicate, object), each an N-Triples term; graph "" is the default graph
Quad = tuple[str, str, str, str]

WD_IRI = PREFIXES["wd"]

# ---------------------------------------------------------------- N-Triples terms

_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _pct(m: re.Match[str]) -> str:
    return "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8"))


def nt_iri(iri: str) -> str:
    """``<iri>``; characters IRIs may not contain are percent-encoded (minted IRIs never have any)."""
    if _BAD_IRI_CHARS.search(iri):
        iri = _BAD_IRI_CHARS.sub(_pct, iri)
    return "<" + iri + ">"


_NEEDS_ESCAPE = re.compile(r'[\\"\n\r\x00]').search


def _esc(s: str) -> str:
    if not _NEEDS_ESCAPE(s):
        return s
    if "\\" in s:
        s = s.replace("\\", "\\\\")
    if '"' in s:
        s = s.replace('"', '\\"')
    if "\n" in s:
        s = s.replace("\n", "\\n")
    if "\r" in s:
        s = s.replace("\r", "\\r")
    if "\x00" in s:  # meaningless in text; XML cannot hold it and raptor truncates strings at it
        s = s.replace("\x00", "")
    return s


def nt_string(s: str) -> str:
    """A plain (xsd:string) literal."""
    return '"' + _esc(s) + '"'


def nt_typed(lexical: str, datatype: str) -> str:
    return '"' + _esc(lexical) + '"^^' + datatype


def _n(term: Node) -> str:
    return "<" + str(term) + ">"


# vocabulary as N-Triples terms, computed once from kg.vocab (no IRI is spelt here)
RDF_TYPE, LABEL, ALT, SAME = _n(RDF.type), _n(RDFS.label), _n(SKOS.altLabel), _n(OWL.sameAs)
X_DATE, X_GYM, X_GY, X_DEC, X_INT, X_URI = (_n(XSD.date), _n(XSD.gYearMonth), _n(XSD.gYear),
                                            _n(XSD.decimal), _n(XSD.integer), _n(XSD.anyURI))
#: local name -> N-Triples IRI, per vocabulary: ontology terms, measure kinds, sectors, statuses
POL_NT = {name: _n(POL[name]) for name in POL.__annotations__}
MEASURE_NT = {name: _n(MSR[name]) for name in MSR.__annotations__}
SECTOR_NT = {name: _n(SEC[name]) for name in SEC.__annotations__}
STATUS_NT = {name: _n(STA[name]) for name in STA.__annotations__}

_DATE_RE = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), X_DATE),
    (re.compile(r"^\d{4}-\d{2}$"), X_GYM),
    (re.compile(r"^\d{4}$"), X_GY),
)

# ---------------------------------------------------------------- keys of derived nodes
# Keys for nodes that are not records themselves. They are content hashes, built only from
# kg.ids helpers, so the same statement always gets the same IRI in every run and every batch.


def evidence_key(ev: Evidence) -> str:
    if ev.source == "analyst":  # an analyst's decision: who, when and why are part of it
        return "evidence/" + ids.content_hash(ev.dispatch_id or "", ev.sentence or "", ev.start, ev.end,
                                              ev.rule, _dec(ev.confidence), ev.source, ev.analyst or "",
                                              ev.decided.isoformat() if ev.decided else "", ev.reason or "")
    return "evidence/" + ids.content_hash(ev.dispatch_id or "", ev.sentence or "", ev.start, ev.end,
                                          ev.rule, _dec(ev.confidence), ev.source)


def assertion_key(subject: str, predicate: str, obj: str) -> str:
    return "assertion/" + ids.content_hash(subject, predicate, obj)


def analogy_key(a: str, b: str) -> str:
    a, b = sorted((a, b))
    return "analogy/" + ids.content_hash(a, b)


def pipeline_key(version: str, model: str) -> str:
    return "pipeline/" + ids.content_hash(version, model)


_RES = str(ids.iri(""))


def res(key: str) -> str:
    """N-Triples IRI of a record key (same IRI as kg.ids.iri(key))."""
    return nt_iri(_RES + key)


def dispatch_iri(dispatch_id: str) -> URIRef:
    """The rdflib IRI of a dispatch (also the name of its named graph)."""
    return ids.iri(ids.dispatch_key(dispatch_id))


@lru_cache(maxsize=4096)
def _dispatch(dispatch_id: str) -> str:
    return res(ids.dispatch_key(dispatch_id))


# ---------------------------------------------------------------- literals


@lru_cache(maxsize=1024)
def _dec(x: float) -> str:
    """Canonical-ish xsd:decimal lexical form of a float: 1.0 -> '1.0', 1e-05 -> '0.00001'."""
    s = format(Decimal(repr(float(x))), "f")
    if "." not in s:
        s += ".0"
    return s


def decimal_literal(x: float) -> str:
    return '"' + _dec(x) + '"^^' + X_DEC


def int_literal(n: int) -> str:
    return '"' + str(int(n)) + '"^^' + X_INT


def date_literal(value: str) -> str:
    """ISO 8601 'YYYY-MM-DD' / 'YYYY-MM' / 'YYYY' -> xsd:date / gYearMonth / gYear.

    Anything else stays a plain string (SHACL validation then reports it)."""
    for rx, dtype in _DATE_RE:
        if rx.match(value):
            return nt_typed(value, dtype)
    return nt_string(value)


# ---------------------------------------------------------------- mapping


def _graphs_of(evidence: Iterable[Evidence]) -> list[str]:
    """The named graphs a statement belongs in: one per dispatch citing it, else the default."""
    ds = sorted({e.dispatch_id for e in evidence if e.dispatch_id})
    return [_dispatch(d) for d in ds] or [""]


def _evidence_quads(ev: Evidence) -> tuple[str, str, list[Quad]]:
    node = res(evidence_key(ev))
    g = _dispatch(ev.dispatch_id) if ev.dispatch_id else ""
    q: list[Quad] = [(g, node, RDF_TYPE, POL_NT["Evidence"])]
    if ev.dispatch_id:
        q.append((g, node, POL_NT["fromDispatch"], g))
    if ev.sentence is not None:
        q.append((g, node, POL_NT["sentence"], nt_string(ev.sentence)))
    if ev.start is not None:
        q.append((g, node, POL_NT["startOffset"], int_literal(ev.start)))
    if ev.end is not None:
        q.append((g, node, POL_NT["endOffset"], int_literal(ev.end)))
    q.append((g, node, POL_NT["rule"], nt_string(ev.rule)))
    q.append((g, node, POL_NT["confidence"], decimal_literal(ev.confidence)))
    q.append((g, node, POL_NT["evidenceSource"], nt_string(ev.source)))
    if ev.source == "analyst":
        q += _analyst_quads(g, node, ev)
    return node, g, q


PROV_ATTRIBUTED, PROV_AT, PROV_AGENT = _n(PROV.wasAttributedTo), _n(PROV.generatedAtTime), _n(PROV.Agent)
X_DATETIME = _n(XSD.dateTime)


def _analyst_quads(g: str, node: str, ev: Evidence) -> list[Quad]:
    """Provenance of a correction: prov:wasAttributedTo the analyst, the decision's time and reason."""
    q: list[Quad] = []
    if ev.analyst:
        agent = res(ids.analyst_key(ev.analyst))
        q += [(g, node, PROV_ATTRIBUTED, agent), (g, agent, RDF_TYPE, PROV_AGENT),
              (g, agent, LABEL, nt_string(ev.analyst))]
    if ev.decided:
        q.append((g, node, PROV_AT, nt_typed(ev.decided.isoformat().replace("+00:00", "Z"), X_DATETIME)))
    if ev.reason:
        q.append((g, node, POL_NT["reason"], nt_string(ev.reason)))
    return q


class _Seen:
    """Evidence already described in this run: the same Evidence object (or an equal one) cited
    by many statements is hashed once and its node written once."""

    def __init__(self) -> None:
        self.by_id: dict[int, tuple[str, str, list[Quad]]] = {}
        self.nodes: set[str] = set()


def _with_evidence(subject: str, evidence: Iterable[Evidence], seen: _Seen | None = None) -> Iterator[Quad]:
    """Link ``subject`` to each evidence node (in the evidence's own graph), then describe the
    nodes (links first, so a streaming writer keeps the subject's statements together)."""
    if seen is None:
        seen = _Seen()
    described = []
    for ev in evidence:
        d = seen.by_id.get(id(ev))
        if d is None:
            d = seen.by_id[id(ev)] = _evidence_quads(ev)
        described.append(d)
    for node, g, _q in described:
        yield (g, subject, POL_NT["evidence"], node)
    for node, _g, q in described:
        if node not in seen.nodes:
            seen.nodes.add(node)
            yield from q


def dispatch_quads(d: Dispatch, pipeline_node: str | None) -> Iterator[Quad]:
    s = _dispatch(d.id)
    yield ("", s, RDF_TYPE, POL_NT["Dispatch"])
    yield ("", s, POL_NT["contentHash"], nt_string(d.id))
    if d.title:
        yield ("", s, POL_NT["title"], nt_string(d.title))
        yield ("", s, LABEL, nt_string(d.title))
    if d.standfirst:
        yield ("", s, POL_NT["standfirst"], nt_string(d.standfirst))
    if d.date:
        yield ("", s, POL_NT["publicationDate"], nt_typed(d.date.isoformat(), X_DATE))
    if d.url:
        yield ("", s, POL_NT["url"], nt_typed(d.url, X_URI))
    if d.source:
        yield ("", s, POL_NT["sourceLocation"], nt_string(d.source))
    if d.verification_note:
        yield ("", s, POL_NT["verificationNote"], nt_string(d.verification_note))
    if pipeline_node is not None:
        yield ("", s, POL_NT["extractedBy"], pipeline_node)


def entity_quads(e: Entity, seen: _Seen | None = None) -> Iterator[Quad]:
    s = res(e.key)
    cls, label = _n(POL[e.type]), nt_string(e.name)
    alts = [nt_string(a) for a in sorted(set(e.aliases) - {e.name})]
    same = nt_iri(WD_IRI + e.wikidata) if e.wikidata and ids.is_qid(e.wikidata) else None
    for g in _graphs_of(e.mentions):
        yield (g, s, RDF_TYPE, cls)
        yield (g, s, LABEL, label)
        for alt in alts:
            yield (g, s, ALT, alt)
        if same:
            yield (g, s, SAME, same)
        if g:
            yield (g, s, POL_NT["mentionedIn"], g)
    yield from _with_evidence(s, e.mentions, seen)


def event_label(ev: Event, names: dict[str, str]) -> str:
    """Event.label, or a generated one: 'China TravelRestriction (ArtificialIntelligence)'."""
    if ev.label:
        return ev.label
    actors = " / ".join(names.get(a, a) for a in ev.actors)
    text = f"{actors} {ev.measure}".strip()
    if ev.sectors:
        text += " (" + ", ".join(ev.sectors) + ")"
    return text


def event_quads(ev: Event, names: dict[str, str], seen: _Seen | None = None) -> Iterator[Quad]:
    s = res(ev.key)
    props: list[tuple[str, str]] = [(RDF_TYPE, POL_NT["PolicyEvent"]), (LABEL, nt_string(event_label(ev, names))),
                                    (POL_NT["measure"], MEASURE_NT[ev.measure])]
    props += [(POL_NT["actor"], res(k)) for k in ev.actors]
    props += [(POL_NT["target"], res(k)) for k in ev.targets]
    props += [(POL_NT["affects"], res(k)) for k in ev.affects]
    props += [(POL_NT["sector"], SECTOR_NT[x]) for x in ev.sectors]
    if ev.status:
        props.append((POL_NT["status"], STATUS_NT[ev.status]))
    if ev.date:
        props.append((POL_NT["date"], date_literal(ev.date)))
    props += [(POL_NT["precedent"], res(k)) for k in ev.precedents]
    props += [(POL_NT["respondsTo"], res(k)) for k in ev.responds_to]
    if ev.description:
        props.append((POL_NT["description"], nt_string(ev.description)))
    if ev.reference:
        props.append((POL_NT["reference"], nt_typed(ev.reference, X_URI)))
    props.append((POL_NT["confidence"], decimal_literal(ev.confidence)))
    for g in _graphs_of(ev.evidence):
        for p, o in props:
            yield (g, s, p, o)
    yield from _with_evidence(s, ev.evidence, seen)


def relation_quads(r: Relation, seen: _Seen | None = None) -> Iterator[Quad]:
    s, p, o = res(r.subject), POL_NT[r.predicate], res(r.object)
    a = res(assertion_key(r.subject, r.predicate, r.object))
    conf = decimal_literal(r.confidence)
    for g in _graphs_of(r.evidence):
        yield (g, s, p, o)
        yield (g, a, RDF_TYPE, POL_NT["RelationAssertion"])
        yield (g, a, POL_NT["assertedSubject"], s)
        yield (g, a, POL_NT["assertedPredicate"], p)
        yield (g, a, POL_NT["assertedObject"], o)
        yield (g, a, POL_NT["confidence"], conf)
    yield from _with_evidence(a, r.evidence, seen)


def analogy_quads(an: Analogy, seen: _Seen | None = None) -> Iterator[Quad]:
    a_key, b_key = sorted((an.a, an.b))
    a, b = res(a_key), res(b_key)
    n = res(analogy_key(a_key, b_key))
    for g in _graphs_of(an.evidence):
        yield (g, a, POL_NT["analogousTo"], b)  # once per pair; pol:analogousTo is owl:SymmetricProperty
        yield (g, n, RDF_TYPE, POL_NT["Analogy"])
        yield (g, n, POL_NT["relates"], a)
        yield (g, n, POL_NT["relates"], b)
        yield (g, n, POL_NT["score"], decimal_literal(an.score))
        yield (g, n, POL_NT["basis"], nt_string(an.basis))
        if an.explanation:
            yield (g, n, POL_NT["explanation"], nt_string(an.explanation))
    yield from _with_evidence(n, an.evidence, seen)


def iter_quads(batch: GraphBatch) -> Iterator[Quad]:
    """Every statement of the batch as (graph, s, p, o) N-Triples terms (graph "" = default).

    May repeat a statement (e.g. the same evidence cited twice); writers de-duplicate."""
    pnode = None
    if batch.pipeline is not None:
        pnode = res(pipeline_key(batch.pipeline.version, batch.pipeline.model))
        yield ("", pnode, RDF_TYPE, POL_NT["Pipeline"])
        yield ("", pnode, POL_NT["pipelineVersion"], nt_string(batch.pipeline.version))
        yield ("", pnode, POL_NT["modelName"], nt_string(batch.pipeline.model))
    # records in key order (a no-op for batches from BatchBuilder), so the order statements are
    # produced in never depends on how a batch was assembled
    for d in sorted(batch.dispatches, key=lambda x: x.id):
        yield from dispatch_quads(d, pnode)
    names = {e.key: e.name for e in batch.entities}
    seen = _Seen()
    for e in sorted(batch.entities, key=lambda x: x.key):
        yield from entity_quads(e, seen)
    for ev in sorted(batch.events, key=lambda x: x.key):
        yield from event_quads(ev, names, seen)
    for r in sorted(batch.relations, key=lambda x: (x.subject, x.predicate, x.object)):
        yield from relation_quads(r, seen)
    for an in sorted(batch.analogies, key=lambda x: tuple(sorted((x.a, x.b)))):
        yield from analogy_quads(an, seen)


def nquads_text(quads: Iterable[Quad], keep_graphs: bool = True) -> str:
    """N-Quads (or, with keep_graphs=False, N-Triples) document of the statements, unsorted."""
    if keep_graphs:
        return "".join(f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n" for g, s, p, o in quads)
    return "".join(f"{s} {p} {o} .\n" for _g, s, p, o in quads)


def bind_prefixes(g: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def batch_to_dataset(batch: GraphBatch) -> Dataset:
    """The batch as an rdflib Dataset: one named graph per dispatch plus the default graph."""
    ds = Dataset()
    ds.parse(data=nquads_text(set(iter_quads(batch))), format="nquads")
    bind_prefixes(ds)
    return ds


def batch_to_graph(batch: GraphBatch) -> Graph:
    """The union of all graphs of the batch, as one rdflib Graph."""
    g = Graph()
    g.parse(data=nquads_text({("", s, p, o) for _g, s, p, o in iter_quads(batch)}, False), format="nt")
    return bind_prefixes(g)
