"""``kg build``: add dispatches to an incremental store and write the merged graph."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import EXIT_ERROR, console, error_line, guarded, info, progress_bar, state
from kg.cli.load import (BULK_HELP, DATA_DIR_HELP, DATABASE_HELP, PASSWORD_FILE_HELP, URI_HELP, USER_HELP,
                         load_and_report, resolve_password)
from kg.cli.options import MAX_BYTES, ExecutorName, MaxBytes, Model, RulesOnly, Scheduler, Workers


def register(app: typer.Typer) -> None:
    @app.command("build")
    def build_cmd(
        inputs: list[str] = typer.Argument(..., help="Files, folders (read recursively) or '-' for stdin."),
        store: Path = typer.Option(..., "--store", "-s", help="Store directory (created if missing)."),
        workers: Workers = 1,
        executor: ExecutorName = "local",
        scheduler: Scheduler = None,
        model: Model = None,
        trig: bool = typer.Option(False, "--trig", help="Also write DIR/graph.trig (one named graph per dispatch)."),
        config: Optional[Path] = typer.Option(None, "--config",
                                              help="Link settings (TOML); default data/precedents/config.toml."),
        threshold: Optional[float] = typer.Option(None, "--threshold",
                                                  help="Minimum score of an inferred analogy (overrides the config)."),
        top_k: Optional[int] = typer.Option(None, "--top-k",
                                            help="Maximum inferred analogies per event (overrides the config)."),
        max_bytes: MaxBytes = MAX_BYTES,
        rebuild: bool = typer.Option(False, "--rebuild",
                                     help="Extract every input again (after the extractor changed)."),
        rules_only: RulesOnly = False,
        load: bool = typer.Option(False, "--load",
                                  help="Also write the graph into the database (as kg load; no Turtle round trip)."),
        uri: Optional[str] = typer.Option(None, "--uri", envvar="NEO4J_URI", help=URI_HELP),
        user: str = typer.Option("neo4j", "--user", envvar="NEO4J_USERNAME", help=USER_HELP),
        password_file: Optional[Path] = typer.Option(None, "--password-file", help=PASSWORD_FILE_HELP),
        database: Optional[str] = typer.Option(None, "--database", envvar="NEO4J_DATABASE", help=DATABASE_HELP),
        data_dir: Optional[Path] = typer.Option(None, "--data-dir", envvar="KG_DATA_DIR", help=DATA_DIR_HELP),
        batch_size: int = typer.Option(1000, "--batch-size", min=1, help="Rows per UNWIND statement (with --load)."),
        bulk: bool = typer.Option(False, "--bulk", help=BULK_HELP),
    ) -> None:
        """Extract the dispatches the store has not seen, then write DIR/graph.ttl (and, with --load, the database).

        The graph merges every stored extraction with the precedent base, joins the same event
        reported by several dispatches, resolves responses across dispatches and adds inferred
        pol:analogousTo links. Re-running over the same inputs changes nothing.
        """
        from kg.executors import get_executor
        from kg.precedents.rank import LinkConfig
        from kg.store import build

        with guarded():
            password = resolve_password(uri, password_file) if load else None  # ask before the long part
            ex = get_executor(executor, workers=workers, scheduler=scheduler)
            cfg = LinkConfig.load(config, threshold=threshold, top_k=top_k)
            with progress_bar("extracting") as tick:
                s = build(inputs, store, model=model, workers=workers, executor=ex, trig=trig, link_config=cfg,
                          max_bytes=max_bytes, rebuild=rebuild, rules_only=rules_only, progress=tick)
            for f in s.failures:
                error_line(str(f))
            if s.corrections is not None:  # the store's corrections.jsonl (kg.corrections)
                from kg.cli.corrections import warn_missing

                warn_missing(s.corrections)
            info(f"{s.inputs} dispatches read: {s.new} new, {s.known} already stored; store holds {s.stored}. "
                 f"{s.events} events, {s.entities} entities, {s.analogies} analogies -> {s.graph}"
                 + ("" if s.changed else " (unchanged)"))
            if state.verbose and s.missing_names:
                info("names the gazetteer lacks (own keys minted): " + ", ".join(s.missing_names))
            if load:  # the same in-memory batch graph.ttl was written from
                load_and_report(s.batch, uri=uri, user=user, password=password, database=database,
                                data_dir=data_dir, batch_size=batch_size, bulk=bulk)
            if s.failures:
                console.print(f"{len(s.failures)} input(s) failed: "
                              + ", ".join(Path(f.source).name or f.source for f in s.failures), markup=False)
                raise typer.Exit(EXIT_ERROR)
