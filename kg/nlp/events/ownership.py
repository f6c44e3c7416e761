"""Ownership and access: kinds a restriction takes from what its object hands over.

A firm sold or bought ("blocks sale of two chipmakers to China", "blocked X from buying a German firm") is an
InvestmentRestriction, not goods sent abroad or a ban on buying kit; a country's access to goods ("restrict
Russia's access to semiconductors") is an ExportControl, not a ban on use. Used by
:func:`kg.nlp.events.triggers.refine`.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.events.context import DocContext
from kg.nlp.lexicon import measures as M


def foreign_access(ctx: DocContext, obj: list[Token]) -> bool:
    """Rule 'foreign-access': a restriction of a country's access to goods or technology ("restrict Russia's
    access to items that support its military", "restrictions on Russian access to semiconductors", "to deny
    Russia access to products based on U.S. technology") keeps them from being sent there: an ExportControl,
    not a Ban on use (`goods_words` in `measure_words.yaml`). Also a country's ability to get them ("rules aimed at
    restricting China's ability to access, acquire or manufacture advanced chips"; `ability_nouns`,
    `acquire_verbs`), for a rule noun too."""
    for ability in (t for t in obj if t.lemma_.lower() in M.ABILITY_NOUNS):
        # "restricting China's ability to access, acquire or manufacture advanced chips": a country's means of
        # getting goods
        if not any((sp := ctx.ment(c)) is not None and sp.label_ == "Country" for c in ability.children
                   if c.dep_ in ("poss", "amod", "compound", "nmod")):
            continue
        verbs = [c for c in ability.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in M.ACQUIRE_VERBS]
        verbs += [x for v in verbs for x in v.conjuncts if x.lemma_.lower() in M.ACQUIRE_VERBS]
        if any(g.lower_ in M.GOODS_WORDS for v in verbs for g in v.subtree if g.i > v.i):
            return True
    for acc in (t for t in obj if t.lower_ == "access"):
        holders = [c for c in acc.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        if acc.dep_ == "dobj":
            holders += [c for c in acc.head.children if c.dep_ in ("dative", "dobj") and c.i != acc.i]
        if not any((sp := ctx.ment(h)) is not None and sp.label_ == "Country" for h in holders):
            continue
        goods = {t.lower_ for p in acc.children if p.dep_ == "prep" and p.lower_ == "to" for t in p.subtree}
        if goods & M.GOODS_WORDS:
            return True
    return False


def firm_sold(ctx: DocContext, obj: list[Token]) -> bool:
    """Rule 'firm-sale': the sale of a firm ("blocks sale of two chipmakers to China", "the sale of Acme to a
    Chinese buyer": a company mention or a company noun after "of") hands over ownership — an investment, not
    goods sent abroad."""
    for sale in (t for t in obj if t.lower_ in ("sale", "sales")):
        for p in sale.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    sp = ctx.ment(o)
                    if o.dep_ == "pobj" and ((sp is not None and sp.label_ == "Company") or
                                             o.lemma_.lower() in M.COMPANYISH):
                        return True
    return False


def firm_bought(ctx: DocContext, obj: list[Token]) -> bool:
    """Rule 'firm-bought': buying or acquiring a firm ("blocked a Chinese company from buying a German satellite
    firm", "its attempt to set up a joint venture to buy a US group's business") takes over ownership — an
    investment, not a ban on buying kit (whose object is goods: "from buying Acme equipment")."""
    for t in obj:
        if t.lower_ in ("venture", "ventures") and any(c.lower_ == "joint" for c in t.lefts):
            return True
        if t.pos_ != "VERB" or t.lemma_.lower() not in M.ACQUIRE_FIRM_VERBS:
            continue
        for o in (c for c in t.children if c.dep_ == "dobj"):
            sp = ctx.ment(o)
            if (sp is not None and sp.label_ == "Company") or o.lemma_.lower() in M.COMPANYISH - {"app", "platform"}:
                return True
    return False
