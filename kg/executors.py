"""Where extraction runs: in this process (``local``) or on a Dask cluster (``dask``).

:func:`run_extraction` is the one way dispatches become extractions: ``kg extract``
(:func:`kg.workflow.extract`, batch and ``--stream``) and ``kg build`` (:func:`kg.store.build`)
both call it, so ``--model``, ``--workers``, ``--executor``, ``--scheduler`` and ``--rules-only``
mean the same in both. Long dispatches are cut into windows by the extractor itself
(:meth:`kg.nlp.extract.Extractor.extract_many`), whichever executor runs it.

An executor has one method, ``extract(dispatches, spec)``, yielding one
:class:`~kg.models.Extraction` per dispatch as each completes (``local``: input order, reading
the dispatches lazily, so a stream stays a stream; ``dask``: any order). Callers write each result
as soon as it arrives, so a run that dies keeps everything finished before it.
:class:`ExtractorSpec` says how to make the extractor; it is small and picklable so Dask can
ship it to workers, which build the extractor once per process and reuse it.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from kg.errors import ConfigError, KGError
from kg.models import Dispatch, Extraction


class ExtractorLike(Protocol):
    """What an executor asks of an extractor (:class:`kg.nlp.extract.Extractor`, or a test's own)."""

    def extract_many(self, dispatches: Iterable[Dispatch], n_process: int = 1) -> Iterable[Extraction]: ...


def default_factory(model: str | None, rules_only: bool = False) -> ExtractorLike:
    from kg.nlp.extract import Extractor

    return Extractor(model, rules_only=rules_only)


@dataclass(frozen=True)
class ExtractorSpec:
    """How to build an extractor: ``factory(model)`` returns an object with ``extract_many``."""

    model: str | None = None
    factory: Callable[..., ExtractorLike] = default_factory
    #: build the pipeline without the learned components (``--rules-only``)
    rules_only: bool = False

    def make(self) -> ExtractorLike:
        return self.factory(self.model, rules_only=True) if self.rules_only else self.factory(self.model)


_WORKER_CACHE: dict[ExtractorSpec, ExtractorLike] = {}


def _extract_chunk(dispatches: list[Dispatch], spec: ExtractorSpec) -> list[Extraction]:
    """Runs on a worker: one extractor per process, reused across tasks."""
    ex = _WORKER_CACHE.get(spec)
    if ex is None:
        ex = _WORKER_CACHE[spec] = spec.make()
    return list(ex.extract_many(dispatches))


class Executor(Protocol):
    name: str

    def extract(self, dispatches: Iterable[Dispatch], spec: ExtractorSpec) -> Iterator[Extraction]: ...


class LocalExecutor:
    """This process, or ``workers`` processes of spaCy's ``nlp.pipe``: results in input order."""

    name = "local"

    def __init__(self, workers: int = 1):
        self.workers = workers

    def extract(self, dispatches: Iterable[Dispatch], spec: ExtractorSpec) -> Iterator[Extraction]:
        it = iter(dispatches)
        first = next(it, None)
        if first is None:  # nothing to do: the model is not even loaded
            return iter(())
        ex = spec.make()
        rest = itertools.chain([first], it)  # read lazily: --stream keeps one dispatch in memory
        return iter(ex.extract_many(rest, n_process=self.workers)) if self.workers > 1 \
            else iter(ex.extract_many(rest))


class DaskExecutor:
    """Send chunks of dispatches to a dask.distributed scheduler (or a LocalCluster it starts)."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int = 2, chunk_size: int = 4,
                 client: Any = None, timeout: float = 10.0):
        self.scheduler, self.workers, self.chunk_size = scheduler, workers, max(1, chunk_size)
        self.client, self.timeout = client, timeout

    def _client(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - pinned dependency
            raise ConfigError("the dask executor needs dask[distributed]") from exc
        if self.client is not None:
            return self.client, None
        try:
            if self.scheduler:
                c = Client(self.scheduler, timeout=self.timeout)
                return c, c
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            c = Client(cluster)
            return c, (c, cluster)
        except (OSError, TimeoutError) as exc:
            raise KGError(f"cannot reach Dask scheduler {self.scheduler}: {exc}") from None

    def extract(self, dispatches: Iterable[Dispatch], spec: ExtractorSpec) -> Iterator[Extraction]:
        dispatches = list(dispatches)  # chunks are made up front; the results still stream back
        if not dispatches:
            return
        from distributed import as_completed

        client, owned = self._client()
        try:
            chunks = [dispatches[i:i + self.chunk_size] for i in range(0, len(dispatches), self.chunk_size)]
            futures = client.map(_extract_chunk, chunks, spec=spec, pure=False)
            for fut in as_completed(futures):
                yield from fut.result()
        finally:
            if owned is not None:
                for x in (owned if isinstance(owned, tuple) else (owned,)):
                    x.close()


EXECUTORS = ("local", "dask")


def get_executor(name: str = "local", workers: int = 1, scheduler: str | None = None) -> Executor:
    name = (name or "local").strip().lower()
    if name == "local":
        if scheduler:
            raise ConfigError("--scheduler is only for --executor dask")
        return LocalExecutor(workers)
    if name == "dask":
        return DaskExecutor(scheduler, workers=max(2, workers) if not scheduler else workers)
    raise ConfigError(f"unknown executor {name!r}: use one of {', '.join(EXECUTORS)}")


def run_extraction(dispatches: Iterable[Dispatch], spec: ExtractorSpec | None = None,
                   executor: Executor | None = None,
                   progress: Callable[[Extraction], None] | None = None) -> Iterator[Extraction]:
    """One :class:`~kg.models.Extraction` per dispatch: what ``kg extract`` and ``kg build`` both run.

    ``spec`` says which extractor (default: the default model, learned layer included);
    ``executor`` where it runs (default: this process, :class:`LocalExecutor`). ``dispatches`` is
    read lazily by the local executor, so a generator of inputs is never held whole.
    ``progress`` is called with each extraction as it arrives.
    """
    for ex in (executor or LocalExecutor()).extract(dispatches, spec or ExtractorSpec()):
        if progress is not None:
            progress(ex)
        yield ex
