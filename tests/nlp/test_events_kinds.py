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
