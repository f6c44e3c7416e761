"""Officials titled without a body (kg.nlp.relations_titles): advisers placed in the government of the
document's country or of the head of state they serve, and the state's second ("Vice President X",
"Deputy Prime Minister X") who works for the state; a European Commissioner works for the Commission."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


@pytest.fixture(scope="module")
def boss_nlp(tiny_gazetteer):
    from kg.link.gazetteer import GazEntry, Gazetteer
    from kg.nlp.gazetteer_registry import register_gazetteer
    from kg.nlp.pipeline import build_pipeline

    register_gazetteer("tiny-bosses", Gazetteer([
        *tiny_gazetteer.entries,
        GazEntry("Hendrik Voskuil", "Person", leads="Netherlands")]))
    return build_pipeline(gazetteer="tiny-bosses", rules_only=True)


@pytest.mark.slow
def test_an_adviser_named_by_post_works_for_the_documents_country(tiny_nlp):
    doc = run(tiny_nlp, "The Netherlands will curb chip exports. Economic adviser Pieter Smit said the Netherlands "
                        "acts alone. China objected.")
    assert ("Pieter Smit", "worksFor", "Netherlands") in relation_names(doc)


@pytest.mark.slow
def test_an_adviser_of_a_head_of_state_works_for_the_state_that_person_leads(boss_nlp):
    # China is named most, but the adviser serves the Dutch leader
    doc = run(boss_nlp, "China protested. China said it would respond to the Netherlands. Hendrik Voskuil's "
                        "security adviser Pieter Smit met officials from China.")
    rels = relation_names(doc)
    assert ("Pieter Smit", "worksFor", "Netherlands") in rels
    assert ("Pieter Smit", "worksFor", "China") not in rels


@pytest.mark.slow
def test_a_deputy_prime_minister_works_for_the_state(tiny_nlp):
    doc = run(tiny_nlp, "The Netherlands will curb chip exports. Deputy Prime Minister Pieter Smit said the "
                        "Netherlands acts alone.")
    rels = relation_names(doc)
    assert ("Pieter Smit", "worksFor", "Netherlands") in rels
    assert ("Pieter Smit", "leads", "Netherlands") not in rels


@pytest.mark.slow
def test_a_vice_premier_of_a_named_state_works_for_it(tiny_nlp):
    doc = run(tiny_nlp, "China's Vice Premier Li Wenhao said the rules were final.")
    rels = relation_names(doc)
    assert ("Li Wenhao", "worksFor", "China") in rels
    assert ("Li Wenhao", "leads", "China") not in rels


@pytest.mark.slow
def test_a_former_president_gets_no_relation_from_the_title(tiny_nlp):
    doc = run(tiny_nlp, "The Netherlands will curb chip exports. Former President Pieter Smit said the Netherlands "
                        "acts alone.")
    assert not {r for r in relation_names(doc) if r[0] == "Pieter Smit" and r[2] == "Netherlands"}


@pytest.fixture(scope="module")
def eu_nlp(tiny_gazetteer):
    from kg.link.gazetteer import GazEntry, Gazetteer
    from kg.nlp.gazetteer_registry import register_gazetteer
    from kg.nlp.pipeline import build_pipeline

    register_gazetteer("tiny-eu", Gazetteer([
        *tiny_gazetteer.entries,
        GazEntry("European Commission", "GovernmentBody", aliases=("the Commission",), parent="European Union")]))
    return build_pipeline(gazetteer="tiny-eu", rules_only=True)


@pytest.mark.slow
def test_a_european_commissioner_works_for_the_commission(eu_nlp):
    doc = run(eu_nlp, "The European Commission fined Qorvane. European Commissioner for competition Pieter Smit "
                      "said the fine was final.")
    rels = relation_names(doc)
    assert ("Pieter Smit", "worksFor", "European Commission") in rels
    assert ("Pieter Smit", "leads", "European Commission") not in rels


@pytest.mark.slow
def test_a_european_commissioner_works_for_the_union_without_the_commission(tiny_nlp):
    doc = run(tiny_nlp, "The EU fined Qorvane. European Commissioner for competition Pieter Smit said the fine "
                        "was final.")
    assert ("Pieter Smit", "worksFor", "European Union") in relation_names(doc)


@pytest.fixture(scope="module")
def mfa_nlp(tiny_gazetteer):
    from kg.link.gazetteer import GazEntry, Gazetteer
    from kg.nlp.gazetteer_registry import register_gazetteer
    from kg.nlp.pipeline import build_pipeline

    register_gazetteer("tiny-mfa", Gazetteer([
        *tiny_gazetteer.entries,
        GazEntry("Ministry of Foreign Affairs of the Netherlands", "GovernmentBody",
                 aliases=("Dutch Foreign Ministry",), parent="Netherlands")]))
    return build_pipeline(gazetteer="tiny-mfa", rules_only=True)


@pytest.mark.slow
def test_a_foreign_minister_leads_the_foreign_ministry_the_text_names(mfa_nlp):
    doc = run(mfa_nlp, "The Dutch Foreign Ministry summoned the envoy. Foreign Minister Pieter Smit said the "
                       "Netherlands would respond.")
    rels = relation_names(doc)
    assert ("Pieter Smit", "leads", "Ministry of Foreign Affairs of the Netherlands") in rels
    assert ("Pieter Smit", "worksFor", "Netherlands") not in rels
