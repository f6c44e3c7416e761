"""Merging extractions into one :class:`~kg.models.GraphBatch`.

The same entity key is one node: names, aliases and mentions are united. The same event key is
one event with the evidence of every dispatch that reported it. Output order is sorted by key so
the same input always gives byte-identical output, **in any input order**: every field that two
reports can disagree on is merged by a stated rule that does not look at which came first —

* entity name: the most complete (longest) name, ties to the alphabetically first; the other
  names become aliases; type and Wikidata ID: the alphabetically first non-empty value;
* event status: the most advanced stage (:data:`STATUS_RANK`: Historical < Discussed < Proposed <
  Announced < InForce < Revoked), so a later report that the measure took effect or was revoked
  wins over an earlier announcement;
* event date: the most precise (day over month over year), ties to the earliest;
* label, description, reference, analogy explanation, pipeline: the alphabetically first non-empty value;
* lists (actors, targets, evidence, ...): the sorted union; confidence and scores: the maximum.
"""
from __future__ import annotations

from collections.abc import Iterable

from kg.models import (Analogy, Dispatch, Entity, Event, Evidence, Extraction, GraphBatch, PipelineInfo,
                       Relation)


def sorted_union(*seqs: Iterable) -> tuple:
    """Union of the sequences, sorted so the merge result does not depend on input order."""
    seen: dict = {}
    for seq in seqs:
        for x in seq:
            seen.setdefault(x, None)
    return tuple(sorted(seen, key=_sort_key))


def _sort_key(x: object) -> tuple:
    if isinstance(x, Evidence):
        return (x.dispatch_id or "", x.start if x.start is not None else -1, x.rule, x.sentence or "")
    return (str(x),)


def _first(*values):
    """The smallest non-empty value: a deterministic choice whatever the merge order."""
    return min((v for v in values if v), default=None)


def _best_name(*names: str) -> str:
    """The most complete name (longest), ties to the alphabetically first."""
    return min(names, key=lambda n: (-len(n), n))


def merge_entities(a: Entity, b: Entity) -> Entity:
    name = _best_name(a.name, b.name)
    aliases = set(a.aliases) | set(b.aliases) | {a.name, b.name}
    return a.model_copy(update={
        "name": name, "type": _first(a.type, b.type),
        "aliases": tuple(sorted(x for x in aliases if x != name)),
        "wikidata": _first(a.wikidata, b.wikidata),
        "mentions": sorted_union(a.mentions, b.mentions),
    })


#: when two reports of one event disagree on its status, the more advanced stage wins
STATUS_RANK = {"Historical": -1, "Discussed": 0, "Proposed": 1, "Announced": 2, "InForce": 3, "Revoked": 4}


def _status(*values: str | None) -> str | None:
    present = [v for v in values if v]
    return max(present, key=lambda v: (STATUS_RANK.get(v, -2), v)) if present else None


def _date(*values: str | None) -> str | None:
    """The most precise date (YYYY-MM-DD over YYYY-MM over YYYY), ties to the earliest."""
    present = [v for v in values if v]
    return min(present, key=lambda v: (-len(v), v)) if present else None


def merge_events(a: Event, b: Event) -> Event:
    return a.model_copy(update={
        "actors": sorted_union(a.actors, b.actors), "targets": sorted_union(a.targets, b.targets),
        "affects": sorted_union(a.affects, b.affects), "sectors": sorted_union(a.sectors, b.sectors),
        "precedents": sorted_union(a.precedents, b.precedents),
        "responds_to": sorted_union(a.responds_to, b.responds_to),
        "status": _status(a.status, b.status), "date": _date(a.date, b.date),
        "label": _first(a.label, b.label), "description": _first(a.description, b.description),
        "reference": _first(a.reference, b.reference),
        "evidence": sorted_union(a.evidence, b.evidence), "confidence": max(a.confidence, b.confidence),
    })


class BatchBuilder:
    """Accumulates extractions (or other batches) and produces a sorted GraphBatch."""

    def __init__(self) -> None:
        self.dispatches: dict[str, Dispatch] = {}
        self.entities: dict[str, Entity] = {}
        self.events: dict[str, Event] = {}
        self.relations: dict[tuple[str, str, str], Relation] = {}
        self.analogies: dict[tuple[str, str], Analogy] = {}
        self.pipeline: PipelineInfo | None = None

    def add(self, item: Extraction | GraphBatch) -> "BatchBuilder":
        if isinstance(item, Extraction):
            self.dispatches[item.dispatch.id] = item.dispatch
        else:
            for d in item.dispatches:
                self.dispatches[d.id] = d
        if item.pipeline is not None:
            self.pipeline = min((p for p in (self.pipeline, item.pipeline) if p is not None),
                                key=lambda p: (p.version, p.model))
        for e in item.entities:
            self.entities[e.key] = merge_entities(self.entities[e.key], e) if e.key in self.entities else e
        for ev in item.events:
            self.events[ev.key] = merge_events(self.events[ev.key], ev) if ev.key in self.events else ev
        for r in item.relations:
            k = (r.subject, r.predicate, r.object)
            if k in self.relations:
                old = self.relations[k]
                r = old.model_copy(update={"evidence": sorted_union(old.evidence, r.evidence),
                                           "confidence": max(old.confidence, r.confidence)})
            self.relations[k] = r
        for an in item.analogies:
            a, b = sorted((an.a, an.b))
            an = an if (an.a, an.b) == (a, b) else an.model_copy(update={"a": a, "b": b})
            seen = self.analogies.get((a, b))
            if seen is not None:  # text assertion beats inference; keep the best score and all evidence
                basis = "asserted" if "asserted" in (seen.basis, an.basis) else "inferred"
                an = seen.model_copy(update={"score": max(seen.score, an.score), "basis": basis,
                                             "evidence": sorted_union(seen.evidence, an.evidence),
                                             "explanation": _first(seen.explanation, an.explanation)})
            self.analogies[(a, b)] = an
        return self

    def build(self) -> GraphBatch:
        return GraphBatch(
            dispatches=tuple(self.dispatches[k] for k in sorted(self.dispatches)),
            entities=tuple(self.entities[k] for k in sorted(self.entities)),
            events=tuple(self.events[k] for k in sorted(self.events)),
            relations=tuple(self.relations[k] for k in sorted(self.relations)),
            analogies=tuple(self.analogies[k] for k in sorted(self.analogies)),
            pipeline=self.pipeline,
        )


def merge(items: Iterable[Extraction | GraphBatch]) -> GraphBatch:
    b = BatchBuilder()
    for it in items:
        b.add(it)
    return b.build()
