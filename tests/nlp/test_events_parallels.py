"""kg_events: states that took "similar measures" — one event per state, of the compared kind (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
def test_events_similar_measures_by_listed_countries_one_event_each(nlp):
    events, _ = _events(nlp, "Norway banned the Acme app on government devices. "
                             "Other countries, such as Japan and Canada, have implemented similar measures.")
    by = {frozenset(e["actors"]): e["measure"] for e in events}
    assert by.get(frozenset({"Japan"})) == "Ban" and by.get(frozenset({"Canada"})) == "Ban", events


@pytest.mark.slow
def test_events_similar_restrictions_by_two_countries_split(nlp):
    events, _ = _events(nlp, "Norway banned the Acme app on government devices. "
                             "Japan and Canada have implemented similar restrictions.")
    assert not any(len(e["actors"]) > 1 for e in events), events


@pytest.mark.slow
def test_events_similar_moves_in_countries_are_theirs(nlp):
    events, _ = _events(nlp, "Norway banned Acme cameras in government buildings. "
                             "It follows similar moves in Japan and Canada.")
    actors = [e["actors"] for e in events if e["measure"] == "Ban"]
    assert {"Japan"} in actors and {"Canada"} in actors, events


@pytest.mark.slow
def test_events_similar_approach_joins_the_states_own_measure(nlp):
    events, _ = _events(nlp, "Norway blocked the takeover of Acme Robotics by a Chinese group. "
                             "Sweden has taken a similar approach. Stockholm blocked the takeover of Beta Chips "
                             "by a Chinese buyer in 2021.")
    swedish = [e for e in events if "Sweden" in e["actors"]]
    assert len(swedish) == 1, events


@pytest.mark.slow
def test_events_place_after_but_not_takes_no_measure(nlp):
    events, _ = _events(nlp, "The Acme app is banned in Norway and Sweden but not in Denmark.")
    actors = [e["actors"] for e in events]
    assert {"Norway"} in actors and not any("Denmark" in a for a in actors), events
