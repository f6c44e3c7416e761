"""``kg merge KEY INTO``: record that two entities are one (or, with --split, that they are not)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import guarded, info
from kg.cli.corrections import FILE_HELP, corrections_file
from kg.cli.review import WHO_HELP, review_inputs


def register(app: typer.Typer) -> None:
    @app.command("merge")
    def merge_cmd(
        key: str = typer.Argument(..., help="The entity to fold in (its key or IRI)."),
        into: str = typer.Argument(..., help="The entity that stays (its key or IRI)."),
        store: Optional[Path] = typer.Option(None, "--store", "-s", help="Store directory (its corrections.jsonl)."),
        graph: Optional[Path] = typer.Option(
            None, "--graph", "-g", help="An RDF graph holding the two entities (with --corrections)."
        ),
        corrections: Optional[Path] = typer.Option(None, "--corrections", "-c", help=FILE_HELP),
        split: bool = typer.Option(
            False, "--split", help="Record the opposite: undo a merge of KEY into INTO, or say they differ."
        ),
        why: Optional[str] = typer.Option(None, "--why", help="The reason, kept with the decision."),
        who: Optional[str] = typer.Option(None, "--who", envvar="KG_ANALYST", help=WHO_HELP),
    ) -> None:
        """Record that entity KEY is the same as entity INTO: the next build makes them one node
        with every mention, alias, role and relation of both."""
        from kg.corrections.decide import record

        with guarded():
            path = corrections_file(store, corrections)
            batch, _ex, raw = review_inputs(store, graph)
            action = "split" if split else "merge"
            d, new = record(
                path,
                action,
                key,
                [b for b in (batch, raw) if b is not None],
                why or ("not the same entity" if split else "the same entity"),
                who,
                into=into,
            )
            info(
                f"{d.action} {d.subject} into {d.into} ({d.describe}) -> {path}"
                + ("" if new else " (already recorded)")
            )
