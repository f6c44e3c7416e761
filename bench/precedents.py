#!/usr/bin/env python3
"""Precedent ranking quality on data/precedents/eval_cases.yaml: recall@5 and MRR.

    python bench/precedents.py            # test half: kg, TF-IDF alone, embeddings alone
    python bench/precedents.py --fit      # = python -m kg.precedents.fit (tuning half only)
    python bench/precedents.py --sweep    # tuning half: each feature removed, threshold table

recall@5: share of the expected ids found in the top 5 (averaged over cases); MRR: mean of
1/rank of the first expected id. Every ranker runs through ``kg.precedents.query.find`` (what
``kg precedents`` calls) in the same run: ``kg`` with the configured weights, ``TF-IDF alone``
(every weight but ``text`` 0) and ``embeddings alone`` (every weight but ``semantic`` 0).
The weights and the link threshold are chosen on the tuning half only; the test half is only
ever scored.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.precedents.rank import FEATURES, LinkConfig, Weights  # noqa: E402
from kg.precedents.query import find  # noqa: E402

CASES = Path(__file__).resolve().parents[1] / "data" / "precedents" / "eval_cases.yaml"


def load_cases(split: str | None = None) -> list[dict]:
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return [c for c in cases if split is None or c["split"] == split]


def evaluate(cases, config: LinkConfig, k: int = 5) -> tuple[float, float, list]:
    recalls, rr, misses = [], [], []
    for c in cases:
        r = find(text=c["text"], top=max(k, 20), config=config)
        ids = [r.base_ids.get(x.key) for x in r.candidates]
        exp = set(c["expect"])
        recalls.append(len(exp & set(ids[:k])) / len(exp))
        first = next((i for i, x in enumerate(ids, 1) if x in exp), None)
        rr.append(1.0 / first if first else 0.0)
        if recalls[-1] < 1:
            misses.append((c["id"], sorted(exp - set(ids[:k])), ids[:k]))
    return sum(recalls) / len(recalls), sum(rr) / len(rr), misses


def only(cfg: LinkConfig, feature: str) -> LinkConfig:
    return replace(cfg, weights=Weights(**{f: (1.0 if f == feature else 0.0) for f in FEATURES}))


def table(cases, cfg: LinkConfig, title: str, verbose: bool = False) -> dict[str, tuple[float, float]]:
    rows = {}
    t = time.perf_counter()
    for name, c in (("kg", cfg), ("TF-IDF alone", only(cfg, "text")), ("embeddings alone", only(cfg, "semantic"))):
        rec, mrr, misses = evaluate(cases, c)
        rows[name] = (rec, mrr)
        if verbose and name == "kg":
            for cid, missing, got in misses:
                print(f"  {cid}: missing {missing}; top 5 {got}")
    dt = time.perf_counter() - t
    print(f"{title}: {len(cases)} cases ({dt / (3 * len(cases)) * 1000:.0f} ms per query)")
    print("| ranker | recall@5 | MRR |\n|---|---|---|")
    for name, (rec, mrr) in rows.items():
        print(f"| {name} | {rec:.3f} | {mrr:.3f} |")
    return rows


def links_report(cfg: LinkConfig) -> None:
    """The configured threshold for inferred pol:analogousTo links, on both halves."""
    from kg.precedents import fit
    w = np.array([getattr(cfg.weights, f) for f in FEATURES])
    for split in ("tune", "test"):
        data = fit.relative_data(fit.case_data(load_cases(split)), cfg.floors)
        n, p, r = fit.link_precision(data, w, cfg.threshold, cfg.top_k)
        print(f"inferred links at threshold {cfg.threshold} (top {cfg.top_k}), {split} half: "
              f"{n} links, precision {p:.3f}, recall {r:.3f}")


def sweep(cfg: LinkConfig) -> None:
    from kg.precedents import fit
    tune_cases = load_cases("tune")
    tune = fit.relative_data(fit.case_data(tune_cases), cfg.floors)
    w = np.array([getattr(cfg.weights, f) for f in FEATURES])
    print("tuning half, configured weights: recall@5 %.3f  MRR %.3f" % fit.metrics(tune, w))
    for i, f in enumerate(FEATURES):
        w2 = w.copy()
        w2[i] = 0.0
        print(f"  without {f:<10}: recall@5 %.3f  MRR %.3f" % fit.metrics(tune, w2))
    # threshold for inferred links: among each tuning case's top_k, how many links pass and how
    # many of those are expected (precision) / how many expected ids pass (recall)
    print("threshold  links  precision  recall   (tuning half, top_k=%d)" % cfg.top_k)
    for t in np.arange(0.30, 0.951, 0.025):
        n, p, r = fit.link_precision(tune, w, round(float(t), 3), cfg.top_k)
        print(f"{t:9.3f}  {n:5d}  {p:9.3f}  {r:6.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", action="store_true", help="fit the weights on the tuning half")
    ap.add_argument("--sweep", action="store_true", help="features removed and link thresholds, tuning half")
    ap.add_argument("--tune", action="store_true", help="also print the table for the tuning half")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    cfg = LinkConfig.load()
    if args.fit:
        from kg.precedents import fit
        fit.main([])
        return
    rows = table(load_cases("test"), cfg, "test half", args.verbose)
    beats = all(rows["kg"][i] > max(rows["TF-IDF alone"][i], rows["embeddings alone"][i]) for i in (0, 1))
    print("kg beats TF-IDF alone and embeddings alone on both figures:", "yes" if beats else "NO")
    links_report(cfg)
    if args.tune:
        table(load_cases("tune"), cfg, "tuning half (weights fitted here: optimistic)")
    if args.sweep:
        sweep(cfg)


if __name__ == "__main__":
    main()
