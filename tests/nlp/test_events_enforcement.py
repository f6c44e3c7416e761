"""kg_events: a regulator's enforcement instruments, cases brought against a party, formal proceedings (slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
def test_events_enforcement_notice_is_a_legal_action(nlp):
    events, _ = _events(nlp, "Norway's data regulator has issued the messaging app Acme with an enforcement notice.")
    assert [e["measure"] for e in events] == ["LegalAction"], events


@pytest.mark.slow
def test_events_dispute_against_a_state_is_a_legal_action_of_the_plaintiff_not_the_forum(nlp):
    events, _ = _events(nlp, "Norway on Monday initiated a World Trade Organization dispute against Sweden.")
    legal = [e for e in events if e["measure"] == "LegalAction"]
    assert legal and legal[0]["actors"] == {"Norway"}, events


@pytest.mark.slow
def test_events_formal_proceedings_are_an_investigation(nlp):
    events, _ = _events(nlp, "The European Commission has opened formal proceedings against Acme Video.")
    assert "Investigation" in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_subpoenas_are_a_legal_action(nlp):
    events, _ = _events(nlp, "The Norwegian government issued subpoenas to Acme Video last year.")
    assert "LegalAction" in [e["measure"] for e in events], events
