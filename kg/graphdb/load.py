"""Load a GraphBatch into a property graph over Bolt: constraints first, then batched MERGE.

Every value is a parameter; labels and relationship types come from the fixed tables in
:mod:`kg.graphdb.model` (checked here again before they are put into a statement). Loading the
same batch twice changes nothing; a second batch merges into the first on shared IRIs (aliases
and evidence lists are united, confidence keeps the maximum).
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from collections.abc import Iterator
from typing import Any, Callable

from kg.graphdb.client import Client, connect
from kg.graphdb.model import (DISPATCH, ENTITY, EVENT, KEY_LABELS, NODE_LABELS, REL_TYPES, NodeGroup,
                              PropertyGraph, RelGroup, to_property_graph)
from kg.models import GraphBatch

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass
class LoadSummary:
    nodes_created: int = 0
    nodes_matched: int = 0
    relationships_created: int = 0
    relationships_matched: int = 0
    properties_set: int = 0
    constraints_added: int = 0
    indexes_added: int = 0
    dangling: int = 0  # relationships not loaded: an endpoint is missing
    statements: int = 0
    seconds: float = 0.0
    uri: str = ""

    @property
    def nodes(self) -> int:
        return self.nodes_created + self.nodes_matched

    @property
    def relationships(self) -> int:
        return self.relationships_created + self.relationships_matched


def schema_statements() -> list[str]:
    """Uniqueness of ``iri`` on every key label, and the indexes the analysts' queries use."""
    out = [f"CREATE CONSTRAINT policykg_{lbl.lower()}_iri IF NOT EXISTS FOR (n:{lbl}) REQUIRE n.iri IS UNIQUE"
           for lbl in KEY_LABELS]
    for lbl, prop in ((ENTITY, "name"), (EVENT, "year"), (EVENT, "date"), (EVENT, "measure"),
                      (DISPATCH, "date")):
        out.append(f"CREATE INDEX policykg_{lbl.lower()}_{prop} IF NOT EXISTS FOR (n:{lbl}) ON (n.{prop})")
    return out


def checked_name(name: str, allowed: tuple[str, ...]) -> str:
    if name not in allowed:  # labels and types are never taken from data
        raise ValueError(f"not a known label or type: {name!r}")
    return name


def node_statement(group: NodeGroup) -> str:
    """One ``MERGE`` statement per group, for the exported cypher-shell script (kg.graphdb.export).

    The loader does not use it: see :func:`node_statements`.
    """
    labels = ":".join(checked_name(lbl, NODE_LABELS) for lbl in group.labels)
    q = f"UNWIND $rows AS row MERGE (n:{labels} {{iri: row.iri}}) SET n += row.props"
    if group.key_label == ENTITY:
        q += " SET n.aliases = row.aliases + [x IN coalesce(n.aliases, []) WHERE NOT x IN row.aliases]"
    return q


def node_statements(group: NodeGroup) -> tuple[str, str]:
    """The two statements that write one node group: (create the missing, update the existing).

    A ``MERGE`` on several labels (``MERGE (n:Entity:Company {iri: ...})``) is not planned as an index
    seek on ArcadeDB: it scanned every node of the type, so entity loads slowed down as the
    database grew (5.8 ms/row at 15k entities against 0.06 ms/row for a single-label ``MERGE``,
    measured with ``PROFILE``). ``MERGE`` on the key label alone and ``SET n:Company`` afterwards
    fails there in the same statement (ConstraintValidationFailed). So every node is looked up by
    its key label only (``MATCH (n:Entity {iri: ...})``, an index seek on the uniqueness constraint
    on any Cypher server); the missing ones are created with all their labels, the existing ones
    updated. The uniqueness constraint still rejects a duplicate if two writers race.
    """
    key = checked_name(group.key_label, KEY_LABELS)
    labels = ":".join(checked_name(lbl, NODE_LABELS) for lbl in group.labels)
    create = (f"UNWIND $rows AS row OPTIONAL MATCH (n:{key} {{iri: row.iri}}) WITH row, n WHERE n IS NULL "
              f"CREATE (m:{labels}) SET m = row.props")
    update = f"UNWIND $rows AS row MATCH (n:{key} {{iri: row.iri}}) SET n += row.props"
    if group.key_label == ENTITY:
        create += ", m.aliases = row.aliases"
        update += " SET n.aliases = row.aliases + [x IN coalesce(n.aliases, []) WHERE NOT x IN row.aliases]"
    return (create + " RETURN collect(row.iri) AS created",
            update + " RETURN count(n) AS n")


def node_rows(group: NodeGroup) -> list[dict[str, Any]]:
    """One row per IRI (a repeated IRI would be created twice by the create statement: its rows are joined)."""
    rows: dict[str, dict[str, Any]] = {}
    for r in group.rows:
        props = {k: v for k, v in r.items() if k != "aliases"}
        row = rows.get(r["iri"])
        if row is None:
            row = rows[r["iri"]] = {"iri": r["iri"], "props": props}
            if group.key_label == ENTITY:
                row["aliases"] = []
        else:
            row["props"].update(props)
        if group.key_label == ENTITY:
            row["aliases"] += [a for a in r.get("aliases", []) if a not in row["aliases"]]
    return list(rows.values())


def write_nodes(client: Client, statements: tuple[str, str], rows: list[dict[str, Any]]) -> tuple[int, int, int]:
    """Create the missing nodes of ``rows``, then update the others: (created, matched, properties set)."""
    create, update = statements
    res = client.run(create, {"rows": rows})
    created = set(res.records[0]["created"]) if res.records else set()
    props = res.summary.counters.properties_set
    rest = [r for r in rows if r["iri"] not in created]
    matched = 0
    if rest:
        res = client.run(update, {"rows": rest})
        matched = res.records[0]["n"] if res.records else 0
        props += res.summary.counters.properties_set
    return len(created), matched, props


#: relationship properties that a second load unites (lists) or keeps the maximum of, instead of overwriting
MERGED_REL_PROPS = ("dispatch_ids", "sentences", "confidence")


def rel_statement(group: RelGroup) -> str:
    t = checked_name(group.type, REL_TYPES)
    s, d = checked_name(group.src_label, KEY_LABELS), checked_name(group.dst_label, KEY_LABELS)
    return (f"UNWIND $rows AS row MATCH (a:{s} {{iri: row.src}}) MATCH (b:{d} {{iri: row.dst}}) "
            f"MERGE (a)-[r:{t}]->(b) "
            "ON CREATE SET r += row.props, r.dispatch_ids = row.dispatch_ids, r.sentences = row.sentences, "
            "r.confidence = row.confidence "
            "ON MATCH SET r += row.props, "
            "r.dispatch_ids = row.dispatch_ids + [x IN coalesce(r.dispatch_ids, []) WHERE NOT x IN row.dispatch_ids], "
            "r.sentences = row.sentences + [x IN coalesce(r.sentences, []) WHERE NOT x IN row.sentences], "
            "r.confidence = CASE WHEN r.confidence > row.confidence THEN r.confidence ELSE row.confidence END "
            "RETURN count(r) AS n")


def rel_rows(group: RelGroup) -> list[dict[str, Any]]:
    rows = []
    for r in group.rows:
        p = r["props"]
        rows.append({"src": r["src"], "dst": r["dst"],
                     "props": {k: v for k, v in p.items() if k not in MERGED_REL_PROPS},
                     "dispatch_ids": p.get("dispatch_ids", []), "sentences": p.get("sentences", []),
                     "confidence": p.get("confidence", 1.0)})
    return rows


def _chunks(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def ensure_schema(client: Client, summary: LoadSummary | None = None) -> None:
    for q in schema_statements():
        res = client.run(q)
        if summary is not None:
            c = res.summary.counters
            summary.constraints_added += c.constraints_added
            summary.indexes_added += c.indexes_added


def load_graph(client: Client, pg: PropertyGraph, batch_size: int = 1000,
               progress: Progress | None = None) -> LoadSummary:
    """Write a mapped property graph through an open client."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    t0 = time.perf_counter()
    summary = LoadSummary(uri=client.target.uri)
    ensure_schema(client, summary)
    total, done = pg.node_count + pg.rel_count, 0
    for group in pg.nodes:
        qs = node_statements(group)
        for chunk in _chunks(node_rows(group), batch_size):
            created, matched, props = write_nodes(client, qs, chunk)
            summary.nodes_created += created
            summary.nodes_matched += matched
            summary.properties_set += props
            summary.statements += 1 if created == len(chunk) else 2
            done += len(chunk)
            if progress:
                progress(done, total)
    for rgroup in pg.rels:
        q = rel_statement(rgroup)
        for chunk in _chunks(rel_rows(rgroup), batch_size):
            res = client.run(q, {"rows": chunk})
            c, n = res.summary.counters, (res.records[0]["n"] if res.records else 0)
            summary.relationships_created += c.relationships_created
            summary.relationships_matched += n - c.relationships_created
            summary.dangling += len(chunk) - n
            summary.properties_set += c.properties_set
            summary.statements += 1
            done += len(chunk)
            if progress:
                progress(done, total)
    if summary.dangling:
        log.warning("%d relationship(s) skipped: an endpoint is neither in the graph nor in the database",
                    summary.dangling)
    summary.seconds = time.perf_counter() - t0
    return summary


def load_batch(batch: GraphBatch, uri: str | None = None, user: str | None = None,
               password: str | None = None, database: str | None = None, batch_size: int = 1000,
               progress: Progress | None = None, data_dir: str | None = None, **client_kw: Any) -> LoadSummary:
    """Load ``batch`` into the database at ``uri`` (default: the embedded server of ``data_dir``)."""
    pg = to_property_graph(batch)
    with connect(uri, user, password, database, data_dir=data_dir, **client_kw) as client:
        return load_graph(client, pg, batch_size=batch_size, progress=progress)
