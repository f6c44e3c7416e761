"""The ``kg`` command: a typer app whose verbs live one per module in this package.

Each verb module defines ``register(app)``; each command parses options and calls one library
function, nothing else.
"""
from __future__ import annotations

import importlib

import typer

from kg.cli.common import configure_logging

app = typer.Typer(
    name="kg",
    help="PolicyKG: turn AI and technology policy dispatches into an RDF and Neo4j knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

#: verb modules, in the order --help lists them
VERBS = ("extract", "build", "validate", "precedents", "viz", "load", "query", "sparql", "db", "export", "explain",
         "eval", "review", "merge", "corrections", "version")


@app.callback()
def _root(
    verbose: int = typer.Option(0, "--verbose", "-v", count=True,
                                help="More output; -vv for debug, tracebacks on error."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors."),
) -> None:
    configure_logging(verbose, quiet)


for _verb in VERBS:
    importlib.import_module(f"kg.cli.{_verb}").register(app)


def main() -> None:
    app()
