"""The review queue: what in a graph most needs a human eye, ranked.

Each :class:`Item` names one subject by the key a decision takes (:mod:`kg.corrections.keys`),
says in words what it is and why it is queued, and suggests the command that decides it. Scores
add up the reasons an item has, so an event that is uncertain *and* lacks a target ranks above
one that only lacks a target:

=====================  =========================================================  ===================
reason                 when                                                       score
=====================  =========================================================  ===================
low confidence         an event or relation below ``min_confidence``              1 - confidence
no target              an event with no target                                    0.3
conflicting status     dispatches report one event with different statuses       0.5
near-duplicate         two entities of one type with similar names or aliases     0.6 x similarity
unknown entity         an entity the gazetteer does not know                      0.1 + 0.05 / dispatch
=====================  =========================================================  ===================

Subjects an analyst already decided on (any line of the corrections file) leave the queue.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from kg.corrections.io import Located
from kg.corrections.keys import parse_key, relation_key, sorted_pair
from kg.models import Entity, Extraction, GraphBatch

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike

COLUMNS = ("rank", "score", "kind", "key", "describe", "reasons", "decide")
DUPLICATE_SIMILARITY = 0.85


@dataclass(frozen=True)
class Item:
    score: float
    kind: str  # event, relation, entity, duplicate
    key: str
    describe: str
    reasons: tuple[str, ...]
    decide: str  # the command that records a decision

    def row(self, rank: int) -> list:
        return [rank, round(self.score, 3), self.kind, self.key, self.describe, "; ".join(self.reasons), self.decide]


def _q(key: str) -> str:
    return f"'{key}'" if " " in key else key


def describe_event(ev, names: dict[str, str]) -> str:
    from kg.rdf.graph import event_label

    return event_label(ev, names)


def describe_relation(r, names: dict[str, str]) -> str:
    return f"{names.get(r.subject, r.subject)} {r.predicate} {names.get(r.object, r.object)}"


def _norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\b(the|inc|corp|corporation|ltd|co|company|group|plc|llc|limited)\b", " ", s)
    return " ".join(re.findall(r"[a-z0-9]+", s))


_NUMBER = re.compile(r"^(\d+|[ivx]+)$").match


def _name_similarity(x: str, y: str) -> float:
    """1.0 equal; 0.9 one word differs by a typo or inflection, or an acronym; 0.85 one name's
    words (two or more) are among the other's; else 0. Names differing in a number (orders, laws) never match."""
    if x == y:
        return 1.0
    tx, ty = set(x.split()), set(y.split())
    if {w for w in tx if _NUMBER(w)} != {w for w in ty if _NUMBER(w)}:
        return 0.0
    if len(tx) == 1 and len(x) >= 2 and x == "".join(w[0] for w in y.split()):
        return 0.9
    if len(ty) == 1 and len(y) >= 2 and y == "".join(w[0] for w in x.split()):
        return 0.9
    if (tx < ty or ty < tx) and min(len(tx), len(ty)) >= 2:
        return 0.85
    dx, dy = tx - ty, ty - tx
    if len(dx) == len(dy) == 1:
        a, b = next(iter(dx)), next(iter(dy))
        if min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.8:
            return 0.9
    return 0.0


def _similarity(a: Entity, b: Entity) -> float:
    if a.wikidata and b.wikidata and a.wikidata != b.wikidata:
        return 0.0  # two different Wikidata items are two things
    na = {_norm(x) for x in (a.name, *a.aliases)} - {""}
    nb = {_norm(x) for x in (b.name, *b.aliases)} - {""}
    return max((_name_similarity(x, y) for x in na for y in nb), default=0.0)


def near_duplicates(entities: Iterable[Entity]) -> list[tuple[float, Entity, Entity]]:
    """Pairs of one type whose names or aliases are alike (blocked on shared name words)."""
    blocks: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for e in entities:
        for w in {w for x in (e.name, *e.aliases) for w in _norm(x).split() if len(w) >= 3}:
            blocks[(e.type, w)].append(e)
    pairs: dict[tuple[str, str], tuple[float, Entity, Entity]] = {}
    for group in blocks.values():
        if len(group) > 50:  # a word shared by very many names ("ministry") says nothing
            continue
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                k = sorted_pair(a.key, b.key)
                if k in pairs or a.key == b.key:
                    continue
                s = _similarity(a, b)
                if s >= DUPLICATE_SIMILARITY:
                    pairs[k] = (s, a, b) if a.key < b.key else (s, b, a)
    return [pairs[k] for k in sorted(pairs)]


def _decided(decisions: list[Located]) -> set[str]:
    out = set()
    for loc in decisions:
        d = loc.decision
        out.add(parse_key(d.subject).text)
        if d.into:
            out.add(" ".join(sorted((d.subject, d.into))))
    return out


def review_queue(
    batch: GraphBatch,
    extractions: Iterable[Extraction] = (),
    decisions: Sequence[Located] = (),
    gazetteer: GazetteerLike | None = None,
    min_confidence: float = 0.8,
) -> list[Item]:
    """The ranked queue (highest score first, ties by kind and key)."""
    names = {e.key: e.name for e in batch.entities}
    decided = _decided(list(decisions))
    statuses: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for ex in extractions:
        for ev in ex.events:
            if ev.status:
                statuses[ev.key][ev.status].add(ex.dispatch.id)
    items: list[Item] = []
    for ev in batch.events:
        if ev.key in decided or any(e.source in ("precedent-base", "analyst") for e in ev.evidence):
            continue
        score, reasons = 0.0, []
        if ev.confidence < min_confidence:
            score += 1 - ev.confidence
            reasons.append(f"confidence {ev.confidence:.2f}")
        if not ev.targets:
            score += 0.3
            reasons.append("no target")
        seen = statuses.get(ev.key, {})
        if len(seen) > 1:
            score += 0.5
            reasons.append(
                "status "
                + " vs ".join(f"{s} ({len(d)} dispatch{'es' if len(d) > 1 else ''})" for s, d in sorted(seen.items()))
            )
        if reasons:
            items.append(
                Item(
                    score,
                    "event",
                    ev.key,
                    describe_event(ev, names),
                    tuple(reasons),
                    f'kg review --accept {ev.key}  |  --reject {ev.key} --why "..."',
                )
            )
    for r in batch.relations:
        k = relation_key(r.subject, r.predicate, r.object)
        if r.confidence < min_confidence and k not in decided:
            items.append(
                Item(
                    1 - r.confidence,
                    "relation",
                    k,
                    describe_relation(r, names),
                    (f"confidence {r.confidence:.2f}",),
                    f'kg review --accept {_q(k)}  |  --reject {_q(k)} --why "..."',
                )
            )
    for s, a, b in near_duplicates(batch.entities):
        pair = " ".join(sorted((a.key, b.key)))
        if pair in decided:
            continue
        items.append(
            Item(
                0.6 * s,
                "duplicate",
                f"{a.key} {b.key}",
                f"{a.name} / {b.name} ({a.type})",
                (f"similar names ({s:.2f})",),
                f"kg merge {b.key} {a.key}  |  kg merge --split {b.key} {a.key}",
            )
        )
    if gazetteer is not None:
        for e in batch.entities:
            if e.key in decided or e.wikidata or gazetteer.by_key(e.key) or gazetteer.lookup(e.name):
                continue
            if any(m.source != "text" for m in e.mentions):
                continue
            n = len({m.dispatch_id for m in e.mentions if m.dispatch_id})
            items.append(
                Item(
                    0.1 + 0.05 * min(n, 6),
                    "entity",
                    e.key,
                    f"{e.name} ({e.type})",
                    (f"not in the gazetteer; {n} dispatch{'es' if n != 1 else ''}",),
                    f"kg review --rename {e.key} --value NAME  |  --retype {e.key} --value TYPE",
                )
            )
    items.sort(key=lambda i: (-round(i.score, 6), i.kind, i.key))
    return items
