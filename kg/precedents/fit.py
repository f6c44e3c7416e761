"""Fitting the link weights on the tuning half of the evaluation cases.

Refit (e.g. after records were added to the precedent base)::

    python -m kg.precedents.fit            # print the CV table, the weights and the link threshold
    python -m kg.precedents.fit --write    # ... and write them into data/precedents/config.toml

Only the tuning half of ``data/precedents/eval_cases.yaml`` is read; the test half is scored by
``python bench/precedents.py``.

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

from kg.precedents.rank import FEATURES, RELATIVE, Floors, anchor_of, cite, features, relative
from kg.precedents.profiles import query_profile
from kg.precedents.textsim import Tfidf


@dataclass
class CaseData:
    id: str
    ids: list[str]          # base ids of the candidates, in the row order of X
    X: np.ndarray           # candidates x FEATURES
    y: np.ndarray           # 1 for an expected record
    #: candidates x candidates: 1 where the two cite one another (the ``linked`` feature), shared by all cases
    cites: np.ndarray | None = None


def case_data(cases: list[dict], base_dir=None) -> list[CaseData]:
    """Raw feature matrices of every case against the whole precedent base (the `find` path);
    :func:`relative_data` makes ``text``/``semantic`` relative as the ranker does."""
    from kg.precedents.embed import default_embedder
    from kg.precedents.query import base_candidates

    bg, ctx, cands, _ = base_candidates(str(base_dir) if base_dir else None)
    emb = default_embedder()
    profiles = list(cands.values())
    cites = np.array([[cite(a, b) for b in profiles] for a in profiles], dtype=float)
    out = []
    for c in cases:
        q = query_profile(c["text"], ctx)
        if q.year is None:
            q = replace(q, year=dt.date.today().year)
        tfidf = Tfidf(p.text for p in [*profiles, q])
        X = np.array([[f[k] for k in FEATURES] for f in (features(q, p, tfidf, emb) for p in profiles)])
        ids = [bg.id_of.get(p.key) for p in profiles]
        exp = set(c["expect"])
        out.append(CaseData(c["id"], ids, X, np.array([i in exp for i in ids], dtype=float), cites))
    return out


#: the floors are this percentile of the tuning questions' closest raw value (chosen by 5-fold CV on
#: the tuning half, three fold dealings, among 0 (no floor), 25 and 50: 25 on 50 tuning questions,
#: 50 on 63: docs/precedents.md)
FLOOR_PERCENTILE = 50


def fit_floors(raw: list[CaseData], percentile: float = FLOOR_PERCENTILE) -> Floors:
    """:class:`~kg.precedents.rank.Floors` from raw case data: a percentile of each question's best value."""
    return Floors(**{k: round(float(np.percentile([d.X[:, FEATURES.index(k)].max() for d in raw], percentile)), 3)
                     for k in RELATIVE})


def relative_data(raw: list[CaseData], floors: Floors) -> list[CaseData]:
    """The case data as the ranker scores it (:func:`kg.precedents.rank.relative` per question, then
    ``linked`` to the question's anchor as :func:`kg.precedents.rank.link_to_anchor` sets it)."""
    out = []
    for d in raw:
        feats = [dict(zip(FEATURES, map(float, row))) for row in d.X]
        relative(feats, floors=floors)
        at = anchor_of(feats)
        if d.cites is not None and at >= 0:
            for f, v in zip(feats, d.cites[:, at]):
                f["linked"] = float(v)
        out.append(CaseData(d.id, d.ids, np.array([[f[k] for k in FEATURES] for f in feats]), d.y, d.cites))
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


MODELS = {"logistic": fit_logistic, "pairwise": fit_pairwise}
L2 = (1e-5, 1e-4, 1e-3)   # 1e-2 was never chosen: the worst on every CV (docs/precedents.md)
#: an inferred pol:analogousTo link must be right this often among the tuning questions' top_k
PRECISION = 0.75


#: cases are dealt to folds this many ways (file order, then seeded shuffles) and the CV figures
#: averaged: one question is 0.02 MRR in 50, so a single dealing chooses noisily
DEALINGS = 3


def dealings(n: int, folds: int = 5, ways: int = DEALINGS) -> list[list[int]]:
    """The fold of each of ``n`` cases, ``ways`` times: file order first, then shuffles with seeds 1, 2, ..."""
    out = [[i % folds for i in range(n)]]
    for seed in range(1, ways):
        perm = np.random.default_rng(seed).permutation(n)
        fold = np.empty(n, dtype=int)
        fold[perm] = np.arange(n) % folds
        out.append([int(f) for f in fold])
    return out


def cross_validate(tune: list[CaseData], fn, l2: float, folds: int = 5, ways: int = DEALINGS) -> tuple[float, float]:
    """recall@5 and MRR of held-out folds, each fold fitted without its cases; mean over the dealings."""
    cv = []
    for fold in dealings(len(tune), folds, ways):
        for k in range(folds):
            train = [d for d, f in zip(tune, fold) if f != k]
            held = [d for d, f in zip(tune, fold) if f == k]
            if train and held:
                cv.append(metrics(held, fn(train, l2=l2)))
    return float(np.mean([c[0] for c in cv])), float(np.mean([c[1] for c in cv]))


def choose(tune: list[CaseData], folds: int = 5, out=print, ways: int = DEALINGS) -> tuple[str, float, np.ndarray]:
    """Model and L2 strength by ``folds``-fold cross-validation inside the tuning half (recall@5 +
    MRR, averaged over ``ways`` dealings of the cases to folds), then refitted on the whole tuning half."""
    best = None
    out(f"model     l2      {folds}-fold CV ({ways} dealings) recall@5  MRR    | in-sample recall@5  MRR")
    for l2 in L2:
        for name, fn in MODELS.items():
            crec, cmrr = cross_validate(tune, fn, l2, folds, ways)
            w = fn(tune, l2=l2)
            rec, mrr = metrics(tune, w)
            out(f"{name:9} {l2:<7g} {crec:29.3f}  {cmrr:.3f}  | {rec:18.3f}  {mrr:.3f}")
            if best is None or crec + cmrr > best[0] + 1e-12:
                best = (crec + cmrr, name, l2, w)
    assert best is not None
    return best[1], best[2], best[3]


def link_precision(data: list[CaseData], w: np.ndarray, t: float, top_k: int) -> tuple[int, float, float]:
    """Links among each case's top_k scoring >= t: how many, precision, recall of expected ids."""
    links = good = 0
    for d in data:
        s = np.round(d.X @ w / w.sum(), 4)
        top = np.argsort(-s, kind="stable")[:top_k]
        keep = top[s[top] >= t - 1e-9]
        links += len(keep)
        good += int(d.y[keep].sum())
    exp = sum(d.y.sum() for d in data)
    return links, good / links if links else 0.0, float(good / exp)


def threshold(tune: list[CaseData], w: np.ndarray, top_k: int, precision: float = PRECISION) -> float:
    """The lowest threshold (steps of 0.025) whose links among the tuning top_k reach ``precision``."""
    for t in np.arange(0.30, 0.951, 0.025):
        n, p, _ = link_precision(tune, w, round(float(t), 3), top_k)
        if n and p >= precision:
            return round(float(t), 3)
    return 0.95


def tuning_cases(path=None) -> list[dict]:
    """The tuning half of eval_cases.yaml (the only half fitting reads)."""
    import yaml

    from kg.resources import resource_path

    p = path or resource_path("precedents", "eval_cases.yaml")
    with open(p, encoding="utf-8") as fh:
        return [c for c in yaml.safe_load(fh) if c["split"] == "tune"]


def write_config(weights: dict[str, float], floors: Floors, thr: float, path) -> None:
    """Rewrite a config.toml's settings (``threshold``, ``[weights]``, ``[floors]``), keeping its
    leading comment and ``top_k``/``link_base``."""
    import tomllib
    from pathlib import Path

    p = Path(path)
    text = p.read_text(encoding="utf-8")
    old = tomllib.loads(text)
    head = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            break
        head.append(line)
    body = [f"threshold = {thr}", f"top_k = {old.get('top_k', 3)}",
            f"link_base = {str(old.get('link_base', True)).lower()}", "", "[weights]"]
    body += [f"{k} = {v}" for k, v in weights.items()]
    body += ["", "[floors]"] + [f"{k} = {getattr(floors, k)}" for k in RELATIVE]
    p.write_text("\n".join([*head, *body]) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    import argparse

    from kg.precedents.rank import DEFAULT_CONFIG, LinkConfig

    ap = argparse.ArgumentParser(prog="python -m kg.precedents.fit", description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="write weights and threshold into the config")
    ap.add_argument("--config", default=str(DEFAULT_CONFIG), help="config.toml to write (default: the shipped one)")
    args = ap.parse_args(argv)
    raw = case_data(tuning_cases())
    floors = fit_floors(raw)
    tune = relative_data(raw, floors)
    name, l2, w = choose(tune)
    top_k = LinkConfig.load(args.config).top_k
    thr = threshold(tune, w, top_k)
    n, p, r = link_precision(tune, w, thr, top_k)
    weights = as_weights(w)
    print(f"chosen by cross-validation on the tuning half: {name}, l2={l2:g}")
    print(f"threshold = {thr}  (lowest with precision >= {PRECISION} among each tuning question's top {top_k}: "
          f"{n} links, precision {p:.3f}, recall {r:.3f})")
    print("[weights]\n" + "\n".join(f"{f} = {x}" for f, x in weights.items()))
    print(f"[floors] (percentile {FLOOR_PERCENTILE} of the tuning questions' closest raw value)\n"
          + "\n".join(f"{k} = {getattr(floors, k)}" for k in RELATIVE))
    if args.write:
        write_config(weights, floors, thr, args.config)
        print(f"written to {args.config}")


if __name__ == "__main__":
    main()
