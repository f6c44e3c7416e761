"""Role arguments found outside the trigger's own phrase: who a finding is about, where a firm is
based, which firms "the two companies" are, which words only give the charge.

Helpers of :mod:`kg.nlp.events.roles` (and of :mod:`kg.nlp.events.sectors` for the charge rule); the
word sets are data in ``kg/nlp/rules/roles.yaml``.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp import rules
from kg.nlp.events.context import DocContext

_WORDS = rules.word_lists("roles.yaml", ("finding_verbs", "judging_measures", "place_participles", "pair_words",
                                        "definite_words", "number_words", "charge_nouns", "goods_heads",
                                        "goods_kinds", "goods_quantifiers", "goods_vague", "goods_place_preps",
                                        "goods_owner_mods", "maker_verbs", "maker_preps",
                                        "maker_affected_measures", "deal_nouns", "deal_measures",
                                        "deal_buyer_preps", "deal_asset_preps", "excluding_preps",
                                        "benefit_measures", "effect_nouns", "place_preps", "capacity_nouns",
                                        "talent_verbs", "country_nouns", "example_preps"))
FINDING_VERBS = set(_WORDS["finding_verbs"])
JUDGING_MEASURES = set(_WORDS["judging_measures"])
PLACE_PARTICIPLES = set(_WORDS["place_participles"])
CAPACITY_NOUNS = set(_WORDS["capacity_nouns"])
PAIR_WORDS = set(_WORDS["pair_words"])
DEFINITE_WORDS = set(_WORDS["definite_words"])
CHARGE_NOUNS = set(_WORDS["charge_nouns"])
GOODS_HEADS = set(_WORDS["goods_heads"])
GOODS_KINDS = set(_WORDS["goods_kinds"])
GOODS_QUANTIFIERS = set(_WORDS["goods_quantifiers"])
GOODS_VAGUE = set(_WORDS["goods_vague"])
GOODS_PLACE_PREPS = set(_WORDS["goods_place_preps"])
GOODS_OWNER_MODS = set(_WORDS["goods_owner_mods"])
MAKER_VERBS = set(_WORDS["maker_verbs"])
MAKER_PREPS = set(_WORDS["maker_preps"])
MAKER_AFFECTED_MEASURES = set(_WORDS["maker_affected_measures"])
DEAL_NOUNS = set(_WORDS["deal_nouns"])
DEAL_MEASURES = set(_WORDS["deal_measures"])
DEAL_BUYER_PREPS = set(_WORDS["deal_buyer_preps"])
DEAL_ASSET_PREPS = set(_WORDS["deal_asset_preps"])
EXCLUDING_PREPS = set(_WORDS["excluding_preps"])
BENEFIT_MEASURES = set(_WORDS["benefit_measures"])
EFFECT_NOUNS = set(_WORDS["effect_nouns"])
PLACE_PREPS = set(_WORDS["place_preps"])
NUMBER_WORDS = {w: i + 2 for i, w in enumerate(_WORDS["number_words"])}

_TARGET_TYPES = ("Company", "ResearchOrganization")
TALENT_VERBS = set(_WORDS["talent_verbs"])
COUNTRY_NOUNS = set(_WORDS["country_nouns"])
EXAMPLE_PREPS = set(_WORDS["example_preps"])


def listed_country(tok: Token) -> bool:
    """Rule 'country-examples': ``tok`` (a country) is one of the examples of a noun of countries that is the
    object of a measure or after to / on / against / into / from ("to arms-embargoed countries, including X",
    "entities from various countries, including X, Y and Z" — a conjunct counts as the first example;
    ``country_nouns``, ``example_preps`` in ``roles.yaml``); not "28 nations, including X, are on the list"."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ not in EXAMPLE_PREPS or t.head.head.lemma_.lower() not in COUNTRY_NOUNS:
        return False
    owner = t.head.head  # the countries are what the measure acts on or goes to, not the subject ("28 nations,
    return owner.dep_ in ("dobj", "nsubjpass") or owner.dep_ == "pobj" and owner.head.lower_ in (  # including ...,
        "to", "on", "against", "into", "from")  # are on its white list")


def drawn_groups(ctx: DocContext, measure: str, sent: Span) -> list[str]:
    """Rule 'talent-draw': a talent programme aims at the people it sets out to draw — a group that is the object
    of a drawing verb in its sentence ("a fund aimed at attracting top researchers", "a programme to add 100,000
    coders", "to bring foreign talents to China"; ``talent_verbs`` in ``roles.yaml``), and its conjuncts."""
    if not ctx.parsed or measure != "TalentProgram":
        return []
    out = []
    for sp in ctx.mentions_by_sent.get(sent.start, []):
        r = sp.root
        while r.dep_ == "conj" and r.head.i != r.i:
            r = r.head
        if sp.label_ == "Group" and r.dep_ == "dobj" and r.head.lemma_.lower() in TALENT_VERBS:
            out.append(sp.id_)
    return out


def finding_subjects(ctx: DocContext, measure: str, verb: Token | None) -> list[str]:
    """Rule 'finding-subject': "the regulator found that Apple and Meta had breached ... and imposed
    fines", "an investigation found Nvidia violated", "ruled that Meta's practices were illegal" — the
    organisations a judging measure's finding is about (subjects of the finding's clause, their
    conjuncts and possessors) are its targets."""
    if not ctx.parsed or verb is None or measure not in JUDGING_MEASURES:
        return []
    verbs, t = [verb], verb
    while t.dep_ in ("conj", "ccomp") and t.head.i != t.i and len(verbs) < 4:
        t = t.head  # "found that ... and imposed fines" (the parser may hang "imposed" in the finding)
        verbs.append(t)
    out: list[str] = []
    for v in verbs:
        if v.lemma_.lower() not in FINDING_VERBS:
            continue
        for clause in (c for c in v.children if c.dep_ == "ccomp"):
            for subj in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                heads = [subj] + list(subj.conjuncts)
                heads += [p for h in heads for p in h.children if p.dep_ == "poss"]
                for h in heads:
                    sp = ctx.ment(h)
                    if sp is not None and sp.label_ in _TARGET_TYPES:
                        out.append(sp.id_)
    return out


def place_modifier(tok: Token) -> bool:
    """Rule 'place-based': ``tok`` names where the entities it describes sit ("China-based entities",
    "Moscow-headquartered firms"): the participle hangs on the noun the measure acts on."""
    return tok.dep_ in ("npadvmod", "compound", "nmod") and tok.head.lower_ in PLACE_PARTICIPLES and \
        tok.head.dep_ in ("amod", "compound") and tok.head.head.pos_ in ("NOUN", "PROPN")


def anaphor_count(tok: Token) -> int:
    """How many firms "the two firms", "both companies", "these 3 companies" points back to (0: none; a
    count without a definite determiner, "two Chinese firms", introduces new firms)."""
    lefts = list(tok.lefts)
    if any(c.dep_ in ("det", "predet", "preconj") and c.lower_ in PAIR_WORDS for c in lefts):
        return 2
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE_WORDS for c in lefts):
        return 0  # "added two Chinese manufacturers to the list": new, unnamed firms
    for c in lefts:
        if c.dep_ == "nummod":
            if c.lower_ in NUMBER_WORDS:
                return NUMBER_WORDS[c.lower_]
            if c.text.isdigit() and 1 < int(c.text) <= len(NUMBER_WORDS) + 1:
                return int(c.text)
    return 0


def counted_anaphor(ctx: DocContext, toks: list[Token], companyish: set[str], before: int) -> list[str]:
    """Rule 'counted-anaphor': "bar the two firms from access", "Both companies are on the list" — a
    plural company-like noun with a count and no name points back to the last that many companies
    named before the sentence; nothing when fewer are named."""
    if not ctx.parsed:
        return []
    for t in toks:
        if t.lemma_.lower() not in companyish or ctx.ment(t) is not None or t.tag_ not in ("NNS", "NNPS") or \
                t.dep_ == "poss":  # "sanctions against both firms' CEOs" aim at the people
            continue
        n = anaphor_count(t)
        if not n:
            continue
        named = sorted((sp for sents in ctx.mentions_by_sent.values() for sp in sents
                        if sp.label_ == "Company" and sp.start < before), key=lambda sp: sp.start)
        keys: list[str] = []
        for sp in reversed(named):
            if sp.id_ not in keys:
                keys.append(sp.id_)
            if len(keys) == n:
                return keys[::-1]
        return []
    return []


#: rule 'counted-list': how many sentences after the trigger's the list of the counted firms may start, and how
#: many more sentences than firms it may take (one line each in a bulleted list)
LIST_START, LIST_SLACK = 3, 3


def counted_list(ctx: DocContext, toks: list[Token], companyish: set[str], sent_end: int) -> list[str]:
    """Rule 'counted-list': "ordered three Chinese companies to divest ... The three ordered to divest are X, Y
    and Z", "placed 11 companies on its list ... The companies include: X, Y, ..." — a plural company-like noun
    with a number and no definite determiner introduces firms the text names next: the first that many
    companies named after the trigger's sentence, when the list starts within the next few sentences and
    holds them all close together; nothing otherwise."""
    if not ctx.parsed:
        return []
    for t in toks:
        if t.lemma_.lower() not in companyish or ctx.ment(t) is not None or t.tag_ not in ("NNS", "NNPS") or \
                any(c.dep_ == "det" for c in t.lefts):
            continue
        n = next((NUMBER_WORDS.get(c.lower_) or (int(c.text) if c.text.isdigit() else 0)
                  for c in t.lefts if c.dep_ == "nummod"), 0)
        if not 2 <= n <= 30:
            continue
        keys: list[str] = []
        sents = [s for s in ctx.sents if s.start >= sent_end]
        for j, s in enumerate(sents[:LIST_START + n + LIST_SLACK]):
            if not keys and j >= LIST_START:
                return []
            for sp in ctx.mentions_by_sent.get(s.start, []):
                if sp.label_ == "Company" and sp.id_ not in keys:
                    keys.append(sp.id_)
                if len(keys) == n:
                    return keys
        return []
    return []


def charged_reason(t: Token) -> bool:
    """Rule 'charge-cue': ``t`` lies inside the charge a measure answers ("listed ... on charges of
    cooperating with military intelligence", "on suspicion of supplying weapons"): its words say why,
    not in which sector the measure is."""
    for a in t.ancestors:
        if a.dep_ == "prep" and a.lower_ == "on" and any(c.dep_ == "pobj" and c.lemma_.lower() in CHARGE_NOUNS
                                                         for c in a.children):
            return True
    return False


def acting_subject(ctx: DocContext, sp: Span) -> bool:
    """Rule 'subsidy-giver': a company that is the subject of an active verb ("five banks have pledged
    contributions to the fund") gives or acts; it is not a beneficiary of the subsidy."""
    if not ctx.parsed:
        return False
    t = sp.root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX")


def located_firm(ctx: DocContext, tok: Token) -> bool:
    """Rule 'firm-location': ``tok`` (a country) only says where a named firm or its unit sits ("one
    Kaspersky unit based in the United Kingdom", "Huawei, headquartered in China"): no target."""
    if not ctx.parsed or tok.dep_ != "pobj" or tok.head.lower_ != "in" or \
            tok.head.head.lower_ not in PLACE_PARTICIPLES:
        return False
    noun = tok.head.head.head
    return any(getattr(ctx.ment(t), "label_", None) in _TARGET_TYPES for t in [noun, *noun.children])


def goods_maker(ctx: DocContext, sp: Span, measure: str) -> bool:
    """Rule 'goods-maker': ``sp`` (a named company) makes or supplies the goods the measure acts on —
    "banned equipment from Huawei and ZTE", "cameras made by X", "the equipment of drone makers X and Y" —
    and is the measure's target (not merely affected), except for the measures where the maker is only
    touched (``maker_affected_measures``: an export control aims at the buyers)."""
    if not ctx.parsed or measure in MAKER_AFFECTED_MEASURES or sp.label_ not in _TARGET_TYPES:
        return False
    t = sp.root
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "pobj":
        return False
    prep = t.head
    if prep.lower_ == "by" and prep.dep_ == "agent":
        verb = prep.head
        return verb.lemma_.lower() in MAKER_VERBS and verb.dep_ in ("acl", "relcl") and _goods_noun(ctx, verb.head)
    if prep.lower_ not in MAKER_PREPS or prep.dep_ != "prep":
        return False
    host = prep.head  # "the use of equipment from X": the parser may hang "from X" on "use"
    return _goods_noun(ctx, host) or host.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "of" and c.i < prep.i and any(
            p.dep_ == "pobj" and _goods_noun(ctx, p) for p in c.children) for c in host.children)


def _goods_noun(ctx: DocContext, tok: Token) -> bool:
    """``tok`` is a noun naming goods: a Technology mention, or a goods word (``goods_heads``, ``goods_kinds``)."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    sp = ctx.ment(tok)
    if sp is not None:
        return sp.label_ == "Technology"
    return tok.lemma_.lower() in GOODS_HEADS or tok.lemma_.lower() in GOODS_KINDS


def deal_party(ctx: DocContext, sp: Span, measure: str) -> str | None:
    """Rule 'deal-parties': the role of a named company in a measure on a deal — "blocked the acquisition of
    X by Y", "Y's bid for X", "the sale of X to Y": the buyer (by / to, or the possessor of the deal noun) is
    the ``"target"``, the company bought (of / for) is ``"affected"``; None elsewhere."""
    if not ctx.parsed or measure not in DEAL_MEASURES or sp.label_ not in _TARGET_TYPES:
        return None
    t = sp.root
    while t.dep_ in ("conj", "appos", "compound") and t.head.i != t.i and ctx.ment(t.head) in (None, sp):
        t = t.head
    if t.dep_ == "poss" and t.head.lemma_.lower() in DEAL_NOUNS:
        return "target"
    if t.dep_ != "pobj":
        return None
    prep, host = t.head, t.head.head
    if prep.lower_ in DEAL_ASSET_PREPS and host.lemma_.lower() in DEAL_NOUNS:
        return "affected"
    if prep.lower_ in DEAL_BUYER_PREPS and (host.lemma_.lower() in DEAL_NOUNS or host.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in DEAL_NOUNS for c in host.children)):
        return "target"
    return None


def excluded(tok: Token) -> bool:
    """Rule 'excluded': ``tok`` (or the first of the conjuncts it is in) is the object of a negated
    preposition or of an excepting one ("restricted in the UAE and Oman, but not in Bahrain or Kuwait",
    "all companies except Huawei"): the text puts it outside the measure, so it is no target."""
    t = tok
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "pobj":
        return False
    prep = t.head
    return prep.lower_ in EXCLUDING_PREPS or any(c.dep_ == "neg" for c in prep.children) or \
        prep.i > 0 and prep.nbor(-1).lower_ == "not"


def relative_antecedents(ctx: DocContext, verb: Token | None) -> list[str]:
    """Rule 'relative-antecedent': a trigger verb in a relative clause whose subject is the relative word
    ("Hikvision and Dahua, both of which are blacklisted", "Huawei, which was added to the list") acts on
    the noun the clause hangs on: that noun's entity and its conjuncts' are targets."""
    if not ctx.parsed or verb is None or verb.dep_ != "relcl":
        return []
    subj = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
    if not subj or not any(_relative(s) for s in subj):
        return []
    heads = [verb.head, *verb.head.conjuncts]
    if ctx.ment(verb.head) is None:  # "Hikvision and Dahua companies, both of which": the names on the noun
        heads += [n for c in verb.head.children if c.dep_ in ("compound", "nmod") for n in [c, *c.conjuncts]]
    out = []
    for t in heads:
        sp = ctx.ment(t)
        if sp is not None and sp.label_ in _TARGET_TYPES + ("Group", "Technology", "Person"):
            out.append(sp.id_)
    return out


def _relative(tok: Token) -> bool:
    """``tok`` is a relative word ("which", "who", "that") or a quantifier over one ("both of which")."""
    return tok.tag_ in ("WDT", "WP") or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.tag_ in ("WDT", "WP") for p in c.children)
        for c in tok.children)
