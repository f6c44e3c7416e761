"""Titles after a person whose organisation is written after a country ("the chairman of Netherlands-based
X", "an official at China's Ministry of Commerce"), subordinate heads ("deputy director of X"), and
"Under President X" (kg.nlp.relations, kg.nlp.relations_titles)."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


@pytest.mark.slow
@pytest.mark.parametrize("text,triple", [
    ("Anna Vos, the chairman of Netherlands-based Lumora Systems, said the deal was off.",
     ("Anna Vos", "leads", "Lumora Systems")),
    ("Anna Vos, a senior official at China's Ministry of Commerce, said the list would grow.",
     ("Anna Vos", "worksFor", "Ministry of Commerce")),
    ("The regulators met on Monday, and Anna Vos, deputy president of MOFCOM, spoke.",
     ("Anna Vos", "worksFor", "Ministry of Commerce")),
])
def test_title_after_the_person_names_the_organisation(tiny_nlp, text, triple):
    rels = relation_names(run(tiny_nlp, text))
    assert triple in rels
    assert ("Anna Vos", "worksFor", "Netherlands") not in rels
    assert triple[1] == "leads" or (triple[0], "leads", triple[2]) not in rels


@pytest.mark.slow
def test_under_president_is_the_president(nlp):
    text = ("The United States will act on chips. “Under President Trump, Treasury is committed to "
            "protecting Americans,” the department said.")
    assert ("Donald Trump", "leads", "United States") in relation_names(run(nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("In a post, Qorvane SVP of global affairs and chief legal officer Anna Vos called the suit flawed.", True),
    ("Qorvane said on Monday that its new factory would employ Anna Vos.", False),  # no title, a verb between
])
def test_long_title_between_company_and_person(tiny_nlp, text, expected):
    assert (("Anna Vos", "worksFor", "Qorvane") in relation_names(run(tiny_nlp, text))) == expected
