"""The whole path: inputs -> Dispatch -> Extraction -> GraphBatch -> RDF file.

``extract()`` is what ``kg extract`` calls and what Python users call (``from kg import extract``).
Unreadable inputs do not stop the batch: they are collected in ``ExtractResult.failures`` and the
CLI exits 2 after writing the graph of everything else.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.models import Dispatch, Extraction, GraphBatch


@dataclass
class ExtractResult:
    batch: GraphBatch
    failures: list[InputError] = field(default_factory=list)
    output: str | None = None

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


def extractions(dispatches: Iterable[Dispatch], model: str | None = None,
                workers: int = 1) -> Iterator[Extraction]:
    from kg.nlp.extract import Extractor

    yield from Extractor(model).extract_many(dispatches, n_process=workers)


def extract(inputs: Iterable[str | Path] | str | Path, output: str | Path | None = None,
            fmt: str | None = None, model: str | None = None, workers: int = 1,
            max_bytes: int | None = None,
            progress: Callable[[Extraction], None] | None = None) -> ExtractResult:
    """Extract a knowledge graph from dispatches; write it to ``output`` ('-' for stdout) if given."""
    from kg.link.merge import BatchBuilder

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    failures: list[InputError] = []
    builder = BatchBuilder()
    for ex in extractions(read_inputs(inputs, failures, max_bytes), model=model, workers=workers):
        builder.add(ex)
        if progress:
            progress(ex)
    batch = builder.build()
    written = None
    if output is not None:
        from kg.rdf.write import write_batch

        written = write_batch(batch, output, fmt=fmt)
    return ExtractResult(batch=batch, failures=failures, output=written)
