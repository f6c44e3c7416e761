"""kg_events: law nouns that are an event without a legislative verb, and bills a legislator sponsors (real
pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
def test_events_proposed_legislation_is_a_proposed_law(nlp):
    events, _ = _events(nlp, "The proposed legislation is now on hold while Norway's parliament evaluates the "
                             "new rules.")
    laws = [e for e in events if e["measure"] == "Legislation"]
    assert len(laws) == 1 and laws[0]["status"] == "Proposed" and "Norway" in laws[0]["actors"], events


@pytest.mark.slow
def test_events_draft_law_is_proposed(nlp):
    events, _ = _events(nlp, "Norway's draft law would require platforms to remove hate speech.")
    assert [(e["measure"], e["status"]) for e in events] == [("Legislation", "Proposed")], events


@pytest.mark.slow
def test_events_draft_law_passed_is_law(nlp):
    events, _ = _events(nlp, "Norway passed the draft law on Monday.")
    assert [(e["measure"], e["status"]) for e in events] == [("Legislation", "InForce")], events


@pytest.mark.slow
def test_events_law_under_a_proposed_law_is_no_event(nlp):
    events, _ = _events(nlp, "Firms must comply under the proposed law in Norway.")
    assert events == [], events


@pytest.mark.slow
def test_events_sponsored_legislation_is_proposed(nlp):
    events, _ = _events(nlp, "Senator Ola Nordmann of Norway sponsored legislation this year to let state agencies "
                             "replace Chinese drones.")
    laws = [e for e in events if e["measure"] == "Legislation"]
    assert len(laws) == 1 and laws[0]["status"] == "Proposed", events


@pytest.mark.slow
def test_events_named_list_adopted_is_a_regulation(nlp):
    events, _ = _events(nlp, "Norway's trade ministry has adopted a Countermeasure List.")
    assert [e["measure"] for e in events] == ["Regulation"], events


@pytest.mark.slow
def test_events_act_named_after_a_list_stays_legislation(nlp):
    events, _ = _events(nlp, "The Norwegian parliament passed the Restricted Suppliers List Act.")
    assert [e["measure"] for e in events] == ["Legislation"], events
