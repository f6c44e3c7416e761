"""The learned layer at run time (kg.nlp.learned): packaged weights, where it may change the output,
--rules-only, determinism."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy

import kg
from kg.nlp.learned import NAME, LearnedEvents, classified_sentences, weights_available, weights_path, weights_sha256

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


class FixedScores(LearnedEvents):
    """The component's logic with scores given by the test instead of the weights."""

    def __init__(self, nlp, table: dict[str, dict[str, float]], **kw):
        self.table = table
        super().__init__(nlp, **kw)

    def load(self, weights=None):
        from kg.models import MEASURES

        self.labels = list(MEASURES)

    def scores(self, sents, rule_events=None):
        return np.array([[self.table.get(k, {}).get(lab, 0.0) for lab in self.labels]
                         for s in sents for k in [next((k for k in self.table if k in s.text), "")]])


def test_learned_weights_are_package_data():
    assert weights_available(), "the trained weights must be committed under kg/nlp/weights/measures"
    p = weights_path()
    assert Path(kg.__file__).resolve().parent in p.resolve().parents
    assert len(weights_sha256()) == 64 and weights_sha256() == weights_sha256(p)
    comp = LearnedEvents(spacy.blank("en"))
    from kg.models import MEASURES

    assert set(comp.labels) == set(MEASURES)


def test_learned_in_pipeline_by_default_and_not_with_rules_only(tiny_gazetteer):
    from kg.nlp.pipeline import build_pipeline

    on = build_pipeline(nlp=spacy.blank("en"), gazetteer="tiny")
    off = build_pipeline(nlp=spacy.blank("en"), gazetteer="tiny", rules_only=True)
    assert on.pipe_names[-2:] == ["kg_events", NAME]
    assert NAME not in off.pipe_names and off.pipe_names[-1] == "kg_events"


@pytest.mark.slow
def test_learned_proposes_only_where_the_rules_found_no_event_of_that_kind(tiny_nlp):
    text = ("China imposed export controls on gallium.\n"
            "The Chinese government is looking closely at the accounts of Qorvane.\n"
            "The weather in Beijing was fine that week.")
    table = {"China imposed": {"ExportControl": 0.95, "Ban": 0.2},
             "looking closely": {"Investigation": 0.9},
             "weather": {"Subsidy": 0.3}}
    doc = tiny_nlp.make_doc(text)
    for name, proc in tiny_nlp.pipeline:
        if name != NAME:
            doc = proc(doc)
    rules = list(doc._.kg_events)
    assert [e.measure for e in rules] == ["ExportControl"]
    comp = FixedScores(tiny_nlp, table, threshold=0.5, gazetteer="tiny")
    doc = comp(doc)
    events = doc._.kg_events
    assert events[:len(rules)] == rules  # the rule events are untouched
    new = events[len(rules):]
    assert [(e.measure, e.evidence[0].rule) for e in new] == [("Investigation", "event:learned")]
    assert "looking closely" in new[0].evidence[0].sentence
    china = next(k for k, e in doc._.kg_entities.items() if e.name == "China")
    assert china in new[0].actors
    # a higher threshold: nothing proposed; model alone: rule events dropped
    doc._.kg_events = list(rules)
    assert FixedScores(tiny_nlp, table, threshold=0.95, gazetteer="tiny")(doc)._.kg_events == rules
    doc._.kg_events = list(rules)
    only = FixedScores(tiny_nlp, table, threshold=0.5, mode="model", gazetteer="tiny")(doc)._.kg_events
    assert sorted(e.measure for e in only) == ["ExportControl", "Investigation"]
    assert all(e.evidence[0].rule == "event:learned" for e in only)


def test_learned_skips_short_sentences_and_boilerplate(blank_nlp):
    doc = blank_nlp("By Jane Doe\nToo short.\nChina imposed export controls on gallium today.")
    assert [s.text.strip() for s in classified_sentences(doc)] == ["China imposed export controls on gallium today."]


@pytest.mark.slow
def test_learned_rules_only_output_and_determinism():
    from kg.ingest import iter_dispatches
    from kg.link.merge import merge
    from kg.nlp.extract import Extractor
    from kg.rdf.write import serialize_batch

    ds = [d for d in iter_dispatches([SAMPLES]) if not isinstance(d, Exception)][:6]
    rules = list(Extractor(rules_only=True).extract_many(ds))
    a = list(Extractor().extract_many(ds))
    b = list(Extractor().extract_many(ds))
    assert serialize_batch(merge(a), "turtle") == serialize_batch(merge(b), "turtle")
    for r, c in zip(rules, a):
        keys = {e.key: e for e in c.events}
        for ev in r.events:  # every rule event is in the default output, unchanged
            assert keys.get(ev.key) == ev
        for ev in c.events:  # everything else came from the classifier
            if ev.key not in {e.key for e in r.events}:
                assert {x.rule for x in ev.evidence} == {"event:learned"}
        assert r.relations == c.relations


@pytest.mark.slow
def test_learned_relabel_changes_the_kind_only_when_the_classifier_is_sure(tiny_nlp):
    text = "China imposed export controls on gallium.\nThe weather in Beijing was fine that week."
    doc = tiny_nlp.make_doc(text)
    for name, proc in tiny_nlp.pipeline:
        if name != NAME:
            doc = proc(doc)
    rules = list(doc._.kg_events)
    assert [e.measure for e in rules] == ["ExportControl"]
    unsure = {"China imposed": {"ExportControl": 0.1, "Ban": 0.6}}
    sure = {"China imposed": {"ExportControl": 0.1, "Ban": 0.95}}
    comp = FixedScores(tiny_nlp, unsure, threshold=1.01, relabel=0.8, gazetteer="tiny")
    assert comp(doc)._.kg_events == rules
    doc._.kg_events = list(rules)
    out = FixedScores(tiny_nlp, sure, threshold=1.01, relabel=0.8, gazetteer="tiny")(doc)._.kg_events
    assert [e.measure for e in out] == ["Ban"] and out[0].key != rules[0].key
    assert out[0].evidence[0].rule.endswith("+learned-kind") and out[0].actors == rules[0].actors


@pytest.mark.slow
def test_learned_bare_only_proposes_only_in_sentences_without_a_rule_event(tiny_nlp):
    text = ("China imposed export controls on gallium.\n"
            "The Chinese government is looking closely at the accounts of Qorvane.")
    table = {"China imposed": {"Ban": 0.95}, "looking closely": {"Investigation": 0.9}}
    doc = tiny_nlp.make_doc(text)
    for name, proc in tiny_nlp.pipeline:
        if name != NAME:
            doc = proc(doc)
    rules = list(doc._.kg_events)
    assert [e.measure for e in rules] == ["ExportControl"]
    every = FixedScores(tiny_nlp, table, threshold=0.5, gazetteer="tiny")(doc)._.kg_events[len(rules):]
    assert sorted(e.measure for e in every) == ["Ban", "Investigation"]
    doc._.kg_events = list(rules)
    bare = FixedScores(tiny_nlp, table, threshold=0.5, gazetteer="tiny", bare_only=True)(doc)._.kg_events
    assert [e.measure for e in bare[len(rules):]] == ["Investigation"]
