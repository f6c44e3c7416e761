"""Measure triggers. Each rule: (name, measure, phrase). The name goes into Evidence.rule.

The tables are data: ``kg/nlp/rules/triggers.yaml`` (triggers, object cues) and
``kg/nlp/rules/measure_words.yaml`` (word sets), validated on load.

A measure of ``None`` marks a *generic* trigger ("restrictions", "curbs", "block"): its kind comes
from the words of its object (:data:`OBJECT_CUES`), or from the event it is compared with
("similar curbs"); unresolved, it makes no event.
"""
from __future__ import annotations

from kg.models import MEASURES
from kg.nlp import rules

#: (rule name, measure or None for a generic trigger, phrase), from kg/nlp/rules/triggers.yaml
TRIGGERS: list[tuple[str, str | None, str]]
#: a generic trigger (or a "similar ..." noun) takes its kind from these words in its object
OBJECT_CUES: list[tuple[str, tuple[str, ...]]]
#: trigger rows read only in precedent questions (kg.precedents.cues), never by extraction
QUESTION_TRIGGERS: list[tuple[str, str | None, str]]
TRIGGERS, OBJECT_CUES, QUESTION_TRIGGERS = rules.triggers(MEASURES)

_WORDS = rules.word_lists("measure_words.yaml", (
    "legislative_verbs", "law_nouns", "draft_words", "sponsor_verbs", "law_subjects", "effect_verbs",
    "regulation_heads", "assessment_nouns", "conduct_verbs", "assess_verbs",
    "designate_verbs", "threat_nouns", "vague_cause_preps", "permission_nouns", "call_verbs",
    "judgement_nouns",
    "ship_verbs", "challenge_objects", "challenge_forums",
    "talent_verbs", "talent_nouns", "mandate_verbs", "agreement_verbs", "consensus_adj",
    "other_create_verbs", "other_create_objects", "anaphors", "similar_adj", "similar_nouns", "body_nouns",
    "measure_nouns", "giving_verbs", "affect_preps", "companyish", "circumstance_preps", "list_preps", "host_preps",
    "reason_preps", "reason_over", "reason_nouns", "sale_words", "export_words", "abroad_words", "use_words",
    "home_ban_goods", "except_words", "list_nouns", "name_types",
    "regulation_investment", "regulation_export", "regulation_data", "regulate_modifier_deps", "generic_rule_adj",
    "basis_cues", "implement_verbs", "penalty_words",
    "attract_verbs", "scheme_nouns", "funding_words", "purpose_nouns", "alleged_words", "cut_nouns",
    "compliance_words", "provision_verbs", "currency_words", "descriptor_nouns", "staff_nouns",
    "advice_verbs", "advice_stop_verbs", "advice_use_verbs", "example_preps",
    "look_back_adverbs", "data_authority_words",
    "court_words", "aim_preps", "condition_marks", "cause_heads", "blame_preps", "control_verbs", "time_marks",
    "goods_words", "challenge_nouns", "revoking_nouns", "rule_issue_verbs", "rule_self_nouns", "ability_nouns",
    "acquire_verbs", "price_nouns", "aim_on_preps", "mandate_data_verbs", "acquire_firm_verbs", "bar_from_verbs",
    "gerund_control_preps", "power_nouns"))
#: rule 'foreign-access': a country's ability to get goods ("restricting China's ability to acquire chips")
ABILITY_NOUNS = set(_WORDS["ability_nouns"])
#: rule 'verb-on': "unveiled new curbs on chip exports" — the phrase the parser hangs on the verb
AIM_ON_PREPS = set(_WORDS["aim_on_preps"])
ACQUIRE_VERBS = set(_WORDS["acquire_verbs"])
#: rule 'firm-bought': buying a firm is an investment ("blocked X from buying a German firm")
ACQUIRE_FIRM_VERBS = set(_WORDS["acquire_firm_verbs"])
#: rule 'rules-noun': verbs that issue or change rules; nouns that are an executive instrument by themselves
RULE_ISSUE_VERBS = set(_WORDS["rule_issue_verbs"])
RULE_SELF_NOUNS = set(_WORDS["rule_self_nouns"])
#: verbs that turn a law-like noun (bill, law, act) or a Legislation mention into a Legislation event
LEGISLATIVE_VERBS = set(_WORDS["legislative_verbs"])
LAW_NOUNS = set(_WORDS["law_nouns"])
DRAFT_WORDS = set(_WORDS["draft_words"])
SPONSOR_VERBS = set(_WORDS["sponsor_verbs"])
ASSESSMENT_NOUNS = set(_WORDS["assessment_nouns"])
CONDUCT_VERBS = set(_WORDS["conduct_verbs"])
ASSESS_VERBS = set(_WORDS["assess_verbs"])
DESIGNATE_VERBS = set(_WORDS["designate_verbs"])
THREAT_NOUNS = set(_WORDS["threat_nouns"])
VAGUE_CAUSE_PREPS = set(_WORDS["vague_cause_preps"])
PERMISSION_NOUNS = set(_WORDS["permission_nouns"])
CALL_VERBS = set(_WORDS["call_verbs"])
JUDGEMENT_NOUNS = set(_WORDS["judgement_nouns"])
#: "the legislation, which will take effect in November": verbs before effect/force
EFFECT_VERBS = set(_WORDS["effect_verbs"])
#: rule 'rule-name': a named law headed by one of these is a Regulation
REGULATION_HEADS = set(_WORDS["regulation_heads"])
#: rule 'law-subject': a law that is the subject of a measure verb takes the actor of the text before it
LAW_SUBJECTS = set(_WORDS["law_subjects"])
#: verbs of delivery: in "licences for X to ship chips to Y", Y (after "to") is the recipient
SHIP_VERBS = set(_WORDS["ship_verbs"])
#: "challenged the ban at the WTO": a challenge is legal action only against a measure or before a forum
CHALLENGE_OBJECTS = set(_WORDS["challenge_objects"])
CHALLENGE_FORUMS = set(_WORDS["challenge_forums"])
#: "wants to train 50,000 semiconductor engineers" -> TalentProgram on the group trained
TALENT_VERBS = set(_WORDS["talent_verbs"])
TALENT_NOUNS = set(_WORDS["talent_nouns"])
#: rules 'attract-talent', 'talent-fund': "aims to attract top researchers" -> TalentProgram
ATTRACT_VERBS = set(_WORDS["attract_verbs"])
SCHEME_NOUNS = set(_WORDS["scheme_nouns"])
#: rule 'funding-agreement': an agreement to give money is the Subsidy it settles
FUNDING_WORDS = set(_WORDS["funding_words"])
#: verbs that make "deal" an Agreement (a deal one signs, not a deal one buys)
AGREEMENT_VERBS = set(_WORDS["agreement_verbs"])
#: rule 'mandate': a government forcing people to do something is a Regulation
MANDATE_VERBS = set(_WORDS["mandate_verbs"])
MANDATE_DATA_VERBS = set(_WORDS["mandate_data_verbs"])
#: rule 'consensus': "unanimous agreement" is consent, not a pact
CONSENSUS_ADJ = set(_WORDS["consensus_adj"])
#: "set up an institute" -> Other (new bodies)
OTHER_CREATE_VERBS = set(_WORDS["other_create_verbs"])
OTHER_CREATE_OBJECTS = set(_WORDS["other_create_objects"])
#: nouns that refer back to a measure already reported ("the move", "the policy")
ANAPHORS = set(_WORDS["anaphors"])
#: "similar/comparable ..." nouns that stand for the measure they are compared with
SIMILAR_ADJ = set(_WORDS["similar_adj"])
SIMILAR_NOUNS = set(_WORDS["similar_nouns"])
#: rule 'subject-list': "the European Union's executive branch" in a list of actors stands for its owner
BODY_NOUNS = set(_WORDS["body_nouns"])
#: subject nouns that stand for the measure of the previous sentence's actor ("The package also bans ...")
MEASURE_NOUNS = set(_WORDS["measure_nouns"])
#: verbs that make a "funding" noun a subsidy ("announced funding"; "projects that receive funding" is none)
GIVING_VERBS = set(_WORDS["giving_verbs"])
#: prepositions whose object is affected by a measure rather than targeted
AFFECT_PREPS = set(_WORDS["affect_preps"])
#: nouns that stand for a company ("the firm", "the chipmaker")
COMPANYISH = set(_WORDS["companyish"])
#: prepositions of circumstance: their phrase is neither the object nor the topic of a trigger
CIRCUMSTANCE_PREPS = set(_WORDS["circumstance_preps"])
#: rule 'purpose-phrase': "in a bid to ..." states a purpose, not an object
PURPOSE_NOUNS = set(_WORDS["purpose_nouns"])
#: rules 'alleged-subsidy', 'cut-funding', 'compliance', 'penalty-provision': measure words that report no measure
ALLEGED_WORDS = set(_WORDS["alleged_words"])
CUT_NOUNS = set(_WORDS["cut_nouns"])
COMPLIANCE_WORDS = set(_WORDS["compliance_words"])
PROVISION_VERBS = set(_WORDS["provision_verbs"])
#: rule 'money-pledge': a giving verb whose object names a currency
CURRENCY_WORDS = set(_WORDS["currency_words"])
#: rule 'money-kind': a sum that is a price or payment ("a $100,000 charge", "a $360 million deal") is no subsidy
PRICE_NOUNS = set(_WORDS["price_nouns"])
#: a trigger after one of these prepositions of the clause verb shares the verb's arguments: "SMIC was
#: added to the Entity List", "placed Huawei on the list", "put the firms under sanctions"
LIST_PREPS = set(_WORDS["list_preps"])
#: "adding Huawei and 70 affiliates to its Entity List" with the list phrase parsed on the object noun
HOST_PREPS = set(_WORDS["host_preps"])
#: rule 'reason-clause': "fined Meta for transferring data to the US" — a country in the reason is no target
REASON_PREPS = set(_WORDS["reason_preps"])
#: rule 'reason-over': a reason phrase does not choose the kind of a measure
REASON_OVER = set(_WORDS["reason_over"])
REASON_NOUNS = set(_WORDS["reason_nouns"])
#: rule 'sales-ban': a ban on sales is a Ban unless its clause sends the goods abroad
SALE_WORDS = set(_WORDS["sale_words"])
EXPORT_WORDS = set(_WORDS["export_words"])
ABROAD_WORDS = set(_WORDS["abroad_words"])
#: rules 'ban-use', 'ban-equipment': a Ban on use, or on bare equipment, at home stays a Ban
USE_WORDS = set(_WORDS["use_words"])
#: rule 'except-place': "banned in X but not in Y", "except in Y": Y takes no measure
EXCEPT_WORDS = set(_WORDS["except_words"])
#: rule 'remove-kit': "removed X from the list" is no ban
LIST_NOUNS = set(_WORDS["list_nouns"])
BAR_FROM_VERBS = set(_WORDS["bar_from_verbs"])
GERUND_CONTROL_PREPS = set(_WORDS["gerund_control_preps"])
POWER_NOUNS = set(_WORDS["power_nouns"])
HOME_BAN_GOODS = set(_WORDS["home_ban_goods"])
#: rule 'inside-name': a trigger inside the name of one of these is part of the name, not a measure
NAME_TYPES = set(_WORDS["name_types"])
#: rule 'regulation-kind': a regulation whose own phrase names investment or exports is of that kind
#: rule 'penalty-sanction': "sanctions" beside these words are a regulator's penalty (LegalAction)
PENALTY_WORDS = set(_WORDS["penalty_words"])
REGULATION_KINDS = [("InvestmentRestriction", set(_WORDS["regulation_investment"])),
                    ("ExportControl", set(_WORDS["regulation_export"])),
                    ("DataRestriction", set(_WORDS["regulation_data"]))]
#: rule 'regulate-modifier': dependency labels of a "regulate" form that only describes a noun
REGULATE_MODIFIER_DEPS = set(_WORDS["regulate_modifier_deps"])
#: rule 'generic-rules': "existing regulations" are the rules in place, not a measure
GENERIC_RULE_ADJ = set(_WORDS["generic_rule_adj"])
#: rule 'basis-not-measure': "subject to regulations" names the frame of another measure
BASIS_CUES = tuple(_WORDS["basis_cues"])
#: rule 'implemented-basis': "the rule implements an executive order" -> the order is the rule's basis
IMPLEMENT_VERBS = set(_WORDS["implement_verbs"])


def compile_phrase(phrase: str) -> list[dict]:
    """'export|exports -? controls' -> spaCy Matcher token patterns.

    spaCy splits hyphenated words ("low-interest" -> low, -, interest): a hyphenated token without
    alternatives becomes three tokens; hyphenated alternatives inside ``a|b`` are matched only when
    the tokenizer keeps them whole.
    """
    pattern = []
    toks = []
    for tok in phrase.split():
        if "-" in tok and "|" not in tok and tok not in ("-", "-?") and not tok.endswith("?"):
            a, b = tok.split("-", 1)
            toks += [a, "-", b]
        elif "|" in tok and any("-" in x and x != "-" for x in tok.rstrip("?").split("|")):
            alts = tok.rstrip("?").split("|")
            plain = [x for x in alts if "-" not in x]
            tok = "|".join(plain or alts) + ("?" if tok.endswith("?") else "")
            toks.append(tok)
        else:
            toks.append(tok)
    for tok in toks:
        op = None
        if tok.endswith("?") and len(tok) > 1:
            tok, op = tok[:-1], "?"
        spec: dict = {"LOWER": {"IN": tok.split("|")}} if "|" in tok else {"LOWER": tok}
        if op:
            spec["OP"] = op
        pattern.append(spec)
    return pattern
#: rule 'owner-descriptor': nouns that describe a named company by what it owns or makes
DESCRIPTOR_NOUNS = set(_WORDS["descriptor_nouns"])
#: rule 'staff-cue': nouns of staff; a sector word on them names users, not the measure's sector
STAFF_NOUNS = set(_WORDS["staff_nouns"])
#: rule 'advise-against': a government advising people against using or buying something reports a Ban
ADVICE_VERBS = set(_WORDS["advice_verbs"])
ADVICE_STOP_VERBS = set(_WORDS["advice_stop_verbs"])
ADVICE_USE_VERBS = set(_WORDS["advice_use_verbs"])
#: rule 'named-examples': "several regulators, including X": the examples of a generic government word act
EXAMPLE_PREPS = set(_WORDS["example_preps"])
#: rule 'earlier-dated': a dated mention in a sentence opening with one of these is another, older measure
LOOK_BACK_ADVERBS = set(_WORDS["look_back_adverbs"])
#: rule 'data-authority': a ban or bar imposed by a body these words name is a DataRestriction
DATA_AUTHORITY_WORDS = tuple(_WORDS["data_authority_words"])
#: rule 'court-order': a ban or rule whose actor is named by one of these words is a LegalAction
COURT_WORDS = set(_WORDS["court_words"])
#: rule 'aim-owner': a state inside the object of one of these prepositions is aimed at, not acting
AIM_PREPS = set(_WORDS["aim_preps"])
#: rule 'hypothetical': a measure in a clause these words open is a condition, not a measure taken
CONDITION_MARKS = set(_WORDS["condition_marks"])
#: rule 'cause-phrase': "due to / because of the ban": the words before to / of that make a cause phrase
CAUSE_HEADS = set(_WORDS["cause_heads"])
#: rule 'blamed-for': the preposition joining a blaming verb to a measure gerund ("criticised X for banning")
BLAME_PREPS = set(_WORDS["blame_preps"])
#: rule 'object-control': "persuaded X to ban": the object of these verbs takes the measure
CONTROL_VERBS = set(_WORDS["control_verbs"])
#: rule 'time-clause-passive': the words that open a time clause ("when visas were suspended")
TIME_MARKS = set(_WORDS["time_marks"])
#: rule 'foreign-access': goods whose access a country is denied (an ExportControl)
GOODS_WORDS = set(_WORDS["goods_words"])
#: rule 'challenged-measure': a measure a complaint is against is not the complainant's
CHALLENGE_NOUNS = set(_WORDS["challenge_nouns"])
#: rule 'revoked-other': nouns of a revocation ("the lifting of the restrictions")
REVOKING_NOUNS = set(_WORDS["revoking_nouns"])
