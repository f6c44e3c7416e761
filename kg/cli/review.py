"""``kg review``: the review queue, and recording an analyst's accept / reject decisions."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import guarded, info
from kg.cli.corrections import FILE_HELP, FORMAT_HELP, corrections_file, print_rows

WHO_HELP = "The analyst (default: KG_ANALYST, else the login name)."


def review_inputs(store: Optional[Path], graph: Optional[Path]):
    """(corrected graph, extractions, uncorrected extractions merged) for a store or an RDF file."""
    from kg.errors import ConfigError
    from kg.rdf.read import read_batch

    if graph is not None:
        return read_batch(graph), [], None
    if store is None:
        raise ConfigError("give --store DIR or --graph FILE")
    from kg.store import GRAPH, Store

    s = Store(store)
    if not (s.dir / GRAPH).is_file():
        raise ConfigError(f"{s.dir}: no {GRAPH}; run `kg build ... --store {s.dir}` first")
    from kg.link.merge import merge

    extractions = list(s.extractions())
    return read_batch(s.dir / GRAPH), extractions, merge(extractions)


def register(app: typer.Typer) -> None:
    @app.command("review")
    def review_cmd(
        store: Optional[Path] = typer.Option(
            None, "--store", "-s", help="Store directory (reads DIR/graph.ttl and its extractions)."
        ),
        graph: Optional[Path] = typer.Option(None, "--graph", "-g", help="An RDF graph to review instead of a store."),
        corrections: Optional[Path] = typer.Option(None, "--corrections", "-c", help=FILE_HELP),
        fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
        limit: int = typer.Option(25, "--limit", "-n", min=0, help="Rows to show (0: all)."),
        min_confidence: float = typer.Option(
            0.8, "--min-confidence", min=0.0, max=1.0, help="Events and relations below this confidence are queued."
        ),
        accept: Optional[str] = typer.Option(
            None, "--accept", help="Record: this event, role value, relation or analogy is right."
        ),
        reject: Optional[str] = typer.Option(
            None, "--reject", help="Record: this event, role value, relation or analogy is wrong (needs --why)."
        ),
        rename: Optional[str] = typer.Option(None, "--rename", help="Record: this entity's name is --value."),
        retype: Optional[str] = typer.Option(None, "--retype", help="Record: this entity's type is --value."),
        value: Optional[str] = typer.Option(None, "--value", help="The new name (--rename) or type (--retype)."),
        why: Optional[str] = typer.Option(None, "--why", help="The reason, kept with the decision."),
        who: Optional[str] = typer.Option(None, "--who", envvar="KG_ANALYST", help=WHO_HELP),
    ) -> None:
        """List what most needs a human eye, ranked; or record one decision (--accept, --reject,
        --rename, --retype) in the corrections file. The next `kg build` applies it.
        """
        from kg.errors import ConfigError

        with guarded():
            batch, extractions, raw = review_inputs(store, graph)
            asked = [
                (a, k) for a, k in (("accept", accept), ("reject", reject), ("rename", rename), ("retype", retype)) if k
            ]
            if len(asked) > 1:
                raise ConfigError("one decision at a time: --accept, --reject, --rename or --retype")
            if asked:
                from kg.corrections.decide import record

                path = corrections_file(store, corrections)
                action, key = asked[0]
                if action == "reject" and not why:
                    raise ConfigError('--reject needs --why "..." (the reason is kept with the decision)')
                if action in ("rename", "retype") and not value:
                    raise ConfigError(f"--{action} needs --value")
                d, new = record(
                    path,
                    action,
                    key,
                    [b for b in (batch, raw) if b is not None],
                    why or ("confirmed in review" if action == "accept" else f"{action} in review"),
                    who,
                    value=value,
                )
                info(f"{d.action} {d.subject} ({d.describe}) -> {path}" + ("" if new else " (already recorded)"))
                return
            from kg.corrections import read_decisions
            from kg.corrections.review import COLUMNS, review_queue
            from kg.precedents.base import default_gazetteer_or_none

            queue_file = corrections if corrections is not None or store is None else corrections_file(store, None)
            decided = read_decisions(queue_file, missing_ok=True) if queue_file is not None else []
            items = review_queue(batch, extractions, decided, default_gazetteer_or_none(), min_confidence)
            shown = items[:limit] if limit else items
            rows = [it.row(i) for i, it in enumerate(shown, 1)]
            if fmt.strip().lower() == "table":  # the suggested commands only in CSV and JSON: too wide
                print_rows(COLUMNS[:-1], [r[:-1] for r in rows], fmt)
            else:
                print_rows(COLUMNS, rows, fmt)
            if len(shown) < len(items):
                info(f"{len(items) - len(shown)} more: --limit 0 shows all")
