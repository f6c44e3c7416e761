"""``kg load``: RDF in, property graph out (Neo4j over Bolt, or the embedded ArcadeDB server)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import guarded, info, progress_bar
from kg.errors import ConfigError, DatabaseError

URI_HELP = "Bolt URI of a Neo4j-compatible server (neo4j://, neo4j+s://, bolt://); default: the embedded database."
USER_HELP = "User name for --uri."
PASSWORD_FILE_HELP = "Read the password for --uri from this file (else NEO4J_PASSWORD, else a prompt)."
DATABASE_HELP = "Database name on the server (default: the server's default)."
DATA_DIR_HELP = "Directory of the embedded database (default: KG_DATA_DIR or the user data directory)."
BULK_HELP = ("First load into an empty database: CREATE instead of MERGE (same graph); "
             "a database that already holds PolicyKG nodes is merged into as usual.")


def check_reachable(uri: str, timeout: float = 3.0) -> None:
    """Raise :class:`DatabaseError` when nothing listens at the host and port of ``uri``."""
    import socket
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(uri)
        host, port = parts.hostname, parts.port or 7687
    except ValueError as exc:
        raise ConfigError(f"{uri}: not a valid database address ({exc})") from None
    if not host:
        raise ConfigError(f"{uri}: not a valid database address (expected bolt://HOST:PORT or neo4j://HOST:PORT)")
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as exc:
        raise DatabaseError(f"{uri}: the server is unreachable ({exc.strerror or exc}); is it running?") from None


def resolve_password(uri: Optional[str], password_file: Optional[Path]) -> Optional[str]:
    """The password for ``uri``: --password-file, NEO4J_PASSWORD, or a prompt. Never from argv."""
    if not uri:
        return None  # the embedded server's generated password is read from its data directory
    if password_file is not None:
        try:
            return password_file.read_text(encoding="utf-8").strip("\r\n")
        except OSError as exc:
            raise ConfigError(f"{password_file}: cannot read the password file: {exc.strerror or exc}") from None
    check_reachable(uri)  # an unreachable server is the problem to report, not a missing password
    env = os.environ.get("NEO4J_PASSWORD")
    if env is not None:
        return env
    import sys

    if not sys.stdin.isatty():
        raise ConfigError("no password: set NEO4J_PASSWORD or use --password-file")
    return typer.prompt(f"Password for {uri}", hide_input=True)


def register(app: typer.Typer) -> None:
    @app.command("load")
    def load_cmd(
        inputs: list[Path] = typer.Argument(...,
                                            help="RDF files (Turtle, TriG, N-Triples, N-Quads, JSON-LD) using the "
                                                 "core vocabulary."),
        uri: Optional[str] = typer.Option(None, "--uri", envvar="NEO4J_URI", help=URI_HELP),
        user: str = typer.Option("neo4j", "--user", envvar="NEO4J_USERNAME", help=USER_HELP),
        password_file: Optional[Path] = typer.Option(None, "--password-file", help=PASSWORD_FILE_HELP),
        database: Optional[str] = typer.Option(None, "--database", envvar="NEO4J_DATABASE", help=DATABASE_HELP),
        data_dir: Optional[Path] = typer.Option(None, "--data-dir", envvar="KG_DATA_DIR", help=DATA_DIR_HELP),
        batch_size: int = typer.Option(1000, "--batch-size", min=1, help="Rows per UNWIND statement."),
        bulk: bool = typer.Option(False, "--bulk", help=BULK_HELP),
        corrections: Optional[Path] = typer.Option(None, "--corrections", "-c",
                                                   help="Analysts' decisions (JSON lines) to apply before "
                                                        "loading; see docs/review.md."),
    ) -> None:
        """Load RDF graphs into Neo4j or the embedded database (MERGE: loading twice changes nothing)."""
        with guarded():
            from kg.link.merge import merge
            from kg.rdf.read import read_batch

            batch = merge(read_batch(p) for p in inputs)
            if corrections is not None:
                from kg.cli.corrections import warn_missing
                from kg.corrections import apply_file

                batch, report = apply_file(batch, corrections)
                warn_missing(report)
            password = resolve_password(uri, password_file)
            load_and_report(batch, uri=uri, user=user, password=password, database=database,
                            data_dir=data_dir, batch_size=batch_size, bulk=bulk)


def load_and_report(batch, *, uri: Optional[str], user: str, password: Optional[str], database: Optional[str],
                    data_dir: Optional[Path], batch_size: int, bulk: bool) -> None:
    """Load one in-memory GraphBatch (``kg load``, ``kg build --load``) and print the one-line summary."""
    from kg.graphdb.load import load_batch

    with progress_bar("loading") as tick:
        s = load_batch(batch, uri=uri, user=user, password=password, database=database,
                       batch_size=batch_size, data_dir=str(data_dir) if data_dir else None,
                       progress=lambda done, total: tick(), bulk=bulk)
    how = "bulk (CREATE)" if s.bulk else "merged"
    info(f"{s.nodes} nodes ({s.nodes_created} new), {s.relationships} relationships "
         f"({s.relationships_created} new), {how}, in {s.seconds:.1f} s -> {s.uri}"
         + (f"; {s.dangling} relationship(s) skipped (endpoint missing)" if s.dangling else ""))
