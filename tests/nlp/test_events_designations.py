"""kg_events: designating a party a security threat lists it (rule 'threat-designation'; real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Norway's telecom regulator has designated Acme Telecom and Beta Networks as national security threats.",
    "Norway designated two Chinese firms as threats to national security.",
])
def test_events_threat_designation_is_a_listing(nlp, text):
    events, _ = _events(nlp, text)
    listed = [e for e in events if e["measure"] == "EntityListing"]
    assert len(listed) == 1 and "Norway" in listed[0]["actors"], events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Foreign AI firms must designate a domestic representative in Norway.",
    "Norway identified cyber attacks as the main risk to its economy.",
])
def test_events_designation_of_no_party_as_threat_is_no_listing(nlp, text):
    events, _ = _events(nlp, text)
    assert "EntityListing" not in [e["measure"] for e in events], events
