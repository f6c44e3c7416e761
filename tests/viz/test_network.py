"""The networkx view of a GraphBatch and its GraphML/GEXF exports."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from kg.errors import OutputError
from kg.models import Entity, Event, GraphBatch
from kg.viz.network import event_display_label, flat_graph, to_networkx, write_gexf, write_graphml


def _by_label(g, label):
    found = [n for n, d in g.nodes(data=True) if d["label"] == label]
    assert len(found) == 1, (label, found)
    return found[0]


def test_network_has_one_node_per_entity_and_event(batch):
    g = to_networkx(batch)
    assert g.number_of_nodes() == len(batch.entities) + len(batch.events)
    kinds = nx.get_node_attributes(g, "kind")
    assert sum(k == "event" for k in kinds.values()) == len(batch.events)
    assert {d["type"] for _, d in g.nodes(data=True) if d["kind"] == "entity"} == {e.type for e in batch.entities}


def test_network_edges_carry_every_role_and_relation(batch):
    g = to_networkx(batch)
    preds = {d["predicate"] for *_, d in g.edges(data=True)}
    assert {"actor", "target", "affects", "precedent", "respondsTo", "analogousTo",
            "headquarteredIn", "partOf", "memberOf", "produces", "worksFor"} <= preds
    expected = sum(len(e.actors) + len(e.targets) + len(e.affects) + len(e.precedents) + len(e.responds_to)
                   for e in batch.events) + len(batch.relations) + len(batch.analogies)
    assert g.number_of_edges() == expected


def test_network_event_label_reads_actor_measure_sector(batch):
    g = to_networkx(batch)
    n = _by_label(g, "China · TravelRestriction · AI")
    d = g.nodes[n]
    assert d["measure"] == "TravelRestriction" and d["status"] == "InForce" and d["date"] == "2025-03"
    assert d["countries"] == ["China"]
    assert d["evidence"][0]["title"] == "Beijing asks AI researchers to clear foreign trips first"
    assert d["evidence"][0]["url"] == "https://example.org/dispatch/1"
    assert "travelling abroad" in d["evidence"][0]["sentence"]


@pytest.mark.parametrize("measure,actors,sectors,expected", [
    ("Ban", ["India"], ["SocialMedia"], "India · Ban · Social media"),
    ("Subsidy", ["Japan", "South Korea"], ["Semiconductors", "ArtificialIntelligence"],
     "Japan +1 · Subsidy · Semiconductors/AI"),
    ("Other", [], [], "(no actor) · Other"),
])
def test_network_event_display_label(measure, actors, sectors, expected):
    assert event_display_label(measure, actors, sectors) == expected


def test_network_countries_follow_relations(batch):
    g = to_networkx(batch)
    assert g.nodes[_by_label(g, "Bureau of Industry and Security")]["countries"] == ["United States"]
    assert g.nodes[_by_label(g, "Bureau of Industry and Security · EntityListing · Semiconductors")][
        "countries"] == ["United States"]
    assert g.nodes[_by_label(g, "ASML")]["countries"] == ["Netherlands"]
    person = [n for n, d in g.nodes(data=True) if d["type"] == "Person"][0]
    assert g.nodes[person]["countries"] == ["China"]  # works for DeepSeek, headquartered in China
    assert g.nodes[_by_label(g, "gallium")]["countries"] == []


def test_network_degree_is_the_number_of_links(batch):
    g = to_networkx(batch)
    china = _by_label(g, "China")
    assert g.nodes[china]["degree"] == g.degree(china) >= 6


def test_network_unknown_key_becomes_a_placeholder_node():
    b = GraphBatch(entities=(Entity(key="country/x", type="Country", name="X"),),
                   events=(Event(key="event/1", measure="Ban", actors=("country/x",), targets=("company/ghost",)),))
    g = to_networkx(b)
    assert g.nodes["company/ghost"]["type"] == "Unknown" and g.nodes["company/ghost"]["label"] == "company/ghost"
    assert g.has_edge("event/1", "company/ghost", key="target")


def test_network_flat_graph_has_only_graphml_types(batch):
    fg = flat_graph(to_networkx(batch))
    for _, d in list(fg.nodes(data=True)) + [(None, d) for *_, d in fg.edges(data=True)]:
        for k, v in d.items():
            assert isinstance(v, (str, int, float, bool)), (k, v)
    ev = [d for _, d in fg.nodes(data=True) if d.get("measure") == "TravelRestriction" and d.get("status") == "InForce"][0]
    assert json.loads(ev["evidence"])[0]["dispatch"] == "a1" * 8
    assert ev["evidence_count"] == 1


@pytest.mark.parametrize("writer,reader", [(write_graphml, nx.read_graphml), (write_gexf, nx.read_gexf)],
                         ids=["graphml", "gexf"])
def test_network_export_is_read_back_by_networkx(batch, hostile_names, tmp_path, writer, reader):
    path = writer(batch, tmp_path / ("g." + writer.__name__.split("_")[1]))
    back = reader(path)
    g = to_networkx(batch)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    labels = {d.get("label", n) for n, d in back.nodes(data=True)}
    assert set(hostile_names) <= labels
    china = [n for n, d in back.nodes(data=True) if d.get("label") == "China"][0]
    assert back.nodes[china]["type"] == "Country" and back.nodes[china]["wikidata"] == "Q148"
    assert int(back.nodes[china]["degree"]) == g.nodes[china]["degree"]
    assert "PRC" in back.nodes[china]["aliases"]


def test_network_export_drops_characters_xml_cannot_carry(tmp_path):
    b = GraphBatch(entities=(Entity(key="company/bad", type="Company", name="Bad\x01Co\x0b"),))
    back = nx.read_graphml(write_graphml(b, tmp_path / "g.graphml"))
    assert back.nodes["company/bad"]["label"] == "BadCo"


def test_network_export_unwritable_path_is_an_output_error(batch, tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_graphml(batch, tmp_path / "missing" / "g.graphml")
