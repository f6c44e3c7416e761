"""Shared NLP fixtures.

* ``tiny_gazetteer``: a hand-made gazetteer (registered as "tiny") so rule tests do not depend on
  the shipped data;
* ``blank_nlp``: ``spacy.blank("en")`` + the project's components on the tiny gazetteer (fast);
* ``tiny_nlp``: the statistical model + components on the tiny gazetteer (slow: loads the model);
* ``nlp`` / ``extractor``: the real pipeline with the shipped gazetteer (slow), one per session —
  the events tests reuse these.

All of them are the rules alone (``rules_only=True``): these fixtures test rules, whose output must
not move when the learned layer is retrained; tests/nlp/test_learned.py tests the learned layer.
"""
from __future__ import annotations

import pytest
import spacy

from kg.link.gazetteer import GazEntry, Gazetteer
from kg.nlp.gazetteer_registry import register_gazetteer

TINY = [
    GazEntry("China", "Country", aliases=("PRC",), qid="Q148", demonyms=("Chinese",), capitals=("Beijing",),
             iso2="CN"),
    GazEntry("Netherlands", "Country", aliases=("the Netherlands", "Holland"), qid="Q55",
             demonyms=("Dutch",), capitals=("The Hague", "Amsterdam"), iso2="NL", member_of=("European Union",)),
    GazEntry("United States", "Country", aliases=("U.S.", "US", "USA"), qid="Q30",
             demonyms=("American", "U.S."), capitals=("Washington",), iso2="US"),
    GazEntry("European Union", "Bloc", aliases=("EU",), qid="Q458", capitals=("Brussels",)),
    GazEntry("Ministry of Commerce", "GovernmentBody", aliases=("MOFCOM", "China's Ministry of Commerce"),
             parent="China"),
    GazEntry("Department of Commerce", "GovernmentBody", aliases=("Commerce Department",),
             parent="United States"),
    GazEntry("Qorvane", "Company", country="China", produces=("Z9 chips",)),
    GazEntry("Velmora", "Company", country="Netherlands", subsidiary_of="Qorvane"),
    GazEntry("Z9 chips", "Technology", aliases=("Z9",)),
    GazEntry("AI researchers", "Group", aliases=("AI talent",)),
]


@pytest.fixture(scope="session")
def tiny_gazetteer() -> Gazetteer:
    gaz = Gazetteer(TINY)
    register_gazetteer("tiny", gaz)
    return gaz


@pytest.fixture(scope="session")
def blank_nlp(tiny_gazetteer):
    from kg.nlp.pipeline import build_pipeline

    return build_pipeline(nlp=spacy.blank("en"), gazetteer="tiny", rules_only=True)


@pytest.fixture(scope="session")
def tiny_nlp(tiny_gazetteer):
    from kg.nlp.pipeline import build_pipeline

    return build_pipeline(gazetteer="tiny", rules_only=True)


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.pipeline import build_pipeline

    return build_pipeline(rules_only=True)


@pytest.fixture(scope="session")
def extractor(nlp):
    from kg.nlp.extract import Extractor

    return Extractor(nlp=nlp)
