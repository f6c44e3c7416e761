"""Fitting the link weights on evaluation cases (``python bench/precedents.py --fit``).

Each case is a free-text question and the precedent-base ids an analyst expects in the top 5.
For every (case, base record) pair we compute the named features of :mod:`kg.precedents.rank`;
an expected record is a positive, every other record a negative. Two small NumPy models, both
with weights kept non-negative (projected gradient descent) so that the score stays the
normalised weighted sum the explanations describe:

* ``logistic`` — logistic regression of positive/negative on the features (positives
  re-weighted to balance the classes), L2-regularised;
* ``pairwise`` — a RankNet-style logistic loss on feature *differences* between a positive and
  a negative of the same case: it fits the ordering within a question, which is what recall@5
  and MRR measure.

The bias and the overall scale do not change a ranking, so the weights are reported normalised
to sum to 1 (the form of ``[weights]`` in ``data/precedents/config.toml``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import numpy as np

from kg.precedents.rank import FEATURES, features
from kg.precedents.profiles import query_profile
from kg.precedents.textsim import Tfidf


@dataclass
class CaseData:
    id: str
    ids: list[str]          # base ids of the candidates, in the row order of X
    X: np.ndarray           # candidates x FEATURES
    y: np.ndarray           # 1 for an expected record


def case_data(cases: list[dict], base_dir=None) -> list[CaseData]:
    """Feature matrices of every case against the whole precedent base (the `find` path)."""
    from kg.precedents.embed import default_embedder
    from kg.precedents.query import base_candidates

    bg, ctx, cands, _ = base_candidates(str(base_dir) if base_dir else None)
    emb = default_embedder()
    profiles = list(cands.values())
    out = []
    for c in cases:
        q = query_profile(c["text"], ctx)
        if q.year is None:
            q = replace(q, year=dt.date.today().year)
        tfidf = Tfidf(p.text for p in [*profiles, q])
        X = np.array([[features(q, p, tfidf, emb)[f] for f in FEATURES] for p in profiles])
        ids = [bg.id_of.get(p.key) for p in profiles]
        exp = set(c["expect"])
        out.append(CaseData(c["id"], ids, X, np.array([i in exp for i in ids], dtype=float)))
    return out


def metrics(data: list[CaseData], w: np.ndarray, k: int = 5) -> tuple[float, float]:
    """recall@k and MRR when candidates are ranked by X @ w (ties: row order)."""
    rec, rr = [], []
    for d in data:
        s = np.round(d.X @ w / max(w.sum(), 1e-12), 4)
        order = np.argsort(-s, kind="stable")
        hits = d.y[order]
        rec.append(hits[:k].sum() / max(1.0, d.y.sum()))
        first = np.nonzero(hits)[0]
        rr.append(1.0 / (first[0] + 1) if first.size else 0.0)
    return float(np.mean(rec)), float(np.mean(rr))


def _pgd(grad_fn, n: int, steps: int = 3000, lr: float = 0.5) -> np.ndarray:
    w = np.full(n, 0.1)
    for _ in range(steps):
        w = np.maximum(0.0, w - lr * grad_fn(w))
    return w


def fit_logistic(data: list[CaseData], l2: float = 1e-3, steps: int = 3000) -> np.ndarray:
    X = np.vstack([d.X for d in data])
    y = np.concatenate([d.y for d in data])
    pos = y.sum()
    sw = np.where(y > 0, (len(y) - pos) / max(pos, 1.0), 1.0)
    sw = sw / sw.sum()
    Xb = np.hstack([X, np.ones((len(X), 1))])

    def grad(wb):
        p = 1.0 / (1.0 + np.exp(-(Xb @ wb)))
        g = Xb.T @ (sw * (p - y))
        g[:-1] += l2 * wb[:-1]
        return g

    # the bias may be negative: optimise it unconstrained by shifting it after each projection
    wb = np.zeros(X.shape[1] + 1)
    for _ in range(steps):
        g = grad(wb)
        wb = wb - 0.5 * g
        wb[:-1] = np.maximum(0.0, wb[:-1])
    return _normalise(wb[:-1])


def fit_pairwise(data: list[CaseData], l2: float = 1e-3, steps: int = 3000) -> np.ndarray:
    diffs, cw = [], []
    for d in data:
        P, N = d.X[d.y > 0], d.X[d.y == 0]
        if not len(P) or not len(N):
            continue
        D = (P[:, None, :] - N[None, :, :]).reshape(-1, d.X.shape[1])
        diffs.append(D)
        cw.append(np.full(len(D), 1.0 / len(D)))   # every case counts the same
    D = np.vstack(diffs)
    weights = np.concatenate(cw)
    weights = weights / weights.sum()

    def grad(w):
        z = D @ w
        p = 1.0 / (1.0 + np.exp(np.clip(z, -50, 50)))   # d/dz log(1+e^-z) = -sigmoid(-z)
        return -(D.T @ (weights * p)) + l2 * w

    return _normalise(_pgd(grad, D.shape[1], steps, lr=2.0))


def _normalise(w: np.ndarray) -> np.ndarray:
    w = np.maximum(w, 0.0)
    return w / w.sum() if w.sum() > 0 else w


def as_weights(w: np.ndarray) -> dict[str, float]:
    return {f: round(float(x), 3) for f, x in zip(FEATURES, w)}
