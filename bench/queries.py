"""Median time of every queries/cypher file on a generated graph of about 1M relationships.

    .venv/bin/python bench/queries.py [--events 150000] [--entities 50000] [--runs 5]

The graph comes from bench/load.py's generator and is loaded into a throw-away embedded server in
a temporary directory (nothing is written to the repository). Target: < 1 s per query.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from load import COUNTRIES, Server, generate  # noqa: E402

PARAMS = {"country": COUNTRIES[0], "from_country": COUNTRIES[0], "to_country": COUNTRIES[1],
          "group": "Group 5", "sector": "Semiconductors", "precedent": "Event 4", "subject": "Company 1",
          "object": COUNTRIES[3], "since": "2025-06"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=50_000)
    ap.add_argument("--events", type=int, default=150_000)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()

    from kg.graphdb.load import load_graph
    from kg.graphdb.model import to_property_graph
    from kg.graphdb.queries import query_files, read_query, run_cypher

    pg = to_property_graph(generate(a.entities, a.events))
    print(f"graph: {pg.node_count:,} nodes, {pg.rel_count:,} relationships")
    with Server() as s:
        t = time.perf_counter()
        load_graph(s.client, pg, batch_size=2000)
        print(f"loaded in {time.perf_counter() - t:.0f} s")
        slow = 0
        for path in query_files("cypher"):
            q = read_query(path)
            params = {p.name: PARAMS[p.name] for p in q.params}
            times, rows = [], 0
            for _ in range(a.runs):
                t = time.perf_counter()
                rows = len(run_cypher(s.client, q, params).rows)
                times.append(time.perf_counter() - t)
            med = statistics.median(times)
            slow += med >= 1.0
            print(f"{q.name:36s} median {med * 1000:8.1f} ms  ({rows} rows){'  SLOW' if med >= 1 else ''}")
        print(f"{slow} of {len(query_files('cypher'))} queries at or above 1 s")


if __name__ == "__main__":
    main()
