"""Load throughput: kg's loaders against bare batched UNWIND/MERGE of the same graph, same run.

    .venv/bin/python bench/load.py [--entities 20000] [--events 30000] [--batch-size 1000] [--sample 0]

Generates a graph in memory, then loads it three times, each into a fresh throw-away embedded
server in a temporary directory (server start-up is not timed; nothing is written to the
repository):

* **bare**: the same numbers of nodes and relationships, with the same key labels and the same
  property maps, through ``UNWIND $rows AS row MERGE (n:Label {iri: row.iri}) SET n += row.props``
  and ``MATCH (a {iri}) MATCH (b {iri}) MERGE (a)-[r:T]->(b) SET r += row.props`` on one uniqueness
  constraint per key label: no RDF, no mapping, no secondary indexes, no evidence merging, no
  class label on entities (a second label makes ArcadeDB's MERGE scan, see docs/graphdb.md);
* **incremental**: ``kg.graphdb.load.load_graph`` (look-up by IRI, create the missing, MERGE
  relationships, unite evidence), timed from the GraphBatch (the mapping included);
* **bulk**: ``kg.graphdb.load.bulk_load_graph`` (CREATE into the empty database), same timing.

Prints nodes+relationships per second and the ratios incremental/bare (target >= 0.6) and
bulk/incremental (target >= 3). ``--sample N`` also loads N rows one statement per row (the old
baseline) and extrapolates.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg import ids  # noqa: E402
from kg.models import (ENTITY_TYPES, MEASURES, SECTORS, STATUSES, Analogy, Dispatch, Entity, Event,  # noqa: E402
                       Evidence, GraphBatch, Relation)

COUNTRIES = [f"Country {i}" for i in range(60)]


def generate(n_entities: int, n_events: int, seed: int = 7, n_dispatches: int = 200) -> GraphBatch:
    """A synthetic graph shaped like extracted dispatches (names are made up)."""
    rnd = random.Random(seed)
    types = [t for t in ENTITY_TYPES if t != "Country"]
    ents = [Entity(key=ids.entity_key("Country", c), type="Country", name=c) for c in COUNTRIES]
    ents += [Entity(key=ids.entity_key(t, f"{t} {i}"), type=t, name=f"{t} {i}", aliases=(f"{t[:3]}{i}",))
             for i in range(n_entities - len(COUNTRIES)) for t in [types[i % len(types)]]]
    disp = [Dispatch(id=f"{i:016x}", text=f"Synthetic dispatch {i}.") for i in range(n_dispatches)]
    countries = [e.key for e in ents[:len(COUNTRIES)]]
    others = [e.key for e in ents[len(COUNTRIES):]]
    events: list[Event] = []
    for i in range(n_events):
        m = MEASURES[i % len(MEASURES)]
        actor = rnd.choice(countries)
        targets = (rnd.choice(others),)
        sectors = (SECTORS[rnd.randrange(len(SECTORS))],)
        date = f"{2000 + i % 26}-{1 + i % 12:02d}"
        key = ids.event_key(m, [actor], targets, sectors, date, extra=str(i))
        prev = [events[j].key for j in (i - 1 - rnd.randrange(50),) if j >= 0] if i % 3 == 0 else []
        events.append(Event(key=key, measure=m, actors=(actor,), targets=targets, affects=(rnd.choice(others),),
                            sectors=sectors, status=STATUSES[i % len(STATUSES)], date=date,
                            precedents=tuple(prev if i % 2 == 0 else ()), responds_to=tuple(prev if i % 2 else ()),
                            label=f"Event {i}",
                            evidence=(Evidence(dispatch_id=disp[i % n_dispatches].id, sentence=f"Sentence {i}.",
                                               rule="synthetic", confidence=0.9),)))
    rels = tuple(Relation(subject=o, predicate="headquarteredIn", object=rnd.choice(countries),
                          evidence=(Evidence(sentence="s", rule="synthetic"),)) for o in others[: len(others) // 3])
    ans = tuple(Analogy(a=min(events[i].key, events[i + 7].key), b=max(events[i].key, events[i + 7].key), score=0.7,
                        basis="inferred") for i in range(0, n_events - 7, 11))
    return GraphBatch(dispatches=tuple(disp), entities=tuple(ents), events=tuple(events), relations=rels,
                      analogies=ans)


class Server:
    """A throw-away embedded server in a temporary directory."""

    def __enter__(self):
        from kg.graphdb import embedded
        from kg.graphdb.client import Client, Target

        self.dir = Path(tempfile.mkdtemp(prefix="kg-bench-"))
        t0 = time.perf_counter()
        info = embedded.start(self.dir)
        self.startup = time.perf_counter() - t0
        self.client = Client(Target(info.uri, "root", embedded.password(self.dir), info.database), timeout=600)
        return self

    def __exit__(self, *exc):
        from kg.graphdb import embedded

        self.client.close()
        embedded.stop(self.dir)
        shutil.rmtree(self.dir, ignore_errors=True)


def bare_groups(pg) -> tuple[list, list]:
    """The mapped graph's rows as bare MERGE rows: one flat property map per node and relationship."""
    nodes = [(g.key_label, [{"iri": r["iri"], "props": {k: v for k, v in r.items() if k != "iri"}} for r in g.rows])
             for g in pg.nodes]
    rels = [(g.type, g.src_label, g.dst_label, [{"src": r["src"], "dst": r["dst"], "props": r["props"]} for r in g.rows])
            for g in pg.rels]
    return nodes, rels


def bare_load(client, nodes, rels, batch_size: int) -> int:
    """Batched UNWIND ... MERGE on one indexed key per label; returns the statements sent."""
    from kg.graphdb.load import constraint_statements

    for q in constraint_statements():  # the same uniqueness constraints kg creates, nothing else
        client.run(q)
    n = 0
    for lbl, rows in nodes:
        q = f"UNWIND $rows AS row MERGE (n:{lbl} {{iri: row.iri}}) SET n += row.props"
        for i in range(0, len(rows), batch_size):
            client.run(q, {"rows": rows[i:i + batch_size]})
            n += 1
    for t, src, dst, rows in rels:
        q = (f"UNWIND $rows AS row MATCH (a:{src} {{iri: row.src}}) MATCH (b:{dst} {{iri: row.dst}}) "
             f"MERGE (a)-[r:{t}]->(b) SET r += row.props")
        for i in range(0, len(rows), batch_size):
            client.run(q, {"rows": rows[i:i + batch_size]})
            n += 1
    return n


def warm_up(client) -> None:
    """JIT warm-up on a small graph, so no contestant pays it; leaves the database empty."""
    from kg.graphdb.load import load_graph
    from kg.graphdb.model import to_property_graph

    warm = to_property_graph(generate(1000, 500, seed=1))
    load_graph(client, warm)
    for _ in range(200):
        client.run("MATCH (n:Entity {iri: $iri}) RETURN n.name AS n", {"iri": warm.nodes[0].rows[0]["iri"]})
    client.run("MATCH (n) DETACH DELETE n")


def count(client) -> tuple[int, int]:
    n = client.run("MATCH (n) RETURN count(n) AS c").records[0]["c"]
    r = client.run("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
    return n, r


def per_row(client, pg, sample: int) -> tuple[int, float]:
    """The baseline: the same MERGE statements, one row per statement (a sample, spread over groups)."""
    from kg.graphdb.load import ensure_schema, node_rows, node_statements, rel_rows, rel_statement, write_nodes

    ensure_schema(client)
    total = pg.node_count + pg.rel_count
    share = sample / total
    done, t0 = 0, time.perf_counter()
    for g in pg.nodes:
        qs = node_statements(g)
        rows = node_rows(g)
        for row in rows[: max(1, round(len(rows) * share))]:
            write_nodes(client, qs, [row])
            done += 1
    for g in pg.rels:
        q = rel_statement(g)
        rows = rel_rows(g)
        for row in rows[: max(1, round(len(rows) * share))]:
            client.run(q, {"rows": [row]})
            done += 1
    return done, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=20_000)
    ap.add_argument("--events", type=int, default=30_000)
    ap.add_argument("--batch-size", type=int, default=1000)
    ap.add_argument("--sample", type=int, default=0, help="also load this many rows one statement per row")
    a = ap.parse_args()

    from kg.graphdb.load import bulk_load_graph, load_graph
    from kg.graphdb.model import to_property_graph

    t0 = time.perf_counter()
    batch = generate(a.entities, a.events)
    pg = to_property_graph(batch)
    items = pg.node_count + pg.rel_count
    print(f"generated {pg.node_count:,} nodes, {pg.rel_count:,} relationships in {time.perf_counter() - t0:.1f} s; "
          f"batch size {a.batch_size}", flush=True)
    nodes, rels = bare_groups(pg)
    rates: dict[str, float] = {}
    for name in ("bare", "incremental", "bulk"):
        with Server() as s:
            warm_up(s.client)
            t = time.perf_counter()
            if name == "bare":
                bare_load(s.client, nodes, rels, a.batch_size)
                extra = ""
            else:
                tm = time.perf_counter()
                pgk = to_property_graph(batch)  # kg's own mapping is part of its load
                tm = time.perf_counter() - tm
                loader = load_graph if name == "incremental" else bulk_load_graph
                summary = loader(s.client, pgk, batch_size=a.batch_size)
                assert summary.bulk == (name == "bulk"), summary
                extra = f" (mapping {tm:.1f} s, {summary.statements} statements)"
            secs = time.perf_counter() - t
            got = count(s.client)
            assert got == (pg.node_count, pg.rel_count), (name, got)
            rates[name] = items / secs
            print(f"{name:12s} {items:,} items in {secs:.1f} s = {rates[name]:,.0f}/s{extra}", flush=True)
            if name == "bare" and a.sample:
                s.client.run("MATCH (n) DETACH DELETE n")
                n, secs = per_row(s.client, pg, a.sample)
                print(f"one statement per row (sample {n:,}): {secs:.1f} s = {n / secs:,.0f}/s", flush=True)
    print(f"ratio incremental / bare: {rates['incremental'] / rates['bare']:.2f}x (target >= 0.6x)")
    print(f"ratio bulk / incremental: {rates['bulk'] / rates['incremental']:.2f}x (target >= 3x)")


if __name__ == "__main__":
    main()
