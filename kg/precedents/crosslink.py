"""Build-time linking across dispatches and the precedent base.

1. **Same event, several sources.** Events from *different* dispatches with the same measure,
   a shared actor, compatible targets (both empty or sharing one) and compatible dates (one
   missing, or one a prefix of the other: 2025 ~ 2025-03 ~ 2025-03-14) are one real-world event:
   they merge into the event with the smallest key, keeping every source's evidence. An extracted
   event that matches exactly one precedent-base record the same way merges into that record.
2. **Citations across dispatches.** ``responds_to``/``precedents`` keys are rewritten to the
   surviving key, so a response recorded in one dispatch points at the measure reported in
   another or at the base record. An entity cited as precedent (e.g. the LegalCase "Meng Wanzhou
   case") also gains a pol:precedent link to the base event that embodies it.
3. **Inferred parallels.** Each event gets up to ``top_k`` pol:analogousTo links (basis
   "inferred") to events of other dispatches or the base scoring at least ``threshold``.
   Events of the same dispatch are never linked by inference.
"""
from __future__ import annotations

from collections import defaultdict

from kg.models import Analogy, Event, Evidence, GraphBatch
from kg.link.merge import merge_events
from kg.precedents.base import BaseGraph
from kg.precedents.batchrank import top_links
from kg.precedents.rank import LinkConfig
from kg.precedents.profiles import Context, profiles_of
from kg.precedents.textsim import Tfidf

RULE = "precedent-link:v1"


def dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def same_event(a: Event, b: Event) -> bool:
    return (a.measure == b.measure and bool(set(a.actors) & set(b.actors))
            and ((not a.targets and not b.targets) or bool(set(a.targets) & set(b.targets)))
            and (not a.sectors or not b.sectors or bool(set(a.sectors) & set(b.sectors)))
            and dates_compatible(a.date, b.date))


def _dispatches(ev: Event) -> frozenset[str]:
    return frozenset(e.dispatch_id for e in ev.evidence if e.dispatch_id)


def merge_same_events(events: list[Event], base_keys: set[str]) -> dict[str, str]:
    """Map each event key to its surviving key (see the module docstring)."""
    parent = {e.key: e.key for e in events}
    members = {e.key: {e.key} for e in events}
    srcs = {e.key: _dispatches(e) for e in events}
    by_key = {e.key: e for e in events}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    extracted = sorted(k for k in by_key if k not in base_keys)
    base = sorted(k for k in by_key if k in base_keys)
    buckets: dict[str, list[str]] = defaultdict(list)
    for k in extracted:
        buckets[by_key[k].measure].append(k)
    # extracted events against the base: only an unambiguous match merges
    for k in extracted:
        hits = [b for b in base if same_event(by_key[k], by_key[b])]
        if len(hits) == 1:
            parent[find(k)] = hits[0]
            members[hits[0]] |= members.pop(k, {k})
    for keys in buckets.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                ra, rb = find(a), find(b)
                if ra == rb or not same_event(by_key[a], by_key[b]):
                    continue
                if srcs[a] & srcs[b] or not srcs[a] or not srcs[b]:
                    continue
                # never fuse two events of one dispatch, even through a third
                da = set().union(*(srcs[m] for m in members[ra]))
                db = set().union(*(srcs[m] for m in members[rb]))
                if da & db or (ra in base_keys and rb in base_keys):
                    continue
                keep, drop = (ra, rb) if (ra in base_keys or (rb not in base_keys and ra < rb)) else (rb, ra)
                parent[drop] = keep
                members[keep] |= members.pop(drop)
    return {k: find(k) for k in by_key}


def resolve(batch: GraphBatch, base: BaseGraph, ctx: Context,
            config: LinkConfig | None = None) -> GraphBatch:
    """Merge cross-dispatch duplicates, rewrite citations, add inferred analogies (sorted output)."""
    config = config or LinkConfig()
    base_keys = set(base.id_of)
    alias = merge_same_events(list(batch.events), base_keys)
    merged: dict[str, Event] = {}
    for ev in batch.events:
        k = alias[ev.key]
        if k in merged:
            target = merged[k]
            merged[k] = merge_events(target, ev.model_copy(update={"key": k}))
        else:
            merged[k] = ev if ev.key == k else ev.model_copy(update={"key": k})
    # keep the base record's own fields where an extracted duplicate merged into it
    for k, ev in list(merged.items()):
        if k in base_keys:
            original = next(e for e in base.batch.events if e.key == k)
            merged[k] = ev.model_copy(update={
                "date": original.date, "status": original.status, "label": original.label,
                "description": original.description, "reference": original.reference})

    def fix(keys, own):
        out = []
        for x in keys:
            x = alias.get(x, x)
            if x != own:
                out.append(x)
        return tuple(dict.fromkeys(out))

    events = {}
    for k, ev in merged.items():
        precedents = list(fix(ev.precedents, k))
        for p in ev.precedents:  # an entity cited as precedent -> also the base event embodying it
            if p in base.instrument_event and base.instrument_event[p] != k:
                precedents.append(base.instrument_event[p])
        events[k] = ev.model_copy(update={"precedents": tuple(dict.fromkeys(precedents)),
                                          "responds_to": fix(ev.responds_to, k)})

    analogies: dict[tuple[str, str], Analogy] = {}
    for an in batch.analogies:
        a, b = sorted((alias.get(an.a, an.a), alias.get(an.b, an.b)))
        if a != b:
            old = analogies.get((a, b))
            analogies[(a, b)] = an.model_copy(update={"a": a, "b": b}) if old is None else old
    final = GraphBatch(dispatches=batch.dispatches, entities=batch.entities,
                       events=tuple(events[k] for k in sorted(events)), relations=batch.relations,
                       analogies=(), pipeline=batch.pipeline)
    for an in infer_analogies(final, base, ctx, config):
        analogies.setdefault((an.a, an.b), an)
    return final.model_copy(update={"analogies": tuple(analogies[k] for k in sorted(analogies))})


def infer_analogies(batch: GraphBatch, base: BaseGraph, ctx: Context, config: LinkConfig) -> list[Analogy]:
    if config.top_k == 0:
        return []
    profiles = profiles_of(batch, ctx, base.id_of, base.target_kinds)
    tfidf = Tfidf(p.text for p in profiles)
    queries = [i for i, q in enumerate(profiles) if config.link_base or q.dispatches or q.base_id is None]
    out: dict[tuple[str, str], Analogy] = {}
    links = top_links(profiles, tfidf, config, queries)
    for q in (profiles[i] for i in queries):
        for c in links.get(q.key, ()):
            a, b = sorted((q.key, c.key))
            if (a, b) in out:
                continue
            out[(a, b)] = Analogy(a=a, b=b, score=min(1.0, c.score), basis="inferred",
                                  explanation=c.explanation,
                                  evidence=(Evidence(rule=RULE, source="inferred", confidence=min(1.0, c.score)),))
    return [out[k] for k in sorted(out)]
