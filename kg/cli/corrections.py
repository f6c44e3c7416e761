"""``kg corrections``: the analysts' decisions — list them with what each did to the graph."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import console, guarded, info

STORE_HELP = "Store directory: its corrections.jsonl, applied to its stored extractions."
FILE_HELP = "Corrections file (JSON lines; default: STORE/corrections.jsonl)."
FORMAT_HELP = "table, csv or json."


def print_rows(columns, rows, fmt: str) -> None:
    """Rows to stdout as a table (every cell plain text: no markup from data), CSV or JSON."""
    from types import SimpleNamespace

    if fmt.strip().lower() == "table":
        from rich.table import Table
        from rich.text import Text

        from kg.cli.common import out

        from rich.table import Column

        t = Table(*(Column(c, overflow="fold") for c in columns), show_lines=False)
        for r in rows:
            t.add_row(*(Text("" if v is None else str(v)) for v in r))
        out.print(t)
        out.print(f"{len(rows)} row(s)", markup=False)
        return
    from kg.cli.query import print_result

    print_result(SimpleNamespace(columns=list(columns), rows=rows), fmt)


def warn_missing(report) -> None:
    """One warning line per decision whose subject is no longer in the graph (never silent)."""
    from kg.corrections.report import missing_lines

    for line in missing_lines(report):
        console.print("warning: " + " ".join(line.split()), markup=False)
    if report is not None and report.outcomes:
        info(
            f"corrections: {report.count('applied')} applied, {report.count('unchanged')} unchanged, "
            f"{report.count('superseded')} superseded, {report.count('missing')} missing"
        )


def corrections_file(store: Optional[Path], corrections: Optional[Path]) -> Path:
    from kg.corrections import store_file
    from kg.errors import ConfigError

    if corrections is not None:
        return corrections
    if store is None:
        raise ConfigError("give --store DIR or --corrections FILE")
    return store_file(store)


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        help="Analysts' corrections: list decisions and what they did; export gold lines.", no_args_is_help=True
    )
    app.add_typer(group, name="corrections")

    @group.command("list")
    def list_cmd(
        store: Optional[Path] = typer.Option(None, "--store", "-s", help=STORE_HELP),
        corrections: Optional[Path] = typer.Option(None, "--corrections", "-c", help=FILE_HELP),
        graph: Optional[Path] = typer.Option(
            None, "--graph", "-g", help="An uncorrected RDF graph to apply the decisions to (instead of a store)."
        ),
        rejected: bool = typer.Option(
            False, "--rejected", help="Only the statements rejections keep out of the graph."
        ),
        fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    ) -> None:
        """List every decision with its outcome: applied, unchanged, superseded or missing.

        Outcomes come from applying the decisions to the store's merged extractions (or to
        --graph); without either, the decisions are only listed.
        """
        from kg.corrections import apply_corrections, read_decisions
        from kg.corrections.apply import ApplyReport, Outcome
        from kg.corrections.report import COLUMNS, report_rows

        with guarded():
            path = corrections_file(store, corrections)
            decisions = read_decisions(path, missing_ok=store is not None and corrections is None)
            if graph is not None:
                from kg.rdf.read import read_batch

                _b, report = apply_corrections(read_batch(graph), decisions)
            elif store is not None:
                from kg.store import Store, merged_graph

                batch, _missing = merged_graph(Store(store))
                _b, report = apply_corrections(batch, decisions)
            else:
                report = ApplyReport(
                    outcomes=[Outcome(loc, "listed", "not applied: give --store or --graph") for loc in decisions]
                )
            print_rows(COLUMNS, report_rows(report, rejected_only=rejected), fmt)

    @group.command("export-gold")
    def export_gold_cmd(
        store: Path = typer.Option(..., "--store", "-s", help="Store directory (its extractions and corrections)."),
        corrections: Optional[Path] = typer.Option(None, "--corrections", "-c", help=FILE_HELP),
        output: str = typer.Option("-", "--output", "-o", help="Gold file (JSON lines), or '-' for stdout."),
    ) -> None:
        """Reviewed dispatches (kg review --accept dispatch/ID) as gold lines in the format of the
        annotation guide, so that analysts' corrections become regression tests of the extractor."""
        import json

        from kg.atomic import emit_text
        from kg.corrections import read_decisions
        from kg.corrections.gold import export_gold
        from kg.store import Store, corrected_graph

        with guarded():
            path = corrections_file(store, corrections)
            decisions = read_decisions(path, missing_ok=corrections is None)
            s = Store(store)
            batch, _missing, report = corrected_graph(s, corrections=corrections)
            warn_missing(report)
            lines = export_gold(batch, [ex.dispatch for ex in s.extractions()], decisions)
            written = emit_text(output, "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
            info(f"{len(lines)} reviewed dispatch(es) -> {written}")
