"""Applying corrections: reject, accept, merge, rename, add; idempotent; vanished subjects reported;
provenance in RDF and in the property-graph mapping; hostile text inert."""
from __future__ import annotations

import datetime as dt

from rdflib import Literal
from rdflib.namespace import PROV, RDFS

from kg import ids
from kg.corrections import apply_corrections, read_decisions
from kg.graphdb.model import to_property_graph
from kg.rdf.graph import batch_to_graph
from kg.rdf.read import read_batch
from kg.rdf.write import serialize_batch
from kg.vocab import POL

from tests.corrections.helpers import HOSTILE, ban_key, line, small_batch

REL = "company/acme headquarteredIn country/sylvania"


def decisions(tmp_path, *lines):
    p = tmp_path / "corrections.jsonl"
    p.write_text("".join(x + "\n" for x in lines))
    return read_decisions(p)


def test_apply_reject_relation_removed_and_reported(tmp_path):
    b, report = apply_corrections(small_batch(), decisions(tmp_path, line(subject=REL)))
    assert not any((r.subject, r.predicate, r.object) == tuple(REL.split()) for r in b.relations)
    assert [(k, o.status) for k, _d, _loc in report.rejected for o in report.outcomes] == [(REL, "applied")]


def test_apply_accept_event_gets_analyst_provenance_and_confidence_one(tmp_path):
    key = ban_key()
    b, report = apply_corrections(small_batch(), decisions(tmp_path, line(action="accept", subject=key, why="stated")))
    ev = next(e for e in b.events if e.key == key)
    assert ev.confidence == 1.0 and report.outcomes[0].status == "applied"
    mine = [e for e in ev.evidence if e.source == "analyst"]
    assert len(mine) == 1 and mine[0].analyst == "Ana Analyst" and mine[0].reason == "stated"
    g = batch_to_graph(b)
    node = next(o for o in g.objects(ids.iri(key), POL.evidence) if (o, POL.evidenceSource, Literal("analyst")) in g)
    agent = g.value(node, PROV.wasAttributedTo)
    assert g.value(agent, RDFS.label) == Literal("Ana Analyst")
    assert g.value(node, PROV.generatedAtTime).toPython() == dt.datetime(2026, 12, 2, 14, tzinfo=dt.timezone.utc)
    assert g.value(node, POL.reason) == Literal("stated")
    # and the provenance survives a round trip through RDF (what kg load reads)
    back = next(e for e in read_batch(g).events if e.key == key)
    assert {(e.analyst, e.reason) for e in back.evidence if e.source == "analyst"} == {("Ana Analyst", "stated")}
    node_props = next(r for grp in to_property_graph(b).nodes if grp.key_label == "PolicyEvent"
                      for r in grp.rows if r["key"] == key)
    assert node_props["corrected"] and node_props["corrected_by"] == ["Ana Analyst"]


def test_apply_merge_keeps_all_mentions_and_evidence_under_one_node(tmp_path):
    base = small_batch()
    dup = next(e for e in base.entities if e.key == "company/acme-inc")
    b, report = apply_corrections(base, decisions(tmp_path, line(
        action="merge", subject="company/acme-inc", into="company/acme", describe="Acme Inc is Acme", why="same firm")))
    assert report.outcomes[0].status == "applied"
    keys = {e.key for e in b.entities}
    assert "company/acme-inc" not in keys and "company/acme" in keys
    acme = next(e for e in b.entities if e.key == "company/acme")
    assert set(dup.mentions) <= set(acme.mentions) and "Acme Inc" in acme.aliases
    # every reference moved: both headquarteredIn relations are now one, with both evidences
    rels = [r for r in b.relations if r.predicate == "headquarteredIn"]
    assert [(r.subject, len(r.evidence)) for r in rels] == [("company/acme", 2)]
    assert all("company/acme-inc" not in e.targets for e in b.events)
    # RDF: one node holds every mention (text evidence of both dispatches)
    g = batch_to_graph(b)
    assert (ids.iri("company/acme-inc"), None, None) not in g
    sentences = {str(g.value(n, POL.sentence)) for n in g.objects(ids.iri("company/acme"), POL.evidence)}
    assert {m.sentence for m in dup.mentions} <= sentences
    dispatches = set(g.objects(ids.iri("company/acme"), POL.mentionedIn))
    assert len(dispatches) == 2
    # property graph mapping: one node, MENTIONED_IN both dispatches, no edge to the old key
    pg = to_property_graph(b)
    rows = [r for grp in pg.nodes if grp.key_label == "Entity" for r in grp.rows]
    assert [r["key"] for r in rows if r["key"].startswith("company/acme")] == ["company/acme"]
    mentioned = [r for grp in pg.rels if grp.type == "MENTIONED_IN" for r in grp.rows
                 if r["src"] == str(ids.iri("company/acme"))]
    assert len(mentioned) == 2
    assert not any(str(ids.iri("company/acme-inc")) in (r["src"], r["dst"]) for grp in pg.rels for r in grp.rows)


def test_apply_vanished_subject_is_reported(tmp_path):
    gone = "event/0000000000000000"
    b, report = apply_corrections(small_batch(), decisions(
        tmp_path, line(subject=gone, describe="Sylvania bans Zed"),
        line(action="rename", subject="company/zed", value="Zed Corp", describe="Zed")))
    assert [o.status for o in report.outcomes] == ["missing", "missing"]
    assert "Sylvania bans Zed" in report.outcomes[0].detail and report.outcomes[0].located.line == 1
    assert b == small_batch()


def test_apply_twice_changes_nothing(tmp_path):
    ds = decisions(
        tmp_path, line(subject=REL), line(action="accept", subject=ban_key()),
        line(action="merge", subject="company/acme-inc", into="company/acme"),
        line(action="rename", subject="country/sylvania", value="Republic of Sylvania"),
        line(action="retype", subject="company/acme", value="ResearchOrganization"),
        line(subject=f"{ban_key()} target company/acme"),
        line(action="add", subject="company/acme produces country/sylvania", sentence="Acme makes Sylvania."),
        line(action="accept", subject=" analogousTo ".join(sorted(e.key for e in small_batch().events))))
    once, r1 = apply_corrections(small_batch(), ds)
    twice, r2 = apply_corrections(once, ds)
    assert twice == once
    assert serialize_batch(twice) == serialize_batch(once)
    assert "missing" not in [o.status for o in r1.outcomes]
    assert [o.status for o in r2.outcomes if o.decision.action != "reject"] == ["unchanged"] * 6


def test_apply_later_line_wins_and_split_undoes_merge(tmp_path):
    b, report = apply_corrections(small_batch(), decisions(
        tmp_path, line(subject=REL), line(action="accept", subject=REL),
        line(action="merge", subject="company/acme-inc", into="company/acme"),
        line(action="split", subject="company/acme-inc", into="company/acme")))
    assert [o.status for o in report.outcomes] == ["superseded", "applied", "superseded", "applied"]
    assert {"company/acme", "company/acme-inc"} <= {e.key for e in b.entities}
    assert any(r.subject == "company/acme" and r.confidence == 1.0 for r in b.relations)


def test_apply_add_event_cites_sentence(tmp_path):
    from kg.ids import event_key

    key = event_key("Sanction", ["country/sylvania"], ["company/acme"], ["Finance"], "2026")
    event = {"measure": "Sanction", "actors": ["country/sylvania"], "targets": ["company/acme"],
             "sectors": ["Finance"], "date": "2026", "status": "InForce"}
    b, report = apply_corrections(small_batch(), decisions(tmp_path, line(
        action="add", subject=key, event=event, sentence="Sylvania sanctioned Acme in 2026.",
        describe="Sylvania sanctions Acme")))
    ev = next(e for e in b.events if e.key == key)
    assert report.outcomes[0].status == "applied" and ev.confidence == 1.0
    assert ev.evidence[0].sentence == "Sylvania sanctioned Acme in 2026." and ev.status == "InForce"


def test_apply_hostile_text_stays_inert_in_turtle_and_cypher(tmp_path):
    from kg.graphdb.export import write_cypher

    b, _ = apply_corrections(small_batch(), decisions(tmp_path, line(
        action="accept", subject=REL, who=HOSTILE, why=HOSTILE, describe=HOSTILE)))
    ttl = serialize_batch(b, "turtle")
    from rdflib import Graph

    g = Graph().parse(data=ttl, format="turtle")
    assert (None, POL.reason, Literal(HOSTILE)) in g
    assert not any(str(p).startswith("x:") or str(s).startswith("http://evil") for s, p, _o in g)
    assert len(g) == len(batch_to_graph(b))
    out = write_cypher(b, tmp_path / "g.cypher")
    text = out.read_text()
    # each statement one line; the hostile text only ever appears escaped inside a string literal
    for stmt in text.splitlines()[1:]:
        assert stmt.rstrip().endswith(";")
    assert "MATCH (n) DETACH DELETE n" not in [s.strip() for s in text.split(";")]
    assert "\\'; MATCH" in text  # the quote is escaped


def test_apply_corrected_graph_validates(tmp_path):
    from kg.rdf.validate import validate

    b, _ = apply_corrections(small_batch(), decisions(
        tmp_path, line(action="accept", subject=REL), line(action="accept", subject=ban_key()),
        line(action="merge", subject="company/acme-inc", into="company/acme")))
    report = validate(batch_to_graph(b))
    assert report.conforms, report.violations
