"""``kg sparql``: run a SPARQL query file over RDF files (no database needed)."""
from __future__ import annotations

from pathlib import Path

import typer

from kg.cli.common import guarded
from kg.cli.query import FORMAT_HELP, PARAM_HELP, print_result


def register(app: typer.Typer) -> None:
    @app.command("sparql")
    def sparql_cmd(
        query: str = typer.Argument(..., help="A .rq file or a query name from queries/sparql/."),
        data: list[Path] = typer.Option(..., "--data", "-d", help="RDF file(s) to query (repeatable)."),
        param: list[str] = typer.Option([], "--param", "-p", help=PARAM_HELP),
        fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    ) -> None:
        """Run a SPARQL query over RDF files; parameters are bound as typed literals."""
        with guarded():
            from kg.errors import ConfigError
            from kg.graphdb.queries import parse_params, resolve_query
            from kg.graphdb.sparql import open_store, run_sparql

            if fmt.lower() not in ("table", "csv", "json"):
                raise ConfigError(f"--format {fmt!r}: choose table, csv or json")
            q = resolve_query(query, "sparql")
            params = parse_params(param, q)
            print_result(run_sparql(open_store(data), q, params), fmt)
