"""kg.precedents.query: graphs are read with the parser kg.rdf.read chooses by suffix."""
from __future__ import annotations

import pytest

from kg.ids import entity_key, event_key
from kg.models import Entity, Event, GraphBatch
from kg.precedents.query import events_from_graph
from kg.rdf.write import write_batch


def _batch() -> GraphBatch:
    a = Entity(key=entity_key("Country", "Freedonia"), type="Country", name="Freedonia")
    ev = Event(key=event_key("ExportControl", [a.key], [], ["Semiconductors"], "2024"), measure="ExportControl",
               actors=(a.key,), sectors=("Semiconductors",), date="2024", label="Freedonia limits chip exports")
    return GraphBatch(entities=(a,), events=(ev,))


@pytest.mark.parametrize("name,fmt", [("g.ttl", "turtle"), ("g.json", "json-ld"), ("g.jsonld", "json-ld"),
                                      ("g.nt", "nt")])
def test_query_events_from_graph_reads_every_suffix_kg_rdf_reads(tmp_path, name, fmt):
    write_batch(_batch(), tmp_path / name, fmt=fmt)
    events, entities = events_from_graph(tmp_path / name)
    assert [(e.measure, e.date) for e in events] == [("ExportControl", "2024")]
    assert [e.name for e in entities] == ["Freedonia"]
