"""``kg db start|status|stop``: keep the embedded database running between commands."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import EXIT_PROBLEM, guarded, info, out
from kg.cli.load import DATA_DIR_HELP

db_app = typer.Typer(help="Start, inspect or stop the embedded database (ArcadeDB with Bolt, on loopback).",
                     no_args_is_help=True)

DataDir = typer.Option(None, "--data-dir", envvar="KG_DATA_DIR", help=DATA_DIR_HELP)


@db_app.command("start")
def start_cmd(data_dir: Optional[Path] = DataDir,
              port: Optional[int] = typer.Option(None, "--port", min=1, max=65535,
                                                 help="Bolt port (default: a free loopback port).")) -> None:
    """Start the embedded database in the background; returns when it accepts Bolt connections."""
    with guarded():
        import time

        from kg.graphdb import embedded

        t0 = time.perf_counter()
        was = embedded.status(data_dir)
        s = embedded.start(data_dir, bolt_port=port)
        what = "already running" if was else f"started in {time.perf_counter() - t0:.1f} s"
        info(f"embedded database {what}: {s.uri} (database {s.database}, pid {s.pid}, data {s.data_dir})")


@db_app.command("status")
def status_cmd(data_dir: Optional[Path] = DataDir) -> None:
    """Say whether the embedded database is running (exit 1 when it is not)."""
    with guarded():
        from kg.graphdb import embedded

        s = embedded.status(data_dir)
        if s is None:
            out.print(f"not running (data {embedded.resolve_data_dir(data_dir)})", markup=False)
            raise typer.Exit(EXIT_PROBLEM)
        kind = "; temporary: stops when the kg commands using it finish" if s.temporary else ""
        out.print(f"running: {s.uri} (database {s.database}, pid {s.pid}, data {s.data_dir}{kind})", markup=False)


@db_app.command("stop")
def stop_cmd(data_dir: Optional[Path] = DataDir) -> None:
    """Stop the embedded database (when kg commands are using it: as soon as they finish)."""
    with guarded():
        from kg.graphdb import embedded

        info(embedded.stop(data_dir) or "not running")


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
