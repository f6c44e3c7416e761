"""Modality: what the trigger's own clause says about whether and when a measure holds.

Decides, for :mod:`kg.nlp.events.status`, from the clause's grammar rather than its words: which
auxiliaries date the measure (rule 'modal-scope'), an open question ("whether ..."), a verb that ends
the measure it governs ("struck down", "vetoed the bill"), a counterfactual ("would have amended"), a
clause told by a reporting verb, and a law put forward in an earlier year. Each function takes the
trigger's governors (the trigger first, then the words above it).
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.nlp import dates as kdates
from kg.nlp.events.context import DocContext, Mention
from kg.nlp.events.syntax import clause_text
from kg.nlp.lexicon import status as ST


def clause_auxes(gov: list[Token]) -> set[str]:
    """Rule 'modal-scope': the auxiliaries of the trigger's own clause — its verbs up to the first
    finite one (an infinitive or participle chain "plans to ban", "will seek to ban" goes on to the verb
    that governs it). A modal of another clause does not date the measure: in "the bank's offices will
    be closed, while 20 people were added to the visa-ban list", "will" is not the list's."""
    aux: set[str] = set()
    for t in gov:
        if t.pos_ not in ("VERB", "AUX"):
            continue
        auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
        aux |= {c.lower_ for c in auxes}
        if (any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) or
                t.tag_ in ("VBD", "VBZ", "VBP") or any(c.tag_ != "TO" for c in auxes)):
            break
    return aux


def open_question(gov: list[Token]) -> bool:
    """Rule 'whether-clause': a measure inside a clause opened by "whether" is a question still open
    ("will determine whether it is in the EU's interest to impose duties", "is deciding whether to ban"):
    considered, no decision (GUIDE: Discussed)."""
    return any(t.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "whether" for c in t.children)
               for t in gov[:8])


def ends_measure(gov: list[Token]) -> bool:
    """Rule 'revoking-governor': a verb that ends the measure its trigger names, when it governs the
    trigger ("the court struck down the ban", "the governor vetoed the bill", "dropped the complaint",
    "postponed a plan to require filters"; `revoked_governors`, `revoked_phrasal` in status.yaml) —
    not the trigger itself ("vetoed the takeover" is the veto)."""
    for t in gov[1:4]:
        if t.pos_ not in ("VERB", "AUX"):
            continue
        lem = t.lemma_.lower()
        if lem in ST.REVOKED_GOVERNORS or any((lem, c.lower_) in ST.REVOKED_PHRASAL for c in t.children
                                              if c.dep_ == "prt"):
            return True
    return False


def counterfactual(gov: list[Token]) -> bool:
    """Rule 'counterfactual': a measure told with "would have" + participle on its own verb did not come
    about ("the bill would have amended the Telecommunications Act", "a bill that would have established
    requirements", then vetoed or lapsed): the text reports it as ended (GUIDE: Revoked)."""
    i = next((k for k, t in enumerate(gov) if t.pos_ in ("VERB", "AUX")), None)
    if i is None or gov[i].tag_ != "VBN" or i > 0 and gov[i - 1].dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False  # the measure is the verb, its subject or its object, not an adjunct ("without the ruling")
    verb = gov[i]
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return "would" in auxes and "have" in auxes


def reported(gov: list[Token]) -> bool:
    """The trigger's clause completes a reporting verb ("the regulator announced that it had conducted a
    security check"): the report is the news, its tense shifted back — a finished process so reported is not
    background (rule 'process-past')."""
    last = gov[-1] if gov else None
    return last is not None and last.dep_ in ("ccomp", "parataxis") and last.head.lemma_.lower() in ST.REPORTING_VERBS


def past_year(ctx: DocContext, m: Mention, gov: list[Token]) -> bool:
    """Rule 'put-forward' exception: a law put forward in a year before the dispatch's, in the past tense
    ("China introduced an export control law in 2020"), is no bill awaiting a decision: it is the past
    measure the text cites (the past-date test decides)."""
    verb = next((t for t in gov if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ != "VBD" or ctx.ref_date is None:
        return False
    years = [int(d.iso[:4]) for d in kdates.find_dates(clause_text(ctx, m), ctx.ref_date)
             if d.kind in ("year", "month", "day") and d.iso and d.iso[:4].isdigit()]
    return bool(years) and max(years) < ctx.ref_date.year


def provisional(gov: list[Token]) -> bool:
    """Rule 'provisional': the measure, or a noun that carries it ("reached a preliminary agreement to
    provide funding", "approved provisional AI legislation"), is a text that needs a final step
    (`provisional_nouns`) modified by a word that says it is not final (`provisional` in status.yaml):
    declared, not in force (GUIDE: Announced). "Provisional duties" are applied."""
    for t in gov[:5]:
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in ST.PROVISIONAL_NOUNS and any(
                not_final(c) for c in t.children):
            return True
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("xcomp", "acl", "relcl"):
            return False
    return False


def measure_effect(gov: list[Token]) -> bool:
    """Rule 'measure-effect': the trigger is a verb whose subject is a measure that exists ("the export
    controls will restrict Russia's access"), a relative clause on such a measure ("issued new guidelines
    that will phase out US chips"), or a passive under one ("will be phased out under new guidelines"): its
    future tells what the measure does, not that the measure is still to come (`measure_carriers`)."""
    verb = gov[0] if gov and gov[0].pos_ in ("VERB", "AUX") else None
    if verb is None:
        return False
    nouns = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl":
        nouns.append(verb.head)
    nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "under" for p in c.children
              if p.dep_ == "pobj"]
    return any(n.lemma_.lower() in ST.MEASURE_CARRIERS or n.lower_ in ST.MEASURE_CARRIERS for n in nouns)


def measure_purpose(verb: Token) -> bool:
    """Rule 'measure-purpose': an intention verb whose subject is a measure or the decision that takes it ("the
    regulator's decision aims to prevent data transfers", "the rules intend to protect users") states the
    measure's purpose; it announces nothing (`purpose_subjects`, `measure_carriers`)."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in ST.PURPOSE_SUBJECTS for c in verb.children)


def not_final(mod: Token) -> bool:
    """A modifier of rule 'provisional' ("preliminary", or "non-binding and preliminary")."""
    return mod.dep_ in ("amod", "conj") and mod.lower_ in ST.PROVISIONAL or \
        mod.dep_ == "amod" and any(x.lower_ in ST.PROVISIONAL for x in mod.conjuncts)


def unrealised(verb: Token) -> bool:
    """Rule 'without-lifting': a revoking verb that is negated or follows "without" ("held the licence sale without
    lifting the ban", "did not lift the ban") revokes nothing: the measure stays in force."""
    return any(c.dep_ == "neg" for c in verb.children) or (
        verb.dep_ == "pcomp" and verb.head.lower_ == "without")
