"""Exports: the Cypher script loads hostile names as data; neo4j-admin CSV headers; the format table."""
from __future__ import annotations

import csv

import pytest

from graphdb_fixtures import INJECTION_NAMES, fixture_batch, injection_batch

from kg.errors import OutputError
from kg.graphdb.export import EXPORTERS, cypher_literal, export, normalise_format


@pytest.mark.slow
@pytest.mark.parametrize("value", INJECTION_NAMES + ("tab\there", "unicode — 中国", "ctrl\x01\x7f", "'", "\\"))
def test_export_cypher_literal_round_trips_on_the_server(client, value):
    rows = client.run(f"RETURN {cypher_literal(value)} AS v, {cypher_literal([value, 1, 0.5, True, None])} AS l").records
    assert rows[0]["v"] == value and rows[0]["l"] == [value, 1, 0.5, True, None]


@pytest.mark.slow
def test_export_cypher_script_loads_injection_names_as_data(client, tmp_path):
    client.run("MATCH (n) DETACH DELETE n")
    path = export(injection_batch(), "cypher", tmp_path / "g.cypher")
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("//")]
    for stmt in lines:  # one statement per line: cypher-shell -f would run the same statements
        client.run(stmt.rstrip(";"))
    names = {r["n"] for r in client.run("MATCH (c:Company) RETURN c.name AS n").records}
    assert names == set(INJECTION_NAMES)
    hq = client.run("MATCH (:Company)-[r:HEADQUARTERED_IN]->(:Country) RETURN count(r) AS n").records[0]["n"]
    assert hq == len(INJECTION_NAMES)
    assert client.run("MATCH (n) RETURN count(n) AS n").records[0]["n"] == len(INJECTION_NAMES) + 1


def test_export_csv_has_neo4j_admin_headers(tmp_path):
    out = export(fixture_batch(), "csv", tmp_path / "csv")
    with open(out / "nodes.csv", newline="", encoding="utf-8") as fh:
        nodes = list(csv.reader(fh))
    with open(out / "relationships.csv", newline="", encoding="utf-8") as fh:
        rels = list(csv.reader(fh))
    h = nodes[0]
    assert h[0] == "iri:ID" and h[-1] == ":LABEL" and "aliases:string[]" in h and "year:long" in h
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"] and "confidence:double" in rels[0]
    china = next(r for r in nodes[1:] if r[h.index("name:string")] == "China")
    assert china[-1] == "Entity;Country" and china[h.index("aliases:string[]")] == "PRC"
    ids_ = {r[0] for r in nodes[1:]}
    assert all(r[0] in ids_ and r[1] in ids_ for r in rels[1:])


def test_export_format_table_and_unknown_format():
    assert set(EXPORTERS) == {"cypher", "csv", "graphml", "gexf"}
    assert normalise_format("CQL") == "cypher"
    with pytest.raises(OutputError, match="unknown export format"):
        normalise_format("pdf")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_graphml_and_gexf_come_from_viz(tmp_path, fmt):
    import networkx as nx

    path = export(fixture_batch(), fmt, tmp_path / f"g.{fmt}")
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert g.number_of_nodes() >= 16
