"""kg_events: the regulatory and legal family — regulations, laws, bans, reviews, agreements — and the
coordination and merging rules found on the dev misses (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Freedonia has no laws regulating the storage of genetic data.",
    "The Freedonian parliament passed the Robotics Act, a first step towards regulating robots.",
])
def test_events_regulate_as_a_modifier_makes_no_regulation(nlp, text):
    events, _ = _events(nlp, text)
    assert "Regulation" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_regulations_that_ban_are_the_instrument_of_the_ban(nlp):
    events, _ = _events(nlp, "Norway issued new guidelines for its ministries. The guidelines also restrict the use of Acme software.")
    kinds = [e["measure"] for e in events]
    assert "Ban" in kinds and kinds.count("Regulation") <= 1, events


@pytest.mark.slow
def test_events_law_as_subject_of_a_ban_takes_the_actor_before_it(nlp):
    events, _ = _events(nlp, "The European Council adopted new measures against Ruritania on Monday. "
                             "Regulation 2031/55 also prohibits the export of machine tools to Ruritania.")
    ec = [e for e in events if e["measure"] == "ExportControl"]
    assert ec and any("European Council" in a or "European Union" in a for a in ec[0]["actors"]), events
    assert "Regulation" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_data_regulation_is_a_data_restriction(nlp):
    events, _ = _events(nlp, "Norway released a new data regulation on Friday.")
    kinds = [e["measure"] for e in events]
    assert "DataRestriction" in kinds and "Regulation" not in kinds, events


@pytest.mark.slow
def test_events_executive_order_is_a_regulation(nlp):
    events, _ = _events(nlp, "The United States issued an executive order on artificial intelligence on Thursday.")
    assert "Regulation" in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_order_named_as_legal_basis_makes_no_regulation(nlp):
    events, _ = _events(nlp, "The United States imposed sanctions on Acme Trading under an executive order "
                             "targeting arms dealers.")
    kinds = [e["measure"] for e in events]
    assert "Sanction" in kinds and "Regulation" not in kinds, events


@pytest.mark.slow
def test_events_order_a_rule_implements_is_its_basis(nlp):
    text = ("The Treasury Department's new rule bars U.S. persons from investing in Ruritanian robot makers. "
            "The rule implements an executive order that President Joe Biden signed in August 2023.")
    events, _ = _events(nlp, text)
    assert events and not [e for e in events if e["rule"].endswith("executive-order")], events


@pytest.mark.slow
def test_events_government_implementing_an_order_is_still_a_measure(nlp):
    events, _ = _events(nlp, "Norway implemented an executive order restricting drone exports on Monday.")
    assert events, events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Norway issued guidelines that will phase out Acme chips from government computers.",
    "Acme Telecom was excluded from a Norwegian government tender.",
    "Norway imposed an internet shutdown across the country.",
])
def test_events_phase_out_exclusion_and_shutdown_are_bans(nlp, text):
    events, _ = _events(nlp, text)
    assert "Ban" in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_agreement_to_provide_funding_is_the_subsidy(nlp):
    events, _ = _events(nlp, "The U.S. Department of Commerce reached a preliminary agreement with Acme Chips to "
                             "provide $2 billion of funding for a new plant. If the preliminary agreement holds, "
                             "the plant opens in 2027.")
    kinds = [e["measure"] for e in events]
    assert "Subsidy" in kinds and "Agreement" not in kinds, events


@pytest.mark.slow
def test_events_unanimous_agreement_and_a_policy_memo_are_no_pact(nlp):
    events, _ = _events(nlp, "Norway's council eased the rules through unanimous agreement. The agency issued a "
                             "memorandum on the use of artificial intelligence.")
    assert "Agreement" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_the_regulation_restated_keeps_the_kind_of_its_first_mention(nlp):
    events, _ = _events(nlp, "The Council of the European Union approved a regulation to screen foreign direct "
                             "investment. The Council said the Regulation will apply from April.")
    kinds = [e["measure"] for e in events]
    assert "InvestmentRestriction" in kinds and "Regulation" not in kinds, events


@pytest.mark.slow
def test_events_a_leader_signing_a_law_acts_for_the_state_they_lead(nlp):
    events, _ = _events(nlp, "Norwegian Prime Minister Kari Nordmann spoke on Monday. Nordmann signed the "
                             "Robotics Safety Act into law in May.")
    leg = [e for e in events if e["measure"] == "Legislation"]
    assert leg and "Norway" in leg[0]["actors"], events


@pytest.mark.slow
def test_events_a_law_in_effect_is_legislation_of_the_state_named_before(nlp):
    events, _ = _events(nlp, "Norway took control of the chipmaker. The Goods Supply Act has been in effect "
                             "since 1952.")
    leg = [e for e in events if e["measure"] == "Legislation"]
    assert leg and "Norway" in leg[0]["actors"], events


@pytest.mark.slow
def test_events_a_program_taking_effect_is_no_legislation(nlp):
    events, _ = _events(nlp, "Norway said the Young Talents Program that will take effect in 2027 aims to lure "
                             "400 scientists.")
    assert "Legislation" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_an_approved_resolution_is_a_regulation(nlp):
    events, _ = _events(nlp, "The UN Security Council unanimously approved Resolution 2999 on Tuesday.")
    kinds = [e["measure"] for e in events]
    assert "Regulation" in kinds and "Legislation" not in kinds, events


@pytest.mark.slow
def test_events_a_list_of_states_and_a_bloc_banning_makes_one_event_each(nlp):
    events, _ = _events(nlp, "Canada, Norway and the European Union's executive branch have prohibited the Acme "
                             "app on official devices.")
    actors = [frozenset(e["actors"]) for e in events if e["measure"] == "Ban"]
    assert any("European Union" in a for a in actors) and any("Canada" in a for a in actors), events
    assert not any("Canada" in a and "European Union" in a for a in actors), events


@pytest.mark.slow
def test_events_a_lifted_ban_and_a_new_block_are_two_bans(nlp):
    events, _ = _events(nlp, "Pakistan lifted the ban on the Acme video app. Pakistan has blocked access to "
                             "the Tinder and Grindr dating apps.")
    bans = [e for e in events if e["measure"] == "Ban"]
    assert len(bans) == 2 and {e["status"] for e in bans} >= {"Revoked"}, events


@pytest.mark.slow
def test_events_suspending_operations_is_a_ban_even_over_data_concerns(nlp):
    events, _ = _events(nlp, "Kenya has suspended the operations of Acme Scan over data privacy concerns.")
    kinds = [e["measure"] for e in events]
    assert "Ban" in kinds and "DataRestriction" not in kinds, events


@pytest.mark.slow
def test_events_an_agentless_passive_ban_is_the_measure_of_the_actor_before_it(nlp):
    events, _ = _events(nlp, "Norway's cyberspace agency found security risks in Acme Memory chips. Operators of "
                             "critical infrastructure are now prohibited from purchasing Acme Memory products.")
    bans = [e for e in events if e["measure"] == "Ban"]
    assert bans and "Norway" in bans[0]["actors"], events


@pytest.mark.slow
def test_events_a_passive_inside_a_request_takes_no_actor_from_context(nlp):
    events, _ = _events(nlp, "Norway ordered internet providers to install a state certificate. Several users "
                             "asked Mozilla to request that the certificate be blacklisted.")
    assert "EntityListing" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_an_antitrust_lawsuit_is_no_investigation(nlp):
    events, _ = _events(nlp, "The U.S. Justice Department filed an antitrust lawsuit against Acme Search.")
    kinds = [e["measure"] for e in events]
    assert "LegalAction" in kinds and "Investigation" not in kinds, events


@pytest.mark.slow
def test_events_proposals_to_enact_a_law_belong_to_the_announcer(nlp):
    events, _ = _events(nlp, "Norway announced its proposals to enact a new cybersecurity legislation on Monday.")
    leg = [e for e in events if e["measure"] == "Legislation"]
    assert leg and "Norway" in leg[0]["actors"], events


@pytest.mark.slow
def test_events_a_deal_between_states_is_an_agreement_of_all_of_them(nlp):
    events, _ = _events(nlp, "A deal between the Netherlands, the United States and Japan to restrict exports of "
                             "chip tools leaked out in January.")
    agr = [e for e in events if e["measure"] == "Agreement"]
    assert agr and {"Netherlands", "United States", "Japan"} <= agr[0]["actors"], events



@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Norway added two firms to its list, requiring licences for all items subject to regulations.",
    "The bill consolidates related industry regulations of Norway.",
])
def test_events_regulations_as_a_frame_or_body_of_rules_make_no_regulation(nlp, text):
    events, _ = _events(nlp, text)
    assert "Regulation" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_a_ban_named_as_violated_is_no_new_ban(nlp):
    events, _ = _events(nlp, "Norway fined Acme Trading after employees were caught violating Norwegian trade bans.")
    assert "Ban" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_the_ban_restated_in_a_past_sentence_joins_the_ban(nlp):
    events, _ = _events(nlp, "Norway's media regulator imposed a ban on Acme Social on Monday. The ban, the "
                             "regulator said at the time, will last for three months.")
    bans = [e for e in events if e["measure"] == "Ban"]
    assert len(bans) == 1 and bans[0]["actors"], events


@pytest.mark.slow
def test_events_banned_in_a_list_of_countries_is_one_ban_per_country(nlp):
    events, _ = _events(nlp, "The photo app of the Chinese firm Acme has been banned in several countries such as "
                             "the U.S. and Canada.")
    actors = [e["actors"] for e in events if e["measure"] == "Ban"]
    assert not any("China" in a for a in actors), events
    assert any("Canada" in a for a in actors) and any("United States" in a for a in actors), events


@pytest.mark.slow
def test_events_a_security_check_of_products_is_a_review_but_a_procedure_name_is_not(nlp):
    events, _ = _events(nlp, "Norway's cyberspace agency conducted a network security check of Acme Memory products.")
    assert "Review" in [e["measure"] for e in events], events
    events, _ = _events(nlp, "Norway released guidance on the data transfer security assessment.")
    assert "Review" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_a_government_forcing_people_to_act_is_a_regulation_but_being_forced_is_not(nlp):
    events, _ = _events(nlp, "The Government of Norway is forcing residents to install a state certificate.")
    assert "Regulation" in [e["measure"] for e in events], events
    events, _ = _events(nlp, "Norway was forced to take action because of the attacks.")
    assert "Regulation" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_a_measure_forcing_firms_to_act_is_an_effect_not_a_regulation(nlp):
    events, _ = _events(nlp, "Norway banned exports of raw cobalt in 2021. That measure forced miners to refine "
                             "the metal at home.")
    assert "Regulation" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_prohibiting_a_transaction_is_an_investment_restriction(nlp):
    events, _ = _events(nlp, "Norway said it would take action to prohibit the transaction between Acme Telecom "
                             "and a Chinese buyer.")
    kinds = [e["measure"] for e in events]
    assert "InvestmentRestriction" in kinds and "Ban" not in kinds, events


@pytest.mark.slow
def test_events_the_reason_of_a_ban_does_not_choose_its_kind(nlp):
    events, _ = _events(nlp, "Norway banned the Acme video app over security and data privacy concerns.")
    kinds = [e["measure"] for e in events]
    assert "Ban" in kinds and "DataRestriction" not in kinds, events


@pytest.mark.slow
def test_events_existing_rules_and_regulations_make_no_regulation(nlp):
    events, _ = _events(nlp, "Norway said the bill will consolidate all existing rules and regulations.")
    assert "Regulation" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_censoring_content_and_disrupting_internet_access_are_bans(nlp):
    events, _ = _events(nlp, "Belarusian authorities have been censoring online content since the election.")
    assert "Ban" in [e["measure"] for e in events], events
    events, _ = _events(nlp, "Belarusian authorities have been disrupting internet access since the election.")
    assert "Ban" in [e["measure"] for e in events], events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Norway's health ministry has urged hospitals against installing routers made by Acme.",
    "The Norwegian health ministry told clinics to stop using Acme scanners.",
])
def test_events_a_government_advising_against_buying_reports_a_ban(nlp, text):
    events, _ = _events(nlp, text)
    bans = [e for e in events if e["measure"] == "Ban"]
    assert bans and "Norway" in bans[0]["actors"], events


@pytest.mark.slow
def test_events_analysts_advising_against_buying_report_no_ban(nlp):
    events, _ = _events(nlp, "Analysts advised against buying Acme shares.")
    assert not events, events


@pytest.mark.slow
def test_events_the_examples_of_generic_regulators_act(nlp):
    events, _ = _events(nlp, "Portugal wants growth. Several regulators, including Spain's data protection authority, "
                             "have also begun investigations into Acme.")
    inv = [e for e in events if e["measure"] == "Investigation"]
    assert inv and "Spain" in inv[0]["actors"], events


@pytest.mark.slow
def test_events_an_earlier_measure_opening_with_earlier_stays_apart(nlp):
    events, _ = _events(nlp, "Japan imposed sanctions on Ruritania on Monday. Earlier, Japan sanctioned "
                             "Ruritanian banks and traders for funding drone makers.")
    assert [e["measure"] for e in events].count("Sanction") == 2, events


@pytest.mark.slow
def test_events_plural_law_nouns_with_a_legislative_verb_are_legislation(nlp):
    events, _ = _events(nlp, "The Norwegian parliament on Friday passed a series of bills that restrict drone flights.")
    leg = [e for e in events if e["measure"] == "Legislation"]
    assert leg and "Norway" in leg[0]["actors"], events


@pytest.mark.slow
@pytest.mark.parametrize("text, kind", [
    ("Japan has adopted export curbs which ban its robot makers from shipping arms to Ruritania.",
     "ExportControl"),
    ("Last year Japan put Acme on its entity list, barring exports of Japanese lasers to the firms on "
     "it.", "EntityListing"),
])
def test_events_a_measure_verb_spelling_out_another_measure_is_that_measure(nlp, text, kind):
    events, _ = _events(nlp, text)
    assert [e["measure"] for e in events] == [kind], events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Acme has been banned by Norway's data protection authority from selling its location logs.",
    "Norway's privacy watchdog said it would impose a ban on Acme for scanning the faces of shoppers.",
])
def test_events_a_ban_by_a_data_protection_authority_is_a_data_restriction(nlp, text):
    events, _ = _events(nlp, text)
    assert [e["measure"] for e in events] == ["DataRestriction"], events


@pytest.mark.slow
def test_events_a_ban_on_products_by_a_data_protection_authority_stays_a_ban(nlp):
    events, _ = _events(nlp, "Norway's privacy watchdog imposed a ban on Acme cameras in state offices.")
    assert [e["measure"] for e in events] == ["Ban"], events


@pytest.mark.slow
def test_events_those_sanctioned_names_the_hit_not_a_measure(nlp):
    events, _ = _events(nlp, "Japan sanctioned six traders on Friday. Those sanctioned include Bolivian army officer "
                             "Juan Perez and two bankers.")
    sanctions = [e for e in events if e["measure"] == "Sanction"]
    assert len(sanctions) == 1 and len(sanctions[0]["evidence"]) == 1, events


@pytest.mark.slow
def test_events_a_court_ordering_a_ban_is_a_legal_action(nlp):
    events, _ = _events(nlp, "Norway's Supreme Court on Monday ordered the telecom regulator to ban the Acme app.")
    assert [e["measure"] for e in events] == ["LegalAction"], events
