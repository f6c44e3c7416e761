"""kg_events: who the actor of a measure is — leaders, participles, passives, reported speech (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


def _of(events, measure):
    return [e for e in events if e["measure"] == measure]


@pytest.mark.slow
def test_events_agent_of_a_participle_on_the_trigger_is_the_actor(nlp):
    events, _ = _events(nlp, "Acme's sales fell sharply after export controls imposed by Japan last year.")
    found = _of(events, "ExportControl")
    assert found and "Japan" in found[0]["actors"], events


@pytest.mark.slow
def test_events_subject_of_an_agentless_passive_is_no_actor(nlp):
    events, _ = _events(nlp, "The European Union imposed sanctions on Belarus in March. Russia was also sanctioned.")
    assert not any("Russia" in e["actors"] for e in events), events
    assert any("European Union" in e["actors"] for e in _of(events, "Sanction")), events


@pytest.mark.slow
def test_events_demonym_of_a_company_subject_is_no_actor(nlp):
    events, _ = _events(nlp, "Most Chinese automakers received state aid, resulting in tariffs on imports of their "
                             "cars.")
    assert not any("China" in e["actors"] for e in _of(events, "ImportRestriction")), events


@pytest.mark.slow
def test_events_by_phrase_on_a_measure_noun_names_its_actor(nlp):
    events, _ = _events(nlp, "Germany welcomed the sanctions by the European Union against Russia.")
    assert any("European Union" in e["actors"] for e in _of(events, "Sanction")), events


@pytest.mark.slow
def test_events_what_an_investigation_found_names_no_actor(nlp):
    events, _ = _events(nlp, "An investigation that found North Korea had bought the radios ended on Monday.")
    assert not any("North Korea" in e["actors"] for e in events), events


@pytest.mark.slow
def test_events_agentless_ban_takes_the_countries_where_it_holds(nlp):
    events, _ = _events(nlp, "The app has also been banned from government phones in other countries such as "
                             "Canada and Belgium.")
    actors = {a for e in _of(events, "Ban") for a in e["actors"]}
    assert {"Canada", "Belgium"} <= actors, events


@pytest.mark.slow
def test_events_undated_background_measure_stays_apart(nlp):
    events, _ = _events(nlp, "The Justice Department sued Acme on Tuesday over its search deals. It is the biggest "
                             "case since the U.S. agency sued Widget Corp decades ago.")
    found = _of(events, "LegalAction")
    assert len(found) == 2 and "Historical" in {e["status"] for e in found}, events


@pytest.mark.slow
def test_events_dateline_place_is_no_actor_and_the_payee_of_a_fine_is(nlp):
    events, _ = _events(nlp, "HONG KONG, China -- Acme Space Ltd. has agreed to pay a $14 million fine to the "
                             "U.S. State Department for passing rocket data to China.")
    actors = {a for e in _of(events, "LegalAction") for a in e["actors"]}
    assert "United States" in actors and not actors & {"China", "Hong Kong"}, events


@pytest.mark.slow
def test_events_this_ban_in_a_lawsuits_reason_is_the_ban_reported_before(nlp):
    events, _ = _events(nlp, "Norway has restricted cobalt exports since 2020. Japan then took Norway to "
                             "the WTO over this ban.")
    assert not any("Japan" in e["actors"] for e in events), events


@pytest.mark.slow
def test_events_source_of_an_undergone_measure_is_the_actor(nlp):
    events, _ = _events(nlp, "Acme has faced sanctions from the European Union since 2022.")
    found = _of(events, "Sanction")
    assert found and "European Union" in found[0]["actors"], events


@pytest.mark.slow
def test_events_penalty_for_whoever_breaks_a_rule_has_no_actor_from_its_source(nlp):
    events, _ = _events(nlp, "Sellers who violate the rules will face fines from the European Commission.")
    assert not any("European Commission" in e["actors"] for e in events), events


@pytest.mark.slow
def test_events_party_blamed_for_a_measure_gerund_is_its_actor(nlp):
    events, _ = _events(nlp, "China criticised Germany for banning the Acme app.")
    found = _of(events, "Ban")
    assert found and found[0]["actors"] == {"Germany"}, events


@pytest.mark.slow
def test_events_object_made_to_act_takes_the_measure(nlp):
    events, _ = _events(nlp, "The United States has persuaded its allies, including Germany and Poland, to restrict "
                             "or ban Acme equipment.")
    actors = {a for e in _of(events, "Ban") for a in e["actors"]}
    assert {"Germany", "Poland"} <= actors and "United States" not in actors, events


@pytest.mark.slow
def test_events_object_only_urged_to_act_does_not_take_the_measure(nlp):
    events, _ = _events(nlp, "The United States urged Germany to ban Acme equipment.")
    assert not any("Germany" in e["actors"] for e in events), events


@pytest.mark.slow
def test_events_agentless_passive_in_a_time_clause_is_the_main_countrys(nlp):
    events, _ = _events(nlp, "Japan is a hard place for foreign engineers. Japan tightened checks in 2019. Hiring "
                             "slowed in the spring when new work visas for engineers were suspended.")
    found = _of(events, "VisaRestriction")
    assert found and found[0]["actors"] == {"Japan"}, events


@pytest.mark.slow
def test_events_by_agent_that_is_a_cause_names_no_actor(nlp):
    # rule 'cause-agent': the state inside "concerns about X's plans" is what the review is about
    events, _ = _events(nlp, "The new limits follow a policy review prompted by worries about Brazil's plans to "
                             "buy uranium from Australian mines.")
    assert not any("Brazil" in e["actors"] for e in events), events


@pytest.mark.slow
def test_events_coordinated_speakers_of_a_pronoun_all_act(nlp):
    # rule 'speaker-pronoun': "they" stands for every coordinated speaker: one event per state
    events, _ = _events(nlp, "Germany and France said they would ban the app.")
    assert sorted(a for e in _of(events, "Ban") for a in e["actors"]) == ["France", "Germany"], events


@pytest.mark.slow
def test_events_along_with_adds_actors(nlp):
    # rule 'along-with': the states "along with" / "together with" the subject act too
    events, _ = _events(nlp, "The United States, along with Japan and the Netherlands, restricted exports of chips "
                             "to China.")
    assert sorted(a for e in _of(events, "ExportControl") for a in e["actors"]) == [
        "Japan", "Netherlands", "United States"], events


@pytest.mark.slow
def test_events_a_country_named_after_the_trigger_is_no_fallback_actor(nlp):
    # rule 'after-country': with no actor in the clause, a country named after the trigger (where the goods are
    # sold, sent or made) does not act; a government body named there still does
    events, _ = _events(nlp, "A ban on imports of Acme scooters came into force on Monday, hitting sellers in Brazil "
                             "and Peru.")
    assert not any(e["actors"] & {"Brazil", "Peru"} for e in events), events
    events, _ = _events(nlp, "A ban on imports of Acme scooters came into force on Monday, the European Commission "
                             "said.")
    assert any("European Commission" in e["actors"] for e in _of(events, "ImportRestriction")), events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Jon Smith, chief executive of Acme Robotics Inc., called for more government regulation in Norway.",
    "Jon Smith, the chief executive of Acme Robotics Inc., testified in the Norwegian parliament, where he called "
    "for more government regulation of the industry.",
])
def test_events_measure_a_company_chief_calls_for_has_no_actor(nlp, text):
    events, _ = _events(nlp, text)
    assert events == [], events


@pytest.mark.slow
def test_events_measure_lawmakers_call_for_keeps_their_state(nlp):
    events, _ = _events(nlp, "Norwegian lawmakers are advocating an outright ban on the app.")
    assert [(e["measure"], e["actors"]) for e in events] == [("Ban", {"Norway"})], events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure", [
    ("The Norwegian authorities have tightened controls on students by refusing visas to them.", "VisaRestriction"),
    ("The Norwegian government protected its fishing industry by banning exports of salmon.", "ExportControl"),
])
def test_events_gerund_of_means_is_done_by_the_verbs_subject(nlp, text, measure):
    events, _ = _events(nlp, text)
    hits = [e for e in events if e["measure"] == measure]
    assert hits and hits[0]["actors"] == {"Norway"}, events


@pytest.mark.slow
def test_events_gerund_after_before_is_not_done_yet(nlp):
    events, _ = _events(nlp, "The Norwegian regulator said it will look further into the case before determining "
                             "penalties.")
    assert "LegalAction" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_verbless_list_item_is_by_the_actor_before(nlp):
    text = ("Norway imposed sanctions on Acme Corp on Monday.\n"
            "Among them, a two-year ban on all imports to Norway from the firm,\n"
            "Thirdly, a two-year ban on government contracts with the firm.")
    events, _ = _events(nlp, text)
    assert {"ImportRestriction", "Ban"} <= {e["measure"] for e in events if e["actors"] == {"Norway"}}, events


@pytest.mark.slow
def test_events_verbless_heading_takes_no_actor(nlp):
    text = "Norway imposed sanctions on Acme Corp on Monday.\n\nA first ban in Denmark\n\nDenmark is a small country."
    events, _ = _events(nlp, text)
    assert "Ban" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_infinitive_on_a_verbs_object_is_done_by_its_subject(nlp):
    events, _ = _events(nlp, "The Norwegian government announced plans to ban Acme phones.")
    assert any(e["measure"] == "Ban" and e["actors"] == {"Norway"} for e in events), events


@pytest.mark.slow
def test_events_power_to_act_names_no_actor(nlp):
    events, _ = _events(nlp, "The European Union adopted new rules on Monday. Member states will nonetheless retain "
                             "the power to review and potentially block foreign investment.")
    assert not any(e["measure"] == "Review" and "European Union" in e["actors"] for e in events), events


@pytest.mark.slow
def test_events_list_of_modifiers_before_a_government_noun_names_the_government(nlp):
    text = ("Norway suspended the operations of Acme Corp last week. Norway said the firm broke Norwegian law.\n"
            "Relevant security, financial services and data protection agencies have commenced inquiries into the firm.")
    events, _ = _events(nlp, text)
    assert any(e["measure"] == "Investigation" and e["actors"] == {"Norway"} for e in events), events
