"""``rel:parent`` (0.85): a company's parent named by a word of ownership between the two names
(GUIDE.md, Relations: subsidiaryOf), for forms ``rel:subsidiary`` (relations.py) does not read:

* "Y, part of X," -> Y subsidiaryOf X (an appositive right after Y);
* "Y's parent X", "Y's parent investment firm X", "Y's owner X" (up to four lower-case words between)
  -> Y subsidiaryOf X;
* "X ... through its subsidiary Y", "X and its Swedish unit Y" -> Y subsidiaryOf X, "its" standing for
  the one company before it that is a subject, else the nearest company named before it when no
  other mention stands between them.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

PARENT_WORDS = ("parent", "owner")
CHILD_WORDS = ("subsidiary", "unit", "arm", "affiliate", "division")


def parent_relations(doc: Doc, sps: list[Span]) -> Iterator[tuple[str, str, str, str]]:
    """(rule, subject, predicate, object) for the parent companies one sentence names."""
    comps = sorted((s for s in sps if s.label_ == "Company"), key=lambda s: s.start)
    for a, b in zip(comps, comps[1:]):
        if a.id_ == b.id_:
            continue
        between = [t.lower_ for t in doc[a.end:b.start]]
        if between in ([",", "part", "of"], [",", "a", "part", "of"]):
            yield "rel:parent", a.id_, "subsidiaryOf", b.id_
        elif between[:1] in (["'s"], ["’s"], ["'"]) and 2 <= len(between) <= 5 and \
                any(w in PARENT_WORDS for w in between[1:]) and all(t.is_lower for t in doc[a.end + 1:b.start]):
            yield "rel:parent", a.id_, "subsidiaryOf", b.id_
    states = {i for s in sps if s.label_ == "Country" for i in range(s.start, s.end)}  # "its Swedish unit"
    for i, b in enumerate(comps):
        j = b.start - 1
        k = j
        while k > b.start - 4 and k >= 0 and (doc[k].is_lower or k in states) and doc[k].lower_ != "its":
            k -= 1
        if k < 0 or doc[k].lower_ != "its" or doc[j].lower_ not in CHILD_WORDS:
            continue
        owner = [a for a in comps[:i] if a.end <= k and a.id_ != b.id_]
        subj = {a.id_ for a in owner if a.root.dep_ in ("nsubj", "nsubjpass")}
        if len(subj) == 1:
            yield "rel:parent", b.id_, "subsidiaryOf", subj.pop()
        elif owner and not any(s.end <= k and s.start > owner[-1].start and s.label_ != "Country" for s in sps):
            yield "rel:parent", b.id_, "subsidiaryOf", owner[-1].id_
