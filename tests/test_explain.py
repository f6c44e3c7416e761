"""kg explain: rows and text from an RDF file written by the project's writer."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli.app import app
from kg.explain import explain, render_text
from kg.models import (Analogy, Dispatch, Entity, Event, Evidence, GraphBatch, PipelineInfo, Relation)
from kg.rdf.write import write_batch

SENT = "Velmora, a Dutch chipmaker, said Ostland banned exports of Z9 chips."


@pytest.fixture(scope="module")
def rdf_file(tmp_path_factory):
    ev = Evidence(dispatch_id="abc123", sentence=SENT, start=0, end=len(SENT), rule="rel:origin-cue",
                  confidence=0.85)
    ents = (Entity(key="company/velmora", type="Company", name="Velmora", mentions=(ev,)),
            Entity(key="country/netherlands", type="Country", name="Netherlands", mentions=(ev,)),
            Entity(key="country/ostland", type="Country", name="Ostland", mentions=(ev,)),
            Entity(key="tech/z9-chips", type="Technology", name="Z9 chips", mentions=(ev,)))
    e1 = Event(key="event/1", measure="ExportControl", actors=("country/ostland",), targets=("tech/z9-chips",),
               affects=("company/velmora",), sectors=("Semiconductors",), status="InForce", date="2024-03",
               label="Ostland ExportControl on Z9 chips",
               evidence=(ev.model_copy(update={"rule": "event:export-control", "confidence": 0.8}),),
               confidence=0.8)
    e2 = Event(key="event/2", measure="Ban", actors=("country/netherlands",), sectors=("Semiconductors",),
               status="Historical", label="Netherlands Ban", confidence=0.6)
    batch = GraphBatch(
        dispatches=(Dispatch(id="abc123", text=SENT, title="Ostland bans chip exports"),),
        entities=ents, events=(e1, e2),
        relations=(Relation(subject="company/velmora", predicate="headquarteredIn", object="country/netherlands",
                            evidence=(ev,), confidence=0.85),),
        analogies=(Analogy(a="event/1", b="event/2"),),
        pipeline=PipelineInfo(version="0", model="test"))
    path = tmp_path_factory.mktemp("explain") / "graph.ttl"
    write_batch(batch, path)
    return path


def test_explain_rows_for_events_and_relations(rdf_file):
    rows = explain(rdf_file)
    events = [r for r in rows if r["kind"] == "event"]
    [rel] = [r for r in rows if r["kind"] == "relation"]
    assert len(events) == 2
    ex = next(r for r in events if r["measure"] == "ExportControl")
    assert ex["actors"] == ["Ostland"] and ex["targets"] == ["Z9 chips"] and ex["affects"] == ["Velmora"]
    assert ex["status"] == "InForce" and ex["date"] == "2024-03" and ex["sectors"] == ["Semiconductors"]
    assert ex["analogous_to"] == ["Netherlands Ban"]
    [evd] = ex["evidence"]
    assert evd["sentence"] == SENT and evd["rule"] == "event:export-control" and evd["dispatch"] == "abc123"
    assert evd["title"] == "Ostland bans chip exports"
    assert (rel["subject"], rel["predicate"], rel["object"]) == ("Velmora", "headquarteredIn", "Netherlands")
    assert rel["evidence"][0]["rule"] == "rel:origin-cue" and rel["evidence"][0]["confidence"] == 0.85


def test_explain_text_shows_statement_sentence_rule_and_confidence(rdf_file):
    text = render_text(explain(rdf_file))
    assert "Velmora —headquarteredIn→ Netherlands" in text
    assert SENT in text and "rule rel:origin-cue" in text and "confidence 0.85" in text
    assert "targets: Z9 chips" in text and "status: InForce" in text


def test_explain_empty_graph_says_so():
    assert "no events or relations" in render_text([])


def test_explain_cli_text_and_json(rdf_file):
    runner = CliRunner()
    r = runner.invoke(app, ["explain", str(rdf_file)])
    assert r.exit_code == 0 and "RELATIONS (1)" in r.stdout
    r = runner.invoke(app, ["explain", str(rdf_file), "--format", "json"])
    assert r.exit_code == 0
    assert {row["kind"] for row in json.loads(r.stdout)} == {"event", "relation"}


@pytest.mark.parametrize("args", [["explain", "/nonexistent/graph.ttl"], ["explain", "GRAPH", "--format", "xml"]])
def test_explain_cli_errors_are_one_line_exit_2(rdf_file, args):
    args = [str(rdf_file) if a == "GRAPH" else a for a in args]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 2
    assert "Traceback" not in r.output
