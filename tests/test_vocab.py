"""kg/vocab.py and ontology/policy.ttl hold exactly the same terms; kg.models agrees with both."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from kg import models, vocab
from kg.rdf.ontology import ontology_path

NAMESPACES = {"pol": vocab.POL, "msr": vocab.MSR, "sec": vocab.SEC, "sta": vocab.STA, "fam": vocab.FAM}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path("policy.ttl"))


def _python_terms(ns) -> set[str]:
    return {str(ns._NS[name]) for name in ns.__annotations__}


def _defined_terms(g: Graph, base: str) -> set[str]:
    """Every IRI in the namespace that the ontology says something about (as subject)."""
    return {str(s) for s in set(g.subjects()) if isinstance(s, URIRef) and str(s).startswith(base)}


def _used_terms(g: Graph, base: str) -> set[str]:
    return {str(t) for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(base)}


@pytest.mark.parametrize("prefix", sorted(NAMESPACES))
def test_vocab_python_names_equal_ontology_terms(onto, prefix):
    ns = NAMESPACES[prefix]
    base = str(ns._NS)
    assert _python_terms(ns) == _defined_terms(onto, base)
    # and the ontology never refers to a term of its own namespaces that it does not define
    assert _used_terms(onto, base) <= _defined_terms(onto, base)


@pytest.mark.parametrize("prefix", sorted(NAMESPACES))
def test_vocab_every_term_labelled_and_commented(onto, prefix):
    for term in _defined_terms(onto, str(NAMESPACES[prefix]._NS)):
        t = URIRef(term)
        assert (t, RDFS.label, None) in onto, term
        assert (t, RDFS.comment, None) in onto or (t, SKOS.definition, None) in onto, term


def test_vocab_unknown_name_raises():
    with pytest.raises(AttributeError):
        vocab.POL.notATerm  # noqa: B018


def _scheme_members(g: Graph, scheme: URIRef, base: str) -> set[str]:
    return {str(c)[len(base):] for c in g.subjects(SKOS.inScheme, scheme)
            if (c, RDF.type, SKOS.Concept) in g}


@pytest.mark.parametrize("names,scheme,ns", [
    (models.MEASURES, vocab.MSR.MeasureScheme, vocab.MSR),
    (models.SECTORS, vocab.SEC.SectorScheme, vocab.SEC),
    (models.STATUSES, vocab.STA.StatusScheme, vocab.STA),
])
def test_vocab_model_literals_match_concept_schemes(onto, names, scheme, ns):
    assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
    assert set(names) == _scheme_members(onto, scheme, str(ns._NS))
    for c in names:
        assert (ns[c], SKOS.prefLabel, None) in onto and (ns[c], SKOS.definition, None) in onto


def test_vocab_every_measure_has_one_family(onto):
    families = _scheme_members(onto, vocab.FAM.FamilyScheme, str(vocab.FAM._NS))
    assert families == {n for n in vocab.FAM.__annotations__ if n != "FamilyScheme"}
    for m in models.MEASURES:
        fams = list(onto.objects(vocab.MSR[m], vocab.POL.family))
        assert len(fams) == 1, m
        assert str(fams[0])[len(str(vocab.FAM._NS)):] in families
    assert (vocab.MSR.TravelRestriction, vocab.POL.family, vocab.FAM.MobilityOfPeople) in onto


def test_vocab_entity_types_match_entity_classes(onto):
    subclasses = {str(c) for c in onto.transitive_subjects(RDFS.subClassOf, vocab.POL.Entity)}
    abstract = {str(vocab.POL.Entity), str(vocab.POL.Organization)}
    assert {str(vocab.POL[t]) for t in models.ENTITY_TYPES} == subclasses - abstract
    for t in models.ENTITY_TYPES:
        assert (vocab.POL[t], RDF.type, OWL.Class) in onto


def test_vocab_relation_predicates_match_entity_relations(onto):
    rels = {str(p) for p in onto.subjects(RDFS.subPropertyOf, vocab.POL.relatedTo)}
    assert rels == {str(vocab.POL[p]) for p in models.RELATION_PREDICATES}
    for p in models.RELATION_PREDICATES:
        assert (vocab.POL[p], RDF.type, OWL.ObjectProperty) in onto
        assert (vocab.POL[p], RDFS.domain, None) in onto and (vocab.POL[p], RDFS.range, None) in onto


def test_vocab_prefixes_cover_project_namespaces():
    for prefix, ns in NAMESPACES.items():
        assert vocab.PREFIXES[prefix] == str(ns._NS)
