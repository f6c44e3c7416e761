"""The learned entity recogniser (kg.nlp.learned_entities): how its spans merge with the rules'
(the gazetteer and the name rules win), --rules-only, and a tiny seeded training run that must give
the same weights and the same spans twice."""
from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Span, SpanGroup

from kg.nlp.learned_entities import NAME, RULE, SPANS, LearnedEntities, merge_learned

TEXT = ("China imposed export controls on Velmora and on Drenthic Robotics.\n"
        "Drenthic Robotics said the rules would hurt Qorvane.\n")


def run_with_spans(nlp, text: str, spans: list[tuple[str, str]], mode: str = "combined"):
    """``text`` through the rules pipeline, with the recogniser's spans (surface, class) set by hand
    just before ``kg_entities``."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "kg_entities":
            found = []
            for surface, label in spans:
                a = text.index(surface)
                found.append(doc.char_span(a, a + len(surface), label=label))
            doc.spans[SPANS] = SpanGroup(doc, name=SPANS, attrs={"mode": mode, "rank": 0.5}, spans=found)
        doc = proc(doc)
    return doc


def by_name(doc):
    return {e.name: e for e in doc._.kg_entities.values()}


def test_learned_entities_gazetteer_and_rules_win_model_adds_what_they_lack(blank_nlp):
    plain = by_name(run_with_spans(blank_nlp, TEXT, []))
    assert "Drenthic Robotics" not in plain  # the rules alone (no NER in a blank pipeline) miss it
    # the model calls "China imposed" a company and "Velmora" a person: the gazetteer's spans win
    doc = run_with_spans(blank_nlp, TEXT, [("China imposed", "Company"), ("Velmora", "Person"),
                                           ("Drenthic Robotics", "Company")])
    ents = by_name(doc)
    assert ents["China"].type == "Country" and "China imposed" not in ents
    assert ents["Velmora"].type == "Company" and all(m.rule != RULE for m in ents["Velmora"].mentions)
    added = ents["Drenthic Robotics"]
    assert added.type == "Company" and {m.rule for m in added.mentions} == {RULE}
    # everything the rules found is still there, unchanged in type
    assert {n: e.type for n, e in plain.items()}.items() <= {n: e.type for n, e in ents.items()}.items()


def test_learned_entities_span_the_gazetteer_knows_takes_its_entry(blank_nlp, tiny_gazetteer):
    doc = blank_nlp.make_doc("Officials from the Qorvane met.")
    sp = [Span(doc, 3, 4, label="Person")]
    from kg.nlp.learned_entities import learned_candidates

    (s, e, m), = learned_candidates(tiny_gazetteer, doc, sp)
    assert (m.type, m.key is not None, m.rule) == ("Company", True, RULE)
    # "the" is trimmed; outlets and never-entities are dropped
    doc2 = blank_nlp.make_doc("The Reuters report on the government.")
    assert learned_candidates(tiny_gazetteer, doc2, [Span(doc2, 0, 2, label="Company"),
                                                     Span(doc2, 5, 6, label="GovernmentBody")]) == []


def test_learned_entities_model_mode_keeps_only_model_spans(blank_nlp):
    doc = run_with_spans(blank_nlp, TEXT, [("Drenthic Robotics", "Company")], mode="model")
    assert set(by_name(doc)) == {"Drenthic Robotics"}


def test_learned_entities_without_component_nothing_changes(blank_nlp):
    doc = blank_nlp.make_doc("x")
    ranked = [(3, (0, 1, object()))]
    assert merge_learned(None, doc, ranked) is ranked


def test_learned_entities_left_out_with_rules_only_or_without_weights(tiny_gazetteer, monkeypatch):
    from kg.nlp import learned_entities
    from kg.nlp.pipeline import build_pipeline

    off = build_pipeline(nlp=spacy.blank("en"), gazetteer="tiny", rules_only=True)
    assert NAME not in off.pipe_names
    monkeypatch.setattr(learned_entities, "weights_available", lambda path=None: False)
    assert NAME not in build_pipeline(nlp=spacy.blank("en"), gazetteer="tiny").pipe_names
    monkeypatch.setattr(learned_entities, "weights_available", lambda path=None: True)
    monkeypatch.setattr(learned_entities.LearnedEntities, "__init__", lambda self, *a, **k: None)
    on = build_pipeline(nlp=spacy.blank("en"), gazetteer="tiny")
    assert on.pipe_names.index(NAME) == on.pipe_names.index("kg_entities") - 1


# ------------------------------------------------------------------ a tiny seeded training run
GOLD = {"id": "tiny-ents", "date": "2025-03-03",
        "entities": [{"name": "China", "type": "Country", "aliases": []},
                     {"name": "Drenthic Robotics", "type": "Company", "aliases": []},
                     {"name": "Velmora", "type": "Company", "aliases": []}],
        "events": [], "relations": [], "analogies": []}


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """The same gold and text trained twice with the shipped config (2 epochs) and seed 0."""
    from kg.nlp.training import convert as C
    from kg.nlp.training.train import ENTITY_CONFIG, spacy_train

    tmp = tmp_path_factory.mktemp("ents")
    nlp = C.sentence_nlp()
    docs = []
    for k in range(8):
        gold = dict(GOLD, id=f"tiny-ents-{k}")
        docs.append(C.convert_record(nlp, gold, TEXT))
    paths = C.write(docs, tmp / "data", dev_every=4)
    out = [spacy_train(paths["ents_train"], paths["ents_dev"], tmp / f"run{k}", config=ENTITY_CONFIG,
                       overrides={"training.max_epochs": 2}) for k in range(2)]
    return nlp, out


@pytest.mark.slow
def test_learned_entities_training_is_deterministic(trained):
    _, (a, b) = trained
    assert (a / "ner" / "model").read_bytes() == (b / "ner" / "model").read_bytes()
    assert json.loads((a / "meta.json").read_text())["labels"]["ner"] == ["Company", "Country"]


@pytest.mark.slow
def test_learned_entities_same_input_same_spans(trained):
    nlp, (a, _) = trained
    comp = LearnedEntities(spacy.blank("en"), weights=a)
    doc = nlp(TEXT)
    first = comp.spans(doc)
    assert comp.spans(nlp(TEXT)) == first
    assert all(lab in {"Country", "Company"} for _, _, lab in first)


def test_learned_entities_version_names_weights_hash_and_training_data(tmp_path, monkeypatch):
    from kg import about
    from kg.nlp import learned_entities

    monkeypatch.setattr(learned_entities, "weights_path", lambda: tmp_path / "entities")
    assert about.learned_weights()["learned entity weights"] == "none packaged (rules only)"
    w = tmp_path / "entities"
    w.mkdir()
    (w / "config.cfg").write_text("[nlp]\n")
    (w / "kg_training.json").write_text(json.dumps({"component": "ner", "description": "142 documents",
                                                    "data": {"entity_spans": 3329}, "gold_sha256": "ab" * 32}))
    info = about.learned_weights()
    assert info["learned entity weights"] == "entities (ner)"
    assert len(info["learned entity weights sha256"]) == 64
    assert "3329 entity spans" in info["learned entity weights trained on"]
    assert "learned weights sha256" in info  # the measure classifier's block is still there
