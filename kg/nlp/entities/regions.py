"""Sub-national states as government bodies (rule ``rule:region``).

A federal state or province ("Colorado", "Victoria", "Ontario") is a place in most sentences ("plants in
Arizona", "Texas-based X", a list of sites), but a government body of its country where the text has it act:
the subject of a clause ("Colorado became the first state to regulate ..."), a possessive ("Victoria's deal
with China"), or the name before one of its organs ("the Colorado legislature", "North Dakota state
agencies", "Texas lawmakers"). When one mention acts, every mention of the name that is no place is the body.
The names are data (``regions`` in ``kg/nlp/rules/entities.yaml``); each is a gazetteer body flagged
``"region": true`` with its country as parent (so partOf follows the gazetteer), which no surface look-up finds.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from kg.link.clusters import Mention
from kg.nlp.attrs import doc_text
from kg.nlp.entities.words import CONF, REGION_ORGAN_WORDS, REGION_PARTY_WORDS, REGIONS

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike

RULE = "rule:region"
#: prepositions that make the name a place ("in Arizona", "from Texas")
PLACE_PREPOSITIONS = {"in", "at", "near", "from", "across", "throughout", "outside", "to", "into", "within", "around"}
_NAMES = re.compile(r"\b(" + "|".join(sorted((re.escape(n) for n in REGIONS), key=len, reverse=True)) + r")\b")


def _is_place(doc: Doc, sp: Span) -> bool:
    """A place, no body: after a place preposition, glued to a hyphen ("Texas-based", "Victoria-China deal"),
    or one item of a list of names."""
    text = doc_text(doc)
    if text[sp.end_char:sp.end_char + 1] == "-" or text[max(0, sp.start_char - 1):sp.start_char] == "-":
        return True
    if sp.start > 0 and doc[sp.start - 1].lower_ in PLACE_PREPOSITIONS:
        return True
    last = sp[-1]
    if last.dep_ == "conj" or any(c.dep_ == "conj" for c in last.children):
        return True  # "Arizona, New Mexico, Ohio and Oregon": sites, not governments
    return sp.end < len(doc) and doc[sp.end].text == "," and sp.end + 1 < len(doc) and \
        _NAMES.match(text, doc[sp.end + 1].idx) is not None


def _acts(doc: Doc, sp: Span) -> bool:
    """The subject of a clause, a possessive, or the name before one of the state's organs."""
    last = sp[-1]
    if last.dep_ in ("nsubj", "nsubjpass") and last.head.pos_ in ("VERB", "AUX"):
        return True
    i = sp.end
    if i < len(doc) and doc[i].tag_ == "POS":
        return True
    while i < len(doc) and doc[i].lower_ in REGION_PARTY_WORDS:
        i += 1
    return i < len(doc) and doc[i].lower_.rstrip(".") in REGION_ORGAN_WORDS


def region_candidates(gaz: GazetteerLike, doc: Doc) -> list[tuple[int, int, Mention]]:
    """Every non-place mention of a region that acts somewhere in the document, as a government body."""
    found: dict[str, list[Span]] = {}
    acting: set[str] = set()
    for m in _NAMES.finditer(doc_text(doc)):
        sp = doc.char_span(m.start(), m.end())
        if sp is None or not sp[0].text[:1].isupper() or _is_place(doc, sp):
            continue
        found.setdefault(m.group(1), []).append(sp)
        if _acts(doc, sp):
            acting.add(m.group(1))
    out = []
    for name in sorted(acting):
        entry = gaz.by_name(name)
        if entry is None:
            continue
        out += [(sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "GovernmentBody", RULE, CONF[RULE],
                                           key=entry.key, name=entry.name, wikidata=entry.qid))
                for sp in found[name] if not _in_longer_name(doc, sp)]
    return out


def _in_longer_name(doc: Doc, sp: Span) -> bool:
    """The first word of a longer name ("Colorado General Assembly", "Ohio Senate"): that name's mention,
    not the region's (it still shows the region acting)."""
    if sp.end < len(doc) and doc[sp.end].is_title and doc[sp.end].is_alpha and doc[sp.end].lower_ != "governor":
        return True
    return any(e.start <= sp.start and sp.end <= e.end and len(e) > len(sp) and e.label_ in ("ORG", "FAC")
               for e in doc.ents)

