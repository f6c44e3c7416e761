"""rel:parliament-home (kg.nlp.relations_home): a bare "Parliament" is the dominant country's."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


@pytest.mark.slow
def test_bare_parliament_is_the_dominant_countrys(tiny_nlp):
    text = ("The Netherlands will tighten chip rules.\nParliament approved the plan on Tuesday.\n"
            "The Netherlands expects the rules to apply next year.")
    doc = run(tiny_nlp, text)
    names = {(doc._.kg_entities[r.subject].name, r.predicate, doc._.kg_entities[r.object].name)
             for r in doc._.kg_relations if r.predicate == "partOf"}
    assert any(s.lower().endswith("parliament") and o == "Netherlands" for s, _, o in names), names


@pytest.mark.slow
def test_bare_parliament_without_a_dominant_country(tiny_nlp):
    text = "The Netherlands and China will talk.\nParliament approved the plan on Tuesday."
    assert not [t for t in relation_names(run(tiny_nlp, text)) if t[1] == "partOf" and "arliament" in t[0]]
