"""kg_events: assessments by a government are a Review (rule 'assessment-by'; real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The ban was announced after an assessment by Norway's chief information officer that the app posed a risk.",
    "The Norwegian data regulator decided to conduct a compliance assessment of Acme's privacy policy.",
    "Norway's Centre for Cyber Security had assessed there was a risk of espionage.",
])
def test_events_government_assessment_is_a_review(nlp, text):
    events, _ = _events(nlp, text)
    reviews = [e for e in events if e["measure"] == "Review"]
    assert len(reviews) == 1 and "Norway" in reviews[0]["actors"], events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Norwegian telecom operators must conduct regular risk assessments.",
    "Acme Corp needs to assess the full effect of the new Norwegian rules.",
    "The Norwegian foreign minister can assess such arrangements.",
])
def test_events_assessment_by_no_government_is_no_review(nlp, text):
    events, _ = _events(nlp, text)
    assert "Review" not in [e["measure"] for e in events], events
