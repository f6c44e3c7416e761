"""kg_events: rules for the roles of an event — targets, affected firms, status — found on the
real-news dev split (real pipeline, slow). Every sentence here is written for the test."""
from __future__ import annotations

import pytest

from test_events import _events, _one  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text,target", [
    # rule 'list-preps': a passive subject put on a list is the target
    ("Hikvision was added to the Entity List by the Commerce Department on Tuesday.", "Hikvision"),
    ("Megvii has been placed on the Entity List by the United States.", "Megvii"),
    # rule 'list-host': the list phrase parsed on the object noun
    ("The Commerce Department said it is adding Hikvision and 20 affiliates to its Entity List.", "Hikvision"),
])
def test_events_roles_target_put_on_a_list(nlp, text, target):
    events, _ = _events(nlp, text)
    ev = _one(events, "EntityListing")
    assert target in ev["targets"], ev


@pytest.mark.slow
def test_events_roles_nationality_of_a_named_company_is_no_target(nlp):
    # rule 'nationality': "Chinese company Hikvision" names the firm's country
    events, _ = _events(nlp, "The Commerce Department added 30 entities to the Entity List, including Chinese "
                             "company Hikvision.")
    ev = _one(events, "EntityListing")
    assert "Hikvision" in ev["targets"], ev
    assert "China" not in ev["targets"], ev
