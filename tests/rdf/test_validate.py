from __future__ import annotations

import pytest
from rdflib import RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS
from typer.testing import CliRunner

from kg import ids
from kg.cli.app import app
from kg.rdf.graph import analogy_key, assertion_key, batch_to_graph
from kg.rdf.validate import validate
from kg.rdf.write import write_batch
from kg.vocab import MSR, POL, SEC, STA

import rdf_fixtures as fx


@pytest.fixture(scope="module")
def good(batch) -> Graph:
    return batch_to_graph(batch)


def _mutated(good: Graph, remove=(), add=()) -> Graph:
    g = Graph()
    for t in good:
        g.add(t)
    for pattern in remove:
        for t in list(g.triples(pattern)):
            g.remove(t)
    for t in add:
        g.add(t)
    return g


def _ev_node(good: Graph, dispatch_id: str) -> URIRef:
    return sorted(good.subjects(POL.fromDispatch, ids.iri(ids.dispatch_key(dispatch_id))))[0]


def test_validate_fixture_batch_conforms(good):
    r = validate(good)
    assert r.conforms, r.violations
    assert r.triples == len(good) and str(r) == f"OK: {len(good)} triples conform"


TRAVEL, LISTING = ids.iri(fx.EV_TRAVEL), ids.iri(fx.EV_LIST)
FREEDONIA, ACME, UNION = ids.iri(fx.FREEDONIA), ids.iri(fx.ACME), ids.iri(fx.UNION)
ANALOGY = ids.iri(analogy_key(fx.EV_TRAVEL, fx.EV_LIST))
ASSERTION = ids.iri(assertion_key(fx.ACME, "headquarteredIn", fx.FREEDONIA))

CASES = {
    "no measure": (dict(remove=[(TRAVEL, POL.measure, None)]), "pol:measure"),
    "two measures": (dict(add=[(TRAVEL, POL.measure, MSR.Ban)]), "pol:measure"),
    "measure not in scheme": (dict(remove=[(TRAVEL, POL.measure, None)], add=[(TRAVEL, POL.measure, SEC.Nuclear)]),
                              "pol:measure"),
    "sector not in scheme": (dict(add=[(TRAVEL, POL.sector, MSR.Ban)]), "pol:sector"),
    "two statuses": (dict(add=[(TRAVEL, POL.status, STA.Revoked)]), "pol:status"),
    "untyped actor": (dict(add=[(TRAVEL, POL.actor, URIRef("http://example.org/nobody"))]), "pol:actor"),
    "date as plain string": (dict(remove=[(TRAVEL, POL.date, None)], add=[(TRAVEL, POL.date, Literal("March 2025"))]),
                             "pol:date"),
    "no evidence": (dict(remove=[(TRAVEL, POL.evidence, None)]), "pol:evidence"),
    "two entity labels": (dict(add=[(FREEDONIA, RDFS.label, Literal("Other name"))]), "rdfs:label"),
    "no entity label": (dict(remove=[(ACME, RDFS.label, None)]), "rdfs:label"),
    "sameAs not wikidata": (dict(add=[(FREEDONIA, OWL.sameAs, URIRef("http://dbpedia.org/resource/X"))]), "owl:sameAs"),
    "altLabel not string": (dict(add=[(FREEDONIA, SKOS.altLabel, Literal(3))]), "skos:altLabel"),
    "headquartered in a bloc": (dict(add=[(ACME, POL.headquarteredIn, UNION)]), "pol:headquarteredIn"),
    "company member of bloc": (dict(add=[(ACME, POL.memberOf, UNION)]), "-"),
    "respondsTo an entity": (dict(add=[(TRAVEL, POL.respondsTo, FREEDONIA)]), "pol:respondsTo"),
    "analogy score above 1": (dict(remove=[(ANALOGY, POL.score, None)],
                                   add=[(ANALOGY, POL.score, Literal("1.2", datatype=XSD.decimal))]), "pol:score"),
    "analogy basis unknown": (dict(add=[(ANALOGY, POL.basis, Literal("guessed"))]), "pol:basis"),
    "relation assertion predicate not a relation": (
        dict(add=[(ASSERTION, POL.assertedPredicate, POL.actor)]), "pol:assertedPredicate"),
    "dispatch without hash": (dict(remove=[(ids.iri(ids.dispatch_key(fx.D2)), POL.contentHash, None)]),
                              "pol:contentHash"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_validate_reports_violation(good, case):
    kwargs, path = CASES[case]
    r = validate(_mutated(good, **kwargs))
    assert not r.conforms
    assert any(v.split(", ")[1] == path for v in r.violations), r.violations


def test_validate_evidence_offsets_and_confidence(good):
    node = _ev_node(good, fx.D1)
    g = _mutated(good, remove=[(node, POL.startOffset, None), (node, POL.confidence, None)],
                 add=[(node, POL.startOffset, Literal(10_000, datatype=XSD.integer)),
                      (node, POL.confidence, Literal("1.5", datatype=XSD.decimal))])
    r = validate(g)
    paths = {v.split(", ")[1] for v in r.violations}
    assert {"pol:startOffset", "pol:confidence"} <= paths
    g = _mutated(good, remove=[(node, POL.startOffset, None)],
                 add=[(node, POL.startOffset, Literal(-1, datatype=XSD.integer))])
    assert any("pol:startOffset" in v for v in validate(g).violations)


def test_validate_text_evidence_needs_dispatch(good):
    node = _ev_node(good, fx.D1)
    r = validate(_mutated(good, remove=[(node, POL.fromDispatch, None)]))
    assert any("text evidence needs pol:fromDispatch" in v for v in r.violations)


def test_validate_violation_lines_are_readable(good):
    r = validate(_mutated(good, remove=[(TRAVEL, POL.measure, None)]))
    line = next(v for v in r.violations if "pol:measure" in v)
    assert line.startswith("res:" + fx.EV_TRAVEL + ", pol:measure, ")
    assert "\n" not in line


runner = CliRunner()


def test_validate_cli_ok(batch, tmp_path):
    f = tmp_path / "g.trig"
    write_batch(batch, f)
    res = runner.invoke(app, ["validate", str(f)])
    assert res.exit_code == 0, res.output
    assert res.output.strip() == f"OK: {len(batch_to_graph(batch))} triples conform"


def test_validate_cli_violations_exit_1(good, tmp_path):
    f = tmp_path / "bad.ttl"
    _mutated(good, remove=[(TRAVEL, POL.measure, None)]).serialize(f, format="turtle")
    res = runner.invoke(app, ["validate", str(f)])
    assert res.exit_code == 1
    assert "pol:measure" in res.output and "Traceback" not in res.output


@pytest.mark.parametrize("content", [None, "not <turtle", b"\x00\xff\xfe"])
def test_validate_cli_unreadable_file_exit_2(tmp_path, content):
    f = tmp_path / "x.ttl"
    if isinstance(content, str):
        f.write_text(content)
    elif content is not None:
        f.write_bytes(content)
    res = runner.invoke(app, ["validate", str(f)])
    assert res.exit_code == 2
    assert "Traceback" not in res.output
    err = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(err) == 1 and err[0].startswith("error: ") and "x.ttl" in err[0]
