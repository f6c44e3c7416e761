"""``kg query``: run a named Cypher query file (or Cypher text) and print the rows."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import guarded
from kg.cli.load import DATA_DIR_HELP, DATABASE_HELP, PASSWORD_FILE_HELP, URI_HELP, USER_HELP, resolve_password

FORMAT_HELP = "table (default), csv or json."
PARAM_HELP = "Query parameter name=value (repeatable); typed from the query header, or name:int=5."


def print_result(result, fmt: str) -> None:
    """Rows to stdout as a table, CSV or JSON (one array of objects); a closed pipe (| head) is fine."""
    import os
    import sys

    try:
        _print_result(result, fmt)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _print_result(result, fmt: str) -> None:
    import csv
    import json
    import sys

    from kg.cli.common import out
    from kg.errors import ConfigError

    fmt = fmt.lower()
    if fmt == "json":
        sys.stdout.write(json.dumps([dict(zip(result.columns, r)) for r in result.rows], ensure_ascii=False,
                                    indent=2, default=str) + "\n")
    elif fmt == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(result.columns)
        for r in result.rows:
            w.writerow(["" if v is None else json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                        for v in r])
    elif fmt == "table":
        from rich.table import Table

        t = Table(*result.columns, show_lines=False)
        for r in result.rows:
            t.add_row(*("" if v is None else str(v) for v in r))
        out.print(t)
        out.print(f"{len(result.rows)} row(s)", markup=False)
    else:
        raise ConfigError(f"--format {fmt!r}: choose table, csv or json")


def register(app: typer.Typer) -> None:
    @app.command("query")
    def query_cmd(
        query: str = typer.Argument(..., help="A .cypher file, a query name from queries/cypher/, or Cypher text."),
        param: list[str] = typer.Option([], "--param", "-p", help=PARAM_HELP),
        fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
        uri: Optional[str] = typer.Option(None, "--uri", envvar="NEO4J_URI", help=URI_HELP),
        user: str = typer.Option("neo4j", "--user", envvar="NEO4J_USERNAME", help=USER_HELP),
        password_file: Optional[Path] = typer.Option(None, "--password-file", help=PASSWORD_FILE_HELP),
        database: Optional[str] = typer.Option(None, "--database", envvar="NEO4J_DATABASE", help=DATABASE_HELP),
        data_dir: Optional[Path] = typer.Option(None, "--data-dir", envvar="KG_DATA_DIR", help=DATA_DIR_HELP),
    ) -> None:
        """Run a Cypher query against Neo4j or the embedded database; parameters are never pasted into it."""
        with guarded():
            from kg.graphdb.client import connect
            from kg.graphdb.queries import parse_params, resolve_query, run_cypher

            q = resolve_query(query, "cypher")
            params = parse_params(param, q)
            if fmt.lower() not in ("table", "csv", "json"):
                from kg.errors import ConfigError

                raise ConfigError(f"--format {fmt!r}: choose table, csv or json")
            password = resolve_password(uri, password_file)
            with connect(uri, user, password, database, data_dir=str(data_dir) if data_dir else None) as client:
                result = run_cypher(client, q, params)
            print_result(result, fmt)
