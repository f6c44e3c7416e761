"""kg_events: verbs of blocking or refusing a transaction, and sales of firms to investors (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
def test_events_blocking_the_sale_of_a_firm_to_investors_is_an_investment_restriction(nlp):
    events, _ = _events(nlp, "Norway on Monday blocked the sale of a small chipmaker to Chinese investors.")
    kinds = [e["measure"] for e in events]
    assert "InvestmentRestriction" in kinds and "ExportControl" not in kinds, events


@pytest.mark.slow
def test_events_vetoed_takeover_is_an_investment_restriction(nlp):
    events, _ = _events(nlp, "Norway has vetoed the takeover of Acme Robotics by a Chinese group.")
    assert [e["measure"] for e in events] == ["InvestmentRestriction"], events


@pytest.mark.slow
def test_events_turned_down_acquisition_is_an_investment_restriction(nlp):
    events, _ = _events(nlp, "The Norwegian government turned down the proposed acquisition of Acme Robotics.")
    assert [e["measure"] for e in events] == ["InvestmentRestriction"], events


@pytest.mark.slow
def test_events_rejected_claim_is_no_event(nlp):
    events, _ = _events(nlp, "Norway rejected the claims made by the company.")
    assert events == [], events


@pytest.mark.slow
def test_events_vetoed_cooperation_deal_is_no_takeover(nlp):
    events, _ = _events(nlp, "The federal government vetoes the Oslo cooperation deal with Beijing.")
    assert "InvestmentRestriction" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_removing_kit_from_buildings_is_a_ban_announced(nlp):
    events, _ = _events(nlp, "Norway will remove Chinese-made surveillance cameras from government buildings, "
                             "the defence minister said.")
    assert [(e["measure"], e["status"]) for e in events] == [("Ban", "Announced")], events


@pytest.mark.slow
def test_events_removing_from_a_list_or_by_a_company_is_no_ban(nlp):
    events, _ = _events(nlp, "Norway removed Sweden from its white list of trusted partners. "
                             "The company removed a post from President Hansen.")
    assert "Ban" not in [e["measure"] for e in events], events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Norway's central bank has barred Acme Payments Inc. from issuing new credit cards.",
    "In May, Norway restricted Acme Payments Inc. and Globex Bank Ltd. from adding new customers.",
])
def test_events_barring_a_firm_from_an_activity_is_a_ban(nlp, text):
    events, _ = _events(nlp, text)
    bans = [e for e in events if e["measure"] == "Ban"]
    assert bans and "Norway" in bans[0]["actors"], events


@pytest.mark.slow
def test_events_barring_a_firm_from_an_activity_needs_a_named_firm(nlp):
    events, _ = _events(nlp, "Norway has barred the committee from issuing new statements.")
    assert "Ban" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_annulled_sale_to_investors_is_an_investment_restriction(nlp):
    events, _ = _events(nlp, "Norway on Thursday annulled the sale of a small drone maker to Chinese investors.")
    assert any(e["measure"] == "InvestmentRestriction" and e["actors"] == {"Norway"} for e in events), events
