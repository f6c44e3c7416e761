"""rel:maker-verb / rel:maker-its (kg.nlp.relations_verbs): a company that makes a technology, read off the parse."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


def _rules(doc, triple):
    ents = doc._.kg_entities
    return {e.rule for r in doc._.kg_relations
            if (ents[r.subject].name, r.predicate, ents[r.object].name) == triple for e in r.evidence}


@pytest.mark.slow
@pytest.mark.parametrize("text,rule", [
    ("Velmora makes Z9 chips for carmakers.", "rel:maker-verb"),
    ("Velmora, which designs Z9 chips, grew fast.", "rel:maker-verb"),
    ("Velmora is a Dutch company known for producing Z9 chips.", "rel:maker-verb"),
    ("Velmora sells its Z9 chips across Europe.", "rel:maker-its"),
])
def test_company_that_makes_a_technology(tiny_nlp, text, rule):
    assert rule in _rules(run(tiny_nlp, text), ("Velmora", "produces", "Z9 chips"))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Regulators told Velmora to stop buying Z9 chips.",       # not a maker verb
    "The Dutch government built Z9 chips with Velmora.",      # the subject is no company
])
def test_no_maker_without_a_making_company_subject(tiny_nlp, text):
    assert ("Velmora", "produces", "Z9 chips") not in relation_names(run(tiny_nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize("text,triple,rule", [
    ("The Commerce Department, led by Peter de Vries, issued the rules.",
     ("Peter de Vries", "leads", "Department of Commerce"), "rel:lead-verb"),
    ("Peter de Vries, who heads the Commerce Department, issued the rules.",
     ("Peter de Vries", "leads", "Department of Commerce"), "rel:lead-verb"),
    ("Peter de Vries, who works at Velmora, said the rules were unfair.",
     ("Peter de Vries", "worksFor", "Velmora"), "rel:work-verb"),
])
def test_lead_and_work_verbs(tiny_nlp, text, triple, rule):
    assert rule in _rules(run(tiny_nlp, text), triple)


@pytest.mark.slow
def test_a_lead_verb_needs_the_organisation_as_its_object(tiny_nlp):
    doc = run(tiny_nlp, "Peter de Vries found Velmora guilty and led the inquiry into the Commerce Department.")
    assert not any(p == "leads" for _, p, _ in relation_names(doc))


@pytest.mark.slow
@pytest.mark.parametrize("text,triple,rule", [
    ("Velmora is a Chinese chip designer.", ("Velmora", "headquarteredIn", "China"), "rel:copula-origin"),
    ("The Netherlands joined the European Union long ago.", ("Netherlands", "memberOf", "European Union"),
     "rel:join-verb"),
])
def test_copula_origin_and_join(tiny_nlp, text, triple, rule):
    assert rule in _rules(run(tiny_nlp, text), triple)


@pytest.mark.slow
@pytest.mark.parametrize("text,triple", [
    ("Velmora is not a Chinese chip designer.", ("Velmora", "headquarteredIn", "China")),
    ("China applied to join the European Union.", ("China", "memberOf", "European Union")),
    ("China will join the European Union.", ("China", "memberOf", "European Union")),
])
def test_no_origin_or_membership_when_denied_or_planned(tiny_nlp, text, triple):
    assert triple not in relation_names(run(tiny_nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The Commerce Department issued rules. Pieter Smit, who heads the department, said they were final.",
    "The Commerce Department issued rules. The department, led by Secretary Pieter Smit, said they were final.",
])
def test_a_lead_verb_on_a_bare_kind_leads_the_documents_one_body_of_that_kind(tiny_nlp, text):
    assert "rel:lead-verb-kind" in _rules(run(tiny_nlp, text), ("Pieter Smit", "leads", "Department of Commerce"))


@pytest.mark.slow
def test_a_bare_kind_with_two_bodies_of_that_kind_gives_no_head(tiny_nlp):
    doc = run(tiny_nlp, "The Commerce Department and the Energy Department issued rules. Pieter Smit, who heads "
                        "the department, said they were final.")
    assert not {r for r in relation_names(doc) if r[0] == "Pieter Smit" and r[1] == "leads"}
