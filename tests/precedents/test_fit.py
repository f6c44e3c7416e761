"""Fitting link weights: the NumPy models recover which feature separates expected records."""
from __future__ import annotations

import numpy as np

from kg.precedents import fit
from kg.precedents.rank import FEATURES, LinkConfig


def _cases(seed: int = 3, n: int = 30) -> list[fit.CaseData]:
    rnd = np.random.default_rng(seed)
    out = []
    sem = FEATURES.index("semantic")
    for i in range(n):
        X = rnd.random((40, len(FEATURES))) * 0.5
        y = np.zeros(40)
        y[:3] = 1
        X[:3, sem] += 0.5                      # only the semantic feature tells positives apart
        out.append(fit.CaseData(f"c{i}", [f"r{j}" for j in range(40)], X, y))
    return out


def test_pairwise_and_logistic_weight_the_informative_feature():
    data = _cases()
    for fn in (fit.fit_pairwise, fit.fit_logistic):
        w = fn(data, l2=1e-4, steps=1500)
        assert (w >= 0).all() and abs(w.sum() - 1) < 1e-9
        assert FEATURES[int(np.argmax(w))] == "semantic"
        rec, mrr = fit.metrics(data, w)
        assert rec == 1.0 and mrr == 1.0


def test_metrics_recall_and_mrr():
    X = np.array([[0.9], [0.8], [0.1]])
    d = fit.CaseData("c", ["a", "b", "c"], X, np.array([0.0, 1.0, 1.0]))
    rec, mrr = fit.metrics([d], np.array([1.0]), k=2)
    assert rec == 0.5 and mrr == 0.5


def test_configured_weights_are_the_fitted_non_negative_ones():
    w = LinkConfig.load().weights
    vals = [getattr(w, f) for f in FEATURES]
    assert min(vals) >= 0 and abs(sum(vals) - 1) < 0.01
    assert w.semantic == max(vals)   # what a measure is about carries the ranking
