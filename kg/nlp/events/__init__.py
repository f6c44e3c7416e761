"""``kg_events``: policy events (who does what kind of measure to whom, in which sector) from a Doc.

Runs after the entity components. Reads ``doc.spans["kg_mentions"]`` (label_ = entity type,
id_ = entity key) and ``doc._.kg_entities``; sets ``doc._.kg_events`` and ``doc._.kg_analogies``.

How an event is found, in order (each step is a small named rule; the trigger rule's name goes
into ``Evidence.rule``):

1. **triggers** — phrases from :mod:`kg.nlp.lexicon.measures` matched with a spaCy ``Matcher``;
   generic ones ("curbs", "block", "ban") take their kind from the words of their object
   ("curbs on exports" -> ExportControl); "similar constraints" takes the kind of the event it
   is compared with; law nouns need a legislative verb ("passed a bill").
2. **filters** — negated triggers ("is not merely subsidising"), generic subjects ("you can't
   export-control a mental model") and boilerplate lines make no event.
3. **actor** — the governing subject of the trigger's clause (through xcomp/conj chains), a
   passive "by"-agent, a possessor or modifier of the trigger noun ("China's export controls",
   "Dutch measure"), "the government" resolved to a country the sentence or document names;
   pronouns ("it") to the previous actor. Government bodies bring their parent country.
4. **roles** — targets and affected organisations from the trigger's arguments; sectors from cue
   words (:mod:`kg.nlp.lexicon.sectors`) near the trigger, else in the sentence, else the
   document's main sector; status from tense, aspect and modality (:mod:`kg.nlp.lexicon.status`);
   date from :mod:`kg.nlp.dates`.
5. **merging** — one event per (actor, measure, sector): mentions of the same measure by the same
   actor (headline, standfirst, body) are one event; actorless restatements join the event of
   the same measure.
6. **links** — precedents ("points to the X case as a precedent", "modelled on X"), responses
   ("in retaliation for ...": the earlier measure is created if the text names it) and asserted
   analogies (parallels the text draws: "similar constraints", "other governments ...").

Modules, one decision each, in the order they run (each takes the document's
:class:`~kg.nlp.events.context.DocContext` as its first argument):

=====================  ==================================================================
``context``            per-document state; the :class:`Mention` and :class:`EventDraft` drafts
``triggers``           trigger phrases, generic kinds from the object, filters
``mentions``           the mentions of a sentence
``unreported``         trigger words that report no measure
``legislation``        law nouns with a legislative verb or in effect
``constructions``      new bodies, talent, money pledges, mandates, advice (no trigger phrase)
``filling``            a mention's actor, roles, status and date
``actors``             who takes the measure
``governments``        which government a word or phrase stands for
``actor_positions``    where a named government is no actor
``roles``              targets and affected organisations
``sectors``            which sector(s)
``status``             in force, announced, proposed, discussed, revoked, historical
``dating``             the date of a mention
``merge``              which mentions are one event
``links``              precedents, responses, asserted analogies
``records``            drafts -> :class:`kg.models.Event` / :class:`kg.models.Analogy`
``component``          the spaCy factory and the order of the steps above
``syntax``             dependency-tree helpers shared by the rules
=====================  ==================================================================
"""
from __future__ import annotations

from kg.nlp.events.component import EventExtractor, make_events, register_extensions
from kg.nlp.events.context import MENTIONS, DocContext, EventDraft, Mention
from kg.nlp.events.filling import CONFIDENCE

__all__ = ["CONFIDENCE", "MENTIONS", "DocContext", "EventDraft", "EventExtractor", "Mention", "make_events",
           "register_extensions"]
