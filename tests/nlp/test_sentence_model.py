"""The two-stage measure-sentence model (kg.nlp.sentence_model) and its use by kg_learned_events."""
from __future__ import annotations

import hashlib

import numpy as np
import pytest
import spacy

from kg.nlp.sentence_model import (
    BOW_BUCKETS,
    KINDS,
    Features,
    SentenceModel,
    SentenceView,
    bow_columns,
    fit_binary,
    fit_kinds,
)


def view(text: str, triggers=(), rules=()) -> SentenceView:
    return SentenceView(text.lower().split(), None, None, set(triggers), set(rules))


def toy_rows():
    """Sentences that state an export control or a subsidy, and sentences that state nothing."""
    pos_ec = [view(f"the ministry restricted exports of chips number {i}") for i in range(8)]
    pos_sub = [view(f"the government granted a subsidy to plant {i}") for i in range(8)]
    neg = [view(f"the weather was fine on day {i}") for i in range(16)]
    rows = pos_ec + pos_sub + neg
    gold = [{"ExportControl"}] * 8 + [{"Subsidy"}] * 8 + [set()] * 16
    return rows, gold


def test_bow_columns_are_stable_and_include_bigrams():
    a = bow_columns(["export", "controls"])
    assert a == bow_columns(["export", "controls"])  # crc32: the same in every process
    assert len(a) == 3 and all(0 <= c < BOW_BUCKETS for c in a)
    assert bow_columns(["controls", "export"]) != a  # the bigram differs


def test_fit_binary_separates_and_balances():
    X = np.array([[1.0, 0.0]] * 3 + [[0.0, 1.0]] * 30, dtype=np.float32)
    y = np.array([1] * 3 + [0] * 30)
    m = fit_binary(X, y, l2=1e-4)
    p = m.predict(X)
    assert p[:3].min() > 0.8 and p[3:].max() < 0.2
    # several targets at once equal one at a time
    both = fit_binary(X, np.stack([y, 1 - y], axis=1), l2=1e-4)
    assert np.allclose(both.predict(X)[:, 0], p, atol=1e-5)


def test_fit_kinds_is_a_distribution_over_the_kinds():
    X = np.eye(2, dtype=np.float32).repeat(4, axis=0)
    Y = np.zeros((8, len(KINDS)), dtype=np.float32)
    Y[:4, KINDS.index("Ban")] = 1
    Y[4:, KINDS.index("Subsidy")] = 1
    q = fit_kinds(X, Y).predict(X)
    assert np.allclose(q.sum(axis=1), 1.0, atol=1e-5)
    assert q[0].argmax() == KINDS.index("Ban") and q[-1].argmax() == KINDS.index("Subsidy")


def test_two_stage_scores_the_stated_kind_and_not_the_weather():
    rows, gold = toy_rows()
    m = SentenceModel.fit(rows, gold, ["bow"])
    p = m.predict([view("the ministry restricted exports of chips number 99"),
                   view("the weather was fine on day 99")])
    assert p.shape == (2, len(KINDS))
    assert p[0].argmax() == KINDS.index("ExportControl") and p[0].max() > 0.5
    assert p[1].max() < 0.5


def test_trigger_design_takes_the_kind_the_lexicon_names():
    rows, gold = toy_rows()
    m = SentenceModel.fit(rows, gold, ["bow"], design="two-stage+trig")
    p = m.predict([view("the ministry restricted exports of chips number 99", triggers={"Ban"})])
    assert p[0].argmax() == KINDS.index("Ban")


def test_lex_features_read_trigger_and_rule_kinds():
    f = Features(["lex"]).fit([view("x")])
    m = f.matrix([view("x", triggers={"Ban"}, rules={"Subsidy"}), view("x")])
    n = len(KINDS) + 1
    assert m[0, KINDS.index("Ban")] == 1 and m[0, n + KINDS.index("Subsidy")] == 1
    assert m[0, n - 1] == 1 and m[0, 2 * n - 1] == 1 and m[1].sum() == 0
    with pytest.raises(ValueError):
        Features(["nope"])


def test_save_load_round_trip_is_byte_identical(tmp_path):
    rows, gold = toy_rows()
    a, b = tmp_path / "a", tmp_path / "b"
    SentenceModel.fit(rows, gold, ["bow", "lex"]).save(a)
    SentenceModel.fit(rows, gold, ["bow", "lex"]).save(b)

    def digest(folder):
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}

    assert digest(a) == digest(b)
    assert SentenceModel.available(a) and not SentenceModel.available(tmp_path)
    m = SentenceModel.load(a)
    test = [view("the government granted a subsidy to plant 7")]
    assert np.allclose(m.predict(test), SentenceModel.fit(rows, gold, ["bow", "lex"]).predict(test))


def test_learned_events_loads_a_sentence_model_folder(tmp_path):
    from kg.nlp.learned import LearnedEvents

    rows, gold = toy_rows()
    SentenceModel.fit(rows, gold, ["bow"]).save(tmp_path)
    comp = LearnedEvents(spacy.blank("en"), weights=tmp_path, event_filter=False, kind_chooser=False)
    assert comp.smodel is not None and comp.labels == list(KINDS)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("The ministry restricted exports of chips number 5. The weather was fine on day 3.")
    p = comp.scores(list(doc.sents), [])
    assert p.shape == (2, len(KINDS)) and p[0].argmax() == KINDS.index("ExportControl") and p[1].max() < 0.5


def test_cross_validation_never_folds_the_transfer_batch():
    from kg.nlp.training.crossval import DEV_BATCHES

    assert "d9" not in DEV_BATCHES and DEV_BATCHES == tuple(f"d{i}" for i in range(1, 9))


def test_one_vs_rest_design_scores_each_kind_and_round_trips(tmp_path):
    rows, gold = toy_rows()
    m = SentenceModel.fit(rows, gold, ["bow"], design="ovr")
    test = [view("the government granted a subsidy to plant 99"), view("the weather was fine on day 99")]
    p = m.predict(test)
    assert p[0].argmax() == KINDS.index("Subsidy") and p[0].max() > 0.5 and p[1].max() < 0.5
    m.save(tmp_path)
    assert np.allclose(SentenceModel.load(tmp_path).predict(test), p)
    with pytest.raises(ValueError):
        SentenceModel.fit(rows, gold, ["bow"], design="nope")
