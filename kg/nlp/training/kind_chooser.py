"""Train and cross-validate the kind chooser (:mod:`kg.nlp.kind_chooser`).

    python -m kg.nlp.training.kind_chooser [--margins 0.1,0.3,0.5] [--json F]
    python -m kg.nlp.training.kind_chooser --install --margin M   # fit on everything, install

**Labels** come from the shared scorer's own event matching, read as :mod:`kg.nlp.training.event_filter`
reads it (a marker measure per predicted node; the ``event FP`` / ``event FN`` lines): a rule event the
scorer matches is labelled with its own kind (the gold kind, since matching needs the same kind); an
unmatched rule event whose actor has an unmatched gold event of another kind stated in the same sentence
is labelled with that gold kind (with :data:`STRICT` off, the default: else with the actor's one unmatched
gold kind); other unmatched rule events (no measure at all, or nothing to move to) are not training rows.
The chooser did not beat the rules on dev cross-validation and does not ship (docs/extraction.md).

**Probabilities** of the measure classifier are out-of-fold (the fold models of the event filter's
cross-validation; the own sets use the dev-only model). **Cross-validation**: 5 contiguous folds by
document; per held fold the chooser is fitted on the other folds plus the own sets and the fold is scored
by the shared scorer: rules; rules + the classifier's proposals (threshold 0.3, the shipped default);
the same + the chooser at each margin; and a nested choice (the margin, or no chooser, with the best
headline over an inner cross-validation of the other folds). Never reads the test split.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from kg.nlp.training import convert as C
from kg.nlp.training.event_filter import MARK, measure_models, single_window, sources_split, summary, table

_MARK_RE = re.compile(re.escape(MARK) + r"([^'\"\]]+)")
_WORD = re.compile(r"\w+")
#: labels need the gold event of the other kind in the rule event's own sentence (else, when none is, the
#: actor's one unmatched gold kind: the scorer matches events without sentences)
STRICT = False


def same_sentence(a: str, b: str) -> bool:
    """Whether two sentence texts are the same sentence (containment or word overlap >= 0.6)."""
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.8 or len(wa & wb) / len(wa | wb) >= 0.6


def kind_labels(sc, rec: dict, extraction, doc, events, strict: bool | None = None) -> dict[str, str]:
    """Event key -> training kind (see the module docstring); unlabelled events are absent. ``strict``: the
    other kind's gold event must be stated in the event's evidence sentence (else: the actor's only one)."""
    from rdflib import Graph

    from kg.ids import key_of
    from kg.link.merge import merge
    from kg.nlp.event_filter import evidence_sents
    from kg.rdf.write import serialize_batch

    g = Graph()
    g.parse(data=serialize_batch(merge([extraction]), "turtle").decode("utf-8"), format="turtle")
    pred = sc.pred_from_graph(g)
    for node, pev in pred["events"].items():
        pev["measure"].add(MARK + str(node))
    ds = sc.DocScorer(rec, pred)
    ds.score()
    fp = {m.group(1) for line in ds.misses if line.startswith("event FP:") for m in _MARK_RE.finditer(line)}
    fn = {line.split()[2] for line in ds.misses if line.startswith("event FN:")}
    by_key = {ev.key: ev for ev in events}
    out: dict[str, str] = {}
    for node, pev in pred["events"].items():
        ev = by_key.get(key_of(node) or str(node))
        if ev is None:
            continue
        if str(node) not in fp:
            out[ev.key] = ev.measure
            continue
        actors = {ds.canon(a) for a in pev["actor"]}
        texts = [s.text for s in evidence_sents(doc, ev)]
        cands = [gev for gev in rec.get("events", []) if gev["id"] in fn and gev["measure"] != ev.measure
                 and {f"G:{a}" for a in gev["actor"]} & actors]
        kinds = sorted({gev["measure"] for gev in cands
                        if any(same_sentence(gev.get("evidence", ""), t) for t in texts)})
        if not kinds and not (STRICT if strict is None else strict):
            kinds = sorted({gev["measure"] for gev in cands})
        if len(kinds) == 1:
            out[ev.key] = kinds[0]
    return out


class KindRows:
    """Rule events of a set of documents with their training kinds (one Scorer cache)."""

    def __init__(self, recs: list[tuple[dict, Path]]):
        from kg.nlp.extract import doc_to_extraction
        from kg.nlp.training.crossval import Scorer

        self.scorer = Scorer(recs)
        self.labels: dict[str, dict[str, str]] = {}
        for rid in self.scorer.cache:
            rec, d, doc, events, analogies, ents = self.scorer.restore(rid)
            self.labels[rid] = kind_labels(self.scorer.sc, rec, doc_to_extraction(doc, d, self.scorer.ex.info),
                                           doc, events)

    def rows(self, ids: list[str], comp) -> tuple[list[list[str]], list[str], list[str]]:
        """(features, kinds, rule kinds) of the labelled rule events of ``ids`` (``comp``'s probabilities)."""
        from kg.nlp.kind_chooser import features
        from kg.nlp.learned import classified_sentences

        X, y, rule = [], [], []
        for rid in ids:
            rec, d, doc, events, analogies, ents = self.scorer.restore(rid)
            sents = classified_sentences(doc)
            probs = comp.scores(sents) if sents else []
            starts = [s.start_char for s in sents]
            for ev in events:
                if ev.key not in self.labels[rid]:
                    continue
                kp = comp.all_kind_probs(ev, sents, starts, probs) if sents else {}
                X.append(features(doc, ev, comp.triggers(), kp))
                y.append(self.labels[rid][ev.key])
                rule.append(ev.measure)
        return X, y, rule


def all_rows(work: Path, k: int, log=print):
    import spacy

    from kg.nlp.learned import LearnedEvents

    folds, models, dev_only, dev_recs, own_recs = measure_models(work, k, log)
    log("rules pipeline over the dev documents and the own sets")
    dev = KindRows(dev_recs)
    own = KindRows(single_window(own_recs))
    host = spacy.blank("en")
    per_fold = [dev.rows(held, LearnedEvents(host, weights=m, event_filter=False, kind_chooser=False))
                for held, m in zip(folds, models)]
    own_rows = own.rows(list(own.scorer.cache), LearnedEvents(host, weights=dev_only, event_filter=False,
                                                               kind_chooser=False))
    return folds, models, dev, per_fold, own_rows


def fitted(per_fold: list, own_rows: tuple, excluded: set[int], l2: float = 1e-2) -> dict:
    from kg.nlp.kind_chooser import fit

    X = [r for g, p in enumerate(per_fold) if g not in excluded for r in p[0]] + own_rows[0]
    y = [v for g, p in enumerate(per_fold) if g not in excluded for v in p[1]] + own_rows[1]
    return fit(X, y, l2=l2)


def run(k: int = 5, margins: tuple[float, ...] = (0.1, 0.3, 0.5), work: Path | None = None, log=print,
        l2: float = 1e-2) -> dict:
    import spacy

    from kg.nlp.kind_chooser import KindChooser
    from kg.nlp.learned import LearnedEvents

    work = Path(work or C.ROOT / "build/crossval")
    folds, models, dev, per_fold, own_rows = all_rows(work, k, log)
    host = spacy.blank("en")
    names = ["rules", "combined@0.3", "rules+chooser@best-nested"] + [f"chooser@{m}" for m in margins] + ["nested"]
    variants: dict[str, list] = {n: [] for n in names}
    per, chosen = [], []

    def comp(f: int, model: dict | None, m: float, threshold: float = 0.3):
        return LearnedEvents(host, weights=models[f], threshold=threshold, event_filter=False,
                             kind_chooser=KindChooser(model, margin=m) if model else False)

    combined = [dev.scorer.score(held, comp(f, None, 0)) for f, held in enumerate(folds)]
    for f, held in enumerate(folds):
        model = fitted(per_fold, own_rows, {f}, l2)
        rows = {"rules": dev.scorer.score(held), "combined@0.3": combined[f]}
        for m in margins:
            rows[f"chooser@{m}"] = dev.scorer.score(held, comp(f, model, m))
        inner: dict[float, list] = {-1.0: []}
        for g in (g for g in range(k) if g != f):
            inner[-1.0] += combined[g]
            mg = fitted(per_fold, own_rows, {f, g}, l2)
            for m in margins:
                inner.setdefault(m, []).extend(dev.scorer.score(folds[g], comp(g, mg, m)))
        hs = {m: dev.scorer.sc.aggregate(v)["headline_f1"] for m, v in inner.items()}
        best = max(hs, key=lambda m: (round(hs[m], 4), m == -1.0))  # ties: no chooser
        chosen.append({"fold": f, "margin": best, "inner": {str(m): round(h, 4) for m, h in hs.items()}})
        log(f"fold {f}: nested choice {chosen[-1]}")
        rows["nested"] = rows["combined@0.3"] if best < 0 else rows[f"chooser@{best}"]
        rows["rules+chooser@best-nested"] = (rows["rules"] if best < 0 else
                                             dev.scorer.score(held, comp(f, model, best, threshold=1.01)))
        for n in names:
            variants[n] += rows[n]
        per.append({n: summary(dev.scorer.sc.aggregate(r)) for n, r in rows.items()})
    n_rows = len(own_rows[1]) + sum(len(p[1]) for p in per_fold)
    moved = sum(a != b for p in per_fold + [own_rows] for a, b in zip(p[1], p[2]))
    return {"folds": [[h[0], h[-1], len(h)] for h in folds], "rows": n_rows, "rows_other_kind": moved,
            "nested_choices": chosen,
            "variants": {n: summary(dev.scorer.sc.aggregate(r)) for n, r in variants.items()}, "per_fold": per}


def train_and_install(margin: float, work: Path | None = None, log=print, dest: Path | None = None,
                      k: int = 5) -> Path:
    """Fit the chooser on every dev document and the own sets and write it to the package's weights."""
    from kg.nlp.kind_chooser import WEIGHTS_FILE, weights_path

    work = Path(work or C.ROOT / "build/training/kind_chooser")
    _, _, _, per_fold, own_rows = all_rows(work, k, log)
    model = fitted(per_fold, own_rows, set())
    model["margin"] = margin
    y = [v for p in per_fold for v in p[1]] + own_rows[1]
    dest = Path(dest) if dest else weights_path()
    dest.mkdir(parents=True, exist_ok=True)
    (dest / WEIGHTS_FILE).write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    dev_sources, own_sources = sources_split()
    gold = hashlib.sha256()
    for s in dev_sources + own_sources:
        gold.update(Path(s.gold).read_bytes())
    meta = {"component": "kind chooser (multinomial logistic regression over binary features of each rule event)",
            "description": f"{len(y)} labelled rule events of the real-news corpus dev split and the project's own "
                           "sets; never the test split", "gold_sha256": gold.hexdigest(), "data": {"events": len(y)}}
    (dest / "kg_training.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return dest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.nlp.training.kind_chooser", description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--margins", default="0.1,0.3,0.5")
    ap.add_argument("--l2", type=float, default=1e-2)
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--install", action="store_true", help="fit on all the data and install the chooser")
    ap.add_argument("--margin", type=float, default=None, help="with --install: the margin (default MARGIN)")
    args = ap.parse_args(argv)
    log = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731
    if args.install:
        from kg.nlp.kind_chooser import MARGIN

        print(f"installed {train_and_install(MARGIN if args.margin is None else args.margin, args.work, log)}")
        return 0
    res = run(args.folds, tuple(float(x) for x in args.margins.split(",")), args.work, log, l2=args.l2)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n")
    print(f"{res['rows']} labelled rule events, {res['rows_other_kind']} labelled with another kind")
    print(table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
