"""Run a SPARQL query over an RDF file (pyoxigraph, in memory) with typed, substituted parameters.

The query's prefixes (``pol:``, ``msr:``, ``sec:``, ``sta:``, ``skos:``, ``xsd:``, ``rdfs:``...) come
from :data:`kg.vocab.PREFIXES`, so query files spell no IRI. Parameters are bound by a
``VALUES (?name ...) { (literal ...) }`` block opened at the start of the WHERE clause, so every
pattern and FILTER sees them; each value is a typed RDF literal serialised by pyoxigraph
(N-Triples escaping), never raw text pasted into the query. (pyoxigraph's own ``substitutions``
would need every parameter in the SELECT projection, which aggregating queries cannot have.)
Named graphs are read as one union graph, as ``kg extract`` writes one named graph per dispatch.
"""
from __future__ import annotations

import re
from pathlib import Path
from collections.abc import Sequence
from typing import Any

from kg.errors import ConfigError, InputError
from kg.graphdb.queries import NamedQuery, QueryResult

_FORMATS = {".ttl": "text/turtle", ".turtle": "text/turtle", ".nt": "application/n-triples",
            ".nq": "application/n-quads", ".trig": "application/trig", ".rdf": "application/rdf+xml",
            ".owl": "application/rdf+xml", ".xml": "application/rdf+xml", ".jsonld": "application/ld+json",
            ".json": "application/ld+json"}


def prefixes() -> dict[str, str]:
    from rdflib.namespace import RDF, RDFS

    from kg.vocab import PREFIXES

    return {**PREFIXES, "rdf": str(RDF), "rdfs": str(RDFS)}


def open_store(paths: Sequence[str | Path] | str | Path) -> Any:
    import pyoxigraph as ox

    if isinstance(paths, (str, Path)):
        paths = [paths]
    store = ox.Store()
    for p in map(Path, paths):
        fmt = _FORMATS.get(p.suffix.lower())
        if fmt is None:
            raise InputError(str(p), f"unknown RDF format {p.suffix!r} (use .ttl, .nt, .nq, .trig, .rdf, .jsonld)")
        if fmt == "application/ld+json":  # pyoxigraph's JSON-LD reader is strict; rdflib reads what we write
            from kg.rdf.read import load_graph

            data = load_graph(p).serialize(format="nquads").encode("utf-8")
            fmt = "application/n-quads"
        else:
            try:
                data = p.read_bytes()
            except OSError as exc:
                raise InputError(str(p), f"cannot read: {exc.strerror or exc}") from None
        try:
            store.bulk_load(data, ox.RdfFormat.from_media_type(fmt))
        except (SyntaxError, ValueError) as exc:
            raise InputError(str(p), f"not valid RDF: {' '.join(str(exc).split())[:200]}") from None
    return store


def _term(value: Any) -> Any:
    import pyoxigraph as ox

    x = prefixes()["xsd"]
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(x + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(x + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(x + "double"))
    return ox.Literal(str(value))


def _value(term: Any) -> Any:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value.rsplit("#", 1)[-1] if term.datatype else "string"
        if dt in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger"):
            return int(term.value)
        if dt in ("decimal", "double", "float"):
            return float(term.value)
        if dt == "boolean":
            return term.value == "true"
        return term.value
    return term.value


_WHERE = re.compile(r"\bWHERE\s*\{", re.I)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def bind_params(text: str, params: dict[str, Any]) -> str:
    """The query with a VALUES block for ``params`` opened at the start of its WHERE clause."""
    if not params:
        return text
    for name in params:
        if not _NAME.fullmatch(name):
            raise ConfigError(f"--param {name!r}: bad parameter name")
    lines = text.splitlines(keepends=True)
    skip = 0
    while skip < len(lines) and (not lines[skip].strip() or lines[skip].lstrip().startswith("#")):
        skip += 1
    head, body = "".join(lines[:skip]), "".join(lines[skip:])
    m = _WHERE.search(body)
    if m is None:
        raise ConfigError("parameters need a query with a WHERE { ... } clause")
    names = " ".join(f"?{k}" for k in params)
    values = " ".join(str(_term(v)) for v in params.values())
    return head + body[:m.end()] + f" VALUES ({names}) {{ ({values}) }} " + body[m.end():]


def run_sparql(store: Any, query: NamedQuery | str, params: dict[str, Any] | None = None) -> QueryResult:
    import pyoxigraph as ox

    text = bind_params(query.text if isinstance(query, NamedQuery) else query, params or {})
    try:
        res = store.query(text, prefixes=prefixes(), use_default_graph_as_union=True)
    except SyntaxError as exc:
        name = query.path if isinstance(query, NamedQuery) and query.path else "query"
        raise InputError(str(name), f"SPARQL syntax error: {' '.join(str(exc).split())[:300]}") from None
    if isinstance(res, ox.QueryBoolean):
        return QueryResult(["ask"], [(bool(res),)])
    if isinstance(res, ox.QuerySolutions):
        cols = [v.value for v in res.variables]
        return QueryResult(cols, [tuple(_value(sol[c]) for c in cols) for sol in res])
    return QueryResult(["subject", "predicate", "object"],
                       [(t.subject.value, t.predicate.value, _value(t.object)) for t in res])
