"""Employees named by a title next to their organisation (kg.nlp.relations, kg.nlp.relations_cues):
prepositions "with"/"from", a possessive before the title, courtesy words after it."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


@pytest.mark.slow
@pytest.mark.parametrize("text,triple", [
    ("John Carter, an analyst with Qorvane, said the ban would hurt.", ("John Carter", "worksFor", "Qorvane")),
    ("John Carter, an engineer from Qorvane, said the ban would hurt.", ("John Carter", "worksFor", "Qorvane")),
    ("Qorvane's chief financial officer John Carter said the ban would hurt.",
     ("John Carter", "worksFor", "Qorvane")),
    ("Qorvane chairman Dr. John Carter said the ban would hurt.", ("John Carter", "leads", "Qorvane")),
    ("Qorvane chairperson advocate John Carter said the ban would hurt.", ("John Carter", "leads", "Qorvane")),
    ("John Carter, a senior fellow at the Qorvane, said the ban would hurt.",
     ("John Carter", "worksFor", "Qorvane")),
])
def test_employee_patterns(tiny_nlp, text, triple):
    assert triple in relation_names(run(tiny_nlp, text))


@pytest.mark.slow
def test_a_visitor_from_a_company_is_not_its_employee(tiny_nlp):
    # "from" counts only after a title word
    doc = run(tiny_nlp, "John Carter, a visitor from Qorvane, said the ban would hurt.")
    assert not any(s == "John Carter" for s, _, _ in relation_names(doc))


@pytest.mark.slow
@pytest.mark.parametrize("text,triple", [
    ("John Carter, Qorvane's co-founder and chief executive, said the rules were harmful.",
     ("John Carter", "leads", "Qorvane")),
    ("John Carter, Qorvane's vice president for policy, said the rules were harmful.",
     ("John Carter", "worksFor", "Qorvane")),
    ("John Carter, Qorvane's spokesperson, said the rules were harmful.", ("John Carter", "worksFor", "Qorvane")),
    # the title after "its" names the head of the subject company (not an employee's "executive")
    ("Qorvane said its chief executive, John Carter, would travel to Beijing.", ("John Carter", "leads", "Qorvane")),
])
def test_possessive_title_after_the_person(tiny_nlp, text, triple):
    assert triple in relation_names(run(tiny_nlp, text))


@pytest.mark.slow
def test_a_possessive_phrase_without_a_title_is_no_relation(tiny_nlp):
    doc = run(tiny_nlp, "John Carter, Qorvane's biggest customer, said the rules were harmful.")
    assert not any(s == "John Carter" for s, _, _ in relation_names(doc))


@pytest.mark.slow
def test_a_persons_government_makes_the_person_its_head(tiny_nlp):
    doc = run(tiny_nlp, "John Carter's government has banned Qorvane equipment in the Netherlands.")
    assert ("John Carter", "leads", "Netherlands") in relation_names(doc)
    # two countries named: no guess
    doc = run(tiny_nlp, "John Carter's government has banned Chinese equipment in the Netherlands and the United "
                        "States.")
    assert not any(s == "John Carter" and p == "leads" for s, p, _ in relation_names(doc))
