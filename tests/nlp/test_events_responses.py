"""kg_events: the two shapes of action-response sentence (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
def test_events_response_lead_cue_makes_the_following_measure_the_response(nlp):
    text = ("The United States imposed export controls on advanced chips sold to China in October. "
            "Beijing's response came in December, when China banned exports of gallium to the United States.")
    events, _ = _events(nlp, text)
    us = [e for e in events if e["actors"] == {"United States"}]
    china = [e for e in events if "China" in e["actors"]]
    assert us and china
    assert china[0]["responds_to"] == {us[0]["key"]}
    assert not us[0]["responds_to"]


@pytest.mark.slow
def test_events_response_without_a_measure_before_the_cue_uses_the_measure_just_mentioned(nlp):
    text = ("Japan imposed export controls on chipmaking equipment in July. "
            "South Korea banned exports of hydrogen fluoride to Japan in August. "
            "Officials in Seoul called it a response to the Japanese rules.")
    events, _ = _events(nlp, text)
    japan = [e for e in events if e["actors"] == {"Japan"}]
    korea = [e for e in events if e["actors"] == {"South Korea"}]
    assert japan and korea
    assert korea[0]["responds_to"] == {japan[0]["key"]}
