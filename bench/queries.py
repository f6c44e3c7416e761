"""Median and p95 of every queries/cypher file on a generated graph of about 1M relationships.

    .venv/bin/python bench/queries.py [--events 150000] [--entities 50000] [--runs 5] [--profile-slow]

The graph comes from bench/load.py's generator and is written with the bulk path
(kg.graphdb.load.bulk_load_graph: CREATE into an empty database) into a throw-away embedded
server in a temporary directory (nothing is written to the repository). Each query runs once to
warm up, then ``--runs`` times. Target: median < 1 s per query; with ``--profile-slow`` the plan
(PROFILE) of every query at or above 1 s is printed, to see where its time goes.
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


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[18] if len(times) > 1 else times[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=50_000)
    ap.add_argument("--events", type=int, default=150_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=5000)
    ap.add_argument("--profile-slow", action="store_true", help="print the PROFILE plan of queries >= 1 s")
    a = ap.parse_args()

    from kg.graphdb.load import bulk_load_graph
    from kg.graphdb.model import to_property_graph
    from kg.graphdb.queries import query_files, read_query, run_cypher

    pg = to_property_graph(generate(a.entities, a.events))
    print(f"graph: {pg.node_count:,} nodes, {pg.rel_count:,} relationships", flush=True)
    with Server() as s:
        t = time.perf_counter()
        summary = bulk_load_graph(s.client, pg, batch_size=a.batch_size)
        secs = time.perf_counter() - t
        assert summary.bulk and summary.relationships_created == pg.rel_count, summary
        print(f"bulk-loaded in {secs:.0f} s ({(pg.node_count + pg.rel_count) / secs:,.0f} items/s)", flush=True)
        slow = 0
        for path in query_files("cypher"):
            q = read_query(path)
            params = {p.name: PARAMS[p.name] for p in q.params}
            run_cypher(s.client, q, params)  # warm-up, not counted
            times, rows = [], 0
            for _ in range(a.runs):
                t = time.perf_counter()
                rows = len(run_cypher(s.client, q, params).rows)
                times.append(time.perf_counter() - t)
            med = statistics.median(times)
            slow += med >= 1.0
            print(f"{q.name:36s} median {med * 1000:8.1f} ms  p95 {p95(times) * 1000:8.1f} ms  ({rows} rows)"
                  f"{'  SLOW' if med >= 1 else ''}", flush=True)
            if med >= 1 and a.profile_slow:
                body = "\n".join(ln for ln in q.text.splitlines() if not ln.strip().startswith("//"))
                res = s.client.run("PROFILE " + body, params, write=False)
                prof = res.summary.profile or {}
                print(prof.get("args", {}).get("string-representation", prof), flush=True)
        print(f"{slow} of {len(query_files('cypher'))} queries at or above 1 s")


if __name__ == "__main__":
    main()
