"""NER names re-typed or dropped: named programmes are Legislation (programme_name); a capitalised phrase the
text also writes in lower case is no company (common_phrase)."""
from __future__ import annotations

import pytest
import spacy

from kg.nlp.entities.ner import programme_name

_NLP = spacy.blank("en")


def _span(text: str):
    doc = _NLP(text)
    return doc[0:len(doc)]


@pytest.mark.parametrize("name", ["Advanced Research Approval Scheme", "National Program for Nurses",
                                  "Clean Hydrogen Production Tax Credit", "Frontier Talent Visa",
                                  "Digital Nomad Pass"])
def test_programme_names(name):
    assert programme_name(_span(name))


@pytest.mark.parametrize("name", ["Scheme", "Velmora Holdings Plan", "Zentrix Systems Initiative",
                                  "Northwind Growth Fund", "Harbor Bridge Project", "Lumo Corp Program for Kids"])
def test_not_programme_names(name):
    assert not programme_name(_span(name))


def test_common_phrase_written_in_lower_case_elsewhere():
    from kg.nlp.entities.ner import common_phrase

    doc = _NLP("Rules on Cloud Storage apply. Firms must review their cloud storage. Velmora Cloud agreed.")
    assert common_phrase(doc[2:4], doc.text)  # "Cloud Storage" beside "cloud storage"
    assert not common_phrase(doc[15:17], doc.text)  # "Velmora Cloud": never in lower case


def test_company_named_after_a_material_beats_the_material(nlp):
    # a capitalised "Lithium" mid-sentence is part of the NER organisation's name, not the mineral
    from nlp_helpers import entities_by_name, run

    doc = run(nlp, "Ottawa ordered Velmora Lithium International to divest its stake in the mine, officials said. "
                   "Prices of lithium rose.")
    ents = entities_by_name(doc)
    assert ents["Velmora Lithium International"].type == "Company"


def test_known_organisation_with_a_place_before_it_is_another_organisation(nlp):
    # the gazetteer knows "Institute of Computing Technology"; the NER's longer name is a different institute
    from nlp_helpers import entities_by_name, run

    doc = run(nlp, "The department added Sugon and the Wuxi Jiangnan Institute of Computing Technology to the list.")
    ents = entities_by_name(doc)
    assert ents["Wuxi Jiangnan Institute of Computing Technology"].type == "ResearchOrganization"
    assert "Institute of Computing Technology" not in ents
