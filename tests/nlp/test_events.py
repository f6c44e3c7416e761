"""kg_events: policy events from text. Fast tests use hand-built docs; slow ones the real pipeline.

The slow tests share the session-scoped ``nlp`` fixture of tests/nlp/conftest.py (one model load).
"""
from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Span

from kg.ids import entity_key
from kg.models import MEASURES, SECTORS, STATUSES, Entity
from kg.nlp.lexicon import measures as M
from kg.nlp.lexicon import sectors as S
from kg.nlp.lexicon.measures import compile_phrase


# ---------------------------------------------------------------- lexicons (fast)

def test_events_lexicon_rules_are_named_once_and_measures_are_known():
    names = [r for r, _, _ in M.TRIGGERS]
    assert len(names) == len(set(names))
    assert {m for _, m, _ in M.TRIGGERS if m} <= set(MEASURES)
    assert {k for k, _ in M.OBJECT_CUES} <= set(MEASURES)
    # every measure but Other (new bodies, found by a verb rule) has at least one trigger
    assert set(MEASURES) - {m for _, m, _ in M.TRIGGERS} == {"Other"}


def test_events_lexicon_sectors_are_known():
    assert set(S.SECTOR_CUES) <= set(SECTORS)


@pytest.mark.parametrize("phrase,expected", [
    ("export|exports controls", [{"LOWER": {"IN": ["export", "exports"]}}, {"LOWER": "controls"}]),
    ("travel -? ban", [{"LOWER": "travel"}, {"LOWER": "-", "OP": "?"}, {"LOWER": "ban"}]),
    ("low-interest loans", [{"LOWER": "low"}, {"LOWER": "-"}, {"LOWER": "interest"}, {"LOWER": "loans"}]),
])
def test_events_compile_phrase(phrase, expected):
    assert compile_phrase(phrase) == expected


# ---------------------------------------------------------------- hand-built docs (fast)

def _hand_doc(text: str, mentions: list[tuple[str, str, str]]):
    """spacy.blank + sentencizer, mentions set by hand: (surface, type, canonical name)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    import kg.nlp.events  # noqa: F401 — registers the factory

    nlp.add_pipe("kg_events", config={"gazetteer": "none"})
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline[:-1]:
        doc = proc(doc)
    spans, ents = [], {}
    for surface, typ, name in mentions:
        start = text.index(surface)
        sp = doc.char_span(start, start + len(surface))
        key = entity_key(typ, name)
        spans.append(Span(doc, sp.start, sp.end, label=typ, span_id=key))
        ents[key] = Entity(key=key, type=typ, name=name)
    doc.spans["kg_mentions"] = spans
    doc._.kg_entities = ents
    doc._.kg_dispatch_id = "d1"
    return nlp.get_pipe("kg_events")(doc)


def test_events_hand_built_doc_without_parser():
    text = "Norland imposed export controls on Z9 chips. Analysts were surprised."
    doc = _hand_doc(text, [("Norland", "Country", "Norland"), ("Z9 chips", "Technology", "Z9 chips")])
    (ev,) = doc._.kg_events
    assert ev.measure == "ExportControl"
    assert ev.actors == (entity_key("Country", "Norland"),)
    assert ev.targets == (entity_key("Technology", "Z9 chips"),)
    assert ev.sectors == ("Semiconductors",)
    e = ev.evidence[0]
    assert text[e.start:e.end] == e.sentence == "Norland imposed export controls on Z9 chips."
    assert e.rule == "event:export-control-noun" and e.dispatch_id == "d1"


def test_events_no_trigger_no_event():
    doc = _hand_doc("Norland hosted a conference on chips.", [("Norland", "Country", "Norland")])
    assert doc._.kg_events == [] and doc._.kg_analogies == []


# ---------------------------------------------------------------- the real pipeline (slow)

def _events(nlp, text: str, date: dt.date | None = None):
    doc = nlp.make_doc(text)
    doc._.kg_dispatch_id = "test"
    doc._.kg_dispatch_date = date
    doc = nlp(doc)
    ents = doc._.kg_entities
    name = lambda k: ents[k].name if k in ents else k  # noqa: E731
    out = []
    for ev in doc._.kg_events:
        out.append({"measure": ev.measure, "actors": {name(a) for a in ev.actors},
                    "targets": {name(t) for t in ev.targets}, "affects": {name(a) for a in ev.affects},
                    "sectors": set(ev.sectors), "status": ev.status, "date": ev.date, "key": ev.key,
                    "precedents": {name(p) for p in ev.precedents}, "responds_to": set(ev.responds_to),
                    "rule": ev.evidence[0].rule, "evidence": ev.evidence})
    return out, doc


def _one(events, measure):
    found = [e for e in events if e["measure"] == measure]
    assert len(found) == 1, (measure, events)
    return found[0]


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,actor", [
    ("Germany imposed export controls on advanced lithography machines.", "ExportControl", "Germany"),
    ("India raised tariffs on imported solar panels from China.", "ImportRestriction", "India"),
    ("The Commerce Department added six Chinese firms to the Entity List on Tuesday.", "EntityListing", "United States"),
    ("Canada imposed sanctions on three Russian drone makers.", "Sanction", "Canada"),
    ("Japan has started requiring nuclear engineers to get approval before traveling abroad.", "TravelRestriction", "Japan"),
    ("Australia tightened visa screening for foreign graduate students in sensitive fields.", "VisaRestriction", "Australia"),
    ("France banned the chatbot from government phones.", "Ban", "France"),
    ("Brazil's Senate passed a bill to regulate artificial intelligence.", "Legislation", "Brazil"),
    ("India approved subsidies for three chip plants.", "Subsidy", "India"),
    ("The European Union is discussing an AI talent retention programme.", "TalentProgram", "European Union"),
    ("Britain launched a review of foreign takeovers of chip firms.", "Review", "United Kingdom"),
    ("Italy opened an investigation into the chatbot's use of personal data.", "Investigation", "Italy"),
    ("Japan and the United States signed an agreement on critical minerals.", "Agreement", "Japan"),
    ("South Korea will screen outbound investment in Chinese chipmakers.", "InvestmentRestriction", "South Korea"),
    ("Vietnam introduced data localisation rules for cloud providers.", "DataRestriction", "Vietnam"),
])
def test_events_trigger_measure_and_actor(nlp, text, measure, actor):
    events, _ = _events(nlp, text)
    ev = _one(events, measure)
    assert actor in ev["actors"]


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,status", [
    ("Japan imposed export controls on chip equipment.", "ExportControl", "InForce"),
    ("Japan has started requiring chip engineers to get approval before traveling abroad.", "TravelRestriction", "InForce"),
    ("Japan plans to impose export controls on chip equipment.", "ExportControl", "Announced"),
    ("Japan will impose export controls on chip equipment next month.", "ExportControl", "Announced"),
    ("Japan is considering export controls on chip equipment.", "ExportControl", "Discussed"),
    ("Japan proposed export controls on chip equipment.", "ExportControl", "Proposed"),
    ("Japan lifted its export controls on chip equipment.", "ExportControl", "Revoked"),
    ("Japan imposed export controls on chip equipment in 2019.", "ExportControl", "Historical"),
    ("The UK ran a review of outbound research collaboration last year.", "Review", "Historical"),
])
def test_events_status_from_tense_and_modality(nlp, text, measure, status):
    events, _ = _events(nlp, text)
    assert _one(events, measure)["status"] == status


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "China is not merely subsidising its AI sector or restricting foreign investment into it.",
    "You can't export-control a mental model.",
    "When a government restricts the movement of people rather than goods, it signals something.",
])
def test_events_negated_and_generic_talk_make_no_event(nlp, text):
    events, _ = _events(nlp, text)
    assert events == []


@pytest.mark.slow
def test_events_restatements_merge_into_one_event(nlp):
    text = ("Norway Restricts Chip Exports\n\nNorway imposed export controls on advanced chips.\n\n"
            "Norway's export controls cover chips used in AI systems. The controls took effect on Friday.")
    events, _ = _events(nlp, text)
    ev = _one(events, "ExportControl")
    assert "Norway" in ev["actors"] and len(ev["evidence"]) >= 2


@pytest.mark.slow
def test_events_coordinated_actors_are_one_event_each(nlp):
    events, _ = _events(nlp, "The United States and the United Kingdom imposed sanctions on drone suppliers.")
    sanctions = [e for e in events if e["measure"] == "Sanction"]
    assert sorted(next(iter(e["actors"])) for e in sanctions) == ["United Kingdom", "United States"]


@pytest.mark.slow
def test_events_response_links_the_earlier_measure(nlp):
    text = ("China banned exports of gallium to the United States in retaliation for American "
            "restrictions on chip sales to Chinese companies.")
    events, _ = _events(nlp, text)
    china = [e for e in events if "China" in e["actors"]]
    us = [e for e in events if "United States" in e["actors"]]
    assert china and us
    assert china[0]["measure"] == "ExportControl" and us[0]["measure"] == "ExportControl"
    assert china[0]["responds_to"] == {us[0]["key"]}
    assert "gallium" in china[0]["targets"]


@pytest.mark.slow
def test_events_precedent_and_analogy(nlp):
    text = ("China has started requiring its top AI researchers to get government approval before traveling abroad. "
            "The policy points to the Meng Wanzhou case as a precedent.\n\n"
            "Nuclear physicists and cryptographers have all faced similar constraints in various countries.")
    events, doc = _events(nlp, text)
    main = next(e for e in events if "China" in e["actors"])
    assert main["measure"] == "TravelRestriction" and main["status"] == "InForce"
    assert main["precedents"] == {"Meng Wanzhou case"}
    parallels = [e for e in events if not e["actors"]]
    assert {frozenset(e["targets"]) for e in parallels} == {frozenset({"nuclear physicists"}), frozenset({"cryptographers"})}
    assert all(e["measure"] == "TravelRestriction" and e["status"] == "Historical" for e in parallels)
    assert {e["sectors"].pop() for e in parallels} == {"Nuclear", "Cryptography"}
    pairs = {frozenset((a.a, a.b)) for a in doc._.kg_analogies}
    assert pairs == {frozenset((main["key"], p["key"])) for p in parallels}
    assert all(a.basis == "asserted" and a.evidence for a in doc._.kg_analogies)


@pytest.mark.slow
def test_events_affected_firms_and_targets(nlp):
    text = ("China imposed travel restrictions on top AI researchers at private firms including DeepSeek and Alibaba.")
    events, _ = _events(nlp, text)
    ev = _one(events, "TravelRestriction")
    assert ev["targets"] == {"AI researchers"}
    assert ev["affects"] == {"DeepSeek", "Alibaba"}
    assert ev["sectors"] == {"ArtificialIntelligence"}


@pytest.mark.slow
def test_events_relative_date_uses_the_dispatch_date(nlp):
    events, _ = _events(nlp, "Japan imposed export controls on chip equipment on Monday.", date=dt.date(2025, 3, 12))
    assert _one(events, "ExportControl")["date"] == "2025-03-10"
    events, _ = _events(nlp, "Japan imposed export controls on chip equipment on Monday.")
    assert _one(events, "ExportControl")["date"] is None


@pytest.mark.slow
def test_events_evidence_offsets_point_into_the_text(nlp):
    text = "Trade Rules Tighten\n\nThe Netherlands expanded export controls on lithography machines."
    events, _ = _events(nlp, text)
    for ev in events:
        for e in ev["evidence"]:
            assert text[e.start:e.end] == e.sentence
            assert e.rule.startswith("event:") and 0 < e.confidence <= 1


@pytest.mark.slow
def test_events_output_is_deterministic(nlp):
    text = "Japan imposed export controls on chip equipment. Korea proposed subsidies for chipmakers."
    a, _ = _events(nlp, text)
    b, _ = _events(nlp, text)
    assert [(e["key"], e["measure"]) for e in a] == [(e["key"], e["measure"]) for e in b]
    assert all(e["status"] in STATUSES for e in a)
