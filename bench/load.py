"""Load throughput: batched UNWIND/MERGE vs one statement per row, same server, same run.

    .venv/bin/python bench/load.py [--entities 70000] [--events 30000] [--sample 2000]

Generates a graph (>= 100k nodes by default) in memory, starts a throw-away embedded server in a
temporary directory (nothing is written to the repository), loads the graph with the loader
(batched), then loads a sample of the same rows one statement per row into an empty database
and extrapolates its rate. Prints nodes+relationships per second for both and the ratio.
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
    ap.add_argument("--entities", type=int, default=70_000)
    ap.add_argument("--events", type=int, default=30_000)
    ap.add_argument("--sample", type=int, default=2_000, help="rows loaded one statement per row (baseline)")
    ap.add_argument("--batch-size", type=int, default=1000)
    a = ap.parse_args()

    from kg.graphdb.load import load_graph
    from kg.graphdb.model import to_property_graph

    t0 = time.perf_counter()
    pg = to_property_graph(generate(a.entities, a.events))
    print(f"generated {pg.node_count:,} nodes, {pg.rel_count:,} relationships in {time.perf_counter() - t0:.1f} s")
    with Server() as s:
        print(f"embedded server start: {s.startup:.1f} s")
        warm = to_property_graph(generate(1000, 500, seed=1))  # JIT warm-up, so neither side pays it
        load_graph(s.client, warm)
        for _ in range(200):
            s.client.run("MATCH (n:Entity {iri: $iri}) RETURN n.name AS n", {"iri": warm.nodes[0].rows[0]["iri"]})
        s.client.run("MATCH (n) DETACH DELETE n")
        t = time.perf_counter()
        summary = load_graph(s.client, pg, batch_size=a.batch_size)
        batched_s = time.perf_counter() - t
        items = pg.node_count + pg.rel_count
        assert summary.nodes_created == pg.node_count, summary
        batched = items / batched_s
        print(f"batched (UNWIND, {a.batch_size}/statement): {items:,} items in {batched_s:.1f} s = {batched:,.0f}/s")
        s.client.run("MATCH (n) DETACH DELETE n")
        n, secs = per_row(s.client, pg, a.sample)
        base = n / secs
        print(f"one statement per row (sample {n:,}): {secs:.1f} s = {base:,.0f}/s; "
              f"extrapolated full load {items / base:,.0f} s")
        print(f"ratio batched / per-row: {batched / base:.1f}x (target >= 20x)")


if __name__ == "__main__":
    main()
