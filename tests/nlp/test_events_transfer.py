"""kg_events: rules of the generality round (issue 12) — each one a pattern seen in several dev stories,
tested on sentences written for it (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # rule 'aim-owner': a state owning a noun inside what the measure aims at is no actor
    "Delegates in Geneva agreed at a summit to freeze the funds of Myanmar's central bank, the biggest lender, "
    "and a travel ban on officers working with Myanmar's army.",
])
def test_a_state_inside_the_aim_of_a_measure_is_not_its_actor(nlp, text):
    events, _ = _events(nlp, text)
    assert not any(e["actors"] & {"Myanmar"} for e in events), events


@pytest.mark.slow
def test_the_owner_of_the_list_a_party_is_added_to_still_acts(nlp):
    # not 'aim-owner': "to" is no aim preposition
    events, _ = _events(nlp, "Twelve more firms were added to the European Union's visa-ban list on Monday.")
    assert any("European Union" in e["actors"] for e in events), events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # rule 'hypothetical': a measure in an "if" clause is a condition; the subject of a "whether" clause a question
    "China said it would retaliate if the United States imposed new export controls on chips.",
    "The inquiry will establish whether Japanese subsidies have harmed European shipyards.",
])
def test_a_condition_or_a_question_of_fact_is_no_measure(nlp, text):
    events, _ = _events(nlp, text)
    assert not [e for e in events if e["measure"] in ("Subsidy", "ExportControl")], events


@pytest.mark.slow
def test_deciding_whether_to_impose_a_measure_is_still_a_measure(nlp):
    events, _ = _events(nlp, "The European Commission will decide whether to impose tariffs on imports of "
                             "Japanese ships.")
    assert [e for e in events if e["measure"] == "ImportRestriction"], events


@pytest.mark.slow
def test_the_new_guidelines_restate_the_reported_measure(nlp):
    # rule 'the-new-rules': a definite regulation noun with no phrase of its own is the main measure's instrument
    events, _ = _events(nlp, "Japan has issued new rules that will phase out foreign routers from government "
                             "offices. The new procurement guidelines require ministries to buy domestic equipment.")
    assert [e["measure"] for e in events] == ["Ban"], events


@pytest.mark.slow
def test_a_regulation_with_its_own_phrase_is_still_a_regulation(nlp):
    events, _ = _events(nlp, "Japan has issued new rules that will phase out foreign routers from government "
                             "offices. The regulations on drone flights were also tightened.")
    assert "Regulation" in [e["measure"] for e in events], events


@pytest.mark.slow
def test_the_measure_given_as_a_cause_is_the_one_reported(nlp):
    # rule 'cause-phrase': "due to the ban" restates the measure; "London" in the clause subject does not act
    events, _ = _events(nlp, "Indonesia will ban exports of nickel ore from January. Traders expect London nickel "
                             "prices to jump due to the ban.")
    assert [(e["measure"], e["actors"]) for e in events] == [("ExportControl", {"Indonesia"})], events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # rule 'law-content': the measure a law being made carries is what the law says
    "Brazil's senate passed legislation on Monday tightening controls on the export of rare earths.",
    "The Kenyan government introduced legislation to tighten export controls on drones.",
])
def test_the_measure_of_a_law_being_made_is_the_law(nlp, text):
    events, _ = _events(nlp, text)
    assert [e["measure"] for e in events] == ["Legislation"], events


@pytest.mark.slow
def test_the_measure_of_a_law_in_effect_is_the_news(nlp):
    # rules 'law-in-effect-content' and 'law-owner': the ban is the event, acted by the law's owner
    events, _ = _events(nlp, "A Brazilian law banning the export of raw lithium took effect on Sunday.")
    assert [(e["measure"], e["actors"]) for e in events] == [("ExportControl", {"Brazil"})], events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # rule 'foreign-access': a country's access to goods or technology restricted -> ExportControl, not a Ban
    "Japan will restrict Iran's access to items that could support its drone industry.",
    "Canada imposed restrictions on Belarusian access to semiconductors and lasers.",
])
def test_a_country_denied_access_to_goods_is_an_export_control(nlp, text):
    events, _ = _events(nlp, text)
    kinds = [e["measure"] for e in events]
    assert "ExportControl" in kinds and "Ban" not in kinds, events


@pytest.mark.slow
def test_a_pronoun_after_a_company_subject_is_the_company(nlp):
    # rule 'company-pronoun': the company's own practice, not a government measure
    events, _ = _events(nlp, "The European Commission fined Apple on Monday. The Commission found that Apple failed "
                             "to comply with its obligations because of how it restricted developers that sell apps "
                             "in its store from telling users about cheaper offers.")
    assert [e["measure"] for e in events] == ["LegalAction"], events


@pytest.mark.slow
def test_a_pronoun_government_still_acts(nlp):
    events, _ = _events(nlp, "Japan said on Monday that it restricted exports of chipmaking tools to Iran.")
    assert any("Japan" in e["actors"] for e in events if e["measure"] == "ExportControl"), events


@pytest.mark.slow
def test_a_title_case_headline_takes_its_kind_from_the_words_after_the_trigger(nlp):
    # rule 'title-object': the parse of a title-case line is unreliable; the words up to the colon are the object
    events, _ = _events(nlp, "Japan Approves Regulation to Screen Inbound Foreign Investment: What Buyers Need to Know")
    assert [e["measure"] for e in events] == ["InvestmentRestriction"], events


@pytest.mark.slow
def test_a_sentence_case_line_keeps_the_parse(nlp):
    events, _ = _events(nlp, "Japan approved a regulation on drones, and investment in the sector rose.")
    assert "InvestmentRestriction" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_a_revocation_is_another_event_than_the_measure_it_ends(nlp):
    # rule 'revoked-other': parties removed from the list are a Revoked listing beside the new listing
    events, _ = _events(nlp, "Japan added twelve Chinese firms to its entity list on Monday. Japan also removed 30 "
                             "other firms from the entity list.")
    assert sorted(e["status"] for e in events if e["measure"] == "EntityListing") == ["InForce", "Revoked"], events


@pytest.mark.slow
def test_a_ban_lifted_in_the_sentence_that_tells_it_is_one_event(nlp):
    events, _ = _events(nlp, "Italy banned the app in 2023, lifting the ban a month later.")
    assert len([e for e in events if e["measure"] == "Ban"]) == 1, events


@pytest.mark.slow
def test_a_government_taking_control_of_a_firm_restricts_investment(nlp):
    # rule 'take-control'
    events, _ = _events(nlp, "Germany's economy ministry is taking over management of the refinery owned by Rosneft.")
    assert [(e["measure"], "Germany" in e["actors"]) for e in events] == [("InvestmentRestriction", True)], events


@pytest.mark.slow
def test_a_firm_taking_control_of_another_is_no_measure(nlp):
    events, _ = _events(nlp, "Chinese firm Wingtech took control of Nexperia in 2019.")
    assert events == [], events
