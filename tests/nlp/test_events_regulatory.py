"""kg_events: the regulatory and legal family — regulations, laws, bans, reviews, agreements — and the
coordination and merging rules found on the dev misses (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Freedonia has no laws regulating the storage of genetic data.",
    "The Freedonian parliament passed the Robotics Act, a first step towards regulating robots.",
])
def test_events_regulate_as_a_modifier_makes_no_regulation(nlp, text):
    events, _ = _events(nlp, text)
    assert "Regulation" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_regulations_that_ban_are_the_instrument_of_the_ban(nlp):
    events, _ = _events(nlp, "Norway issued new guidelines for its ministries. The guidelines also restrict the use of Acme software.")
    kinds = [e["measure"] for e in events]
    assert "Ban" in kinds and kinds.count("Regulation") <= 1, events


@pytest.mark.slow
def test_events_law_as_subject_of_a_ban_takes_the_actor_before_it(nlp):
    events, _ = _events(nlp, "The European Council adopted new measures against Ruritania on Monday. "
                             "Regulation 2031/55 also prohibits the export of machine tools to Ruritania.")
    ec = [e for e in events if e["measure"] == "ExportControl"]
    assert ec and any("European Council" in a or "European Union" in a for a in ec[0]["actors"]), events
    assert "Regulation" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_data_regulation_is_a_data_restriction(nlp):
    events, _ = _events(nlp, "Norway released a new data regulation on Friday.")
    kinds = [e["measure"] for e in events]
    assert "DataRestriction" in kinds and "Regulation" not in kinds, events
