"""Title phrases around a person (kg.nlp.relations_titles): which words before a person make a title."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


@pytest.fixture(scope="module")
def leads_nlp(tiny_gazetteer):
    from kg.link.gazetteer import GazEntry, Gazetteer
    from kg.nlp.gazetteer_registry import register_gazetteer
    from kg.nlp.pipeline import build_pipeline

    register_gazetteer("tiny-titles", Gazetteer([
        *tiny_gazetteer.entries,
        GazEntry("Tom Harlow", "Person", aliases=("President Harlow", "Harlow"), leads="United States")]))
    return build_pipeline(gazetteer="tiny-titles", rules_only=True)


@pytest.mark.slow
def test_words_before_a_comma_are_not_part_of_the_title(leads_nlp):
    # the title is inside the mention ("President Harlow"); "Yesterday" before the comma names no portfolio
    doc = run(leads_nlp, "Yesterday, President Harlow signed an order on Chinese chips.")
    assert ("Tom Harlow", "leads", "United States") in relation_names(doc)


@pytest.mark.slow
@pytest.mark.parametrize("text,triple", [
    # a lower-case title after the person, between commas, with its portfolio word
    ("The Commerce Department issued the rules. Peter de Vries, the US commerce secretary, said they were final.",
     ("Peter de Vries", "leads", "Department of Commerce")),
    ("Peter de Vries, the Dutch trade minister, said the rules were final.",
     ("Peter de Vries", "worksFor", "Netherlands")),
    ("Peter de Vries, the Netherlands' IT minister, said the rules were final.",  # an acronym in the title
     ("Peter de Vries", "worksFor", "Netherlands")),
    # a body that opens the phrase employs the person
    ("Peter de Vries, the Commerce Department's director, said the rules were final.",
     ("Peter de Vries", "leads", "Department of Commerce")),
    # the head of a unit of the body ("<head title> for <area> at <body>") works for the body
    ("Peter de Vries, the director general for exports at the Commerce Department, said the rules were final.",
     ("Peter de Vries", "worksFor", "Department of Commerce")),
    # a title that implies its portfolio, with no such body in the text, works for the state
    ("Peter de Vries, the Dutch treasurer, said the rules were final.", ("Peter de Vries", "worksFor", "Netherlands")),
    # a lower-case portfolio after "<title> for" before the person
    ("But the Netherlands' minister for research Peter de Vries named the company.",
     ("Peter de Vries", "worksFor", "Netherlands")),
])
def test_title_after_the_person(tiny_nlp, text, triple):
    rels = relation_names(run(tiny_nlp, text))
    assert triple in rels
    other = "worksFor" if triple[1] == "leads" else "leads"
    assert (triple[0], other, triple[2]) not in rels


@pytest.mark.slow
@pytest.mark.parametrize("title,triple", [
    ("Under Secretary", ("Peter de Vries", "leads", "Bureau of Industry and Security")),
    ("Deputy Secretary", ("Peter de Vries", "worksFor", "Department of Commerce")),  # a deputy heads nothing
])
def test_unit_named_after_for_in_a_subordinate_title(tiny_nlp, title, triple):
    # the department is named before "for", the unit the official heads after it
    doc = run(tiny_nlp, "The Commerce Department and the Bureau of Industry and Security issued the rule. "
                        f"{title} of Commerce for Industry and Security Peter de Vries defended it.")
    assert triple in relation_names(doc)


@pytest.mark.slow
def test_secretary_of_state_heads_the_state_department(nlp):
    rels = relation_names(run(nlp, "The State Department said the rules apply. Secretary of State Anna Vos said "
                                   "the list would grow."))
    assert ("Anna Vos", "leads", "Department of State") in rels


@pytest.mark.slow
def test_an_administration_alone_makes_no_leader(leads_nlp):
    # the gold leaves out a person named only in "the X administration" (no country in the sentence)
    doc = run(leads_nlp, "The Harlow administration added Qorvane to the list on Tuesday.")
    assert not any(p == "leads" for _, p, _ in relation_names(doc))


@pytest.mark.slow
@pytest.mark.parametrize("text,triple", [
    # "Gov." / "Governor" with no state beside it: the one federal state the document has acting
    ("Oregon became the second state to restrict the drones. Gov. Maria Lindqvist signed the bill on Friday.",
     ("Maria Lindqvist", "leads", "Oregon")),
    ("Ohio lawmakers passed the ban in May. Governor Maria Lindqvist signed it on Friday.",
     ("Maria Lindqvist", "leads", "Ohio")),
])
def test_governor_leads_the_documents_federal_state(nlp, text, triple):
    assert triple in relation_names(run(nlp, text))


@pytest.mark.slow
def test_governor_with_two_federal_states_leads_neither(nlp):
    doc = run(nlp, "Ohio lawmakers and Oregon lawmakers passed bans in May. Gov. Maria Lindqvist signed one.")
    assert not any(s == "Maria Lindqvist" and p == "leads" for s, p, _ in relation_names(doc))
