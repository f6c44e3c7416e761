"""End-to-end cross-validation of the two-stage measure-sentence model (:mod:`kg.nlp.sentence_model`).

    python -m kg.nlp.training.crossval_sentences [--folds 5] [--thresholds 0.5,0.7,0.9] [--groups bow+lex]
    python -m kg.nlp.training.crossval_sentences --fresh d9     # train on d1-d8 + own sets, score a batch

Dev = the corpus batches d1-d8 (never d9, never the test split), folds as :mod:`kg.nlp.training.crossval`
(contiguous by id, a batch's stories together); the own sets are always in training. Each held fold is
scored with the shared scorer: the rules alone and rules + the model's proposals (``kg_learned_events``,
combined mode) at each threshold; pooled over the held folds, with sentence-level P/R of the pairs.
``--fresh BATCH`` scores an unseen batch once (pooled figures only, never its misses).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.nlp.sentence_model import SentenceModel
from kg.nlp.training import convert as C
from kg.nlp.training.crossval import DEV_BATCHES, folds_of, prf
from kg.nlp.training.sentence_cv import pair_counts
from kg.nlp.training.sentence_rows import Row, build_with_scorer

def sources(batches=DEV_BATCHES) -> tuple[list, list]:
    src = C.default_sources(batches=list(batches))
    dev = [s for s in src if "corpus" in Path(s.gold).parts]
    return dev, [s for s in src if s not in dev]


def summary(a: dict) -> dict:
    return {**{k: a[k]["f1"] for k in ("entities", "events", "roles", "relations")},
            "events_p": a["events"]["p"], "events_r": a["events"]["r"], "roles_p": a["roles"]["p"],
            "roles_r": a["roles"]["r"], "headline": a["headline_f1"]}


def fit(rows: list[Row], groups: str, design: str, l2: float) -> SentenceModel:
    return SentenceModel.fit(rows, [r.gold for r in rows], groups.split("+"), design, l2)


def run(k: int = 5, thresholds=(0.5, 0.7, 0.9), groups: str = "bow+lex", design: str = "two-stage",
        l2: float = 1e-3, log=print) -> dict:
    import spacy

    from kg.nlp.learned import LearnedEvents

    dev_src, own_src = sources()
    dev_recs, own_recs = C.read_records(dev_src), C.read_records(own_src)
    log(f"rows: {len(dev_recs)} dev + {len(own_recs)} own documents")
    dev_rows, scorer = build_with_scorer(dev_recs, log)
    own_rows, _ = build_with_scorer(own_recs, log)
    folds = folds_of(list(scorer.cache), k)
    host = spacy.blank("en")
    variants: dict[str, list] = {"rules": []}
    sent = {t: [0, 0, 0, 0, 0, 0] for t in thresholds}
    for f, held in enumerate(folds):
        hs = set(held)
        model = fit([r for r in dev_rows if r.doc_id not in hs] + own_rows, groups, design, l2)
        log(f"fold {f}: held {len(held)} ({held[0]}..{held[-1]})")
        variants["rules"] += scorer.score(held)
        test = [r for r in dev_rows if r.doc_id in hs]
        p = model.predict(test)
        for t in thresholds:
            for bare in (False, True):
                comp = LearnedEvents(host, weights=model, threshold=t, event_filter=False, kind_chooser=False,
                                     bare_only=bare)
                variants.setdefault(f"combined{'-bare' if bare else ''}@{t}", []).extend(scorer.score(held, comp))
            sent[t] = [a + b for a, b in zip(sent[t], pair_counts(test, p, t, "all") + pair_counts(test, p, t, "new"))]
    agg = {n: summary(scorer.sc.aggregate(rows)) for n, rows in variants.items()}
    return {"folds": [[h[0], h[-1], len(h)] for h in folds], "groups": groups, "design": design,
            "variants": agg, "sentences": {str(t): {"all": prf(*v[:3]), "new": prf(*v[3:])} for t, v in sent.items()}}


def fresh(batch: str, thresholds=(0.5, 0.7, 0.9), groups: str = "bow+lex", design: str = "two-stage",
          l2: float = 1e-3, log=print) -> dict:
    """Train on d1-d8 + the own sets, score ``batch`` (rules vs combined; pooled figures only)."""
    import spacy

    from kg.nlp.learned import LearnedEvents
    from kg.nlp.training.crossval import Scorer
    from kg.nlp.training.event_filter import single_window

    if batch in DEV_BATCHES:
        raise SystemExit(f"{batch} is a training batch")
    dev_src, own_src = sources()
    rows = build_with_scorer(C.read_records(dev_src) + C.read_records(own_src), log)[0]
    model = fit(rows, groups, design, l2)
    recs = single_window(C.read_records(sources((batch,))[0]))
    scorer = Scorer(recs)
    ids = list(scorer.cache)
    host = spacy.blank("en")
    variants = {"rules": scorer.score(ids)}
    for t in thresholds:
        for bare in (False, True):
            variants[f"combined{'-bare' if bare else ''}@{t}"] = scorer.score(ids, LearnedEvents(
                host, weights=model, threshold=t, event_filter=False, kind_chooser=False, bare_only=bare))
    return {"documents": len(ids), "groups": groups, "design": design,
            "variants": {n: summary(scorer.sc.aggregate(r)) for n, r in variants.items()}}


def table(res: dict) -> str:
    from kg.nlp.training.crossval import table as T

    out = T({"variants": res["variants"]})
    for t, v in res.get("sentences", {}).items():
        out += (f"\nsentences @{t}: all P {v['all']['p']:.3f} R {v['all']['r']:.3f}; "
                f"new to the rules P {v['new']['p']:.3f} R {v['new']['r']:.3f}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.nlp.training.crossval_sentences",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--thresholds", default="0.5,0.7,0.9")
    ap.add_argument("--groups", default="bow+lex")
    ap.add_argument("--design", default="two-stage")
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--fresh", default=None, help="train on d1-d8 + own sets and score this unseen batch")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    log = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731
    th = tuple(float(x) for x in args.thresholds.split(","))
    if args.fresh:
        res = fresh(args.fresh, th, args.groups, args.design, args.l2, log)
    else:
        res = run(args.folds, th, args.groups, args.design, args.l2, log)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n")
    print(table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
