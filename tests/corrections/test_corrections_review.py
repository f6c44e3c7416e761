"""The review queue ranks what needs a human eye; kg review / kg merge record decisions."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli.app import app
from kg.corrections import apply_corrections, read_decisions
from kg.corrections.review import near_duplicates, review_queue
from kg.models import Entity, Extraction, PipelineInfo
from kg.rdf.write import write_batch

from tests.corrections.helpers import ban_key, small_batch

REL = "company/acme headquarteredIn country/sylvania"


def test_review_queue_ranks_uncertain_events_first_and_finds_duplicates():
    items = review_queue(small_batch())
    kinds = [(i.kind, i.key) for i in items]
    assert kinds[0] == ("event", ban_key())          # confidence 0.3: the most doubtful
    assert ("duplicate", "company/acme company/acme-inc") in kinds
    assert ("relation", REL) in kinds
    assert [i.score for i in items] == sorted((i.score for i in items), reverse=True)


def test_review_queue_conflicting_statuses_across_dispatches():
    b = small_batch()
    ev = next(e for e in b.events if e.key == ban_key())
    info = PipelineInfo(version="t", model="t")
    exs = [Extraction(dispatch=d, events=(ev.model_copy(update={"status": s}),), pipeline=info)
           for d, s in zip(b.dispatches, ("Announced", "InForce"))]
    item = next(i for i in review_queue(b, exs) if i.key == ban_key())
    assert any("Announced" in r and "InForce" in r for r in item.reasons)


@pytest.mark.parametrize("a,b,dup", [
    ("Acme", "Acme Inc", True), ("Huawei Technologies", "Huawei Technology", True),
    ("Executive Order 14105", "Executive Order 14110", False), ("DUV lithography", "EUV lithography", False),
    ("Schrems I", "Schrems II", False), ("Cyberspace Administration", "Cyberspace Administration of China", True),
])
def test_review_near_duplicates(a, b, dup):
    es = [Entity(key=f"company/{i}", type="Company", name=n) for i, n in enumerate((a, b))]
    assert bool(near_duplicates(es)) is dup


def test_review_decided_subjects_leave_the_queue(tmp_path):
    c = tmp_path / "c.jsonl"
    g = tmp_path / "g.ttl"
    write_batch(small_batch(), g)
    runner = CliRunner(env={"KG_ANALYST": "Ana"})
    r = runner.invoke(app, ["review", "-g", str(g), "-c", str(c), "--reject", REL])
    assert r.exit_code == 2 and "--why" in r.output
    r = runner.invoke(app, ["review", "-g", str(g), "-c", str(c), "--reject", REL, "--why", "HQ is elsewhere"])
    assert r.exit_code == 0, r.output
    runner.invoke(app, ["review", "-g", str(g), "-c", str(c), "--reject", REL, "--why", "HQ is elsewhere"])
    r = runner.invoke(app, ["merge", "company/acme-inc", "company/acme", "-g", str(g), "-c", str(c)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["review", "-g", str(g), "-c", str(c), "--accept", "company/zed partOf country/x"])
    assert r.exit_code == 2 and "not in the graph" in r.output
    decisions = read_decisions(c)
    assert [(x.decision.action, x.decision.who) for x in decisions] == [("reject", "Ana"), ("merge", "Ana")]
    assert decisions[0].decision.describe == "Acme headquarteredIn Sylvania"
    r = runner.invoke(app, ["review", "-g", str(g), "-c", str(c), "-f", "json", "-n", "0"])
    keys = [row["key"] for row in json.loads(r.stdout)]
    assert REL not in keys and "company/acme company/acme-inc" not in keys and ban_key() in keys
    b, report = apply_corrections(small_batch(), decisions)
    assert [o.status for o in report.outcomes] == ["applied", "applied"]


def test_review_table_keeps_markup_inert(tmp_path):
    b = small_batch()
    evil = "[red]boom[/red]"
    b = b.model_copy(update={"entities": tuple(e.model_copy(update={"name": evil}) if e.key == "company/acme" else e
                                                for e in b.entities)})
    g = tmp_path / "g.ttl"
    write_batch(b, g)
    r = CliRunner().invoke(app, ["review", "-g", str(g), "-c", str(tmp_path / "c.jsonl"), "-n", "0"],
                           env={"COLUMNS": "400"})
    assert r.exit_code == 0 and evil in r.stdout


def test_review_graph_without_corrections_file_lists_the_queue(tmp_path):
    g = tmp_path / "g.ttl"
    write_batch(small_batch(), g)
    r = CliRunner().invoke(app, ["review", "-g", str(g), "-f", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)[0]["key"] == ban_key()
    r = CliRunner().invoke(app, ["review", "-g", str(g), "--accept", ban_key()])
    assert r.exit_code == 2 and "--corrections" in r.output
