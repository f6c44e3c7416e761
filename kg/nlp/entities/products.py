"""Model names a company's possessive introduces: "Zentrix's Q7 5G", "Velmora's 2100x and 2200x
scanners", "Qorvane's Nova 12 Pro".

A model name is a run of whitespace-separated words right after "<Name>'s": at most two capitalised
words ("Nova", "iPad"), then a word with a digit, then more words with a digit or title-case words
("Pro"). A word of letters and digits starts the name on its own ("Q7", "2100x"); a bare number needs
a name word before it ("Nova 12"), so "Zentrix's 2024 revenue" names nothing; ordinals ("14th") and
amounts ("5bn", "$3") are no model names. Items joined by "and" or a comma are models too. The
component keeps a candidate only when the possessor is a company.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.link.clusters import Mention

RULE = "rule:product-model"
CONF = 0.7
POSSESSIVES = ("'s", "’s")
_MIXED = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9\-:]*$")
_NUMBER = re.compile(r"^\d+$")
_NOT_MODEL = re.compile(r"^\d+(?:st|nd|rd|th|s|bn|m|k|mn|km|gb|tb|mw|gw|nm|kg|pc|pct)?$", re.I)
_PERIOD = re.compile(r"^(?:[HQ][1-4]|FY\d{2,4}|\d{4})$")  # "ZTE H1 profits", "Nvidia Q3", "Intel 2024": periods
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+|[a-z][A-Z][A-Za-z]*)$")  # "Nova", "Pro", "iPhone"


def _words(doc: Doc, i: int, limit: int = 8) -> list[tuple[int, int, str]]:
    """Whitespace-separated words from token i: (first token, end token, text); stops at punctuation."""
    out: list[tuple[int, int, str]] = []
    while i < len(doc) and len(out) < limit:
        j = i
        while j + 1 < len(doc) and not doc[j].whitespace_:
            nxt = doc[j + 1]
            if nxt.is_punct and (nxt.text not in ("-", ":") or nxt.whitespace_ or j + 2 >= len(doc)):
                break  # "5G," ends the word; "NXT:2000", "Mi-10" continue it
            j += 1
        out.append((i, j + 1, doc[i:j + 1].text))
        i = j + 1
    return out


def _model(words: list[tuple[int, int, str]]) -> int:
    """How many of the words make one model name (0: none)."""
    n = 0
    while n < min(2, len(words)) and _NAME_WORD.match(words[n][2]):
        n += 1
    if n >= len(words):
        return 0
    w = words[n][2]
    if not (_MIXED.match(w) and not _NOT_MODEL.match(w) or n and _NUMBER.match(w)):
        return 0
    n += 1
    while n < len(words) and (_MIXED.match(words[n][2]) and not _NOT_MODEL.match(words[n][2])
                              or _NAME_WORD.match(words[n][2]) and words[n][2][0].isupper()):
        n += 1
    return n


def product_candidates(doc: Doc) -> list[tuple[int, int, Mention, int]]:
    """Model names after "<PROPN>'s", with the index of the possessor's last token."""
    out = []
    for tok in doc:
        if tok.text not in POSSESSIVES or tok.i == 0 or doc[tok.i - 1].pos_ != "PROPN":
            continue
        i = tok.i + 1
        while i < len(doc):
            words = _words(doc, i)
            n = _model(words)
            if not n:
                break
            s, e = words[0][0], words[n - 1][1]
            sp = doc[s:e]
            out.append((s, e, Mention(sp.text, sp.start_char, sp.end_char, "Technology", RULE, CONF), tok.i - 1))
            i = e
            if i < len(doc) and doc[i].text == ",":
                i += 1
            if i < len(doc) and doc[i].lower_ == "and":
                i += 1
            if i == e:
                break
    return out


def maker_named_product(gaz, doc: Doc, cand, stop_words: set[str]) -> bool:
    """"Microsoft Teams", "TikTok Lite", "BYD Atto 3": an NER name of two or three words that opens with a
    gazetteer company's name and goes on with title-case words or a model number is the company's product, a
    Technology (not the company it opens with). Not when a word of the rest makes it an organisation or a title
    (``stop_words``: company suffixes and legal forms, body and research words, persons' titles, units of
    business: "Samsung Electronics", "OpenAI CEO", "Boeing Defense") or names a state ("Nvidia China": a
    unit) or a period ("ZTE H1 profits"), nor a name the gazetteer knows."""
    s, e, m = cand
    if not m.rule.startswith("ner:") or m.key or not 2 <= e - s <= 3 or gaz.lookup(doc[s:e].text) is not None:
        return False
    maker = gaz.lookup(doc[s].text)
    if maker is None or maker.type not in ("Company", "Technology") or not doc[s].text[:1].isupper():
        return False
    for t in doc[s + 1:e]:
        if t.lower_ in stop_words or _PERIOD.match(t.text) or not (t.is_title or t.like_num or _MIXED.match(t.text)):
            return False
        if gaz.lookup(t.text) is not None or gaz.demonym(t.text) is not None:
            return False
    return True
