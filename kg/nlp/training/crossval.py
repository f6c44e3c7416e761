"""Dev cross-validation of the learned layer against the rules, with the shared scorer.

    python -m kg.nlp.training.crossval [--folds 5] [--thresholds 0.05,0.1] [--relabels 0.5,0.8] [--json F]
    python -m kg.nlp.training.crossval --component entities     # the entity recogniser (crossval_entities)
    python -m kg.nlp.training.crossval --final data/corpus/test   # final figures only, packaged weights

The corpus dev batches d1-d8 (:data:`DEV_BATCHES`; never d9, the unseen-news check) are cut into
``folds`` contiguous blocks of documents sorted by id (a batch's
stories stay together, so a fold's stories are mostly unseen). For each fold the measure classifier
is trained with ``spacy train`` on the other folds plus the project's own sets, and the held fold is
scored three ways with the real scorer (:func:`kg.evaluate.load_scorer`, the RDF path ``kg eval``
takes): **rules** alone (the pipeline without the learned component), **model** alone (events only
from the classifier, through the same actor/role/status machinery) and **combined** (rules plus the
classifier's proposals). The rules pipeline runs once per document; each variant re-runs only the
learned component on a restored copy of the rule output. Scores are pooled over all folds (micro,
as ``score.py`` aggregates). Also printed: sentence-level precision/recall of the classifier.

Cross-validation never reads the test split; ``--final SPLIT`` scores a split once with the
packaged weights and prints only pooled figures (how the test row of docs/extraction.md was made).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kg.nlp.training import convert as C
from kg.nlp.training.train import spacy_train

if TYPE_CHECKING:
    from kg.models import Dispatch



#: the dev batches cross-validation folds (d9 is the never-read transfer check: never trained on, scored only)
DEV_BATCHES = tuple(f"d{i}" for i in range(1, 9))


def one_dispatch(rec: dict, path: Path) -> Dispatch:
    """The one dispatch of a gold record's text; a clear exit when it cannot be read or is long enough
    to be cut into windows (cross-validation caches one Doc per document)."""
    from kg.ingest import iter_dispatches
    from kg.nlp.windows import windows

    d = next(x for x in iter_dispatches([path]))
    if isinstance(d, Exception):
        raise SystemExit(f"{rec['id']}: {d}")
    if len(windows(d.text)) != 1:
        raise SystemExit(f"{rec['id']}: long dispatch (windows); cross-validation expects one window")
    return d


def folds_of(ids: list[str], k: int) -> list[list[str]]:
    ids = sorted(ids)
    n = len(ids)
    return [ids[i * n // k:(i + 1) * n // k] for i in range(k)]


class Scorer:
    """Rule output cached per document; scores a variant of the learned component on it."""

    def __init__(self, records: list[tuple[dict, Path]]):
        from kg.evaluate import load_scorer
        from kg.nlp.extract import Extractor

        self.sc = load_scorer()
        self.ex = Extractor(rules_only=True)
        self.cache = {}
        for rec, path in records:
            d = one_dispatch(rec, path)
            doc = self.ex.nlp(self.ex._doc(d))
            self.cache[rec["id"]] = (rec, d, doc, list(doc._.kg_events or []), list(doc._.kg_analogies or []),
                                     dict(doc._.kg_entities or {}))

    def restore(self, rid: str) -> tuple:
        """Document ``rid``'s cached entry, its Doc set back to the rules' events, analogies and entities."""
        rec, d, doc, events, analogies, ents = entry = self.cache[rid]
        doc._.kg_events, doc._.kg_analogies, doc._.kg_entities = list(events), list(analogies), dict(ents)
        return entry

    def score(self, ids: list[str], component=None) -> list[dict]:
        from kg.nlp.extract import doc_to_extraction

        out = []
        for i in ids:
            rec, d, doc, events, analogies, ents = self.restore(i)
            if component is not None:
                component(doc)
            out.append(score_extraction(self.sc, rec, doc_to_extraction(doc, d, self.ex.info)))
        return out


def score_extraction(sc, rec: dict, extraction) -> dict:
    """One document's scores by the shared scorer ``sc``, read from the RDF ``kg eval`` reads."""
    from rdflib import Graph

    from kg.link.merge import merge
    from kg.rdf.write import serialize_batch

    g = Graph()
    g.parse(data=serialize_batch(merge([extraction]), "turtle").decode("utf-8"), format="turtle")
    return sc.DocScorer(rec, sc.pred_from_graph(g)).score()


def sentence_prf(component, conv: list[C.Converted], threshold: float) -> tuple[int, int, int]:
    import numpy as np

    tp = fp = fn = 0
    labels = component.labels
    for c in conv:
        if not c.sentences:
            continue
        probs = component.textcat.model.predict(c.sentences)
        for s, row in zip(c.sentences, np.asarray(probs)):
            gold = {m for m, v in s.cats.items() if v}
            pred = {labels[j] for j, p in enumerate(row) if p >= threshold}
            tp += len(gold & pred)
            fp += len(pred - gold)
            fn += len(gold - pred)
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "tp": tp, "fp": fp, "fn": fn}


def run(k: int = 5, thresholds: tuple[float, ...] = (0.05, 0.1, 0.2, 0.3, 0.5), work: Path | None = None,
        log=print, relabels: tuple[float, ...] = (0.5, 0.8)) -> dict:
    import spacy

    from kg.nlp.learned import LearnedEvents

    work = Path(work or C.ROOT / "build/crossval")
    sources = C.default_sources(batches=list(DEV_BATCHES))
    dev_sources = [s for s in sources if "corpus" in Path(s.gold).parts]
    own_sources = [s for s in sources if s not in dev_sources]
    dev_recs = C.read_records(dev_sources)
    own_recs = C.read_records(own_sources)
    nlp = C.sentence_nlp()
    log(f"converting {len(dev_recs)} dev + {len(own_recs)} own documents")
    conv = {c.id: c for c in C.convert(dev_recs + own_recs, nlp)}
    log("rules pipeline over the dev documents")
    scorer = Scorer(dev_recs)
    folds = folds_of([r["id"] for r, _ in dev_recs], k)
    own_ids = [r["id"] for r, _ in own_recs]
    variants: dict[str, list] = {"rules": []}
    for t in thresholds:
        variants[f"model@{t}"] = []
        variants[f"combined@{t}"] = []
    for r in relabels:
        variants[f"rules+relabel@{r}"] = []
    sent = {t: [0, 0, 0] for t in thresholds}
    host = spacy.blank("en")
    for f, held in enumerate(folds):
        train_ids = [i for i in conv if i not in held]
        paths = C.write([conv[i] for i in train_ids], work / f"fold{f}" / "data")
        log(f"fold {f}: training on {len(train_ids)} documents, holding {len(held)} ({held[0]}..{held[-1]})")
        model = spacy_train(paths["textcat_train"], paths["textcat_dev"], work / f"fold{f}" / "measures")
        variants["rules"] += scorer.score(held)
        for t in thresholds:
            for mode in ("model", "combined"):
                comp = LearnedEvents(host, weights=model, threshold=t, mode=mode)
                variants[f"{mode}@{t}"] += scorer.score(held, comp)
            tp, fp, fn = sentence_prf(comp, [conv[i] for i in held], t)
            sent[t] = [sent[t][0] + tp, sent[t][1] + fp, sent[t][2] + fn]
        for r in relabels:  # the kind of rule events only, no proposals (threshold above 1)
            comp = LearnedEvents(host, weights=model, threshold=1.01, mode="combined", relabel=r)
            variants[f"rules+relabel@{r}"] += scorer.score(held, comp)
    agg = {name: scorer.sc.aggregate(rows) for name, rows in variants.items()}
    return {"folds": [[h[0], h[-1], len(h)] for h in folds], "own_sets": own_ids,
            "variants": {n: {**{k2: a[k2]["f1"] for k2 in ("entities", "events", "roles", "relations")},
                             "events_p": a["events"]["p"], "events_r": a["events"]["r"],
                             "roles_p": a["roles"]["p"], "roles_r": a["roles"]["r"],
                             "headline": a["headline_f1"]} for n, a in agg.items()},
            "sentences": {str(t): prf(*v) for t, v in sent.items()}}


def final(split: Path, threshold: float | None = None) -> dict:
    """Rules / model / combined with the packaged weights on a gold split folder (or file): only the
    pooled figures, never the misses (this is how the test split is scored, once, for the docs)."""
    import spacy

    from kg.evaluate import default_texts, read_gold
    from kg.nlp.learned import THRESHOLD, LearnedEvents

    t = THRESHOLD if threshold is None else threshold
    texts = default_texts(Path(split))
    recs = [(r, texts / r.get("file", f"{r['id']}.txt")) for r in read_gold(Path(split))]
    scorer = Scorer(recs)
    ids = [r["id"] for r, _ in recs]
    host = spacy.blank("en")
    rows = {"rules": scorer.score(ids),
            f"model@{t}": scorer.score(ids, LearnedEvents(host, threshold=t, mode="model")),
            f"combined@{t}": scorer.score(ids, LearnedEvents(host, threshold=t, mode="combined"))}
    agg = {n: scorer.sc.aggregate(r) for n, r in rows.items()}
    return {"documents": len(ids), "variants": {
        n: {**{k: a[k]["f1"] for k in ("entities", "events", "roles", "relations")},
            "events_p": a["events"]["p"], "events_r": a["events"]["r"], "roles_p": a["roles"]["p"],
            "roles_r": a["roles"]["r"], "headline": a["headline_f1"]} for n, a in agg.items()},
        "sentences": {}}


def table(res: dict) -> str:
    lines = ["| variant | entities | events P / R / F1 | roles P / R / F1 | relations | headline |",
             "|---|---|---|---|---|---|"]
    for n, v in res["variants"].items():
        lines.append(f"| {n} | {v['entities']:.3f} | {v['events_p']:.3f} / {v['events_r']:.3f} / {v['events']:.3f} | "
                     f"{v['roles_p']:.3f} / {v['roles_r']:.3f} / {v['roles']:.3f} | {v['relations']:.3f} | "
                     f"{v['headline']:.3f} |")
    if not res.get("sentences"):
        return "\n".join(lines)
    lines.append("")
    lines.append("sentence classifier (pooled over held folds): " + "; ".join(
        f"@{t}: P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f}" for t, v in res["sentences"].items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.nlp.training.crossval", description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--thresholds", default="0.05,0.1,0.2,0.3,0.5")
    ap.add_argument("--relabels", default="0.5,0.8")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    ap.add_argument("--final", type=Path, default=None,
                    help="no cross-validation: score this gold split with the packaged weights (pooled figures only)")
    ap.add_argument("--threshold", type=float, default=None, help="with --final: the proposal threshold")
    ap.add_argument("--component", choices=("measures", "entities", "all"), default="all",
                    help="which learned component to cross-validate (default: both, entities first)")
    ap.add_argument("--ranks", default="0.5,1.5", help="entities: the ranks of the recogniser's spans to try")
    args = ap.parse_args(argv)
    log = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731
    if args.component in ("entities", "all") and not args.final:
        from kg.nlp.training import crossval_entities as CE

        eres = CE.run(args.folds, tuple(float(x) for x in args.ranks.split(",") if x),
                      args.work / "entities" if args.work else None, log=log)
        if args.json:
            Path(str(args.json) + ".entities.json").write_text(json.dumps(eres, indent=1) + "\n")
        print(CE.table(eres), flush=True)
        if args.component == "entities":
            return 0
    if args.final:
        res = final(args.final, args.threshold)
        if args.json:
            args.json.write_text(json.dumps(res, indent=1) + "\n")
        print(table(res))
        return 0
    res = run(args.folds, tuple(float(x) for x in args.thresholds.split(",")), args.work,
              log=log, relabels=tuple(float(x) for x in args.relabels.split(",") if x))
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n")
    print(table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
