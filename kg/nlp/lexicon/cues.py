"""Actor words, precedent / response / analogy cues.

Data: ``kg/nlp/rules/cues.yaml``, validated on load. Cue phrases are tried in file order.
"""
from __future__ import annotations

from kg.nlp import rules

_WORDS = rules.word_lists("cues.yaml", ("actor_types", "government_words", "generic_dets", "precedent_cues",
                                        "response_cues", "response_lead_cues", "analogy_cues", "evaluative_verbs",
                                        "legal_basis_cues", "sentence_analogy_cues", "undergo_verbs",
                                        "member_cues", "member_nouns", "reason_precedent_cues"))
#: actor-type entities
ACTOR_TYPES = set(_WORDS["actor_types"])
#: heads that stand for "the government" of a country the sentence (or document) names
GOVERNMENT_WORDS = set(_WORDS["government_words"])
#: words that make a government word generic ("a government", "other governments")
GENERIC_DETS = set(_WORDS["generic_dets"])
PRECEDENT_CUES = tuple(_WORDS["precedent_cues"])
#: precedent cues that give a reason: only a named law or case after them is a precedent
REASON_PRECEDENT_CUES = set(_WORDS["reason_precedent_cues"])
#: words just before a named law that make it the measure's legal basis ("under the Digital Markets
#: Act", "pursuant to the Cybersecurity Law", "violated the Sherman Act")
LEGAL_BASIS_CUES = tuple(_WORDS["legal_basis_cues"])
RESPONSE_CUES = tuple(_WORDS["response_cues"])
#: cues after which the measure named is itself the response ("Its response came in May, when ...")
RESPONSE_LEAD_CUES = tuple(_WORDS["response_lead_cues"])
#: cues in a sentence (or earlier in its paragraph) that present a measure as a parallel of another
ANALOGY_CUES = tuple(_WORDS["analogy_cues"])
#: rule 'sentence-analogy': cues that make the measures of one sentence parallels of each other
SENTENCE_ANALOGY_CUES = tuple(_WORDS["sentence_analogy_cues"])
#: rule 'undergo-subject': the subject of these verbs is hit by the measure in their object, not its actor
UNDERGO_VERBS = set(_WORDS["undergo_verbs"])
#: verbs of evaluation: a measure noun in their object is talked about by the subject, not enacted by it
EVALUATIVE_VERBS = set(_WORDS["evaluative_verbs"])
#: rule 'member-sentence': words that list the members of a group ("Those sanctioned include ...")
MEMBER_CUES = tuple(_WORDS["member_cues"])
#: rule 'member-sentence': lemmas of the group nouns such a list speaks of
MEMBER_NOUNS = set(_WORDS["member_nouns"])
