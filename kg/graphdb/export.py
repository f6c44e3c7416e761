"""Export a GraphBatch for other tools. One table maps a format name to its writer.

* ``cypher``  — a script for ``cypher-shell`` (one statement per line; every value an escaped literal)
* ``csv``     — ``nodes.csv`` + ``relationships.csv`` in ``neo4j-admin database import`` format
* ``graphml`` / ``gexf`` — written by :mod:`kg.viz.network` (Gephi, Cytoscape, yEd)

Labels, relationship types and property names come from :mod:`kg.graphdb.model`; only values
come from data, and :func:`cypher_literal` escapes every one of them.
"""
from __future__ import annotations

import csv
import importlib
import io
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Callable

from kg.atomic import emit_text
from kg.choices import choose
from kg.errors import OutputError
from kg.graphdb.load import node_rows, node_statement, schema_statements
from kg.graphdb.model import PropertyGraph, to_property_graph
from kg.models import GraphBatch

#: format name -> (module, function); every writer is ``f(batch, path) -> path``, imported lazily
EXPORTERS: dict[str, tuple[str, str]] = {
    "cypher": ("kg.graphdb.export", "write_cypher"),
    "csv": ("kg.graphdb.export", "write_csv"),
    "graphml": ("kg.viz.network", "write_graphml"),
    "gexf": ("kg.viz.network", "write_gexf"),
}
ALIASES = {"cql": "cypher", "cypher-shell": "cypher", "neo4j-admin": "csv", "xml": "graphml"}


def normalise_format(fmt: str) -> str:
    f = choose(fmt, EXPORTERS, ALIASES)
    if f is None:
        raise OutputError(f"unknown export format {fmt!r} (choose: {', '.join(EXPORTERS)})")
    return f


def exporter(fmt: str) -> Callable[[GraphBatch, Path], Any]:
    module, func = EXPORTERS[normalise_format(fmt)]
    writer: Callable[[GraphBatch, Path], Any] = getattr(importlib.import_module(module), func)
    return writer


def export(batch: GraphBatch, fmt: str, out: str | Path) -> Path:
    return Path(exporter(fmt)(batch, Path(out)))


# --------------------------------------------------------------------------- Cypher literals

_ESC = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def cypher_string(s: str) -> str:
    out = []
    for ch in s:
        if ch in _ESC:
            out.append(_ESC[ch])
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def cypher_name(name: str) -> str:
    return name if _IDENT.fullmatch(name) else "`" + name.replace("`", "``") + "`"


def cypher_literal(v: Any) -> str:
    """A Cypher literal for a property value (str, int, float, bool, None, list, dict)."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError(f"cannot write {v!r} as a Cypher literal")
        return repr(v)
    if isinstance(v, str):
        return cypher_string(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(cypher_literal(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{cypher_name(k)}: {cypher_literal(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"unsupported value type {type(v).__name__}")


def cypher_statements(pg: PropertyGraph) -> list[str]:
    """One statement per line: the loader's statements with ``$rows`` replaced by a literal list."""
    from kg.graphdb.load import rel_rows, rel_statement

    out = [q + ";" for q in schema_statements()]
    for group in pg.nodes:
        q = node_statement(group)
        for row in node_rows(group):
            out.append(q.replace("UNWIND $rows AS row", f"WITH {cypher_literal(row)} AS row", 1) + ";")
    for rgroup in pg.rels:
        q = rel_statement(rgroup)
        for row in rel_rows(rgroup):
            out.append(q.replace("UNWIND $rows AS row", f"WITH {cypher_literal(row)} AS row", 1) + ";")
    return out


@contextmanager
def _open(path: Path, what: str) -> Iterator[IO[str]]:
    """A text buffer written to ``path`` atomically when the block ends without error."""
    buf = io.StringIO(newline="")
    yield buf
    emit_text(path, buf.getvalue())


def write_cypher(batch: GraphBatch, path: str | Path) -> Path:
    path = Path(path)
    pg = to_property_graph(batch)
    with _open(path, "Cypher script") as fh:
        fh.write("// PolicyKG graph as a cypher-shell script: cypher-shell -f THIS_FILE\n")
        for stmt in cypher_statements(pg):
            fh.write(stmt + "\n")
    return path


# --------------------------------------------------------------------------- neo4j-admin CSV

ARRAY_DELIMITER = ";"


def _csv_type(values: list[Any]) -> str:
    for v in values:
        if isinstance(v, bool):
            return "boolean"
        if isinstance(v, int):
            return "long"
        if isinstance(v, float):
            return "double"
        if isinstance(v, (list, tuple)):
            return "string[]"
        if v is not None:
            return "string"
    return "string"


def _csv_cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return ARRAY_DELIMITER.join(str(x) for x in v)
    return v


def write_csv(batch: GraphBatch, path: str | Path) -> Path:
    """``path`` is a directory; writes nodes.csv and relationships.csv (neo4j-admin import headers)."""
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: CSV export needs a directory (it writes nodes.csv and relationships.csv)")
    try:
        out.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the CSV folder: {exc.strerror or exc}") from None
    pg = to_property_graph(batch)
    nodes = [(g, r) for g in pg.nodes for r in g.rows]
    keys = sorted({k for _, r in nodes for k in r} - {"iri"})
    types = {k: _csv_type([r.get(k) for _, r in nodes]) for k in keys}
    with _open(out / "nodes.csv", "CSV") as fh:
        w = csv.writer(fh)
        w.writerow(["iri:ID"] + [f"{k}:{types[k]}" for k in keys] + [":LABEL"])
        for g, r in nodes:
            w.writerow([r["iri"]] + [_csv_cell(r.get(k)) for k in keys] + [";".join(g.labels)])
    rels = [(g, r) for g in pg.rels for r in g.rows]
    rkeys = sorted({k for _, r in rels for k in r["props"]})
    rtypes = {k: _csv_type([r["props"].get(k) for _, r in rels]) for k in rkeys}
    with _open(out / "relationships.csv", "CSV") as fh:
        w = csv.writer(fh)
        w.writerow([":START_ID", ":END_ID", ":TYPE"] + [f"{k}:{rtypes[k]}" for k in rkeys])
        for rg, r in rels:
            w.writerow([r["src"], r["dst"], rg.type] + [_csv_cell(r["props"].get(k)) for k in rkeys])
    return out


__all__ = ["EXPORTERS", "export", "exporter", "normalise_format", "cypher_literal", "write_cypher", "write_csv"]
