"""``kg build --load``: the corpus graph goes into the database from memory, through the same loader."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.graphdb.load import bulk_load_graph, load_graph
from kg.graphdb.model import to_property_graph

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "data" / "samples").glob("*.txt"))[:2]


def _dump(client):
    from test_load import dump

    return dump(client)


def _unordered(dumped, drop=()):
    """A dump with every list property as a sorted tuple, and the properties ``drop`` left out."""
    fix = lambda props: sorted((k, tuple(sorted(v)) if isinstance(v, tuple) else v)  # noqa: E731
                               for k, v in props if k not in drop)
    nodes, rels = dumped
    return sorted((lbl, fix(p)) for lbl, p in nodes), sorted((a, t, b, fix(p)) for a, t, b, p in rels)


def test_build_batch_loads_the_graph_of_its_turtle_and_keeps_list_order(client, tmp_path):
    """kg build's in-memory batch gives the graph its graph.ttl gives, except what RDF cannot keep.

    RDF has no order among the values of one property: after the Turtle round trip aliases,
    sectors and evidence lists come back sorted, so an event's ``sector`` (its first sector, the
    one the extractor put first) can change. Loading from memory keeps it.
    """
    sys.path.insert(0, str(ROOT / "tests"))
    from test_store import DOCS, SPEC

    from kg.rdf.read import read_batch
    from kg.store import build

    for name, text in DOCS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    s = build([tmp_path], tmp_path / "store", spec=SPEC)
    assert s.batch is not None and s.batch.events
    client.run("MATCH (n) DETACH DELETE n")
    mem = bulk_load_graph(client, to_property_graph(s.batch))
    assert mem.bulk and mem.dangling == 0
    from_memory = _dump(client)
    first = {str(r["k"]): r["s"] for r in client.run("MATCH (e:PolicyEvent) RETURN e.key AS k, e.sector AS s").records}
    assert first == {ev.key: ev.sectors[0] for ev in s.batch.events if ev.sectors}
    client.run("MATCH (n) DETACH DELETE n")
    load_graph(client, to_property_graph(read_batch(s.graph)))
    assert _unordered(_dump(client), drop=("sector",)) == _unordered(from_memory, drop=("sector",))


@pytest.mark.skipif(not SAMPLES, reason="no sample dispatches")
def test_build_load_cli_writes_the_database_and_a_rerun_changes_nothing(embedded_server, client, tmp_path):
    info, pw = embedded_server
    (tmp_path / "in").mkdir()
    for p in SAMPLES:
        shutil.copy(p, tmp_path / "in" / p.name)
    client.run("MATCH (n) DETACH DELETE n")
    kg = [str(Path(sys.executable).with_name("kg")), "build", str(tmp_path / "in"), "--store", str(tmp_path / "store"), "--load",
          "--uri", info.uri, "--user", "root", "--database", info.database]
    env = {**os.environ, "NEO4J_PASSWORD": pw}
    r = subprocess.run(kg + ["--bulk"], capture_output=True, text=True, timeout=600, env=env)
    assert r.returncode == 0, r.stderr
    assert "bulk (CREATE)" in r.stdout + r.stderr
    first = _dump(client)
    assert first[0] and first[1]
    r = subprocess.run(kg + ["--bulk"], capture_output=True, text=True, timeout=600, env=env)
    assert r.returncode == 0, r.stderr
    assert "merged" in r.stdout + r.stderr and "(0 new)" in r.stdout + r.stderr
    assert _dump(client) == first
