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
    assert max(vals) in (w.text, w.semantic)   # what a measure is about carries the ranking
    assert w.text + w.semantic > 0.5


def test_fit_is_deterministic_and_selection_uses_only_the_given_cases():
    data = _cases(n=10)
    a = fit.choose(data, folds=2, out=lambda *_: None)
    b = fit.choose(data, folds=2, out=lambda *_: None)
    assert a[:2] == b[:2] and np.array_equal(a[2], b[2])
    t = fit.threshold(data, a[2], top_k=3)
    assert fit.link_precision(data, a[2], t, 3)[1] >= fit.PRECISION


def test_refit_reads_only_the_tuning_half(tmp_path, monkeypatch):
    cases = tmp_path / "cases.yaml"
    cases.write_text("- {id: a, split: tune, text: x, expect: [r]}\n- {id: b, split: test, text: y, expect: [r]}\n")
    assert [c["id"] for c in fit.tuning_cases(cases)] == ["a"]
    seen = []
    monkeypatch.setattr(fit, "tuning_cases", lambda: [{"id": "a", "split": "tune"}])
    monkeypatch.setattr(fit, "case_data", lambda cs: seen.extend(cs) or _cases(n=10))
    cfg = tmp_path / "config.toml"
    cfg.write_text("# comment kept\nthreshold = 0.5\ntop_k = 2\nlink_base = false\n\n[weights]\n"
                   + "".join(f"{f} = 0.1\n" for f in FEATURES))
    fit.main(["--write", "--config", str(cfg)])
    assert [c["split"] for c in seen] == ["tune"]
    written = LinkConfig.load(cfg)
    assert written.weights.semantic == max(getattr(written.weights, f) for f in FEATURES)
    assert written.top_k == 2 and written.link_base is False and 0 < written.floors.semantic < 1
    assert cfg.read_text().startswith("# comment kept\n")


def test_text_and_semantic_are_relative_to_the_closest_candidate():
    from kg.precedents.rank import Floors, relative

    feats = [{"text": 0.2, "semantic": 0.5, "measure": 1.0}, {"text": 0.1, "semantic": 0.25, "measure": 0.0}]
    scale = relative(feats, floors=Floors(text=0.0, semantic=0.0))   # not the configured floors
    assert scale == {"text": 0.2, "semantic": 0.5}
    assert feats[0]["text"] == 1.0 and feats[1]["semantic"] == 0.5 and feats[1]["measure"] == 0.0
    sub = [{"text": 0.1, "semantic": 0.25}]
    relative(sub, scale)                      # a subset keeps the scale of all candidates
    assert sub == [{"text": 0.5, "semantic": 0.5}]
    weak = [{"text": 0.05, "semantic": 0.2}]  # a closest candidate below the floors is not "fully close"
    relative(weak, floors=Floors(text=0.1, semantic=0.4))
    assert weak == [{"text": 0.5, "semantic": 0.5}]


def test_cases_are_dealt_to_folds_three_ways_file_order_first():
    ways = fit.dealings(12, folds=4, ways=3)
    assert len(ways) == 3 and ways == fit.dealings(12, folds=4, ways=3)      # seeded: deterministic
    assert ways[0] == [i % 4 for i in range(12)]
    for fold in ways:
        assert sorted(fold.count(k) for k in range(4)) == [3, 3, 3, 3]
    assert ways[1] != ways[0] and ways[2] != ways[1]
    data = _cases(n=12)
    one = fit.cross_validate(data, fit.fit_logistic, 1e-4, folds=4, ways=1)
    assert 0 < one[0] <= 1 and 0 < one[1] <= 1


def test_linked_is_set_from_the_anchor_after_the_relative_features():
    from kg.precedents.rank import FEATURES, Floors

    def row(text, semantic):
        r = np.zeros(len(FEATURES))
        r[FEATURES.index("text")], r[FEATURES.index("semantic")] = text, semantic
        return r

    # record 1 is the closest (text + semantic); it cites record 2 only
    cites = np.array([[0, 0, 0], [0, 0, 1], [0, 1, 0]], dtype=float)
    raw = [fit.CaseData("c", ["a", "b", "c"], np.array([row(0.2, 0.5), row(0.4, 0.6), row(0.1, 0.2)]),
                        np.array([0.0, 1.0, 1.0]), cites)]
    got = fit.relative_data(raw, Floors(text=0.0, semantic=0.0, headline=0.0))[0]
    assert list(got.X[:, FEATURES.index("linked")]) == [0.0, 0.0, 1.0]
