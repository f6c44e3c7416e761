"""How much could a learned (event, argument) classifier gain over the rules for targets and affects?

    python -m kg.nlp.training.arguments [--json F]

On the corpus dev split (never the test split), with the rules' own events and entities
(``--rules-only``): each gold event is matched to a predicted event as ``score.py`` matches them
(same measure, a shared actor, best overlap of targets and affects first). For the matched pairs,
the ``targets`` and ``affects`` values are counted three ways:

* **rules**: what the rules assigned (true positives, false positives, false negatives);
* **oracle, sentence**: a perfect pair classifier choosing among the entities mentioned in the
  event's evidence sentences (the candidates an (event, entity) classifier would see): it finds
  every gold argument in that pool and nothing else;
* **oracle, document**: the same over every entity of the document.

The oracles bound what any classifier over the rules' events and entities could reach; gold
arguments outside the pool (entity not extracted, or mentioned elsewhere) are out of its reach.
Gold events the rules did not find are counted apart: their arguments are out of reach too.

* **classifier**: a real one, measured by 5-fold cross-validation over the dev documents (the same
  contiguous folds as :mod:`kg.nlp.training.crossval`): per (event, candidate in the sentence pool,
  role) a logistic regression (numpy, fixed initialisation, full-batch gradient descent) over the
  entity's type, the measure, the role the rules gave it, the type x rule role, how often and where
  it is mentioned next to the actor; it keeps the candidates it scores >= 0.5. It sees the rules'
  decision as a feature, so it can learn to keep them and correct them.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.models import Event
from kg.nlp.training import convert as C
from kg.nlp.training.crossval import prf

ROLES = ("targets", "affects")


def canon_of(sc, rec: dict, entities: dict) -> dict[str, str]:
    """Extraction entity key -> "G:<gold name>" when one of its names is a gold name or alias, else "P:<key>"."""
    key_to_gold: dict[str, str] = {}
    for e in rec["entities"]:
        for n in [e["name"], *e.get("aliases", [])]:
            key_to_gold.setdefault(sc.norm(n), e["name"])
    out = {}
    for k, ent in entities.items():
        g = next((key_to_gold[sc.norm(n)] for n in [ent.name, *ent.aliases] if sc.norm(n) in key_to_gold), None)
        out[k] = f"G:{g}" if g else f"P:{k}"
    return out


def match(rec: dict, events: list[Event], canon: dict[str, str]) -> list[tuple[dict, Event]]:
    """(gold event, predicted event) pairs, greedy on the overlap of targets and affects (as score.py)."""
    pairs = []
    for gi, gev in enumerate(rec["events"]):
        g_act = {f"G:{a}" for a in gev["actor"]}
        for pi, pev in enumerate(events):
            if pev.measure != gev["measure"]:
                continue
            if g_act and not (g_act & {canon.get(a, a) for a in pev.actors}):
                continue
            score = 1.0
            for role in ROLES:
                gs, ps = {f"G:{n}" for n in gev.get(role, [])}, {canon.get(a, a) for a in getattr(pev, role)}
                if gs | ps:
                    score += len(gs & ps) / len(gs | ps)
            pairs.append((-score, gi, pi))
    out, gu, pu = [], set(), set()
    for _, gi, pi in sorted(pairs):
        if gi in gu or pi in pu:
            continue
        gu.add(gi)
        pu.add(pi)
        out.append((rec["events"][gi], events[pi]))
    return out


def in_spans(start: int | None, spans: list[tuple[int, int]]) -> bool:
    return start is not None and any(a <= start < b for a, b in spans)


def features(pev, ent, role: str, canon_key: str, rules_roles: dict[str, set[str]], spans, actor_starts) -> list[str]:
    """One (event, candidate, role) pair's binary features."""
    given = next((r for r in ROLES if canon_key in rules_roles[r]), "none")
    pos = [m for m in ent.mentions if in_spans(m.start, spans)]
    starts = [m.start for m in pos if m.start is not None]
    out = [f"role={role}", f"type={ent.type}|{role}", f"measure={pev.measure}|{role}", f"rules={given}|{role}",
           f"type={ent.type}|rules={given}|{role}", f"n={min(len(starts), 2)}|{role}",
           f"conf={round(min(m.confidence for m in pos), 1) if pos else 0}|{role}"]
    if actor_starts and starts:
        before = min(starts) < min(actor_starts)
        out.append(f"before_actor={before}|{role}")
        dist = min(abs(x - y) for x in starts for y in actor_starts)
        out.append(f"dist={'near' if dist < 40 else 'mid' if dist < 120 else 'far'}|{role}")
    return out


def logistic(rows: list[list[str]], ys: list[int], iters: int = 300, lr: float = 0.5, l2: float = 1e-3,
             min_count: int = 1):
    """A deterministic logistic regression over binary features (full-batch gradient descent from zero,
    float64, sorted feature order): (vocabulary, weights, bias). Features seen in fewer than
    ``min_count`` rows are left out."""
    import numpy as np

    counts: dict[str, int] = {}
    for r in rows:
        for f in set(r):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    X = np.zeros((len(rows), len(vocab)))
    for i, r in enumerate(rows):
        X[i, [vocab[f] for f in set(r) if f in vocab]] = 1.0
    y = np.asarray(ys, dtype=float)
    w, b = np.zeros(len(vocab)), 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(X @ w + b)))
        g = p - y
        w -= lr * (X.T @ g / len(y) + l2 * w)
        b -= lr * float(g.mean())
    return vocab, w, b


def predict(model, rows: list[list[str]]) -> list[float]:
    import math

    vocab, w, b = model
    return [1 / (1 + math.exp(-(b + sum(w[vocab[f]] for f in r if f in vocab)))) for r in rows]


def classifier_cv(pairs: list[dict], doc_ids: list[str], k: int = 5) -> list[int]:
    """Pooled (tp, fp, fn) of the classifier over the dev folds (rows: doc, features, gold, rules)."""
    from kg.nlp.training.crossval import folds_of

    tp = fp = fn = 0
    for held in folds_of(doc_ids, k):
        held_set = set(held)
        train = [r for r in pairs if r["doc"] not in held_set and "out_of_pool" not in r]
        model = logistic([r["x"] for r in train], [r["y"] for r in train])
        test = [r for r in pairs if r["doc"] in held_set and "out_of_pool" not in r]
        for r, p in zip(test, predict(model, [r["x"] for r in test])):
            tp += int(p >= 0.5 and r["y"] == 1)
            fp += int(p >= 0.5 and r["y"] == 0)
            fn += int(p < 0.5 and r["y"] == 1)
        # gold arguments outside the candidate pool stay missed
        fn += sum(r["out_of_pool"] for r in pairs if r["doc"] in held_set and "out_of_pool" in r)
    return [tp, fp, fn]


def run(log=print) -> dict:
    from kg.evaluate import load_scorer
    from kg.ingest import iter_dispatches
    from kg.nlp.extract import Extractor

    sc = load_scorer()
    ex = Extractor(rules_only=True)
    recs = C.read_records([s for s in C.default_sources() if "corpus" in Path(s.gold).parts])
    counts = {n: [0, 0, 0] for n in ("rules", "oracle_sentence", "oracle_document")}
    unmatched = gold_args = 0
    rows: list[dict] = []
    log(f"rules over {len(recs)} dev documents")
    for rec, path in recs:
        d = next(iter(iter_dispatches([path])))
        if isinstance(d, Exception):
            raise SystemExit(f"{rec['id']}: {d}")
        x = ex.extract(d)
        ents = {e.key: e for e in x.entities}
        canon = canon_of(sc, rec, ents)
        pairs = match(rec, list(x.events), canon)
        matched_ids = {id(g) for g, _ in pairs}
        for gev in rec["events"]:
            n = sum(len(gev.get(r, [])) for r in ROLES)
            gold_args += n
            if id(gev) not in matched_ids:
                unmatched += n
        for gev, pev in pairs:
            spans = [(e.start, e.end) for e in pev.evidence if e.start is not None and e.end is not None]
            actors = {canon.get(a, a) for a in pev.actors}
            in_sent = {canon[k] for k, e in ents.items() if any(in_spans(m.start, spans) for m in e.mentions)}
            in_doc = set(canon.values())
            rules_roles = {r: {canon.get(a, a) for a in getattr(pev, r)} for r in ROLES}
            actor_starts = [m.start for a in pev.actors if a in ents for m in ents[a].mentions
                            if m.start is not None and in_spans(m.start, spans)]
            pool = sorted({k for k, e in ents.items() if canon[k] in in_sent - actors})
            for role in ROLES:
                gs = {f"G:{n}" for n in gev.get(role, [])}
                ps = {canon.get(a, a) for a in getattr(pev, role)}
                seen: set[str] = set()
                for key in pool:
                    if canon[key] in seen:
                        continue
                    seen.add(canon[key])
                    rows.append({"doc": rec["id"], "y": int(canon[key] in gs),
                                 "x": features(pev, ents[key], role, canon[key], rules_roles, spans, actor_starts)})
                rows.append({"doc": rec["id"], "y": 0, "x": [], "out_of_pool": len(gs - (in_sent - actors))})
                for name, got in (("rules", ps), ("oracle_sentence", (in_sent - actors) & gs),
                                  ("oracle_document", (in_doc - actors) & gs)):
                    c = counts[name]
                    c[0], c[1], c[2] = c[0] + len(got & gs), c[1] + len(got - gs), c[2] + len(gs - got)
    counts["classifier_cv"] = classifier_cv(rows, [r["id"] for r, _ in recs])
    return {"documents": len(recs), "gold_arguments": gold_args, "gold_arguments_of_unmatched_events": unmatched,
            "matched_events": {n: prf(*c) for n, c in counts.items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.nlp.training.arguments", description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    res = run(log=lambda s: print(s, file=sys.stderr, flush=True))
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n")
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
