"""Organisations listed one per line under an introducing line (rule ``rule:listed-org``).

Announcements of a blacklist or a sanctions round often name the organisations as a bulleted list:

    The companies include:
    - Velmora Drones
    - Qorvane Labs

When a line ends with ":" and its last words name organisations in the plural ("companies", "firms",
"entities", ``company_context`` plurals in ``kg/nlp/rules/entities.yaml``), every bulleted line right
after it (blank lines between them allowed) that is a bare name (one to six words, each capitalised or
a number, no sentence punctuation) is a company. The list ends at the first line that is not such an
item. Every place the text writes a listed name is that company. Names the gazetteer knows keep their
entry (the gazetteer outranks this rule).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.link.clusters import Mention
from kg.nlp.attrs import doc_text
from kg.nlp.entities.words import COMPANY_CONTEXT, CONF

RULE = "rule:listed-org"
#: plural nouns whose list is one of organisations
LIST_NOUNS = {w for w in COMPANY_CONTEXT if w.endswith("s")} | {"entities", "organisations", "organizations"}
_INTRO = re.compile(r"(?m)\b([a-z]+)(?:[ \t]+(?:include|includes|included|are|were))?[ \t]*:[ \t]*$")
_ITEM = re.compile(r"\s*[-\u2022*\u2013][ \t]+([^\n]+?)[ \t]*(?=\n|$)")
_NAME = re.compile(r"^(?:[A-Z0-9][\w.&'\u2019-]*)(?: (?:[A-Z0-9][\w.&'\u2019-]*|of|and|&|de|the))*$")


def listed_orgs(doc: Doc) -> list[tuple[int, int, Mention]]:
    text = doc_text(doc)
    out: list[tuple[int, int, Mention]] = []
    names: list[str] = []
    for intro in _INTRO.finditer(text):
        if intro.group(1).lower() not in LIST_NOUNS:
            continue
        pos = intro.end()
        while True:
            m = _ITEM.match(text, pos)
            if m is None:
                break
            name = m.group(1)
            if not (_NAME.match(name) and 1 <= len(name.split()) <= 6) or name.split()[-1] in ("of", "and", "the"):
                break
            names.append(name)
            pos = m.end()
    # the listed name is that company wherever the text writes it ("Insitu is a Boeing subsidiary")
    for name in dict.fromkeys(names):
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            sp = doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if sp is not None and len(sp):
                out.append((sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "Company", RULE,
                                                      CONF[RULE])))
    return out
