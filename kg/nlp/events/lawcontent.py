"""A law and the measure its clause carries are one event.

Rule 'law-content': a law being made ("passed legislation tightening controls on the export of X", "introduced
legislation to tighten export controls") is the Legislation event and its content no second one. Rule
'law-in-effect-content': a law acting or in effect ("a law banning the export of X took effect") is reported by its
content measure, with no Legislation event (the content's actor is the law's owner: rule 'law-owner' in
:mod:`kg.nlp.events.actors`).
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.events.context import Mention
from kg.nlp.lexicon import measures as M


def content_verb(tok: Token) -> Token | None:
    """The verb whose object ``tok`` is (itself when it is one): "tightening [controls on ...]"."""
    t, steps = tok, 0
    while t.pos_ not in ("VERB", "AUX") and t.dep_ in ("dobj", "pobj", "prep", "compound", "amod", "conj") and \
            steps < 5:
        t, steps = t.head, steps + 1
    return t if t.pos_ in ("VERB", "AUX") else None


def law_content(m: Mention, laws: list[Mention]) -> bool:
    """Rule 'law-content': the measure a law being made carries ("introduced legislation to tighten export
    controls", "passed a law tightening controls on the export of ...": a relative or participle clause on the
    law noun, or an -ing clause on its legislative verb) is what the law says: the Legislation is the event."""
    v = content_verb(m.head)
    if v is None:
        return False
    for law in laws:
        if not being_made(law.head):
            continue  # a law in effect: its content is the measure (rule 'law-in-effect-content')
        if v.dep_ in ("acl", "relcl") and v.head.i == law.head.i:
            return True
        if v.dep_ == "advcl" and v.tag_ == "VBG" and law.head.dep_ in ("dobj", "nsubjpass") and \
                v.head.i == law.head.head.i:
            return True
    return False


def being_made(law: Token) -> bool:
    """A legislative verb makes the law ("passed legislation", "the bill, approved by senators")."""
    return (law.dep_ in ("dobj", "nsubjpass") and law.head.lemma_ in M.LEGISLATIVE_VERBS) or any(
        c.dep_ in ("relcl", "acl") and c.lemma_ in M.LEGISLATIVE_VERBS for c in law.children)


def carries_content(law: Token, found: list[Mention]) -> bool:
    """A measure of ``found`` sits in a relative or participle clause on the law noun ``law``."""
    for m in found:
        v = content_verb(m.head)
        if v is not None and v.dep_ in ("acl", "relcl") and v.head.i == law.i:
            return True
    return False
