"""``kg explain``: every event and relation in an RDF file, with the evidence behind it."""
from __future__ import annotations

import json

import typer

from kg.cli.common import guarded, out


def register(app: typer.Typer) -> None:
    @app.command("explain")
    def explain_cmd(
        file: str = typer.Argument(..., help="An RDF file written by kg extract (.ttl, .trig, .nt, .nq, .jsonld)."),
        fmt: str = typer.Option("text", "--format", "-f", help="text (readable) or json (one object per row)."),
    ) -> None:
        """Show each event and relation with its evidence sentence, dispatch, rule and confidence."""
        with guarded():
            from kg.errors import ConfigError
            from kg.explain import explain, render_text

            fmt_n = fmt.strip().lower()
            if fmt_n not in ("text", "json"):
                raise ConfigError(f"--format must be text or json, not {fmt!r}")
            rows = explain(file)
            if fmt_n == "json":
                out.print(json.dumps(rows, indent=1, ensure_ascii=False), markup=False, highlight=False,
                          soft_wrap=True)
            else:
                out.print(render_text(rows), markup=False, highlight=False, soft_wrap=True, end="")
