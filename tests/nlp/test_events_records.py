"""kg_events records (kg/nlp/events/records.py): which merged events are recorded (real pipeline, slow).
Sentences written for the tests."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
def test_events_a_measure_no_rule_gives_an_actor_is_not_recorded(nlp):
    # rule 'no-actor': whose subpoenas, whose removal? The text does not say
    events, _ = _events(nlp, "Norway fined Acme last week. Its owner has previously faced subpoenas for refusing to "
                             "remove hateful content from the platform. In response to mounting fines and "
                             "complaints, he closed the firm's offices in Oslo last year.")
    assert events and all(e["actors"] for e in events), events


@pytest.mark.slow
def test_events_a_parallel_told_as_similar_keeps_no_actor(nlp):
    # the GUIDE's case: parallels compared with the main measure are events without an actor
    events, _ = _events(nlp, "China has banned its AI researchers from travelling to the United States. Nuclear "
                             "physicists and cryptographers have all faced similar constraints in various countries.")
    assert any(not e["actors"] for e in events), events


@pytest.mark.slow
def test_events_an_actorless_parallel_that_hits_no_group_is_not_recorded(nlp):
    # rule 'no-actor': "similar sanctions" faced by firms are somebody's sanctions, not a parallel of a population
    events, _ = _events(nlp, "Norway sanctioned Acme Shipping for helping Iran in May. Two more shipping firms faced "
                             "similar sanctions the following month.")
    assert events and all(e["actors"] for e in events), events
