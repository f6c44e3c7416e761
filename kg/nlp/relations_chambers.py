"""``rel:chamber-member`` (0.7): a member of a chamber or court, by the title written right before the
name (GUIDE.md, Relations: "other officials" work for their body).

"Senator X", "Representative X", "Justice X", "Senate Majority Leader X", "Supreme Court justices X, Y
and Z" (every person of the list) -> worksFor the body the title names: the body whose mention ends
right before the title ("Supreme Court justices"), else the document's one government body whose name
holds the title's chamber word (``chamber_titles`` in rules/relations.yaml, tried in order: a
representative sits in the "House of Representatives" before any "House"; committees are parts of a
chamber, not the chamber). No such body, or two: no relation. A title after "state" or "former"
("state Sen. X", "former Justice X") names no member of a body of the document.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kg.nlp.relations_titles import CHAMBER_TITLES

NOT_MEMBER = {"state", "former", "ex", "late", "then"}
#: bodies inside a chamber: a senator is not placed in a committee the text names elsewhere
PARTS = ("committee", "subcommittee", "caucus", "commission")
LIST_GAP = {",", "and"}
_LONGEST = max(len(k.split()) for k in CHAMBER_TITLES)


def _title_before(doc: Doc, start: int, floor: int) -> tuple[int, str] | None:
    """(first token, title) of a chamber title ending right before token ``start``."""
    for n in range(_LONGEST, 0, -1):
        if start - n < floor:
            continue
        words = " ".join(t.lower_ for t in doc[start - n:start])
        if words in CHAMBER_TITLES:
            return start - n, words
    return None


def _body_for(title: str, bodies: dict[str, tuple[str, ...]]) -> str | None:
    for word in CHAMBER_TITLES[title]:
        hits = [k for k, names in bodies.items() if any(word in n.lower() for n in names)
                and not any(w in names[0].lower() for w in PARTS)]
        if len(hits) == 1:
            return hits[0]
        if hits:
            return None
    return None


def chamber_members(doc: Doc, spans: list[Span], ents: dict, ts: list) -> Iterator[tuple[str, str, str, str, Span]]:
    """(rule, person, "worksFor", body, span) for the persons a chamber title names."""
    bodies = {k: (e.name, *e.aliases) for k, e in ents.items()
              if e.type == "GovernmentBody" and any(s.id_ == k for s in spans)}
    ends = {s.end: s for s in spans}
    ordered = sorted(spans, key=lambda s: s.start)
    for i, sp in enumerate(ordered):
        if sp.label_ != "Person":
            continue
        floor = ts[sp.start].start
        found = _title_before(doc, sp.start, floor)
        inner = None if found else _title_before(doc, sp.start + 1, sp.start)  # "Senator X" as one mention
        if inner is not None and sp.end - sp.start >= 2:
            found = inner
        if found is None:
            continue
        first, title = found
        if first > floor and doc[first - 1].lower_ in NOT_MEMBER:
            continue
        named = ends.get(first)  # "Supreme Court justices X": the body written before the title
        body = named.id_ if named is not None and named.id_ in bodies else _body_for(title, bodies)
        if body is None:
            continue
        members = [sp]
        if title.endswith("s") and not title.endswith("ss"):  # "justices X, Y, and Z"
            for o in ordered[i + 1:]:
                gap = {t.lower_ for t in doc[members[-1].end:o.start]}
                if o.label_ != "Person" or not gap or not gap <= LIST_GAP:
                    break
                members.append(o)
        for m in members:
            yield "rel:chamber-member", m.id_, "worksFor", body, m
