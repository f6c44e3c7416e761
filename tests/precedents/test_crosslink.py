"""Build-time resolution: cross-dispatch merges, responses across dispatches, entity precedents."""
from __future__ import annotations

import pytest

from kg.ids import entity_key
from kg.models import Entity, Event, Evidence, GraphBatch
from kg.precedents.base import base_batch
from kg.precedents.rank import LinkConfig
from kg.precedents.profiles import Context
from kg.precedents.crosslink import dates_compatible, resolve, same_event

US = entity_key("Country", "United States")
CN = entity_key("Country", "China")
CHIPS = entity_key("Technology", "advanced chips")
GALLIUM = entity_key("Technology", "indium")


def ev(key, measure, actor, target, dispatch, date=None, responds_to=(), precedents=(), sentence="x"):
    return Event(key=key, measure=measure, actors=(actor,), targets=(target,) if target else (),
                 date=date, responds_to=responds_to, precedents=precedents,
                 evidence=(Evidence(dispatch_id=dispatch, sentence=sentence, rule="t"),))


@pytest.fixture(scope="module")
def base():
    return base_batch()


def _resolve(events, base, extra_entities=()):
    ents = (Entity(key=US, type="Country", name="United States"), Entity(key=CN, type="Country", name="China"),
            Entity(key=CHIPS, type="Technology", name="advanced chips"),
            Entity(key=GALLIUM, type="Technology", name="indium"), *extra_entities)
    batch = GraphBatch(entities=ents + base.batch.entities, events=tuple(events) + base.batch.events)
    return resolve(batch, base, Context(batch.entities), LinkConfig())


def test_dates_compatible_prefixes():
    assert dates_compatible("2025", "2025-03-14") and dates_compatible(None, "2020")
    assert not dates_compatible("2025-03", "2025-04")


def test_same_event_needs_shared_actor_and_target():
    a = ev("event/a", "ExportControl", US, CHIPS, "d1", "2026")
    assert same_event(a, ev("event/b", "ExportControl", US, CHIPS, "d2", "2026-02"))
    assert not same_event(a, ev("event/c", "ExportControl", CN, CHIPS, "d2"))
    assert not same_event(a, ev("event/d", "Sanction", US, CHIPS, "d2"))


def test_resolve_response_across_dispatches(base):
    # dispatch 1: China's indium licensing answers US chip controls (a stub event in the same text)
    stub = ev("event/stub", "ExportControl", US, CHIPS, "d1", "2026")
    resp = ev("event/resp", "ExportControl", CN, GALLIUM, "d1", "2026-03", responds_to=("event/stub",))
    # dispatch 2 reports the US chip controls themselves, more precisely dated
    full = ev("event/full", "ExportControl", US, CHIPS, "d2", "2026-01")
    out = _resolve([stub, resp, full], base)
    keys = {e.key for e in out.events}
    assert "event/stub" not in keys or "event/full" not in keys   # one event survives
    survivor = next(e for e in out.events if e.key in ("event/stub", "event/full"))
    assert {x.dispatch_id for x in survivor.evidence} == {"d1", "d2"}
    response = next(e for e in out.events if e.key == "event/resp")
    assert response.responds_to == (survivor.key,)


def test_resolve_never_merges_within_one_dispatch(base):
    a = ev("event/a", "ExportControl", US, CHIPS, "d1", "2026")
    b = ev("event/b", "ExportControl", US, CHIPS, "d1", "2026-02")
    out = _resolve([a, b], base)
    assert {"event/a", "event/b"} <= {e.key for e in out.events}


def test_resolve_entity_precedent_links_base_event(base):
    case = entity_key("LegalCase", "Meng Wanzhou case")
    researchers = entity_key("Group", "quantum physicists")
    e = ev("event/q", "TravelRestriction", CN, researchers, "d1", "2026", precedents=(case,))
    out = _resolve([e], base)
    got = next(x for x in out.events if x.key == "event/q")
    assert case in got.precedents and base.key_of["meng-wanzhou-case-2018"] in got.precedents


def test_resolve_joins_unambiguous_base_record_and_infers_no_same_dispatch_links(base):
    group = next(x for x in base.batch.entities if x.name == "AI researchers")
    china = next(x for x in base.batch.entities if x.name == "China")   # the gazetteer's key
    e = ev("event/seed", "TravelRestriction", china.key, group.key, "d1",
           sentence="China requires AI researchers to get approval before travelling abroad")
    other = ev("event/other", "TravelRestriction", US, entity_key("Group", "cryptographers"), "d1")
    out = _resolve([e, other], base)
    key = base.key_of["china-ai-researcher-travel-approval-2025"]
    joined = next(x for x in out.events if x.key == key)
    assert {x.source for x in joined.evidence} == {"precedent-base", "text"}
    assert joined.date == "2025-02"                      # the record keeps its own date (WSJ report, 28 Feb 2025)
    inferred = [a for a in out.analogies if a.basis == "inferred"]
    assert inferred
    assert not any({a.a, a.b} == {key, "event/other"} for a in inferred)   # same dispatch d1
