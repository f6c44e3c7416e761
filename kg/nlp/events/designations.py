"""Designations: a government that designates or declares a party a security threat lists it (EntityListing).

Rule 'threat-designation': "the regulator has designated X and Y as national security threats", "declared the firm
a national security risk" — a designating verb (`designate_verbs`) whose "as" phrase, or second object, is a threat
noun (`threat_nouns`: threat, risk). The designated parties are the targets (the role rules read the object).
"designated a domestic representative" or "designated areas" name no threat: no event. Only when the sentence
reports no listing already.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.events.context import DocContext, Mention
from kg.nlp.events.filling import fill
from kg.nlp.lexicon import measures as M

PARTY_TYPES = ("Company", "ResearchOrganization", "Person", "Group")


def designations(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """Rule 'threat-designation' (module docstring)."""
    if not ctx.parsed or any(m.measure == "EntityListing" for m in found):
        return []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in M.DESIGNATE_VERBS or not names_threat(tok) or \
                not party_object(ctx, tok):
            continue
        m = Mention(measure="EntityListing", rule="threat-designation", sent=sent, trigger=ctx.doc[tok.i:tok.i + 1],
                    head=tok, para=ctx.para_of(sent.start_char), confidence=0.6)
        if fill(ctx, m, tok, last_actors) and m.actors and m.actor_in_syntax:
            return [m]
    return []


def party_object(ctx: DocContext, verb: Token) -> bool:
    """The designated object is a party: a named company, research organisation, person or group, or a company-like
    noun ("two Chinese firms") — not a danger ("identified cyber attacks as the main risk")."""
    for o in (c for c in verb.children if c.dep_ == "dobj"):
        for t in o.subtree:
            sp = ctx.ment(t)
            if (sp is not None and sp.label_ in PARTY_TYPES) or (t.i == o.i and t.lemma_.lower() in M.COMPANYISH):
                return True
    return False


def names_threat(verb: Token) -> bool:
    """The verb's "as" phrase ("as national security threats") or object complement ("declared X a risk") is a
    threat noun."""
    heads = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    heads += [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.pos_ == "NOUN"]
    return any(h.lemma_.lower() in M.THREAT_NOUNS for h in heads)
