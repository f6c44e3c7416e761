"""Title phrases around a person (kg.nlp.relations_titles): which words before a person make a title."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


@pytest.fixture(scope="module")
def leads_nlp(tiny_gazetteer):
    from kg.link.gazetteer import GazEntry, Gazetteer
    from kg.nlp.gazetteer_registry import register_gazetteer
    from kg.nlp.pipeline import build_pipeline

    register_gazetteer("tiny-titles", Gazetteer([
        *tiny_gazetteer.entries,
        GazEntry("Tom Harlow", "Person", aliases=("President Harlow", "Harlow"), leads="United States")]))
    return build_pipeline(gazetteer="tiny-titles", rules_only=True)


@pytest.mark.slow
def test_words_before_a_comma_are_not_part_of_the_title(leads_nlp):
    # the title is inside the mention ("President Harlow"); "Yesterday" before the comma names no portfolio
    doc = run(leads_nlp, "Yesterday, President Harlow signed an order on Chinese chips.")
    assert ("Tom Harlow", "leads", "United States") in relation_names(doc)
