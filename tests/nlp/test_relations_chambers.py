"""Members of a chamber or court by the title before their name (kg.nlp.relations_chambers)."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


@pytest.fixture(scope="module")
def chamber_nlp(tiny_gazetteer):
    from kg.link.gazetteer import GazEntry, Gazetteer
    from kg.nlp.gazetteer_registry import register_gazetteer
    from kg.nlp.pipeline import build_pipeline

    register_gazetteer("tiny-chambers", Gazetteer([
        *tiny_gazetteer.entries,
        GazEntry("Zorblax Senate", "GovernmentBody", aliases=("Senate",)),
        GazEntry("Zorblax Senate Trade Committee", "GovernmentBody"),
        GazEntry("Zorblax High Court", "GovernmentBody")]))
    return build_pipeline(gazetteer="tiny-chambers", rules_only=True)


@pytest.mark.slow
def test_senator_works_for_the_senate(chamber_nlp):
    doc = run(chamber_nlp, "The Senate passed the bill on Monday. Senator Mara Quill voted against it.")
    assert ("Mara Quill", "worksFor", "Zorblax Senate") in relation_names(doc)


@pytest.mark.slow
def test_a_committee_is_not_the_chamber(chamber_nlp):
    # the only body holding "senate" is a committee of it: no guess
    doc = run(chamber_nlp, "The Zorblax Senate Trade Committee met. Senator Mara Quill chaired the hearing.")
    assert not any(s == "Mara Quill" and p == "worksFor" for s, p, _ in relation_names(doc))


@pytest.mark.slow
def test_plural_title_before_a_list_places_every_member(chamber_nlp):
    doc = run(chamber_nlp, "Zorblax High Court justices Maria Lopez, John Carter and Anna Berg struck down the ban.")
    rels = relation_names(doc)
    for name in ("Maria Lopez", "John Carter", "Anna Berg"):
        assert (name, "worksFor", "Zorblax High Court") in rels


@pytest.mark.slow
def test_state_or_former_titles_are_not_members(chamber_nlp):
    doc = run(chamber_nlp, "The Senate passed the bill. Former Senator Mara Quill criticised it.")
    assert ("Mara Quill", "worksFor", "Zorblax Senate") not in relation_names(doc)
