"""Writing a :class:`~kg.models.GraphBatch` as RDF: one format table, deterministic, atomic.

Formats (chosen by ``fmt``, else the file suffix, else Turtle):

=========  ===============  ======================================================
name       suffixes         written by
=========  ===============  ======================================================
turtle     .ttl             kg.rdf.turtle, from the sorted N-Triples lines (no rdflib graph);
                            the same writer streams batches over ``STREAM_THRESHOLD`` records
trig       .trig            pyoxigraph, one named graph per dispatch + default graph
nt         .nt              pyoxigraph (canonical N-Triples), sorted lines
nquads     .nq              pyoxigraph, sorted lines
json-ld    .jsonld, .json   rdflib's JSON-LD serialiser (compacted with kg.vocab.PREFIXES)
=========  ===============  ======================================================

Each format's writer is one entry of :data:`WRITERS` (name -> writer, as rdflib's plugin table);
every writer is fed the statements of :func:`kg.rdf.graph.iter_quads` sorted, so the same batch
always gives byte-identical output. Turtle for batches of more than ``STREAM_THRESHOLD`` records
skips the global sort: :func:`stream_turtle` writes each record's statements as they are made
(records in key order, so still deterministic), which is what makes large outputs fast. Files are
written to a temporary file in the destination directory, fsynced and renamed over the destination:
an existing file is never left truncated.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable

import pyoxigraph as ox

from kg.atomic import emit
from kg.choices import choose
from kg.errors import OutputError
from kg.models import GraphBatch
from kg.rdf.graph import Quad, iter_quads
from kg.rdf.turtle import split_ntriples_line, write_turtle
from kg.vocab import PREFIXES


@dataclass(frozen=True)
class RdfFormat:
    name: str
    suffixes: tuple[str, ...]
    quads: bool  # keeps named graphs
    media_type: str


#: the one table of output formats; keys are normalised names
FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat("turtle", (".ttl",), False, "text/turtle"),
    "trig": RdfFormat("trig", (".trig",), True, "application/trig"),
    "nt": RdfFormat("nt", (".nt",), False, "application/n-triples"),
    "nquads": RdfFormat("nquads", (".nq",), True, "application/n-quads"),
    "json-ld": RdfFormat("json-ld", (".jsonld", ".json"), False, "application/ld+json"),
}
_ALIASES = {
    "ttl": "turtle", "n-triples": "nt", "ntriples": "nt", "nt11": "nt", "nq": "nquads",
    "n-quads": "nquads", "jsonld": "json-ld", "json": "json-ld", "json_ld": "json-ld",
}
_BY_SUFFIX = {sfx: f.name for f in FORMATS.values() for sfx in f.suffixes}


def normalise_format(fmt: str) -> str:
    """'TTL' -> 'turtle', 'jsonld' -> 'json-ld'; unknown names raise OutputError."""
    key = choose(fmt, FORMATS, _ALIASES)
    if key is None:
        raise OutputError(f"unknown RDF format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return key


def format_for(dest: str | Path, fmt: str | None = None) -> str:
    """The normalised format name: ``fmt`` if given, else from the suffix, else turtle."""
    if fmt:
        return normalise_format(fmt)
    if str(dest) != "-":
        sfx = Path(dest).suffix.lower()
        if sfx in _BY_SUFFIX:
            return _BY_SUFFIX[sfx]
    return "turtle"


# ---------------------------------------------------------------- serialisation

_OX_FORMAT = {
    "turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
}


def _resource_prefixes() -> dict[str, str]:
    """``country: res:country/`` etc., so Turtle reads ``country:sylvania`` rather than
    ``res:country\\/sylvania`` (a prefixed name cannot contain a bare '/')."""
    from kg import ids

    kinds = set(getattr(ids, "_TYPE_SLUG", {}).values())
    kinds |= {"event", "dispatch", "evidence", "assertion", "analogy", "pipeline", "ext", "analyst"}
    res = PREFIXES["res"]
    return {k: res + k + "/" for k in sorted(kinds) if k not in PREFIXES}


#: prefixes bound in Turtle and TriG: kg.vocab.PREFIXES plus one per kind of minted resource
TURTLE_PREFIXES: dict[str, str] = {**PREFIXES, **_resource_prefixes()}


def sorted_lines(quads: Iterable[Quad], keep_graphs: bool) -> list[str]:
    """Unique statements as sorted N-Quads (keep_graphs) or N-Triples lines.

    Terms are N-Triples strings, so sorting lines sorts by subject, predicate, object: rdf:type
    and rdfs:label come before the project's own properties. For quads the sort is by graph
    first (the default graph first), so TriG gets one block per graph."""
    if not keep_graphs:
        return sorted({f"{s} {p} {o} .\n" for _g, s, p, o in quads})
    keyed = sorted({f"{g}\x01{s} {p} {o}" for g, s, p, o in quads})
    out = []
    for k in keyed:
        g, spo = k.split("\x01", 1)
        out.append(f"{spo} {g} .\n" if g else f"{spo} .\n")
    return out


def _write_turtle(lines: list[str], spec: RdfFormat, out: IO[bytes]) -> None:
    """kg.rdf.turtle from the sorted N-Triples lines (the streaming path uses the same writer)."""
    write_turtle((split_ntriples_line(line) for line in lines), TURTLE_PREFIXES, out)


def _write_jsonld(lines: list[str], spec: RdfFormat, out: IO[bytes]) -> None:
    data = "".join(lines).encode("utf-8")
    lines.clear()  # the lines are no longer needed: free them before the serialiser runs
    out.write(_jsonld(data))


def _write_oxigraph(lines: list[str], spec: RdfFormat, out: IO[bytes]) -> None:
    """pyoxigraph parses our N-Quads (validating every term) and streams them, in order, into its
    serialiser; no Python object per term is ever made."""
    data = "".join(lines).encode("utf-8")
    lines.clear()
    parsed = ox.parse(input=data, format=ox.RdfFormat.N_QUADS if spec.quads else ox.RdfFormat.N_TRIPLES)
    prefixes = TURTLE_PREFIXES if spec.name in ("turtle", "trig") else None
    ox.serialize(parsed, out, _OX_FORMAT[spec.name], prefixes=prefixes)


#: normalised format name -> the writer of its sorted lines (one entry per row of FORMATS)
WRITERS: dict[str, Callable[[list[str], RdfFormat, IO[bytes]], None]] = {
    "turtle": _write_turtle, "trig": _write_oxigraph, "nt": _write_oxigraph, "nquads": _write_oxigraph,
    "json-ld": _write_jsonld,
}


def serialize_quads(quads: Iterable[Quad], fmt: str, out: IO[bytes]) -> None:
    """Serialise statements (as from :func:`kg.rdf.graph.iter_quads`) in format ``fmt`` to ``out``."""
    spec = FORMATS[normalise_format(fmt)]
    WRITERS[spec.name](sorted_lines(quads, spec.quads), spec, out)


def _jsonld(ntriples: bytes) -> bytes:
    from rdflib import Graph

    g = Graph()
    g.parse(data=ntriples.decode("utf-8"), format="nt")
    data = json.loads(g.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True))
    # rdflib's node order follows its store; sort nodes and values so output is byte-identical
    nodes = data.get("@graph") if isinstance(data, dict) else data
    if isinstance(nodes, list):
        for node in nodes:
            for k, v in node.items():
                if isinstance(v, list):
                    node[k] = sorted(v, key=lambda x: json.dumps(x, sort_keys=True, ensure_ascii=False))
        nodes.sort(key=lambda n: str(n.get("@id", "")))
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


# ---------------------------------------------------------------- destinations


#: batches with more records than this are written as Turtle by the streaming writer
STREAM_THRESHOLD = 20_000


def _unique_triples(quads: Iterable[Quad]) -> Iterator[tuple[str, str, str]]:
    """(s, p, o) in the order produced, each once (graphs merged)."""
    seen: set[tuple[str, str, str]] = set()
    add = seen.add
    for _g, s, p, o in quads:
        t = (s, p, o)
        if t not in seen:
            add(t)
            yield t


def stream_turtle(batch: GraphBatch, out: IO[bytes]) -> None:
    """Turtle straight from the records, without sorting all statements: records are taken in
    key order and each one's statements are written together (subject blocks may repeat, which
    Turtle allows). Deterministic like the sorted writer, several times faster on big batches."""
    write_turtle(_unique_triples(iter_quads(batch)), TURTLE_PREFIXES, out)


def _records(batch: GraphBatch) -> int:
    return (len(batch.entities) + len(batch.events) + len(batch.relations) + len(batch.analogies)
            + len(batch.dispatches))


def _emit(produce: Callable[[IO[bytes]], None], dest: str | Path) -> str:
    """Run ``produce(binary_file)`` against stdout ('-') or atomically against a file."""
    return emit(dest, produce)


def write_quads(quads: Iterable[Quad], dest: str | Path, fmt: str | None = None) -> str:
    """Write statements to ``dest`` ('-' = stdout); returns the path written or '-'."""
    name = format_for(dest, fmt)
    return _emit(lambda fh: serialize_quads(quads, name, fh), dest)


def write_batch(batch: GraphBatch, dest: str | Path, fmt: str | None = None) -> str:
    """Write ``batch`` as RDF to ``dest`` ('-' for stdout) and return the path written (or '-').

    ``fmt``: turtle, trig, nt, nquads or json-ld (aliases: ttl, n-triples, nq, jsonld, json);
    default from the suffix of ``dest``, else Turtle. Raises :class:`kg.errors.OutputError` for an
    unknown format or a destination that cannot be written.
    """
    name = format_for(dest, fmt)
    if name == "turtle" and _records(batch) > STREAM_THRESHOLD:
        return _emit(lambda fh: stream_turtle(batch, fh), dest)
    return write_quads(iter_quads(batch), dest, name)


#: formats that can be written one batch after another (line-based; a repeated line is harmless)
APPENDABLE = ("nt", "nquads")


def write_batches(batches: Iterable[GraphBatch], dest: str | Path, fmt: str | None = None) -> str:
    """Write batches one after another as N-Triples/N-Quads, holding one batch at a time.

    Memory stays flat whatever the number of batches; the file is still written atomically (or
    to stdout for '-'). Statements shared by several batches appear once per batch: the same
    triples, and RDF graphs are sets. Other formats raise :class:`OutputError`.
    """
    name = format_for(dest, fmt)
    if name not in APPENDABLE:
        raise OutputError(f"{dest}: streaming writes N-Triples or N-Quads (.nt/.nq), not {name}")

    def produce(fh: IO[bytes]) -> None:
        for b in batches:
            serialize_quads(iter_quads(b), name, fh)

    return _emit(produce, dest)


def serialize_batch(batch: GraphBatch, fmt: str = "turtle") -> bytes:
    """The batch serialised in memory (bytes)."""
    import io

    buf = io.BytesIO()
    serialize_quads(iter_quads(batch), fmt, buf)
    return buf.getvalue()
