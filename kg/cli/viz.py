"""``kg viz``: pictures of a graph — an interactive HTML page, an ego network, a timeline."""
from __future__ import annotations

from typing import Optional

import typer

from kg.cli.common import guarded, info


def register(app: typer.Typer) -> None:
    @app.command("viz")
    def viz_cmd(
        graph: str = typer.Argument(..., help="An RDF file written by kg extract (format from the suffix)."),
        output: str = typer.Option(..., "--output", "-o",
                                   help="Output file; its suffix picks the format: .html for the page, "
                                        ".svg/.png/.pdf for --focus and --timeline (.dot/.gv: Graphviz source)."),
        focus: Optional[str] = typer.Option(None, "--focus",
                                            help="Draw the ego network of this event or entity: an IRI, a key, "
                                                 "a name or alias, or an event label."),
        depth: int = typer.Option(2, "--depth", min=0, max=6, help="With --focus: how many links away to go."),
        max_nodes: int = typer.Option(150, "--max-nodes", min=1,
                                      help="With --focus: draw at most this many nodes (nearest first)."),
        timeline: bool = typer.Option(False, "--timeline", help="Draw a timeline of measures over time."),
        by: str = typer.Option("country", "--by", help="With --timeline: one row per 'country' or 'sector'."),
        max_rows: int = typer.Option(40, "--max-rows", min=1,
                                     help="With --timeline: draw at most this many rows, the busiest."),
        with_precedents: bool = typer.Option(False, "--with-precedents",
                                             help="With --timeline: also draw the precedent-base records, "
                                                  "in a band of their own."),
        world_map: bool = typer.Option(False, "--map",
                                       help="Draw a world map of events by acting and targeted country "
                                            "(.svg, .png, .pdf)."),
        title: Optional[str] = typer.Option(None, "--title", help="Title of the page or the timeline."),
    ) -> None:
        """Draw the graph: an interactive page (default), an ego network (--focus) or a timeline.

        The page is one self-contained HTML file: no network is needed to view it.
        """
        from kg.viz import check_options, load_batch, render

        with guarded():
            check_options(output, focus=focus, timeline=timeline, by=by, with_precedents=with_precedents,
                          world_map=world_map)  # fail fast, before reading
            batch = load_batch(graph)
            written = render(batch, output, focus=focus, depth=depth, timeline=timeline, by=by, title=title,
                             max_nodes=max_nodes, max_rows=max_rows, with_precedents=with_precedents,
                             world_map=world_map)
            info(f"{len(batch.entities)} entities, {len(batch.events)} events -> {written}")
