"""The event filter (kg.nlp.event_filter, an experiment that does not ship): its features, its fit, what
it drops, how its training labels are read from the shared scorer, and that it stays off without weights."""
from __future__ import annotations

import pytest
import spacy

from kg.models import Analogy, Entity, Event, Evidence
from kg.nlp.event_filter import EventFilter, features, fit, weights_available


def _ev(key: str, measure: str, start: int, end: int, actors=("wd/Q148",), **kw) -> Event:
    return Event(key=key, measure=measure, actors=actors,
                 evidence=(Evidence(start=start, end=end, rule=f"event:{measure.lower()}"),), **kw)


TEXT = "China bans gallium sales\nChina imposed export controls on gallium.\nOfficials could also ban exports."


@pytest.fixture()
def doc(blank_nlp):
    d = blank_nlp.make_doc(TEXT)
    d._.kg_entities = {"wd/Q148": Entity(key="wd/Q148", type="Country", name="China")}
    return d


def _span(text: str) -> tuple[int, int]:
    i = TEXT.index(text)
    return i, i + len(text)


def test_features_read_the_record_and_its_sentence(doc):
    head = _ev("event/a", "Ban", *_span("China bans gallium sales"), status="InForce")
    later = _ev("event/b", "Ban", *_span("Officials could also ban exports."), targets=("x",))
    f = features(doc, head, None, 0.2, [head, later])
    assert {"measure=Ban", "status=InForce", "actor_type=Country", "place=headline", "mprob=3", "nsent=1",
            "measure=Ban|actor_type=Country", "dup_actor=True", "same_kind=1", "trigger=none",
            "modal=False", "targets=0"} <= set(f)
    g = features(doc, later, None, None, [head, later])
    assert {"place=lead", "modal=True", "mprob=none", "targets=1"} <= set(g)
    assert features(doc, later, None, None, [later]).count("dup_actor=False") == 1
    ec = _ev("event/c", "ExportControl", *_span("China imposed export controls on gallium."))
    h = features(doc, head, None, 0.2, [head, ec])
    assert {"actor_other_kinds=1", "measure=Ban|actor_also=ExportControl", "dup_actor=False"} <= set(h)
    assert features(doc, head, None, 0.2, [head, later]) == f  # deterministic


def test_fit_is_deterministic_and_learns_the_separating_feature():
    rows = [["good", "common"]] * 12 + [["bad", "common"]] * 6 + [["once"]]
    ys = [1] * 12 + [0] * 6 + [1]
    a, b = fit(rows, ys), fit(rows, ys)
    assert a == b
    assert "once" not in a["weights"]  # seen fewer than min_count times
    m = EventFilter(a, threshold=0.5)
    assert m.score(["good", "common"]) > 0.5 > m.score(["bad", "common"])


def test_filter_drops_low_scored_events_and_the_links_that_named_them(doc):
    keep = _ev("event/keep", "ExportControl", *_span("China imposed export controls on gallium."),
               responds_to=("event/drop",))
    drop = _ev("event/drop", "Ban", *_span("Officials could also ban exports."))
    an = Analogy(a="event/drop", b="event/keep")
    f = EventFilter({"weights": {"measure=Ban": -6.0}, "bias": 2.0}, threshold=0.5)
    events, analogies = f.apply(doc, [keep, drop], [an], None, {})
    assert [e.key for e in events] == ["event/keep"] and analogies == []
    assert events[0].responds_to == ()
    # below the threshold nothing goes
    same, same_an = EventFilter({"weights": {"measure=Ban": -6.0}, "bias": 2.0}, threshold=0.01).apply(
        doc, [keep, drop], [an], None, {})
    assert same == [keep, drop] and same_an == [an]


def test_matched_keys_reads_the_scorers_own_pairing():
    from kg.evaluate import load_scorer
    from kg.models import Dispatch, Extraction, PipelineInfo
    from kg.nlp.training.event_filter import matched_keys

    try:
        sc = load_scorer()
    except Exception:  # noqa: BLE001
        pytest.skip("shared scorer not available")
    gold = {"id": "x", "entities": [{"name": "China", "type": "Country", "aliases": []},
                                    {"name": "gallium", "type": "Technology", "aliases": []}],
            "events": [{"id": "e1", "actor": ["China"], "measure": "ExportControl", "targets": ["gallium"],
                        "affects": [], "sector": [], "status": "InForce"}], "relations": [], "analogies": []}
    ents = (Entity(key="wd/Q148", type="Country", name="China"),
            Entity(key="tech/gallium", type="Technology", name="gallium"))
    right = Event(key="event/right", measure="ExportControl", actors=("wd/Q148",), targets=("tech/gallium",))
    twin = Event(key="event/twin", measure="ExportControl", actors=("wd/Q148",))  # loses the pairing to `right`
    wrong = Event(key="event/wrong", measure="Ban", actors=("wd/Q148",))
    ex = Extraction(dispatch=Dispatch(id="x", text=TEXT), entities=ents, events=(twin, right, wrong),
                    pipeline=PipelineInfo(version="t", model="t"))
    ok, bad = matched_keys(sc, gold, ex)
    assert ok == {"event/right"} and bad == {"event/twin", "event/wrong"}
    # the marker does not change the score
    assert sc.DocScorer(gold, sc.pred_from_graph(_graph(ex))).score()["events"]["tp"] == 1


def _graph(ex):
    from rdflib import Graph

    from kg.link.merge import merge
    from kg.rdf.write import serialize_batch

    g = Graph()
    g.parse(data=serialize_batch(merge([ex]), "turtle").decode("utf-8"), format="turtle")
    return g


def test_filter_is_off_without_packaged_weights_and_with_rules_only(tiny_gazetteer):
    from kg.nlp.learned import LearnedEvents
    from kg.nlp.pipeline import build_pipeline

    assert not weights_available(), "the event filter lost to the rules on dev CV: no weights are committed"
    assert LearnedEvents(spacy.blank("en")).filter is None
    given = EventFilter({"weights": {}, "bias": 0.0})
    assert LearnedEvents(spacy.blank("en"), event_filter=given).filter is given
    off = build_pipeline(nlp=spacy.blank("en"), gazetteer="tiny", rules_only=True)
    assert "kg_learned_events" not in off.pipe_names


@pytest.mark.slow
def test_filter_runs_inside_the_learned_component_on_rule_events(tiny_nlp):
    from kg.models import MEASURES
    from kg.nlp.learned import NAME, LearnedEvents

    class Fixed(LearnedEvents):
        def load(self, weights=None):
            self.labels = list(MEASURES)

        def scores(self, sents):
            import numpy as np

            return np.zeros((len(sents), len(self.labels)))

    doc = tiny_nlp.make_doc("China imposed export controls on gallium.\nThe weather in Beijing was fine that week.")
    for name, proc in tiny_nlp.pipeline:
        if name != NAME:
            doc = proc(doc)
    rules = list(doc._.kg_events)
    assert [e.measure for e in rules] == ["ExportControl"]
    strict = EventFilter({"weights": {"measure=ExportControl": -8.0, "mprob=0": 0.0}, "bias": 2.0}, threshold=0.5)
    assert Fixed(tiny_nlp, threshold=1.01, gazetteer="tiny", event_filter=strict)(doc)._.kg_events == []
    doc._.kg_events = list(rules)
    lenient = EventFilter({"weights": {"measure=ExportControl": -1.0}, "bias": 2.0}, threshold=0.5)
    assert Fixed(tiny_nlp, threshold=1.01, gazetteer="tiny", event_filter=lenient)(doc)._.kg_events == rules


def test_version_names_the_filter_weights_when_installed(tmp_path, monkeypatch):
    import json

    from kg import about
    from kg.nlp import event_filter

    monkeypatch.setattr(event_filter, "weights_path", lambda: tmp_path / "event_filter")
    assert about.learned_weights()["event filter weights"] == "none packaged (rules only)"
    w = tmp_path / "event_filter"
    w.mkdir()
    (w / "filter.json").write_text(json.dumps({"weights": {}, "bias": 0.0, "threshold": 0.4}))
    (w / "kg_training.json").write_text(json.dumps({"component": "event filter", "description": "dev + own sets",
                                                    "data": {"events": 324, "matched": 260}}))
    info = about.learned_weights()
    assert info["event filter weights"] == "event_filter (event filter)"
    assert len(info["event filter weights sha256"]) == 64
    assert "324 rule events, 260 matched" in info["event filter weights trained on"]
    assert "learned weights sha256" in info
