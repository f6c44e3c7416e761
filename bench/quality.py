"""Extraction quality: the shared scorer on the dev document and on the regression set.

Prints one table per gold set (entities, events, roles, relations, analogies, headline F1), with
a plain-NER baseline measured in the same run: the statistical model's own entities alone, no
events — what a plain NER script would score.

    python bench/quality.py [--holdout] [--corpus] [--misses] [--no-baseline]

Sets: the dev document (shared kit), the regression set, with --holdout the two held-back sets
(data/eval/holdout/, data/eval/holdout2/), with --corpus the real-news corpus splits
(data/corpus/dev/ and data/corpus/test/, texts restored into data/corpus/texts/).
The holdout sets and the corpus test split are for recording figures only: do not tune rules on
them. --misses lists misses for every set except the corpus test split, whose misses are never
shown (it is the honest estimate of unseen news).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.evaluate import default_texts, evaluate, format_table, scorer_candidates  # noqa: E402


class PlainNER:
    """Baseline: the statistical model's NER mapped to the project's types; no events, no relations."""

    MAP = {"GPE": "Country", "ORG": "Company", "PERSON": "Person", "LAW": "Legislation", "NORP": "Country"}

    def __init__(self, nlp):
        self.nlp = nlp

    def extract(self, dispatch):
        from kg.ids import entity_key
        from kg.models import Entity, Extraction, PipelineInfo

        ents = {}
        for e in self.nlp(dispatch.text).ents:
            t = self.MAP.get(e.label_)
            if t:
                k = entity_key(t, e.text)
                ents.setdefault(k, Entity(key=k, type=t, name=e.text))
        return Extraction(dispatch=dispatch, entities=tuple(ents.values()),
                          pipeline=PipelineInfo(version="baseline", model="plain-ner"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--holdout", action="store_true", help="also score data/eval/holdout/ and holdout2/ (final check only)")
    ap.add_argument("--corpus", action="store_true", help="also score the real-news corpus dev and test splits")
    ap.add_argument("--misses", action="store_true", help="list every miss per document")
    ap.add_argument("--no-baseline", action="store_true", help="skip the plain-NER baseline")
    args = ap.parse_args()

    from kg.nlp.extract import Extractor
    from kg.nlp.model import load_model

    sets = []
    dev = next((p.parent / "dev" / "gold.jsonl" for p in scorer_candidates() if (p.parent / "dev" / "gold.jsonl").is_file()), None)
    if dev:
        sets.append(("dev document", dev))
    sets.append(("regression set", ROOT / "data" / "eval" / "regression" / "gold.jsonl"))
    if args.holdout:
        sets.append(("holdout set", ROOT / "data" / "eval" / "holdout" / "gold.jsonl"))
        sets.append(("holdout2 set", ROOT / "data" / "eval" / "holdout2" / "gold.jsonl"))
    if args.corpus:
        sets.append(("real-news corpus, dev split", ROOT / "data" / "corpus" / "dev"))
        sets.append(("real-news corpus, test split (figures only)", ROOT / "data" / "corpus" / "test"))
    ex = Extractor()
    base = None if args.no_baseline else PlainNER(load_model())
    for name, gold in sets:
        texts = default_texts(gold)
        s = evaluate(gold, texts, extractor=ex)
        print(f"== {name}: {gold}")
        print(format_table(s, verbose=args.misses and not str(gold).endswith("corpus/test")))
        if base is not None:
            b = evaluate(gold, texts, extractor=base)
            print(f"   baseline (plain NER): headline {b.get('headline_f1', 0):.3f}, events F1 {b['events']['f1']:.3f}; "
                  f"PolicyKG / baseline headline: "
                  + (f"{s['headline_f1'] / b['headline_f1']:.1f}x" if b.get("headline_f1") else "n/a"))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
