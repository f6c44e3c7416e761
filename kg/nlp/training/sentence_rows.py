"""Sentence rows for the measure-sentence experiments: one row per classified sentence of a gold document.

A row holds what a sentence classifier may read at extraction time (the sentence's normalised words,
the mean and max of its en_core_web_sm token vectors, its wordllama embedding, the measure kinds the
rules' trigger lexicon names in it and the kinds of the rule events it is evidence of) and its gold
labels (the measure kinds of the gold events whose evidence it is, :func:`kg.nlp.training.convert.event_sentence`).

Built once per document from the ``--rules-only`` pipeline (:class:`kg.nlp.training.crossval.Scorer`) and
cached with :func:`save` / :func:`load` so that designs are compared in seconds (:mod:`kg.nlp.training.sentence_cv`).
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span

from kg.nlp.training import convert as C


@dataclass
class Row:
    """One classified sentence of one gold document."""

    doc_id: str
    index: int
    words: list[str]
    vec: np.ndarray | None
    emb: np.ndarray | None
    triggers: set[str] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)
    gold: set[str] = field(default_factory=set)


def rule_kinds(events: list, sents: list[Span]) -> list[set[str]]:
    """Per sentence, the measure kinds of the rule events with evidence in it."""
    import bisect

    starts = [s.start_char for s in sents]
    out: list[set[str]] = [set() for _ in sents]
    for ev in events:
        for e in ev.evidence:
            k = bisect.bisect_right(starts, e.start) - 1
            if k >= 0 and e.start < sents[k].end_char:
                out[k].add(ev.measure)
    return out


def doc_rows(rec: dict, doc: Doc, events: list, triggers_of) -> list[Row]:
    """The rows of one document processed by the rules pipeline (``events``: its rule events);
    ``triggers_of(doc, sents)`` gives each sentence's trigger kinds."""
    from kg.nlp.learned import classified_sentences, norm_word
    from kg.nlp.learned_arch import sentence_features
    from kg.precedents.embed import default_embedder

    sents = classified_sentences(doc)
    if not sents:
        return []
    names = {e["name"]: [e["name"], *e.get("aliases", [])] for e in rec.get("entities", [])}
    gold: list[set[str]] = [set() for _ in sents]
    for ev in rec.get("events", []):
        if ev.get("measure") not in C.MEASURES:
            continue
        k, _ = C.event_sentence(sents, doc.text, ev, names)
        if k is not None:
            gold[abs(k)].add(ev["measure"])
    embs = default_embedder().vectors([s.text for s in sents])
    kinds = rule_kinds(events, sents)
    trig = triggers_of(doc, sents)
    return [Row(rec["id"], i, [norm_word(t.text) for t in s if not t.is_space], sentence_features(doc, s), embs[i],
                trig[i], kinds[i], gold[i]) for i, s in enumerate(sents)]


def build(recs: list[tuple[dict, Path]], log=print) -> list[Row]:
    """Rows of every single-window document of ``recs`` (the rules pipeline runs once per document)."""
    return build_with_scorer(recs, log)[0]


def build_with_scorer(recs: list[tuple[dict, Path]], log=print):
    """(rows, the :class:`~kg.nlp.training.crossval.Scorer` holding the documents' rule output)."""
    from kg.nlp.events.context import build_context
    from kg.nlp.events.triggers import TriggerIndex
    from kg.nlp.gazetteer_registry import get_gazetteer
    from kg.nlp.learned import trigger_kinds
    from kg.nlp.training.crossval import Scorer
    from kg.nlp.training.event_filter import single_window

    recs = single_window(recs)
    log(f"rules pipeline over {len(recs)} documents")
    scorer = Scorer(recs)
    index = TriggerIndex(scorer.ex.nlp.vocab)
    gaz = get_gazetteer("default")

    def triggers_of(doc: Doc, sents: list[Span]) -> list[set[str]]:
        return trigger_kinds(build_context(doc, gaz, index), index, sents)

    rows: list[Row] = []
    for rid in scorer.cache:
        rec, _d, doc, events, _a, _e = scorer.restore(rid)
        rows += doc_rows(rec, doc, events, triggers_of)
    return rows, scorer


def save(rows: list[Row], path: Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(pickle.dumps(rows))


def load(path: Path) -> list[Row]:
    return pickle.loads(Path(path).read_bytes())  # noqa: S301 — a cache this module wrote
