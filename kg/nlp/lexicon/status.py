"""Status cues, by lemma of the verbs and nouns that govern a trigger (see docs/events.md).

Data: ``kg/nlp/rules/status.yaml``, validated on load.
"""
from __future__ import annotations

from kg.nlp import rules

_WORDS = rules.word_lists("status.yaml", ("revoked", "discussed", "proposed", "announced", "enacted",
                                          "process_past", "ongoing", "historical_phrases", "put_forward",
                                          "background_verbs", "legislature_words", "legislature_votes",
                                          "reporting_verbs", "recent_phrases", "announced_in_force",
                                          "revoked_governors", "revoked_phrasal", "provisional",
                                          "provisional_nouns", "measure_carriers",
                                          "purpose_subjects"))
REVOKED = set(_WORDS["revoked"])
#: words that end a measure whose trigger they govern, not as the trigger ("vetoed the bill")
REVOKED_GOVERNORS = set(_WORDS["revoked_governors"])
#: (lemma, particle) of phrasal verbs that end a measure ("struck down the ban")
REVOKED_PHRASAL = {tuple(w.split()[:2]) for w in _WORDS["revoked_phrasal"] if len(w.split()) == 2}
DISCUSSED = set(_WORDS["discussed"])
PROPOSED = set(_WORDS["proposed"])
ANNOUNCED = set(_WORDS["announced"])
ENACTED = set(_WORDS["enacted"])
#: modifiers of a measure not yet final ("a preliminary agreement", "provisional legislation")
PROVISIONAL = set(_WORDS["provisional"])
PROVISIONAL_NOUNS = set(_WORDS["provisional_nouns"])
#: nouns of an existing measure whose future verbs tell its effect ("the controls will restrict")
MEASURE_CARRIERS = set(_WORDS["measure_carriers"])
#: subjects whose intention verb states a purpose ("the decision aims to prevent ...")
PURPOSE_SUBJECTS = set(_WORDS["purpose_subjects"]) | MEASURE_CARRIERS
#: verbs of processes that are over once done ("ran a review"): past tense alone is Historical
PROCESS_PAST = set(_WORDS["process_past"])
#: cues of ongoing force despite a past date ("took effect in 2023", "since 2023")
ONGOING = set(_WORDS["ongoing"])
HISTORICAL_PHRASES = tuple(_WORDS["historical_phrases"])
#: verbs that put a bill forward for a decision: a law they govern is Proposed ("introduced legislation")
PUT_FORWARD = set(_WORDS["put_forward"])
#: verbs whose object is a measure that existed before the news ("after violating sanctions")
BACKGROUND_VERBS = set(_WORDS["background_verbs"])
#: words that name a legislature (its vote is one step of a law's passage)
LEGISLATURE_WORDS = set(_WORDS["legislature_words"])
LEGISLATURE_VOTES = set(_WORDS["legislature_votes"])
#: verbs that report a clause: a past perfect under them is the report's backshift, not background
REPORTING_VERBS = set(_WORDS["reporting_verbs"])
#: phrases that date a measure in the news's own time ("this year", "in recent weeks")
RECENT_PHRASES = tuple(_WORDS["recent_phrases"])
#: nouns of a prohibition that "announced" puts in force ("announced a ban on ...")
ANNOUNCED_IN_FORCE = set(_WORDS["announced_in_force"])
