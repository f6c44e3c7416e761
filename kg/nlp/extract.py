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
from kg.nlp.windows import join_windows, shift_extraction, windows

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

    def __init__(self, model: str | None = None, nlp: Language | None = None, gazetteer: str = "default",
                 rules_only: bool = False):
        from kg.nlp.pipeline import build_pipeline, model_name

        self.nlp = nlp if nlp is not None else build_pipeline(model, gazetteer=gazetteer, rules_only=rules_only)
        self.info = PipelineInfo(version=__version__, model=model or model_name(self.nlp))

    def _doc(self, dispatch: Dispatch, start: int = 0, end: int | None = None) -> Doc:
        text = dispatch.text[start:end] if (start or end is not None) else dispatch.text
        if len(text) >= self.nlp.max_length:
            # the size limit is ingest's (--max-bytes); spaCy's own (1,000,000 characters by
            # default) would otherwise crash on a document ingest accepted
            self.nlp.max_length = len(text) + 1
        doc = self.nlp.make_doc(text)
        doc._.kg_dispatch_id = dispatch.id
        # relative dates ("last year") and the Historical status are judged against publication;
        # an ISO string survives the trip to worker processes
        doc._.kg_dispatch_date = dispatch.date.isoformat() if dispatch.date else None
        return doc

    def extract(self, dispatch: Dispatch) -> Extraction:
        return next(self.extract_many([dispatch]))

    def extract_many(self, dispatches: Iterable[Dispatch], n_process: int = 1,
                     batch_size: int = 32) -> Iterator[Extraction]:
        """Extractions in input order; ``n_process`` > 1 runs the pipeline in worker processes.

        A long dispatch is processed in bounded windows (:mod:`kg.nlp.windows`) whose records are
        joined into one extraction.
        """
        def docs():
            for d in dispatches:
                spans = windows(d.text)
                for i, (a, b) in enumerate(spans):
                    doc = self._doc(d) if len(spans) == 1 else self._doc(d, a, b)
                    yield doc, (d, a, i, len(spans))

        parts: list[Extraction] = []
        for doc, (dispatch, start, i, n) in self.nlp.pipe(docs(), as_tuples=True, n_process=n_process,
                                                           batch_size=batch_size):
            ex = doc_to_extraction(doc, dispatch, self.info)
            if n == 1:
                yield ex
                continue
            parts.append(shift_extraction(ex, start))
            if i == n - 1:
                yield join_windows(parts)
                parts = []
