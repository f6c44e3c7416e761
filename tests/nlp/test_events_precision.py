"""kg_events: event precision rules (issue 12) — false events and the kind of a measure, each rule a pattern
seen in several dev stories, tested on sentences written for it (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # rule 'conditional-measure': a clause opened by "if" makes the measure of its main clause a contingency
    "If a data breach occurs, Norway's data protection authority will investigate the operator.",
    "If the firm fails to delete the records, it faces a fine imposed by Norway's data authority.",
])
def test_a_measure_under_a_fronted_condition_is_no_event(nlp, text):
    events, _ = _events(nlp, text)
    assert not [e for e in events if e["measure"] in ("Investigation", "LegalAction")], events


@pytest.mark.slow
def test_a_trailing_condition_states_the_scope_of_a_measure(nlp):
    events, _ = _events(nlp, "Norway's data protection authority will investigate the operator if it "
                             "finds that records were leaked.")
    assert [e for e in events if e["measure"] == "Investigation"], events


@pytest.mark.slow
def test_a_ban_kept_without_lifting_it_is_one_ban_in_force(nlp):
    # rule 'without-lifting': "without lifting the ban" revokes nothing, so no second, revoked ban
    events, _ = _events(nlp, "Denmark said in May it would ban ZTE from its mobile networks. A tribunal later let "
                             "Denmark's telecoms agency hold the licence sale without lifting the ban on ZTE.")
    bans = [e for e in events if e["measure"] == "Ban"]
    assert len(bans) == 1 and bans[0]["status"] != "Revoked", events


@pytest.mark.slow
def test_an_agreement_restated_with_one_party_is_the_same_agreement(nlp):
    # rule 'agreement-party': the parties of a restatement are a part of the agreement's parties
    events, _ = _events(nlp, "Canada and Australia have concluded an agreement on rare earths. The new agreement "
                             "seeks to cut both countries' reliance on rare earth imports from China.")
    assert len([e for e in events if e["measure"] == "Agreement"]) == 1, events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Norway's data authority imposed fines on Meta and Google for breaches of the privacy law.",
    "Norway's data authority imposed a fine of 3 million kroner for breaches of the privacy law.",
])
def test_fines_on_a_named_party_or_a_fine_are_a_legal_action(nlp, text):
    events, _ = _events(nlp, text)
    assert [e for e in events if e["measure"] == "LegalAction"], events


@pytest.mark.slow
def test_the_object_of_a_measure_may_hang_on_its_relative_clause(nlp):
    # rule 'relcl-on': "a ban that takes effect immediately on exports of X" bans exports
    events, _ = _events(nlp, "Japan's trade ministry declared a ban that applies from Monday on exports of germanium "
                             "to Russia.")
    assert [e["measure"] for e in events] == ["ExportControl"], events


@pytest.mark.slow
def test_incentives_in_a_clause_that_draws_researchers_are_a_talent_programme(nlp):
    # rule 'talent-fund' (extended): the attracting verb may govern the clause of the incentives
    events, _ = _events(nlp, "Canada launched a campaign to lure foreign scientists in 2025, unveiling an incentives "
                             "scheme worth 300 million dollars.")
    assert [e["measure"] for e in events] == ["TalentProgram"], events


@pytest.mark.slow
def test_cutting_grants_is_no_talent_programme(nlp):
    events, _ = _events(nlp, "Norway's government cut grants to universities to attract foreign researchers.")
    assert not [e for e in events if e["measure"] in ("Subsidy", "TalentProgram")], events


@pytest.mark.slow
def test_a_bloc_approving_state_aid_reviews_it(nlp):
    # rule 'state-aid-review': the bloc's part in state aid is the review
    events, _ = _events(nlp, "Under EU State aid rules, the European Commission has authorised a 90 million euro "
                             "Danish scheme for wind turbine research.")
    assert [e["measure"] for e in events if "European Union" in e["actors"]] == ["Review"], events


@pytest.mark.slow
def test_barring_a_state_from_acquiring_technology_is_an_export_control(nlp):
    # rule 'acquire-goods': acquiring goods is no investment
    events, _ = _events(nlp, "The Japanese measures seek to stop Iran from acquiring sensitive technologies.")
    assert [e["measure"] for e in events] == ["ExportControl"], events


@pytest.mark.slow
def test_barring_a_firm_from_acquiring_a_firm_stays_an_investment_restriction(nlp):
    events, _ = _events(nlp, "The United States stopped Tencent from acquiring Nexperia, a Dutch chip designer.")
    assert [e["measure"] for e in events] == ["InvestmentRestriction"], events


@pytest.mark.slow
def test_sector_words_describing_the_parties_make_one_event(nlp):
    # rule 'party-clause-no-split': a relative clause on the parties hit splits no sectors
    events, _ = _events(nlp, "Japan's trade ministry put nine firms that build satellites, missiles and drones on "
                             "its entity list.")
    assert len([e for e in events if e["measure"] == "EntityListing"]) == 1, events


@pytest.mark.slow
def test_a_review_a_company_requests_is_no_government_review(nlp):
    # rule 'private-call' (extended): "request" / "seek" by a company, named or as "it" after it
    events, _ = _events(nlp, "Japan's Ministry of Internal Affairs and Communications issued fresh guidance to "
                             "Toshiba on Friday. Responding to the ministry, Toshiba said it planned to separate its "
                             "networks and that it had requested a review of its shareholding ties with Ericsson.")
    assert not [e for e in events if e["measure"] == "Review"], events


@pytest.mark.slow
def test_the_measure_a_complaint_is_against_is_not_the_complainants(nlp):
    # rule 'challenged-measure'
    events, _ = _events(nlp, "Norway banned exports of salmon roe last year. Sweden launched a complaint in March "
                             "against the export restrictions on salmon roe at the WTO.")
    assert not [e for e in events if e["measure"] == "ExportControl" and "Sweden" in e["actors"]], events


@pytest.mark.slow
def test_agreement_from_firms_is_consent_not_an_agreement(nlp):
    # rule 'firm-consent'
    events, _ = _events(nlp, "Denmark's data agency inspected 800 platforms, obtaining agreement from Meta, Amazon "
                             "and several other firms.")
    assert not [e for e in events if e["measure"] == "Agreement"], events


@pytest.mark.slow
def test_an_agreement_with_a_firm_stays_an_agreement(nlp):
    events, _ = _events(nlp, "Norway signed an agreement with Google on data centres.")
    assert [e for e in events if e["measure"] == "Agreement"], events


@pytest.mark.slow
def test_a_state_in_the_phrase_of_a_subject_measure_is_its_aim(nlp):
    # rule 'own-aim': the measure noun as subject; its of-phrase names whom it hits
    events, _ = _events(nlp, "This unprecedented extradition of a Norwegian engineer exposes the scale of industrial "
                             "espionage, a Swedish prosecutor said.")
    assert not [e for e in events if "Norway" in e["actors"]], events


@pytest.mark.slow
def test_a_source_phrase_of_a_subject_measure_still_names_its_actor(nlp):
    # rule 'own-aim' stops at source and agent phrases: "fines from X" are X's
    events, _ = _events(nlp, "The Norwegian fine was not the first. Fines from the Swedish and Danish data "
                             "regulators followed later.")
    actors = set().union(*(e["actors"] for e in events if e["measure"] == "LegalAction"))
    assert {"Sweden", "Denmark"} <= actors, events
