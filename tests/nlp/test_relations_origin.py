"""An organisation's home country from the words around its name (kg.nlp.relations_origin and the origin
rules of kg.nlp.relations)."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


@pytest.mark.slow
@pytest.mark.parametrize("text,org", [
    ("Brightwave Technologies, based in Eindhoven, Netherlands, makes sensors.", "Brightwave Technologies"),
    ("The fund was set up by Lumora Systems, Kestrel Semiconductor and four other Dutch companies last year.",
     "Lumora Systems"),
    ("The fund was set up by Lumora Systems, Kestrel Semiconductor and four other Dutch companies last year.",
     "Kestrel Semiconductor"),
    ("The fund was set up by Lumora Systems and other Dutch firms.", "Lumora Systems"),
    ("Regulators fined Kestrel Semiconductor Corporation (Kestrel), a Dutch chip company, on Monday.",
     "Kestrel Semiconductor Corporation"),
    ("Regulators blocked Brightwave Telecom, the Dutch unit of Lumora Systems, on Monday.", "Brightwave Telecom"),
    ("Washington added 40 Dutch companies to the list, including chip equipment makers Lumora Systems and "
     "Kestrel Semiconductor.", "Kestrel Semiconductor"),
    ("Dutch firms led by Lumora Systems protested.", "Lumora Systems"),
    ("Officials named Dutch-registered Kestrel Semiconductor on Monday.", "Kestrel Semiconductor"),
])
def test_home_country_from_the_words_around_the_name(tiny_nlp, text, org):
    assert (org, "headquarteredIn", "Netherlands") in relation_names(run(tiny_nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize("text,org", [
    ("Regulators blocked the Dutch arm of Lumora Systems on Monday.", "Lumora Systems"),  # the unit's home
    ("The ministry fined Dutch front company Lumora Systems Co., Ltd, and Kestrel Trading Corporation, a firm "
     "run by the army.", "Kestrel Trading Corporation"),  # a singular cue describes one company
    ("The fund was set up by Lumora Systems and other firms in Dutch cities.", "Lumora Systems"),
    ("Washington added 40 Dutch companies to the list, including a subsidiary of Lumora Systems.", "Lumora Systems"),
    ("The rules forbid Dutch companies from supplying Lumora Systems with chips.", "Lumora Systems"),  # its object
])
def test_no_home_country_for_another_organisation(tiny_nlp, text, org):
    assert (org, "headquarteredIn", "Netherlands") not in relation_names(run(tiny_nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize("text,org,country", [
    ("The United States fined Ohio-based Brightwave Technologies on Monday.", "Brightwave Technologies",
     "United States"),
    ("The United States fined Brightwave Technologies, based in Ohio, on Monday.", "Brightwave Technologies",
     "United States"),
    ("China named Lumora Systems Co. based in the coastal city of Xiamen.", "Lumora Systems Co.", "China"),
])
def test_home_country_of_a_place_inside_it(nlp, text, org, country):
    assert (org, "headquarteredIn", country) in relation_names(run(nlp, text))


@pytest.mark.slow
def test_place_needs_its_country_in_the_text(nlp):
    text = "Regulators fined Ohio-based Brightwave Technologies on Monday."
    assert not [r for r in relation_names(run(nlp, text)) if r[1] == "headquarteredIn"]
