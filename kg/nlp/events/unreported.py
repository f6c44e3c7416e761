"""Unreported: trigger words that report no measure of an actor, for :mod:`mentions`.

A legal basis ("imposed under an executive order"; `implemented-basis`), an alleged or cut subsidy,
rules one complies with, a penalty a law provides for (:func:`not_reported`), a foreign programme,
a restating subject ("The move will bar ..."; `move-subject`), and "rules" no verb issues
(`rules-noun`).
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.events.context import DocContext
from kg.nlp.events.governments import actor_of_token
from kg.nlp.lexicon import cues as CUES
from kg.nlp.lexicon import measures as M


def legal_basis(ctx: DocContext, head: Token) -> bool:
    """The noun phrase of ``head`` follows a legal-basis cue ("under", "pursuant to", "in breach of"): it names
    the basis of another measure, not a measure of its own."""
    start = head.left_edge.i if ctx.parsed else head.i
    if ctx.parsed and head.dep_ == "dobj" and head.head.lemma_.lower() in M.IMPLEMENT_VERBS and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in M.MEASURE_NOUNS for c in head.head.children):
        return True  # rule 'implemented-basis': "the rule implements an executive order"
    before = " " + " ".join(t.lower_ for t in ctx.doc[max(head.sent.start, start - 4):start])
    return any(before.endswith(" " + cue) for cue in (*CUES.LEGAL_BASIS_CUES, *M.BASIS_CUES))


def restating_subject(verb: Token) -> bool:
    """Rule 'move-subject': a generic measure verb whose subject is a definite anaphor ("The move will bar X's
    suppliers from shipping U.S. goods to it", "This step restricts ..."; `anaphors`) says what a measure already
    told does: no measure of a kind of its own. A specific trigger verb under such a subject ("The measures prohibit
    Americans from ...", `anaphors` also names sanctions, restrictions, regulations) restates that measure (rule
    'instrument-content', mentions.py)."""
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
    if measure == "Subsidy" and conferred_power(head):
        return True
    if not ctx.parsed or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if measure == "Subsidy":
        near = list(head.subtree) + [x for x in (head.head, verb) if x is not None]
        if any(t.lower_ in M.ALLEGED_WORDS for t in near):
            return True
        up = head.head.head if head.dep_ == "pobj" else head.head
        if up.lower_ in M.CUT_NOUNS:
            return True
        if motive(ctx, head):
            return True
    if vague_cause(ctx, head) or judged_instrument(head):
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


def conferred_power(head: Token) -> bool:
    """Rule 'grant-power': "grants" that hand over a power, not money ("the ministry grants the agency new powers",
    the headline "..., Grants Commission Rulemaking Power") are the verb of conferring: a permission noun
    (`permission_nouns`) follows in the same phrase, before any punctuation. "awarded research grants to 40
    universities" stays a Subsidy."""
    if head.lower_ != "grants":
        return False
    for t in head.doc[head.i + 1:min(head.i + 7, head.sent.end)]:
        if t.is_punct:
            return False
        if t.lemma_.lower() in M.PERMISSION_NOUNS or t.lower_ in M.PERMISSION_NOUNS:
            return True
    return False


def judged_instrument(head: Token) -> bool:
    """Rule 'abuse-of': a measure noun after "an abuse / misuse / weaponisation of" (`judgement_nouns`) is the
    speaker's judgement of a kind of measure ("it was an abuse of export control measures"), not a measure
    reported (like the evaluative verbs: "called the decision an abuse of export controls")."""
    t = head
    while t.dep_ in ("compound", "conj") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in M.JUDGEMENT_NOUNS


def vague_cause(ctx: DocContext, head: Token) -> bool:
    """Rule 'vague-cause': a bare plural measure noun in a phrase of circumstance or cause ("in the wake of US
    sanctions", "amid Western restrictions", "because of sanctions") names the background of the news, not a
    measure the text reports concretely (GUIDE: past measures are events when the text names them concretely):
    no determiner, no phrase of its own (on / against / by ...), no clause, no named entity but a state."""
    if head.tag_ != "NNS" or head.dep_ != "pobj":
        return False
    prep = head.head
    cause = prep.lower_ in M.VAGUE_CAUSE_PREPS or (prep.lower_ == "of" and prep.head.lower_ in ("wake", "face") and
                                                 prep.head.dep_ == "pobj") or (
        prep.lower_ == "of" and prep.head.lower_ == "because") or (prep.lower_ == "to" and prep.head.lower_ == "due")
    if not cause:
        return False
    for c in head.children:
        if c.dep_ in ("det", "prep", "relcl", "acl", "nummod", "poss", "conj") or c.lower_ in ("new", "latest"):
            return False
        sp = ctx.ment(c)
        if sp is not None and sp.label_ not in ("Country", "Bloc"):
            return False
    return True


def motive(ctx: DocContext, head: Token) -> bool:
    """Rule 'motive-incentive': bare incentives that a thing, not a government, gives ("State control gives firms
    strong incentives to follow party goals", "the grip brings incentives for companies to act") are a motive,
    not a subsidy: the object of a verb whose subject is a common noun that names no government, no measure and
    no scheme, with no tax or money word on the incentives."""
    if head.lemma_.lower() != "incentive" or head.dep_ != "dobj":
        return False
    if any(t.lower_ in M.FUNDING_WORDS or t.lower_ in ("tax", "financial", "fiscal", "investment")
           for t in head.lefts if t.i != head.i):
        return False
    subs = [c for c in head.head.children if c.dep_ == "nsubj"]
    return bool(subs) and all(
        s.pos_ == "NOUN" and s.lemma_.lower() not in M.MEASURE_NOUNS | M.LAW_SUBJECTS | M.SCHEME_NOUNS
        | M.REGULATION_HEADS and actor_of_token(ctx, s) in ([], ["__generic__"]) for s in subs)


def foreign_owner(ctx: DocContext, head: Token) -> bool:
    """The noun phrase of ``head`` says the measure is some foreign government's ("foreign subsidies",
    "foreign government-sponsored talent recruitment programmes")."""
    if not ctx.parsed:
        return False
    top = head
    while top.dep_ == "compound" and top.head.i != top.i:
        top = top.head
    return any(c.dep_ == "amod" and c.lower_ == "foreign" for c in top.lefts)
