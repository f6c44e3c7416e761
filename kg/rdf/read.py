"""RDF -> records: read any RDF that uses the core vocabulary back into a :class:`GraphBatch`.

Used by ``kg load``, ``kg viz`` and ``kg explain`` so they accept whatever ``kg extract`` wrote
(or RDF made elsewhere with the same vocabulary). Named graphs are merged: what matters is the
statements, and each evidence node says its dispatch itself (``pol:fromDispatch``).

Keys:

* IRIs in the resource namespace (``res:``) -> :func:`kg.ids.key_of` (``res:wd/Q148`` -> ``wd/Q148``);
* Wikidata entity IRIs used directly as subjects (``wd:Q148``) -> ``wd/Q148``;
* any other ("foreign") IRI -> ``ext/<slug of its last segment, percent-decoded>-<10 hex digits of SHA-256 of the
  IRI>``, stable for the same IRI across runs (blank nodes get a key from their label, which is
  only stable within one parse).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable
from urllib.parse import unquote

from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS
from rdflib.term import Node

from kg import ids
from kg.errors import InputError
from kg.models import (ENTITY_TYPES, MEASURES, RELATION_PREDICATES, SECTORS, STATUSES, Analogy,
                       Dispatch, Entity, Event, Evidence, GraphBatch, PipelineInfo, Relation)
from kg.rdf.graph import WD_IRI
from kg.vocab import MSR_IRI, POL, SEC_IRI, STA_IRI

_SOURCES = ("text", "gazetteer", "precedent-base", "inferred", "analyst")

#: rdflib parser name by file suffix
PARSERS = {
    ".ttl": "turtle", ".turtle": "turtle", ".trig": "trig", ".nt": "nt", ".ntriples": "nt",
    ".nq": "nquads", ".nquads": "nquads", ".jsonld": "json-ld", ".json": "json-ld",
    ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".n3": "n3",
}


def parser_for(path: str | Path) -> str:
    return PARSERS.get(Path(path).suffix.lower(), "turtle")


def syntax_message(exc: Exception) -> str:
    """Line, reason and the text near the error, from rdflib's parser exceptions."""
    data, offset, why = getattr(exc, "_str", None), getattr(exc, "_i", None), getattr(exc, "_why", None)
    if isinstance(data, (bytes, str)) and isinstance(offset, int) and why:
        text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        line = text.count("\n", 0, offset) + 1
        start = text.rfind("\n", 0, offset) + 1
        near = text[start:text.find("\n", offset) if "\n" in text[offset:] else len(text)].strip()[:80]
        return f"line {line}: {why}" + (f" (near {near!r})" if near else "")
    where = getattr(exc, "line", None) or getattr(exc, "lineno", None)
    msg = " ".join(str(exc).split())[:300] or type(exc).__name__
    return f"line {where}: {msg}" if where and f"line {where}" not in msg else msg


def load_graph(source: str | Path | Graph) -> Graph:
    """The union of every graph in ``source`` (a file path, or an rdflib Graph/Dataset)."""
    if isinstance(source, Graph):
        if isinstance(source, Dataset) or hasattr(source, "quads") and source.context_aware:
            g = Graph()
            for s, p, o, _ in source.quads((None, None, None, None)):
                g.add((s, p, o))
            return g
        return source
    path = Path(source)
    if not path.exists():
        raise InputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a directory, not an RDF file")
    ds = Dataset()
    try:
        ds.parse(str(path), format=parser_for(path))
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text (is it an RDF file?)") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except Exception as exc:  # noqa: BLE001 — rdflib raises many types for syntax errors
        raise InputError(str(path), f"not valid {parser_for(path)} RDF: {syntax_message(exc)}") from None
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def key_for(node: Node) -> str:
    """The record key of an IRI (see the module docstring)."""
    k = ids.key_of(str(node))
    if k is not None:
        return k
    s = str(node)
    if isinstance(node, URIRef) and s.startswith(WD_IRI) and ids.is_qid(s[len(WD_IRI):]):
        return "wd/" + s[len(WD_IRI):]
    if isinstance(node, BNode):
        return "ext/b-" + ids.content_hash("_:" + s, length=10)
    tail = unquote(s.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1])
    return f"ext/{ids.slug(tail, max_len=40)}-{ids.content_hash(s, length=10)}"


def _dispatch_id(node: Node) -> str:
    k = key_for(node)
    return k[len("dispatch/"):] if k.startswith("dispatch/") else k.replace("/", "-")


def _local(node: Node, ns: str, allowed: tuple[str, ...]) -> str | None:
    s = str(node)
    if s.startswith(ns) and s[len(ns):] in allowed:
        return s[len(ns):]
    return None


class _Reader:
    def __init__(self, g: Graph) -> None:
        self.g = g

    def one(self, s: Node, p: URIRef) -> Node | None:
        vals = sorted(self.g.objects(s, p), key=str)
        return vals[0] if vals else None

    def text(self, s: Node, p: URIRef) -> str | None:
        v = self.one(s, p)
        return None if v is None else str(v)

    def num(self, s: Node, p: URIRef, cast: Callable[[Any], Any] = float) -> Any:
        v = self.one(s, p)
        if v is None:
            return None
        try:
            return cast(v.toPython() if isinstance(v, Literal) else str(v))
        except (TypeError, ValueError):
            return None

    def confidence(self, s: Node, default: float = 1.0) -> float:
        c = self.num(s, POL.confidence)
        return default if c is None else min(1.0, max(0.0, float(c)))

    def keys(self, s: Node, p: URIRef) -> tuple[str, ...]:
        return tuple(sorted({key_for(o) for o in self.g.objects(s, p) if not isinstance(o, Literal)}))

    # ------------------------------------------------------------ records

    def evidence(self, node: Node) -> Evidence:
        d = self.one(node, POL.fromDispatch)
        src = self.text(node, POL.evidenceSource)
        start, end = self.num(node, POL.startOffset, int), self.num(node, POL.endOffset, int)
        return Evidence(
            dispatch_id=_dispatch_id(d) if d is not None else None,
            sentence=self.text(node, POL.sentence),
            start=start if start is None or start >= 0 else None,
            end=end if end is None or end >= 0 else None,
            rule=self.text(node, POL.rule) or "rdf-import",
            confidence=self.confidence(node),
            source=src if src in _SOURCES else ("text" if d is not None else "inferred"),
            **(self.analyst(node) if src == "analyst" else {}),
        )

    def analyst(self, node: Node) -> dict[str, Any]:
        """Who, when and why of an analyst's decision (see kg.corrections)."""
        from rdflib.namespace import PROV

        agent = self.one(node, PROV.wasAttributedTo)
        when = self.one(node, PROV.generatedAtTime)
        decided = None
        if isinstance(when, Literal):
            try:
                decided = dt.datetime.fromisoformat(str(when).replace("Z", "+00:00"))
            except ValueError:
                decided = None
        return {"analyst": self.text(agent, RDFS.label) if agent is not None else None,
                "decided": decided, "reason": self.text(node, POL.reason)}

    def evidence_of(self, s: Node) -> tuple[Evidence, ...]:
        evs = {self.evidence(n) for n in self.g.objects(s, POL.evidence)}
        return tuple(sorted(evs, key=lambda e: (e.dispatch_id or "", e.start or 0, e.end or 0, e.rule,
                                                 e.sentence or "", e.confidence, e.source)))

    def dispatches(self) -> list[Dispatch]:
        out = []
        for s in set(self.g.subjects(RDF.type, POL.Dispatch)):
            date = self.one(s, POL.publicationDate)
            pdate = None
            if isinstance(date, Literal):
                try:
                    pdate = dt.date.fromisoformat(str(date)[:10])
                except ValueError:
                    pdate = None
            out.append(Dispatch(
                id=self.text(s, POL.contentHash) or _dispatch_id(s), text="",
                title=self.text(s, POL.title), standfirst=self.text(s, POL.standfirst), date=pdate,
                url=self.text(s, POL.url), source=self.text(s, POL.sourceLocation),
                verification_note=self.text(s, POL.verificationNote),
            ))
        return sorted(out, key=lambda d: d.id)

    def pipeline(self) -> PipelineInfo | None:
        for s in sorted(set(self.g.subjects(RDF.type, POL.Pipeline)), key=str):
            return PipelineInfo(version=self.text(s, POL.pipelineVersion) or "",
                                model=self.text(s, POL.modelName) or "")
        return None

    def entities(self) -> list[Entity]:
        found: dict[Node, str] = {}
        for t in reversed(ENTITY_TYPES):  # the first type in ENTITY_TYPES order wins
            for s in self.g.subjects(RDF.type, POL[t]):
                found[s] = t
        out = []
        for s, t in found.items():
            labels = sorted({str(x) for x in self.g.objects(s, RDFS.label)})
            alts = {str(x) for x in self.g.objects(s, SKOS.altLabel)}
            name = labels[0] if labels else (self.text(s, SKOS.prefLabel) or key_for(s).rsplit("/", 1)[-1])
            qids = sorted(str(o)[len(WD_IRI):] for o in self.g.objects(s, OWL.sameAs)
                          if str(o).startswith(WD_IRI) and ids.is_qid(str(o)[len(WD_IRI):]))
            key = key_for(s)
            wikidata = qids[0] if qids else (key[3:] if key.startswith("wd/") else None)
            out.append(Entity(key=key, type=t, name=name,
                              aliases=tuple(sorted((alts | set(labels[1:])) - {name})),
                              wikidata=wikidata, mentions=self.evidence_of(s)))
        return sorted(out, key=lambda e: e.key)

    def events(self) -> list[Event]:
        out = []
        for s in set(self.g.subjects(RDF.type, POL.PolicyEvent)):
            measures = sorted(m for m in (_local(o, MSR_IRI, MEASURES) for o in self.g.objects(s, POL.measure)) if m)
            statuses = sorted(x for x in (_local(o, STA_IRI, STATUSES) for o in self.g.objects(s, POL.status)) if x)
            sectors = sorted({x for x in (_local(o, SEC_IRI, SECTORS) for o in self.g.objects(s, POL.sector)) if x})
            out.append(Event(
                key=key_for(s), measure=measures[0] if measures else "Other",
                actors=self.keys(s, POL.actor), targets=self.keys(s, POL.target),
                affects=self.keys(s, POL.affects), sectors=tuple(sectors),
                status=statuses[0] if statuses else None, date=self.text(s, POL.date),
                precedents=self.keys(s, POL.precedent), responds_to=self.keys(s, POL.respondsTo),
                label=self.text(s, RDFS.label), description=self.text(s, POL.description),
                reference=self.text(s, POL.reference), evidence=self.evidence_of(s),
                confidence=self.confidence(s),
            ))
        return sorted(out, key=lambda e: e.key)

    def relations(self) -> list[Relation]:
        assertions: dict[tuple[str, str, str], Node] = {}
        for a in self.g.subjects(RDF.type, POL.RelationAssertion):
            s, p, o = (self.one(a, POL.assertedSubject), self.one(a, POL.assertedPredicate),
                       self.one(a, POL.assertedObject))
            if s is not None and p is not None and o is not None:
                assertions[(str(s), str(p), str(o))] = a
        out = []
        for pred in RELATION_PREDICATES:
            for s, o in set(self.g.subject_objects(POL[pred])):
                if isinstance(o, Literal):
                    continue
                asrt = assertions.get((str(s), str(POL[pred]), str(o)))
                out.append(Relation(subject=key_for(s), predicate=pred, object=key_for(o),
                                    evidence=self.evidence_of(asrt) if asrt is not None else (),
                                    confidence=self.confidence(asrt) if asrt is not None else 1.0))
        return sorted(out, key=lambda r: (r.subject, r.predicate, r.object))

    def analogies(self) -> list[Analogy]:
        nodes: dict[tuple[str, str], Node] = {}
        for node in self.g.subjects(RDF.type, POL.Analogy):
            rel = sorted({key_for(x) for x in self.g.objects(node, POL.relates)})
            if len(rel) == 2:
                nodes[(rel[0], rel[1])] = node
        pairs = set(nodes)
        for x, y in self.g.subject_objects(POL.analogousTo):
            if not isinstance(y, Literal) and x != y:
                ka, kb = sorted((key_for(x), key_for(y)))
                pairs.add((ka, kb))
        out = []
        for a, b in sorted(pairs):
            n = nodes.get((a, b))
            if n is None:
                out.append(Analogy(a=a, b=b))
                continue
            basis = self.text(n, POL.basis)
            score = self.num(n, POL.score)
            out.append(Analogy(a=a, b=b, score=1.0 if score is None else min(1.0, max(0.0, score)),
                               basis=basis if basis in ("asserted", "inferred") else "asserted",
                               explanation=self.text(n, POL.explanation), evidence=self.evidence_of(n)))
        return out


def graph_to_batch(g: Graph) -> GraphBatch:
    r = _Reader(g)
    return GraphBatch(dispatches=tuple(r.dispatches()), entities=tuple(r.entities()),
                      events=tuple(r.events()), relations=tuple(r.relations()),
                      analogies=tuple(r.analogies()), pipeline=r.pipeline())


def read_batch(path_or_graph: str | Path | Graph) -> GraphBatch:
    """Read RDF (a file: .ttl .trig .nt .nq .jsonld .json by suffix; or an rdflib Graph/Dataset)
    into a GraphBatch. Raises :class:`kg.errors.InputError` for a missing or unparsable file."""
    return graph_to_batch(load_graph(path_or_graph))
