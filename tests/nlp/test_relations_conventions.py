"""Relations the annotation guide makes unmistakable (../shared/eval/GUIDE.md, Relations): every
named government body of a named state is partOf it; heads lead, other officials work for."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


def _rules(doc, triple):
    ents = doc._.kg_entities
    return {e.rule for r in doc._.kg_relations
            if (ents[r.subject].name, r.predicate, ents[r.object].name) == triple for e in r.evidence}


@pytest.mark.slow
def test_part_of_gazetteer_parent_anywhere_in_the_document(tiny_nlp):
    doc = run(tiny_nlp, "The Ministry of Commerce announced new rules on Monday. Chinese exporters complained.")
    triple = ("Ministry of Commerce", "partOf", "China")
    assert triple in relation_names(doc)
    assert "rel:body-gazetteer-parent" in _rules(doc, triple)


@pytest.mark.slow
def test_part_of_unmentioned_parent_only_when_no_other_state(tiny_nlp):
    alone = run(tiny_nlp, "The Commerce Department published the rule on Friday.")
    other = run(tiny_nlp, "The Commerce Department published the rule. Dutch suppliers objected.")
    assert ("Department of Commerce", "partOf", "United States") in relation_names(alone)
    assert ("Department of Commerce", "partOf", "United States") not in relation_names(other)


@pytest.mark.slow
def test_generic_body_names_get_no_home_country(tiny_nlp):
    doc = run(tiny_nlp, "China restricted exports. China said the Council would meet. China acted.")
    assert not any(s == "Council" and p == "partOf" for s, p, _ in relation_names(doc))


@pytest.mark.slow
@pytest.mark.parametrize("text,triple,rule", [
    ("The Commerce Department issued the rule. Commerce Secretary Anna Brell said it was needed.",
     ("Anna Brell", "leads", "Department of Commerce"), "rel:title-body-head"),
    ("The Commerce Department issued the rule. Deputy Secretary of Commerce Tom Harlow defended it.",
     ("Tom Harlow", "worksFor", "Department of Commerce"), "rel:title-body-staff"),
    ("China's Prime Minister Wang Dapeng visited Paris on Monday.",
     ("Wang Dapeng", "leads", "China"), "rel:title-state-head"),
    ("The rules were defended by Anke Verhoef, the Dutch ambassador, on Monday.",
     ("Anke Verhoef", "worksFor", "Netherlands"), "rel:title-country"),
])
def test_title_phrases(tiny_nlp, text, triple, rule):
    doc = run(tiny_nlp, text)
    assert triple in relation_names(doc)
    assert rule in _rules(doc, triple)


@pytest.mark.slow
def test_a_head_is_not_also_works_for(tiny_nlp):
    doc = run(tiny_nlp, "China's Prime Minister Wang Dapeng visited Paris on Monday.")
    assert ("Wang Dapeng", "worksFor", "China") not in relation_names(doc)


@pytest.mark.slow
def test_minister_without_ministry_works_for_the_home_country(tiny_nlp):
    doc = run(tiny_nlp, "The Netherlands restricted exports. The Netherlands acted again. "
                        "Trade Minister Anke Verhoef said the rules were needed.")
    assert ("Anke Verhoef", "worksFor", "Netherlands") in relation_names(doc)
    assert "rel:title-home" in _rules(doc, ("Anke Verhoef", "worksFor", "Netherlands"))


def test_title_words_are_data():
    from kg.nlp import relations_titles as T

    assert "attorney general" in T.TITLES and T.IMPLIED["attorney general"] == "justice"
    assert T._titles_in(["under", "secretary", "of", "commerce"]) == [(1, "secretary")]
    assert T._titles_in(["white", "house", "press", "secretary"]) == [(2, "press secretary")]


@pytest.mark.slow
@pytest.mark.parametrize("text,triple", [
    ("The list names Dutch high-tech security firms like Velmora.", ("Velmora", "headquarteredIn", "Netherlands")),
    ("Chips from the Chinese state-backed group Qorvane were approved.", ("Qorvane", "headquarteredIn", "China")),
    ("Regulators fined Velmora, a Dutch short-video app, on Monday.", ("Velmora", "headquarteredIn", "Netherlands")),
])
def test_origin_phrases(tiny_nlp, text, triple):
    assert triple in relation_names(run(tiny_nlp, text))


def test_origin_phrase_needs_a_cue_noun_last(blank_nlp):
    from kg.nlp.relations_cues import origin_phrase

    doc = blank_nlp.make_doc("security firms such as and the officials said")
    assert origin_phrase(doc[0:4])
    assert not origin_phrase(doc[6:8])


@pytest.mark.slow
def test_company_president_works_for_it(tiny_nlp):
    doc = run(tiny_nlp, "Qorvane president Tom Harlow told lawmakers the chips were safe.")
    assert ("Tom Harlow", "worksFor", "Qorvane") in relation_names(doc)
    assert ("Tom Harlow", "leads", "Qorvane") not in relation_names(doc)


@pytest.mark.slow
def test_bare_minister_gets_no_home_country(tiny_nlp):
    doc = run(tiny_nlp, "The Netherlands restricted exports. The Netherlands acted again. "
                        "Minister Anke Verhoef said the rules were needed.")
    assert ("Anke Verhoef", "worksFor", "Netherlands") not in relation_names(doc)


@pytest.mark.slow
@pytest.mark.parametrize("text,triple", [
    ("The sanctions hit firms that traded with Wang Dapeng's China in the 1990s.", ("Wang Dapeng", "leads", "China")),
    ("The plant will close, said Anke Verhoef, a spokeswoman for Velmora, on Monday.",
     ("Anke Verhoef", "worksFor", "Velmora")),
])
def test_ruler_possessive_and_title_for(tiny_nlp, text, triple):
    assert triple in relation_names(run(tiny_nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize("text,triple,rule", [
    ("The head of the Commerce Department, Tom Harlow, wrote a letter.",
     ("Tom Harlow", "leads", "Department of Commerce"), "rel:title-of-org"),
    ("The Commerce Department's Tom Harlow wrote a letter.",
     ("Tom Harlow", "worksFor", "Department of Commerce"), "rel:possessive-person"),
    ("This is serious, said US Attorney Tom Harlow on Monday.",
     ("Tom Harlow", "worksFor", "United States"), "rel:title-country"),
])
def test_title_before_the_organisation_and_possessive_employer(tiny_nlp, text, triple, rule):
    doc = run(tiny_nlp, text)
    assert rule in _rules(doc, triple)


@pytest.mark.slow
def test_gazetteer_leads_needs_a_head_word_by_the_person(tiny_nlp, tiny_gazetteer):
    from kg.link.gazetteer import GazEntry, Gazetteer
    from kg.nlp.gazetteer_registry import register_gazetteer
    from kg.nlp.pipeline import build_pipeline

    register_gazetteer("tiny-leads", Gazetteer([*tiny_gazetteer.entries,
                                                GazEntry("Tom Harlow", "Person", leads="Qorvane")]))
    nlp = build_pipeline(gazetteer="tiny-leads", rules_only=True)
    plain = run(nlp, "Qorvane's Tom Harlow met buyers on Monday.")
    titled = run(nlp, "Qorvane chief executive Tom Harlow met buyers on Monday.")
    assert ("Tom Harlow", "leads", "Qorvane") not in relation_names(plain)
    assert ("Tom Harlow", "worksFor", "Qorvane") in relation_names(plain)
    assert ("Tom Harlow", "leads", "Qorvane") in relation_names(titled)


@pytest.mark.slow
def test_generic_body_name_of_the_one_bloc(tiny_gazetteer):
    from kg.link.gazetteer import GazEntry, Gazetteer
    from kg.nlp.gazetteer_registry import register_gazetteer
    from kg.nlp.pipeline import build_pipeline

    register_gazetteer("tiny-ec", Gazetteer([*tiny_gazetteer.entries,
                                             GazEntry("European Commission", "GovernmentBody",
                                                      parent="European Union")]))
    nlp = build_pipeline(gazetteer="tiny-ec", rules_only=True)
    doc = run(nlp, "The EU said the Commission would act. The Council agreed.")
    assert "rel:body-bloc-generic" in _rules(doc, ("Commission", "partOf", "European Union"))
    assert not any(s == "Council" for s, _, _ in relation_names(doc))  # no EU body is named "Council" here


@pytest.mark.slow
def test_title_phrase_takes_lower_case_modifiers_of_the_title(tiny_nlp):
    doc = run(tiny_nlp, "On Monday, EU foreign policy chief Tom Harlow visited Beijing.")
    assert "rel:title-country" in _rules(doc, ("Tom Harlow", "worksFor", "European Union"))


@pytest.mark.slow
def test_eu_agency_is_part_of_the_eu_not_the_dominant_country(nlp):
    # the shipped gazetteer places EU agencies; without an entry the body took the story's country
    doc = run(nlp, "The EU backed the plan. France said the European Research Council would fund labs in France. "
                   "France agreed.")
    assert ("European Research Council", "partOf", "European Union") in relation_names(doc)
    assert ("European Research Council", "partOf", "France") not in relation_names(doc)


@pytest.mark.slow
def test_body_is_of_the_demonym_in_its_sentence_over_the_dominant_country(nlp):
    text = ("The United States restricted chip exports. The United States said the rules apply now. Cameras were "
            "removed from Australian government offices run by the Ministry of Digital Affairs, officials said.")
    rels = relation_names(run(nlp, text))
    assert ("Ministry of Digital Affairs", "partOf", "Australia") in rels
    assert ("Ministry of Digital Affairs", "partOf", "United States") not in rels


@pytest.mark.slow
def test_generic_gazetteer_body_of_an_absent_state_is_the_documents(nlp):
    text = ("Vietnam will require data storage. Foreign firms must store data in Vietnam if the Ministry of "
            "Public Security asks, the decree says.")
    assert ("Ministry of Public Security", "partOf", "Vietnam") in relation_names(run(nlp, text))


@pytest.mark.slow
def test_a_countrys_government_is_no_body_of_it(nlp):
    rels = relation_names(run(nlp, "The UK Government blocked the deal on Monday. The UK Government said "
                                   "Britain's security came first."))
    assert not [r for r in rels if r[0] == "UK Government" and r[1] == "partOf"]
