"""Spelled out: a measure verb that only says what another measure of its sentence does is not a second event.

Rule 'spelled-out' ("export curbs which ban its robot makers from shipping ...", "put X on its entity list,
barring exports of lasers to the firms on it"); the regulation-as-instrument case is rule 'instrument' in
:mod:`kg.nlp.events.mentions`.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.events.context import DocContext, Mention
from kg.nlp.lexicon import measures as M


def spelled_out(m: Mention, found: list[Mention]) -> bool:
    """Rule 'spelled-out': a measure verb in a relative clause on another measure's noun says what that measure
    does ("export curbs which ban its robot makers from shipping ...", "sanctions which ban ..."): it is
    that measure, not a second one (the regulation-as-instrument case is rule 'instrument')."""
    if m.head.pos_ != "VERB" or not (m.head.dep_ == "relcl" or (m.head.dep_ == "advcl" and m.head.tag_ == "VBG")):
        return False  # "put X on its entity list, barring exports of lasers to ...": the effect
    if m.head.dep_ == "relcl":
        return any(o is not m and o.head.i == m.head.head.i and o.head.pos_ in ("NOUN", "PROPN")
                   and o.measure not in (m.measure, "Regulation") for o in found)
    return any(o is not m and governing_verb(o.head).i == m.head.head.i and o.measure not in (m.measure, "Regulation")
               for o in found)


def governing_verb(tok: Token) -> Token:
    """The nearest verb at or above ``tok`` (itself when it is one)."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def names_the_hit(head: Token) -> bool:
    """Rule 'those-hit': a measure participle on a pronoun ("those sanctioned include X", "anyone blacklisted")
    names the parties a measure reported elsewhere hits; it is no measure of its own."""
    return head.tag_ == "VBN" and head.dep_ == "acl" and head.head.pos_ == "PRON"


def court_ordered(ctx: DocContext, actors: list[str]) -> bool:
    """Rule 'court-order': a ban or rule a court orders ("the High Court issued an order to the regulator to ban
    X") is a LegalAction of that court; a court's ruling on data stays a DataRestriction (rule 'court-ruling')."""
    return any(w in ctx.ents[a].name.lower().split() for a in actors if a in ctx.ents for w in M.COURT_WORDS)

