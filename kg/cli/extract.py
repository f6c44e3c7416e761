"""``kg extract``: dispatches in, one RDF graph out."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import EXIT_ERROR, console, error_line, guarded, info, progress_bar
from kg.cli.options import MAX_BYTES, ExecutorName, MaxBytes, Model, RulesOnly, Scheduler, Workers


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_cmd(
        inputs: list[str] = typer.Argument(..., help="Files, folders (read recursively) or '-' for stdin."),
        output: str = typer.Option(..., "--output", "-o", help="Output file, or '-' for stdout."),
        fmt: Optional[str] = typer.Option(None, "--format", "-f",
                                          help="turtle, trig, nt, nquads or json-ld; default from the file suffix "
                                               "(Turtle for stdout)."),
        model: Model = None,
        workers: Workers = 1,
        executor: ExecutorName = "local",
        scheduler: Scheduler = None,
        max_bytes: MaxBytes = MAX_BYTES,
        stream: bool = typer.Option(False, "--stream",
                                    help="Write N-Triples/N-Quads one dispatch at a time: memory stays flat for any "
                                         "corpus size."),
        rules_only: RulesOnly = False,
        corrections: Optional[Path] = typer.Option(None, "--corrections", "-c",
                                                   help="Analysts' decisions (JSON lines) to apply after "
                                                        "extraction; see docs/review.md."),
    ) -> None:
        """Extract entities, policy events and relations from dispatches and write RDF.

        Unreadable inputs are reported one line each; the others are still processed and written,
        and the command then exits 2.
        """
        from kg.executors import get_executor
        from kg.workflow import extract

        with guarded(), progress_bar("extracting") as tick:
            ex = get_executor(executor, workers=workers, scheduler=scheduler)
            result = extract(inputs, output, fmt=fmt, model=model, workers=workers, executor=ex,
                             max_bytes=max_bytes, stream=stream, progress=tick, rules_only=rules_only,
                             corrections=corrections)
            b = result.batch
            if result.corrections is not None:
                from kg.cli.corrections import warn_missing

                warn_missing(result.corrections)
            for f in result.failures:
                error_line(str(f))
            if stream:
                info(f"streamed -> {result.output}")
            elif output != "-":
                info(f"{len(b.dispatches)} dispatches -> {len(b.entities)} entities, {len(b.events)} events, "
                     f"{len(b.relations)} relations, {len(b.analogies)} analogies -> {result.output}")
            if result.failures:
                console.print(f"{len(result.failures)} input(s) failed: "
                              + ", ".join(Path(f.source).name or f.source for f in result.failures), markup=False)
                raise typer.Exit(EXIT_ERROR)
