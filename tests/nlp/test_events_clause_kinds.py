"""kg_events: the kind of a measure read from its whole clause (issue 12, `clause-kinds` round): rules issued
by a government, a country's ability to get goods, ... (real pipeline, slow). Sentences written for the tests."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Norway published interim rules governing facial recognition on Thursday.",
    "Last month, Norway tightened rules for drone imports.",
    "The Norwegian Ministry of Trade issued a decree on drone registration.",
    "Norway outlined rules on Friday to shield its fishing fleet from foreign buyers.",
    "Norway implemented rules on the registration of drones last week.",
])
def test_events_rules_a_government_issues_are_a_regulation(nlp, text):
    events, _ = _events(nlp, text)
    reg = [e for e in events if e["measure"] == "Regulation"]
    assert reg and "Norway" in reg[0]["actors"], events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Norway said the firm had broken EU and WTO rules.",
    "Norway says the attack is an attack on the rules-based order.",
    "Such decrees will do nothing for security, a Norwegian scientist said.",
])
def test_events_rules_in_place_make_no_regulation(nlp, text):
    events, _ = _events(nlp, text)
    assert "Regulation" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_rules_adopted_beside_a_law_are_that_law(nlp):
    events, _ = _events(nlp, "The European Parliament approved the Robotics Act, adopting rules for robots as law.")
    kinds = [e["measure"] for e in events]
    assert "Legislation" in kinds and "Regulation" not in kinds, events


@pytest.mark.slow
def test_events_rules_restricting_a_countrys_ability_to_get_chips_are_export_controls(nlp):
    events, _ = _events(nlp, "In 2022 the United States introduced rules aimed at restricting China's ability to "
                             "access, acquire or manufacture advanced chips.")
    kinds = [e["measure"] for e in events]
    assert "ExportControl" in kinds and "Regulation" not in kinds, events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The Norwegian government on Friday announced a one-time $5,000 charge for each work permit application.",
    "Last month, Norway announced a $90 million deal to provide radars to Freedonia.",
    "Norway has approved several billion dollars' worth of chip exports to Freedonian companies.",
])
def test_events_a_price_or_payment_is_no_subsidy(nlp, text):
    events, _ = _events(nlp, text)
    assert "Subsidy" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_a_sum_given_is_still_a_subsidy(nlp):
    events, _ = _events(nlp, "Norway has pledged $90 million to support its chipmakers.")
    assert "Subsidy" in [e["measure"] for e in events], events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure", [
    ("Norway has barred its government employees from using Acme translation software.", "Ban"),
    ("Norway has taken action to prevent government agencies from installing Freedonian cameras.", "Ban"),
    ("Norway said it would deny their employees visas to enter the country.", "VisaRestriction"),
    ("Norway has been refusing visas to Freedonian researchers since May.", "VisaRestriction"),
])
def test_events_keeping_a_party_from_something_takes_the_kind_of_the_thing(nlp, text, measure):
    events, _ = _events(nlp, text)
    found = [e for e in events if e["measure"] == measure]
    assert found and "Norway" in found[0]["actors"], events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The company has long denied supplying products to the Norwegian army.",
    "Norway passed a law on research security, a move designed to prevent the leakage of knowledge abroad.",
])
def test_events_denying_a_claim_or_a_purpose_to_prevent_is_no_measure(nlp, text):
    events, _ = _events(nlp, text)
    assert not [e for e in events if e["measure"] in ("Ban", "TravelRestriction", "ExportControl")], events


@pytest.mark.slow
def test_events_the_offence_a_fine_punishes_is_no_measure(nlp):
    # "won" (the currency) read as a verb hangs "for" under it, below the measure verb
    events, _ = _events(nlp, "The Norwegian Competition Authority fined Acme 224 billion won in 2021 for blocking "
                             "phone makers from using rival software.")
    kinds = [e["measure"] for e in events]
    assert "LegalAction" in kinds and "Ban" not in kinds, events


@pytest.mark.slow
def test_events_rules_one_fails_to_adhere_to_make_no_regulation(nlp):
    events, _ = _events(nlp, "Norway's data protection authority announced a suspension of new downloads of the Acme "
                             "app following the app's failure to adhere to certain privacy regulations.")
    kinds = [e["measure"] for e in events]
    # 'following' is a preposition, not a practice of the app (rule 'data-authority'): the suspension is a Ban
    assert "Ban" in kinds and "Regulation" not in kinds and "DataRestriction" not in kinds, events


@pytest.mark.slow
def test_events_a_passive_measure_with_a_no_subject_is_negated(nlp):
    events, _ = _events(nlp, "A Norwegian ministry spokesman said that no illegal data collection is sanctioned by "
                             "Norway.")
    assert "Sanction" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_guardrails_a_government_sets_are_a_regulation(nlp):
    events, _ = _events(nlp, "Norway's government repealed the 2023 guardrails for artificial intelligence on Monday.")
    assert "Regulation" in [e["measure"] for e in events], events
    events, _ = _events(nlp, "Acme added new guardrails to its chatbot last week.")
    assert "Regulation" not in [e["measure"] for e in events], events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure", [
    ("Norway has suspended new downloads of Acme's messaging service.", "Ban"),
    ("Norway restricted companies from exporting drone engines to Freedonia.", "ExportControl"),
    ("Norway blocked firms from importing Freedonian steel.", "ImportRestriction"),
])
def test_events_a_verb_form_in_the_object_gives_the_kind(nlp, text, measure):
    events, _ = _events(nlp, text)
    assert measure in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_the_move_spelled_out_is_no_second_measure(nlp):
    events, _ = _events(nlp, "Norway added Acme to its entity list on Thursday. The move, laid out in a government "
                             "notice, will bar Acme's suppliers from shipping Norwegian goods to it.")
    assert [e["measure"] for e in events] == ["EntityListing"], events


@pytest.mark.slow
def test_events_regulations_an_ing_clause_spells_out_are_the_instrument(nlp):
    events, _ = _events(nlp, "Norway has imposed strict regulations on the Acme chatbot, banning its use across all "
                             "public sector organisations.")
    kinds = [e["measure"] for e in events]
    assert "Ban" in kinds and "Regulation" not in kinds, events


@pytest.mark.slow
def test_events_the_sale_of_firms_is_an_investment_restriction(nlp):
    events, _ = _events(nlp, "Norway blocks sale of two chipmakers to China.")
    kinds = [e["measure"] for e in events]
    assert "InvestmentRestriction" in kinds and "ExportControl" not in kinds, events


@pytest.mark.slow
def test_events_without_a_ban_there_is_no_ban(nlp):
    events, _ = _events(nlp, "Norway said that without a ban, the technology would flow to Russia.")
    assert "Ban" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_a_government_urging_another_state_is_no_ban(nlp):
    events, _ = _events(nlp, "The Norwegian foreign ministry urged Denmark to cease using national security as a "
                             "pretext.")
    assert "Ban" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_the_on_phrase_hung_on_the_verb_still_gives_the_kind(nlp):
    # the parser hangs "on chip exports" on "unveiled", not on "curbs"
    events, _ = _events(nlp, "The Norwegian government unveiled new curbs on chip exports to China.")
    assert "ExportControl" in [e["measure"] for e in events], events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure", [
    ("Norway requires foreign tech firms to store user data locally.", "DataRestriction"),
    ("Norway requires foreign tech firms to open a local office.", "Regulation"),
])
def test_events_a_government_requiring_firms_to_act_is_a_rule_of_that_kind(nlp, text, measure):
    events, _ = _events(nlp, text)
    found = [e for e in events if e["measure"] == measure]
    assert found and "Norway" in found[0]["actors"], events


@pytest.mark.slow
def test_events_a_coordinated_clause_with_its_own_subject_keeps_its_polarity(nlp):
    text = ("Norway is not the first country to impose access restrictions - earlier this year, Denmark also imposed a "
            "similar ban on Chinese phones in ministries.")
    events, _ = _events(nlp, text)
    assert any(e["measure"] == "Ban" and e["actors"] == {"Denmark"} for e in events), events
