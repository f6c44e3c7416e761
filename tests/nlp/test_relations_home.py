"""kg.nlp.relations_home: a body's home state read off its name (rel:body-name-country); a bare
"Parliament" is the dominant country's (rel:parliament-home). The other document-level body rules
are tested with the guide's conventions (test_relations_conventions.py)."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from kg.nlp.relations_home import state_in_name
from nlp_helpers import relation_names, run


def test_state_in_body_name(blank_nlp, tiny_gazetteer):
    doc = blank_nlp.make_doc("The Dutch Ministry of Justice and the Netherlands Affairs Office met.")
    justice = Span(doc, 1, 5, label="GovernmentBody")
    topic = Span(doc, 7, 10, label="GovernmentBody")
    assert state_in_name(tiny_gazetteer, justice, {}) == tiny_gazetteer.by_name("Netherlands").key
    assert state_in_name(tiny_gazetteer, topic, {}) is None  # "<Country> Affairs" is about the country


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


@pytest.mark.slow
def test_body_named_after_a_federal_state_is_part_of_it(nlp):
    # rel:body-name-region: the federal state that opens the body's name, when the text has it as a body
    doc = run(nlp, "Ohio became the second state to restrict the drones. The Ohio General Assembly passed the bill "
                   "in May, and China criticised it.")
    rels = relation_names(doc)
    assert ("Ohio General Assembly", "partOf", "Ohio") in rels
    assert ("Ohio General Assembly", "partOf", "China") not in rels
