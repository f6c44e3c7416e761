"""The property-graph mapping: labels and types come from fixed tables; every node has an iri."""
from __future__ import annotations

from graphdb_fixtures import CHINA, E1, E2, HUAWEI, fixture_batch

from kg import ids
from kg.graphdb.model import (ENTITY, KEY_LABELS, NODE_LABELS, REL_TYPES, to_property_graph, year_of)
from kg.models import GraphBatch, Relation


def test_model_every_node_has_an_iri_and_known_labels():
    pg = to_property_graph(fixture_batch())
    for g in pg.nodes:
        assert g.key_label in KEY_LABELS and set(g.labels) <= set(NODE_LABELS)
        assert all(r["iri"].startswith("http") for r in g.rows)
    assert {g.type for g in pg.rels} <= set(REL_TYPES)
    assert not pg.dangling


def test_model_entities_carry_entity_and_type_labels():
    pg = to_property_graph(fixture_batch())
    country = next(g for g in pg.nodes if g.extra_label == "Country")
    assert country.labels == (ENTITY, "Country")
    china = next(r for r in country.rows if r["name"] == "China")
    assert china["iri"] == str(ids.iri(CHINA.key)) and china["wikidata"] == "Q148" and china["aliases"] == ["PRC"]


def test_model_event_has_measure_sector_status_date_and_year():
    pg = to_property_graph(fixture_batch())
    events = next(g for g in pg.nodes if g.key_label == "PolicyEvent").rows
    e2 = next(r for r in events if r["key"] == E2.key)
    assert (e2["measure"], e2["sectors"], e2["status"], e2["date"], e2["year"]) == (
        "ExportControl", ["Semiconductors", "ArtificialIntelligence"], "InForce", "2023-10-17", 2023)
    types = {(g.type, g.dst_label) for g in pg.rels}
    assert {("HAS_MEASURE", "Measure"), ("IN_SECTOR", "Sector"), ("HAS_STATUS", "Status")} <= types


def test_model_relationships_carry_evidence_and_confidence():
    pg = to_property_graph(fixture_batch())
    hq = next(g for g in pg.rels if g.type == "HEADQUARTERED_IN")
    row = next(r for r in hq.rows if r["src"] == str(ids.iri(HUAWEI.key)))
    p = row["props"]
    assert p["sentence"].startswith("Huawei, based in") and p["rule"] == "rel-rule"
    assert p["confidence"] == 0.8 and p["dispatch_ids"] == ["a1b2c3d4e5f60718"] and p["predicate"] == "headquarteredIn"
    actor = next(g for g in pg.rels if g.type == "ACTOR")
    e1 = next(r for r in actor.rows if r["src"] == str(ids.iri(E1.key)))
    assert e1["props"]["sentence"] == "Sentence reporting US lists Huawei."


def test_model_relationship_to_a_node_outside_the_batch_is_reported_and_matched_by_key():
    b = GraphBatch(entities=(HUAWEI,), relations=(Relation(subject=HUAWEI.key, predicate="headquarteredIn",
                                                           object="country/atlantis"),))
    pg = to_property_graph(b)
    assert ("HEADQUARTERED_IN", HUAWEI.key, "country/atlantis") in pg.dangling
    hq = next(g for g in pg.rels if g.type == "HEADQUARTERED_IN")
    assert (hq.src_label, hq.dst_label) == ("Entity", "Entity")


def test_model_year_of_partial_dates():
    assert [year_of(x) for x in ("2024", "2024-05", "2024-05-06", None, "")] == [2024, 2024, 2024, None, None]
