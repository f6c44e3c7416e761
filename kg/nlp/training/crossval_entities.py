"""Dev cross-validation of the learned entity recogniser against the rules, with the shared scorer.

    python -m kg.nlp.training.crossval --component entities [--folds 5] [--ranks 0.5,1.5] [--json F]

Same folds as the measure classifier (:func:`kg.nlp.training.crossval.folds_of`: the dev split in
contiguous blocks by id). For each fold the recogniser is trained with ``spacy train``
(``entity_ner.cfg``) on the other folds plus the project's own sets, and the held fold is scored
with the real scorer (the RDF path ``kg eval`` takes), the whole graph, since entities feed the
relations and events: **rules** alone (``--rules-only``), **model** alone (only the recogniser's
spans become entities; everything downstream as usual) and **combined @rank** (the recogniser's
spans join ``kg_entities``' candidates at that rank: 0.5 = below every source, the shipped rule;
1.5 = above the re-typed statistical NER, below the gazetteer and name rules) and **confirm** (no
spans added; a statistical-NER name the recogniser does not also tag is dropped). The statistical
model runs once per document (the Doc is cached as bytes); each variant runs the ``kg_*``
components from ``kg_gazetteer`` on. Also printed: span-level P/R/F1 of the recogniser on the
held documents' gold spans (``ents.spacy``) and of the rules' mentions on the same spans.
"""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from kg.models import Dispatch

from kg.nlp.training import convert as C
from kg.nlp.training.crossval import folds_of, one_dispatch, prf, score_extraction
from kg.nlp.training.train import ENTITY_CONFIG, spacy_train


class StagedScorer:
    """The statistical model's output cached per document; scores the kg components with and
    without the learned recogniser on it."""

    def __init__(self, records: list[tuple[dict, Path]]):
        from kg.evaluate import load_scorer
        from kg.nlp.extract import Extractor

        self.sc = load_scorer()
        self.ex = Extractor(rules_only=True)
        names = self.ex.nlp.pipe_names
        cut = names.index("kg_gazetteer")
        self.pre, self.post = names[:cut], names[cut:]
        self.cache: dict[str, tuple[dict, Dispatch, bytes]] = {}
        for rec, path in records:
            d = one_dispatch(rec, path)
            doc = self.ex._doc(d)
            for n in self.pre:
                doc = self.ex.nlp.get_pipe(n)(doc)
            self.cache[rec["id"]] = (rec, d, doc.to_bytes())

    def run(self, i: str, learned=None) -> Doc:
        """Document ``i`` through the kg components, ``learned`` (a LearnedEntities) before kg_entities."""
        _, _, data = self.cache[i]
        doc = Doc(self.ex.nlp.vocab).from_bytes(data)
        for n in self.post:
            if n == "kg_entities" and learned is not None:
                doc = learned(doc)
            doc = self.ex.nlp.get_pipe(n)(doc)
        return doc

    def score(self, ids: list[str], learned=None) -> list[dict]:
        from kg.nlp.extract import doc_to_extraction

        out = []
        for i in ids:
            rec, d, _ = self.cache[i]
            out.append(score_extraction(self.sc, rec, doc_to_extraction(self.run(i, learned), d, self.ex.info)))
        return out


def span_counts(pred: set[tuple[int, int, str]], gold: set[tuple[int, int, str]]) -> tuple[int, int, int]:
    """Exact (start, end, class) matches: true positives, false positives, false negatives."""
    return len(pred & gold), len(pred - gold), len(gold - pred)


def run(k: int = 5, ranks: tuple[float, ...] = (0.5, 1.5), work: Path | None = None, log=print) -> dict:
    import spacy

    from kg.nlp.attrs import MENTIONS
    from kg.nlp.learned_entities import LearnedEntities

    work = Path(work or C.ROOT / "build/crossval_entities")
    sources = C.default_sources()
    dev_sources = [s for s in sources if "corpus" in Path(s.gold).parts]
    dev_recs = C.read_records(dev_sources)
    own_recs = C.read_records([s for s in sources if s not in dev_sources])
    log(f"converting {len(dev_recs)} dev + {len(own_recs)} own documents")
    conv = {c.id: c for c in C.convert(dev_recs + own_recs, C.sentence_nlp())}
    log("statistical model over the dev documents")
    scorer = StagedScorer(dev_recs)
    folds = folds_of([r["id"] for r, _ in dev_recs], k)
    variants: dict[str, list] = {"rules": [], "model": []}
    variants.update({f"combined@{r}": [] for r in ranks})
    variants["confirm"] = []
    spans = {"model": [0, 0, 0], "rules": [0, 0, 0]}
    host = spacy.blank("en")
    for f, held in enumerate(folds):
        train_ids = [i for i in conv if i not in held]
        paths = C.write([conv[i] for i in train_ids], work / f"fold{f}" / "data")
        log(f"fold {f}: training on {len(train_ids)} documents, holding {len(held)} ({held[0]}..{held[-1]})")
        model = spacy_train(paths["ents_train"], paths["ents_dev"], work / f"fold{f}" / "entities",
                            config=ENTITY_CONFIG)
        variants["rules"] += scorer.score(held)
        variants["model"] += scorer.score(held, LearnedEntities(host, weights=model, mode="model"))
        for r in ranks:
            variants[f"combined@{r}"] += scorer.score(held, LearnedEntities(host, weights=model, rank=r))
        variants["confirm"] += scorer.score(held, LearnedEntities(host, weights=model, mode="confirm"))
        rec = LearnedEntities(host, weights=model)
        for i in held:
            gold = {(e.start_char, e.end_char, e.label_) for e in conv[i].ents.ents}
            doc = scorer.run(i)
            pred = {(doc[s:e].start_char, doc[s:e].end_char, lab) for s, e, lab in rec.spans(doc)}
            rules = {(m.start_char, m.end_char, m.label_) for m in doc.spans.get(MENTIONS, [])}
            for name, p in (("model", pred), ("rules", rules)):
                spans[name] = [a + b for a, b in zip(spans[name], span_counts(p, gold))]
    agg = {name: scorer.sc.aggregate(rows) for name, rows in variants.items()}
    return {"folds": [[h[0], h[-1], len(h)] for h in folds],
            "variants": {n: {**{k2: a[k2]["f1"] for k2 in ("entities", "events", "roles", "relations")},
                             "entities_p": a["entities"]["p"], "entities_r": a["entities"]["r"],
                             "events_p": a["events"]["p"], "events_r": a["events"]["r"],
                             "roles_p": a["roles"]["p"], "roles_r": a["roles"]["r"],
                             "headline": a["headline_f1"]} for n, a in agg.items()},
            "spans": {n: prf(*v) for n, v in spans.items()}}


def table(res: dict) -> str:
    lines = ["| variant | entities P / R / F1 | events F1 | roles F1 | relations F1 | headline |",
             "|---|---|---|---|---|---|"]
    for n, v in res["variants"].items():
        lines.append(f"| {n} | {v['entities_p']:.3f} / {v['entities_r']:.3f} / {v['entities']:.3f} | "
                     f"{v['events']:.3f} | {v['roles']:.3f} | {v['relations']:.3f} | {v['headline']:.3f} |")
    lines.append("")
    lines.append("gold entity spans of the held documents, exact (start, end, class): " + "; ".join(
        f"{n}: P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f}" for n, v in res["spans"].items()))
    return "\n".join(lines)
