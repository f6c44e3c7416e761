"""kg_events: trigger words and constructions that report no measure of their own (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
def test_events_incentives_a_thing_gives_are_a_motive_not_a_subsidy(nlp):
    events, _ = _events(nlp, "The party's grip in Norway brings strong incentives for private companies to act "
                             "in line with state aims.")
    assert "Subsidy" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_incentives_a_government_offers_are_a_subsidy(nlp):
    events, _ = _events(nlp, "Norway offers incentives for companies to build chip plants.")
    assert [e["measure"] for e in events] == ["Subsidy"], events


@pytest.mark.slow
def test_events_body_a_law_establishes_is_the_laws_content(nlp):
    events, _ = _events(nlp, "The Norwegian Data Act also establishes a National AI Committee that will advise "
                             "on AI policy.")
    assert "Other" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_body_a_government_establishes_is_a_new_body(nlp):
    events, _ = _events(nlp, "Norway will establish an AI safety institute to test new models.")
    assert [e["measure"] for e in events] == ["Other"], events


@pytest.mark.slow
def test_events_bare_sanctions_in_a_cause_phrase_are_background_not_an_event(nlp):
    events, _ = _events(nlp, "In 2023, Acme bought $40 billion of chip tools to shore up its supply chain in the "
                             "wake of US sanctions.")
    assert events == [], events


@pytest.mark.slow
def test_events_sanctions_with_their_own_target_in_a_cause_phrase_stay(nlp):
    events, _ = _events(nlp, "Acme's sales fell amid new Norwegian restrictions on chip exports to China.")
    assert [e["measure"] for e in events] == ["ExportControl"], events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The Norwegian ministry grants the agency new powers to inspect firms.",
    "Norwegian Parliament Passes Data Law, Grants Data Commission Rulemaking Power",
])
def test_events_grants_that_confer_a_power_are_no_subsidy(nlp, text):
    events, _ = _events(nlp, text)
    assert "Subsidy" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_research_grants_are_a_subsidy(nlp):
    events, _ = _events(nlp, "Norway awarded research grants to 40 universities.")
    assert [e["measure"] for e in events] == ["Subsidy"], events


@pytest.mark.slow
def test_events_abuse_of_a_kind_of_measure_is_a_judgement_not_an_event(nlp):
    events, _ = _events(nlp, 'Beijing said it was "an abuse of export control measures" by Norway.')
    assert events == [], events


@pytest.mark.slow
def test_events_measure_later_called_an_abuse_stays(nlp):
    events, _ = _events(nlp, "Norway tightened export controls on chips, which China called an abuse.")
    assert [e["measure"] for e in events] == ["ExportControl"], events


@pytest.mark.slow
def test_events_investment_pledged_in_another_state_is_no_subsidy(nlp):
    events, _ = _events(nlp, "Norway pledged $500 million of investment in Sweden.")
    assert "Subsidy" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_investment_pledged_at_home_is_a_subsidy(nlp):
    events, _ = _events(nlp, "Norway pledged $500 million of investment in its domestic chip industry.")
    assert [e["measure"] for e in events] == ["Subsidy"], events
