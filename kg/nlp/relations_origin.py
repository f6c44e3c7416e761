"""An organisation's home country from the words around its name (GUIDE.md, Relations:
``headquarteredIn`` "when the text states or makes the home country unmistakable"), for forms the
origin rules of relations.py do not read:

====================  ==========  ===============================================================
rule                  confidence  example
====================  ==========  ===============================================================
rel:based-in-place    0.85        "Aixtron, based in Herzogenrath, Germany" (a place between "in"
                                  and the country)
rel:set-member-origin 0.85        "added 140 Chinese companies to the list, including chip equipment
                                  makers Naura and Piotech": the organisations after "including" /
                                  "include" belong to the set of that country's organisations named
                                  before them in the sentence (no other country or organisation between)
rel:place-based       0.85        "California-based Teledyne", "X, based in Shenzhen": a place inside a
                                  country (``home_places``), when the text names that country too
rel:other-origin      0.85        "Toyota, Sony Group and six other major Japanese companies", "X and
                                  other Chinese firms": every organisation of the list before "other"
====================  ==========  ===============================================================

``list_gap`` lets the list rules step over what a name drags along ("Huawei Technologies Co Ltd
[RIC:HWT.UL] and Hikvision (002415.SZ)": a ticker in brackets, a legal form).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kg.nlp.relations_titles import HOME_PLACES, ORIGIN_CUES

ORGS = ("Company", "ResearchOrganization")
BASED = {"based", "headquartered", "registered", "incorporated"}
#: legal forms that may trail a name outside its mention
FORMS = {"co", "co.", "ltd", "ltd.", "inc", "inc.", "corp", "corp.", "plc", "llc", "ag", "sa", "se", "nv", "bv",
         "gmbh", ".", "limited"}


def list_gap(doc: Doc, start: int, end: int) -> list[str]:
    """The words between two items of a list, brackets and trailing legal forms left out."""
    out: list[str] = []
    depth = 0
    for t in doc[start:end]:
        if t.text in ("(", "["):
            depth += 1
        elif t.text in (")", "]"):
            depth = max(depth - 1, 0)
        elif depth == 0 and t.lower_ not in FORMS:
            out.append(t.lower_)
    return out


def based_in_place(doc: Doc, sps: list[Span]) -> Iterator[tuple[str, str, str, str]]:
    """"<Org>, based in <Place>, <Country>"."""
    ordered = sorted(sps, key=lambda s: s.start)
    for org, c in zip(ordered, ordered[1:]):
        if org.label_ not in ORGS or c.label_ != "Country":
            continue
        words = doc[org.end:c.start]
        low = [t.lower_ for t in words]
        if len(low) > 8 or "in" not in low or not any(w in BASED for w in low[:low.index("in")]):
            continue
        place = words[low.index("in") + 1:]
        if len(place) >= 2 and place[-1].text == "," and all(t.is_title or t.text in (",", "-") for t in place):
            yield "rel:based-in-place", org.id_, "headquarteredIn", c.id_


def other_origin(doc: Doc, sps: list[Span]) -> Iterator[tuple[str, str, str, str]]:
    """"A, B and [six] other [major] <demonym> <plural cue>": A and B are of that country."""
    ordered = sorted(sps, key=lambda s: s.start)
    for i, c in enumerate(ordered):
        if c.label_ != "Country":
            continue
        after = [t.lower_ for t in doc[c.end:min(c.end + 3, len(doc))]]
        cue = next((k for k, w in enumerate(after) if w in ORIGIN_CUES), None)
        if cue is None or not after[cue].endswith("s") or not all(doc[c.end + k].is_lower for k in range(cue)):
            continue
        k = c.start - 1
        while k > 0 and doc[k].lower_ != "other" and c.start - k <= 3 and (doc[k].is_lower or doc[k].like_num):
            k -= 1
        if doc[k].lower_ != "other":
            continue
        k -= 1
        if k > 0 and doc[k].like_num:
            k -= 1
        if doc[k].lower_ != "and":
            continue
        prev = next((o for o in reversed(ordered[:i]) if o.end <= k), None)
        if prev is None or prev.label_ not in ORGS or list_gap(doc, prev.end, k):
            continue
        items = [prev]
        for o in reversed([o for o in ordered[:i] if o.end <= prev.start]):
            if o.label_ not in ORGS or not set(list_gap(doc, o.end, items[-1].start)) <= {","} or \
                    not list_gap(doc, o.end, items[-1].start):
                break
            items.append(o)
        for o in items:
            yield "rel:other-origin", o.id_, "headquarteredIn", c.id_


INTROS = {"including", "include", "includes", "included", "notably", "namely"}


def set_members(doc: Doc, sps: list[Span]) -> Iterator[tuple[str, str, str, str]]:
    """"added 140 Chinese companies to the list, including chip equipment makers Naura and Piotech",
    "Chinese tech firms named in the probe include Goertek": the organisations after "including" /
    "include" are members of the set of that country's organisations the sentence named before them
    (no other country or organisation between)."""
    if not sps:
        return
    ordered = sorted(sps, key=lambda s: s.start)
    # the set's first member is one of this sentence's mentions, so only this sentence's cues can count
    for intro in (t for t in doc[ordered[0].start].sent if t.lower_ in INTROS):
        sent_start = intro.sent.start
        j = intro.i + 1
        while j < min(intro.i + 6, intro.sent.end) and doc[j].is_lower and doc[j].is_alpha and \
                doc[j].pos_ in ("NOUN", "ADJ"):
            j += 1  # "chip equipment makers" (not "a subsidiary of X": X is another's)
        first = next((o for o in ordered if o.start == j), None)
        if first is None or first.label_ not in ORGS:
            continue
        before = [o for o in ordered if sent_start <= o.start and o.end <= intro.i]
        country = next((o for o in reversed(before) if o.label_ in ("Country", "Bloc")), None)
        if country is None or country.label_ != "Country" or \
                any(o.start > country.start and o.label_ in (*ORGS, "GovernmentBody", "Person") for o in before):
            continue
        after = [t.lower_ for t in doc[country.end:min(country.end + 4, intro.i)]]
        cue = next((k for k, w in enumerate(after) if w in ORIGIN_CUES), None)
        if cue is None or not after[cue].endswith("s") or not all(doc[country.end + k].is_lower for k in range(cue)):
            continue
        items = [first]
        for o in (o for o in ordered if o.start >= first.end):
            gap = list_gap(doc, items[-1].end, o.start)
            if o.label_ not in ORGS or not gap or not set(gap) <= {",", "and"}:
                break
            items.append(o)
        for o in items:
            yield "rel:set-member-origin", o.id_, "headquarteredIn", country.id_


_PLACES = {tuple(k.lower().replace("-", " - ").split()): v for k, v in HOME_PLACES.items()}
_PLACE_LEN = max(len(k) for k in _PLACES)


def _place_ending(doc: Doc, end: int) -> str | None:
    """The country of the place whose name ends right before token ``end`` ("New York", "Bavaria")."""
    for n in range(_PLACE_LEN, 0, -1):
        if end - n < 0:
            continue
        words = tuple(t.lower_ for t in doc[end - n:end])
        if words in _PLACES and doc[end - n].is_title:
            return _PLACES[words]
    return None


def _place_starting(doc: Doc, start: int) -> str | None:
    for n in range(_PLACE_LEN, 0, -1):
        words = tuple(t.lower_ for t in doc[start:start + n])
        if len(words) == n and words in _PLACES and doc[start].is_title:
            return _PLACES[words]
    return None


def place_homes(gaz, doc: Doc, spans: list[Span]) -> Iterator[tuple[str, str, str, str, Span]]:
    """(rule, organisation, "headquarteredIn", country, span) for "California-based Teledyne", "Bavaria-based
    chip supplier X", "X, based in Shenzhen", "X based in the coastal city of Xiamen": a place of
    ``home_places`` (rules/relations.yaml), when the text names its country too."""
    countries = {sp.id_ for sp in spans if sp.label_ == "Country"}
    for org in spans:
        if org.label_ not in ORGS:
            continue
        home = None
        j = org.start - 1
        while j > org.start - 4 and j >= 0 and doc[j].is_lower and doc[j].is_alpha and doc[j].lower_ not in BASED:
            j -= 1  # "Bavaria-based chip supplier X"
        if j >= 1 and doc[j].lower_ in BASED and doc[j - 1].text == "-":
            home = _place_ending(doc, j - 1)
        k = org.end + (1 if org.end < len(doc) and doc[org.end].text == "," else 0)
        if home is None and k + 2 < len(doc) and doc[k].lower_ in BASED and doc[k + 1].lower_ == "in":
            k += 2
            if doc[k].lower_ == "the":  # "the coastal city of Xiamen"
                of = next((m for m in range(k + 1, min(k + 6, len(doc))) if doc[m].lower_ == "of"), None)
                k = of + 1 if of is not None and all(t.is_lower for t in doc[k:of]) else k
            home = _place_starting(doc, k)
        entry = gaz.lookup(home) if home is not None else None
        if entry is not None and entry.key in countries:
            yield "rel:place-based", org.id_, "headquarteredIn", entry.key, org


def origin_relations(doc: Doc, sps: list[Span]) -> Iterator[tuple[str, str, str, str]]:
    """The relations of this module for one sentence's mentions."""
    yield from based_in_place(doc, sps)
    yield from other_origin(doc, sps)
    yield from set_members(doc, sps)
