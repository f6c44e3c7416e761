"""kg_events: who the actor of a measure is — leaders, participles, passives, reported speech (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


def _of(events, measure):
    return [e for e in events if e["measure"] == measure]


@pytest.mark.slow
def test_events_head_of_state_acts_for_the_state(nlp):
    events, _ = _events(nlp, "Xi Jinping on Monday blocked the $5 billion takeover of Acme Robotics.")
    found = _of(events, "InvestmentRestriction")
    assert found and "China" in found[0]["actors"], events


@pytest.mark.slow
def test_events_agent_of_a_participle_on_the_trigger_is_the_actor(nlp):
    events, _ = _events(nlp, "Acme's sales fell sharply after export controls imposed by Japan last year.")
    found = _of(events, "ExportControl")
    assert found and "Japan" in found[0]["actors"], events


@pytest.mark.slow
def test_events_subject_of_an_agentless_passive_is_no_actor(nlp):
    events, _ = _events(nlp, "The European Union imposed sanctions on Belarus in March. Russia was also sanctioned.")
    assert not any("Russia" in e["actors"] for e in events), events
    assert any("European Union" in e["actors"] for e in _of(events, "Sanction")), events


@pytest.mark.slow
def test_events_demonym_of_a_company_subject_is_no_actor(nlp):
    events, _ = _events(nlp, "Most Chinese automakers received state aid, resulting in tariffs on imports of their "
                             "cars.")
    assert not any("China" in e["actors"] for e in _of(events, "ImportRestriction")), events
