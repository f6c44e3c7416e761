"""``rel:parent`` (0.85): a company's parent named by a word of ownership between the two names
(GUIDE.md, Relations: subsidiaryOf), for forms ``rel:subsidiary`` (relations.py) does not read:

* "Y, part of X," -> Y subsidiaryOf X (an appositive right after Y);
* "X subsidiary Y" (the child word alone between the names) and "Y is a X subsidiary", "Y, a X unit"
  -> Y subsidiaryOf X;
* "Y's parent X", "Y's parent investment firm X", "Y's owner X" (up to four lower-case words between)
  -> Y subsidiaryOf X;
* "X ... through its subsidiary Y", "X and its Swedish unit Y" -> Y subsidiaryOf X, "its" standing for
  the one company before it that is a subject, else the nearest company named before it when no
  other mention stands between them; "X ... through its Y Inc. subsidiary" likewise (the subject only);
* ``rel:acquired``: a done deal, "X completed its acquisition of Y", "X acquired Y" (a past tense, no
  modal, negation, wish or plan: not "X plans to acquire Y", not "the acquisition of Y by X" that
  regulators blocked) -> Y subsidiaryOf X.
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
        elif len(between) == 1 and between[0] in CHILD_WORDS and doc[a.end].is_lower:
            yield "rel:parent", b.id_, "subsidiaryOf", a.id_  # "ASML subsidiary Mapper"
        elif between in (["is", "a"], ["is", "an"], ["was", "a"], [",", "a"], [",", "an"]) and \
                b.end < len(doc) and doc[b.end].lower_ in CHILD_WORDS:
            yield "rel:parent", a.id_, "subsidiaryOf", b.id_  # "Insitu is a Boeing subsidiary"
        elif between[:1] in (["'s"], ["’s"], ["'"]) and 2 <= len(between) <= 5 and \
                any(w in PARENT_WORDS for w in between[1:]) and all(t.is_lower for t in doc[a.end + 1:b.start]):
            yield "rel:parent", a.id_, "subsidiaryOf", b.id_
    for b in comps:  # "through its Space Systems/Loral Inc. subsidiary": the name before the child word
        k = b.end + (1 if b.end < len(doc) and doc[b.end].lower_ in ("inc", "inc.", "ltd", "corp", "co") else 0)
        if b.start >= 1 and doc[b.start - 1].lower_ == "its" and k < len(doc) and doc[k].lower_ in CHILD_WORDS:
            owner = [a for a in comps if a.end < b.start and a.id_ != b.id_]
            subj = {a.id_ for a in owner if a.root.dep_ in ("nsubj", "nsubjpass")}
            if len(subj) == 1:
                yield "rel:parent", b.id_, "subsidiaryOf", subj.pop()
    yield from _acquired(doc, comps)
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


ACQUIRE = {"acquire", "buy", "purchase", "take"}


def _acquired(doc: Doc, comps: list[Span]) -> Iterator[tuple[str, str, str, str]]:
    """"Nvidia completed its acquisition of Mellanox", "X acquired Y" (a done deal: a past tense, no modal,
    no wish or plan) -> Y subsidiaryOf X."""
    at = {i: c for c in comps for i in range(c.start, c.end)}
    for y in comps:
        r = y.root
        head = r.head
        if r.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in ("acquisition", "purchase", "takeover"):
            noun = head.head  # "its acquisition of Y" as the object of "completed"
            verb = noun.head
            if noun.dep_ != "dobj" or verb.lemma_ not in ("complete", "finalize", "finalise", "close") or \
                    not any(c.dep_ == "poss" and c.lower_ == "its" for c in noun.children):
                continue
        elif r.dep_ == "dobj" and head.lemma_ in ACQUIRE and head.tag_ in ("VBD", "VBN"):
            verb = head  # "X acquired Y"
            if head.lemma_ == "take":
                continue
        else:
            continue
        if verb.tag_ not in ("VBD", "VBN") or verb.dep_ in ("xcomp", "advcl", "ccomp") or \
                any(c.dep_ in ("aux", "neg") and c.lower_ not in ("has", "have", "had") for c in verb.children):
            continue
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        x = at.get(subj[0].i) if subj else None
        if x is not None and x.id_ != y.id_:
            yield "rel:acquired", y.id_, "subsidiaryOf", x.id_
