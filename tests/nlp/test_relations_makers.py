"""rel:made-by-list / rel:maker-of (kg.nlp.relations_makers): a company and the technology it makes."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


@pytest.mark.slow
@pytest.mark.parametrize("text,maker", [
    ("Regulators banned Z9 chips produced by Dutch company Velmora last year.", "Velmora"),
    ("Regulators banned Z9 chips made by Velmora and Qorvane last year.", "Velmora"),
    ("Regulators banned Z9 chips made by Velmora and Qorvane last year.", "Qorvane"),
    ("Regulators fined Velmora, the Dutch maker of Z9 chips, on Monday.", "Velmora"),
    ("Regulators fined Velmora, a provider of Z9 chips, on Monday.", "Velmora"),
])
def test_company_that_makes_a_technology(tiny_nlp, text, maker):
    assert (maker, "produces", "Z9 chips") in relation_names(run(tiny_nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Regulators banned Z9 chips, said Velmora on Monday.",                  # no maker verb before "by"
    "Z9 chips were banned by Velmora's regulator, the Dutch ministry said.",  # "banned" makes nothing
    "Regulators fined Velmora, a buyer of Z9 chips, on Monday.",            # no maker noun
])
def test_no_maker_without_a_word_of_making(tiny_nlp, text):
    assert not [r for r in relation_names(run(tiny_nlp, text)) if r[1] == "produces"]
