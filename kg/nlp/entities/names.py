"""Boundaries of rule-made names: laws and government bodies.

A name rule's match is a candidate; these functions fix its edges the way names are written:

* words that open a sentence or a dateline are not part of a name ("Friday Senate Bill 24-205",
  "Similar to the EU AI Act", "October 2023 Executive Order 14110");
* a number completes a numbered law ("Executive Order 14110", "Council Regulation (EU) 2022/328",
  "Regulation No.17/2020");
* a name continues over capitalised words, joining words and hyphenated parts ("Measures on Security
  Assessment for Cross-border Data Transfer", "Ministry of Human Resources and Social Security");
* two names joined by "and" are two names ("Data Security Law and Personal Information Protection Law");
* a law head with only generic words before it names nothing ("Executive Order", "Senate Bill").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from kg.nlp.entities.patterns import NUMBER_RE
from kg.nlp.entities.words import (
    DATE_WORDS,
    GENERIC_LAW_WORDS,
    GOV_NAME_HEADS,
    LAW_HEADS,
    LEADING_LAW_HEADS,
    NUMBERED_LAW_HEADS,
)

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike

JOINERS = {"of", "and", "for", "on", "the", "in", "to", "&"}
#: a word after "and" that opens a new name rather than continuing this one
NEW_NAME_HEADS = GOV_NAME_HEADS | LEADING_LAW_HEADS
PART_WORDS = {"annex", "article", "section", "chapter", "part", "paragraph", "title", "schedule", "appendix"}
_NUMBER = re.compile(NUMBER_RE)
_OPEN_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_OPEN_POS = {"ADV", "ADP", "SCONJ", "AUX", "PRON", "DET", "INTJ", "NUM", "PUNCT"}


def trim_left(doc: Doc, sp: Span) -> Span:
    """Drop words that open a sentence or dateline before the name."""
    if sp[0].lower_ in PART_WORDS:  # "Annex I to Regulation (EU) 2021/821" -> the Regulation
        cut = next((t.i for t in sp if t.lower_ in ("of", "to")), None)
        if cut is not None and cut + 1 < sp.end:
            sp = doc[cut + 1:sp.end]
    while len(sp) > 1:
        t, nxt = sp[0], sp[1]
        if (not t.text[:1].isupper() or t.lower_ in DATE_WORDS or t.like_num or t.tag_ in _OPEN_TAGS
                or t.pos_ in _OPEN_POS or (nxt.is_lower and (nxt.lower_ in ("to", "the", "a", "an")
                                                             or nxt.pos_ == "ADP" and t.tag_ in ("VBN", "VBG")))):
            sp = doc[sp.start + 1:sp.end]
            continue
        break  # ("Based on Bill 12": a participle and its preposition open the sentence, not the name)
    return sp


def extend_right(doc: Doc, sp: Span, limit: int = 30, gaz: GazetteerLike | None = None) -> Span:
    """Continue a name over capitalised words, joining words followed by one, and hyphenated parts;
    not over a date ("on Friday") nor over "and" + a name the gazetteer knows ("... and Intel")."""
    end = sp.end
    while end < len(doc) and end - sp.start < limit:
        t = doc[end]
        if t.is_sent_start or t.lower_ in DATE_WORDS and t.text[:1].isupper():
            break
        if t.lower_ in ("and", "&") and gaz is not None and end + 1 < len(doc) and \
                gaz.lookup(doc[end + 1].text) is not None:
            break
        if t.text[:1].isupper() and t.is_alpha or _NUMBER.match(t.text) and doc[end - 1].text == "-":
            end += 1
        elif t.text in ("'s", "’s") and doc[end - 1].lower_ in ("people", "workers") and end + 1 < len(doc) and \
                doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha:
            end += 1  # "Ministry of the People's Armed Forces": a possessive inside an official name
        elif t.text == "-" and not t.whitespace_ and end + 1 < len(doc) and doc[end + 1].is_alpha \
                and not doc[end - 1].whitespace_:
            end += 2  # "Cross-border", "Dual-Use"
        elif t.lower_ in ("and", "&") and end + 2 < len(doc) and doc[end + 1].text in LEADING_LAW_HEADS and \
                doc[end + 2].lower_ in ("on", "for", "of", "concerning"):
            break  # "Measures on X and Measures on Y": two names
        elif t.lower_ in JOINERS and end + 1 < len(doc) and (
                doc[end + 1].text[:1].isupper() or doc[end + 1].lower_ == "the" and t.lower_ in ("of", "for")):
            nxt = doc[end + 2] if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else doc[end + 1]
            if t.lower_ in ("and", "&") and nxt.text in NEW_NAME_HEADS:
                break  # "the Ministry of Commerce and the Ministry of Finance": two names
            end += 1
        else:
            break
    while end > sp.end and doc[end - 1].lower_ in JOINERS:
        end -= 1
    return doc[sp.start:end]


def extend_list(doc: Doc, sp: Span) -> Span:
    """A body's portfolio list goes on over commas when it ends in "and" + a capitalised word: "Ministry
    of Trade" + ", Industry, and Energy", "Ministry of Education" + ", Culture, Sports, Science and
    Technology"; a comma then a name with no "and" ("Ministry of Trade, Tokyo") ends the name."""
    end = sp.end
    while end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text[:1].isupper() and \
            doc[end + 1].is_alpha and end - sp.start < 20:
        j = end + 1
        if doc[j].lower_ in ("and", "&"):
            break
        while j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha:
            j += 1
        if j + 1 < len(doc) and doc[j].lower_ in ("and", "&") and doc[j + 1].text[:1].isupper():
            j += 1
            while j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha:
                j += 1
            return doc[sp.start:j]  # the list's last item
        if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("and", "&") and \
                doc[j + 2].text[:1].isupper():
            j += 2
            while j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha:
                j += 1
            return doc[sp.start:j]  # "..., Industry, and Energy"
        end = j
    return sp


def extend_number(doc: Doc, sp: Span) -> Span:
    """"Executive Order" + "14110", "Council Regulation" + "(EU) 2022/328", "Senate Bill" + "24-205"."""
    if len(sp) > 1 and sp[-1].text[:1].isdigit() and sp[-2].text in (".", "°", "No", "No.") + tuple(NUMBERED_LAW_HEADS):
        return _number_tail(doc, sp.start, sp.end)  # "Bill No. 4421" + "-7"
    if sp[-1].text not in NUMBERED_LAW_HEADS:
        return sp
    end = sp.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].is_upper:
        end += 3  # "(EU)"
    if end < len(doc) and doc[end].lower_ in ("no.", "no", "n°", "n", "number"):
        end += 1
        if end < len(doc) and doc[end].text in (".", "°") and not doc[end - 1].whitespace_:
            end += 1  # "No" + ".", "n" + "°"
        elif doc[end - 1].lower_ == "n":
            return sp  # a bare "n" is no number sign
    if end >= len(doc) or not _NUMBER.match(doc[end].text):
        return sp
    return _number_tail(doc, sp.start, end + 1)


def _number_tail(doc: Doc, start: int, end: int) -> Span:
    """A law's number goes on over "-7", "/2024", "/ND-CP" written without spaces."""
    while end + 1 < len(doc) and doc[end].text in ("-", "/") and not doc[end].whitespace_ and \
            not doc[end - 1].whitespace_ and (doc[end + 1].text[:1].isdigit() or doc[end + 1].is_upper):
        end += 2
    return doc[start:end]


def split_and(doc: Doc, sp: Span) -> list[Span]:
    """"Data Security Law and Personal Information Protection Law" -> the two laws."""
    for t in sp[1:-1]:
        if t.lower_ in ("and", "&") and doc[t.i - 1].text in LAW_HEADS and doc[t.i + 1].text[:1].isupper():
            return [doc[sp.start:t.i]] + split_and(doc, doc[t.i + 1:sp.end])
    return [sp]


def generic_law(sp: Span) -> bool:
    """"Executive Order", "the Senate Bill": a head with generic words only, and no number."""
    if any(c.isdigit() for c in sp.text):
        return False
    return all(t.lower_ in GENERIC_LAW_WORDS for t in sp[:-1])


def law_spans(doc: Doc, sp: Span) -> list[Span]:
    """The law names a legislation match holds, edges fixed; [] when it names nothing."""
    out = []
    if sp.end < len(doc) and doc[sp.end].text[:1].isupper() and doc[sp.end].is_alpha and \
            not doc[sp.end].is_sent_start:
        return []  # "Kenyatta International Convention Centre": the head is inside a longer name
    for part in split_and(doc, sp):
        part = extend_year(doc, extend_number(doc, trim_left(doc, part)))
        if len(part) >= 2 and not generic_law(part):
            out.append(part)
    return out


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def extend_year(doc: Doc, sp: Span) -> Span:
    """A year written as part of a law's name: "General Financial Rules, 2017", "Information Technology Act,
    2000" (the comma style of Commonwealth statutes), "National Defense Authorization Act for Fiscal Year
    2013"; not a year that opens a clause ("the Act, 2019 saw ...": a verb follows)."""
    if sp[-1].text not in LAW_HEADS:
        return sp
    end = sp.end
    if end + 3 < len(doc) and [t.lower_ for t in doc[end:end + 3]] == ["for", "fiscal", "year"] and \
            _YEAR.match(doc[end + 3].text):
        return doc[sp.start:end + 4]
    if end + 1 < len(doc) and doc[end].text == "," and _YEAR.match(doc[end + 1].text) and \
            (end + 2 >= len(doc) or doc[end + 2].pos_ not in ("VERB", "AUX", "NUM")):
        return doc[sp.start:end + 2]
    return sp
