"""kg_events: who the actor of a measure is — leaders, participles, passives, reported speech (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


def _of(events, measure):
    return [e for e in events if e["measure"] == measure]


@pytest.mark.slow
def test_events_head_of_state_acts_for_the_state(nlp):
    events, _ = _events(nlp, "Xi Jinping on Monday blocked the $5 billion takeover of Acme Robotics.")
    found = _of(events, "InvestmentRestriction")
    assert found and "China" in found[0]["actors"], events


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
def test_events_nationality_of_a_sanctioned_person_is_no_actor(nlp):
    events, _ = _events(nlp, "Those sanctioned include Russian national Ivan Petrov and a China-based trader.")
    assert not any(e["actors"] & {"Russia", "China"} for e in events), events


@pytest.mark.slow
def test_events_the_owner_of_a_law_cited_as_basis_does_not_act(nlp):
    events, _ = _events(nlp, "Norway's data regulator opened a case against Acme last year. On Monday Acme was "
                             "ordered to pay a fine in violation of EU law.")
    assert not any("European Union" in e["actors"] for e in events), events


@pytest.mark.slow
def test_events_this_ban_in_a_lawsuits_reason_is_the_ban_reported_before(nlp):
    events, _ = _events(nlp, "Norway has restricted cobalt exports since 2020. Japan then took Norway to "
                             "the WTO over this ban.")
    assert not any("Japan" in e["actors"] for e in events), events


@pytest.mark.slow
def test_events_a_predicate_demonym_names_no_actor(nlp):
    events, _ = _events(nlp, "Norway indicted two engineers on Friday. The younger one was among five workers "
                             "indicted last week, and she is neither Chilean nor of Chilean heritage.")
    assert not any("Chile" in e["actors"] for e in events), events


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
def test_events_law_subject_that_names_its_state_acts_for_it(nlp):
    events, _ = _events(nlp, "China sanctioned Acme in May. Taiwanese law prohibits Chinese investment in some parts "
                             "of the chip industry.")
    found = _of(events, "InvestmentRestriction")
    assert found and found[0]["actors"] == {"Taiwan"}, events


@pytest.mark.slow
def test_events_the_government_is_the_state_its_sentence_names_before_the_main_country(nlp):
    events, _ = _events(nlp, "The United States fined Acme in May. The United States sanctioned it in June. The "
                             "government has banned the Acme app, calling it a threat to Canada's security.")
    found = _of(events, "Ban")
    assert found and found[0]["actors"] == {"Canada"}, events


@pytest.mark.slow
def test_events_agentless_passive_in_a_time_clause_is_the_main_countrys(nlp):
    events, _ = _events(nlp, "Japan is a hard place for foreign engineers. Japan tightened checks in 2019. Hiring "
                             "slowed in the spring when new work visas for engineers were suspended.")
    found = _of(events, "VisaRestriction")
    assert found and found[0]["actors"] == {"Japan"}, events


@pytest.mark.slow
def test_events_pronoun_subject_of_a_reported_clause_is_the_reporting_government(nlp):
    events, _ = _events(nlp, "South Korea's Supreme Court ruled against Acme last year. Japan announced in August "
                             "that it was removing South Korea from its own white list of trusted trade partners.")
    found = _of(events, "ExportControl")
    assert found and found[0]["actors"] == {"Japan"}, events


@pytest.mark.slow
@pytest.mark.parametrize("text,actor", [
    ("Officials in Beijing banned the app on Monday.", "China"),
    ("Regulators in Brussels opened an investigation into Meta.", "European Union"),
])
def test_events_a_government_word_in_a_capital_is_that_state(nlp, text, actor):
    events, _ = _events(nlp, text)
    assert events and actor in events[0]["actors"], events
