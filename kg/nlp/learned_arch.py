"""The measure classifier's model architecture and training reader (registered with spaCy).

A sentence is represented by what the statistical model already computed for it: the mean and the
maximum of its tokens' ``doc.tensor`` rows (the en_core_web_sm tok2vec output, trained on
OntoNotes; free at run time, since the pipeline has run it anyway), kept in the sentence Doc's
``user_data["kg_vec"]``. ``kg.SentenceVectorTextcat.v1`` is a small MLP over those features,
optionally added to a bag-of-words linear layer over the sentence's (normalised) words and bigrams,
with a logistic output per measure kind: the model of a spaCy ``textcat_multilabel``.

``kg.SentenceCorpus.v1`` reads sentence DocBins keeping ``user_data`` on the predicted side (spaCy's
own corpus reader re-tokenises the text and would drop the features). Both are registered on import;
``spacy train --code kg/nlp/learned_arch.py`` and :mod:`kg.nlp.learned` import this module.
"""
from __future__ import annotations

from typing import Any, cast

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example
from spacy.util import registry
from thinc.api import LayerNorm, Linear, Logistic, Maxout, Model, add, chain

VEC = "kg_vec"


def sentence_features(doc: Doc, sent: Span, rows: list[int] | None = None) -> np.ndarray | None:
    """Mean and max of the sentence's non-space token vectors in ``doc.tensor``, rounded to 5
    decimals, as float32 (None without a tensor). Stored as a list in training DocBins. ``rows``: the
    sentence's non-space token indices, when the caller has them."""
    t = doc.tensor
    if t is None or getattr(t, "size", 0) == 0 or t.shape[0] != len(doc):
        return None
    if rows is None:
        rows = [i for i in range(sent.start, sent.end) if not doc[i].is_space]
    rows = rows or list(range(sent.start, sent.end))
    m = np.asarray(t[rows], dtype="float32")
    return np.round(np.concatenate([m.mean(axis=0), m.max(axis=0)]), 5).astype("float32")


def doc_vectors(width: int) -> Model:
    """Docs -> (n, width) array of their ``user_data["kg_vec"]`` (zeros where missing)."""

    def forward(model: Model, docs: list[Doc], is_train: bool):
        del is_train  # thinc passes it by keyword; the layer is the same in training and prediction
        rows = []
        for d in docs:
            v = d.user_data.get(VEC)
            rows.append(v if v is not None and len(v) == width else [0.0] * width)
        X = model.ops.asarray2f(cast(Any, np.asarray(rows, dtype="float32").reshape(len(docs), width)))

        def backprop(_d_y):
            return []

        return X, backprop

    return Model("kg_doc_vectors", forward, dims={"nO": width})


@registry.architectures("kg.SentenceVectorTextcat.v1")
def build_sentence_vector_textcat(nO: int, width: int = 192, hidden: int = 64, dropout: float = 0.1,
                                  bow_length: int = 0, ngram_size: int = 2) -> Model:
    mlp: Model = chain(doc_vectors(width), LayerNorm(nI=width),
                Maxout(nO=hidden, nI=width, nP=3, dropout=dropout, normalize=True), Linear(nO=nO, nI=hidden))
    if bow_length:
        from spacy.ml.models.textcat import build_bow_text_classifier_v3

        bow = build_bow_text_classifier_v3(exclusive_classes=False, ngram_size=ngram_size, no_output_layer=True,
                                           length=bow_length, nO=nO)
        logits: Model = add(mlp, bow)
    else:
        logits = mlp
    model: Model = chain(logits, Logistic())
    model.set_dim("nO", nO)
    model.attrs["multi_label"] = True
    return model


@registry.readers("kg.SentenceCorpus.v1")
def sentence_corpus(path: Path) -> Callable[[Language], Iterator[Example]]:
    return _user_data_reader(path, VEC)


# ---------------------------------------------------------------- the entity recogniser's input
#: a token-feature matrix in ``Doc.user_data``: float32 bytes (training DocBins) or an array (run time)
TENSOR = "kg_tensor"


def doc_tensor(doc: Doc) -> np.ndarray | None:
    """The (tokens x width) features the entity recogniser reads for ``doc``: ``user_data[TENSOR]``
    (an array, or float32 bytes as stored in the training DocBins), else ``doc.tensor``."""
    v = doc.user_data.get(TENSOR)
    if isinstance(v, bytes | bytearray):
        return np.frombuffer(v, dtype="float32").reshape(len(doc), -1)
    if v is not None:
        return np.asarray(v, dtype="float32")
    t = doc.tensor
    if t is None or getattr(t, "size", 0) == 0 or t.shape[0] != len(doc):
        return None
    return np.asarray(t, dtype="float32")


def doc_tensors(width: int) -> Model:
    """Docs -> one (tokens x width) array each: the statistical model's token vectors (zeros where missing)."""

    def forward(model: Model, docs: list[Doc], is_train: bool):
        del is_train
        out = []
        for d in docs:
            t = doc_tensor(d)
            if t is None or t.shape[1] != width:
                t = np.zeros((len(d), width), dtype="float32")
            out.append(model.ops.asarray2f(cast(Any, t)))

        def backprop(_d_y):
            return []

        return out, backprop

    return Model("kg_doc_tensors", forward, dims={"nO": width})


@registry.architectures("kg.DocTensorTok2Vec.v1")
def build_doc_tensor_tok2vec(width: int = 96, embed_width: int = 32, rows: int = 2000, out_width: int = 64) -> Model:
    """Token features for a small ``ner``: the en_core_web_sm token vectors (``doc.tensor``, computed
    by the pipeline anyway, not trained further) concatenated with a small hashed embedding of each
    word's norm, shape, prefix and suffix, mixed by one maxout layer."""
    from spacy.ml.models.tok2vec import MultiHashEmbed
    from thinc.api import concatenate, with_array

    embed = MultiHashEmbed(width=embed_width, attrs=["NORM", "SHAPE", "PREFIX", "SUFFIX"],
                           rows=[rows, rows // 2, rows // 2, rows], include_static_vectors=False)
    model: Model = chain(concatenate(doc_tensors(width), embed),
                         with_array(Maxout(nO=out_width, nI=width + embed_width, nP=2, normalize=True)))
    model.set_dim("nO", out_width)
    return model


@registry.readers("kg.TensorCorpus.v1")
def tensor_corpus(path: Path) -> Callable[[Language], Iterator[Example]]:
    """Document DocBins whose ``user_data`` holds the token vectors (:data:`TENSOR`), kept on the
    predicted side."""
    return _user_data_reader(path, TENSOR)


def _user_data_reader(path: Path, key) -> Callable[[Language], Iterator[Example]]:
    """Examples from a DocBin: a fresh predicted Doc per reference, carrying the reference's
    ``user_data[key]`` (precomputed features) over."""
    def read(nlp: Language) -> Iterator[Example]:
        for ref in DocBin(store_user_data=True).from_disk(path).get_docs(nlp.vocab):
            pred = Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref])
            if key in ref.user_data:
                pred.user_data[key] = ref.user_data[key]
            yield Example(pred, ref)

    return read
