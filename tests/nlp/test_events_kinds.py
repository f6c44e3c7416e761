"""kg_events: measure kinds from the whole clause — procurement bans and sales bans (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
def test_events_ban_on_buying_equipment_is_a_ban_not_an_export_control(nlp):
    events, _ = _events(nlp, "Norway banned its ministries from buying Acme Telecom equipment.")
    kinds = [e["measure"] for e in events]
    assert "Ban" in kinds and "ExportControl" not in kinds, events


@pytest.mark.slow
def test_events_barring_a_vendor_from_networks_is_a_ban(nlp):
    events, _ = _events(nlp, "Sweden has barred Acme Telecom from supplying its mobile networks.")
    assert [e["measure"] for e in events] == ["Ban"], events


@pytest.mark.slow
def test_events_sales_ban_at_home_is_a_ban(nlp):
    events, _ = _events(nlp, "Brazil banned sales of the Acme X1 phone.")
    kinds = [e["measure"] for e in events]
    assert "Ban" in kinds and "ExportControl" not in kinds, events


@pytest.mark.slow
def test_events_ban_on_sales_abroad_stays_an_export_control(nlp):
    events, _ = _events(nlp, "Brazil banned sales of advanced chips to Russia.")
    assert "ExportControl" in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_restrictions_on_sales_to_a_country_stay_an_export_control(nlp):
    events, _ = _events(nlp, "Washington imposed sweeping restrictions on sales of chipmaking tools to China in 2022.")
    assert "ExportControl" in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_trigger_word_inside_a_body_name_makes_no_event(nlp):
    events, _ = _events(nlp, "Ruritania's State Administration for Market Regulation met company executives on Monday.")
    assert "Regulation" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_regulation_to_screen_investment_is_an_investment_restriction(nlp):
    events, _ = _events(nlp, "The Council of the European Union approved a regulation to screen foreign direct "
                             "investment on national security grounds.")
    kinds = [e["measure"] for e in events]
    assert "InvestmentRestriction" in kinds and "Regulation" not in kinds, events


@pytest.mark.slow
def test_events_export_control_regulations_are_export_controls(nlp):
    events, _ = _events(nlp, "The Dutch government announced new export control regulations on Friday.")
    kinds = [e["measure"] for e in events]
    assert "ExportControl" in kinds and "Regulation" not in kinds, events


@pytest.mark.slow
def test_events_subject_of_face_is_hit_by_the_measure_not_its_actor(nlp):
    events, _ = _events(nlp, "Three Chinese companies faced sanctions the following month.")
    assert not any("China" in e["actors"] for e in events), events


@pytest.mark.slow
def test_events_sanctions_beside_fines_are_legal_action(nlp):
    events, _ = _events(nlp, "The European Commission announced new sanctions under its competition rules. "
                             "Acme has been fined 500 million euros.")
    kinds = [e["measure"] for e in events]
    assert "LegalAction" in kinds and "Sanction" not in kinds, events


@pytest.mark.slow
def test_events_sanctions_without_fines_stay_sanctions(nlp):
    events, _ = _events(nlp, "The European Union imposed sanctions on Ruritania over the invasion.")
    assert "Sanction" in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_subsidised_goods_report_no_subsidy(nlp):
    events, _ = _events(nlp, "France complained about a surge in imports of subsidised electric cars from Ruritania.")
    assert "Subsidy" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_a_state_subsidising_an_industry_is_still_a_subsidy(nlp):
    events, _ = _events(nlp, "Germany subsidised its electric car makers with 5 billion euros in 2023.")
    assert "Subsidy" in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_ban_on_the_sale_of_a_foreign_product_at_home_is_a_ban(nlp):
    events, _ = _events(nlp, "The United States plans to ban the sale of software made by Ruritanian firm Acme "
                             "due to its alleged links to the Kremlin.")
    kinds = [e["measure"] for e in events]
    assert "Ban" in kinds and "ExportControl" not in kinds, events


@pytest.mark.slow
def test_sectors_in_the_reason_for_a_measure_do_not_split_it(nlp):
    events, _ = _events(nlp, "The United States sanctioned three firms for supplying Ruritania's missile and "
                             "nuclear programs.")
    assert len([e for e in events if e["measure"] == "Sanction"]) == 1, events


@pytest.mark.slow
def test_coordinated_sectors_of_the_target_still_split(nlp):
    events, _ = _events(nlp, "The United States restricted exports to AI and quantum computing companies.")
    assert len([e for e in events if e["measure"] == "ExportControl"]) >= 2, events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Norway's Foreign Ministry said the checks don\u2019t by themselves ban the app.",
    "Norway's Foreign Ministry defended the new checks, which do not ban travel or restrict visits to Norway.",
])
def test_events_a_denied_measure_with_a_typographic_apostrophe_or_coordinated_is_none(nlp, text):
    events, _ = _events(nlp, text)
    assert not [e for e in events if e["measure"] in ("Ban", "TravelRestriction")], events


@pytest.mark.slow
def test_events_tools_banned_from_use_is_a_ban(nlp):
    events, _ = _events(nlp, "Chat tools such as Acme Bot have been banned from use on government computers in Norway.")
    kinds = [e["measure"] for e in events]
    assert "Ban" in kinds and "ExportControl" not in kinds, events


@pytest.mark.slow
def test_events_ban_on_vendor_equipment_at_home_is_a_ban(nlp):
    events, _ = _events(nlp, "Norway decided to ban Acme Telecom equipment over fears of espionage.")
    kinds = [e["measure"] for e in events]
    assert "Ban" in kinds and "ExportControl" not in kinds, events


@pytest.mark.slow
def test_events_what_a_told_measure_does_joins_it(nlp):
    # rule 'instrument-content': "The measures prohibit ..." restates the sanctions; a rule told only by what it
    # does keeps its own event
    events, _ = _events(nlp, "Canada imposed new sanctions on Belarus on Monday. The measures prohibit Canadian "
                             "firms from dealing with the state airline.")
    assert [e["measure"] for e in events] == ["Sanction"], events
    events, _ = _events(nlp, "Canada unveiled a rule on foreign investment in mining. The rule prohibits "
                             "transactions with state-owned buyers.")
    assert [e["measure"] for e in events] == ["InvestmentRestriction"], events


@pytest.mark.slow
def test_events_blocking_the_purchase_of_a_firm_is_an_investment_restriction(nlp):
    # rule 'firm-bought': the object bought is a firm, not kit
    events, _ = _events(nlp, "Germany's government has blocked a Chinese defence company from buying a German "
                             "satellite firm.")
    assert [e["measure"] for e in events] == ["InvestmentRestriction"], events
    events, _ = _events(nlp, "Rome blocked a plan to set up a joint venture with a Chinese group.")
    assert [e["measure"] for e in events] == ["InvestmentRestriction"], events


@pytest.mark.slow
def test_events_coordinated_measures_are_two_measures(nlp):
    # rule 'coordinated-measures': the travel bans are not the topic of the sanctions
    events, _ = _events(nlp, "Canada imposed sanctions and travel bans on ten officials.")
    assert sorted(e["measure"] for e in events) == ["Sanction", "TravelRestriction"], events


@pytest.mark.slow
def test_events_an_inquiry_into_something_is_an_investigation(nlp):
    events, _ = _events(nlp, "Norway's data protection authority launched an inquiry into Acme's data practices.")
    assert [e["measure"] for e in events] == ["Investigation"], events


@pytest.mark.slow
def test_events_blocking_a_named_service_is_a_ban(nlp):
    # rule 'block-service': the named service itself is blocked (no object cue word needed)
    events, _ = _events(nlp, "Italy's privacy watchdog blocked DeepSeek on Thursday.")
    assert [e["measure"] for e in events] == ["Ban"], events
    events, _ = _events(nlp, "Facebook and YouTube were blocked in Iran in 2009.")
    assert [(e["measure"], e["actors"]) for e in events] == [("Ban", {"Iran"})], events
