"""Named programmes the NER calls organisations are Legislation (kg.nlp.entities.ner.programme_name)."""
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
