"""Mentions: the measure mentions of one sentence, each with actor, roles, status and date filled in.

Decides which triggers of a sentence become :class:`Mention` s — a trigger inside another's object is
that measure's topic ("reviewing outbound investment risks"), "funding" needs a giving verb, "deny
grants" is no subsidy — and adds the constructions no phrase catches: law nouns with a legislative
verb (:mod:`legislation`), new bodies, talent, money pledges, mandates and advice
(:mod:`constructions`). Trigger words that report no measure are :mod:`unreported`; a mention's
actor, roles, status and date are filled by :mod:`filling`.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.events.assessments import assessments
from kg.nlp.events.designations import designations
from kg.nlp.events.constructions import advices, mandates, money_pledges, other_create, talent_training
from kg.nlp.events.context import DocContext, Mention, uniq
from kg.nlp.events.filling import CONFIDENCE, fill
from kg.nlp.events.lawcontent import law_content
from kg.nlp.events.legislation import legislation_mentions
from kg.nlp.events.spelled import court_ordered, names_the_hit, spelled_out
from kg.nlp.events.syntax import clause_verb, head_of, left_mods, object_tokens, subject_tokens
from kg.nlp.events.triggers import (
    data_authority,
    evaluated,
    find_triggers,
    hypothetical,
    legal_challenge,
    negated,
    refine,
)
from kg.nlp.events.unreported import foreign_owner, issued_rules, legal_basis, not_reported, restating_subject
from kg.nlp.lexicon import measures as M


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
        # rule 'coordinated-measures': "imposed sanctions and travel bans": a measure coordinated with another is
        # a second measure, not its topic
        out = [m for m in out if not any(o is not m and o.measure != m.measure and m.head.i in objs[id(o)]
                                         and o.head.i not in objs[id(m)] and m.head not in o.head.conjuncts
                                         for o in out)]
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
    out.extend(assessments(ctx, sent, out, last_actors))
    out.extend(designations(ctx, sent, out, last_actors))
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


def mention(ctx: DocContext, rule: str, span: Span, sent: Span, last_actors: list[str]) -> Mention | None:
    measure = ctx.triggers.rules[rule]
    head = head_of(ctx, span)
    similar = any(t.lower_ in M.SIMILAR_ADJ for t in left_mods(ctx, head)) or \
        (span.start > sent.start and ctx.doc[span.start - 1].lower_ in M.SIMILAR_ADJ)
    if rule == "law-noun":
        return None  # handled by legislation.legislation_mentions (needs a legislative verb)
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
    if measure in ("Subsidy", "TalentProgram") and verb is not None and verb.lemma_.lower() in (
            "deny", "bars", "withhold", "cut", "bar", "exclude", "block", "refuse", "strip"):
        return None  # "will deny federal grants to ...": a restriction on funding, not a subsidy
    m = Mention(measure=measure or "?", rule=rule, sent=sent, trigger=span, head=head, similar=similar,
                 para=ctx.para_of(sent.start_char))
    if head.pos_ == "NOUN" and ctx.parsed:
        dets = [c for c in head.lefts]
        m.anaphoric = not similar and any(c.lower_ in ("the", "this", "these", "that", "those") for c in dets) \
            and all(c.lower_ in ("the", "this", "these", "that", "those") or c.i >= span.start for c in dets) \
            and not any(c.dep_ == "prep" for c in head.rights)
    elif ctx.parsed and restating_subject(head):
        # rule 'instrument-content': "The measures prohibit Americans from ...", "The rule prohibits transactions":
        # what a measure already told does restates it (it joins its actor's event) rather than adding a kind
        m.anaphoric = True
    m.confidence = CONFIDENCE["similar" if similar else ("generic" if ctx.triggers.rules[rule] is None else "trigger")]
    if not fill(ctx, m, verb, last_actors):
        return None
    if rule in ("list-verb", "court-ruling") and not m.actor_in_syntax:
        return None
    if m.measure == "Agreement" and ctx.parsed and consent_of_firms(ctx, head):
        return None
    if rule == "state-aid" and any(ctx.etype(ctx.root(a)) == "Bloc" for a in m.actors):
        # rule 'state-aid-review': state aid is a member state's money; the bloc's part is to approve or examine it
        # under its aid rules ("Under EU State aid rules, the Commission has authorised a Danish research
        # scheme"): a Review by the bloc
        m.measure = "Review"
    if m.measure in ("Ban", "Regulation") and court_ordered(ctx, m.actors):
        m.measure = "LegalAction"  # rule 'court-order' (spelled.py): a court ordering a ban acts at law
    if rule == "legal-challenge" and ctx.dominant and ctx.dominant not in {ctx.root(a) for a in m.actors}:
        # "challenged the nickel ban": the party challenged is the country whose measure it is, not the goods
        m.targets = uniq([t for t in m.targets if ctx.etype(t) != "Technology"] + [ctx.dominant])
    return m


def consent_of_firms(ctx: DocContext, head: Token) -> bool:
    """Rule 'firm-consent': "obtained agreement from Meta, Amazon and other firms" (a noun with "from" + companies) is
    the firms' consent to what a government asked, not an agreement between governments."""
    return head.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "from" and any(
            (sp := ctx.ment(t)) is not None and sp.label_ == "Company" for p in c.children if p.dep_ == "pobj"
            for t in (p, *p.conjuncts)) for c in head.children)
