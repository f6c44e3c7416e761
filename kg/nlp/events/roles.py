"""Targets and affected organisations: whom a measure is aimed at, and whom it touches.

Decides, from the trigger's arguments (its object, the clause verb's other arguments), which entity
mentions are *targets* (countries, groups, technologies, companies in an object position) and which
are *affected* ("professionals at private firms including DeepSeek", "a chip factory owned by
Elmos", a subsidy's beneficiaries); a demonym ("Chinese companies") targets its country; a licence
granted targets its recipient; a company's own product is not its target. Sectors follow
(:func:`kg.nlp.events.sectors.assign_sectors`).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.events.context import DocContext, Mention, uniq
from kg.nlp.events.goods import goods_targets
from kg.nlp.events.role_args import (BENEFIT_MEASURES, CAPACITY_NOUNS, EFFECT_NOUNS, acting_subject, counted_anaphor,
                                     counted_list, deal_party, drawn_groups, excluded, finding_subjects, goods_maker,
                                     listed_country, located_firm, place_modifier, PLACE_PREPS, relative_antecedents)
from kg.nlp.events.sectors import assign_sectors
from kg.nlp.events.syntax import object_tokens
from kg.nlp.lexicon import cues as CUES
from kg.nlp.lexicon import measures as M


def assign_roles(ctx: DocContext, m: Mention, verb: Token | None) -> None:
    head = m.head
    toks = object_tokens(ctx, m.trigger, head)
    if m.rule == "licence-needed" and ctx.parsed:
        # "exports of gallium to the Middle East need a licence": what is controlled is the subject
        toks.extend(t for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
    direct = verb is not None and (head.head.i == verb.i and head.dep_ in (
        "dobj", "nsubj", "nsubjpass", "attr", "oprd", "xcomp", "ccomp", "conj", "advcl") or (
        head.dep_ == "pobj" and head.head.head.i == verb.i and head.head.lower_ in M.LIST_PREPS))
    if verb is not None and verb.i != head.i and direct and ctx.parsed:
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "prep", "xcomp", "attr", "nsubjpass") and head not in c.subtree:
                toks.extend(c.subtree)
            elif c.dep_ == "nsubj" and verb.lemma_ == "be" and head.dep_ == "pobj":
                toks.extend(c.subtree)  # rule 'on-the-list': "Both companies are on the export blacklist"
        if head.dep_ == "nsubj":  # "The policy targets professionals at ..."
            for c in verb.children:
                if c.dep_ in ("dobj", "prep"):
                    toks.extend(c.subtree)
    toks.extend(host_object(ctx, head))
    seen = set()
    targets, affects = [], []
    barred_deal = bar_from(ctx, head)
    if barred_deal is None and ctx.parsed and head.pos_ in ("VERB", "AUX") and m.measure == "InvestmentRestriction":
        # rule 'bar-from' on a verb trigger: "X was restricted from increasing its stake in Y" — Y is affected
        barred_deal = [t for c in head.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
                       if p.dep_ == "pcomp" for d in p.children if d.dep_ in ("dobj", "prep") for t in d.subtree]
    if barred_deal is not None:
        # rule 'bar-from': "blocked Broadcom from acquiring Qualcomm" — the party barred (the verb's object or
        # passive subject) is the target; a company the barred act would take over or deal with is affected
        if head.dep_ == "prep":
            toks.extend(t for c in head.head.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree)
        for t in barred_deal:
            sp = ctx.ment(t)
            if sp is not None and sp.label_ == "Company" and (sp.start, sp.end) not in seen:
                affects.append(sp.id_)
                seen.add((sp.start, sp.end))
    if head.dep_ == "xcomp" and head.head.pos_ == "VERB" and ctx.parsed:
        for c in head.head.children:
            if c.dep_ == "dobj":
                sp = ctx.ment(c)
                if sp is not None and sp.label_ in ("Company", "ResearchOrganization", "Group"):
                    targets.append(sp.id_)
                    seen.add((sp.start, sp.end))
                elif sp is None:  # rule 'controller-object': "ordered X equipment to be purged" aims at X
                    toks.extend(t for t in c.subtree if getattr(ctx.ment(t), "label_", None) in (
                        "Company", "ResearchOrganization"))
        if targets:
            for t in toks:
                sp = ctx.ment(t)
                if sp is not None and sp.label_ == "Company" and (sp.start, sp.end) not in seen:
                    affects.append(sp.id_)
                    seen.add((sp.start, sp.end))
    actor_roots = {ctx.root(a) for a in m.actors} | set(m.actors)
    for t in toks:
        sp = ctx.ment(t)
        if sp is None or (sp.start, sp.end) in seen:
            continue
        seen.add((sp.start, sp.end))
        if sp.id_ in actor_roots or sp.id_ in m.actors or ctx.parsed and excluded(sp.root):
            continue  # rule 'excluded': "restricted in Oman, but not in Bahrain"
        typ = sp.label_
        if typ in ("Group", "Technology") and sp.start < sp.end and demonym_country(ctx, sp[0]):
            ck = demonym_country(ctx, sp[0])  # "Chinese companies" -> China
            if ck is not None and ck not in actor_roots:
                targets.append(ck)
        if typ == "Group" and is_generic_group(sp):
            continue  # "Chinese companies", "chipmakers": the country or the named firms are the targets
        if typ in ("Company", "Technology") and descriptor_of_named(ctx, sp):
            continue  # rule 'owner-descriptor': "Facebook owner Meta" aims at Meta, not Facebook
        owner = ctx.ment(sp.root.head)
        if typ == "Company" and sp.root.dep_ == "poss" and owner is not None and owner.label_ == "Technology":
            affects.append(sp.id_)  # "OpenAI's ChatGPT"
        elif typ in ("Company", "ResearchOrganization"):
            maker = goods_maker(ctx, sp, m.measure)  # rule 'goods-maker': "banned equipment from Huawei"
            party = deal_party(ctx, sp, m.measure)  # rule 'deal-parties': "the acquisition of X by Y"
            if party is not None:
                (targets if party == "target" else affects).append(sp.id_)
            else:
                (affects if affect_position(ctx, sp, m.measure) and not maker else targets).append(sp.id_)
        elif typ == "Person" and sp.root.dep_ in ("nsubj", "nsubjpass") and sp.root.head.i != head.i:
            continue  # rule 'person-subject': "when President Joe Biden visited" is no target
        elif typ == "Person" and sp.root.dep_ == "pobj" and sp.root.head.dep_ == "agent":
            continue  # "the sanction handed down by Commissioner X": the one who acts
        elif typ == "Person" and person_names_a_government(ctx, sp):
            continue  # rule 'person-government': "the Biden administration", "Saddam Hussein's Iraq"
        elif typ == "Technology" and ctx.parsed and in_reason(sp.root):
            continue  # rule 'reason-clause': "fined for passing missile technology to China"
        elif typ == "Technology" and ctx.parsed and place_of_measure(ctx, sp):
            continue  # rule 'place-technology': "purged from the country's 5G network"
        elif typ in ("Group", "Technology", "Person", "LegalCase"):
            targets.append(sp.id_)
        elif typ in ("Country", "Bloc"):
            if country_target_position(ctx, sp):
                targets.append(sp.id_)
    if verb is not None and verb.lemma_ in ("face", "suffer", "endure", "experience", "undergo") and \
            ctx.parsed:
        # "Nuclear physicists, aerospace engineers ... have all faced similar constraints"
        for s in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            for t in s.subtree:
                sp = ctx.ment(t)
                if sp is not None and sp.label_ in ("Group", "Company", "ResearchOrganization", "Country"):
                    targets.append(sp.id_)
    targets += [k for k in finding_subjects(ctx, m.measure, verb) if k not in actor_roots]
    targets += [k for k in relative_antecedents(ctx, verb) if k not in actor_roots]
    targets += [k for k in drawn_groups(ctx, m.measure, m.sent) if k not in actor_roots]  # rule 'talent-draw'
    if m.measure == "TalentProgram" and ctx.parsed:
        # rule 'talent-origin': "a fund aimed at attracting top researchers, especially from the United States"
        targets += [sp.id_ for sp in (ctx.ment(t) for t in toks) if sp is not None and sp.label_ == "Country"
                    and sp.root.dep_ == "pobj" and sp.root.head.lower_ == "from" and sp.id_ not in actor_roots]
    if m.measure == "Subsidy":  # beneficiaries named anywhere in the sentence
        for sp in ctx.mentions_by_sent.get(m.sent.start, []):
            if sp.label_ == "Company" and sp.id_ not in targets and not acting_subject(ctx, sp):
                affects.append(sp.id_)
    if not any(ctx.etype(k) == "Company" for k in targets):
        targets += [k for k in counted_anaphor(ctx, toks, M.COMPANYISH, m.sent.start) if k not in actor_roots]
    if not any(ctx.etype(k) == "Company" for k in targets):
        ordered = [c for c in head.head.children if c.dep_ == "dobj"] if head.dep_ == "xcomp" and ctx.parsed else []
        targets += [k for k in counted_list(ctx, toks + ordered, M.COMPANYISH, m.sent.end) if k not in actor_roots]
    if not targets and ctx.parsed:
        for t in toks:  # "opened an investigation into the firm": the company last named
            if t.lemma_.lower() in M.COMPANYISH and any(c.lower_ == "the" for c in t.lefts) and ctx.ment(t) is None:
                k = last_company(ctx, m.sent.start)
                if k:
                    targets.append(k)
                break
    targets += goods_targets(ctx, m, toks, in_reason)  # rule 'goods-target': "banned exports of computers"
    if any(ctx.etype(k) == "Company" for k in targets) and ctx.parsed:
        # rule 'own-product': "forcing phone makers to preinstall its Gemini assistant" -> the company
        own = set()
        for t in toks:
            sp = ctx.ment(t)
            np_head = sp.root if sp is not None else None
            while np_head is not None and np_head.dep_ in ("compound", "amod", "nmod", "appos", "conj") and \
                    np_head.head.i != np_head.i:
                np_head = np_head.head  # "its Gemini AI assistant": the possessive hangs on "assistant"
            if sp is not None and np_head is not None and sp.label_ == "Technology" and any(
                    c.dep_ == "poss" and c.lower_ in ("its", "their") for c in np_head.children):
                own.add(sp.id_)
        targets = [k for k in targets if k not in own]
    if m.measure == "ExportControl" and ctx.parsed:
        # rule 'exporter-affected': "controls on ASML lithography machines to China" — the buyers
        # are the aim; the firm whose goods are controlled (a modifier of the goods noun) is affected
        makers = {sp.id_ for sp in (ctx.ment(t) for t in toks) if sp is not None and sp.label_ == "Company"
                  and sp.root.dep_ in ("compound", "poss") and sp.root.head.lemma_.lower() not in M.COMPANYISH
                  and ctx.ment(sp.root.head) is not sp}
        affects += [k for k in targets if k in makers]
        targets = [k for k in targets if k not in makers]
    if m.rule == "licence-approval" and ctx.parsed:
        targets, affects = licence_parties(ctx, m, head, targets, affects)
    m.targets, m.affects = uniq(targets), uniq(a for a in affects if a not in targets)
    m.precedents = uniq(m.precedents + law_modifiers(ctx, head))
    assign_sectors(ctx, m, toks)  # near the trigger, then the sentence, then the document


def bar_from(ctx: DocContext, head: Token) -> list[Token] | None:
    """Rule 'bar-from': a trigger on "from" + -ing hanging on the clause verb ("blocked X from acquiring Y",
    "X was prevented from buying Y"): the objects of the -ing verb (None when the trigger is no such phrase)."""
    if not ctx.parsed or head.dep_ != "prep" or head.lower_ != "from" or head.head.pos_ not in ("VERB", "AUX"):
        return None
    return [t for c in head.children if c.dep_ == "pcomp" for d in c.children if d.dep_ in ("dobj", "prep")
            for t in d.subtree]


def law_modifiers(ctx: DocContext, head: Token) -> list[str]:
    """Rule 'law-modifier': a named law that modifies the trigger noun is the measure's legal basis
    ("$8.5 billion of CHIPS and Science Act funding", "a Digital Markets Act investigation")."""
    if not ctx.parsed or head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() in M.LAW_NOUNS or \
            head.lemma_.lower() in ("regulation", "rule", "list", "provision", "measure"):
        return []  # "the Unreliable Entity List regulations" are the list's own rules, not a measure under it
    out = []
    for c in head.lefts:
        sp = ctx.ment(c)
        if sp is not None and sp.label_ == "Legislation" and c.dep_ in ("compound", "nmod", "poss") and \
                not (sp.start <= head.i < sp.end):
            out.append(sp.id_)
    return out


def host_object(ctx: DocContext, head: Token) -> list[Token]:
    """Rule 'list-host': "is adding Huawei and 70 affiliates to its Entity List" — the parser hangs
    the list phrase on the object noun instead of the verb; the object (all its conjuncts) is what
    is put on the list. Only for a trigger after to/onto/on/under whose host noun is a verb's
    object or passive subject."""
    if not ctx.parsed or head.dep_ != "pobj" or head.head.dep_ != "prep" or \
            head.head.lower_ not in M.HOST_PREPS:
        return []
    host = head.head.head
    if host.pos_ == "VERB" and host.dep_ == "relcl" and host.head.dep_ in ("dobj", "nsubjpass"):
        # "placed 11 companies that manufacture drones on its list": the parser hangs the list phrase on the
        # relative clause of the object; the object is what is put on the list
        host = host.head
    if host.pos_ not in ("NOUN", "PROPN", "NUM"):
        return []
    top = host
    while top.dep_ in ("conj", "appos") and top.head.i != top.i:
        top = top.head
    if top.dep_ not in ("dobj", "nsubjpass") or top.head.pos_ not in ("VERB", "AUX"):
        return []
    skip = {t.i for t in head.head.subtree}
    return [t for t in top.subtree if t.i not in skip]


def licence_parties(ctx: DocContext, m: Mention, head: Token, targets: list[str], affects: list[str]):
    """Rule 'licence-approval': "approved licences for Nvidia to ship chips to Humain" -> the
    recipient (after "to" of a delivery verb) is the target, the licensee (after "for") is affected;
    the goods are not targets when a recipient is named."""
    recips, licensees = [], []
    for t in head.subtree:
        sp = ctx.ment(t)
        if sp is None or sp.root.i != t.i or sp.label_ not in ("Company", "ResearchOrganization", "Country"):
            continue
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lemma_.lower() in M.SHIP_VERBS:
            recips.append(sp.id_)
        elif t.dep_ == "pobj" and t.head.lower_ == "for" and sp.label_ != "Country":
            licensees.append(sp.id_)
    if not recips:
        return targets, affects
    keep = [k for k in targets if ctx.etype(k) not in ("Technology",) and k not in licensees]
    return uniq(recips + keep), uniq(affects + licensees)


def last_company(ctx: DocContext, before: int) -> str | None:
    best = None
    for sents in ctx.mentions_by_sent.values():
        for sp in sents:
            if sp.label_ == "Company" and sp.start < before and (best is None or sp.start > best.start):
                best = sp
    return best.id_ if best is not None else None


def demonym_country(ctx: DocContext, tok: Token) -> str | None:
    gaz = ctx.gaz
    if gaz is None or not tok.text[:1].isupper():
        return None
    entry = gaz.demonym(tok.text)
    if entry is not None and entry.key in ctx.ents:
        return entry.key
    return None


def is_generic_group(sp: Span) -> bool:
    return sp.root.lower_ in {"companies", "firms", "entities", "businesses", "suppliers", "customers",
                              "persons", "chipmakers", "manufacturers"}


def affect_position(ctx: DocContext, sp: Span, measure: str = "") -> bool:
    """'professionals at private firms including DeepSeek': named as affected, not the target. Rule
    'for-whom': "for" marks the beneficiary of a measure that gives (``benefit_measures``: "funding for X") or
    one the measure touches ("a boost for X", ``effect_nouns``), but whom a restriction applies to ("a
    suspension of downloads for the app X"): its target."""
    if not ctx.parsed:
        return False
    preps = M.AFFECT_PREPS if measure in BENEFIT_MEASURES else M.AFFECT_PREPS - {"for"}
    t = sp.root
    steps = 0
    while t.head.i != t.i and steps < 6:
        if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.lemma_.lower() in EFFECT_NOUNS:
            return True  # "a boost for X", "a blow for X": touched by the measure
        if t.dep_ == "pobj" and t.head.lower_ in preps:
            owner = t.head.head
            if t.head.lower_ in ("including", "like", "such") and owner.lemma_.lower() in M.COMPANYISH:
                t, steps = owner, steps + 1
                continue
            if t.head.lower_ in ("including", "like", "such") and owner.pos_ in ("VERB", "AUX") and any(
                    c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in M.COMPANYISH for c in owner.children):
                return False  # "added 30 entities to the list, including Hikvision": part of the object
            return True
        if t.dep_ == "prep" and t.lower_ in preps:
            return True
        if t.dep_ == "nsubj" and t.head.dep_ in ("relcl", "acl"):
            return True  # "the machines that ASML sells"
        if t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.dep_ in ("acl", "relcl"):
            return True  # "a chip factory owned by Elmos"
        if t.dep_ in ("dobj",) and t.head.lemma_ in ("boost", "hit", "affect", "benefit"):
            return True
        if t.dep_ == "nsubj" and t.head.lemma_ == "be":
            return False  # rule 'on-the-list': "Hikvision is on the Entity List"
        if t.dep_ in ("dobj", "nsubjpass") or (t.dep_ == "pobj" and t.head.lower_ in ("on", "against", "into", "to")):
            return False
        t, steps = t.head, steps + 1
    return True


def place_of_measure(ctx: DocContext, sp: Span) -> bool:
    """Rule 'place-technology': a technology that only modifies the place a measure applies in ("purged from the
    country's 5G network", "the use of X in its 5G network", "announced in a Facebook statement"): a common noun
    after in / from (``place_preps`` in ``roles.yaml``), no mention of its own and no firm ("investments in AI
    companies" aim at the field)."""
    r = sp.root
    if r.dep_ not in ("compound", "nmod", "amod") or ctx.ment(r.head) not in (None, sp):
        return False
    host = r.head
    return host.pos_ == "NOUN" and host.lemma_.lower() not in M.COMPANYISH and host.dep_ == "pobj" and \
        host.head.lower_ in PLACE_PREPS


def in_reason(tok: Token) -> bool:
    """``tok`` sits in a phrase giving the reason for a measure ("fined Meta for transferring data to
    the United States", "over transfers of data to the US"): it is not what the measure is aimed at."""
    t, steps = tok, 0
    while t.head.i != t.i and steps < 8:
        t, steps = t.head, steps + 1
        if t.dep_ == "prep" and t.lower_ in M.REASON_PREPS and any(
                c.dep_ == "pcomp" or (c.dep_ == "pobj" and c.lemma_.lower() in M.REASON_NOUNS)
                for c in t.children):
            return True
        if t.pos_ == "VERB" and t.dep_ in ("ROOT",):
            return False
    return False


def person_names_a_government(ctx: DocContext, sp: Span) -> bool:
    """A person named only as the leader of a government or state: "the Biden administration
    finalized", "sanctions against Saddam Hussein's Iraq" — the person is not what is targeted."""
    if not ctx.parsed or sp.root.dep_ not in ("compound", "poss", "nmod", "amod"):
        return False
    h = sp.root.head
    hs = ctx.ment(h)
    if hs is not None and hs.label_ in ("Country", "Bloc", "GovernmentBody"):
        return True
    return h.lower_ in CUES.GOVERNMENT_WORDS or h.lemma_.lower() in CUES.GOVERNMENT_WORDS


def descriptor_of_named(ctx: DocContext, sp: Span) -> bool:
    """Rule 'owner-descriptor': ``sp`` modifies a descriptor noun (owner, parent, operator) that
    itself stands before or beside a named company: "Facebook owner Meta", "TikTok's parent ByteDance"."""
    if not ctx.parsed or sp.root.dep_ not in ("compound", "poss", "nmod", "amod"):
        return False
    desc = sp.root.head
    if desc.lemma_.lower() not in M.DESCRIPTOR_NOUNS or ctx.ment(desc) is not None:
        return False
    named = ctx.ment(desc.head)
    if desc.dep_ in ("compound", "nmod", "amod") and named is not None and named.label_ == "Company":
        return True
    return any(getattr(ctx.ment(c), "label_", None) == "Company" for c in desc.children if c.dep_ == "appos")


def describes_named_org(ctx: DocContext, tok: Token) -> bool:
    """``tok`` modifies a descriptor of a named organisation ("Chinese company SMIC", "the Chinese
    chipmaker Huawei"): it is the organisation's nationality."""
    t, steps = tok.head, 0
    while steps < 3:
        sp = ctx.ment(t)
        if sp is not None and sp.label_ in ("Company", "ResearchOrganization") and tok.i not in range(sp.start, sp.end):
            return True
        if any(c.dep_ == "appos" and getattr(ctx.ment(c), "label_", None) in ("Company", "ResearchOrganization")
               for c in t.children):
            return True
        if steps and any(c.dep_ == "compound" and c.i > tok.i and getattr(ctx.ment(c), "label_", None) in (
                "Company", "ResearchOrganization") for c in t.children):
            return True  # "Chinese tech firm DeepSeek AI": the descriptor and the name both hang on "AI"
        if t.dep_ not in ("compound", "appos") or t.head.i == t.i:
            return False
        t, steps = t.head, steps + 1
    return False


def country_target_position(ctx: DocContext, sp: Span) -> bool:
    if not ctx.parsed:
        return False
    r = sp.root
    if r.dep_ in ("amod", "compound", "nmod") and describes_named_org(ctx, r):
        return False  # rule 'nationality': "Chinese company SMIC" names SMIC's country, not a target
    if r.dep_ in ("amod", "compound", "nmod") and r.head.tag_ == "NN" and r.head.lemma_.lower() in M.COMPANYISH and \
            any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in r.head.children):
        return False  # rule 'nationality': "a penalty on the US firm" names the firm told before, not a target
    if listed_country(r):
        return not in_reason(r)  # rule 'country-examples': "to embargoed countries, including X and Y"
    if located_firm(ctx, r):
        return False  # rule 'firm-location': "one Kaspersky unit based in the United Kingdom"
    if r.dep_ == "pobj" and r.head.lower_ in ("to", "on", "against", "into", "in"):
        return not in_reason(r)  # rule 'reason-clause': "fined Meta for transferring data to the US"
    if r.dep_ == "pobj" and r.head.lower_ == "from" and r.head.head.pos_ in ("NOUN", "PROPN") and \
            r.head.head.dep_ == "pobj" and r.head.head.head.lower_ in ("into", "on", "against"):
        return not in_reason(r)  # rule 'goods-origin': "an investigation into electric vehicles from China"
    if r.dep_ in ("amod", "compound", "nmod") and r.head.pos_ in ("NOUN", "PROPN") and r.head.dep_ == "pobj" and \
            r.head.head.lower_ in ("into", "on", "against") and ctx.ment(r.head) is None:
        return not in_reason(r)  # rule 'goods-origin': "an anti-subsidy investigation into Chinese electric vehicles"

    if place_modifier(r) and r.head.head.dep_ in ("dobj", "pobj", "nsubjpass", "conj") and \
            ctx.ment(r.head.head) is None:
        if any(getattr(ctx.ment(c), "label_", None) in ("Company", "ResearchOrganization")
               for c in r.head.head.children if c.dep_ == "compound"):
            return False  # rule 'nationality': "Russian-based Kaspersky Labs" names where a named firm sits
        return not in_reason(r)  # rule 'place-based': "investments in China-based entities"
    owned = ctx.ment(r.head) if r.dep_ == "poss" else None
    if owned is not None:
        # "Russia's drone supply chain"; rule 'nationality': "China's Huawei", "Ireland's data regulator" no
        return owned.label_ not in ("Company", "ResearchOrganization", "GovernmentBody")
    if r.dep_ == "poss" and r.head.pos_ == "NOUN" and r.head.lemma_.lower() in CAPACITY_NOUNS and \
            (r.head.dep_ in ("dobj", "nsubjpass") or r.head.dep_ == "pobj" and r.head.head.lower_ in (
                "against", "on", "into", "about", "to", "at")):
        # rule 'country-possessor': a measure on a country's access, ability or capabilities ("curb China's
        # chip-making capabilities", "targeting Russia's access to supplies") aims at the country
        return not in_reason(r)
    if r.dep_ in ("amod", "compound", "nmod") and r.head.lower_ in ("officials", "nationals", "citizens", "students",
                                                                   "researchers", "lawmakers", "diplomats",
                                                                   "journalists", "engineers", "scientists"):
        return True
    if r.dep_ in ("amod", "compound", "nmod") and r.head.lower_ in (
            "companies", "firms", "company", "firm", "imports", "aluminium", "customers", "entities", "goods",
            "products", "steel", "military", "drones", "buyer", "entities", "chipmakers", "suppliers", "makers",
            "manufacturers", "producers", "exporters", "vendors"):
        return True
    return r.dep_ == "dobj"

