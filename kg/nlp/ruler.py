"""``kg_gazetteer``: the gazetteer as a span ruler.

Writes every gazetteer match to ``doc.spans["kg_gaz"]`` (label = project entity type, id = the
entry's entity key); overlapping matches are resolved longest-first. The statistical ``ents``
are left untouched: ``kg_entities`` merges both.

The gazetteer gives token patterns (``{"LOWER": ...}`` or ``{"ORTH": ...}`` per token). Patterns
that use one such attribute throughout are compiled into two :class:`spacy.matcher.PhraseMatcher`
objects (one case-insensitive, one exact) — one pass over the doc whatever the gazetteer size, an
order of magnitude faster than a token Matcher with thousands of patterns. Any other pattern goes
to a :class:`spacy.pipeline.SpanRuler`.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.nlp.attrs import GAZ_SPANS, register_extensions
from kg.nlp.gazetteer_registry import get_gazetteer

register_extensions()


@Language.factory("kg_gazetteer", assigns=["doc.spans"], requires=[], retokenizes=False,
                  default_config={"gazetteer": "default"})
def make_gazetteer_ruler(nlp: Language, name: str, gazetteer: str) -> "GazetteerRuler":
    return GazetteerRuler(nlp, name, gazetteer)


def _phrase_attr(pattern: list[dict]) -> str | None:
    attrs = {k for tok in pattern for k in tok}
    if len(attrs) == 1 and all(isinstance(v, str) for tok in pattern for v in tok.values()):
        a = attrs.pop()
        return a if a in ("LOWER", "ORTH") else None
    return None


class GazetteerRuler:
    def __init__(self, nlp: Language, name: str, gazetteer: str = "default"):
        self.gazetteer_name = gazetteer
        gaz = get_gazetteer(gazetteer)
        self.matchers = {"LOWER": PhraseMatcher(nlp.vocab, attr="LOWER"),
                         "ORTH": PhraseMatcher(nlp.vocab, attr="ORTH")}
        self.labels: dict[str, tuple[str, str]] = {}  # match key -> (label, id)
        others: list[dict] = []
        phrases: dict[tuple[str, str], list[Doc]] = {}
        for p in gaz.ruler_patterns():
            pat = p.get("pattern")
            if not pat:
                continue
            attr = _phrase_attr(pat) if isinstance(pat, list) else None
            if attr is None:
                others.append(p)
                continue
            words = [next(iter(tok.values())) for tok in pat]
            key = f"{p['label']}|{p.get('id', '')}"
            self.labels[key] = (p["label"], p.get("id", ""))
            phrases.setdefault((attr, key), []).append(Doc(nlp.vocab, words=words))
        for (attr, key), docs in sorted(phrases.items()):
            self.matchers[attr].add(key, docs)
        self.ruler = None
        if others:
            self.ruler = SpanRuler(nlp, name=f"{name}_spans", spans_key=GAZ_SPANS, overwrite=True, validate=False)
            self.ruler.add_patterns(others)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        if self.ruler is not None:
            doc = self.ruler(doc)
            spans.extend(doc.spans[GAZ_SPANS])
        for matcher in self.matchers.values():
            if not len(matcher):
                continue
            for match_id, start, end in matcher(doc):
                label, id_ = self.labels[doc.vocab.strings[match_id]]
                sp = Span(doc, start, end, label=label)
                sp.id_ = id_
                spans.append(sp)
        spans.sort(key=lambda s: (s.start, -s.end, s.label_, s.id_))
        doc.spans[GAZ_SPANS] = filter_spans(spans)
        return doc
