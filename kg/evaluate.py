"""Extraction quality against hand-made gold annotations, with the shared scorer.

The scorer (``score.py``, see the evaluation README that ships beside it) is the project's
measuring stick, and is deliberately not copied into this repository: one copy, one truth. It
is looked up at ``$KG_SCORER``, then ``../shared/eval/score.py`` next to the repository (no
fixed absolute path); :class:`~kg.errors.ConfigError` says where to put it when absent.

Two ways to get predictions:

* in-process (default): the project's :class:`~kg.nlp.extract.Extractor` reads each gold
  document, the RDF writer serialises the batch, and the scorer reads that RDF — the same path
  ``kg extract`` takes, without a process per document;
* ``cmd``: a command template with ``{input}`` and ``{output}``, run once per document (any
  extractor that writes RDF), exactly as ``score.py --cmd`` does.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

from kg.errors import ConfigError, InputError

#: the table's rows, in order
ROWS = ("entities", "entities_untyped", "events", "roles", "relations", "analogies")

_SCORER_HINT = ("the shared scorer score.py was not found: set KG_SCORER=/path/to/score.py, or put the "
                "evaluation kit (score.py + README.md, from the project's shared eval folder) at ../shared/eval/")


def scorer_candidates() -> list[Path]:
    here = Path(__file__).resolve().parent.parent
    out = []
    if os.environ.get("KG_SCORER"):
        out.append(Path(os.environ["KG_SCORER"]))
    out.append(here.parent / "shared" / "eval" / "score.py")
    return out


@lru_cache(maxsize=4)
def load_scorer(path: str | None = None) -> ModuleType:
    """Import score.py by path (it needs only rdflib)."""
    cands = [Path(path)] if path else scorer_candidates()
    for p in cands:
        if p.is_file():
            spec = importlib.util.spec_from_file_location("kg_shared_score", p)
            assert spec is not None and spec.loader is not None
            mod = importlib.util.module_from_spec(spec)
            sys.modules.setdefault("kg_shared_score", mod)
            spec.loader.exec_module(mod)
            return mod
    raise ConfigError(_SCORER_HINT + (f" (looked at {path})" if path else ""))


def read_gold(gold: Path) -> list[dict]:
    """Gold records from a JSON-lines file, or from every ``*.jsonl`` of a folder (a corpus split)."""
    gold = Path(gold)
    if gold.is_dir():
        files = sorted(gold.glob("*.jsonl"))
        if not files:
            raise InputError(str(gold), "no *.jsonl gold files in this folder")
        return [rec for f in files for rec in read_gold(f)]
    if not gold.is_file():
        raise InputError(str(gold), "gold file not found")
    out = []
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{gold}:{n}", f"not valid JSON ({exc.msg})") from None
        if not isinstance(rec, dict) or "id" not in rec or "entities" not in rec or "events" not in rec:
            raise InputError(f"{gold}:{n}", "a gold record needs id, entities and events")
        out.append(rec)
    if not out:
        raise InputError(str(gold), "no gold records")
    return out


def default_texts(gold: Path) -> Path:
    """Where the documents of a gold file or split folder are: beside a file; for a corpus split
    folder (``data/corpus/dev``), the corpus's restored ``texts/`` folder."""
    gold = Path(gold)
    if gold.is_dir():
        return gold.parent / "texts" if (gold.parent / "texts").is_dir() else gold
    return gold.parent


def _doc_path(texts: Path, rec: dict) -> Path:
    return Path(texts) / rec.get("file", f"{rec['id']}.txt")


class InProcess:
    """Predictions from the project's own pipeline, serialised with the project's RDF writer."""

    def __init__(self, model: str | None = None, extractor: Any = None, rules_only: bool = False):
        if extractor is None:
            from kg.nlp.extract import Extractor

            extractor = Extractor(model, rules_only=rules_only)
        self.extractor = extractor

    def __call__(self, path: Path):
        from rdflib import Graph

        from kg.ingest import iter_dispatches
        from kg.link.merge import merge
        from kg.rdf.write import serialize_batch

        items = list(iter_dispatches([path]))
        errors = [x for x in items if isinstance(x, Exception)]
        if errors:
            raise errors[0]
        batch = merge(self.extractor.extract(d) for d in items)
        g = Graph()
        g.parse(data=serialize_batch(batch, "turtle").decode("utf-8"), format="turtle")
        return g


def command_predictor(cmd: str, timeout: float = 300) -> Callable[[Path], Any]:
    """Predictions from an external command template ``... {input} ... {output}``."""
    if "{input}" not in cmd or "{output}" not in cmd:
        raise ConfigError(f"--cmd must contain {{input}} and {{output}}: {cmd!r}")
    tmp = Path(tempfile.mkdtemp(prefix="kg-eval-"))

    def run(path: Path):
        scorer = load_scorer()
        out = tmp / (path.stem + ".ttl")
        line = cmd.format(input=shlex.quote(str(path)), output=shlex.quote(str(out)))
        r = subprocess.run(line, shell=True, capture_output=True, text=True, timeout=timeout)
        if r.returncode != 0 or not out.exists():
            raise RuntimeError(f"exit {r.returncode}: {r.stderr.strip()[-300:]}")
        return scorer.load_graph(out)

    return run


def evaluate(gold: Path, texts: Path | None = None, cmd: str | None = None, model: str | None = None,
             extractor: Any = None, scorer: str | None = None, rules_only: bool = False) -> dict:
    """Score predictions for every gold document; the summary dict of score.py plus per-document rows.

    Keys: the rows of :data:`ROWS` (each ``{tp, fp, fn, p, r, f1}``), ``headline_f1``,
    ``documents``, ``failures`` (documents that failed score zero, as score.py does),
    ``per_doc`` (id -> {row: f1}), ``misses`` (id -> list of the scorer's miss lines), ``seconds``.
    """
    sc = load_scorer(scorer)
    golds = read_gold(Path(gold))
    texts = Path(texts) if texts else default_texts(Path(gold))
    if not texts.is_dir():
        raise InputError(str(texts), "texts folder not found")
    predict = command_predictor(cmd) if cmd else InProcess(model=model, extractor=extractor, rules_only=rules_only)
    t0 = time.time()
    per_doc, rows, misses, failures = [], {}, {}, []
    for rec in golds:
        path = _doc_path(texts, rec)
        try:
            if not path.is_file():
                raise FileNotFoundError(f"no document {path}")
            ds = sc.DocScorer(rec, sc.pred_from_graph(predict(path)))
            s = ds.score()
        except Exception as exc:  # noqa: BLE001 — as score.py: a failing document scores zero
            failures.append(f"{rec['id']}: {type(exc).__name__}: {exc}")
            from rdflib import Graph

            ds = sc.DocScorer(rec, {"graph": Graph(), "entities": {}, "events": {}, "relations": set()})
            s = ds.score()
        per_doc.append(s)
        rows[rec["id"]] = {k: v["f1"] for k, v in s.items()}
        misses[rec["id"]] = list(ds.misses)
    summary = sc.aggregate(per_doc)
    summary.update(documents=len(golds), failures=failures, per_doc=rows, misses=misses,
                   seconds=round(time.time() - t0, 1))
    return summary


def format_table(summary: dict, verbose: bool = False) -> str:
    """The summary as a plain-text table (what ``kg eval`` and bench/quality.py print)."""
    lines = []
    if verbose:
        for doc_id, row in summary.get("per_doc", {}).items():
            lines.append(f"{doc_id}: " + " ".join(f"{k}={v:.2f}" for k, v in row.items()))
            lines.extend(f"    {m}" for m in summary.get("misses", {}).get(doc_id, []))
        lines.append("-" * 72)
    lines.append(f"{'':18s} {'P':>6s} {'R':>6s} {'F1':>6s}   {'tp':>4s} {'fp':>4s} {'fn':>4s}")
    for k in ROWS:
        v = summary.get(k)
        if v:
            lines.append(f"{k:18s} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f}   {v['tp']:4d} {v['fp']:4d} {v['fn']:4d}")
    lines.append(f"{'headline F1':18s} {'':6s} {'':6s} {summary.get('headline_f1', 0.0):6.3f}   "
                 f"(mean of entities, events, roles, relations; {summary.get('documents', 0)} documents, "
                 f"{summary.get('seconds', 0)} s)")
    for f in summary.get("failures", []):
        lines.append(f"FAILED {f}")
    return "\n".join(lines)
