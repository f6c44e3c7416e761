"""The kind chooser (kg.nlp.kind_chooser): its features, its fit, when it relabels, how its training kinds
are read from the shared scorer, and that it stays off without weights and under --rules-only."""
from __future__ import annotations

import pytest
import spacy

from kg.models import Entity, Event, Evidence
from kg.nlp.kind_chooser import KindChooser, features, fit

TEXT = "China bans gallium sales\nChina imposed export controls on gallium.\nOfficials could also ban exports."


def _ev(key: str, measure: str, text: str, actors=("wd/Q148",), **kw) -> Event:
    i = TEXT.index(text)
    return Event(key=key, measure=measure, actors=actors,
                 evidence=(Evidence(start=i, end=i + len(text), rule=f"event:{measure.lower()}"),), **kw)


@pytest.fixture()
def doc(blank_nlp):
    d = blank_nlp.make_doc(TEXT)
    d._.kg_entities = {"wd/Q148": Entity(key="wd/Q148", type="Country", name="China")}
    return d


def test_features_read_the_rule_kind_the_actor_and_the_classifier(doc):
    ev = _ev("event/a", "Ban", "China imposed export controls on gallium.")
    f = features(doc, ev, None, {"Ban": 0.05, "ExportControl": 0.7})
    assert {"rule=Ban", "actor_type=Country", "p_Ban=1", "p_rule=1", "p_ExportControl=4", "trigger=none"} <= set(f)
    assert features(doc, ev, None, {"Ban": 0.05, "ExportControl": 0.7}) == f  # deterministic


def test_fit_is_deterministic_and_learns_the_kind():
    rows = [["rule=Ban", "obj=control"]] * 10 + [["rule=Ban", "obj=sale"]] * 10 + [["once"]]
    ys = ["ExportControl"] * 10 + ["Ban"] * 10 + ["Ban"]
    a, b = fit(rows, ys), fit(rows, ys)
    assert a == b and a["classes"] == ["Ban", "ExportControl"]
    assert "once" not in a["weights"]
    m = KindChooser(a, margin=0.2)
    assert m.probs(["rule=Ban", "obj=control"])["ExportControl"] > 0.6
    assert m.probs(["rule=Ban", "obj=sale"])["Ban"] > 0.6


def test_choose_relabels_only_past_the_margin_and_not_onto_a_taken_kind(doc):
    model = {"classes": ["Ban", "ExportControl"], "bias": [0.0, 0.0],
             "weights": {"p_ExportControl=4": [-2.0, 2.0]}}
    ev = _ev("event/a", "Ban", "China imposed export controls on gallium.")
    probs = {"Ban": 0.05, "ExportControl": 0.7}
    assert KindChooser(model, margin=0.5).choose(doc, ev, None, probs, [ev]) == "ExportControl"
    assert KindChooser(model, margin=0.99).choose(doc, ev, None, probs, [ev]) is None
    assert KindChooser(model, margin=0.5).choose(doc, ev, None, {"Ban": 0.7}, [ev]) is None
    taken = _ev("event/b", "ExportControl", "China bans gallium sales")
    assert KindChooser(model, margin=0.5).choose(doc, ev, None, probs, [ev, taken]) is None


def test_kind_labels_read_the_scorers_own_pairing(blank_nlp):
    from kg.evaluate import load_scorer
    from kg.models import Dispatch, Extraction, PipelineInfo
    from kg.nlp.training.kind_chooser import kind_labels

    try:
        sc = load_scorer()
    except Exception:  # noqa: BLE001
        pytest.skip("shared scorer not available")
    gold = {"id": "x", "entities": [{"name": "China", "type": "Country", "aliases": []},
                                    {"name": "gallium", "type": "Technology", "aliases": []}],
            "events": [{"id": "e1", "actor": ["China"], "measure": "ExportControl", "targets": ["gallium"],
                        "affects": [], "sector": [], "status": "InForce",
                        "evidence": "China imposed export controls on gallium."}],
            "relations": [], "analogies": []}
    d = blank_nlp.make_doc(TEXT)
    ents = (Entity(key="wd/Q148", type="Country", name="China"),)
    wrong = _ev("event/wrong", "Ban", "China imposed export controls on gallium.")
    ex = Extraction(dispatch=Dispatch(id="x", text=TEXT), entities=ents, events=(wrong,),
                    pipeline=PipelineInfo(version="t", model="t"))
    assert kind_labels(sc, gold, ex, d, [wrong]) == {"event/wrong": "ExportControl"}
    right = _ev("event/right", "ExportControl", "China imposed export controls on gallium.")
    ex2 = ex.model_copy(update={"events": (right, wrong)})
    # the gold event is taken by the right rule event: the wrong one has nowhere to go
    assert kind_labels(sc, gold, ex2, d, [right, wrong]) == {"event/right": "ExportControl"}


def test_chooser_is_off_under_rules_only_and_follows_given_weights(tiny_gazetteer):
    from kg.nlp.learned import LearnedEvents
    from kg.nlp.pipeline import build_pipeline

    given = KindChooser({"classes": ["Ban"], "bias": [0.0], "weights": {}})
    assert LearnedEvents(spacy.blank("en"), kind_chooser=given).chooser is given
    assert not LearnedEvents(spacy.blank("en"), kind_chooser=False).chooser
    off = build_pipeline(nlp=spacy.blank("en"), gazetteer="tiny", rules_only=True)
    assert "kg_learned_events" not in off.pipe_names


@pytest.mark.slow
def test_chooser_relabels_rule_events_inside_the_learned_component(tiny_nlp):
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
    to_ban = KindChooser({"classes": ["Ban", "ExportControl"], "bias": [3.0, 0.0], "weights": {}}, margin=0.3)
    out = Fixed(tiny_nlp, threshold=1.01, gazetteer="tiny", event_filter=False, kind_chooser=to_ban)(doc)._.kg_events
    assert [e.measure for e in out] == ["Ban"] and out[0].key != rules[0].key
    assert all(e.rule.endswith("+kind-chooser") for e in out[0].evidence)
    doc._.kg_events = list(rules)
    keep = KindChooser({"classes": ["Ban", "ExportControl"], "bias": [3.0, 0.0], "weights": {}}, margin=0.99)
    assert Fixed(tiny_nlp, threshold=1.01, gazetteer="tiny", event_filter=False, kind_chooser=keep)(
        doc)._.kg_events == rules


def test_version_names_the_chooser_weights_when_installed(tmp_path, monkeypatch):
    import json

    from kg import about
    from kg.nlp import kind_chooser

    monkeypatch.setattr(kind_chooser, "weights_path", lambda: tmp_path / "kind_chooser")
    assert about.learned_weights()["kind chooser weights"] == "none packaged (rules only)"
    w = tmp_path / "kind_chooser"
    w.mkdir()
    (w / "chooser.json").write_text(json.dumps({"classes": ["Ban"], "bias": [0.0], "weights": {}, "margin": 0.3}))
    (w / "kg_training.json").write_text(json.dumps({"component": "kind chooser", "description": "dev + own sets",
                                                    "data": {"events": 300}}))
    info = about.learned_weights()
    assert info["kind chooser weights"] == "kind_chooser (kind chooser)"
    assert len(info["kind chooser weights sha256"]) == 64
    assert "300 labelled rule events" in info["kind chooser weights trained on"]


def test_no_chooser_weights_are_committed():
    from kg.nlp.kind_chooser import weights_available

    assert not weights_available(), "the kind chooser tied or lost to the rules on dev CV: no weights are committed"
