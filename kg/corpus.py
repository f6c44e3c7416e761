"""The real-news corpus: gold lines committed, texts restored locally and checked by hash.

Layout (see ``data/corpus/README.md``)::

    data/corpus/test/*.jsonl   gold lines of the test split (annotated first, scored only)
    data/corpus/dev/*.jsonl    gold lines of the dev split (looked at while improving the extractor)
    data/corpus/texts/<id>.txt the restored texts: git-ignored, never committed

Every gold line follows the shared annotation guide (``GUIDE.md``) and carries ``url``, the exact
``query`` that returns the text from the search tool's ``pages`` corpus, ``text_sha256`` and
``words``. The texts are other people's writing: only their hashes are committed.

The held-out evaluation set must never enter the corpus. :func:`refusal` checks a candidate's text
and normalised address against ``heldout_hashes.txt`` (the shared evaluation kit) and against the
corpus itself; ``python -m kg.corpus candidate`` runs it before a text is annotated, and
``python -m kg.corpus verify`` runs it again over every committed line.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kg import models
from kg.evaluate import scorer_candidates

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
SPLITS = ("dev", "test")

#: the annotation vocabulary is the ontology's (kg.models mirrors it, see kg/codegen.py)
ENTITY_TYPES, MEASURES, SECTORS = set(models.ENTITY_TYPES), set(models.MEASURES), set(models.SECTORS)
STATUSES, PREDICATES = set(models.STATUSES), set(models.RELATION_PREDICATES)
REQUIRED = ("id", "url", "query", "text_sha256", "words", "entities", "events", "relations")


def normalise_url(u: str) -> str:
    """The address form the held-out hashes use (see ``heldout_hashes.txt``)."""
    u = u.strip().lower().split("#")[0].split("?")[0]
    u = u.split("://", 1)[-1]
    u = u[4:] if u.startswith("www.") else u
    return u.rstrip("/")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_url(url: str) -> str:
    return hashlib.sha256(normalise_url(url).encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    return len(text.split())


def heldout_hashes(path: Path | None = None) -> set[str]:
    """Every hash in the held-out list (text and address hashes alike)."""
    cands = [path] if path else [p.parent / "heldout_hashes.txt" for p in scorer_candidates()]
    for p in cands:
        if p and p.is_file():
            found = set()
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.startswith("#"):
                    continue
                found.update(re.findall(r"\b[0-9a-f]{64}\b", line))
            return found
    raise FileNotFoundError("heldout_hashes.txt not found beside the shared scorer (set KG_SCORER)")


def gold_files(split: str | None = None, corpus: Path = CORPUS) -> list[Path]:
    splits = [split] if split else list(SPLITS)
    return [p for s in splits for p in sorted((corpus / s).glob("*.jsonl"))]


def read_lines(split: str | None = None, corpus: Path = CORPUS) -> list[tuple[str, Path, int, dict]]:
    """(split, file, line number, record) for every gold line."""
    out = []
    for f in gold_files(split, corpus):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                out.append((f.parent.name, f, n, json.loads(line)))
    return out


#: a candidate sharing this share of its 8-word runs with a restored text is the same story
#: (syndicated copies, updates of one wire story) and would leak between the splits
SHINGLE, NEAR_DUPLICATE = 8, 0.3


def shingles(text: str, n: int = SHINGLE) -> set[tuple[str, ...]]:
    """The text's runs of ``n`` words, lower-cased, punctuation stripped."""
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def near_duplicate(text: str, texts: Path, skip_id: str | None = None) -> tuple[str, float] | None:
    """The restored text sharing the largest share (>= ``NEAR_DUPLICATE``) of the candidate's 8-word runs."""
    mine = shingles(text)
    if not mine or not texts.is_dir():
        return None
    best: tuple[str, float] | None = None
    for p in sorted(texts.glob("*.txt")):
        if p.stem == skip_id:
            continue
        share = len(mine & shingles(p.read_text(encoding="utf-8"))) / len(mine)
        if share >= NEAR_DUPLICATE and (best is None or share > best[1]):
            best = (p.stem, share)
    return best


def own_id(text_file: Path, corpus: Path = CORPUS) -> str | None:
    """The id a candidate file already has when it sits in the corpus's texts folder (as the README's
    "Adding a text" saves it), so that it is not refused as another copy of itself."""
    return text_file.stem if text_file.resolve().parent == (corpus / "texts").resolve() else None


def refusal(text: str, url: str, held: set[str], corpus: Path = CORPUS, skip_id: str | None = None) -> str | None:
    """Why a candidate may not enter the corpus, or None when it may."""
    if sha256_text(text) in held:
        return "its text is in the held-out evaluation set"
    if url and sha256_url(url) in held:
        return "its address is in the held-out evaluation set"
    t, u = sha256_text(text), normalise_url(url) if url else None
    for split, f, n, rec in read_lines(corpus=corpus):
        if rec.get("id") == skip_id:
            continue
        if rec.get("text_sha256") == t:
            return f"the same text is already {rec.get('id')} ({f.name}:{n})"
        if u and rec.get("url") and normalise_url(rec["url"]) == u:
            return f"the same address is already {rec.get('id')} ({f.name}:{n})"
    dup = near_duplicate(text, corpus / "texts", skip_id)
    if dup:
        return f"it shares {dup[1]:.0%} of its 8-word runs with {dup[0]} (the same story)"
    return None


@dataclass
class Problem:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def check_record(rec: dict) -> list[str]:
    """Schema problems of one gold line (the guide's vocabulary, names that resolve)."""
    errs = [f"missing {k}" for k in REQUIRED if k not in rec]
    names = set()
    for e in rec.get("entities", []) + rec.get("optional", []):
        if e.get("type") not in ENTITY_TYPES:
            errs.append(f"entity {e.get('name')!r}: type {e.get('type')!r} is not one of the ten classes")
        names.add(e.get("name"))
        names.update(e.get("aliases", []))
    ids = {ev.get("id") for ev in rec.get("events", [])}
    for ev in rec.get("events", []):
        w = f"event {ev.get('id')}"
        if ev.get("measure") not in MEASURES:
            errs.append(f"{w}: measure {ev.get('measure')!r}")
        if ev.get("status") not in STATUSES:
            errs.append(f"{w}: status {ev.get('status')!r}")
        errs += [f"{w}: sector {s!r}" for s in ev.get("sector", []) if s not in SECTORS]
        if not ev.get("actor"):
            errs.append(f"{w}: no actor")
        for role in ("actor", "targets", "affects"):
            errs += [f"{w}: {role} {n!r} is not an entity name" for n in ev.get(role, []) if n not in names]
        errs += [f"{w}: responds_to {r!r} is not an event id" for r in ev.get("responds_to", []) if r not in ids]
    for r in rec.get("relations", []):
        if r.get("predicate") not in PREDICATES:
            errs.append(f"relation predicate {r.get('predicate')!r}")
        errs += [f"relation {r.get('subject')} {r.get('predicate')} {r.get('object')}: {x!r} is not an entity name"
                 for x in (r.get("subject"), r.get("object")) if x not in names]
    for pair in rec.get("analogies", []):
        if len(pair) != 2 or not set(pair) <= ids:
            errs.append(f"analogy {pair!r} does not name two event ids")
    return errs


def verify(corpus: Path = CORPUS, texts: Path | None = None, held: set[str] | None = None,
           need_texts: bool = False) -> tuple[list[Problem], int]:
    """Check every gold line; returns (problems, number of texts restored and matching)."""
    texts = texts or corpus / "texts"
    held = heldout_hashes() if held is None else held
    problems, ok, seen_ids = [], 0, Counter[object]()
    for split, f, n, rec in read_lines(corpus=corpus):
        where = f"{f.relative_to(corpus)}:{n}"
        seen_ids[rec.get("id")] += 1
        problems += [Problem(where, e) for e in check_record(rec)]
        if rec.get("text_sha256") in held or (rec.get("url") and sha256_url(rec["url"]) in held):
            problems.append(Problem(where, "held-out text or address: remove this line"))
        p = texts / f"{rec.get('id')}.txt"
        if p.is_file():
            text = p.read_text(encoding="utf-8")
            if sha256_text(text) != rec.get("text_sha256"):
                problems.append(Problem(where, f"restored text {p.name} does not match text_sha256 (restore it again)"))
            elif word_count(text) != rec.get("words"):
                problems.append(Problem(where, f"words {rec.get('words')} but the text has {word_count(text)}"))
            else:
                ok += 1
        elif need_texts:
            problems.append(Problem(where, f"text {p.name} not restored"))
    problems += [Problem(str(i), "id used more than once") for i, c in seen_ids.items() if c > 1]
    return problems, ok


def stats(corpus: Path = CORPUS) -> dict:
    """Counts that show the corpus's variety: texts, countries, measures, years, outlets."""
    out = {}
    for split in SPLITS:
        recs = [r for _, _, _, r in read_lines(split, corpus)]
        countries, measures, years, outlets, statuses = (Counter[str](), Counter[str](), Counter[str](), Counter[str](),
                                                         Counter[str]())
        for r in recs:
            types = {e["name"]: e["type"] for e in r.get("entities", [])}
            for ev in r.get("events", []):
                measures[ev.get("measure")] += 1
                statuses[ev.get("status")] += 1
                for a in ev.get("actor", []):
                    if types.get(a) in ("Country", "Bloc"):
                        countries[a] += 1
            if r.get("date"):
                years[str(r["date"])[:4]] += 1
            if r.get("url"):
                outlets[normalise_url(r["url"]).split("/")[0]] += 1
        out[split] = {"texts": len(recs), "words": sum(r.get("words", 0) for r in recs),
                      "events": sum(measures.values()), "actor_countries": len(countries),
                      "measures": dict(measures.most_common()), "statuses": dict(statuses.most_common()),
                      "years": dict(sorted(years.items())), "outlets": len(outlets),
                      "countries": dict(countries.most_common())}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.corpus", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("candidate", help="may this text enter the corpus? prints sha256 and words, or why not")
    c.add_argument("--text-file", type=Path, required=True)
    c.add_argument("--url", required=True)
    v = sub.add_parser("verify", help="check every gold line (schema, held-out list, restored texts)")
    v.add_argument("--need-texts", action="store_true", help="a text not restored is a problem")
    sub.add_parser("stats", help="variety of the corpus, per split")
    a = ap.parse_args(argv)
    if a.cmd == "candidate":
        text = a.text_file.read_text(encoding="utf-8")
        why = refusal(text, a.url, heldout_hashes(), skip_id=own_id(a.text_file))
        if why:
            print(f"REFUSED: {why}")
            return 1
        print(json.dumps({"text_sha256": sha256_text(text), "words": word_count(text)}))
        return 0
    if a.cmd == "verify":
        problems, ok = verify(need_texts=a.need_texts)
        for p in problems:
            print(p)
        total = len(read_lines())
        print(f"{total} gold lines, {ok} texts restored and matching, {len(problems)} problems")
        return 1 if problems else 0
    print(json.dumps(stats(), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
