"""Relations read off names and membership phrases; the ownership cue of gazetteer products."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from kg.models import Entity
from kg.nlp.relations_names import name_relations
from nlp_helpers import relation_names, run


def _mentions(doc, marks):
    """Spans with labels and keys from (start, end, type, key, name) and the entities they make."""
    spans, ents = [], {}
    for s, e, t, key, name in marks:
        sp = Span(doc, s, e, label=t)
        sp.id_ = key
        spans.append(sp)
        ents[key] = Entity(key=key, type=t, name=name)
    return spans, ents


def test_place_in_a_company_name_gives_headquarters(blank_nlp, tiny_gazetteer):
    # a place inside a country (home_places) written in a company's name, with other capitalised words
    doc = blank_nlp.make_doc("Chengdu Zorvia Microelectronics was listed . Hokkaido was too . China objected .")
    china = tiny_gazetteer.by_name("China").key
    spans, ents = _mentions(doc, [(0, 3, "Company", "company/zorvia", "Chengdu Zorvia Microelectronics"),
                                  (5, 6, "Company", "company/hokkaido", "Hokkaido"),
                                  (9, 10, "Country", china, "China")])
    got = {(r, s, p, o) for r, s, p, o, _ in name_relations(tiny_gazetteer, spans, ents, set())}
    assert got == {("rel:name-country", "company/zorvia", "headquarteredIn", china)}  # a bare place names no firm


def test_name_country_gives_headquarters(blank_nlp, tiny_gazetteer):
    doc = blank_nlp.make_doc("Zorvia Bank of China lent money . China welcomed it .")
    china = tiny_gazetteer.by_name("China").key
    spans, ents = _mentions(doc, [(0, 4, "Company", "company/zorvia", "Zorvia Bank of China"),
                                  (7, 8, "Country", china, "China")])
    got = {(r, s, p, o) for r, s, p, o, _ in name_relations(tiny_gazetteer, spans, ents, set())}
    assert got == {("rel:name-country", "company/zorvia", "headquarteredIn", china)}
    # the country written only inside the name is not enough; an earlier rule is not second-guessed
    assert not list(name_relations(tiny_gazetteer, spans[:1], ents, set()))
    assert not list(name_relations(tiny_gazetteer, spans, ents, {("company/zorvia", "headquarteredIn")}))


def test_name_maker_gives_produces(blank_nlp, tiny_gazetteer):
    doc = blank_nlp.make_doc("Qorvane said the Qorvane Cloud and Cloud Nine failed .")
    spans, ents = _mentions(doc, [(0, 1, "Company", "company/qorvane", "Qorvane"),
                                  (3, 5, "Technology", "tech/qorvane-cloud", "Qorvane Cloud"),
                                  (6, 8, "Technology", "tech/cloud-nine", "Cloud Nine")])
    got = {(s, p, o) for _, s, p, o, _ in name_relations(tiny_gazetteer, spans, ents, set())}
    assert got == {("company/qorvane", "produces", "tech/qorvane-cloud")}


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Qorvane said its Z9 chips sold out.", True),
    ("Buyers compared Qorvane and the Z9 chips last year.", False),
])
def test_gazetteer_produces_needs_an_ownership_cue(tiny_nlp, text, expected):
    assert (("Qorvane", "produces", "Z9 chips") in relation_names(run(tiny_nlp, text))) is expected


@pytest.mark.slow
def test_member_list_after_the_bloc(tiny_nlp):
    doc = run(tiny_nlp, "Two founding members of the EU – China and the United States – objected.")
    rels = relation_names(doc)
    assert {("China", "memberOf", "European Union"), ("United States", "memberOf", "European Union")} <= rels


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("The Netherlands, an EU member, disagreed on Tuesday.", True),
    ("EU officials met the Netherlands trade envoy, and members of the press asked questions.", False),
])
def test_gazetteer_membership_needs_the_word_next_to_the_bloc(tiny_nlp, text, expected):
    assert (("Netherlands", "memberOf", "European Union") in relation_names(run(tiny_nlp, text))) is expected


@pytest.mark.slow
@pytest.mark.parametrize("text,triple,expected", [
    ("Regulators fined Qorvane on Monday. The Chinese chipmaker said it would appeal.",
     ("Qorvane", "headquarteredIn", "China"), True),
    # the gazetteer places Velmora in the Netherlands: the description is of another firm
    ("Regulators fined Velmora on Monday. The Chinese chipmaker said it would appeal.",
     ("Velmora", "headquarteredIn", "China"), False),
    # a name after the description: that name is the one described
    ("Regulators fined Qorvane on Monday. The Chinese chipmaker Zorblax said it would appeal.",
     ("Qorvane", "headquarteredIn", "China"), False),
])
def test_definite_description_places_the_named_firm(tiny_nlp, text, triple, expected):
    assert (triple in relation_names(run(tiny_nlp, text))) is expected


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("China said on Monday that the state-owned Zorvia Mining would expand. China wants more output.", True),
    ("China said on Monday that the state copper company, Zorvia Mining, would expand. China wants more output.",
     True),
    ("China said that Zorvia Mining would expand. China wants more output.", False),
])
def test_state_owned_company_is_based_in_the_dominant_country(tiny_nlp, text, expected):
    assert (("Zorvia Mining", "headquarteredIn", "China") in relation_names(run(tiny_nlp, text))) is expected
