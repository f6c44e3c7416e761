"""kg_events: rules added for language seen outside the dev document (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events, _one  # the helper of the event tests in this folder


@pytest.mark.slow
def test_events_licence_needed_impersonal_export_control_takes_kind_and_targets_from_subject(nlp):
    events, _ = _events(nlp, "China said on Monday that exports of gallium and germanium would need a licence "
                             "from August 1.")
    found = [e for e in events if e["measure"] == "ExportControl"]
    assert len(found) == 1, events
    assert found[0]["actors"] == {"China"}
    assert found[0]["targets"] == {"gallium", "germanium"}
    assert found[0]["rule"] == "event:licence-needed"


@pytest.mark.slow
def test_events_licence_needed_issuer_after_from_is_the_actor(nlp):
    events, _ = _events(nlp, "Exports of the most powerful AI chips to the Middle East need a licence from the "
                             "Bureau of Industry and Security.")
    found = [e for e in events if e["measure"] == "ExportControl"]
    assert len(found) == 1, events
    assert "Bureau of Industry and Security" in found[0]["actors"]


@pytest.mark.slow
def test_events_licence_needed_without_trade_word_in_subject_makes_no_event(nlp):
    events, _ = _events(nlp, "Visitors need a permit from the park authority to camp overnight.")
    assert events == []


@pytest.mark.slow
def test_events_evaluation_of_a_measure_by_its_critic_makes_no_event_of_the_critic(nlp):
    events, _ = _events(nlp, "The United States added YMTC to the Entity List in December. China's Ministry of "
                             "Commerce called the decision an abuse of export controls.")
    assert [e["measure"] for e in events] == ["EntityListing"], events
    assert not any("China" in e["actors"] for e in events)


@pytest.mark.slow
def test_events_evaluation_keeps_the_measure_of_a_named_owner(nlp):
    events, _ = _events(nlp, "China condemned Japan's export controls as bullying.")
    found = [e for e in events if e["measure"] == "ExportControl"]
    assert len(found) == 1 and found[0]["actors"] == {"Japan"}, events


@pytest.mark.slow
def test_events_call_for_a_measure_is_not_an_evaluation(nlp):
    events, _ = _events(nlp, "China called for export controls on drones.")
    assert [e["measure"] for e in events] == ["ExportControl"], events


@pytest.mark.slow
def test_events_stop_exports_is_an_export_control_and_a_will_headline_report_is_announced(nlp):
    events, _ = _events(nlp, "Peru Extends Export Ban to Copper Ore\n\nPeru will stop exports of copper ore from "
                             "March, the mining minister said.")
    found = _one(events, "ExportControl")
    assert found["actors"] == {"Peru"}
    assert found["status"] == "Announced"


@pytest.mark.slow
def test_events_ordered_to_sell_their_stakes_is_an_investment_restriction_and_keeps_the_review(nlp):
    events, _ = _events(nlp, "Australia has ordered two foreign funds to sell their stakes in local mining "
                             "companies, following a national security review.")
    assert _one(events, "InvestmentRestriction")["rule"] == "event:sell-stakes"
    assert _one(events, "Review")["actors"] == {"Australia"}


@pytest.mark.slow
def test_events_licence_approval_targets_the_recipient_and_affects_the_licensee(nlp):
    events, _ = _events(nlp, "The U.S. Commerce Department has approved licences for Nvidia to ship advanced AI "
                             "chips to Humain, a Saudi artificial intelligence company.")
    found = _one(events, "ExportControl")
    assert found["rule"] == "event:licence-approval"
    assert found["targets"] == {"Humain"}
    assert found["affects"] == {"Nvidia"}


@pytest.mark.slow
def test_events_own_product_of_the_target_company_is_not_a_second_target(nlp):
    events, _ = _events(nlp, "Japan's Fair Trade Commission has opened an investigation into whether Google forced "
                             "phone makers to preinstall its Gemini AI assistant.")
    found = _one(events, "Investigation")
    assert "Google" in found["targets"]
    assert "Gemini" not in found["targets"]


@pytest.mark.slow
def test_events_person_who_is_subject_of_a_side_clause_is_not_a_target(nlp):
    events, _ = _events(nlp, "The United States and Vietnam signed a partnership on semiconductors in September "
                             "2023 when President Joe Biden visited the country.")
    found = _one(events, "Agreement")
    assert "Joe Biden" not in found["targets"]


@pytest.mark.slow
def test_events_challenging_a_ban_at_the_wto_is_legal_action_not_a_new_ban(nlp):
    events, _ = _events(nlp, "The European Union challenged the cobalt ban at the World Trade Organization.")
    assert [e["measure"] for e in events] == ["LegalAction"], events
    assert events[0]["actors"] >= {"European Union"}


@pytest.mark.slow
def test_events_challenges_facing_an_industry_are_no_legal_action(nlp):
    events, _ = _events(nlp, "Chipmakers in Germany face challenges from rising energy prices.")
    assert not [e for e in events if e["measure"] == "LegalAction"], events


@pytest.mark.slow
def test_events_wanting_to_train_engineers_is_a_talent_program(nlp):
    events, _ = _events(nlp, "Malaysia wants to train 60,000 semiconductor engineers by 2030.")
    found = _one(events, "TalentProgram")
    assert found["actors"] == {"Malaysia"}
    assert found["rule"] == "event:train-talent"


@pytest.mark.slow
def test_events_legal_challenge_targets_the_country_whose_measure_is_challenged(nlp):
    events, _ = _events(nlp, "Indonesia banned exports of nickel ore in 2020. Indonesia said the ban would stay. "
                             "The European Union challenged the nickel ban at the World Trade Organization.")
    found = _one(events, "LegalAction")
    assert "Indonesia" in found["targets"]
    assert "nickel" not in found["targets"]


@pytest.mark.slow
def test_events_wants_to_train_engineers_is_announced(nlp):
    events, _ = _events(nlp, "Malaysia wants to train 60,000 semiconductor engineers by 2030.")
    assert _one(events, "TalentProgram")["status"] == "Announced"
