"""Mentions: the measure mentions of one sentence, each with actor, roles, status and date filled in.

Decides which triggers of a sentence become :class:`Mention` s — a trigger inside another's object is
that measure's topic ("reviewing outbound investment risks"), "funding" needs a giving verb, "deny
grants" is no subsidy — and adds the constructions no phrase catches: law nouns with a legislative
verb ("passed a bill", "the AI Act, which the EU adopted"), new bodies ("set up an AI Safety
Institute" -> Other) and training targets ("wants to train 50,000 engineers" -> TalentProgram).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.events.actors import actor, actor_of_token, subject_tokens
from kg.nlp.events.advice import advice_verbs
from kg.nlp.events.context import DocContext, Mention, uniq
from kg.nlp.events.dating import date_of
from kg.nlp.events.roles import assign_roles
from kg.nlp.events.lawcontent import carries_content, law_content
from kg.nlp.events.spelled import court_ordered, names_the_hit, spelled_out
from kg.nlp.events.status import historical, status_from_verb, status_of
from kg.nlp.events.syntax import clause_verb, head_of, in_main_clause, left_mods, object_tokens
from kg.nlp.events.triggers import (
    data_authority,
    evaluated,
    find_triggers,
    hypothetical,
    legal_challenge,
    negated,
    refine,
)
from kg.nlp.lexicon import cues as CUES
from kg.nlp.lexicon import measures as M

#: base confidence per rule family; an event found with an actor in syntax gets +0.1
CONFIDENCE = {"trigger": 0.7, "generic": 0.6, "similar": 0.55, "legislation": 0.7, "response-object": 0.6}


def sentence_mentions(ctx: DocContext, sent: Span, last_actors: list[str]) -> list[Mention]:
    out: list[Mention] = []
    names = [sp for sp in ctx.mentions_by_sent.get(sent.start, []) if sp.label_ in M.NAME_TYPES]
    laws = [sp for sp in ctx.mentions_by_sent.get(sent.start, []) if sp.label_ == "Legislation"]
    for rule, span in find_triggers(ctx, sent):
        if any(sp.start <= span.start and span.end <= sp.end for sp in names):
            continue  # rule 'inside-name': "State Administration for Market Regulation" names a body, not a measure
        if rule in ("regulation", "security-check") and any(sp.start <= span.start and span.end <= sp.end and not any(
                c.dep_ == "poss" for c in sp.root.children) for sp in laws):
            continue  # rule 'inside-name': "the General Data Protection Regulation" names a law ("China's
            # Regulations on Export Control" still reports the owner's measure)
        m = mention(ctx, rule, span, sent, last_actors)
        if m is not None:
            out.append(m)
    if ctx.parsed and len(out) > 1:
        # "reviewing outbound investment risks": a trigger inside another's object is its topic
        # rule 'degree-verb': a generic verb whose direct object is itself a measure noun only says how far it
        # goes ("tightened rules for telecom gear imports" is the Regulation, not an ImportRestriction)
        out = [o for o in out if not degree_verb(ctx, o, out) and not offence(o, out)]
        objs = {id(m): {t.i for t in object_tokens(ctx, m.trigger, m.head)} for m in out}
        out = [m for m in out if not any(o is not m and o.measure != m.measure and m.head.i in objs[id(o)]
                                         and o.head.i not in objs[id(m)] for o in out)]
        out = [m for m in out if not instrument(m, out)]
        out = [m for m in out if not spelled_out(m, out)]
    laws_made = legislation_mentions(ctx, sent, out, last_actors)
    if laws_made:
        # rule 'rules-noun': "approved AI legislation ..., edging closer to adopting rules as law": the rules the
        # sentence tells beside a law being made are that law
        out = [m for m in out if not law_content(m, laws_made) and m.rule != "rules-noun"]
    out.extend(laws_made)
    out.extend(other_create(ctx, sent, out, last_actors))
    out.extend(talent_training(ctx, sent, out, last_actors))
    out.extend(money_pledges(ctx, sent, out, last_actors))
    out.extend(mandates(ctx, sent, out, last_actors))
    out.extend(advices(ctx, sent, out, last_actors))
    return out


def degree_verb(ctx: DocContext, o: Mention, found: list[Mention]) -> bool:
    """Rule 'degree-verb': a generic trigger verb ("tighten", "restrict", "suspend"; measure None in triggers.yaml)
    whose direct object is the noun of another, specific trigger says only how far that measure goes: "tightened
    rules for imports" is a Regulation, "tightened export controls" an ExportControl."""
    if ctx.triggers.rules[o.rule] is not None or o.head.pos_ != "VERB":
        return False
    return any(m is not o and m.head.dep_ == "dobj" and m.head.head.i == o.head.i and m.head.pos_ in ("NOUN", "PROPN")
               and ctx.triggers.rules.get(m.rule) is not None for m in found)


def offence(m: Mention, found: list[Mention]) -> bool:
    """Rule 'offence-gerund': a measure verb told as a gerund after for / over on another measure ("fined Google
    for blocking phone makers from using its rivals' apps", "sanctioned the firm for restricting exports") is the
    offence the other measure punishes — the punished party's act, not a measure of the actor."""
    h = m.head
    if h.tag_ != "VBG" or h.dep_ != "pcomp" or h.head.lower_ not in M.REASON_PREPS:
        return False
    up = h.head.head  # the word the reason hangs on, or (a misparsed sum: "fined Google 224 billion won") the next
    return any(o is not m and o.head.i in (up.i, up.head.i) for o in found)


def money_pledges(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """Rule 'money-pledge': a government that pledges, allocates or gives a sum of money ("France has pledged an
    extra EUR 100 million to support incoming researchers") -> Subsidy, or TalentProgram when the money
    goes to talent."""
    if not ctx.parsed or any(m.measure in ("Subsidy", "TalentProgram") for m in found):
        return []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in M.GIVING_VERBS:
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj" and (c.ent_type_ == "MONEY" or any(
            t.lower_ in M.CURRENCY_WORDS for t in c.subtree))]
        if not objs or any(c.dep_ == "neg" for c in tok.children) or any(price_sum(o) for o in objs):
            continue
        talent = any(t.lemma_.lower() in M.TALENT_NOUNS for t in tok.subtree)
        m = Mention(measure="TalentProgram" if talent else "Subsidy", rule="money-pledge", sent=sent,
                    trigger=ctx.doc[tok.i:tok.i + 1], head=tok, para=ctx.para_of(sent.start_char), confidence=0.6)
        if not fill(ctx, m, tok, last_actors) or not m.actors or not m.actor_in_syntax:
            continue
        # the firm that gets the money is affected by the measure ("committed 920 billion yen to the company")
        m.affects, m.targets = uniq(m.affects + [t for t in m.targets if ctx.etype(t) == "Company"]), [
            t for t in m.targets if ctx.etype(t) != "Company"]
        return [m]
    return []


def price_sum(obj: Token) -> bool:
    """Rule 'money-kind': the sum is a price or a payment, not money given — the noun it measures ("a one-time
    $100,000 charge", "a $360 million deal to provide drones") or the noun after "of" on it ("billions of dollars'
    worth of chip exports") is a `price_nouns` word."""
    heads = [obj] + [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj"]
    return any(h.lemma_.lower() in M.PRICE_NOUNS for h in heads)


def mandates(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """Rule 'mandate': a government forcing or ordering people to do something ("is forcing residents to
    install a state certificate", "Vietnam requires foreign firms to open local offices") is a Regulation — a
    DataRestriction when what it orders stores or moves data ("requires firms to store user data locally") —
    only when the sentence reports no other measure (that measure is what the order imposes)."""
    if not ctx.parsed or found:
        return []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in M.MANDATE_VERBS or any(
                c.dep_ == "auxpass" for c in tok.children):
            continue  # "the United States was forced to take action" is forced, not forcing
        comp = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
                and any(a.lower_ == "to" for a in c.children)]
        if not comp or not any(actor_of_token(ctx, x) not in ([], ["__generic__"])
                               for x in subject_tokens(ctx, tok)[0]):
            continue  # the government forces; "that measure forced miners to refine at home" is an effect
        content = [t for c in comp for t in c.subtree]
        kind = "DataRestriction" if any(t.lower_ == "data" for t in content) and any(
            t.lemma_.lower() in M.MANDATE_DATA_VERBS for t in content) else "Regulation"
        m = Mention(measure=kind, rule="mandate", sent=sent, trigger=ctx.doc[tok.i:tok.i + 1], head=tok,
                    para=ctx.para_of(sent.start_char), confidence=0.55)
        if not fill(ctx, m, tok, last_actors) or not m.actors or not m.actor_in_syntax:
            continue
        return [m]
    return []


def instrument(m: Mention, found: list[Mention]) -> bool:
    """Rule 'instrument': "regulations"/"guidelines" that are the subject of another measure's verb or hold it
    in a relative clause ("the guidelines also restrict the use of X", "guidelines that will phase out X
    chips", "Regulation 2022/328 prohibits the export of ...") or that a verb imposes while an -ing clause on it
    says what they do ("imposed strict regulations on X, banning its use in the public sector") are the instrument
    of that measure, not a Regulation of their own."""
    if m.rule not in ("regulation", "rules-noun") or m.head.pos_ not in ("NOUN", "PROPN"):
        return False
    h = m.head
    while h.dep_ == "compound" and h.head.i != h.i:  # "Regulation 2022/328 prohibits ..."
        h = h.head
    for o in found:
        if o is m or o.measure == m.measure:
            continue
        if h.dep_ in ("nsubj", "nsubjpass") and o.head.i == h.head.i:
            return True
        if any(c.dep_ in ("relcl", "acl") and c.left_edge.i <= o.head.i <= c.right_edge.i for c in h.children):
            return True
        if h.dep_ == "dobj" and o.head.tag_ == "VBG" and o.head.dep_ in ("advcl", "xcomp", "conj") and \
                o.head.head.i == h.head.i and o.head.i > h.i:
            return True  # "imposed strict regulations on X, banning its use in the public sector"
    return False


def legal_basis(ctx: DocContext, head: Token) -> bool:
    """The noun phrase of ``head`` follows a legal-basis cue ("under", "pursuant to", "in breach of"): it names
    the basis of another measure, not a measure of its own."""
    start = head.left_edge.i if ctx.parsed else head.i
    if ctx.parsed and head.dep_ == "dobj" and head.head.lemma_.lower() in M.IMPLEMENT_VERBS and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in M.MEASURE_NOUNS for c in head.head.children):
        return True  # rule 'implemented-basis': "the rule implements an executive order"
    before = " " + " ".join(t.lower_ for t in ctx.doc[max(head.sent.start, start - 4):start])
    return any(before.endswith(" " + cue) for cue in (*CUES.LEGAL_BASIS_CUES, *M.BASIS_CUES))


def talent_training(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """Rule 'train-talent': "Hanoi wants to train 50,000 semiconductor engineers" -> TalentProgram; rule
    'attract-talent': "the scheme aims to attract founders and technical experts" -> TalentProgram (a
    government's own, named in the clause)."""
    if not ctx.parsed or any(m.measure == "TalentProgram" for m in found):
        return []
    out = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in M.TALENT_VERBS | M.ATTRACT_VERBS:
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj" and any(
            x.lemma_.lower() in M.TALENT_NOUNS for x in [c, *c.conjuncts])]
        if not objs:
            continue
        o = objs[0]
        rule = "train-talent" if lemma in M.TALENT_VERBS else "attract-talent"
        m = Mention(measure="TalentProgram", rule=rule, sent=sent, trigger=ctx.doc[tok.i:o.i + 1]
                     if o.i > tok.i else ctx.doc[tok.i:tok.i + 1], head=tok,
                     para=ctx.para_of(sent.start_char), confidence=0.6)
        if not fill(ctx, m, clause_verb(ctx, tok), last_actors) or not m.actors:
            continue
        if rule == "attract-talent" and not scheme_subject(ctx, tok):
            continue  # "Australia is trying to attract specialists" is an aim; "the scheme aims to attract" a programme
        out.append(m)
        break
    return out


def scheme_subject(ctx: DocContext, verb: Token) -> bool:
    """The subject of ``verb`` (or the noun its participle hangs on: "a fund aimed at attracting") is a
    programme: scheme, visa, pass, fund, plan ..."""
    subs, _ = subject_tokens(ctx, verb)
    t = verb
    while not subs and t.dep_ in ("xcomp", "pcomp", "prep", "acl", "advcl") and t.head.i != t.i:
        t = t.head
        if t.pos_ in ("NOUN", "PROPN"):
            subs = [t]
            break
    for s in subs:
        if s.lower_ in ("which", "that") and s.head.dep_ == "relcl":
            s = s.head.head
        if s.lemma_.lower() in M.SCHEME_NOUNS:
            return True
    return False


def mention(ctx: DocContext, rule: str, span: Span, sent: Span, last_actors: list[str]) -> Mention | None:
    measure = ctx.triggers.rules[rule]
    head = head_of(ctx, span)
    similar = any(t.lower_ in M.SIMILAR_ADJ for t in left_mods(ctx, head)) or \
        (span.start > sent.start and ctx.doc[span.start - 1].lower_ in M.SIMILAR_ADJ)
    if rule == "law-noun":
        return None  # handled by _legislation_mentions (needs a legislative verb)
    if rule == "agreement" and head.lower_ in ("partnership",) and not any(
            t.lemma_ in M.AGREEMENT_VERBS for t in sent):
        return None
    if measure == "Agreement" and any(c.dep_ == "amod" and c.lower_ in M.CONSENSUS_ADJ for c in head.children):
        return None  # rule 'consensus': "achieved through unanimous agreement"
    if rule == "security-check" and ctx.parsed and not any(
            c.dep_ == "prep" and c.lower_ in ("of", "on", "into") for c in head.children):
        return None  # a check of something ("a network security check of X products"), not a procedure's name
    if rule == "legal-challenge" and not legal_challenge(ctx, span, head):
        return None
    if rule == "court-ruling" and ctx.parsed and (head.dep_ in ("amod", "compound") or any(
            c.dep_ == "prt" for c in head.children)):
        return None  # "the ruling party", "ruled out sanctions"
    if rule == "list-verb" and not (ctx.parsed and head.pos_ == "VERB" and head.dep_ != "amod" and any(
            c.dep_ == "dobj" for c in head.children)):
        return None
    if rule == "rules-noun" and not issued_rules(ctx, head):
        return None
    if rule == "regulation" and head.pos_ in ("VERB", "ADJ") and head.dep_ in M.REGULATE_MODIFIER_DEPS:
        return None  # rule 'regulate-modifier': "laws regulating X", "towards regulating AI", "a regulated platform"
    if measure in ("Regulation", "Ban") and head.pos_ in ("NOUN", "PROPN") and legal_basis(ctx, head):
        return None  # rule 'basis-not-measure': "imposed under an executive order", "violating U.S. trade bans"
    if rule == "regulation" and any(c.dep_ == "amod" and c.lower_ in M.GENERIC_RULE_ADJ for c in (
            *head.children, *(head.head.children if head.dep_ == "conj" else ()))):
        return None  # rule 'generic-rules': "all existing rules and regulations", "related industry regulations"
    if rule == "take-control" and ctx.parsed and any(
            sp is not None and sp.label_ in ("Company", "Person") for s in subject_tokens(ctx, head)[0]
            for sp in (ctx.ment(t) for t in s.subtree)):
        return None  # rule 'take-control': a firm taking control of another is a deal, not a measure
    if ctx.parsed and names_the_hit(head):
        return None  # rule 'those-hit' (spelled.py): "those sanctioned include X"
    if measure is None and ctx.parsed and restating_subject(head):
        return None  # rule 'move-subject': "The move will bar X's suppliers from shipping ...": a measure told
    measure = refine(ctx, measure, rule, span, head)
    if measure in (None, "Ban") and data_authority(ctx, head):
        measure = "DataRestriction"  # rule 'data-authority' (triggers.py)
    if measure is None and not similar:
        return None
    verb = clause_verb(ctx, head)
    if negated(ctx, head, verb):
        return None
    if evaluated(ctx, head, verb):
        return None
    if hypothetical(ctx, head):
        return None
    if not_reported(ctx, measure, rule, head, verb):
        return None
    if measure in ("Subsidy", "TalentProgram") and foreign_owner(ctx, head):
        return None  # rule 'foreign-programme': "foreign government-sponsored talent programmes" name no actor
    if measure == "Subsidy" and ctx.parsed and head.dep_ == "amod" and head.tag_ in ("VBN", "JJ"):
        return None  # rule 'subsidised-goods': "imports of subsidised EVs" describes goods, reports no subsidy
    if rule == "funding" and head.pos_ in ("NOUN", "PROPN") and (
            verb is None or verb.lemma_.lower() not in M.GIVING_VERBS):
        return None  # "projects that receive federal research funding" reports no subsidy
    if measure == "Subsidy" and verb is not None and verb.lemma_.lower() in (
            "deny", "bars", "withhold", "cut", "bar", "exclude", "block", "refuse", "strip"):
        return None  # "will deny federal grants to ...": a restriction on funding, not a subsidy
    m = Mention(measure=measure or "?", rule=rule, sent=sent, trigger=span, head=head, similar=similar,
                 para=ctx.para_of(sent.start_char))
    if head.pos_ == "NOUN" and ctx.parsed:
        dets = [c for c in head.lefts]
        m.anaphoric = not similar and any(c.lower_ in ("the", "this", "these", "that", "those") for c in dets) \
            and all(c.lower_ in ("the", "this", "these", "that", "those") or c.i >= span.start for c in dets) \
            and not any(c.dep_ == "prep" for c in head.rights)
    m.confidence = CONFIDENCE["similar" if similar else ("generic" if ctx.triggers.rules[rule] is None else "trigger")]
    if not fill(ctx, m, verb, last_actors):
        return None
    if rule in ("list-verb", "court-ruling") and not m.actor_in_syntax:
        return None
    if m.measure in ("Ban", "Regulation") and court_ordered(ctx, m.actors):
        m.measure = "LegalAction"  # rule 'court-order' (spelled.py): a court ordering a ban acts at law
    if rule == "legal-challenge" and ctx.dominant and ctx.dominant not in {ctx.root(a) for a in m.actors}:
        # "challenged the nickel ban": the party challenged is the country whose measure it is, not the goods
        m.targets = uniq([t for t in m.targets if ctx.etype(t) != "Technology"] + [ctx.dominant])
    return m


def restating_subject(verb: Token) -> bool:
    """Rule 'move-subject': a generic measure verb whose subject is a definite anaphor ("The move will bar X's
    suppliers from shipping U.S. goods to it", "This step restricts ..."; `anaphors`) says what a measure already
    told does: no measure of a kind of its own."""
    if verb.pos_ != "VERB":
        return False
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lemma_.lower() in M.ANAPHORS and any(
                d.dep_ == "det" and d.lower_ in ("the", "this", "that", "these", "those") for d in c.children) \
                and not any(d.dep_ in ("prep", "relcl", "acl") and d.doc[d.left_edge.i - 1].text != ","
                            for d in c.children):  # "The move, laid out in the Register," is still the move
            return True
    return False


def issued_rules(ctx: DocContext, head: Token) -> bool:
    """Rule 'rules-noun': "rules" are a Regulation only where a verb issues or changes them — its object or
    passive subject ("published interim rules governing X", "tightened rules for imports"), or a participle on
    them ("rules released in November"); a decree also when a government owns it ("a Ministry decree"). "EU and
    WTO rules", "against privacy rules", "a rules-based order" are the rules in place (`rule_issue_verbs`,
    `rule_self_nouns`)."""
    if not ctx.parsed or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.lemma_.lower() in M.RULE_SELF_NOUNS and any(
            c.dep_ in ("poss", "compound", "amod", "nmod") and actor_of_token(ctx, t) not in ([], ["__generic__"])
            for c in head.lefts for t in c.subtree):
        return True  # "a recent Education Ministry decree", "the president's decree"
    top = head
    while top.dep_ == "compound" and top.head.i != top.i:  # "promulgated Decree No. 53/2022/ND-CP"
        top = top.head
    if top.dep_ in ("dobj", "nsubjpass") and top.head.lemma_.lower() in M.RULE_ISSUE_VERBS:
        return True
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in M.RULE_ISSUE_VERBS for c in head.children)


def not_reported(ctx: DocContext, measure: str | None, rule: str, head: Token, verb: Token | None) -> bool:
    """Measure words that report no measure of an actor: rules 'alleged-subsidy' ("unfair state subsidies
    are being paid"), 'cut-funding' ("deep cuts to science funding"), 'compliance' ("compliant with all
    applicable export control laws") and 'penalty-provision' ("the law calls for a fine of up to $85,000")."""
    if not ctx.parsed or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if measure == "Subsidy":
        near = list(head.subtree) + [x for x in (head.head, verb) if x is not None]
        if any(t.lower_ in M.ALLEGED_WORDS for t in near):
            return True
        up = head.head.head if head.dep_ == "pobj" else head.head
        if up.lower_ in M.CUT_NOUNS:
            return True
    if head.dep_ in ("pobj", "conj", "compound"):
        t = head
        while t.dep_ in ("conj", "compound") and t.head.i != t.i:
            t = t.head
        if t.dep_ == "pobj" and t.head.lower_ in ("with", "to", "by") and t.head.head.lower_ in M.COMPLIANCE_WORDS:
            return True
    if rule == "lawsuit" and head.lemma_.lower() in ("fine", "penalty"):
        if verb is not None and verb.lemma_.lower() in M.PROVISION_VERBS:
            return True
        if any(t.lower_ == "up" and t.dep_ == "quantmod" for t in head.subtree):
            return True
    return False


def foreign_owner(ctx: DocContext, head: Token) -> bool:
    """The noun phrase of ``head`` says the measure is some foreign government's ("foreign subsidies",
    "foreign government-sponsored talent recruitment programmes")."""
    if not ctx.parsed:
        return False
    top = head
    while top.dep_ == "compound" and top.head.i != top.i:
        top = top.head
    return any(c.dep_ == "amod" and c.lower_ == "foreign" for c in top.lefts)


def advices(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """Rule 'advise-against' (advice.py): a government body urging or advising people against using or buying
    something is a Ban; not when a measure the sentence reports is the advice's content."""
    if not ctx.parsed:
        return []
    for tok in advice_verbs(sent):
        if any(m.head.i in {t.i for t in tok.subtree} for m in found):
            continue
        if any((sp := ctx.ment(c)) is not None and sp.label_ in ("Country", "Bloc") for c in tok.children
               if c.dep_ in ("dobj", "dative")):
            continue  # "urged the US to cease using national security as a pretext": diplomacy, no ban
        m = Mention(measure="Ban", rule="advise-against", sent=sent, trigger=ctx.doc[tok.i:tok.i + 1], head=tok,
                    para=ctx.para_of(sent.start_char), confidence=0.55)
        if fill(ctx, m, tok, last_actors) and m.actors and m.actor_in_syntax:
            return [m]
    return []


def fill(ctx: DocContext, m: Mention, verb: Token | None, last_actors: list[str]) -> bool:
    """Actor, targets, affects, sectors, status, date. False when the mention is generic talk."""
    actors, in_syntax, generic = actor(ctx, m, verb, last_actors)
    if generic:
        return False
    if not actors and ctx.parsed and agentless_passive(m.head):
        # rule 'agentless-passive': "CIIOs are now prohibited from purchasing X", "certain practices will be
        # prohibited": the measure of the actor the text is speaking of
        actors = list(last_actors)
    m.actors, m.actor_in_syntax = actors, in_syntax
    if in_syntax:
        m.confidence = min(1.0, m.confidence + 0.1)
    assign_roles(ctx, m, verb)
    m.historical = historical(ctx, m, verb)
    m.status = status_of(ctx, m, verb)
    m.date = date_of(ctx, m)
    return True


def agentless_passive(head: Token) -> bool:
    """A passive trigger verb with no by-agent ("are now prohibited from ...")."""
    if head.pos_ != "VERB" or head.tag_ != "VBN" or not in_main_clause(head):
        return False  # a main clause only: not "users request that X be blacklisted"
    kids = {c.dep_ for c in head.children}
    return "auxpass" in kids and "agent" not in kids


def legislation_mentions(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """'passed a law', 'the bill, approved by senators', 'the AI Act, which the EU adopted'."""
    if not ctx.parsed:
        return []
    out = []
    used = {m.head.i for m in found}
    for tok in sent:
        sp = ctx.ment(tok)
        is_law = tok.lower_ in M.LAW_NOUNS or (tok.tag_ == "NNS" and tok.lemma_.lower() in M.LAW_NOUNS) or (
            sp is not None and sp.label_ == "Legislation" and tok.i == sp.root.i)
        if not is_law or tok.i in used:
            continue
        verbs = [c for c in tok.children if c.dep_ in ("relcl", "acl") and c.lemma_ in M.LEGISLATIVE_VERBS]
        v = clause_verb(ctx, tok)
        hop = tok
        while hop.dep_ in ("pobj", "prep", "compound", "conj", "appos") and hop.head.i != hop.i:
            hop = hop.head  # "approved a revision to the ... Act"
        if hop.dep_ in ("dobj", "nsubjpass", "nsubj") and hop.head.lemma_ in M.LEGISLATIVE_VERBS:
            verbs.append(hop.head)
        elif tok.dep_ in ("dobj", "nsubjpass") and v is not None and v.lemma_ in M.LEGISLATIVE_VERBS:
            verbs.append(v)
        elif tok.dep_ == "nsubj" and v is not None and (v.lemma_ in ("become", "take") or (
                takes_effect(v) and tok.lemma_.lower() in M.LAW_NOUNS | M.REGULATION_HEADS)):
            verbs.append(v)
        if tok.lemma_.lower() in M.LAW_NOUNS | M.REGULATION_HEADS:  # not "the Talents Program that takes effect"
            verbs += [c for c in tok.children if c.dep_ in ("relcl", "acl") and takes_effect(c)]
        if not verbs:
            continue
        if verbs[0].lemma_ not in M.LEGISLATIVE_VERBS and carries_content(tok, found):
            continue  # rule 'law-in-effect-content': "a law banning the export of X took effect": the ban is the news
        verb = verbs[0]
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        span = ctx.doc[tok.i:tok.i + 1] if sp is None else sp
        # rule 'rule-name': a named resolution, order, directive or set of measures is a Regulation
        kind = "Regulation" if sp is not None and sp.root.lemma_.lower() in M.REGULATION_HEADS else "Legislation"
        m = Mention(measure=kind, rule="legislative-verb", sent=sent, trigger=span, head=tok,
                     para=ctx.para_of(sent.start_char), confidence=CONFIDENCE["legislation"])
        if verb.dep_ == "relcl":
            subs, _ = subject_tokens(ctx, verb)
            keys = []
            for s in subs:
                keys = actor_of_token(ctx, s)
            if keys and keys != ["__generic__"]:
                m.actors, m.actor_in_syntax = ctx.with_parents(keys), True
                assign_roles(ctx, m, verb)
                m.historical = historical(ctx, m, verb)
                m.status = status_from_verb(ctx, m, verb)
                m.date = date_of(ctx, m)
                out.append(m)
                used.add(tok.i)
                continue
        if not fill(ctx, m, verb, last_actors):
            continue
        if not m.actors and verb.dep_ == "acl" and verb.head.head.i != verb.head.i:
            # rule 'proposal-to-enact': "the Government announced its proposals to enact a new law": the
            # subject of the verb that governs the proposal noun
            for s in subject_tokens(ctx, verb.head.head)[0]:
                keys = actor_of_token(ctx, s)
                if keys and keys != ["__generic__"]:
                    m.actors = ctx.with_parents(keys)
                    break
        if not m.actors:
            m.actors = led_state(ctx, verb)
        if not m.actors and takes_effect(verb):  # "The X Act has been in effect since 1952": the text's state
            m.actors = list(last_actors) or ([ctx.dominant] if ctx.dominant else [])
        if sp is not None:
            m.targets = [t for t in m.targets if t != sp.id_ and t not in m.actors]
        out.append(m)
        used.add(tok.i)
    return out


def takes_effect(v: Token) -> bool:
    """"which will take effect in November", "has been in effect since 1952" (not the simple past)."""
    if v.lemma_.lower() not in M.EFFECT_VERBS or v.tag_ == "VBD":
        return False  # "which came into force in 2022" dates a law cited as background, not news of it
    return any(t.lower_ in ("effect", "force") and t.i > v.i
               for t in v.subtree if t.head.i == v.i or t.head.head.i == v.i)


def led_state(ctx: DocContext, verb: Token) -> list[str]:
    """Rule 'leader-signs': "President X signed the Act into law": a head of state or government who is the
    subject of the legislative verb acts for the state the text says they lead."""
    subs, passive = subject_tokens(ctx, verb)
    if passive:
        return []
    for s in subs:
        sp = ctx.ment(s)
        if sp is None or sp.label_ != "Person":
            continue
        for r in ctx.doc._.kg_relations or ():
            if r.predicate == "leads" and r.subject == sp.id_ and ctx.etype(r.object) in ("Country", "Bloc"):
                return ctx.with_parents([r.object])
    return []


def other_create(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """'set up an AI Safety Institute' -> Other."""
    if not ctx.parsed:
        return []
    out = []
    for tok in sent:
        if tok.lemma_ not in M.OTHER_CREATE_VERBS or tok.pos_ != "VERB":
            continue
        if tok.lemma_ == "set" and not any(c.lower_ == "up" for c in tok.children):
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if not objs:
            continue
        o = objs[0]
        sp = ctx.ment(o)
        if o.lower_ not in M.OTHER_CREATE_OBJECTS and not (sp is not None and sp.label_ in ("GovernmentBody",)):
            continue
        trigger = ctx.doc[tok.i:o.i + 1] if o.i > tok.i else ctx.doc[tok.i:tok.i + 1]
        m = Mention(measure="Other", rule="create-body", sent=sent, trigger=trigger, head=tok,
                    para=ctx.para_of(sent.start_char), confidence=0.55)
        if not fill(ctx, m, tok, last_actors) or not m.actors:
            continue
        m.targets = [t for t in m.targets if not (sp is not None and t == sp.id_)]
        out.append(m)
    return out

