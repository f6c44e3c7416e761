"""Goods and technologies a measure names as its target without any entity rule having found them.

Rule 'goods-target': the head noun of a measure's argument that names goods or a technology ("banned
exports of high-tech products, semiconductors and computers", "an investigation into electric
vehicles from China", "investments in AI systems") becomes a Technology entity and a target. The
name is the noun with its own modifiers, less what only counts or points ("certain", "all other")
and less a country or demonym in front ("Chinese electric vehicles" -> "electric vehicles"; the
country is found as a target by the demonym rule). Heads in ``goods_heads`` may stand alone;
heads in ``goods_kinds`` ("items", "systems", "equipment") need a modifier that says which
("dual-use items"), not only a vague one ("sensitive technology"). A noun that is part of a named
technology, a law or a body, or the product of a named company ("Huawei equipment": the company is
the target), or that only gives the reason for the measure or the place it applies ("banned the app
on government devices"; devices whose owner a modifier names: "official phones"), is left alone. The
word lists are data in ``kg/nlp/rules/roles.yaml``.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.ids import entity_key
from kg.models import Entity
from kg.nlp.events.context import DocContext, Mention
from kg.nlp.events.role_args import (GOODS_HEADS, GOODS_KINDS, GOODS_OWNER_MODS, GOODS_PLACE_PREPS, GOODS_QUANTIFIERS,
                                     GOODS_VAGUE)

#: measures that may aim at goods (a subsidy or a talent programme aims at firms and people)
GOODS_MEASURES = {"ExportControl", "ImportRestriction", "InvestmentRestriction", "Ban", "Regulation", "Legislation",
                  "Investigation", "Review", "EntityListing", "DataRestriction", "VisaRestriction", "LegalAction"}
_MOD_DEPS = ("compound", "amod", "nmod", "npadvmod", "advmod")
_BLOCKING = ("Technology", "Legislation", "GovernmentBody", "LegalCase", "Person", "Company", "ResearchOrganization")


def goods_targets(ctx: DocContext, m: Mention, toks: list[Token], skip: Callable[[Token], bool]) -> list[str]:
    """Keys of the goods named in ``toks`` (adding their entities to the document's); ``skip(tok)``
    says a token lies in a phrase giving the measure's reason."""
    if not ctx.parsed or m.measure not in GOODS_MEASURES:
        return []
    out: list[str] = []
    for t in dict.fromkeys(toks):
        if t.pos_ != "NOUN" or ctx.ment(t) is not None or \
                coordination_root(t).dep_ in _MOD_DEPS + ("poss",) and not split_conjunct(ctx, t):
            continue  # "AI, chip and quantum companies": the words modify another noun
        lemma = t.lower_ if t.lower_ in GOODS_HEADS else t.lemma_.lower()  # "electronics" (lemma "electronic")
        listed = lemma not in GOODS_HEADS and lemma not in GOODS_KINDS and goods_conjunct(ctx, t)
        if lemma not in GOODS_HEADS and lemma not in GOODS_KINDS and not listed or \
                m.trigger.start <= t.i < m.trigger.end or skip(t) or place_of_use(ctx, m, t):
            continue
        name = goods_name(ctx, t, lemma in GOODS_KINDS)
        if name:
            out.append(goods_entity(ctx, name))
    return out


def goods_conjunct(ctx: DocContext, t: Token) -> bool:
    """Rule 'goods-list': a plain noun coordinated with a goods noun of ``goods_heads`` is goods too
    ("restrictions on laptops, servers, tablets and personal computers": what is listed with servers is of
    the same kind) — when no conjunct is a named entity (then the list is of the firms or countries)."""
    group = [coordination_root(t), *coordination_root(t).conjuncts]
    if len(group) < 2 or any(ctx.ment(x) is not None for x in group) or t.tag_ not in ("NNS", "NN"):
        return False
    return any(x.i != t.i and (x.lower_ in GOODS_HEADS or x.lemma_.lower() in GOODS_HEADS) for x in group)


def split_conjunct(ctx: DocContext, t: Token) -> bool:
    """Rule 'goods-target', misparsed list: "exports of high-end electronics and specialised equipment" —
    the parser may hang a goods noun followed by "and" / "or" as a modifier of the next goods noun;
    it is a conjunct when both are goods and the second has an adjective of its own (not "chip and
    equipment makers", "satellite and radio technologies")."""
    if t.i + 2 >= len(ctx.doc) or t.dep_ not in ("nmod", "compound") or ctx.doc[t.i + 1].lower_ not in ("and", "or"):
        return False
    after = ctx.doc[t.i + 2]  # the next noun has an adjective of its own: "satellite and radio technologies" shares one
    return (t.lower_ in GOODS_HEADS or t.lemma_.lower() in GOODS_HEADS) and after.tag_ in ("JJ", "VBN") and \
        after.head.i in (t.head.i, t.i) and t.head.lemma_.lower() in GOODS_HEADS | GOODS_KINDS


def coordination_root(t: Token) -> Token:
    """The first conjunct of the coordination ``t`` is in (``t`` itself when it is in none)."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t


def place_of_use(ctx: DocContext, m: Mention, t: Token) -> bool:
    """Rule 'goods-target', place: "banned TikTok on government devices", "barred the software from
    federal networks" — devices or networks after on/from hanging on the verb or on a named thing
    are where the measure applies; but not after a verb whose object is the measure itself ("impose
    export controls on drone engines": the parser hangs "on" on the verb, the goods are the aim)."""
    root = coordination_root(t)
    if root.dep_ != "pobj" or root.head.lower_ not in GOODS_PLACE_PREPS:
        return False
    host = root.head.head
    if host.pos_ in ("VERB", "AUX"):
        return not (root.head.lower_ == "on" and any(
            c.dep_ == "dobj" and m.trigger.start <= c.i < m.trigger.end for c in host.children))
    return ctx.ment(host) is not None


def np_start(head: Token, deps: tuple[str, ...] = _MOD_DEPS) -> int:
    """First token of the contiguous modifiers (dependency labels ``deps``, or a hyphen) before ``head``
    ("critical infrastructure operators", "dual-use items")."""
    start = head.i
    for c in reversed(list(head.lefts)):
        if c.dep_ in deps and c.right_edge.i == start - 1 or c.dep_ == "punct" and c.i == start - 1 and \
                c.text == "-":
            start = c.left_edge.i
        else:
            break
    return start


def goods_name(ctx: DocContext, head: Token, needs_modifier: bool) -> str | None:
    """The name of the goods ``head`` heads: its adjacent modifiers (not quantifiers, determiners,
    countries or demonyms) and itself; None when it names nothing specific enough."""
    start = np_start(head)
    while start >= 1 and ctx.doc[start - 1].dep_ in ("nmod", "amod", "compound") and \
            ctx.doc[start - 1].head.i == head.head.i != head.i and split_conjunct(ctx, head):
        start -= 1  # the misparsed conjunct's own modifiers hang on the next noun too ("high-end")
    while start >= 2 and ctx.doc[start - 1].text == "-" and ctx.doc[start - 2].pos_ in ("ADJ", "NOUN", "ADV"):
        start -= 2  # "foreign-made processors": the parser may hang "foreign -" apart
    toks = list(ctx.doc[start:head.i + 1])
    for t in toks:
        sp = ctx.ment(t)
        if sp is not None and sp.label_ in _BLOCKING:
            return None  # part of a named technology or law: that entity is the target
    # drop what stands before the last country, demonym or quantifier ("all other unprocessed ores")
    cut = 0
    for i, t in enumerate(toks[:-1]):
        sp = ctx.ment(t)
        if t.lower_ in GOODS_QUANTIFIERS or t.pos_ in ("DET", "PRON", "NUM", "PUNCT", "CCONJ", "ADP") and \
                t.text != "-" or (sp is not None and sp.label_ in ("Country", "Bloc")) or \
                (ctx.gaz is not None and t.text[:1].isupper() and ctx.gaz.demonym(t.text) is not None):
            cut = i + 1
    toks = toks[cut:]
    if cut and len(toks) > 2 and toks[0].text == "-" and toks[1].tag_ == "VBN":
        toks = toks[2:]  # "US-made processors": the origin goes with its country
    while toks and toks[0].text == "-":
        toks = toks[1:]
    mods = [t for t in toks[:-1] if t.text != "-"]
    if any(t.tag_ == "VBG" for t in mods):
        return None  # "leaking chip technology": an act, not goods
    if any(t.lower_ in GOODS_OWNER_MODS for t in mods):
        return None  # "government devices", "official phones": where the measure applies
    if needs_modifier and not any(t.lower_ not in GOODS_VAGUE for t in mods):
        return None
    text = ctx.doc[toks[0].i:head.i + 1].text
    return text if len(text) > 2 else None


def goods_entity(ctx: DocContext, name: str) -> str:
    """The key of the Technology entity called ``name`` (the gazetteer's, when it knows the name;
    one made here otherwise), added to the document's entities."""
    low = name.lower()
    for key, e in ctx.ents.items():
        if e.name.lower() == low or low in (a.lower() for a in e.aliases):
            return key
    entry = ctx.gaz.lookup(name) if ctx.gaz is not None else None
    if entry is not None and entry.type == "Technology":
        ctx.ents.setdefault(entry.key, Entity(key=entry.key, type="Technology", name=entry.name,
                                              aliases=tuple(entry.aliases), wikidata=entry.qid))
        return entry.key
    key = entity_key("Technology", name)
    ctx.ents.setdefault(key, Entity(key=key, type="Technology", name=name))
    return key
