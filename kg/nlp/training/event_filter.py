"""Train and cross-validate the event filter (:mod:`kg.nlp.event_filter`).

    python -m kg.nlp.training.event_filter [--thresholds 0.2,0.3,0.4,0.5] [--nested 0.001,0.01,0.03] [--json F]
    python -m kg.nlp.training.event_filter --install   # fit on everything, install (then loaded by default)

The filter did not beat the rules on dev cross-validation and does not ship (docs/extraction.md);
``--install`` writes ``kg/nlp/weights/event_filter/``, after which ``kg_learned_events`` loads it.

**Labels** come from the shared scorer itself: each rule event (``--rules-only`` output) of a gold
document is labelled 1 when ``score.py``'s own event matching (same measure, a shared actor, greedy on
role overlap) pairs it with a gold event, else 0. To read the pairing without re-implementing it, each
predicted event's measure set gets one extra marker value naming its node (no gold measure equals it,
so the matching is unchanged) and the unmatched events are read back from the scorer's ``event FP``
lines (:func:`matched_keys`).

**The measure-probability feature** must not be in-sample: the rows of a dev document use the
classifier trained without its fold (the same 5 contiguous folds as :mod:`kg.nlp.training.crossval`);
the own sets use a classifier trained on the dev split alone.

**Cross-validation**: for each fold the filter is fitted on the rows of the other folds plus the own
sets, and the held fold is scored with the shared scorer three ways: rules alone, rules + the measure
classifier's proposals (the current default, threshold 0.3), and the same with the filter at each
threshold. Pooled and per fold. Never reads the test split.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from kg.nlp.training import convert as C
from kg.nlp.training.crossval import Scorer, folds_of
from kg.nlp.training.train import spacy_train

MARK = "~kgnode:"
_MARK_RE = re.compile(re.escape(MARK) + r"([^'\"\]]+)")


def matched_keys(sc, rec: dict, extraction) -> tuple[set[str], set[str]]:
    """(keys of the extraction's events the scorer matches to a gold event, keys of those it does not)."""
    from rdflib import Graph

    from kg.ids import key_of
    from kg.link.merge import merge
    from kg.rdf.write import serialize_batch

    g = Graph()
    g.parse(data=serialize_batch(merge([extraction]), "turtle").decode("utf-8"), format="turtle")
    pred = sc.pred_from_graph(g)
    for node, pev in pred["events"].items():
        pev["measure"].add(MARK + str(node))
    ds = sc.DocScorer(rec, pred)
    ds.score()
    fp = {m.group(1) for line in ds.misses if line.startswith("event FP:") for m in _MARK_RE.finditer(line)}
    keys = {str(n): key_of(n) or str(n) for n in pred["events"]}
    return {k for n, k in keys.items() if n not in fp}, {k for n, k in keys.items() if n in fp}


def single_window(recs: list[tuple[dict, Path]]) -> list[tuple[dict, Path]]:
    """The records whose text is one extraction window (the cross-validation caches one Doc each)."""
    from kg.ingest import iter_dispatches
    from kg.nlp.windows import windows

    out = []
    for rec, path in recs:
        d = next(x for x in iter_dispatches([path]))
        if not isinstance(d, Exception) and len(windows(d.text)) == 1:
            out.append((rec, path))
    return out


class Rows:
    """Feature rows and labels of every rule event of a set of documents (one Scorer cache)."""

    def __init__(self, recs: list[tuple[dict, Path]]):
        from kg.nlp.extract import doc_to_extraction

        self.scorer = Scorer(recs)
        self.labels: dict[str, dict[str, int]] = {}
        for rid in self.scorer.cache:
            rec, d, doc, events, analogies, ents = self.scorer.restore(rid)
            ok, _ = matched_keys(self.scorer.sc, rec, doc_to_extraction(doc, d, self.scorer.ex.info))
            self.labels[rid] = {ev.key: int(ev.key in ok) for ev in events}

    def rows(self, ids: list[str], comp) -> tuple[list[list[str]], list[int]]:
        """Features (with ``comp``'s measure probabilities) and labels of the documents ``ids``."""
        from kg.nlp.event_filter import features
        from kg.nlp.learned import classified_sentences

        X, y = [], []
        for rid in ids:
            rec, d, doc, events, analogies, ents = self.scorer.restore(rid)
            sents = classified_sentences(doc)
            probs = comp.scores(sents) if sents else []
            kp = comp.kind_probs(events, sents, [s.start_char for s in sents], probs) if sents else {}
            for ev in events:
                X.append(features(doc, ev, comp.triggers(), kp.get(ev.key), events))
                y.append(self.labels[rid][ev.key])
        return X, y


def without_mprob(rows: list[list[str]]) -> list[list[str]]:
    return [[f for f in r if "mprob" not in f] for r in rows]


def sources_split():
    sources = C.default_sources()
    dev = [s for s in sources if "corpus" in Path(s.gold).parts]
    return dev, [s for s in sources if s not in dev]


def measure_models(work: Path, k: int, log=print) -> tuple[list[list[str]], list[Path], Path, list, list]:
    """The fold classifiers (trained without their fold, on the rest of dev + the own sets) and one trained
    on the dev split alone (for the own sets' rows): (folds, fold models, dev-only model, dev recs, own recs)."""
    dev_sources, own_sources = sources_split()
    dev_recs, own_recs = C.read_records(dev_sources), C.read_records(own_sources)
    conv = {c.id: c for c in C.convert(dev_recs + own_recs, C.sentence_nlp())}
    folds = folds_of([r["id"] for r, _ in dev_recs], k)
    models = []
    for f, held in enumerate(folds):
        out = work / f"fold{f}" / "measures"
        if not (out / "model-last" / "config.cfg").is_file():
            log(f"fold {f}: training the measure classifier")
            paths = C.write([conv[i] for i in conv if i not in held], work / f"fold{f}" / "data")
            spacy_train(paths["textcat_train"], paths["textcat_dev"], out)
        models.append(out / "model-last")
    dev_only = work / "devonly" / "measures"
    if not (dev_only / "model-last" / "config.cfg").is_file():
        log("training the measure classifier on the dev split alone (for the own sets' rows)")
        ids = {r["id"] for r, _ in dev_recs}
        paths = C.write([conv[i] for i in conv if i in ids], work / "devonly" / "data")
        spacy_train(paths["textcat_train"], paths["textcat_dev"], dev_only)
    return folds, models, dev_only / "model-last", dev_recs, own_recs


def all_rows(work: Path, k: int, log=print):
    """(folds, fold models, dev Rows, own Rows, rows per dev fold, own rows) with out-of-sample probabilities."""
    import spacy

    from kg.nlp.learned import LearnedEvents

    folds, models, dev_only, dev_recs, own_recs = measure_models(work, k, log)
    log("rules pipeline over the dev documents and the own sets")
    dev = Rows(dev_recs)
    own = Rows(single_window(own_recs))
    host = spacy.blank("en")
    per_fold = [dev.rows(held, LearnedEvents(host, weights=m, event_filter=False)) for held, m in zip(folds, models)]
    own_rows = own.rows(list(own.scorer.cache), LearnedEvents(host, weights=dev_only, event_filter=False))
    return folds, models, dev, own, per_fold, own_rows


def fitted(per_fold: list, own_rows: tuple, excluded: set[int], l2: float, mprob: bool = True) -> dict:
    """The filter fitted on the dev folds not in ``excluded`` plus the own sets."""
    from kg.nlp.event_filter import fit

    X = [r for g, p in enumerate(per_fold) if g not in excluded for r in p[0]] + own_rows[0]
    y = [v for g, p in enumerate(per_fold) if g not in excluded for v in p[1]] + own_rows[1]
    return fit(X if mprob else without_mprob(X), y, l2=l2)


def run(k: int = 5, thresholds: tuple[float, ...] = (0.2, 0.3, 0.4, 0.5), work: Path | None = None,
        log=print, mprob: bool = True, l2: float = 1e-2, nested: tuple[float, ...] = ()) -> dict:
    """Pooled and per-fold scores of rules / rules + proposals / + filter at each threshold; with ``nested``
    (l2 values), also a nested choice: for each held fold, (l2, threshold) or no filter is chosen by the
    headline of an inner cross-validation over the other folds, then scored on the held fold."""
    import spacy

    from kg.nlp.event_filter import EventFilter
    from kg.nlp.learned import LearnedEvents

    work = Path(work or C.ROOT / "build/crossval")
    folds, models, dev, _, per_fold, own_rows = all_rows(work, k, log)
    host = spacy.blank("en")
    names = ["rules", "combined@0.3"] + [f"filter@{t}" for t in thresholds] + (["nested"] if nested else [])
    variants: dict[str, list] = {n: [] for n in names}
    per: list[dict] = []
    chosen = []

    def with_filter(f: int, model: dict | None, t: float):
        return LearnedEvents(host, weights=models[f], event_filter=EventFilter(model, threshold=t) if model else False)

    for f, held in enumerate(folds):
        model = fitted(per_fold, own_rows, {f}, l2, mprob)
        log(f"fold {f}: filter fitted on the other folds and the own sets")
        rows = {"rules": dev.scorer.score(held), "combined@0.3": dev.scorer.score(held, with_filter(f, None, 0))}
        for t in thresholds:
            rows[f"filter@{t}"] = dev.scorer.score(held, with_filter(f, model, t))
        if nested:
            inner: dict[tuple[float, float], list] = {(0.0, 0.0): []}
            for g in (g for g in range(k) if g != f):
                inner[(0.0, 0.0)] += dev.scorer.score(folds[g], with_filter(g, None, 0))
                for c in nested:
                    m = fitted(per_fold, own_rows, {f, g}, c, mprob)
                    for t in thresholds:
                        inner.setdefault((c, t), []).extend(dev.scorer.score(folds[g], with_filter(g, m, t)))
            hs = {key: dev.scorer.sc.aggregate(v)["headline_f1"] for key, v in inner.items()}
            best = max(hs, key=lambda key: (round(hs[key], 4), key == (0.0, 0.0)))  # ties: no filter
            chosen.append({"fold": f, "l2": best[0], "threshold": best[1], "inner_headline": hs[best],
                           "inner_headline_off": hs[(0.0, 0.0)]})
            log(f"fold {f}: nested choice {chosen[-1]}")
            chosen_model = fitted(per_fold, own_rows, {f}, best[0], mprob) if best[0] else None
            rows["nested"] = dev.scorer.score(held, with_filter(f, chosen_model, best[1]))
        for n in names:
            variants[n] += rows[n]
        per.append({n: summary(dev.scorer.sc.aggregate(r)) for n, r in rows.items()})
    n_events = len(own_rows[1]) + sum(len(p[1]) for p in per_fold)
    matched = sum(own_rows[1]) + sum(sum(p[1]) for p in per_fold)
    return {"folds": [[h[0], h[-1], len(h)] for h in folds], "events": n_events, "matched": matched,
            "mprob": mprob, "l2": l2, "nested_choices": chosen,
            "variants": {n: summary(dev.scorer.sc.aggregate(r)) for n, r in variants.items()}, "per_fold": per}


def summary(a: dict) -> dict:
    out = {"headline": a["headline_f1"], "entities": a["entities"]["f1"], "relations": a["relations"]["f1"]}
    out.update({f"{k}_{x}": a[k][x] for k in ("events", "roles") for x in ("p", "r", "f1")})
    return out


def table(res: dict) -> str:
    lines = ["| dev CV | headline | events P / R / F1 | roles P / R / F1 |", "|---|---|---|---|"]

    def row(n, v):
        return (f"| {n} | {v['headline']:.3f} | {v['events_p']:.3f} / {v['events_r']:.3f} / {v['events_f1']:.3f} | "
                f"{v['roles_p']:.3f} / {v['roles_r']:.3f} / {v['roles_f1']:.3f} |")
    lines += [row(n, v) for n, v in res["variants"].items()]
    for f, p in enumerate(res.get("per_fold", [])):
        lines += [row(f"fold {f} {n}", v) for n, v in p.items()]
    return "\n".join(lines)


def train_and_install(threshold: float, work: Path | None = None, log=print, dest: Path | None = None,
                      k: int = 5) -> Path:
    """Fit the filter on every dev document and the own sets (out-of-sample measure probabilities) and
    write it to the package's weights folder with its training description."""
    from kg.nlp.event_filter import WEIGHTS_FILE, weights_path

    work = Path(work or C.ROOT / "build/training/event_filter")
    _, _, _, _, per_fold, own_rows = all_rows(work, k, log)
    model = fitted(per_fold, own_rows, set(), 1e-2)
    y = [v for p in per_fold for v in p[1]] + own_rows[1]
    model["threshold"] = threshold
    dest = Path(dest) if dest else weights_path()
    dest.mkdir(parents=True, exist_ok=True)
    (dest / WEIGHTS_FILE).write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    dev_sources, own_sources = sources_split()
    gold = hashlib.sha256()
    for s in dev_sources + own_sources:
        gold.update(Path(s.gold).read_bytes())
    meta = {"component": "event filter (logistic regression over binary features of each rule event)",
            "description": (f"{len(y)} rule events ({sum(y)} matched by the scorer) of the real-news corpus dev "
                            "split and the project's own sets; never the test split"),
            "gold_sha256": gold.hexdigest(), "data": {"events": len(y), "matched": sum(y)}}
    (dest / "kg_training.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return dest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.nlp.training.event_filter", description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--thresholds", default="0.2,0.3,0.4,0.5")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--no-mprob", action="store_true", help="leave out the measure classifier's probability")
    ap.add_argument("--l2", type=float, default=1e-2, help="the logistic regression's L2 penalty")
    ap.add_argument("--nested", default="",
                    help="l2 values for a nested choice of (l2, threshold), e.g. 0.001,0.01,0.03")
    ap.add_argument("--install", action="store_true", help="fit on all the data and replace the packaged filter")
    args = ap.parse_args(argv)
    log = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731
    if args.install:
        from kg.nlp.event_filter import THRESHOLD

        print(f"installed {train_and_install(THRESHOLD, args.work, log)}")
        return 0
    res = run(args.folds, tuple(float(x) for x in args.thresholds.split(",")), args.work, log, mprob=not args.no_mprob,
              l2=args.l2, nested=tuple(float(x) for x in args.nested.split(",") if x))
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n")
    print(table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
