"""NER organisations that are people: a surname the text uses for a person, a leading title."""
from __future__ import annotations

from nlp_helpers import entities_by_name, run


def test_org_whose_surname_the_text_uses_for_a_person_is_a_person(nlp):
    doc = run(nlp, "Two former CSIS directors, Ward Elcock and Richard Fadden, recently voiced their concerns "
                   "about the takeover. Mr. Fadden said the deal was risky. Elcock said it was unwise.")
    ents = entities_by_name(doc)
    assert ents["Richard Fadden"].type == "Person" and ents["Ward Elcock"].type == "Person"
    assert "Fadden" not in ents


def test_org_with_a_leading_title_is_the_person_after_it(nlp):
    doc = run(nlp, "The firm's CEO, Martin Goetzeler and COO Bernd Schulte will continue to run the company.")
    ents = entities_by_name(doc)
    assert "COO Bernd Schulte" not in ents
    assert ents["Bernd Schulte"].type == "Person"


def test_ner_name_ends_at_an_unclosed_parenthesis(nlp):
    doc = run(nlp, "While still under analysis at CAE (Economic Affairs Committee)the matter received a favorable "
                   "opinion.")
    assert not any("(" in name for name in entities_by_name(doc))


def test_titled_person_coordinated_with_a_company_stays_a_person(nlp):
    # "X and Intel ...": a name coordinated with a company is one only when no person's title stands beside it
    doc = run(nlp, "The deal will be signed by Scholz economic adviser Joerg Kukies and Intel executive vice "
                   "president of operations Keyvan Esfarjani.")
    ents = entities_by_name(doc)
    assert ents["Joerg Kukies"].type == "Person"
