"""Every named query, in both stores: Cypher over Bolt (embedded ArcadeDB) and SPARQL over the RDF.

Expected rows are written down from the fixture graph (tests/graphdb/graphdb_fixtures.py), not
from running the queries.
"""
from __future__ import annotations

import pytest

from graphdb_fixtures import fixture_batch
from kg.graphdb.queries import QUERY_DIR, parse_params, query_files, read_query, run_cypher
from kg.graphdb.sparql import open_store, run_sparql

US, CN, NL = "United States", "China", "Netherlands"
E1, E2, E3, E4 = "US lists Huawei", "US controls H20 exports", "China controls gallium exports", "China investigates Nvidia"
E5, E6 = "US restricts visas for AI researchers", "China restricts travel of AI researchers"
E7, E8 = "Netherlands controls lithography exports", "China restricts travel of nuclear physicists"

# name -> (params, columns, rows)
EXPECTED = {
    "measures_by_country": ({}, ["country", "year", "measure", "events"], [
        (CN, 2015, "TravelRestriction", 1), (CN, 2023, "ExportControl", 1), (CN, 2024, "Investigation", 1),
        (CN, 2025, "TravelRestriction", 1), (NL, 2023, "ExportControl", 1), (US, 2019, "EntityListing", 1),
        (US, 2023, "ExportControl", 1), (US, 2025, "VisaRestriction", 1)]),
    "who_targets_group": ({"group": "AI researchers"}, ["actor", "measure", "date", "status"], [
        (CN, "TravelRestriction", "2025-03", "InForce"), (US, "VisaRestriction", "2025-05", "Proposed")]),
    "organisations_affected_by_country": ({"country": CN}, ["organisation", "type", "measure", "date"], [
        ("ASML", "Company", "ExportControl", "2023-07"), ("Nvidia", "Company", "Investigation", "2024-12")]),
    "precedent_chains": ({"country": NL}, ["event", "precedent", "hops"], [
        (E7, E2, 1), (E7, E1, 2), (E7, "Export Control Reform Act", 3)]),
    "analogy_chains": ({"country": US}, ["event", "analogue", "analogue_actor", "analogue_sector"], [
        (E2, E7, NL, "Semiconductors"), (E5, E6, CN, "ArtificialIntelligence"), (E5, E8, CN, "Nuclear")]),
    "response_chains": ({"from_country": US, "to_country": CN},
                        ["action", "action_date", "response", "response_date", "hops"], [
        (E1, "2019-05", E3, "2023-07", 1), (E1, "2019-05", E4, "2024-12", 3), (E2, "2023-10-17", E4, "2024-12", 1)]),
    "sector_timeline": ({"sector": "Semiconductors"}, ["date", "actor", "measure", "status", "event"], [
        ("2019-05", US, "EntityListing", "InForce", E1), ("2023-06-30", NL, "ExportControl", "InForce", E7),
        ("2023-10-17", US, "ExportControl", "InForce", E2), ("2024-12", CN, "Investigation", "Announced", E4)]),
    "most_active_actors": ({}, ["actor", "type", "events", "measures"], [
        (CN, "Country", 4, 3), (US, "Country", 3, 3), (NL, "Country", 1, 1)]),
    "events_citing_precedent": ({"precedent": "Export Control Reform Act"}, ["event", "actor", "date", "evidence"], [
        (E1, US, "2019-05", f"Sentence reporting {E1}.")]),
    "edge_evidence": ({"subject": "Huawei", "object": CN}, ["relation", "sentence", "dispatch", "rule", "confidence"], [
        ("headquarteredIn", "Huawei, based in Shenzhen, China, said so.", "a1b2c3d4e5f60718", "rel-rule", 0.8)]),
    "new_since": ({"since": "2024-06"}, ["date", "event", "actor", "measure"], [
        ("2024-12", E4, CN, "Investigation"), ("2025-03", E6, CN, "TravelRestriction"),
        ("2025-05", E5, US, "VisaRestriction")]),
    "companies_by_hq_country": ({"country": US}, ["company", "measure", "actor", "date"], [
        ("Nvidia", "ExportControl", US, "2023-10-17"), ("Nvidia", "Investigation", CN, "2024-12")]),
    "groups_targeted_across_sectors": ({}, ["target_group", "sectors", "events"], [
        ("AI researchers", 2, 2), ("Nuclear physicists", 1, 1)]),
}

CYPHER = query_files("cypher")
NAMES = [p.stem for p in CYPHER]


def test_queries_every_file_has_expected_rows_and_a_sparql_twin():
    assert len(CYPHER) >= 12
    assert sorted(EXPECTED) == sorted(NAMES)
    assert sorted(p.stem for p in query_files("sparql")) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_queries_header_names_question_and_params(name):
    for path in (QUERY_DIR / "cypher" / f"{name}.cypher", QUERY_DIR / "sparql" / f"{name}.rq"):
        q = read_query(path)
        assert q.name == name and q.question.endswith("?")
        assert {p.name for p in q.params} == set(EXPECTED[name][0])
        assert all(p.example for p in q.params)


@pytest.fixture(scope="module")
def loaded(client):
    from kg.graphdb.load import load_graph
    from kg.graphdb.model import to_property_graph

    client.run("MATCH (n) DETACH DELETE n")
    load_graph(client, to_property_graph(fixture_batch()))
    return client


@pytest.fixture(scope="module")
def rdf_store(tmp_path_factory):
    from kg.rdf.write import write_batch

    path = tmp_path_factory.mktemp("rdf") / "fixture.trig"
    write_batch(fixture_batch(), path)
    return open_store(path)


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_queries_cypher_returns_expected_rows(loaded, name):
    params, columns, rows = EXPECTED[name]
    res = run_cypher(loaded, read_query(QUERY_DIR / "cypher" / f"{name}.cypher"), params)
    assert res.columns == columns
    assert res.rows == rows


@pytest.mark.parametrize("name", NAMES)
def test_queries_sparql_returns_expected_rows(rdf_store, name):
    params, columns, rows = EXPECTED[name]
    res = run_sparql(rdf_store, read_query(QUERY_DIR / "sparql" / f"{name}.rq"), params)
    assert res.columns == columns
    assert res.rows == rows


def test_queries_params_are_typed_from_the_header_and_missing_ones_named():
    from kg.errors import ConfigError

    q = read_query(QUERY_DIR / "cypher" / "sector_timeline.cypher")
    assert parse_params(["sector=Energy"], q) == {"sector": "Energy"}
    with pytest.raises(ConfigError, match="needs --param sector"):
        parse_params([], q)
    assert parse_params(["n:int=5", "x:float=0.5", "b:bool=true"]) == {"n": 5, "x": 0.5, "b": True}
    with pytest.raises(ConfigError, match="not a valid int"):
        parse_params(["n:int=five"])


def test_queries_sparql_param_is_data_not_query_text(rdf_store):
    hostile = 'China" } } ; DROP ALL ; SELECT * WHERE { ?s ?p "x'
    res = run_sparql(rdf_store, read_query(QUERY_DIR / "sparql" / "organisations_affected_by_country.rq"),
                     {"country": hostile})
    assert res.rows == []
