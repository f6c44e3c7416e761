"""rel:maker-verb / rel:maker-its (kg.nlp.relations_verbs): a company that makes a technology, read off the parse."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


def _rules(doc, triple):
    ents = doc._.kg_entities
    return {e.rule for r in doc._.kg_relations
            if (ents[r.subject].name, r.predicate, ents[r.object].name) == triple for e in r.evidence}


@pytest.mark.slow
@pytest.mark.parametrize("text,rule", [
    ("Velmora makes Z9 chips for carmakers.", "rel:maker-verb"),
    ("Velmora, which designs Z9 chips, grew fast.", "rel:maker-verb"),
    ("Velmora is a Dutch company known for producing Z9 chips.", "rel:maker-verb"),
    ("Velmora sells its Z9 chips across Europe.", "rel:maker-its"),
])
def test_company_that_makes_a_technology(tiny_nlp, text, rule):
    assert rule in _rules(run(tiny_nlp, text), ("Velmora", "produces", "Z9 chips"))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Regulators told Velmora to stop buying Z9 chips.",       # not a maker verb
    "The Dutch government built Z9 chips with Velmora.",      # the subject is no company
])
def test_no_maker_without_a_making_company_subject(tiny_nlp, text):
    assert ("Velmora", "produces", "Z9 chips") not in relation_names(run(tiny_nlp, text))
