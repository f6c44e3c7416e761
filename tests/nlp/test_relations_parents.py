"""rel:parent (kg.nlp.relations_parents): a parent company named by a word of ownership."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run

# the tiny gazetteer makes Velmora a subsidiary of Qorvane: these texts say the reverse, so only the rule gives it
CHILD_OF = ("Qorvane", "subsidiaryOf", "Velmora")


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Qorvane, part of Velmora, did not respond.",
    "Qorvane's parent company Velmora declined to comment.",
    "Qorvane's parent investment firm Velmora declined to comment.",
    "Velmora wanted to buy the plant through its Chinese subsidiary Qorvane.",
    "The manuals belonged to Velmora subsidiary Qorvane, prosecutors said.",  # the child word alone between
    "Qorvane is a Velmora subsidiary under its defense segment.",
])
def test_parent_named_by_an_ownership_word(tiny_nlp, text):
    assert CHILD_OF in relation_names(run(tiny_nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Qorvane, Velmora and others did not respond.",           # a list, no ownership word
    "Qorvane's rival Velmora declined to comment.",          # not a parent
    "Qorvane sued Velmora over its unit pricing.",           # "its" without a company after it
])
def test_no_parent_without_an_ownership_word(tiny_nlp, text):
    assert CHILD_OF not in relation_names(run(tiny_nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Lumora Systems completed its acquisition of Kestrel Semiconductor in 2020.", True),
    ("Lumora Systems acquired Kestrel Semiconductor in 2020.", True),
    ("Lumora Systems sold chips through its Kestrel Semiconductor Inc. subsidiary.", True),
    ("Lumora Systems plans to acquire Kestrel Semiconductor.", False),          # a plan, not a done deal
    ("Lumora Systems did not acquire Kestrel Semiconductor.", False),
    ("Regulators blocked the acquisition of Kestrel Semiconductor by Lumora Systems.", False),
])
def test_a_done_acquisition_makes_a_subsidiary(tiny_nlp, text, expected):
    rels = {(s, p, o) for s, p, o in relation_names(run(tiny_nlp, text)) if p == "subsidiaryOf"}
    assert any(s.startswith("Kestrel Semiconductor") and o == "Lumora Systems" for s, _, o in rels) == expected
