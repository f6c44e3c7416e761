"""Named query files (``queries/cypher/*.cypher``, ``queries/sparql/*.rq``) and their parameters.

Each file starts with a header comment::

    // name: measures_by_country
    // question: Which measures has each country taken, by year?
    // params: country (string, e.g. "China"), since (string, e.g. "2024")

(``#`` instead of ``//`` in SPARQL files; ``params: none`` when there are none). Parameter values
given on the command line (``--param name=value``) are typed from the header (string, int, float,
bool); in an ad-hoc query write ``name:int=5`` to give a type. Values always travel as driver
parameters or SPARQL substitutions, never pasted into the query text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import ConfigError, InputError
from kg.resources import resource_path

QUERY_DIR = resource_path("queries")
_HEADER = re.compile(r"^\s*(?://|#)\s*(name|question|params)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(string|int|float|bool)\s*(?:,\s*e\.g\.\s*(.*?))?\)")
_TYPES = {"string": str, "str": str, "int": int, "float": float, "bool": bool}


@dataclass(frozen=True)
class ParamSpec:
    name: str
    type: str = "string"
    example: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    question: str = ""
    params: tuple[ParamSpec, ...] = ()
    path: Path | None = None
    language: str = "cypher"

    def example_params(self) -> dict[str, Any]:
        return {p.name: convert(p.name, p.type, (p.example or "").strip('"')) for p in self.params}


def parse_query(text: str, path: Path | None = None, language: str | None = None) -> NamedQuery:
    meta: dict[str, str] = {}
    for line in text.splitlines():
        m = _HEADER.match(line)
        if m:
            meta.setdefault(m.group(1), m.group(2))
    params: tuple[ParamSpec, ...] = ()
    raw = meta.get("params", "none")
    if raw and raw.lower() != "none":
        params = tuple(ParamSpec(n, t, ex) for n, t, ex in _PARAM.findall(raw))
        if not params:
            raise InputError(str(path or "query"), f"cannot read the params header: {raw!r}")
    lang = language or ("sparql" if path is not None and path.suffix in (".rq", ".sparql") else "cypher")
    name = meta.get("name") or (path.stem if path else "query")
    return NamedQuery(name, text, meta.get("question", ""), params, path, lang)


def read_query(path: str | Path) -> NamedQuery:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(p), "no such query file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(p), f"cannot read query: {getattr(exc, 'strerror', None) or exc}") from None
    if not text.strip():
        raise InputError(str(p), "empty query file")
    return parse_query(text, p)


def query_files(language: str = "cypher", directory: Path | None = None) -> list[Path]:
    d = (directory or QUERY_DIR) / language
    return sorted(d.glob("*.cypher" if language == "cypher" else "*.rq"))


def resolve_query(arg: str, language: str = "cypher") -> NamedQuery:
    """A file path, a query name from queries/<language>/, or (Cypher) the query text itself."""
    p = Path(arg)
    if p.suffix in (".cypher", ".cql", ".rq", ".sparql") or p.is_file():
        return read_query(p)
    named = (QUERY_DIR / language / (arg + (".cypher" if language == "cypher" else ".rq")))
    if re.fullmatch(r"[A-Za-z0-9_]+", arg) and named.is_file():
        return read_query(named)
    return parse_query(arg, None, language)


def convert(name: str, type_: str, value: str) -> Any:
    try:
        if type_ == "bool":
            if value.lower() in ("true", "1", "yes"):
                return True
            if value.lower() in ("false", "0", "no"):
                return False
            raise ValueError(value)
        return _TYPES[type_](value)
    except (ValueError, KeyError):
        raise ConfigError(f"--param {name}: {value!r} is not a valid {type_}") from None


def parse_params(items: list[str] | None, query: NamedQuery | None = None) -> dict[str, Any]:
    """``["country=China", "n:int=5"]`` -> ``{"country": "China", "n": 5}``, typed by the query header."""
    specs = {p.name: p.type for p in (query.params if query else ())}
    out: dict[str, Any] = {}
    for item in items or []:
        if "=" not in item:
            raise ConfigError(f"--param {item!r}: expected name=value")
        key, value = item.split("=", 1)
        name, _, type_ = key.strip().partition(":")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ConfigError(f"--param {item!r}: bad parameter name")
        type_ = type_ or specs.get(name, "string")
        if type_ not in _TYPES:
            raise ConfigError(f"--param {item!r}: unknown type {type_!r} (string, int, float, bool)")
        out[name] = convert(name, "string" if type_ == "str" else type_, value)
    if query is not None:
        missing = [p.name for p in query.params if p.name not in out]
        if missing:
            raise ConfigError(f"query {query.name} needs --param " + ", ".join(f"{m}=..." for m in missing))
    return out


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)


def run_cypher(client: Any, query: NamedQuery | str, params: dict[str, Any] | None = None) -> QueryResult:
    """Run a read query through an open :class:`kg.graphdb.client.Client`."""
    text = query.text if isinstance(query, NamedQuery) else query
    res = client.run(text, params or {}, write=_is_write(text))
    cols = list(res.keys)
    return QueryResult(cols, [tuple(_plain(r[c]) for c in cols) for r in res.records])


def _is_write(text: str) -> bool:
    body = "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))
    return bool(re.search(r"\b(CREATE|MERGE|DELETE|SET|REMOVE|DROP|LOAD\s+CSV)\b", body, re.I))


def _plain(v: Any) -> Any:
    """Driver values -> JSON-friendly Python (nodes and relationships become property dicts)."""
    from neo4j.graph import Node, Path as GPath, Relationship

    if isinstance(v, Node):
        return {"labels": sorted(v.labels), **dict(v)}
    if isinstance(v, Relationship):
        return {"type": v.type, **dict(v)}
    if isinstance(v, GPath):
        return [_plain(n) for n in v.nodes]
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if hasattr(v, "iso_format"):
        return v.iso_format()
    return v
