"""An incremental graph store: many dispatches in, one merged graph out.

Layout of a store directory::

    manifest.json           {"format": 1, "dispatches": {<dispatch id>: {"source", "file"}}}
    corrections.jsonl       (optional) analysts' decisions, applied to the merged graph on every
                            build (see kg.corrections); never written by the build itself
    extractions/<id>.json   one Extraction per dispatch (pydantic JSON)
    graph.ttl               the merged graph: all stored extractions + the precedent base
                            + cross-dispatch merges + inferred analogies
    graph.trig              (optional) the same as TriG, one named graph per dispatch

Dispatch ids are content hashes, so a dispatch is processed once whatever its file name, and a
re-run over the same inputs extracts nothing and rewrites nothing (outputs are byte-identical).
Every file is written to a temporary name and renamed into place; the manifest is updated only
after a dispatch's extraction file is safely on disk, so a run killed at any point leaves no
partial file, and the next run carries on with what is missing.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import ValidationError

from kg.atomic import write_bytes_atomic
from kg.errors import ConfigError, InputError, NothingRead, OutputError
from kg.executors import Executor, ExtractorSpec, LocalExecutor, run_extraction
from kg.ingest.sources import DEFAULT_MAX_BYTES
from kg.models import Dispatch, Extraction, GraphBatch

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike

MANIFEST = "manifest.json"
EXTRACTIONS = "extractions"
GRAPH = "graph.ttl"
TRIG = "graph.trig"
FORMAT = 1


@dataclass
class BuildSummary:
    store: Path
    inputs: int = 0                 # dispatches read from the inputs
    new: int = 0                    # of which extracted in this run
    known: int = 0                  # of which already in the store
    stored: int = 0                 # dispatches in the store after the run
    events: int = 0
    entities: int = 0
    analogies: int = 0
    graph: Path | None = None
    trig: Path | None = None
    changed: bool = False           # graph.ttl rewritten (False: byte-identical, left alone)
    failures: list[InputError] = field(default_factory=list)
    missing_names: dict[str, str] = field(default_factory=dict)
    #: the merged graph itself (what graph.ttl holds), for ``kg build --load`` without a Turtle round trip
    batch: GraphBatch | None = field(default=None, repr=False)
    corrections: object = None      # kg.corrections.ApplyReport of the store's corrections.jsonl


def atomic_write(dest: Path, data: bytes) -> bool:
    """Write ``data`` to ``dest`` via a temporary file and rename; False if it was already identical."""
    return write_bytes_atomic(dest, data, make_parents=True)


class Store:
    def __init__(self, directory: str | Path):
        self.dir = Path(directory)
        if self.dir.exists() and not self.dir.is_dir():
            raise OutputError(f"{self.dir}: the store must be a directory")
        self.manifest_path = self.dir / MANIFEST
        self.entries: dict[str, dict[str, str]] = self._read_manifest()

    def _read_manifest(self) -> dict[str, dict[str, str]]:
        if not self.manifest_path.exists():
            return {}
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigError(f"{self.manifest_path}: not a store manifest ({exc})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("dispatches"), dict):
            raise ConfigError(f"{self.manifest_path}: not a store manifest (format {FORMAT})")
        # an entry whose file vanished is simply not processed
        return {k: v for k, v in data["dispatches"].items() if (self.dir / v.get("file", "")).is_file()}

    def _write_manifest(self) -> None:
        body = {"format": FORMAT, "dispatches": {k: self.entries[k] for k in sorted(self.entries)}}
        atomic_write(self.manifest_path, (json.dumps(body, indent=1, sort_keys=True) + "\n").encode())

    def __contains__(self, dispatch_id: str) -> bool:
        return dispatch_id in self.entries

    def add(self, ex: Extraction) -> None:
        rel = f"{EXTRACTIONS}/{ex.dispatch.id}.json"
        atomic_write(self.dir / rel, (ex.model_dump_json(indent=1) + "\n").encode())
        self.entries[ex.dispatch.id] = {"file": rel, "source": ex.dispatch.source or ""}
        self._write_manifest()   # only after the extraction file is on disk

    def extractions(self) -> Iterable[Extraction]:
        for k in sorted(self.entries):
            p = self.dir / self.entries[k]["file"]
            try:
                yield Extraction.model_validate_json(p.read_bytes())
            except (OSError, ValidationError, ValueError) as exc:
                raise ConfigError(f"{p}: unreadable stored extraction ({str(exc).splitlines()[0]}); "
                                  "delete it and run the build again") from None

    def touch(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        if not self.manifest_path.exists():
            self._write_manifest()


def merged_graph(store: Store, link_config=None, base_dir: str | Path | None = None,
                 gazetteer: GazetteerLike | Literal["default"] | None = "default") -> tuple[GraphBatch, dict[str, str]]:
    """The store's extractions + the precedent base, resolved and linked."""
    from kg.link.merge import BatchBuilder
    from kg.precedents.base import base_batch, default_base, default_gazetteer_or_none, load_base
    from kg.precedents.rank import LinkConfig
    from kg.precedents.profiles import Context
    from kg.precedents.crosslink import resolve

    gaz = default_gazetteer_or_none() if gazetteer == "default" else gazetteer
    base = base_batch(load_base(base_dir) if base_dir else default_base(), gazetteer=gaz)
    builder = BatchBuilder()
    for ex in store.extractions():
        builder.add(ex)
    builder.add(base.batch)
    batch = builder.build()
    ctx = Context(batch.entities, gaz)
    return resolve(batch, base, ctx, link_config or LinkConfig.load()), base.missing


def corrected_graph(store: Store, link_config=None, base_dir: str | Path | None = None,
                    gazetteer: GazetteerLike | Literal["default"] | None = "default",
                    corrections: str | Path | None = None):
    """:func:`merged_graph` with the analysts' decisions applied (the store's corrections.jsonl,
    or ``corrections``); returns (batch, missing names, kg.corrections.ApplyReport)."""
    from kg.corrections import apply_file, store_file

    batch, missing = merged_graph(store, link_config, base_dir, gazetteer)
    path = corrections if corrections is not None else store_file(store.dir)
    batch, report = apply_file(batch, path, missing_ok=corrections is None)
    return batch, missing, report


def build(inputs: Iterable[str | Path], store_dir: str | Path, model: str | None = None,
          workers: int = 1, executor: Executor | None = None, spec: ExtractorSpec | None = None,
          trig: bool = False, link_config=None, base_dir: str | Path | None = None,
          max_bytes: int | None = DEFAULT_MAX_BYTES,
          gazetteer: GazetteerLike | Literal["default"] | None = "default", rebuild: bool = False,
          progress: Callable[[Extraction], None] | None = None, rules_only: bool = False,
          corrections: str | Path | None = None) -> BuildSummary:
    """Extract the dispatches the store lacks, then write the merged graph (see module docstring).

    ``rules_only=True`` extracts without the learned components (``kg build --rules-only``).

    ``rebuild=True`` extracts every input again (after an extractor change); stored dispatches
    not among the inputs are kept. The store's ``corrections.jsonl`` (or ``corrections``) is
    applied to the merged graph, so analysts' decisions survive every build and rebuild.
    """
    from kg.workflow import read_inputs
    from kg.rdf.write import serialize_batch

    from kg.corrections import read_decisions, store_file

    store = Store(store_dir)
    summary = BuildSummary(store=store.dir)
    # a bad corrections file is refused before any extraction, not after it
    read_decisions(corrections if corrections is not None else store_file(store.dir), missing_ok=corrections is None)
    todo: dict[str, Dispatch] = {}
    for d in read_inputs(list(inputs), summary.failures, max_bytes):
        summary.inputs += 1
        if d.id in todo or (d.id in store and not rebuild):
            summary.known += 1
        else:
            todo[d.id] = d
    if not summary.inputs:  # nothing read: the store and its graph stay exactly as they were
        raise NothingRead(summary.failures, store.dir)
    store.touch()
    # the same extraction as kg extract (kg.workflow.extract): one function, the same options
    for ex in run_extraction(todo.values(), spec or ExtractorSpec(model, rules_only=rules_only),
                             executor or LocalExecutor(workers), progress):
        store.add(ex)
        summary.new += 1
    batch, summary.missing_names, summary.corrections = corrected_graph(store, link_config, base_dir,
                                                                        gazetteer, corrections)
    summary.batch = batch
    summary.stored = len(store.entries)
    summary.events, summary.entities, summary.analogies = len(batch.events), len(batch.entities), len(batch.analogies)
    summary.graph = store.dir / GRAPH
    summary.changed = atomic_write(summary.graph, serialize_batch(batch, "turtle"))
    if trig:
        summary.trig = store.dir / TRIG
        summary.changed |= atomic_write(summary.trig, serialize_batch(batch, "trig"))
    return summary
