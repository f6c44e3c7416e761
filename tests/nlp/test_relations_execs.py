"""rel:exec-nearby (kg.nlp.relations_execs): an executive titled without a company beside the title
belongs to the one company of the sentence, else of the sentence before; long vice-president titles
after the company (kg.nlp.relations, rel:title-org)."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


@pytest.mark.slow
def test_a_chief_executive_leads_the_company_of_the_sentence_before(tiny_nlp):
    doc = run(tiny_nlp, "Qorvane makes Z9 chips. CEO and co-founder Pieter Smit said it would grow.")
    assert ("Pieter Smit", "leads", "Qorvane") in relation_names(doc)


@pytest.mark.slow
def test_another_executive_works_for_the_company(tiny_nlp):
    doc = run(tiny_nlp, "Qorvane's CEO, Jan Berg and COO Pieter Smit will stay on after the deal.")
    rels = relation_names(doc)
    assert ("Pieter Smit", "worksFor", "Qorvane") in rels
    assert ("Pieter Smit", "leads", "Qorvane") not in rels


@pytest.mark.slow
def test_a_title_after_another_name_is_that_organisations(tiny_nlp):
    # "Brightwave" is no known company, but it owns the title, not Qorvane
    doc = run(tiny_nlp, "Qorvane makes Z9 chips. Brightwave CEO Pieter Smit said it would grow.")
    assert not {r for r in relation_names(doc) if r[0] == "Pieter Smit"}


@pytest.mark.slow
def test_two_companies_give_no_guess(tiny_nlp):
    doc = run(tiny_nlp, "Qorvane and Velmora make Z9 chips. Chairman Pieter Smit said they would grow.")
    assert not {r for r in relation_names(doc) if r[0] == "Pieter Smit"}


@pytest.mark.slow
def test_a_chair_beside_a_government_body_is_not_a_company_head(tiny_nlp):
    doc = run(tiny_nlp, "Qorvane makes Z9 chips. The Commerce Department objected, chairman Pieter Smit said.")
    assert ("Pieter Smit", "leads", "Qorvane") not in relation_names(doc)


@pytest.mark.slow
def test_a_long_vice_president_title_after_the_company_works_for_it(tiny_nlp):
    # kg.nlp.relations, rel:title-org: the title's head before "of" ends in "vice president"
    for text in ("The deal was signed by Qorvane executive vice president of sales Pieter Smit.",
                 "The deal was signed by Qorvane senior vice president Pieter Smit."):
        rels = relation_names(run(tiny_nlp, text))
        assert ("Pieter Smit", "worksFor", "Qorvane") in rels, text
        assert ("Pieter Smit", "leads", "Qorvane") not in rels, text
