"""Corrections survive every build: the store's corrections.jsonl is applied after extraction."""
from __future__ import annotations

import json

from rdflib import Graph
from typer.testing import CliRunner

from kg import ids
from kg.cli.app import app
from kg.corrections import store_file
from kg.rdf.write import write_batch
from kg.store import GRAPH, build
from kg.vocab import POL

from tests.corrections.helpers import DOC_A, DOC_B, SPEC, line, small_batch

REL = "company/acme headquarteredIn country/sylvania"
TRIPLE = (ids.iri("company/acme"), POL.headquarteredIn, ids.iri("country/sylvania"))


def _inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(DOC_A)
    (d / "b.txt").write_text(DOC_B)
    return [d]


def _graph(store) -> Graph:
    return Graph().parse(store / GRAPH)


def test_store_rejected_relation_stays_out_after_build_and_rebuild(tmp_path):
    store = tmp_path / "store"
    inputs = _inputs(tmp_path)
    build(inputs, store, spec=SPEC)
    assert TRIPLE in _graph(store)
    store_file(store).write_text(line(subject=REL, describe="Acme is not from Sylvania") + "\n")
    s = build(inputs, store, spec=SPEC)           # nothing new to extract: the graph is still rewritten
    assert TRIPLE not in _graph(store) and s.changed
    assert [k for k, _d, _l in s.corrections.rejected] == [REL]
    first = (store / GRAPH).read_bytes()
    s = build(inputs, store, spec=SPEC, rebuild=True)  # everything extracted again
    assert TRIPLE not in _graph(store) and not s.changed
    (store / GRAPH).unlink()
    for f in (store / "extractions").iterdir():   # a full rebuild from nothing
        f.unlink()
    build(inputs, store, spec=SPEC)
    assert (store / GRAPH).read_bytes() == first


def test_store_vanished_subject_reported_by_build(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    store_file(store).write_text(line(subject="company/zed headquarteredIn country/sylvania", describe="Zed") + "\n")
    s = build(_inputs(tmp_path), store, spec=SPEC)
    assert [(o.located.line, o.status) for o in s.corrections.outcomes] == [(1, "missing")]


def test_cli_corrections_list_shows_rejected(tmp_path):
    g = tmp_path / "g.ttl"
    write_batch(small_batch(), g)
    c = tmp_path / "c.jsonl"
    c.write_text(line(subject=REL, describe="Acme HQ [bold]wrong[/bold]") + "\n"
                 + line(subject="event/0000000000000000", describe="gone") + "\n")
    r = CliRunner().invoke(app, ["corrections", "list", "--corrections", str(c), "--graph", str(g), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert [(x["status"], x["where"].endswith(":1")) for x in rows] == [("applied", True), ("missing", False)]
    r = CliRunner().invoke(app, ["corrections", "list", "-c", str(c), "-g", str(g), "--rejected", "-f", "csv"])
    assert "[bold]wrong[/bold]" in r.stdout and "gone" not in r.stdout


def test_store_bad_corrections_file_refused_before_extraction(tmp_path):
    import pytest

    from kg.errors import ConfigError

    store = tmp_path / "store"
    store.mkdir()
    store_file(store).write_text("{broken\n")
    with pytest.raises(ConfigError, match=r"corrections.jsonl:1:"):
        build(_inputs(tmp_path), store, spec=SPEC)
    assert not (store / "extractions").exists()


def test_extract_then_load_with_the_same_corrections_changes_nothing(tmp_path, monkeypatch):
    """kg extract --corrections F, then kg load --corrections F: the second application is a no-op,
    the property graph holds the provenance, and a rejected statement is reported, not loaded."""
    from kg.corrections import apply_file
    from kg.graphdb import load as gload
    from kg.graphdb.model import to_property_graph
    from kg.rdf.write import serialize_batch

    c = tmp_path / "c.jsonl"
    c.write_text(line(subject=REL, describe="Acme HQ") + "\n"
                 + line(action="merge", subject="company/acme-inc", into="company/acme") + "\n")
    once, _ = apply_file(small_batch(), c)
    g = tmp_path / "g.ttl"
    write_batch(once, g)
    seen = {}

    class Summary:
        nodes = nodes_created = relationships = relationships_created = dangling = 0
        bulk = False
        seconds, uri = 0.0, "test"

    def fake_load(batch, **kw):
        seen["batch"] = batch
        return Summary()

    monkeypatch.setattr(gload, "load_batch", fake_load)
    r = CliRunner().invoke(app, ["load", str(g), "--corrections", str(c)])
    assert r.exit_code == 0, r.output
    assert "c.jsonl:1: reject" in r.output  # already rejected: reported, never silent
    from kg.rdf.read import read_batch

    assert serialize_batch(seen["batch"]) == serialize_batch(read_batch(g))
    pg = to_property_graph(seen["batch"])
    acme = next(row for grp in pg.nodes if grp.key_label == "Entity" for row in grp.rows if row["key"] == "company/acme")
    assert acme["corrected"] and acme["corrected_by"] == ["Ana Analyst"]
    assert not any(grp.type == "HEADQUARTERED_IN" for grp in pg.rels)
