"""kg_events: trade, finance and legal-process measures — trigger words and kinds (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text,measure", [
    ("Zambia has extended its temporary suspension of cobalt exports by three months.", "ExportControl"),
    ("The US government announced a further relaxation of encryption export restraints.", "ExportControl"),
    ("The European Commission may impose countervailing duties on imports of electric bikes.", "ImportRestriction"),
    ("Norway's data regulator is fining Acme 100,000 crowns per day.", "LegalAction"),
    ("Canada announced a new Tech Talent Strategy on Tuesday.", "TalentProgram"),
    ("The Commerce Department removed 27 firms from the unverified list.", "EntityListing"),
])
def test_events_trade_trigger_words(nlp, text, measure):
    events, _ = _events(nlp, text)
    assert measure in [e["measure"] for e in events], events
