"""``kg precedents``: rank historical precedents and cross-country/cross-sector parallels."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer

from kg.cli.common import guarded, out


def register(app: typer.Typer) -> None:
    @app.command("precedents")
    def precedents_cmd(
        query: Optional[str] = typer.Argument(None, help="A free-text description of a measure."),
        event: Optional[str] = typer.Option(None, "--event", "-e", help="IRI (or key) of an event in the graph."),
        store: Optional[Path] = typer.Option(None, "--store", "-s",
                                             help="A store made by kg build (reads DIR/graph.ttl)."),
        data: Optional[Path] = typer.Option(None, "--data", "-d", help="A graph file (Turtle, TriG, N-Triples)."),
        top: int = typer.Option(5, "--top", "-n", min=1, help="How many candidates to show."),
        explain: bool = typer.Option(False, "--explain", help="Show the explanation sentence and feature values."),
        fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
        config: Optional[Path] = typer.Option(None, "--config",
                                              help="Link settings (TOML); default data/precedents/config.toml."),
        earlier_only: bool = typer.Option(False, "--earlier-only",
                                          help="Only candidates dated no later than the query."),
    ) -> None:
        """Rank precedents and parallels for a description or for an event of a graph.

        Scores add named features (measure family, measure, kind of target, sector, actor,
        chronology, wording); --explain prints why each candidate ranks where it does.
        """
        from kg.errors import ConfigError
        from kg.precedents.rank import LinkConfig
        from kg.precedents.query import find
        from kg.store import GRAPH

        with guarded():
            if fmt not in ("table", "json"):
                raise ConfigError(f"--format must be table or json, not {fmt!r}")
            if store and data:
                raise ConfigError("give --store or --data, not both")
            graph = (store / GRAPH) if store else data
            cfg = LinkConfig.load(config)
            r = find(text=query, event=event, graph=graph, top=top, config=cfg,
                     include_later=not earlier_only)
            rows: list[dict[str, Any]]
            rows = [{"rank": i, "score": c.score, "basis": c.basis, "event": c.key,
                     "precedent_id": r.base_ids.get(c.key), "label": r.names.get(c.key, c.key),
                     "date": c.profile.date, "explanation": c.explanation,
                     "features": c.features} for i, c in enumerate(r.candidates, 1)]
            if fmt == "json":
                out.print_json(json.dumps({"query": r.query, "results": rows}))
                return
            from rich.table import Table

            t = Table(title=f"Precedents and parallels for: {r.query}", show_lines=explain)
            for col in ("#", "score", "basis", "date", "measure", "id / label"):
                t.add_column(col)
            for row, c in zip(rows, r.candidates):
                name = (row["precedent_id"] or row["event"]) + "\n" + row["label"]
                if explain:
                    name += "\n" + row["explanation"] + "\n" + ", ".join(
                        f"{k}={v:.2f}" for k, v in row["features"].items())
                t.add_row(str(row["rank"]), f"{row['score']:.3f}", row["basis"], row["date"] or "",
                          c.profile.measure, name)
            out.print(t)
