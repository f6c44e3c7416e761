from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg import ids
from kg.errors import InputError
from kg.rdf.graph import batch_to_dataset, batch_to_graph
from kg.rdf.read import key_for, read_batch
from kg.rdf.write import write_batch
from kg.vocab import MSR, POL, SEC

SUFFIXES = [".ttl", ".trig", ".nt", ".nq", ".jsonld", ".json"]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_read_round_trip_isomorphic(batch, tmp_path, suffix):
    first = tmp_path / f"a{suffix}"
    write_batch(batch, first)
    back = read_batch(first)
    assert isomorphic(batch_to_graph(back), batch_to_graph(batch))
    if suffix in (".trig", ".nq"):  # named graphs come back too: they follow the evidence
        a, b = batch_to_dataset(back), batch_to_dataset(batch)
        for ctx in b.graphs():
            assert isomorphic(Graph() + a.graph(ctx.identifier), Graph() + ctx), ctx.identifier


def test_read_records_match_batch(batch, tmp_path):
    path = tmp_path / "g.ttl"
    write_batch(batch, path)
    back = read_batch(path)
    assert [e.key for e in back.entities] == sorted(e.key for e in batch.entities)
    orig = {e.key: e for e in batch.entities}
    for e in back.entities:
        o = orig[e.key]
        assert (e.type, e.name, set(e.aliases), e.wikidata, set(e.mentions)) == \
               (o.type, o.name, set(o.aliases), o.wikidata, set(o.mentions))
    ev = {e.key: e for e in back.events}
    for o in batch.events:
        e = ev[o.key]
        assert (e.measure, set(e.actors), set(e.targets), set(e.sectors), e.status, e.date, set(e.evidence),
                e.confidence) == (o.measure, set(o.actors), set(o.targets), set(o.sectors), o.status, o.date,
                                  set(o.evidence), o.confidence)
    assert {(r.subject, r.predicate, r.object, r.confidence, frozenset(r.evidence)) for r in back.relations} == \
           {(r.subject, r.predicate, r.object, r.confidence, frozenset(r.evidence)) for r in batch.relations}
    assert [(a.a, a.b, a.score, a.basis, a.explanation) for a in back.analogies] == \
           [(a.a, a.b, a.score, a.basis, a.explanation) for a in batch.analogies]
    assert back.pipeline == batch.pipeline
    d = {x.id: x for x in back.dispatches}
    for o in batch.dispatches:
        assert (d[o.id].title, d[o.id].date, d[o.id].url, d[o.id].source) == (o.title, o.date, o.url, o.source)


def test_read_accepts_rdflib_graph_and_dataset(batch):
    assert read_batch(batch_to_graph(batch)).entities == read_batch(batch_to_dataset(batch)).entities


def test_read_foreign_iris_get_stable_keys():
    g = Graph()
    ev = URIRef("http://example.org/things#event-1")
    actor = URIRef("http://example.org/org/Ministry%20of%20Stuff")
    country = URIRef("http://www.wikidata.org/entity/Q142")
    g.add((ev, RDF.type, POL.PolicyEvent))
    g.add((ev, POL.measure, MSR.ExportControl))
    g.add((ev, POL.sector, SEC.Semiconductors))
    g.add((ev, POL.actor, actor))
    g.add((actor, RDF.type, POL.GovernmentBody))
    g.add((actor, RDFS.label, Literal("Ministry of Stuff")))
    g.add((country, RDF.type, POL.Country))
    g.add((country, RDFS.label, Literal("France")))
    g.add((actor, POL.partOf, country))
    b = read_batch(g)
    akey = key_for(actor)
    assert akey == "ext/ministry-of-stuff-" + ids.content_hash(str(actor), length=10)
    assert akey == key_for(URIRef(str(actor)))  # stable
    assert {e.key for e in b.entities} == {akey, "wd/Q142"}
    assert next(e for e in b.entities if e.key == "wd/Q142").wikidata == "Q142"
    assert b.events[0].actors == (akey,) and b.events[0].measure == "ExportControl"
    assert b.relations[0].subject == akey and b.relations[0].object == "wd/Q142"
    # keys of foreign IRIs still mint valid IRIs
    assert " " not in str(ids.iri(akey))


def test_read_missing_file_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_batch(tmp_path / "nope.ttl")


def test_read_syntax_error_raises_input_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix pol: <x#> .\npol:a pol:b ")
    with pytest.raises(InputError, match=r"bad\.ttl: not valid turtle RDF"):
        read_batch(bad)


def test_read_binary_file_raises_input_error(tmp_path):
    bad = tmp_path / "bin.nt"
    bad.write_bytes(b"\xff\xfe\x00\x01garbage")
    with pytest.raises(InputError, match=r"bin\.nt"):
        read_batch(bad)
