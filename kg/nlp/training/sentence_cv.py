"""Grouped cross-validation of measure-sentence classifiers at the sentence level (fast: cached rows).

    python -m kg.nlp.training.sentence_cv --rows build/sent/rows.pkl [--folds 5]

Folds as :mod:`kg.nlp.training.crossval`: the dev documents (d1-d8) sorted by id in contiguous blocks, so a
batch's stories stay together; the own sets are always in training. Pooled over the held folds, a prediction
is a (sentence, kind) pair; printed for every pair and for the pairs the rules do not already report (the
ones a proposal can add).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from kg.models import MEASURES
from kg.nlp.sentence_model import Features, fit_binary, fit_kinds
from kg.nlp.training.crossval import folds_of, prf
from kg.nlp.training.sentence_rows import Row, load

KINDS = list(MEASURES)


def pair_counts(rows: list[Row], probs: np.ndarray, t: float, mode: str = "all") -> tuple[int, int, int]:
    """(tp, fp, fn) of (sentence, kind) pairs; ``mode`` "new": leaving out the kinds the rules report in the
    sentence; "bare": only sentences in which the rules report nothing."""
    tp = fp = fn = 0
    for r, row in zip(rows, probs):
        if mode == "bare" and r.rules:
            continue
        skip = r.rules if mode == "new" else set()
        pred = {KINDS[j] for j, p in enumerate(row) if p >= t} - skip
        gold = r.gold - skip
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return tp, fp, fn


def binary_counts(rows: list[Row], p_any: np.ndarray, t: float) -> tuple[int, int, int]:
    pred = p_any >= t
    gold = np.array([bool(r.gold) for r in rows])
    return int((pred & gold).sum()), int((pred & ~gold).sum()), int((~pred & gold).sum())


def designs(train: list[Row], feats: Features, l2: float) -> dict:
    """Name -> function(rows) -> (rows x kinds) probabilities, fitted on ``train``."""
    X = feats.matrix(train)
    Y = np.array([[k in r.gold for k in KINDS] for r in train], dtype=np.float32)
    out = {}
    # one-vs-rest logistic, each kind's positives weighted to half the loss (class-balanced)
    ovr = fit_binary(X, Y, l2=l2, balanced=True)
    out["ovr-balanced"] = lambda rows: ovr.predict(feats.matrix(rows))
    # two stage: P(states a measure) x P(kind | states a measure)
    binary = fit_binary(X, Y.max(axis=1), l2=l2, balanced=True)
    pos = Y.max(axis=1) > 0
    kinds = fit_kinds(X[pos], Y[pos], l2=l2)
    out["two-stage"] = lambda rows: two_stage(rows, feats, binary, kinds, False)
    out["two-stage+trig"] = lambda rows: two_stage(rows, feats, binary, kinds, True)
    out["binary"] = lambda rows: binary.predict(feats.matrix(rows))
    # the same, trained on what the rules miss: a sentence's gold kinds that no rule event in it reports
    Yn = np.array([[k in r.gold and k not in r.rules for k in KINDS] for r in train], dtype=np.float32)
    pos_n = Yn.max(axis=1) > 0
    binary_n = fit_binary(X, Yn.max(axis=1), l2=l2, balanced=True)
    kinds_n = fit_kinds(X[pos_n], Yn[pos_n], l2=l2)
    out["two-stage-missed"] = lambda rows: two_stage(rows, feats, binary_n, kinds_n, False)
    return out


def two_stage(rows: list[Row], feats: Features, binary, kinds, trig: bool) -> np.ndarray:
    X = feats.matrix(rows)
    p_any = binary.predict(X)
    q = kinds.predict(X)
    if trig:  # a sentence whose trigger lexicon names kinds: the kind from the lexicon
        for i, r in enumerate(rows):
            named = [KINDS.index(k) for k in r.triggers if k in KINDS]
            if named:
                q[i] = 0.0
                q[i, named] = 1.0 / len(named)
    return p_any[:, None] * q / np.maximum(q.max(axis=1, keepdims=True), 1e-9)


def run(rows: list[Row], k: int = 5, feature_sets: tuple[str, ...] = ("bow", "bow+vec", "bow+vec+emb",
        "bow+vec+emb+lex"), thresholds: tuple[float, ...] = (0.3, 0.5, 0.7), l2: float = 1e-3, log=print) -> dict:
    dev_ids = sorted({r.doc_id for r in rows if r.doc_id[:1] == "d" and r.doc_id[1:2].isdigit()})
    folds = folds_of(dev_ids, k)
    res: dict[str, dict] = {}
    for fs in feature_sets:
        acc: dict[str, dict] = {}
        for f, held in enumerate(folds):
            held_set = set(held)
            train = [r for r in rows if r.doc_id not in held_set]
            test = [r for r in rows if r.doc_id in held_set]
            feats = Features(fs.split("+")).fit(train)
            for name, fn in designs(train, feats, l2).items():
                p = fn(test)
                for t in thresholds:
                    a = acc.setdefault(f"{name}@{t}", {"all": [0, 0, 0], "new": [0, 0, 0], "bare": [0, 0, 0]})
                    if p.ndim == 1:
                        a["all"] = [x + y for x, y in zip(a["all"], binary_counts(test, p, t))]
                        continue
                    for mode in ("all", "new", "bare"):
                        a[mode] = [x + y for x, y in zip(a[mode], pair_counts(test, p, t, mode))]
        for name, a in acc.items():
            res[f"{fs} {name}"] = v = {m: prf(*a[m]) for m in ("all", "new", "bare")}
            log(f"{fs:18s} {name:20s} " + "  ".join(
                f"{m} P {v[m]['p']:.3f} R {v[m]['r']:.3f} ({v[m]['tp']}/{v[m]['fp']}/{v[m]['fn']})"
                for m in ("all", "new", "bare")))
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.nlp.training.sentence_cv", description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=Path, required=True)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--features", default="bow,bow+vec,bow+vec+emb,bow+vec+emb+lex")
    ap.add_argument("--thresholds", default="0.3,0.5,0.7")
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    res = run(load(args.rows), args.folds, tuple(args.features.split(",")),
              tuple(float(x) for x in args.thresholds.split(",")), args.l2,
              log=lambda s: print(s, flush=True))
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
