"""kg_events, rule 'object-fallback' (kg/nlp/events/objects.py): an event the role rules left without a
target takes its trigger's syntactic object — population groups, goods, technologies, the country of a
demonym (real pipeline, slow). Every sentence here is written for the test."""
from __future__ import annotations

import pytest

from test_events import _events, _one  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,targets", [
    # a population noun phrase as the verb's object becomes a Group target, with its modifiers
    ("Peru said it would ban foreign mining operators from the northern provinces.", "Ban",
     {"foreign mining operators"}),
    ("Uruguay imposed restrictions on critical infrastructure operators.", "Ban", {"critical infrastructure operators"}),
    # a clause on the measure noun that names its aim ("a law restricting X")
    ("Peru's Congress passed a law restricting AI providers.", "Legislation", {"AI providers"}),
    # a technology word of the fallback's lexicon after "to regulate"
    ("Chile's Congress passed a bill to regulate cryptocurrency.", "Legislation", {"cryptocurrency"}),
    # an acronym of the technology lexicon stands alone
    ("Chile's Senate approved a bill to regulate AI.", "Legislation", {"AI"}),
    # "the company" points back to the company last named
    ("Google said on Monday that Chile's competition regulator had opened an investigation of the company.",
     "Investigation", {"Google"}),
    # "the deal" with no party of its own: the buyer of the deal told before
    ("Toshiba agreed in May to acquire a Spanish chip designer. Spain's government blocked the deal on Monday.",
     "InvestmentRestriction", {"Toshiba"}),
    # a deal noun: the country of its demonym
    ("Norway vetoed a Chinese takeover of the shipyard on Tuesday.", "InvestmentRestriction", {"China"}),
    # bare conjuncts share the first's modifiers: one group
    ("Uruguay imposed a travel ban on foreign nationals and residents.", "TravelRestriction",
     {"foreign nationals and residents"}),
    # a bare first head: the whole list is one group
    ("Peru imposed a travel ban on founders, leaders and wealthy investors.", "TravelRestriction",
     {"founders, leaders and wealthy investors"}),
    # two conjuncts with their own modifiers or a complement of their own are two groups
    ("Uruguay imposed a travel ban on senior officials and executives of state-owned banks.", "TravelRestriction",
     {"senior officials"}),
])
def test_events_object_fallback(nlp, text, measure, targets):
    events, doc = _events(nlp, text)
    ev = _one(events, measure)
    assert ev["targets"] == targets, ev
    types = {e.name: e.type for e in doc._.kg_entities.values()}
    assert all(types.get(t) in ("Group", "Technology", "Country", "Company") for t in targets), types


@pytest.mark.slow
@pytest.mark.parametrize("text,measure", [
    # generic nouns are no entities (GUIDE): bare or only counted or pointed at
    ("Peru banned companies from the tender.", "Ban"),
    ("Peru imposed a ban on other firms.", "Ban"),
    # what the measure sets up is no target
    ("Norway set up an AI Safety Institute in Oslo.", "Other"),
])
def test_events_object_fallback_nothing(nlp, text, measure):
    events, doc = _events(nlp, text)
    ev = _one(events, measure)
    assert not ev["targets"], ev
    assert not any(e.type == "Group" for e in doc._.kg_entities.values())


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,targets", [
    # rule 'population-target': a national population as the object is a target, beside its country
    ("The United States sanctioned Chinese firms for supplying drone parts to Russia on Tuesday.", "Sanction",
     {"Chinese firms", "China"}),
    ("The Commerce Department added two Chinese semiconductor manufacturers to the Entity List.", "EntityListing",
     {"Chinese semiconductor manufacturers", "China"}),
    # ... no population when a named firm is a target: the named firms are the aim
    ("The United States sanctioned Huawei and several Chinese firms on Tuesday.", "Sanction", {"Huawei", "China"}),
])
def test_events_objects_national_population_is_the_target(nlp, text, measure, targets):
    events, _ = _events(nlp, text)
    assert _one(events, measure)["targets"] == targets, events


@pytest.mark.slow
def test_events_objects_actor_is_never_a_target(nlp):
    # rule 'actor-not-target': "a ban on Twitter in Pakistan", merged into Pakistan's ban, names where it applies
    events, _ = _events(nlp, "Pakistan's interior ministry blocked Twitter in February. The decision to impose a ban "
                             "on Twitter in Pakistan was made to uphold national security, the report said.")
    ev = _one(events, "Ban")
    assert "Pakistan" in ev["actors"] and "Pakistan" not in ev["targets"] | ev["affects"], ev
