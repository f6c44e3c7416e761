"""The whole path: inputs -> Dispatch -> Extraction -> GraphBatch -> RDF file.

``extract()`` is what ``kg extract`` calls and what Python users call (``from kg import extract``).
Extraction itself is :func:`kg.executors.run_extraction`, the same function ``kg build`` runs.
Unreadable inputs do not stop the batch: they are collected in ``ExtractResult.failures`` and the
CLI exits 2 after writing the graph of everything else. When no dispatch at all could be read,
nothing is written and an existing output file is left as it was (:class:`~kg.errors.NothingRead`).
The destination is checked before any work: a missing folder is refused, never created.
"""
from __future__ import annotations

import itertools

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError, NothingRead
from kg.executors import Executor, ExtractorSpec, LocalExecutor, run_extraction
from kg.models import Dispatch, Extraction, GraphBatch


@dataclass
class ExtractResult:
    batch: GraphBatch
    failures: list[InputError] = field(default_factory=list)
    output: str | None = None
    corrections: object = None  # kg.corrections.ApplyReport when corrections were applied

    @property
    def ok(self) -> bool:
        return not self.failures


def read_inputs(inputs: Iterable[str | Path], failures: list[InputError],
                max_bytes: int | None = None) -> Iterator[Dispatch]:
    """Dispatches from every input; unreadable ones are appended to ``failures``."""
    from kg.ingest import iter_dispatches

    for item in iter_dispatches(inputs, max_bytes=max_bytes):
        if isinstance(item, InputError):
            failures.append(item)
        else:
            yield item


def extract(inputs: Iterable[str | Path] | str | Path, output: str | Path | None = None,
            fmt: str | None = None, model: str | None = None, workers: int = 1,
            max_bytes: int | None = 5_000_000, stream: bool = False,
            progress: Callable[[Extraction], None] | None = None, rules_only: bool = False,
            corrections: str | Path | None = None, executor: Executor | None = None,
            spec: ExtractorSpec | None = None) -> ExtractResult:
    """Extract a knowledge graph from dispatches; write it to ``output`` ('-' for stdout) if given.

    ``stream=True`` (N-Triples/N-Quads only) writes each dispatch's statements as soon as it is
    extracted and keeps nothing in memory, so memory does not grow with the corpus; the file is
    still written atomically. Entities shared by several dispatches then appear once per
    dispatch (the same triples; RDF graphs are sets), and the returned batch is empty.
    ``rules_only=True`` leaves out the learned components (the measure classifier trained on the
    annotated corpus, :mod:`kg.nlp.learned`).

    ``corrections``: a corrections file (see :mod:`kg.corrections`) applied after extraction;
    not with ``stream`` (a merge needs the whole graph).

    ``executor`` (default: ``workers`` local processes) and ``spec`` (default: ``model`` and
    ``rules_only``) are those of :func:`kg.store.build`: both run :func:`kg.executors.run_extraction`.
    """
    from kg.atomic import check_destination
    from kg.link.merge import BatchBuilder

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    if output is not None:
        check_destination(output)
    failures: list[InputError] = []
    if stream and corrections is not None:
        from kg.errors import ConfigError

        raise ConfigError("--corrections needs the whole graph: not with --stream")
    if corrections is not None:
        from kg.corrections import read_decisions

        decisions = read_decisions(corrections)  # a bad file is refused before any extraction
    stream_ = run_extraction(read_inputs(inputs, failures, max_bytes),
                             spec or ExtractorSpec(model, rules_only=rules_only),
                             executor or LocalExecutor(workers), progress)
    if stream:
        return _extract_streaming(stream_, output, fmt, failures)
    builder = BatchBuilder()
    for ex in stream_:
        builder.add(ex)
    batch = builder.build()
    if not batch.dispatches:
        raise NothingRead(failures, output)
    report = None
    if corrections is not None:
        from kg.corrections import apply_corrections

        batch, report = apply_corrections(batch, decisions)
    written = None
    if output is not None:
        from kg.rdf.write import write_batch

        written = write_batch(batch, output, fmt=fmt)
    return ExtractResult(batch=batch, failures=failures, output=written, corrections=report)


def _extract_streaming(stream_: Iterator[Extraction], output: str | Path | None, fmt: str | None,
                       failures: list[InputError]) -> ExtractResult:
    from kg.errors import ConfigError
    from kg.link.merge import merge
    from kg.rdf.write import write_batches

    if output is None or str(output) == "-":
        raise ConfigError("--stream needs an output file")

    def batches(first: Extraction, rest: Iterator[Extraction]) -> Iterator[GraphBatch]:
        for ex in itertools.chain([first], rest):
            yield merge([ex])

    first = next(stream_, None)   # the output is opened only once something was read
    if first is None:
        raise NothingRead(failures, output)
    written = write_batches(batches(first, stream_), output, fmt)
    return ExtractResult(batch=GraphBatch(), failures=failures, output=written)
