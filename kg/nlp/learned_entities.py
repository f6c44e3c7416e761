"""The learned entity recogniser: a small spaCy ``ner`` over the ten entity classes, merged under the rules.

The spaCy component ``kg_learned_entities`` runs after ``kg_gazetteer`` and before ``kg_entities``.
It runs the recogniser trained on the annotated corpus (:mod:`kg.nlp.training`; its input is the
statistical model's token vectors, ``doc.tensor``, plus a small hashed word embedding, see
:func:`kg.nlp.learned_arch.build_doc_tensor_tok2vec`) on a copy of the document's tokens and keeps
its spans in ``doc.spans["kg_learned_ents"]`` (label = one of the ten classes).

``kg_entities`` ranks every source's candidates and keeps the best per token range
(:mod:`kg.nlp.entities.component`); :func:`merge_learned` is its one hook. In ``mode="combined"``
the model's spans join with rank :data:`RANK`, below every other source (gazetteer, name rules,
the re-typed statistical NER): the model only adds names on tokens nothing else claimed. A model
span the gazetteer knows takes the gazetteer's key, name and type. Measured, not shipped:
``mode="model"`` keeps only the model's spans; ``mode="confirm"`` adds none and drops the
statistical NER's names the model does not also tag.

The weights would be package data (``kg/nlp/weights/entities``): on dev cross-validation every
combination scored below the rules (docs/extraction.md, "The entity recogniser"), so none are
committed and the pipeline leaves the component out; ``python -m kg.nlp.training.train --only
entities`` installs them. ``kg extract --rules-only`` always leaves it out. The same input and
weights give byte-identical output.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from kg.nlp.attrs import register_extensions

#: the component's name in the pipeline and its factory
NAME = "kg_learned_entities"
#: the span group the component writes
SPANS = "kg_learned_ents"
#: the recogniser's folder inside the package
WEIGHTS_PARTS = ("weights", "entities")
#: rank of a model span among the entity candidates (gazetteer 3, name rules 2-3, statistical NER 1)
RANK = 0.5
#: confidence of a model span the gazetteer does not know
CONFIDENCE = 0.55
#: the Evidence.rule of a model span
RULE = "learned:ner"

register_extensions()


def weights_path() -> Path:
    """The packaged entity recogniser (a spaCy pipeline folder)."""
    return Path(str(resources.files("kg.nlp").joinpath(*WEIGHTS_PARTS)))


def weights_available(path: Path | None = None) -> bool:
    return ((Path(path) if path else weights_path()) / "config.cfg").is_file()


@Language.factory(NAME, assigns=["doc.spans"], requires=["doc.tensor"],
                  default_config={"weights": "", "mode": "combined", "rank": RANK})
def make_learned_entities(nlp: Language, name: str, weights: str = "", mode: str = "combined",
                          rank: float = RANK) -> LearnedEntities:
    return LearnedEntities(nlp, weights=weights or None, mode=mode, rank=rank)


class LearnedEntities:
    """The ``kg_learned_entities`` component (see the module docstring)."""

    def __init__(self, nlp: Language, weights: str | Path | None = None, mode: str = "combined", rank: float = RANK):
        import spacy

        import kg.nlp.learned_arch  # noqa: F401 — registers the architecture the weights name

        if mode not in ("combined", "model", "confirm"):
            raise ValueError(f"mode must be combined, model or confirm, not {mode!r}")
        del nlp  # the recogniser has its own vocabulary; the host's is not needed
        self.mode, self.rank = mode, rank
        self.path = Path(weights) if weights else weights_path()
        ner_nlp = spacy.load(self.path)
        ner: Any = ner_nlp.get_pipe("ner")
        self.ner = ner
        self.vocab = ner_nlp.vocab

    def spans(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start token, end token, class) of the recogniser's entities in ``doc``."""
        from kg.nlp.learned_arch import TENSOR

        if not len(doc):
            return []
        copy = Doc(self.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        t = doc.tensor
        if t is not None and t.size and t.shape[0] == len(doc):
            copy.user_data[TENSOR] = t
        self.ner(copy)
        return [(e.start, e.end, e.label_) for e in copy.ents]

    def __call__(self, doc: Doc) -> Doc:
        found = [Span(doc, s, e, label=lab) for s, e, lab in self.spans(doc)]
        doc.spans[SPANS] = SpanGroup(doc, name=SPANS, attrs={"mode": self.mode, "rank": self.rank}, spans=found)
        return doc


def merge_learned(gaz, doc: Doc, ranked: list) -> list:
    """``kg_entities``' ranked candidates with the recogniser's spans added (``combined``: at rank
    :data:`RANK`, so any overlapping candidate of another source wins) or instead of them (``model``).
    Without the component (``--rules-only``) the list is returned unchanged."""
    if SPANS not in doc.spans:
        return ranked
    group = doc.spans[SPANS]
    mode, rank = group.attrs.get("mode", "combined"), float(group.attrs.get("rank", RANK))
    if mode == "confirm":  # measured, not shipped: statistical-NER names the model does not also tag are dropped
        tagged = {i for sp in group for i in range(sp.start, sp.end)}
        return [(p, c) for p, c in ranked if not (c[2].rule.startswith("ner:") and not c[2].key
                                                   and not any(i in tagged for i in range(c[0], c[1])))]
    cands = [(3.0 if mode == "model" else rank, c) for c in learned_candidates(gaz, doc, list(group))]
    return cands if mode == "model" else ranked + cands


def learned_candidates(gaz, doc: Doc, spans: list[Span]) -> list:
    """(start, end, Mention) for each model span: determiners trimmed, names that are never entities
    (outlets, "AI", "government") dropped, the gazetteer's entry where it knows the name."""
    from kg.link.clusters import Mention, clean
    from kg.nlp.entities.sources import entry_mention
    from kg.nlp.entities.words import NEVER, OUTLETS

    out = []
    for sp in spans:
        label = sp.label_
        while len(sp) > 1 and sp[0].lower_ in ("the", "a", "an"):
            sp = doc[sp.start + 1:sp.end]
        text = clean(sp.text)
        low = text.lower()
        if not text or low in NEVER or low in OUTLETS or not any(c.isalpha() for c in text):
            continue
        entry = gaz.lookup(sp.text) if gaz is not None else None
        if entry is not None:
            out.append((sp.start, sp.end, entry_mention(sp, entry, RULE, CONFIDENCE)))
        else:
            out.append((sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, label, RULE, CONFIDENCE)))
    return out
