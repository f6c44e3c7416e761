"""Gold -> DocBins (kg.nlp.training.convert) on a tiny hand-written gold line and text."""
from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import DocBin

from kg.nlp.training import convert as C

TEXT = ("Zorvia Bans Qelt Chips\n"
        "The government of Zorvia said on Monday it would ban sales of Qelt chips to state agencies.\n"
        "Zorvia also opened an inquiry into Qelt Systems over data handling.\n"
        "The weather was fine.")

GOLD = {
    "id": "tiny-01", "date": "2025-03-03",
    "entities": [
        {"name": "Zorvia", "type": "Country", "aliases": []},
        {"name": "Qelt Systems", "type": "Company", "aliases": []},
        {"name": "Qelt chips", "type": "Technology", "aliases": ["Qelt Chips"]},
        {"name": "Nowhere Ministry", "type": "GovernmentBody", "aliases": []},
    ],
    "events": [
        {"id": "e1", "actor": ["Zorvia"], "measure": "Ban", "targets": ["Qelt chips"], "affects": [],
         "sector": ["Semiconductors"], "status": "Announced",
         "evidence": "The government of Zorvia said on Monday it would ban sales of Qelt chips to state agencies."},
        {"id": "e2", "actor": ["Zorvia"], "measure": "Investigation", "targets": ["Qelt Systems"], "affects": [],
         "sector": ["Semiconductors"], "status": "InForce"},
    ],
    "relations": [], "analogies": [],
}


@pytest.fixture(scope="module")
def sent_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="module")
def converted(sent_nlp):
    return C.convert_record(sent_nlp, GOLD, TEXT)


def test_training_convert_labels_evidence_and_actor_sentences(converted):
    by_text = {s.text: {k for k, v in s.cats.items() if v} for s in converted.sentences}
    # sentence docs are normalised as at run time: lower case, digits as 0
    ban = next(t for t in by_text if "would ban" in t)
    assert by_text[ban] == {"Ban"}
    # e2 has no evidence: the sentence naming its actor with the most of its targets
    inquiry = next(t for t in by_text if "inquiry" in t)
    assert by_text[inquiry] == {"Investigation"}
    assert by_text["the weather was fine ."] == set()
    assert converted.events == 2 and converted.events_placed == 2
    # every sentence carries all 18 labels (0.0 for the kinds it does not state)
    assert all(len(s.cats) == 18 for s in converted.sentences)
    assert ban == ban.lower()


def test_training_convert_entity_spans_and_unaligned(converted):
    ents = {(e.text, e.label_) for e in converted.ents.ents}
    assert ("Zorvia", "Country") in ents
    assert ("Qelt Systems", "Company") in ents
    assert ("Qelt chips", "Technology") in ents and ("Qelt Chips", "Technology") in ents
    assert converted.entities == 4 and converted.entities_unaligned == ["Nowhere Ministry"]
    # overlapping names keep the longer span: "Qelt" inside "Qelt Systems" is not a second span
    assert not any(e.text == "Qelt" for e in converted.ents.ents)


def test_training_convert_evidence_found_despite_quotes_and_spaces():
    text = "Intro line here today.\nThe  ministry said it \u201cwill  ban\u201d the app."
    assert C.locate(text, 'The ministry said it "will ban" the app.') == (23, len(text), True)
    assert C.locate(text, "Intro line here today.") == (0, 22, False)


def test_training_convert_is_deterministic_and_refuses_test(tmp_path, sent_nlp):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({**GOLD, "file": "tiny.txt"}) + "\n")
    (tmp_path / "tiny.txt").write_text(TEXT)
    recs = C.read_records([C.Source(gold, tmp_path)])
    outs = []
    for k in range(2):
        conv = C.convert(recs, sent_nlp)
        paths = C.write(conv, tmp_path / f"out{k}", dev_every=0)
        outs.append({n: p.read_bytes() for n, p in paths.items()})
    assert outs[0] == outs[1]
    docs = list(DocBin().from_disk(tmp_path / "out0" / "textcat_train.spacy").get_docs(sent_nlp.vocab))
    assert sum(1 for d in docs if d.cats.get("Ban")) == C.POS_REPEAT  # positives repeated in train
    test_dir = tmp_path / "corpus" / "test"
    test_dir.mkdir(parents=True)
    (test_dir / "t1.jsonl").write_text(gold.read_text())
    with pytest.raises(SystemExit):
        C.read_records([C.Source(test_dir / "t1.jsonl", tmp_path)])


@pytest.mark.slow
def test_training_convert_entity_doc_carries_the_token_vectors_aligned():
    import numpy as np

    from kg.nlp.learned_arch import TENSOR, doc_tensor

    nlp = C.sentence_nlp()
    conv = C.convert_record(nlp, GOLD, TEXT)
    d = conv.ents
    t = doc_tensor(d)
    assert isinstance(d.user_data[TENSOR], bytes) and t is not None and t.shape == (len(d), 96)
    # the stored vectors are the statistical model's for the same tokens
    assert np.allclose(t, nlp(TEXT).tensor)
    # every gold span sits on the characters of its name
    assert {(e.text, e.label_) for e in d.ents} >= {("Zorvia", "Country"), ("Qelt Systems", "Company")}
    assert all(TEXT[e.start_char:e.end_char] == e.text for e in d.ents)


def test_training_arguments_match_and_classifier_are_deterministic():
    from kg.models import Event
    from kg.nlp.training import arguments as A

    rec = {"events": [{"id": "e1", "actor": ["Zorvia"], "measure": "Ban", "targets": ["Qelt chips"], "affects": []},
                      {"id": "e2", "actor": ["Zorvia"], "measure": "Investigation", "targets": [], "affects": []}]}
    canon = {"zorvia": "G:Zorvia", "qelt": "G:Qelt chips", "other": "P:other"}
    a = Event(key="a", measure="Ban", actors=("zorvia",), targets=("other",))
    b = Event(key="b", measure="Ban", actors=("zorvia",), targets=("qelt",))
    c = Event(key="c", measure="Sanction", actors=("zorvia",))
    pairs = A.match(rec, [a, b, c], canon)
    # the Ban with the right target wins the gold Ban; no event of the wrong kind is matched
    assert [(g["id"], p.key) for g, p in pairs] == [("e1", "b")]
    rows = [["role=targets", "rules=targets|targets"], ["role=targets", "rules=none|targets"]] * 10
    ys = [1, 0] * 10
    m1, m2 = A.logistic(rows, ys), A.logistic(rows, ys)
    assert (m1[1] == m2[1]).all() and m1[2] == m2[2]
    p_kept, p_dropped = A.predict(m1, rows[:2])
    assert p_kept > 0.5 > p_dropped


def test_training_sources_can_be_limited_to_named_dev_batches(tmp_path):
    dev = tmp_path / "data/corpus/dev"
    dev.mkdir(parents=True)
    for b in ("d1", "d2", "d3"):
        (dev / f"{b}.jsonl").write_text("", encoding="utf-8")
    every = [s.gold.stem for s in C.default_sources(tmp_path) if s.gold.parent == dev]
    assert every == ["d1", "d2", "d3"]
    some = [s.gold.stem for s in C.default_sources(tmp_path, batches=["d3", "d1"]) if s.gold.parent == dev]
    assert some == ["d1", "d3"]
    with pytest.raises(ValueError, match="no dev batch d9"):
        C.default_sources(tmp_path, batches=["d1", "d9"])
