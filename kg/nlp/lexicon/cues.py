"""Actor words, precedent / response / analogy cues."""
from __future__ import annotations

#: actor-type entities
ACTOR_TYPES = {"Country", "Bloc", "GovernmentBody"}

#: heads that stand for "the government" of a country the sentence (or document) names
GOVERNMENT_WORDS = {"government", "governments", "authorities", "officials", "ministry", "ministers", "minister",
                    "regulator", "regulators", "watchdog", "cabinet", "parliament", "lawmakers", "legislators",
                    "senators", "prosecutors", "administration", "state", "island", "country", "bloc", "agencies",
                    "department", "commission"}
#: words that make a government word generic ("a government", "other governments")
GENERIC_DETS = {"a", "an", "other", "any", "some", "many", "no", "every", "western", "several"}

PRECEDENT_CUES = ("as a precedent", "as precedent", "citing", "cited", "cites", "points to", "pointed to",
                  "pointing to", "modelled on", "modeled on", "following the example of", "followed the example of",
                  "inspired by", "patterned on", "borrowing from")
RESPONSE_CUES = ("in retaliation for", "in retaliation against", "in response to", "responding to", "in answer to",
                 "answering", "retaliating for", "to retaliate against", "as a countermeasure to", "a response to",
                 "in reply to", "retaliation against", "a reply to", "an answer to", "a riposte to")
#: cues after which the measure named is itself the response ("Its response came in May, when ...")
RESPONSE_LEAD_CUES = ("its response", "their response", "beijing's response", "the response came",
                      "retaliated", "hit back", "struck back", "in retaliation,", "in response,", "its reply",
                      "its answer", "answered with", "responded with", "retaliated with")
#: cues in a sentence (or earlier in its paragraph) that present a measure as a parallel of another
ANALOGY_CUES = ("similar", "comparable", "the same", "mirror", "mirrors", "echo", "echoes", "likewise",
                "follow suit", "followed suit", "other governments", "other countries", "elsewhere",
                "not unprecedented", "before", "too", "latest in", "also", "has taken a similar", "like the")

#: verbs of evaluation: a measure noun in their object ("called the decision an abuse of export controls",
#: "condemned the export controls as bullying") is talked about by the subject, not enacted by it
EVALUATIVE_VERBS = {"call", "describe", "condemn", "criticise", "criticize", "denounce", "slam", "decry", "label",
                    "term", "brand", "characterise", "characterize", "deplore", "blast"}
