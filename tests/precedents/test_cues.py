"""Free-text precedent questions read the extraction's trigger lexicon (kg/nlp/rules/triggers.yaml)."""
from __future__ import annotations

import pytest

from kg.nlp.lexicon import measures as M
from kg.precedents.cues import measures
from kg.precedents.profiles import query_measures


@pytest.mark.parametrize("text,first", [
    ("The ministry imposes export controls on lithography machines", "ExportControl"),   # a trigger row
    ("Regulators block the takeover of a robot maker", "InvestmentRestriction"),         # generic + object cue
    ("A country halts shipments of magnets", "ExportControl"),
    ("The agency pauses new work permits for engineers", "VisaRestriction"),           # question-only row
    ("A poet is banished to a remote town", "TravelRestriction"),
    ("Nothing much happens here", None),
])
def test_question_measure_from_the_trigger_lexicon(text, first):
    found, every = measures(text)
    assert (found[0] if found else None) == first
    assert set(found) <= every


def test_question_rows_are_not_extraction_triggers():
    extraction = {r for r, _, _ in M.TRIGGERS}
    assert M.QUESTION_TRIGGERS and not extraction & {r for r, _, _ in M.QUESTION_TRIGGERS}


def test_profiling_has_no_lexicon_of_its_own():
    import kg.precedents.profiles as P

    assert not hasattr(P, "MEASURE_CUES")
    assert query_measures("a bland sentence") == ("Other", frozenset())


def test_a_social_network_is_a_social_media_firm():
    from kg.precedents.profiles import Context, query_profile

    p = query_profile("A government cuts access to a foreign social network", Context())
    assert "SocialMedia" in p.sectors and p.target_kind == "firms"
    assert "SocialMedia" not in query_profile("A mobile network operator is fined", Context()).sectors
