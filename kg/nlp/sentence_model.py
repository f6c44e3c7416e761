"""A small numpy model for sentences that state a measure: features and logistic layers.

A sentence is read as a :class:`SentenceInput` (duck-typed: the training rows of
:mod:`kg.nlp.training.sentence_rows` and the run-time inputs of :mod:`kg.nlp.learned` both fit):

* ``bow`` — its normalised words and bigrams hashed (crc32, stable across processes) into
  :data:`BOW_BUCKETS` binary columns;
* ``vec`` — the mean and max of its en_core_web_sm token vectors (192 columns, standardised);
* ``emb`` — its wordllama embedding (256 columns, standardised);
* ``lex`` — the measure kinds the rules' trigger lexicon names in it and the kinds of the rule events
  it is evidence of (one column per kind each, plus "any").

:class:`Logistic` is one binary logistic regression, :class:`Softmax` a softmax over kinds; both are
fitted by full-batch Adam from zero weights (no randomness: the same rows give the same weights) and
stored as plain arrays (:meth:`SentenceModel.save`).
"""
from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from kg.models import MEASURES

BOW_BUCKETS = 4096
VEC_WIDTH = 192
EMB_WIDTH = 256
KINDS: tuple[str, ...] = tuple(MEASURES)
#: the feature groups, in column order
GROUPS = ("bow", "vec", "emb", "lex")


class SentenceInput(Protocol):
    words: list[str]
    vec: np.ndarray | None
    emb: np.ndarray | None
    triggers: set[str]
    rules: set[str]


def _bucket(s: str) -> int:
    return zlib.crc32(s.encode("utf-8")) % BOW_BUCKETS


def bow_columns(words: Sequence[str]) -> list[int]:
    """The hashed columns of a sentence's words and bigrams (normalised words: lower case, digits as 0)."""
    cols = {_bucket("w:" + w) for w in words}
    cols |= {_bucket("b:" + a + " " + b) for a, b in zip(words, words[1:])}
    return sorted(cols)


class Features:
    """The columns of the chosen groups; dense groups standardised by the training rows' mean and spread."""

    def __init__(self, groups: Sequence[str]):
        unknown = set(groups) - set(GROUPS)
        if unknown:
            raise ValueError(f"unknown feature groups {sorted(unknown)}")
        self.groups = [g for g in GROUPS if g in groups]
        self.mean: dict[str, np.ndarray] = {}
        self.std: dict[str, np.ndarray] = {}

    def _dense(self, rows: Sequence[SentenceInput], g: str) -> np.ndarray:
        width = VEC_WIDTH if g == "vec" else EMB_WIDTH
        out = np.zeros((len(rows), width), dtype=np.float32)
        for i, r in enumerate(rows):
            v = r.vec if g == "vec" else r.emb
            if v is not None and len(v) == width:
                out[i] = v
        return out

    def fit(self, rows: Sequence[SentenceInput]) -> Features:
        for g in self.groups:
            if g in ("vec", "emb"):
                m = self._dense(rows, g)
                self.mean[g] = m.mean(axis=0)
                self.std[g] = m.std(axis=0) + 1e-3
        return self

    def matrix(self, rows: Sequence[SentenceInput]) -> np.ndarray:
        parts = []
        for g in self.groups:
            if g == "bow":
                m = np.zeros((len(rows), BOW_BUCKETS), dtype=np.float32)
                for i, r in enumerate(rows):
                    m[i, bow_columns(r.words)] = 1.0
            elif g == "lex":
                n = len(KINDS) + 1
                m = np.zeros((len(rows), 2 * n), dtype=np.float32)
                for i, r in enumerate(rows):
                    for j, k in enumerate(KINDS):
                        m[i, j] = k in r.triggers
                        m[i, n + j] = k in r.rules
                    m[i, n - 1] = bool(r.triggers)
                    m[i, 2 * n - 1] = bool(r.rules)
            else:
                m = (self._dense(rows, g) - self.mean[g]) / self.std[g]
            parts.append(m)
        return np.concatenate(parts, axis=1) if parts else np.zeros((len(rows), 0), dtype=np.float32)

    def state(self) -> dict:
        return {"groups": list(self.groups), **{f"mean_{g}": v for g, v in self.mean.items()},
                **{f"std_{g}": v for g, v in self.std.items()}}

    @classmethod
    def from_state(cls, st: dict) -> Features:
        f = cls([str(g) for g in st["groups"]])
        for g in f.groups:
            if f"mean_{g}" in st:
                f.mean[g] = np.asarray(st[f"mean_{g}"], dtype=np.float32)
                f.std[g] = np.asarray(st[f"std_{g}"], dtype=np.float32)
        return f


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def _adam(grad, W: np.ndarray, iters: int, lr: float) -> np.ndarray:
    m = np.zeros_like(W)
    v = np.zeros_like(W)
    for t in range(1, iters + 1):
        g = grad(W)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        W = W - lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return W


@dataclass
class Logistic:
    """p = sigmoid(X w + b)."""

    w: np.ndarray
    b: float | np.ndarray

    def predict(self, X: np.ndarray) -> np.ndarray:
        return _sigmoid(X @ self.w + self.b)


@dataclass
class Softmax:
    """p = softmax(X W + b) over :data:`KINDS`."""

    W: np.ndarray
    b: np.ndarray

    def predict(self, X: np.ndarray) -> np.ndarray:
        z = X @ self.W + self.b
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


def fit_binary(X: np.ndarray, y: np.ndarray, l2: float = 1e-3, balanced: bool = True, iters: int = 300,
               lr: float = 0.05) -> Logistic:
    """A logistic regression (bias not penalised); ``balanced``: positives and negatives weigh half each.
    ``y`` of shape (n, k) fits k independent regressions at once (``w`` then (d, k), ``b`` (k,))."""
    X = np.asarray(X, dtype=np.float32)
    Y = np.asarray(y, dtype=np.float32)
    one = Y.ndim == 1
    Y = Y.reshape(len(Y), -1)
    n_pos = np.maximum(1.0, Y.sum(axis=0))
    n_neg = np.maximum(1.0, len(Y) - Y.sum(axis=0))
    sw = (np.where(Y > 0, 0.5 / n_pos, 0.5 / n_neg) if balanced else np.full(Y.shape, 1.0 / len(Y))).astype(np.float32)
    Xb = np.concatenate([X, np.ones((len(X), 1), dtype=np.float32)], axis=1)
    mask = np.ones((Xb.shape[1], 1), dtype=np.float32)
    mask[-1] = 0.0

    def grad(W):
        return Xb.T @ (sw * (_sigmoid(Xb @ W) - Y)) + l2 * mask * W

    W = _adam(grad, np.zeros((Xb.shape[1], Y.shape[1]), dtype=np.float32), iters, lr)
    if one:
        return Logistic(W[:-1, 0].astype(np.float32), float(W[-1, 0]))
    return Logistic(W[:-1].astype(np.float32), W[-1].astype(np.float32))


def fit_kinds(X: np.ndarray, Y: np.ndarray, l2: float = 1e-3, iters: int = 300, lr: float = 0.05) -> Softmax:
    """A softmax over kinds fitted on sentences that state a measure (``Y``: their multi-hot kinds; a sentence
    stating two kinds targets half of each)."""
    X = np.asarray(X, dtype=np.float32)
    T = np.asarray(Y, dtype=np.float32)
    T = T / np.maximum(T.sum(axis=1, keepdims=True), 1.0)
    n = max(1, len(X))
    Xb = np.concatenate([X, np.ones((len(X), 1), dtype=np.float32)], axis=1)
    mask = np.ones((Xb.shape[1], 1), dtype=np.float32)
    mask[-1] = 0.0

    def grad(W):
        z = Xb @ W
        z = z - z.max(axis=1, keepdims=True)
        P = np.exp(z)
        P /= P.sum(axis=1, keepdims=True)
        return Xb.T @ (P - T) / n + l2 * mask * W

    W = _adam(grad, np.zeros((Xb.shape[1], T.shape[1]), dtype=np.float32), iters, lr)
    return Softmax(W[:-1].astype(np.float32), W[-1].astype(np.float32))



@dataclass
class SentenceView:
    """A sentence as the model reads it at extraction time (see :class:`SentenceInput`)."""

    words: list[str]
    vec: np.ndarray | None
    emb: np.ndarray | None
    triggers: set[str]
    rules: set[str]


#: the designs :class:`SentenceModel` knows: ``two-stage`` = P(states a measure) x P(kind | states one)
#: relative to the likeliest kind; ``+trig``: a sentence whose trigger lexicon names kinds takes them;
#: ``ovr``: one class-balanced logistic per kind (the binary layer with one column per kind, no kind softmax)
DESIGNS = ("two-stage", "two-stage+trig", "ovr")
MODEL_META = "sentence_model.json"


class SentenceModel:
    """The two-stage measure-sentence model: :class:`Features`, a binary :class:`Logistic` and a kind
    :class:`Softmax`. :meth:`predict` gives (sentences x :data:`KINDS`) scores in [0, 1]."""

    def __init__(self, features: Features, binary: Logistic, kinds: Softmax, design: str = "two-stage"):
        if design not in DESIGNS:
            raise ValueError(f"design must be one of {DESIGNS}, not {design!r}")
        self.features, self.binary, self.kinds, self.design = features, binary, kinds, design

    @property
    def needs_triggers(self) -> bool:
        return "lex" in self.features.groups or self.design.endswith("+trig")

    @property
    def needs_embeddings(self) -> bool:
        return "emb" in self.features.groups

    @classmethod
    def fit(cls, rows: Sequence[SentenceInput], gold: Sequence[set[str]], groups: Sequence[str],
            design: str = "two-stage", l2: float = 1e-3) -> SentenceModel:
        feats = Features(groups).fit(rows)
        X = feats.matrix(rows)
        Y = np.array([[k in g for k in KINDS] for g in gold], dtype=np.float32)
        if design == "ovr":
            empty = Softmax(np.zeros((X.shape[1], len(KINDS)), dtype=np.float32), np.zeros(len(KINDS), np.float32))
            return cls(feats, fit_binary(X, Y, l2=l2), empty, design)
        pos = Y.max(axis=1) > 0
        return cls(feats, fit_binary(X, Y.max(axis=1), l2=l2), fit_kinds(X[pos], Y[pos], l2=l2), design)

    def predict(self, rows: Sequence[SentenceInput]) -> np.ndarray:
        if not rows:
            return np.zeros((0, len(KINDS)), dtype=np.float32)
        X = self.features.matrix(rows)
        if self.design == "ovr":
            return self.binary.predict(X).astype(np.float32)
        p_any = self.binary.predict(X)
        q = self.kinds.predict(X)
        if self.design.endswith("+trig"):
            for i, r in enumerate(rows):
                named = [KINDS.index(k) for k in r.triggers if k in KINDS]
                if named:
                    q[i] = 0.0
                    q[i, named] = 1.0 / len(named)
        return (p_any[:, None] * q / np.maximum(q.max(axis=1, keepdims=True), 1e-9)).astype(np.float32)

    def save(self, folder: Path) -> None:
        """One ``.npy`` per array (byte-identical for identical weights) and :data:`MODEL_META`."""
        import json

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        arrays = {"binary_w": self.binary.w, "binary_b": np.asarray(self.binary.b, dtype=np.float32).reshape(-1),
                  "kinds_W": self.kinds.W, "kinds_b": self.kinds.b}
        for g in self.features.groups:
            if g in self.features.mean:
                arrays[f"mean_{g}"] = self.features.mean[g]
                arrays[f"std_{g}"] = self.features.std[g]
        for k, v in sorted(arrays.items()):
            np.save(folder / f"{k}.npy", np.asarray(v, dtype=np.float32), allow_pickle=False)
        meta = {"design": self.design, "groups": self.features.groups, "kinds": list(KINDS),
                "bow_buckets": BOW_BUCKETS, "arrays": sorted(arrays)}
        (folder / MODEL_META).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> SentenceModel:
        import json

        folder = Path(folder)
        meta = json.loads((folder / MODEL_META).read_text(encoding="utf-8"))
        if list(meta["kinds"]) != list(KINDS) or meta["bow_buckets"] != BOW_BUCKETS:
            raise ValueError(f"{folder}: weights for other kinds or another hashing; retrain (make train)")
        a = {k: np.load(folder / f"{k}.npy", allow_pickle=False) for k in meta["arrays"]}
        feats = Features.from_state({"groups": meta["groups"], **{k: v for k, v in a.items()
                                                                  if k.startswith(("mean_", "std_"))}})
        b = a["binary_b"]
        return cls(feats, Logistic(a["binary_w"], float(b[0]) if a["binary_w"].ndim == 1 else b),
                   Softmax(a["kinds_W"], a["kinds_b"]), meta["design"])

    @staticmethod
    def available(folder: Path) -> bool:
        return (Path(folder) / MODEL_META).is_file()
