"""News outlets and time zones the NER takes for organisations are no entities."""
from __future__ import annotations

from nlp_helpers import entities_by_name, run


def test_outlets_and_time_zones_are_no_entities(nlp):
    doc = run(nlp, "The rules take effect at 00:00 UTC on Monday, Cointelegraph reported, citing a filing. "
                   "CyberScoop said the Zentrix Corporation had been warned.")
    ents = entities_by_name(doc)
    assert "UTC" not in ents and "Cointelegraph" not in ents and "CyberScoop" not in ents


def test_dateline_capital_in_capitals_is_no_company(nlp):
    doc = run(nlp, "BERLIN, Aug 7 (Reuters) - The Zentrix Corporation said on Thursday it would appeal the ban.")
    ents = entities_by_name(doc)
    assert "BERLIN" not in ents


def test_title_the_ner_calls_an_organisation_is_no_company(nlp):
    doc = run(nlp, "The takeover was reviewed by the National Security Advisor, who found risks in the deal.")
    assert "National Security Advisor" not in entities_by_name(doc)
