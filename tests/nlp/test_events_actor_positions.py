"""kg_events (actor_positions.py): a government named as a nationality or as the owner of a law cited as basis is
no actor (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
def test_events_nationality_of_a_sanctioned_person_is_no_actor(nlp):
    events, _ = _events(nlp, "Those sanctioned include Russian national Ivan Petrov and a China-based trader.")
    assert not any(e["actors"] & {"Russia", "China"} for e in events), events


@pytest.mark.slow
def test_events_the_owner_of_a_law_cited_as_basis_does_not_act(nlp):
    events, _ = _events(nlp, "Norway's data regulator opened a case against Acme last year. On Monday Acme was "
                             "ordered to pay a fine in violation of EU law.")
    assert not any("European Union" in e["actors"] for e in events), events


@pytest.mark.slow
def test_events_a_predicate_demonym_names_no_actor(nlp):
    events, _ = _events(nlp, "Norway indicted two engineers on Friday. The younger one was among five workers "
                             "indicted last week, and she is neither Chilean nor of Chilean heritage.")
    assert not any("Chile" in e["actors"] for e in events), events
