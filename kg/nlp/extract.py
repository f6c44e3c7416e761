"""Dispatch -> Doc -> :class:`kg.models.Extraction`.

:class:`Extractor` runs the pipeline (:func:`kg.nlp.pipeline.build_pipeline`);
:func:`doc_to_extraction` is the one place a processed Doc becomes records.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.about import __version__
from kg.models import Dispatch, Entity, Extraction, PipelineInfo
from kg.nlp.attrs import register_extensions

register_extensions()


def _used_keys(doc: Doc, entities: dict[str, Entity]) -> set[str]:
    used = {k for k, e in entities.items() if e.mentions}
    for r in doc._.kg_relations or ():
        used.update((r.subject, r.object))
    for ev in doc._.kg_events or ():
        used.update(ev.actors, ev.targets, ev.affects, ev.precedents)
    return used


def doc_to_extraction(doc: Doc, dispatch: Dispatch, pipeline_info: PipelineInfo) -> Extraction:
    """Records from a processed Doc: entities that are mentioned or used, relations, events, analogies.

    Output order is deterministic (sorted by key / (subject, predicate, object)).
    """
    entities: dict[str, Entity] = dict(doc._.kg_entities or {})
    used = _used_keys(doc, entities)
    ents = tuple(entities[k] for k in sorted(entities) if k in used)
    known = {e.key for e in ents}
    event_keys = {ev.key for ev in doc._.kg_events or ()}
    rels = tuple(sorted((r for r in doc._.kg_relations or () if r.subject in known and r.object in known),
                        key=lambda r: (r.subject, r.predicate, r.object)))
    events = tuple(sorted(doc._.kg_events or (), key=lambda e: e.key))
    analogies = tuple(sorted((a for a in doc._.kg_analogies or () if a.a in event_keys | known and
                              a.b in event_keys | known), key=lambda a: (a.a, a.b)))
    return Extraction(dispatch=dispatch, entities=ents, events=events, relations=rels, analogies=analogies,
                      pipeline=pipeline_info)


class Extractor:
    """Extracts records from dispatches with the project's spaCy pipeline."""

    def __init__(self, model: str | None = None, nlp: Language | None = None, gazetteer: str = "default"):
        from kg.nlp.pipeline import build_pipeline, model_name

        self.nlp = nlp if nlp is not None else build_pipeline(model, gazetteer=gazetteer)
        self.info = PipelineInfo(version=__version__, model=model or model_name(self.nlp))

    def _doc(self, dispatch: Dispatch) -> Doc:
        if len(dispatch.text) >= self.nlp.max_length:
            # the size limit is ingest's (--max-bytes); spaCy's own (1,000,000 characters by
            # default) would otherwise crash on a document ingest accepted
            self.nlp.max_length = len(dispatch.text) + 1
        doc = self.nlp.make_doc(dispatch.text)
        doc._.kg_dispatch_id = dispatch.id
        # relative dates ("last year") and the Historical status are judged against publication;
        # an ISO string survives the trip to worker processes
        doc._.kg_dispatch_date = dispatch.date.isoformat() if dispatch.date else None
        return doc

    def extract(self, dispatch: Dispatch) -> Extraction:
        doc = self.nlp(self._doc(dispatch))
        return doc_to_extraction(doc, dispatch, self.info)

    def extract_many(self, dispatches: Iterable[Dispatch], n_process: int = 1,
                     batch_size: int = 32) -> Iterator[Extraction]:
        """Extractions in input order; ``n_process`` > 1 runs the pipeline in worker processes."""
        pairs = ((self._doc(d), d) for d in dispatches)
        for doc, dispatch in self.nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
            yield doc_to_extraction(doc, dispatch, self.info)
