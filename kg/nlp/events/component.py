"""The ``kg_events`` spaCy component: builds the document's context and runs the rules in order.

Decides only the order: mentions sentence by sentence (carrying the last actor named for pronouns),
then merging, then links, then records. Component-level state is what does not change between
documents (the compiled triggers, the gazetteer); everything per document is in a
:class:`~kg.nlp.events.context.DocContext`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.attrs import span_text
from kg.nlp.events.actors import sentence_subject_actor
from kg.nlp.events.context import Mention, build_context
from kg.nlp.events.links import link_events
from kg.nlp.events.mentions import sentence_mentions
from kg.nlp.events.merge import main_event, merge_mentions
from kg.nlp.events.objects import fill_object_targets
from kg.nlp.events.records import build_records
from kg.nlp.events.status_events import later_effect_events, other_actor_background
from kg.nlp.events.triggers import TriggerIndex

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike


def register_extensions() -> None:
    try:  # the shared attribute registry (kg/nlp/attrs.py), when present
        from kg.nlp.attrs import register_extensions as register_shared

        register_shared()
    except ImportError:  # pragma: no cover - only before the entity components exist
        pass
    for name in ("kg_entities", "kg_relations", "kg_events", "kg_analogies", "kg_dispatch_id", "kg_skip",
                 "kg_dispatch_date"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


@Language.factory("kg_events", assigns=["doc._.kg_events", "doc._.kg_analogies"],
                  requires=["doc.spans", "doc._.kg_entities"], default_config={"gazetteer": "default"})
def make_events(nlp: Language, name: str, gazetteer: str = "default") -> EventExtractor:
    return EventExtractor(nlp, gazetteer=gazetteer)


class EventExtractor:
    """The ``kg_events`` component (see :mod:`kg.nlp.events`)."""

    def __init__(self, nlp: Language, gazetteer: str = "default"):
        self.gazetteer_name = gazetteer
        self._gaz: GazetteerLike | None = None
        self._gaz_tried = False
        self.triggers = TriggerIndex(nlp.vocab)

    @property
    def gaz(self) -> GazetteerLike | None:
        if not self._gaz_tried:
            self._gaz_tried = True
            try:
                from kg.nlp.gazetteer_registry import get_gazetteer

                self._gaz = get_gazetteer(self.gazetteer_name)
            except Exception:  # noqa: BLE001 — no gazetteer: parent/sector look-ups just miss
                self._gaz = None
        return self._gaz

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        if doc._.kg_entities is None:
            doc._.kg_entities = {}
        ctx = build_context(doc, self.gaz, self.triggers)
        skip = doc._.kg_skip or []
        mentions: list[Mention] = []
        last_actors: list[str] = []
        for sent in ctx.sents:
            if any(s <= sent.start_char < e for s, e in skip) or not span_text(sent).strip():
                continue
            found = sentence_mentions(ctx, sent, last_actors)
            for m in found:
                if m.actors:
                    last_actors = m.actors
            subj = sentence_subject_actor(ctx, sent)
            if subj:
                last_actors = subj
            mentions.extend(found)
        events = merge_mentions(ctx, mentions)
        link_events(ctx, mentions, events)
        fill_object_targets(ctx, events)
        other_actor_background(ctx, events, main_event(ctx, events))
        later_effect_events(ctx, events)
        doc._.kg_events, doc._.kg_analogies = build_records(ctx, events)
        return doc
