"""Document-level conventions on the relations found (kg.nlp.relations_conventions) and the home
country of a minister titled by portfolio only (kg.nlp.relations_titles, rel:title-home)."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


@pytest.mark.slow
def test_body_head_is_not_also_worksfor_its_state(tiny_nlp):
    doc = run(tiny_nlp, "The Commerce Department issued the rules. US Commerce Secretary Peter de Vries said they "
                        "were final.")
    rels = relation_names(doc)
    assert ("Peter de Vries", "leads", "Department of Commerce") in rels
    assert ("Peter de Vries", "worksFor", "United States") not in rels


@pytest.mark.slow
def test_official_titled_by_country_only_keeps_the_state(tiny_nlp):
    doc = run(tiny_nlp, "Dutch Trade Minister Peter de Vries said the rules were final.")
    assert ("Peter de Vries", "worksFor", "Netherlands") in relation_names(doc)


@pytest.mark.slow
def test_foreign_minister_works_for_the_documents_country(tiny_nlp):
    # "Foreign" names the post though it picks no body; the Netherlands is named most often
    doc = run(tiny_nlp, "The Netherlands will ban the app. Foreign Minister Peter de Vries said the Netherlands "
                        "acts alone. China objected.")
    assert ("Peter de Vries", "worksFor", "Netherlands") in relation_names(doc)


@pytest.mark.slow
def test_home_country_on_a_tie_counts_demonyms_then_the_first_mention(tiny_nlp):
    # Netherlands and China are each named once: the Dutch demonym decides
    doc = run(tiny_nlp, "China objected to the Netherlands' plan. Trade Minister Peter de Vries defended the "
                        "Dutch rules.")
    assert ("Peter de Vries", "worksFor", "Netherlands") in relation_names(doc)


def test_home_country_ties_go_to_the_first_mention():
    from kg.nlp.relations_conventions import home_country

    class Sp:
        def __init__(self, id_, start, label="Country"):
            self.id_, self.start, self.label_ = id_, start, label

    assert home_country([Sp("b", 3), Sp("a", 5), Sp("a", 9), Sp("b", 12)]) == "b"
    assert home_country([Sp("b", 3), Sp("a", 5), Sp("a", 9)]) == "a"
    assert home_country([Sp("x", 1, "Company")]) is None


@pytest.mark.slow
def test_an_adviser_to_the_head_of_state_works_for_the_state(tiny_nlp):
    doc = run(tiny_nlp, "A Dutch diplomatic adviser to the President of the Netherlands, John Carter, accused China.")
    rels = relation_names(doc)
    assert ("John Carter", "worksFor", "Netherlands") in rels
    assert ("John Carter", "leads", "Netherlands") not in rels


@pytest.fixture(scope="module")
def party_nlp(tiny_gazetteer):
    from kg.link.gazetteer import GazEntry, Gazetteer
    from kg.nlp.gazetteer_registry import register_gazetteer
    from kg.nlp.pipeline import build_pipeline

    register_gazetteer("tiny-parties", Gazetteer([
        *tiny_gazetteer.entries,
        GazEntry("Freedom Party of the Netherlands", "GovernmentBody"),
        GazEntry("Dutch Trade Office", "GovernmentBody")]))
    return build_pipeline(gazetteer="tiny-parties", rules_only=True)


@pytest.mark.slow
def test_a_political_party_is_no_body_of_the_state(party_nlp):
    doc = run(party_nlp, "The Netherlands restricted exports. The Freedom Party of the Netherlands and the Dutch "
                         "Trade Office welcomed the Netherlands' decision.")
    rels = relation_names(doc)
    assert ("Dutch Trade Office", "partOf", "Netherlands") in rels
    assert ("Freedom Party of the Netherlands", "partOf", "Netherlands") not in rels



@pytest.mark.slow
def test_a_european_court_is_no_body_of_a_state(party_nlp):
    # a body the gazetteer does not know would otherwise go to the document's dominant country
    doc = run(party_nlp, "The Netherlands restricted exports. Exporters took the Netherlands to the European Court "
                         "of Fair Trade.")
    assert ("European Court of Fair Trade", "partOf", "Netherlands") not in relation_names(doc)


@pytest.mark.slow
def test_a_regional_head_does_not_lead_the_country_of_the_sentence(tiny_nlp):
    doc = run(tiny_nlp, "Bavarian Premier John Carter said the deal would hurt trade with China.")
    assert ("John Carter", "leads", "China") not in relation_names(doc)
    # without the regional qualifier, the one country of the sentence is the guess
    doc = run(tiny_nlp, "Premier John Carter said the deal would help trade with China.")
    assert ("John Carter", "leads", "China") in relation_names(doc)


@pytest.mark.slow
def test_an_acting_head_leads(tiny_nlp):
    doc = run(tiny_nlp, "The Commerce Department issued the rule. John Carter, the acting director of the Commerce "
                        "Department, said it was final.")
    rels = relation_names(doc)
    assert ("John Carter", "leads", "Department of Commerce") in rels
    assert ("John Carter", "worksFor", "Department of Commerce") not in rels


@pytest.mark.slow
def test_a_bare_kind_of_body_in_the_title_is_the_documents_one_such_body(tiny_nlp):
    doc = run(tiny_nlp, "The Ministry of Commerce announced new rules. Ministry spokesperson John Carter said they "
                        "take effect in May.")
    assert ("John Carter", "worksFor", "Ministry of Commerce") in relation_names(doc)
    # two ministries: no guess
    doc = run(tiny_nlp, "The Ministry of Commerce and the Ministry of Finance announced new rules. Ministry "
                        "spokesperson John Carter said they take effect in May.")
    assert not any(s == "John Carter" and p == "worksFor" for s, p, _ in relation_names(doc))
