"""kg_events (governments.py): which government a word stands for — officials, capitals, "the government", pronouns,
law subjects (real pipeline, slow)."""
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
def test_events_law_subject_that_names_its_state_acts_for_it(nlp):
    events, _ = _events(nlp, "China sanctioned Acme in May. Taiwanese law prohibits Chinese investment in some parts "
                             "of the chip industry.")
    found = _of(events, "InvestmentRestriction")
    assert found and found[0]["actors"] == {"Taiwan"}, events


@pytest.mark.slow
def test_events_the_government_is_the_state_its_sentence_names_before_the_main_country(nlp):
    events, _ = _events(nlp, "The United States fined Acme in May. The United States sanctioned it in June. The "
                             "government has banned the Acme app, calling it a threat to Canada's security.")
    found = _of(events, "Ban")
    assert found and found[0]["actors"] == {"Canada"}, events


@pytest.mark.slow
def test_events_pronoun_subject_of_a_reported_clause_is_the_reporting_government(nlp):
    events, _ = _events(nlp, "South Korea's Supreme Court ruled against Acme last year. Japan announced in August "
                             "that it was removing South Korea from its own white list of trusted trade partners.")
    found = _of(events, "ExportControl")
    assert found and found[0]["actors"] == {"Japan"}, events


@pytest.mark.slow
@pytest.mark.parametrize("text,actor", [
    ("Officials in Beijing banned the app on Monday.", "China"),
    ("Regulators in Brussels opened an investigation into Meta.", "European Union"),
])
def test_events_a_government_word_in_a_capital_is_that_state(nlp, text, actor):
    events, _ = _events(nlp, text)
    assert events and actor in events[0]["actors"], events


@pytest.mark.slow
def test_events_dateline_capital_breaks_a_tie_between_countries(nlp):
    text = ("ROME (Reuters) - The government on Monday opened an investigation into the sale of Acme Drones Srl.\n"
            "Italy and China have close trade ties, and Italy buys many goods from China.")
    events, _ = _events(nlp, text)
    inv = [e for e in events if e["measure"] == "Investigation"]
    assert inv and inv[0]["actors"] == {"Italy"}, events


@pytest.mark.slow
def test_events_dateline_capital_does_not_outweigh_the_main_country(nlp):
    text = ("ROME (Reuters) - The government on Monday opened an investigation into the sale of Acme Drones Srl.\n"
            "China and Japan have close trade ties, and China buys many goods from Japan, China said.")
    events, _ = _events(nlp, text)
    assert all("Italy" not in e["actors"] for e in events), events
