"""Targets of events that have none: the syntactic object of the measure (rule 'object-fallback').

Runs after merging and linking, on every event the role rules left without a target. Its triggers are
read in order; the first whose object names something gives the targets:

- the object of a verb trigger ("banned X", "X was sanctioned": direct object or passive subject);
- the complement of a noun trigger after on / against / into / of / for ("a ban on X", "an
  investigation into X"), or after the same prepositions on the verb that imposes it ("imposed
  sanctions on X"), or of a clause on it that names its aim ("rules governing X", "a law aimed at X",
  "the ban covers X");
- through a noun of an act or a quantity ("a ban on exports of X", "a wide range of X"), what it acts
  on; through a deal noun, the party after by / to ("blocked the takeover of X by Y");
- conjuncts of each ("X, Y and Z").

Each object head becomes a target when it is an entity mention (a company, research organisation,
group, technology or person; a country or bloc), a population noun phrase (a plural head in
``population_heads`` with a modifier that says which: "foreign businesses", "Chinese investors",
"critical infrastructure operators"; or a head in ``population_specific`` on its own: "exporters"),
which becomes a Group entity named by its modifiers and head, or goods
(:func:`kg.nlp.events.goods.goods_name`), which become a Technology entity. A demonym or country
among the modifiers adds its country ("Chinese investors" -> China). "The company" is the company
last named; "the deal" of a deal measure, the buyer of the last deal told (rule 'deal-anaphor').
Entities are created here only for the targets they fill. An event that has targets but no named firm
among them still gains the national population its first trigger's object names ("sanctioned Chinese
firms"; rule 'population-target'), beside the demonym's country. The word lists are data in
``kg/nlp/rules/objects.yaml``.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.ids import entity_key
from kg.models import Entity
from kg.nlp import rules
from kg.nlp.events.context import DocContext, EventDraft, Mention, uniq
from kg.nlp.events.goods import coordination_root, goods_entity, goods_name, np_start
from kg.nlp.events.role_args import DEAL_MEASURES, GOODS_HEADS, GOODS_KINDS
from kg.nlp.events.roles import last_company
from kg.nlp.lexicon import measures as M

_WORDS = rules.word_lists("objects.yaml", ("population_heads", "population_specific", "population_vague",
                                          "object_preps", "placing_verbs", "aiming_verbs", "act_nouns",
                                          "quantity_nouns", "deal_nouns", "technology_heads", "buy_verbs"))
POPULATION_HEADS = set(_WORDS["population_heads"])
POPULATION_SPECIFIC = set(_WORDS["population_specific"])
POPULATION_VAGUE = set(_WORDS["population_vague"])
OBJECT_PREPS = set(_WORDS["object_preps"])
PLACING_VERBS = set(_WORDS["placing_verbs"])
AIMING_VERBS = set(_WORDS["aiming_verbs"])
ACT_NOUNS = set(_WORDS["act_nouns"])
QUANTITY_NOUNS = set(_WORDS["quantity_nouns"])
DEAL_NOUNS = set(_WORDS["deal_nouns"])
TECHNOLOGY_HEADS = set(_WORDS["technology_heads"])
BUY_VERBS = set(_WORDS["buy_verbs"])

_MOD_DEPS = ("compound", "amod", "nmod", "npadvmod")
_NAMED = ("Company", "ResearchOrganization", "Group", "Technology", "Person")
_PLACES = ("Country", "Bloc")


def fill_object_targets(ctx: DocContext, events: list[EventDraft]) -> None:
    """Give every event without a target the targets its first trigger with a usable object names;
    an event with targets gains the national populations its first trigger's object names."""
    if not ctx.parsed:
        return
    for e in events:
        own = set(e.actors) | {ctx.root(a) for a in e.actors}
        # rule 'actor-not-target': after merging, an actor of the event (told as actor by another of its mentions:
        # "Turkey's regulator blocked ...", "... blocking access in Turkey") is neither its target nor affected
        e.targets = [k for k in e.targets if k not in own]
        e.affects = [k for k in e.affects if k not in own]
        if e.targets:
            population_targets(ctx, e)
            continue
        for m in e.mentions:
            keys = [k for k in object_targets(ctx, m) if k not in own]
            if keys:
                e.targets = uniq(keys)
                e.affects = [a for a in e.affects if a not in e.targets]
                break


def population_targets(ctx: DocContext, e: EventDraft) -> None:
    """Rule 'population-target': a population the object of the event's first trigger names with a country
    or demonym among its modifiers ("sanctioned Chinese firms", "added two Chinese semiconductor
    manufacturers to the list") is a target (GUIDE: groups are populations a measure targets), beside the
    country its demonym gives; not when a named firm is a target ("added 140 Chinese companies to the
    list, including X and Y": the named firms are the aim)."""
    m = e.first
    if any(getattr(ctx.ents.get(k), "type", None) in ("Company", "ResearchOrganization") for k in e.targets):
        return
    for t in object_heads(m):
        if ctx.ment(t) is not None or t.i == m.head.i:
            continue
        name = population_name(ctx, t)
        countries = modifier_countries(ctx, t) if name is not None else []
        if not countries or name is None:
            continue
        e.targets = uniq(e.targets + [population_entity(ctx, name)])


def object_targets(ctx: DocContext, m: Mention) -> list[str]:
    """Keys of what the object of mention ``m`` names (creating Group and Technology entities)."""
    out: list[str] = []
    for t in object_heads(m):
        if t.i == m.head.i or m.trigger.start <= t.i < m.trigger.end and ctx.ment(t) is not None:
            continue  # "set up an AI Safety Institute": what the measure creates is no target
        if m.measure in DEAL_MEASURES and t.lemma_.lower() in DEAL_NOUNS and definite(t) and \
                not prep_objects(t, {"by", "to", "of", "for"}):
            buyer = deal_buyer(ctx, t)  # "CFIUS said it would prohibit that transaction": the buyer told before
            out += [buyer] if buyer else []
            continue
        out += head_targets(ctx, t)
    return uniq(out)


def definite(t: Token) -> bool:
    """``t`` is "the deal", "that transaction": a definite determiner and no modifier of its own."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children) and \
        not any(c.dep_ in ("poss", "amod", "compound") for c in t.children)


def deal_buyer(ctx: DocContext, before: Token) -> str | None:
    """Rule 'deal-anaphor': the buyer of the last deal told before ``before`` — the company subject of a
    buying verb (``buy_verbs``: "Broadcom offered to buy X", "X agreed to acquire Y"), the possessor of a
    deal noun ("Broadcom's bid"), or the company after "by" on one ("the acquisition of X by Y")."""
    for i in range(before.i - 1, -1, -1):
        t = ctx.doc[i]
        lemma = t.lemma_.lower()
        cands: list[Token] = []
        if lemma in BUY_VERBS and t.pos_ == "VERB":
            v = t
            while v.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in v.children):
                v = v.head  # "offered to buy": the subject of "offered"
            cands = [c for c in v.children if c.dep_ == "nsubj"]
        elif lemma in DEAL_NOUNS and t.pos_ == "NOUN":
            cands = [c for c in t.children if c.dep_ == "poss"] + prep_objects(t, {"by"})
        for c in cands:
            sp = ctx.ment(c)
            if sp is not None and sp.label_ == "Company":
                return sp.id_
    return None


def object_heads(m: Mention) -> list[Token]:
    """Heads of the noun phrases the trigger of ``m`` acts on, with their conjuncts, looked through
    act nouns ("exports of X" -> X)."""
    h = m.head
    heads: list[Token] = []
    if h.pos_ in ("VERB", "AUX"):
        heads += [c for c in h.children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        heads += prep_objects(h, OBJECT_PREPS)
        for c in h.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in AIMING_VERBS:
                heads += [d for d in c.children if d.dep_ == "dobj"] + prep_objects(c, OBJECT_PREPS | {"at", "to"})
        if h.dep_ in ("dobj", "nsubjpass") and h.head.lemma_.lower() in PLACING_VERBS:
            heads += prep_objects(h.head, {"on", "against"})
        if h.dep_ == "nsubj" and h.head.lemma_.lower() in AIMING_VERBS:
            heads += [d for d in h.head.children if d.dep_ == "dobj"] + prep_objects(h.head, {"to", "at"})
        if h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.lower_ in ("from", "to", "onto", "on", "off") and \
                h.head.head.pos_ == "VERB":
            # "removed X from its white list", "added X to the list": what the verb moves
            heads += [d for d in h.head.head.children if d.dep_ in ("dobj", "nsubjpass")]
    return through(heads)


def through(heads: list[Token], depth: int = 0) -> list[Token]:
    """``heads`` with their conjuncts, read through act and quantity nouns ("exports of X" -> exports,
    X) and through deal nouns to their parties ("the takeover of X by Y" -> the takeover, Y)."""
    out: list[Token] = []
    for t in heads:
        for x in [t, *t.conjuncts]:
            lemma = x.lemma_.lower()
            if depth < 2 and lemma in ACT_NOUNS | QUANTITY_NOUNS | DEAL_NOUNS:
                out.append(x)  # for its demonym: "a Chinese takeover", "Chinese investment"
                preps = {"by", "to"} if lemma in DEAL_NOUNS else {"of", "in", "into", "to", "from"}
                out += through(prep_objects(x, preps), depth + 1)
            else:
                out.append(x)
    return list(dict.fromkeys(out))


def prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children
            if p.dep_ == "pobj"]


def head_targets(ctx: DocContext, t: Token) -> list[str]:
    """What the noun phrase headed by ``t`` names: its entity, or a population or goods it describes
    (with the countries of its demonyms)."""
    sp = ctx.ment(t)
    if sp is not None:
        if sp.label_ in _NAMED or sp.label_ in _PLACES and t.dep_ in ("pobj", "dobj", "nsubjpass", "conj"):
            return [sp.id_]
        return []
    if t.pos_ not in ("NOUN", "PROPN"):
        return []
    if t.lemma_.lower() in M.COMPANYISH and t.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children) and (
            np_start(t, _MOD_DEPS) == t.i or modifier_countries(ctx, t) and all(
                x.i in modifier_tokens(ctx, t) for x in ctx.doc[np_start(t, _MOD_DEPS):t.i])):
        # "an investigation of the company", "a penalty on the US firm": the company last named
        k = last_company(ctx, t.i)
        return [k] if k else []
    name = population_name(ctx, t)
    if name is not None:
        return [population_entity(ctx, name), *modifier_countries(ctx, t)]
    lemma = t.lower_ if t.lower_ in GOODS_HEADS else t.lemma_.lower()
    if lemma in GOODS_HEADS or lemma in GOODS_KINDS or lemma in TECHNOLOGY_HEADS:
        goods = goods_name(ctx, t, lemma in GOODS_KINDS)
        if goods is None and lemma in TECHNOLOGY_HEADS and t.is_upper and np_start(t, _MOD_DEPS) == t.i:
            goods = t.text  # "regulates AI": an acronym too short for a goods name
        if goods:
            return [goods_entity(ctx, goods), *modifier_countries(ctx, t)]
    return modifier_countries(ctx, t)  # "27 Chinese entities", "a Chinese takeover": the country


def population_name(ctx: DocContext, t: Token) -> str | None:
    """The name of the population ``t`` heads ("Chinese investors", "AI providers"), None when ``t``
    names no population or nothing specific enough ("companies", "other firms")."""
    lemma = t.lemma_.lower()
    if lemma not in POPULATION_HEADS and lemma not in POPULATION_SPECIFIC:
        return None
    if t.tag_ not in ("NNS", "NNPS") and lemma not in ("talent", "personnel", "staff"):
        return None
    first = coordination_root(t)
    if first.i < t.i and coordinated_end(first).i >= t.i and population_name(ctx, first) is not None:
        return None  # named with the first conjunct
    last = coordinated_end(t)
    toks = list(ctx.doc[np_start(t, _MOD_DEPS):t.i])
    cut = 0
    for i, x in enumerate(toks):
        if x.lower_ in POPULATION_VAGUE or x.pos_ in ("DET", "PRON", "NUM", "PUNCT", "CCONJ", "ADP", "PART") and \
                x.text != "-" or x.tag_ == "VBG":
            cut = i + 1
    toks = toks[cut:] + list(ctx.doc[t.i:last.i + 1])
    while toks and toks[0].text == "-":
        toks = toks[1:]
    if len(toks) < 2 and lemma not in POPULATION_SPECIFIC:
        return None
    parts = []
    for x in toks:
        keep = x.is_upper or x.pos_ == "PROPN" or ctx.ment(x) is not None or \
            (ctx.gaz is not None and ctx.gaz.demonym(x.text) is not None)
        parts.append((x.text if keep else x.lower_) + (x.whitespace_ if x.i < last.i else ""))
    name = "".join(parts).strip()
    return name if len(name) > 2 else None


def coordinated_end(t: Token) -> Token:
    """The last conjunct of the one group ``t`` heads with its conjuncts, else ``t``: "researchers and
    students", "Chinese nationals and residents" (bare heads share the first's modifiers) and "founders,
    leaders and technical experts" (a bare first head) are one group; "state officials and military
    personnel" are two, and so are "senior officials and executives of
    state-owned banks" (the parser hangs "of" on the first)."""
    conj = [c for c in t.conjuncts if c.i > t.i]
    heads = POPULATION_HEADS | POPULATION_SPECIFIC
    bare_first = not any(d.i < t.i for d in t.children)  # "founders, leaders and technical experts"
    allowed = ("cc", "punct", "conj") + (("amod", "compound", "nmod") if bare_first else ())
    if conj and all(c.lemma_.lower() in heads and c.tag_ in ("NNS", "NNPS") and
                    all(d.dep_ in allowed for d in c.children) for c in conj) and \
            not any(d.dep_ == "prep" and d.i > conj[-1].i for d in t.children):
        return conj[-1]
    return t


def population_entity(ctx: DocContext, name: str) -> str:
    """The key of the Group entity called ``name`` (an entity of that name already found, else new)."""
    low = name.lower()
    for key, e in ctx.ents.items():
        if e.type == "Group" and (e.name.lower() == low or low in (a.lower() for a in e.aliases)):
            return key
    key = entity_key("Group", name)
    ctx.ents.setdefault(key, Entity(key=key, type="Group", name=name))
    return key


def modifier_tokens(ctx: DocContext, head: Token) -> set[int]:
    """Indices of the modifiers of ``head`` that name a country (a country mention or a demonym)."""
    out = set()
    for x in ctx.doc[np_start(head, _MOD_DEPS):head.i]:
        sp = ctx.ment(x)
        if sp is not None and sp.label_ in _PLACES or ctx.gaz is not None and x.text[:1].isupper() and \
                ctx.gaz.demonym(x.text) is not None:
            out.add(x.i)
    return out


def modifier_countries(ctx: DocContext, head: Token) -> list[str]:
    """Countries a demonym or a country name among ``head``'s modifiers names ("Chinese investors")."""
    out = []
    for x in ctx.doc[np_start(head, _MOD_DEPS):head.i]:
        sp = ctx.ment(x)
        if sp is not None and sp.label_ in _PLACES:
            out.append(sp.id_)
        elif ctx.gaz is not None and x.text[:1].isupper():
            entry = ctx.gaz.demonym(x.text)
            if entry is not None and entry.key in ctx.ents:
                out.append(entry.key)
    return uniq(out)
