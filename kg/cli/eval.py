"""``kg eval``: score the extractor against gold annotations with the shared scorer."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import EXIT_PROBLEM, guarded, out


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(
        gold: Path = typer.Argument(..., help="Gold annotations, one JSON object per document (score.py format); "
                                              "or a folder of *.jsonl files (a corpus split)."),
        texts: Optional[Path] = typer.Option(None, "--texts", "-t",
                                             help="Folder with the documents (default: the gold file's folder; "
                                                  "for a corpus split folder, the corpus's texts/)."),
        cmd: Optional[str] = typer.Option(None, "--cmd",
                                          help="Run this command per document instead of the in-process extractor; "
                                               "must contain {input} and {output} (an RDF file)."),
        model: Optional[str] = typer.Option(None, "--model", "-m", envvar="KG_MODEL",
                                            help="spaCy model package or path for the in-process extractor."),
        scorer: Optional[Path] = typer.Option(None, "--scorer", envvar="KG_SCORER",
                                              help="Path to the shared score.py (default: ../shared/eval/score.py)."),
        as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
        misses: bool = typer.Option(False, "--misses", help="Also list every miss, per document."),
        rules_only: bool = typer.Option(False, "--rules-only",
                                        help="Score the in-process extractor without the measure classifier "
                                             "(rules only)."),
        fail_under: Optional[float] = typer.Option(None, "--fail-under", min=0.0, max=1.0,
                                                   help="Exit 1 when the headline F1 is below this value."),
    ) -> None:
        """Extract each gold document and print precision, recall and F1 for entities, events,
        roles, relations and analogies, and the headline F1 (mean of entities, events, roles, relations)."""
        from kg.evaluate import evaluate, format_table

        with guarded():
            summary = evaluate(gold, texts, cmd=cmd, model=model, scorer=str(scorer) if scorer else None,
                               rules_only=rules_only)
            if as_json:
                shown = {k: v for k, v in summary.items() if misses or k != "misses"}
                out.print(json.dumps(shown, indent=1), markup=False)
            else:
                out.print(format_table(summary, verbose=misses), markup=False)
            if fail_under is not None and summary.get("headline_f1", 0.0) < fail_under:
                raise typer.Exit(EXIT_PROBLEM)
