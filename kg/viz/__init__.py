"""Pictures of the graph: an interactive HTML page, ego-network pictures, a timeline, and
GraphML/GEXF exports. Everything starts from :func:`kg.viz.network.to_networkx`.

:func:`render` is what ``kg viz`` calls; it picks the picture from the options and the output suffix.
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import ConfigError, OutputError
from kg.models import GraphBatch

#: what each kind of picture can be written as, by output suffix
PAGE_FORMATS = (".html", ".htm")


def load_batch(path: str | Path) -> GraphBatch:
    """A GraphBatch from an RDF file (any format :mod:`kg.rdf.read` knows, by suffix)."""
    from kg.rdf.read import read_batch

    return read_batch(path)


def check_options(output: str | Path, *, focus: str | None = None, timeline: bool = False,
                  by: str = "country", with_precedents: bool = False, world_map: bool = False) -> None:
    """Raise the error :func:`render` would raise for these options, before any graph is read."""
    from kg.viz.ego import EGO_FORMATS
    from kg.viz.timeline import GROUPINGS, TIMELINE_FORMATS

    output = Path(output)
    suffix = output.suffix.lower()
    if world_map:
        from kg.viz.geo import MAP_FORMATS

        if timeline or focus is not None:
            raise ConfigError("--map, --timeline and --focus draw different pictures; give one of them")
        if suffix not in MAP_FORMATS:
            raise OutputError(f"{output}: unknown picture format {output.suffix or '(none)'!r} for the map; "
                              f"use {', '.join(sorted(MAP_FORMATS))}")
    if timeline and focus:
        raise ConfigError("--timeline and --focus draw different pictures; give one of them")
    if not timeline and by != "country":
        raise ConfigError("--by only applies to --timeline")
    if with_precedents and not timeline:
        raise ConfigError("--with-precedents only applies to --timeline")
    if timeline and by not in GROUPINGS:
        raise ConfigError(f"--by: {by!r} is not one of {', '.join(GROUPINGS)}")
    if world_map:
        if by != "country" or with_precedents:
            raise ConfigError("--by and --with-precedents only apply to --timeline")
        return
    formats = TIMELINE_FORMATS if timeline else EGO_FORMATS if focus is not None else PAGE_FORMATS
    if suffix not in formats:
        what = "timeline" if timeline else "ego picture" if focus is not None else "interactive page"
        hint = "" if (timeline or focus is not None) else " (or --focus / --timeline for .svg, .png, .pdf pictures)"
        raise OutputError(f"{output}: unknown picture format {output.suffix or '(none)'!r} for the {what}; "
                          f"use {', '.join(sorted(formats))}{hint}")


def render(batch: GraphBatch, output: str | Path, *, focus: str | None = None, depth: int = 2,
           timeline: bool = False, by: str = "country", title: str | None = None,
           max_nodes: int = 150, max_rows: int = 40, with_precedents: bool = False,
           world_map: bool = False) -> Path:
    """Write one picture of ``batch`` to ``output``.

    * ``world_map=True``: a world map of events by acting and targeted country: .png, .svg, .pdf;
    * ``timeline=True``: a timeline of measures by ``by`` (country or sector): .png, .svg, .pdf;
    * ``focus`` given: the ego network of that event or entity, ``depth`` links deep: .svg, .png,
      .pdf (or .dot/.gv for the Graphviz source);
    * otherwise the interactive page: .html.
    """
    output = Path(output)
    check_options(output, focus=focus, timeline=timeline, by=by, with_precedents=with_precedents,
                  world_map=world_map)
    if world_map:
        from kg.viz.geo import write_map

        return write_map(batch, output, title=title)
    if timeline:
        from kg.viz.timeline import write_timeline

        return write_timeline(batch, output, by=by, title=title, max_rows=max_rows, with_precedents=with_precedents)
    if focus is not None:
        from kg.viz.ego import write_ego

        return write_ego(batch, focus, output, depth=depth, max_nodes=max_nodes)
    from kg.viz.html import write_html

    return write_html(batch, output, title=title or "PolicyKG graph")
