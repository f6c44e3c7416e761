"""Federal states and provinces (``rule:region``): a government body where the text has them act, a place
otherwise."""
from __future__ import annotations

from nlp_helpers import entities_by_name, run

from kg.link.gazetteer import default_gazetteer
from kg.nlp.entities.words import REGIONS


def test_region_that_acts_is_a_body_of_its_country(nlp):
    doc = run(nlp, "Ohio became the second state to restrict drones made abroad on Tuesday. "
                   "The ban applies to every state agency.")
    ents = entities_by_name(doc)
    assert ents["Ohio"].type == "GovernmentBody"


def test_region_possessive_and_organ_make_it_act(nlp):
    doc = run(nlp, "Manitoba's deal with the supplier was cancelled on Monday. Officials declined to comment.")
    assert entities_by_name(doc)["Manitoba"].type == "GovernmentBody"
    doc = run(nlp, "Oregon lawmakers voted for the measure on Friday, officials said.")
    assert entities_by_name(doc)["Oregon"].type == "GovernmentBody"


def test_region_as_a_place_is_no_entity(nlp):
    doc = run(nlp, "The company builds plants in Arizona, New Mexico, Ohio and Oregon, "
                   "and Texas-based rivals plan more. Factories in Utah are not affected.")
    ents = entities_by_name(doc)
    assert not {"Arizona", "New Mexico", "Ohio", "Oregon", "Texas", "Utah"} & set(ents)


def test_region_inside_a_longer_name_leaves_the_name_whole(nlp):
    doc = run(nlp, "The Colorado General Assembly passed the bill in May, and Colorado became the first state "
                   "to regulate such systems.")
    ents = entities_by_name(doc)
    assert ents["Colorado"].type == "GovernmentBody"
    assert "Colorado General Assembly" in ents


def test_every_region_is_a_flagged_gazetteer_body_found_by_no_lookup():
    gaz = default_gazetteer()
    for name in REGIONS:
        entry = gaz.by_name(name)
        assert entry is not None and entry.region and entry.parent, name
        assert gaz.lookup(name) is None, name
