"""kg_events, rule 'goods-target' (kg/nlp/events/goods.py): goods and technologies in a measure's
argument become Technology targets (real pipeline, slow). Every sentence here is written for the test."""
from __future__ import annotations

import pytest

from test_events import _events, _one  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,goods", [
    # a coordinated list of goods after "exports of"
    ("Chile banned exports of raw copper and all other unprocessed ores on Monday.", "ExportControl",
     {"raw copper", "unprocessed ores"}),
    # a demonym in front names the country, not the goods
    ("The European Commission opened an investigation into Japanese electric vehicles.", "Investigation",
     {"electric vehicles"}),
    # "US-made": the origin goes with its country
    ("Vietnam banned imports of US-made processors and high-tech products last week.", "ImportRestriction",
     {"processors", "high-tech products"}),
    # "impose controls on X": the parser hangs "on" on the verb whose object is the measure; X is the aim
    ("From next month, Chile will impose export controls on some drone engines, lasers, radio equipment, and drone "
     "defense systems.", "ExportControl", {"drone engines", "radio equipment", "drone defense systems"}),
    # heads of the lexicon: engines, reactors, ores of named metals
    ("Peru banned exports of nuclear power reactors to Iran.", "ExportControl", {"nuclear power reactors"}),
    # a list the parser reads as one noun phrase ("electronics" as a modifier of "equipment")
    ("Peru restricted exports of high-end electronics and specialised equipment to Chile.", "ExportControl",
     {"high-end electronics", "specialised equipment"}),
    # rule 'goods-list': plain nouns listed with a goods noun are goods of the same kind
    ("Peru imposed import restrictions on notebooks, servers, tablets and monitors.", "ImportRestriction",
     {"notebooks", "servers", "tablets", "monitors"}),
])
def test_events_goods_target(nlp, text, measure, goods):
    events, doc = _events(nlp, text)
    ev = _one(events, measure)
    assert goods <= ev["targets"], ev
    assert all(any(e.name == g and e.type == "Technology" for e in doc._.kg_entities.values()) for g in goods)


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,not_goods", [
    # devices where an app is banned are the place, not the aim
    ("Norway banned the Lumo app on government phones.", "Ban", "government phones"),
    ("Norway banned the Lumo app on all official devices.", "Ban", "official devices"),
    # a verb whose object is the measure does not make the place an aim
    ("Norway imposed a ban on the Lumo app on government phones.", "Ban", "government phones"),
    # a modifier shared by two nouns is no list of goods
    ("Peru restricted exports of satellite and radio technologies to Chile.", "ExportControl", "satellite"),
    # a kind of goods needs a modifier that says which
    ("Peru banned exports of sensitive technology to Iran.", "ExportControl", "sensitive technology"),
    ("Peru imposed export controls on satellites and related items to Chile.", "ExportControl", "related items"),
])
def test_events_goods_not_a_target(nlp, text, measure, not_goods):
    events, _ = _events(nlp, text)
    ev = _one(events, measure)
    assert not_goods not in ev["targets"], ev
