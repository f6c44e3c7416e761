"""Applying decisions to a :class:`~kg.models.GraphBatch`, after extraction and merging.

Deterministic: the decisions that hold (the last of each subject, :func:`kg.corrections.io.effective`)
are applied in a fixed order of kinds — merges, then renames and retypes, then additions, then
rejections, then acceptances — and within a kind in file order. Idempotent: every applied
decision leaves an analyst :class:`~kg.models.Evidence` (rule ``correction:<decision id>``,
confidence 1.0, who / when / why) on what it corrected, so applying the same decisions to an
already corrected batch changes nothing.

Every decision gets an :class:`Outcome`: ``applied``, ``unchanged`` (the graph already said so),
``superseded`` (a later line decides the same subject) or ``missing`` — its subject is not in
the graph (re-extraction no longer finds it); missing decisions are reported, never dropped.
"""
from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from typing import Literal

from kg.corrections.io import Located, effective
from kg.corrections.keys import ROLE_FIELDS, Key, parse_key, sorted_pair
from kg.corrections.model import Decision
from kg.link.merge import sorted_union
from kg.models import Analogy, Entity, Event, Evidence, GraphBatch, Relation

#: ``listed``: shown without being applied (``kg corrections list`` with neither --store nor --graph)
Status = Literal["applied", "unchanged", "superseded", "missing", "listed"]
ORDER = {"merge": 0, "split": 0, "rename": 1, "retype": 1, "add": 2, "reject": 3, "accept": 4}


@dataclass(frozen=True)
class Outcome:
    located: Located
    status: Status
    detail: str = ""

    @property
    def decision(self) -> Decision:
        return self.located.decision


@dataclass
class ApplyReport:
    outcomes: list[Outcome] = field(default_factory=list)
    #: statements kept out of the graph by a rejection: (statement key, what it was, decision)
    rejected: list[tuple[str, str, Located]] = field(default_factory=list)

    @property
    def missing(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "missing"]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def decision_evidence(d: Decision, dispatches: Set[str] = frozenset()) -> Evidence:
    """The evidence an applied decision leaves on what it corrected."""
    return Evidence(dispatch_id=d.dispatch if d.dispatch in dispatches else None, sentence=d.sentence,
                    rule=f"correction:{d.id}", confidence=1.0, source="analyst",
                    analyst=d.who, decided=d.when, reason=d.why)


class _Graph:
    """The batch as mutable dicts while decisions are applied."""

    def __init__(self, b: GraphBatch) -> None:
        self.batch = b
        self.dispatch_ids = {d.id for d in b.dispatches}
        self.ents: dict[str, Entity] = {e.key: e for e in b.entities}
        self.evs: dict[str, Event] = {e.key: e for e in b.events}
        self.rels: dict[tuple[str, str, str], Relation] = {(r.subject, r.predicate, r.object): r
                                                           for r in b.relations}
        self.ans: dict[tuple[str, str], Analogy] = {sorted_pair(a.a, a.b): a for a in b.analogies}
        self.merged: dict[str, str] = {}

    def build(self) -> GraphBatch:
        return self.batch.model_copy(update={
            "entities": tuple(self.ents[k] for k in sorted(self.ents)),
            "events": tuple(self.evs[k] for k in sorted(self.evs)),
            "relations": tuple(self.rels[k] for k in sorted(self.rels)),
            "analogies": tuple(self.ans[k] for k in sorted(self.ans)),
        })

    def remap(self, key: str) -> str:
        seen = set()
        while key in self.merged and key not in seen:
            seen.add(key)
            key = self.merged[key]
        return key


def _has(evidence: tuple[Evidence, ...], d: Decision) -> bool:
    rule = f"correction:{d.id}"
    return any(e.rule == rule for e in evidence)


def _with(rec, field_: str, ev: Evidence, **update):
    return rec.model_copy(update={field_: sorted_union(getattr(rec, field_), (ev,)), **update})


def apply_corrections(batch: GraphBatch, decisions: list[Located]) -> tuple[GraphBatch, ApplyReport]:
    """The batch with the decisions applied, and what happened to each decision."""
    g = _Graph(batch)
    report = ApplyReport()
    holding = effective(decisions)
    held = {id(x) for x in holding}
    results: dict[int, Outcome] = {}
    for loc in decisions:
        if id(loc) not in held:
            results[id(loc)] = Outcome(loc, "superseded", "a later line decides the same subject")
    merges = [loc for loc in decisions if loc.decision.action == "merge"]
    for loc in sorted(holding, key=lambda x: ORDER[x.decision.action]):  # stable: file order within a kind
        results[id(loc)] = _APPLY[loc.decision.action](g, loc, report, merges)
    report.outcomes = [results[id(loc)] for loc in decisions]
    return g.build(), report


# ---------------------------------------------------------------- merges


def _merge(g: _Graph, loc: Located, report: ApplyReport, _merges) -> Outcome:
    d = loc.decision
    dup, into = g.remap(d.subject), g.remap(d.into or "")
    if dup == into:
        return Outcome(loc, "unchanged", f"{d.subject} is already merged into {d.into}")
    target = g.ents.get(into)
    if target is None:
        return Outcome(loc, "missing", f"entity {d.into} is not in the graph")
    if dup not in g.ents:
        if _has(target.mentions, d):
            return Outcome(loc, "unchanged", "already merged")
        return Outcome(loc, "missing", f"entity {d.subject} ({d.describe}) is not in the graph")
    src = g.ents.pop(dup)
    ev = decision_evidence(d, g.dispatch_ids)
    aliases = (set(target.aliases) | set(src.aliases) | {src.name}) - {target.name}
    g.ents[into] = target.model_copy(update={
        "aliases": tuple(sorted(aliases)), "wikidata": target.wikidata or src.wikidata,
        "mentions": sorted_union(target.mentions, src.mentions, (ev,))})
    g.merged[dup] = into
    _rewrite(g, dup, into)
    return Outcome(loc, "applied", f"{src.name} ({dup}) merged into {target.name} ({into})")


def _rewrite(g: _Graph, old: str, new: str) -> None:
    """Every reference to entity ``old`` now points at ``new``."""
    def sub(keys: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted({new if k == old else k for k in keys})) if old in keys else keys

    for k, ev in list(g.evs.items()):
        upd = {f: sub(getattr(ev, f)) for f in ("actors", "targets", "affects", "precedents")}
        if any(upd[f] != getattr(ev, f) for f in upd):
            g.evs[k] = ev.model_copy(update=upd)
    for (s, p, o), r in list(g.rels.items()):
        if old not in (s, o):
            continue
        del g.rels[(s, p, o)]
        s2, o2 = (new if s == old else s), (new if o == old else o)
        if s2 == o2:
            continue  # a merge turns "A partOf B" into a loop: meaningless
        r = r.model_copy(update={"subject": s2, "object": o2})
        prev = g.rels.get((s2, p, o2))
        if prev is not None:
            r = prev.model_copy(update={"evidence": sorted_union(prev.evidence, r.evidence),
                                        "confidence": max(prev.confidence, r.confidence)})
        g.rels[(s2, p, o2)] = r


def _split(g: _Graph, loc: Located, report: ApplyReport, merges: list[Located]) -> Outcome:
    d = loc.decision
    undone = [m for m in merges if m.decision.subject == d.subject and m.line < loc.line
              and m.source == loc.source]
    if undone:
        return Outcome(loc, "applied", f"the merge of {d.subject} into {d.into} at {undone[-1].where} is undone")
    return Outcome(loc, "unchanged", f"no earlier merge of {d.subject} into {d.into} to undo")


# ---------------------------------------------------------------- entities


def _entity_edit(g: _Graph, loc: Located, report: ApplyReport, _merges) -> Outcome:
    d = loc.decision
    key = g.remap(d.subject)
    e = g.ents.get(key)
    if e is None:
        return Outcome(loc, "missing", f"entity {d.subject} ({d.describe}) is not in the graph")
    ev = decision_evidence(d, g.dispatch_ids)
    upd: dict[str, object]
    if d.action == "retype":
        upd = {"type": d.value}
    else:
        name = (d.value or "").strip()
        upd = {"name": name, "aliases": tuple(sorted((set(e.aliases) | {e.name}) - {name}))}
    if all(getattr(e, k) == v for k, v in upd.items()) and _has(e.mentions, d):
        return Outcome(loc, "unchanged", "already so")
    g.ents[key] = _with(e, "mentions", ev, **upd)
    return Outcome(loc, "applied", f"{d.action} {key}: {d.value}")


# ---------------------------------------------------------------- statements


def _key(g: _Graph, d: Decision) -> Key:
    k = parse_key(d.subject)
    return parse_key(" ".join(g.remap(p) for p in k.parts))


def _missing_entities(g: _Graph, keys) -> list[str]:
    return sorted({k for k in keys if k not in g.ents and k not in g.evs})


def _add(g: _Graph, loc: Located, report: ApplyReport, _merges) -> Outcome:
    d = loc.decision
    k = _key(g, d)
    ev = decision_evidence(d, g.dispatch_ids)
    if k.kind == "event":
        new = d.event
        assert new is not None
        refs = [g.remap(x) for x in (*new.actors, *new.targets, *new.affects)]
        gone = _missing_entities(g, refs)
        if gone:
            return Outcome(loc, "missing", f"cannot add {d.describe}: not in the graph: {', '.join(gone)}")
        old = g.evs.get(d.subject)
        if old is not None and _has(old.evidence, d):
            return Outcome(loc, "unchanged", "already added")
        fields = dict(actors=tuple(sorted({g.remap(x) for x in new.actors})),
                      targets=tuple(sorted({g.remap(x) for x in new.targets})),
                      affects=tuple(sorted({g.remap(x) for x in new.affects})),
                      sectors=tuple(sorted(set(new.sectors))))
        if old is None:
            g.evs[d.subject] = Event(key=d.subject, measure=new.measure, status=new.status, date=new.date,
                                     label=new.label or d.describe, evidence=(ev,), confidence=1.0, **fields)
        else:
            g.evs[d.subject] = _with(old, "evidence", ev, confidence=1.0, status=new.status or old.status,
                                     date=new.date or old.date)
        return Outcome(loc, "applied", f"event {d.subject} added")
    s, p, o = k.parts
    gone = _missing_entities(g, (s, o))
    if gone:
        return Outcome(loc, "missing", f"cannot add {d.describe}: not in the graph: {', '.join(gone)}")
    old_rel = g.rels.get((s, p, o))
    if old_rel is not None and _has(old_rel.evidence, d) and old_rel.confidence == 1.0:
        return Outcome(loc, "unchanged", "already added")
    g.rels[(s, p, o)] = (Relation(subject=s, predicate=p, object=o, evidence=(ev,), confidence=1.0)
                         if old_rel is None else _with(old_rel, "evidence", ev, confidence=1.0))
    return Outcome(loc, "applied", f"relation {k.text} added")


def _absent(d: Decision, k: Key) -> str:
    return f"{d.describe} ({k.text}) is not in the graph (no longer extracted, or rejected before)"


def _reject(g: _Graph, loc: Located, report: ApplyReport, _merges) -> Outcome:
    d = loc.decision
    k = _key(g, d)
    if k.kind == "event":
        ev = g.evs.pop(k.text, None)
        if ev is None:
            return Outcome(loc, "missing", _absent(d, k))
        for pair in [p for p in g.ans if k.text in p]:
            del g.ans[pair]
        for key, other in list(g.evs.items()):
            if k.text in other.responds_to or k.text in other.precedents:
                g.evs[key] = other.model_copy(update={
                    "responds_to": tuple(x for x in other.responds_to if x != k.text),
                    "precedents": tuple(x for x in other.precedents if x != k.text)})
        report.rejected.append((k.text, d.describe, loc))
        return Outcome(loc, "applied", f"event {k.text} removed")
    if k.kind == "relation":
        if g.rels.pop(k.triple, None) is None:
            return Outcome(loc, "missing", _absent(d, k))
        report.rejected.append((k.text, d.describe, loc))
        return Outcome(loc, "applied", f"relation {k.text} removed")
    if k.kind == "analogy":
        if g.ans.pop((k.parts[0], k.parts[2]), None) is None:
            return Outcome(loc, "missing", _absent(d, k))
        report.rejected.append((k.text, d.describe, loc))
        return Outcome(loc, "applied", f"analogy {k.text} removed")
    ev_key, role, value = k.parts  # a role value
    ev = g.evs.get(ev_key)
    f = ROLE_FIELDS[role]
    current = getattr(ev, f) if ev is not None else None
    present = ev is not None and (value in current if isinstance(current, tuple) else current == value)
    if ev is None or not present:
        return Outcome(loc, "missing", _absent(d, k))
    new = tuple(x for x in current if x != value) if isinstance(current, tuple) else None
    g.evs[ev_key] = ev.model_copy(update={f: new})
    report.rejected.append((k.text, d.describe, loc))
    return Outcome(loc, "applied", f"{role} {value} removed from {ev_key}")


def _accept(g: _Graph, loc: Located, report: ApplyReport, _merges) -> Outcome:
    d = loc.decision
    k = _key(g, d)
    if k.kind == "dispatch":  # reviewed in full: changes nothing in the graph (see kg.corrections.gold)
        if k.text.split("/", 1)[1] not in g.dispatch_ids:
            return Outcome(loc, "missing", _absent(d, k))
        return Outcome(loc, "unchanged", "dispatch reviewed")
    ev = decision_evidence(d, g.dispatch_ids)
    if k.kind == "event":
        old = g.evs.get(k.text)
        if old is None:
            return Outcome(loc, "missing", _absent(d, k))
        if _has(old.evidence, d) and old.confidence == 1.0:
            return Outcome(loc, "unchanged", "already accepted")
        g.evs[k.text] = _with(old, "evidence", ev, confidence=1.0)
        return Outcome(loc, "applied", f"event {k.text} confirmed")
    if k.kind == "relation":
        old_rel = g.rels.get(k.triple)
        if old_rel is None:
            return Outcome(loc, "missing", _absent(d, k))
        if _has(old_rel.evidence, d) and old_rel.confidence == 1.0:
            return Outcome(loc, "unchanged", "already accepted")
        g.rels[k.triple] = _with(old_rel, "evidence", ev, confidence=1.0)
        return Outcome(loc, "applied", f"relation {k.text} confirmed")
    if k.kind == "analogy":
        pair = (k.parts[0], k.parts[2])
        old_an = g.ans.get(pair)
        if old_an is None:
            return Outcome(loc, "missing", _absent(d, k))
        if _has(old_an.evidence, d):
            return Outcome(loc, "unchanged", "already accepted")
        g.ans[pair] = _with(old_an, "evidence", ev)
        return Outcome(loc, "applied", f"analogy {k.text} confirmed")
    ev_key, role, value = k.parts
    old = g.evs.get(ev_key)
    if old is None:
        return Outcome(loc, "missing", f"{d.describe}: event {ev_key} is not in the graph")
    if role in ("target", "affects", "precedent") and _missing_entities(g, [value]):
        return Outcome(loc, "missing", f"{d.describe}: {value} is not in the graph")
    f = ROLE_FIELDS[role]
    current = getattr(old, f)
    new = tuple(sorted(set(current) | {value})) if isinstance(current, tuple) else value
    if new == current and _has(old.evidence, d):
        return Outcome(loc, "unchanged", "already so")
    g.evs[ev_key] = _with(old, "evidence", ev, **{f: new})
    return Outcome(loc, "applied", f"{role} of {ev_key} is {value}")


_APPLY = {"merge": _merge, "split": _split, "rename": _entity_edit, "retype": _entity_edit,
          "add": _add, "reject": _reject, "accept": _accept}
