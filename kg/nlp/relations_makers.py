"""A company and the technology it makes, from the words around two names (GUIDE.md, Relations:
``produces``), for forms ``rel:made-by`` and ``rel:possessive-tech`` (relations.py) do not read:

====================  ==========  ===============================================================
rule                  confidence  example
====================  ==========  ===============================================================
rel:made-by-list      0.85        "antivirus software produced by Russian company Kaspersky" (a
                                  description between "by" and the maker), "cameras made by Hikvision
                                  and Dahua" (every maker of the list)
rel:maker-of          0.85        "OpenAI, the Microsoft-backed provider of ChatGPT", "Photonis, a
                                  French maker of night-vision goggles": an appositive whose head is a
                                  maker noun (``maker_nouns``) with "of" + the technology
====================  ==========  ===============================================================

Measured and left out: company names written right before a technology as its modifiers ("Intel and
AMD processors") -> produces: on dev d1-d8 no true relation, three false ones ("London Metal Exchange
nickel ore", a place read as a company before "rare earths").
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kg.nlp.relations_titles import MAKER_NOUNS

MADE = {"made", "designed", "produced", "manufactured", "built", "developed", "sold", "supplied", "created",
        "owned", "operated", "run", "provided", "offered", "marketed"}
ORGS = ("Company",)


def _following_makers(doc: Doc, sps: list[Span], j: int, sent: Span) -> list[Span]:
    """The company named at token ``j`` (after up to four words of description: "Russian company",
    "the Chinese firm") and the companies listed after it ("Hikvision and Dahua")."""
    starts = {s.start: s for s in sps}
    k = j
    while k < min(j + 5, sent.end) and k not in starts:
        t = doc[k]
        if not (t.is_lower and t.is_alpha or t.lower_ in ("the", "a", "an")):
            break
        k += 1
    first = starts.get(k)
    if first is not None and first.label_ == "Country":  # "by Russian company Kaspersky"
        k = first.end
        while k < min(j + 6, sent.end) and k not in starts and doc[k].is_lower and doc[k].is_alpha:
            k += 1
        first = starts.get(k)
    if first is None or first.label_ not in ORGS:
        return []
    out = [first]
    prev = first
    for o in sorted((s for s in sps if s.start >= prev.end), key=lambda s: s.start):
        gap = [t.lower_ for t in doc[prev.end:o.start]]
        if o.label_ not in ORGS or not gap or not set(gap) <= {",", "and"}:
            break
        out.append(o)
        prev = o
    return out


def made_by(doc: Doc, sps: list[Span], sent: Span) -> Iterator[tuple[str, str, str, str]]:
    """"<Technology> made|produced|... by [description] <Company> [and <Company>]"."""
    for tech in sps:
        if tech.label_ != "Technology":
            continue
        words = [t.lower_ for t in doc[tech.end:min(tech.end + 4, sent.end)]]
        if "by" not in words:
            continue
        by = words.index("by")
        if not any(w in MADE for w in words[:by]) or any(w in (",", ";", "(") for w in words[:by]):
            continue
        for maker in _following_makers(doc, sps, tech.end + by + 1, sent):
            yield "rel:made-by-list", maker.id_, "produces", tech.id_


def maker_of(doc: Doc, sps: list[Span], sent: Span) -> Iterator[tuple[str, str, str, str]]:
    """"<Company>, the|a ... <maker noun> of <Technology>"."""
    for org in sps:
        if org.label_ not in ORGS or org.end + 2 >= sent.end or doc[org.end].text != ",":
            continue
        if doc[org.end + 1].lower_ not in ("a", "an", "the"):
            continue
        k = org.end + 2
        while k < min(org.end + 9, sent.end) and doc[k].lower_ not in MAKER_NOUNS and doc[k].text not in (",", ";"):
            k += 1
        if k + 1 >= sent.end or doc[k].lower_ not in MAKER_NOUNS or doc[k + 1].lower_ != "of":
            continue
        tech = next((s for s in sps if s.label_ == "Technology" and k + 2 <= s.start <= k + 3), None)
        if tech is not None:
            yield "rel:maker-of", org.id_, "produces", tech.id_


def maker_relations(doc: Doc, sps: list[Span], sent: Span) -> Iterator[tuple[str, str, str, str]]:
    """The relations of this module for one sentence's mentions."""
    yield from made_by(doc, sps, sent)
    yield from maker_of(doc, sps, sent)
