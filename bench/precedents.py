#!/usr/bin/env python3
"""Precedent ranking quality on data/precedents/eval_cases.yaml: recall@5 and MRR.

    python bench/precedents.py            # the configured weights
    python bench/precedents.py --sweep    # also: each feature alone removed, and the threshold table

recall@5: share of the expected ids found in the top 5 (averaged over cases); MRR: mean of
1/rank of the first expected id. The baseline in the same run is text similarity alone (every
other weight 0), so the printed ratio shows what the named features add.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.precedents.rank import FEATURES, LinkConfig, Weights  # noqa: E402
from kg.precedents.query import find  # noqa: E402

CASES = Path(__file__).resolve().parents[1] / "data" / "precedents" / "eval_cases.yaml"


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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    cfg = LinkConfig.load()
    t = time.perf_counter()
    rec, mrr, misses = evaluate(cases, cfg)
    dt = time.perf_counter() - t
    base_cfg = replace(cfg, weights=Weights(**{f: (1.0 if f == "text" else 0.0) for f in FEATURES}))
    brec, bmrr, _ = evaluate(cases, base_cfg)
    print(f"cases: {len(cases)}  ({dt / len(cases) * 1000:.0f} ms per query)")
    print(f"configured weights : recall@5 {rec:.3f}  MRR {mrr:.3f}")
    print(f"baseline text only : recall@5 {brec:.3f}  MRR {bmrr:.3f}")
    print(f"ratio              : recall@5 x{rec / brec if brec else float('inf'):.2f}  MRR x{mrr / bmrr if bmrr else float('inf'):.2f}")
    if args.verbose:
        for cid, missing, got in misses:
            print(f"  {cid}: missing {missing}; top 5 {got}")
    if args.sweep:
        for f in FEATURES:
            w = replace(cfg.weights, **{f: 0.0})
            r2, m2, _ = evaluate(cases, replace(cfg, weights=w))
            print(f"without {f:<10}: recall@5 {r2:.3f}  MRR {m2:.3f}")
        # threshold for inferred links: among each case's top_k, how many links pass and how
        # many of those are expected (precision) / how many expected ids pass (recall)
        print("threshold  links  precision  recall   (top_k=%d)" % cfg.top_k)
        ranked = [(c, find(text=c["text"], top=cfg.top_k, config=cfg)) for c in cases]
        for t in (0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75):
            links = good = 0
            for c, r in ranked:
                for x in r.candidates:
                    if x.score >= t:
                        links += 1
                        good += r.base_ids.get(x.key) in c["expect"]
            exp = sum(len(c["expect"]) for c in cases)
            print(f"{t:9.2f}  {links:5d}  {good / links if links else 0:9.3f}  {good / exp:6.3f}")


if __name__ == "__main__":
    main()
