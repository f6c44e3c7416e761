"""``kg_gazetteer``: the gazetteer as a span ruler.

Writes every gazetteer match to ``doc.spans["kg_gaz"]`` (label = project entity type, id = the
entry's entity key); overlapping matches are resolved longest-first. The statistical ``ents``
are left untouched: ``kg_entities`` merges both.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.nlp.attrs import GAZ_SPANS, register_extensions
from kg.nlp.gaz import get_gazetteer

register_extensions()


@Language.factory("kg_gazetteer", assigns=[f"doc.spans"], requires=[], retokenizes=False,
                  default_config={"gazetteer": "default"})
def make_gazetteer_ruler(nlp: Language, name: str, gazetteer: str) -> "GazetteerRuler":
    return GazetteerRuler(nlp, name, gazetteer)


class GazetteerRuler:
    def __init__(self, nlp: Language, name: str, gazetteer: str = "default"):
        self.gazetteer_name = gazetteer
        gaz = get_gazetteer(gazetteer)
        self.ruler = SpanRuler(nlp, name=f"{name}_spans", spans_key=GAZ_SPANS, overwrite=True,
                               validate=False)
        patterns = [p for p in gaz.ruler_patterns() if p.get("pattern")]
        self.empty = not patterns
        if patterns:
            self.ruler.add_patterns(patterns)

    def __call__(self, doc: Doc) -> Doc:
        if self.empty:
            doc.spans[GAZ_SPANS] = []
            return doc
        doc = self.ruler(doc)
        doc.spans[GAZ_SPANS] = filter_spans(list(doc.spans[GAZ_SPANS]))
        return doc
