"""``kg export``: RDF in; a Cypher script, neo4j-admin CSV, GraphML or GEXF out."""
from __future__ import annotations

from pathlib import Path

import typer

from kg.cli.common import guarded, info


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export_cmd(
        inputs: list[Path] = typer.Argument(..., help="RDF files using the core vocabulary."),
        fmt: str = typer.Option(..., "--format", "-f",
                                help="cypher, csv (neo4j-admin import; OUT is a directory), graphml or gexf."),
        output: Path = typer.Option(..., "--output", "-o", help="Output file (a directory for csv)."),
    ) -> None:
        """Export a graph for cypher-shell, neo4j-admin import, Gephi or Cytoscape."""
        with guarded():
            from kg.graphdb.export import export, normalise_format
            from kg.link.merge import merge
            from kg.rdf.read import read_batch

            f = normalise_format(fmt)
            batch = merge(read_batch(p) for p in inputs)
            path = export(batch, f, output)
            info(f"{len(batch.entities)} entities, {len(batch.events)} events -> {path} ({f})")
