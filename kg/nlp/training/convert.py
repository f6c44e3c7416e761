"""Gold annotations -> spaCy ``DocBin`` s for the learned components.

    python -m kg.nlp.training.convert --out build/training        # the default sources
    python -m kg.nlp.training.convert --gold my/gold.jsonl --texts my/texts --out DIR

Sources (never the corpus's ``test`` split: a gold file under a ``test`` folder is refused):
the corpus ``dev`` split (``data/corpus/dev/*.jsonl``, texts restored in ``data/corpus/texts``),
the project's own sets ``data/eval/{regression,holdout,holdout2}`` and the shared dev document.

For each document, read as the extractor reads it (:mod:`kg.ingest`, so sentences are the ones the
pipeline sees):

* **sentences** (``textcat.spacy``): one Doc per sentence, ``doc.cats`` = 1.0 for each measure kind
  the sentence states, 0.0 for the others. A gold event's ``evidence`` sentence states its measure;
  without evidence, the sentence naming one of its actors with the most of its targets.
* **entities** (``ents.spacy``): one Doc per document with ``doc.ents`` = every occurrence of a gold
  entity's name or alias (whole words; case-sensitive first, then any case), typed with the ten
  classes; overlaps keep the longer span. Entities with no occurrence are reported as unaligned.
  ``user_data["kg_tensor"]`` holds the statistical model's token vectors (float32 bytes), the
  recogniser's input (:mod:`kg.nlp.learned_arch`).

Output is deterministic: documents sorted by id, the ``dev`` slice of ``spacy train`` is every
``DEV_EVERY``-th document, no randomness.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from kg.models import ENTITY_TYPES, MEASURES
from kg.nlp.learned import classified_sentences, sentence_doc
from kg.nlp.learned_arch import TENSOR, VEC

ROOT = Path(__file__).resolve().parents[3]
#: copies of each sentence that states a measure in the training DocBin
POS_REPEAT = 4
#: every DEV_EVERY-th document (by sorted id) goes to the dev set ``spacy train`` reports on
DEV_EVERY = 10


@dataclass
class Source:
    gold: Path
    texts: Path


@dataclass
class Converted:
    """One gold document converted: its sentence Docs and its entity Doc."""

    id: str
    sentences: list[Doc]
    ents: Doc
    events: int = 0
    events_placed: int = 0
    evidence_fuzzy: int = 0
    entities: int = 0
    entities_unaligned: list[str] = field(default_factory=list)


def default_sources(root: Path = ROOT, batches: list[str] | None = None) -> list[Source]:
    """The corpus dev split (or only the named batches of it, e.g. ``["d1", "d2"]``) and the project's own
    gold sets (never the test split)."""
    dev = sorted((root / "data/corpus/dev").glob("*.jsonl"))
    if batches is not None:
        unknown = sorted(set(batches) - {p.stem for p in dev})
        if unknown:
            raise ValueError(f"no dev batch {', '.join(unknown)} in data/corpus/dev")
        dev = [p for p in dev if p.stem in batches]
    out = [Source(p, root / "data/corpus/texts") for p in dev]
    for name in ("regression", "holdout", "holdout2"):
        p = root / "data/eval" / name / "gold.jsonl"
        if p.is_file():
            out.append(Source(p, p.parent))
    from kg.evaluate import scorer_candidates

    # the shared dev document sits beside the shared scorer: $KG_SCORER's folder, else ../shared/eval
    shared = [root.parent / "shared/eval/dev/gold.jsonl", *(c.parent / "dev/gold.jsonl" for c in scorer_candidates())]
    for p in shared:
        if p.is_file():
            out.append(Source(p, p.parent))
            break
    return out


def refuse_test(path: Path) -> None:
    if "test" in Path(path).resolve().parts:
        raise SystemExit(f"{path}: the test split is never used for training")


def read_records(sources: list[Source]) -> list[tuple[dict, Path]]:
    """(gold record, text path) for every record of every source, sorted by id; ids must be unique."""
    out, seen = [], set()
    for s in sources:
        refuse_test(s.gold)
        for n, line in enumerate(Path(s.gold).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec["id"] in seen:
                raise SystemExit(f"{s.gold}:{n}: duplicate id {rec['id']}")
            seen.add(rec["id"])
            out.append((rec, Path(s.texts) / rec.get("file", f"{rec['id']}.txt")))
    return sorted(out, key=lambda x: x[0]["id"])


def sentence_nlp(model: str | None = None) -> Language:
    """The statistical model with ``kg_lines``: the sentence boundaries the extractor uses."""
    from kg.nlp.pipeline import PIPELINE_CONFIG, build_pipeline

    nlp = build_pipeline(model, config=[c for c in PIPELINE_CONFIG if c["name"] == "kg_lines"])
    keep = {"tok2vec", "parser", "kg_lines", "senter", "sentencizer"}
    nlp.select_pipes(disable=[p for p in nlp.pipe_names if p not in keep])
    return nlp


def dispatch_text(path: Path) -> str:
    """The text the extractor reads from ``path`` (:mod:`kg.ingest`)."""
    from kg.ingest import iter_dispatches

    items = list(iter_dispatches([path]))
    if not items or isinstance(items[0], Exception):
        raise FileNotFoundError(f"cannot read {path}: {items[0] if items else 'nothing read'}")
    return items[0].text


_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00b4": "'"})


def _norm_index(text: str) -> tuple[str, list[int]]:
    """``text`` with quotes unified and whitespace runs as one space, and each character's offset."""
    out, idx, prev_space = [], [], False
    for i, ch in enumerate(text.translate(_QUOTES)):
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
        out.append(ch)
        idx.append(i)
    return "".join(out), idx


def locate(text: str, evidence: str) -> tuple[int, int, bool] | None:
    """Character span of ``evidence`` in ``text``: exact, else after unifying quotes and spaces
    (``fuzzy`` = True)."""
    ev = evidence.strip()
    if not ev:
        return None
    i = text.find(ev)
    if i >= 0:
        return i, i + len(ev), False
    nt, idx = _norm_index(text)
    ne = _SPACE.sub(" ", ev.translate(_QUOTES))
    j = nt.find(ne)
    if j >= 0:
        return idx[j], idx[j + len(ne) - 1] + 1, True
    return None


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def event_sentence(sents: list, text: str, ev: dict, names: dict[str, list[str]]) -> tuple[int | None, bool]:
    """Index of the sentence that states gold event ``ev`` and whether it was found only fuzzily."""
    if ev.get("evidence"):
        evs = ev["evidence"] if isinstance(ev["evidence"], list) else [ev["evidence"]]
        span = locate(text, evs[0])
        if span is not None:
            a, b, fuzzy = span
            best = max(range(len(sents)), key=lambda k: (min(b, sents[k].end_char) - max(a, sents[k].start_char), -k))
            if min(b, sents[best].end_char) > max(a, sents[best].start_char):
                return best, fuzzy
        # not found verbatim: the sentence sharing most words with it (at least half of them)
        w = _words(evs[0])
        scores = [(len(w & _words(s.text)) / max(1, len(w)), -k) for k, s in enumerate(sents)]
        sc, k = max(scores)
        if sc >= 0.5:
            return -k, True
    # no evidence: a sentence naming an actor, with the most targets named
    actor_forms = [f for a in ev.get("actor", []) for f in names.get(a, [a])]
    target_forms = [f for t in ev.get("targets", []) for f in names.get(t, [t])]
    best_k: int | None = None
    top_score = 0
    for k, s in enumerate(sents):
        if not any(_occurs(f, s.text) for f in actor_forms):
            continue
        score = 1 + sum(_occurs(f, s.text) for f in target_forms)
        if score > top_score:
            best_k, top_score = k, score
    return best_k, best_k is not None


def _occurs(form: str, text: str) -> bool:
    return bool(re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text))


def entity_spans(text: str, rec: dict) -> tuple[list[tuple[int, int, str]], list[str]]:
    """Non-overlapping (start, end, type) character spans of the gold entities' names and aliases,
    and the names of the entities that occur nowhere."""
    cands, unaligned = [], []
    for e in rec.get("entities", []):
        if e.get("type") not in ENTITY_TYPES:
            continue
        forms = sorted({f for f in [e["name"], *e.get("aliases", [])] if f and f.strip()}, key=lambda f: (-len(f), f))
        found = []
        for flags in (0, re.IGNORECASE):
            for f in forms:
                found += [(m.start(), m.end(), e["type"]) for m in
                          re.finditer(r"(?<!\w)" + re.escape(f) + r"(?!\w)", text, flags)]
            if found:
                break
        if not found:
            unaligned.append(e["name"])
        cands += found
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int, str]] = []
    for c in cands:
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken):
            taken.append(c)
    return sorted(taken), unaligned


def convert_record(nlp: Language, rec: dict, text: str) -> Converted:
    doc = nlp(text)
    sents = classified_sentences(doc)  # the sentences the component classifies
    names = {e["name"]: [e["name"], *e.get("aliases", [])] for e in rec.get("entities", [])}
    labels: list[set[str]] = [set() for _ in sents]
    placed = fuzzy = 0
    for ev in rec.get("events", []):
        if ev.get("measure") not in MEASURES or not sents:
            continue
        k, fz = event_sentence(sents, text, ev, names)
        if k is None:
            continue
        labels[abs(k)].add(ev["measure"])
        placed += 1
        fuzzy += bool(fz)
    out = []
    for s, labs in zip(sents, labels):
        sd = sentence_doc(nlp.vocab, s)
        if VEC in sd.user_data:  # a plain list in the DocBin
            sd.user_data[VEC] = [float(x) for x in sd.user_data[VEC]]
        sd.cats = {m: float(m in labs) for m in MEASURES}
        out.append(sd)
    spans, unaligned = entity_spans(text, rec)
    ents: list = []
    for a, b, typ in spans:
        sp = doc.char_span(a, b, label=typ, alignment_mode="contract")
        if sp is not None and len(sp) and all(sp.start >= e.end or sp.end <= e.start for e in ents):
            ents.append(sp)
    doc.ents = ents
    edoc = doc.copy()
    edoc.user_data = {}
    if doc.tensor is not None and doc.tensor.shape[0] == len(doc) and doc.tensor.size:
        edoc.user_data[TENSOR] = doc.tensor.astype("float32").tobytes()  # the recogniser's input
    return Converted(id=rec["id"], sentences=out, ents=edoc, events=len(rec.get("events", [])),
                     events_placed=placed, evidence_fuzzy=fuzzy,
                     entities=len([e for e in rec.get("entities", []) if e.get("type") in ENTITY_TYPES]),
                     entities_unaligned=unaligned)


def convert(records: list[tuple[dict, Path]], nlp: Language | None = None) -> list[Converted]:
    nlp = nlp or sentence_nlp()
    return [convert_record(nlp, rec, dispatch_text(path)) for rec, path in records]


def report(conv: list[Converted]) -> dict:
    n_sent = sum(len(c.sentences) for c in conv)
    pos = sum(1 for c in conv for s in c.sentences if any(s.cats.values()))
    return {
        "documents": len(conv), "sentences": n_sent, "sentences_with_a_measure": pos,
        "events": sum(c.events for c in conv), "events_placed": sum(c.events_placed for c in conv),
        "evidence_found_fuzzily": sum(c.evidence_fuzzy for c in conv),
        "entities": sum(c.entities for c in conv),
        "entities_unaligned": sum(len(c.entities_unaligned) for c in conv),
        "entity_spans": sum(len(c.ents.ents) for c in conv),
    }


def write(conv: list[Converted], out: Path, dev_every: int = DEV_EVERY,
          pos_repeat: int = POS_REPEAT) -> dict[str, Path]:
    """``train``/``dev`` DocBins of sentences and entity docs under ``out``; dev = every
    ``dev_every``-th document (0: no dev split, dev = train). In ``train``, a sentence stating a
    measure is repeated ``pos_repeat`` times (spaCy's multilabel loss is a squared error: with
    about one positive label in 70, the model otherwise learns to say no to everything)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    conv = sorted(conv, key=lambda c: c.id)
    dev_ids = {c.id for i, c in enumerate(conv) if dev_every and i % dev_every == dev_every - 1}
    paths = {}
    for part, keep in (("train", lambda c: c.id not in dev_ids), ("dev", lambda c: c.id in dev_ids or not dev_ids)):
        tc, en = DocBin(store_user_data=True), DocBin(store_user_data=True)
        for c in conv:
            if keep(c):
                for s in c.sentences:
                    for _ in range(pos_repeat if part == "train" and any(s.cats.values()) else 1):
                        tc.add(s)
                en.add(c.ents)
        paths[f"textcat_{part}"] = out / f"textcat_{part}.spacy"
        paths[f"ents_{part}"] = out / f"ents_{part}.spacy"
        tc.to_disk(paths[f"textcat_{part}"])
        en.to_disk(paths[f"ents_{part}"])
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.nlp.training.convert", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "build/training")
    ap.add_argument("--gold", type=Path, action="append", help="a gold JSON-lines file (repeatable); "
                    "default: the corpus dev split and the own sets")
    ap.add_argument("--texts", type=Path, action="append", help="the texts folder of each --gold, in order")
    ap.add_argument("--model", default=None, help="spaCy model for sentence boundaries")
    args = ap.parse_args(argv)
    if args.gold:
        texts = args.texts or [g.parent for g in args.gold]
        if len(texts) != len(args.gold):
            ap.error("give one --texts per --gold")
        sources = [Source(g, t) for g, t in zip(args.gold, texts)]
    else:
        sources = default_sources()
    conv = convert(read_records(sources), sentence_nlp(args.model))
    paths = write(conv, args.out)
    rep = report(conv)
    unaligned = sorted({n for c in conv for n in c.entities_unaligned})
    print(json.dumps(rep, indent=1))
    print(f"unaligned entities ({len(unaligned)} names): " + "; ".join(unaligned[:40])
          + (" ..." if len(unaligned) > 40 else ""), file=sys.stderr)
    for k, p in paths.items():
        print(f"{k}: {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
