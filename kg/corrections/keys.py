"""Stable keys of the statements a decision can name.

Keys are the record keys of :mod:`kg.ids` (no spaces), and statements built from them, shaped
like triples so one string names one thing::

    event/3f2a…                               an event
    company/acme                              an entity (also wd/Q148, country/…)
    event/3f2a… target wd/Q148                a role value of an event
    event/3f2a… status InForce                (roles: target affects sector status date precedent)
    company/acme headquarteredIn wd/Q148      a relation
    event/3f2a… analogousTo event/9c1d…       an analogy (either order)
    dispatch/41ef…                            a dispatch (accepting it: reviewed in full)

Anywhere a key is expected, the full IRI (``https://w3id.org/policykg/resource/event/…``) or a
predicate IRI of the ontology is accepted too.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg import ids
from kg.models import RELATION_PREDICATES
from kg.vocab import POL_IRI

#: event roles a decision can accept or reject one value of
ROLES: tuple[str, ...] = ("target", "affects", "sector", "status", "date", "precedent")
#: role name in keys -> field of kg.models.Event
ROLE_FIELDS: dict[str, str] = {"target": "targets", "affects": "affects", "sector": "sectors",
                               "status": "status", "date": "date", "precedent": "precedents"}


@dataclass(frozen=True)
class Key:
    kind: str            # event, entity, role, relation, analogy
    text: str            # normalised key text
    parts: tuple[str, ...]

    @property
    def triple(self) -> tuple[str, str, str]:
        """(subject, predicate, object) of a relation, analogy or role key."""
        return self.parts[0], self.parts[1], self.parts[2]

    @property
    def role(self) -> str:
        return self.parts[1]

    @property
    def value(self) -> str:
        return self.parts[2]


def _term(t: str) -> str:
    k = ids.key_of(t)
    if k is not None:
        return k
    if t.startswith(POL_IRI):
        return t[len(POL_IRI):]
    if t.startswith("<") and t.endswith(">"):
        return _term(t[1:-1])
    return t


def _record_key(t: str) -> bool:
    return "/" in t and not t.startswith("/") and not t.endswith("/") and "://" not in t


def parse_key(text: str) -> Key:
    """Normalise and classify a key; ValueError with a readable message when it has no known shape."""
    parts = tuple(_term(p) for p in text.split())
    if len(parts) == 1:
        k = parts[0]
        if not _record_key(k):
            raise ValueError(f"{text!r} is not an event or entity key (like event/… or company/acme)")
        kind = "event" if k.startswith("event/") else "dispatch" if k.startswith("dispatch/") else "entity"
        return Key(kind, k, parts)
    if len(parts) == 3:
        s, p, o = parts
        if p == "analogousTo" and s.startswith("event/") and o.startswith("event/"):
            a, b = sorted((s, o))
            return Key("analogy", f"{a} analogousTo {b}", (a, p, b))
        if p in ROLES and s.startswith("event/"):
            return Key("role", " ".join(parts), parts)
        if p in RELATION_PREDICATES and _record_key(s) and _record_key(o):
            return Key("relation", " ".join(parts), parts)
    raise ValueError(f"{text!r} is not a key: use 'event/…', an entity key, 'EVENT ROLE VALUE' "
                     f"(roles: {', '.join(ROLES)}), 'S PREDICATE O' or 'EVENT analogousTo EVENT'")


def relation_key(subject: str, predicate: str, obj: str) -> str:
    return f"{subject} {predicate} {obj}"


def analogy_key(a: str, b: str) -> str:
    a, b = sorted((a, b))
    return f"{a} analogousTo {b}"


def sorted_pair(a: str, b: str) -> tuple[str, str]:
    """Two keys in sorted order: an analogy (or candidate duplicate) is the same either way round."""
    first, second = sorted((a, b))
    return first, second

