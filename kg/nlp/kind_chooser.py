"""The kind chooser: a multinomial logistic regression that re-chooses the measure kind of each rule event.

Many false rule events are a real measure with the wrong kind (a review called a regulation, a ban an
export control): the actor and the sentence are right, the trigger lexicon chose the kind. The chooser
predicts a kind from the event's first evidence sentence (:func:`features`): the rule's kind, the trigger's
lemma, the lemmas of the trigger's object and prepositional objects, its governing verb, the sentence's
content lemmas, the measure classifier's probability of each kind in the evidence sentences (bucketed)
and the actor's entity type. When its probability for another kind beats the rule's kind by at least
the margin, the event takes that kind (unless the same actor already has an event of that kind).

It runs inside ``kg_learned_events`` (:mod:`kg.nlp.learned`) on the rule events only, so ``--rules-only``
turns it off. Weights are package data (``kg/nlp/weights/kind_chooser/chooser.json``, written by
:mod:`kg.nlp.training.kind_chooser`); without that file the component does nothing. None is committed: the
chooser did not beat the rules on dev cross-validation (docs/extraction.md, "The kind chooser"). Pure arithmetic over
sorted features: deterministic.
"""
from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from kg.nlp.event_filter import evidence_sents, trigger_of

if TYPE_CHECKING:
    from kg.models import Event
    from kg.nlp.events.triggers import TriggerIndex

WEIGHTS_PARTS = ("weights", "kind_chooser")
WEIGHTS_FILE = "chooser.json"
#: relabel when another kind's probability beats the rule kind's by at least this (``--install``'s default;
#: dev CV found no margin that helps)
MARGIN = 0.3
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})
OBJ_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd"})
PROB_EDGES = (0.03, 0.1, 0.3, 0.6)


def weights_path() -> Path:
    return Path(str(resources.files("kg.nlp").joinpath(*WEIGHTS_PARTS)))


def weights_available(path: Path | None = None) -> bool:
    return ((Path(path) if path else weights_path()) / WEIGHTS_FILE).is_file()


def _bucket(x: float) -> int:
    return sum(1 for e in PROB_EDGES if x >= e)


def features(doc: Doc, ev: Event, triggers: TriggerIndex | None = None,
             kind_probs: dict[str, float] | None = None) -> list[str]:
    """The event's binary features (strings). ``kind_probs``: kind -> the measure classifier's highest
    probability for it over the event's evidence sentences."""
    m = ev.measure
    ents = doc._.kg_entities or {}
    out = [f"rule={m}"]
    out += sorted({f"actor_type={ents[a].type}" for a in ev.actors if a in ents})
    for k, p in sorted((kind_probs or {}).items()):
        b = _bucket(p)
        out.append(f"p_{k}={b}")
        if k == m:
            out.append(f"p_rule={b}")
    sents = evidence_sents(doc, ev)
    if not sents:
        return out + ["nosent"]
    s = sents[0]
    out += sorted({f"w={t.lemma_.lower()}" for t in s if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha})
    trig = trigger_of(s, m, triggers)
    if trig is None:
        return out + ["trigger=none"]
    lemma = trig.lemma_.lower()
    out += [f"trigger={lemma}", f"rule={m}|trigger={lemma}", f"gov={trig.head.lemma_.lower()}"]
    for c in trig.children:
        if c.dep_ in OBJ_DEPS:
            out.append(f"obj={c.lemma_.lower()}")
        elif c.dep_ == "prep":
            out += [f"pobj={c.lemma_.lower()}:{g.lemma_.lower()}" for g in c.children if g.dep_ == "pobj"]
    if trig.dep_ in OBJ_DEPS | {"pobj"}:
        out.append(f"obj_of={trig.head.lemma_.lower()}")
    return out


def fit(rows: list[list[str]], ys: list[str], iters: int = 300, lr: float = 0.5, l2: float = 1e-2,
        min_count: int = 2) -> dict:
    """A deterministic multinomial logistic regression (full-batch gradient descent from zero, float64,
    sorted features and classes); features seen fewer than ``min_count`` times are left out."""
    import numpy as np

    counts: dict[str, int] = {}
    for r in rows:
        for f in set(r):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    classes = sorted(set(ys))
    X = np.zeros((len(rows), len(vocab)))
    for i, r in enumerate(rows):
        X[i, [vocab[f] for f in set(r) if f in vocab]] = 1.0
    Y = np.zeros((len(ys), len(classes)))
    Y[np.arange(len(ys)), [classes.index(y) for y in ys]] = 1.0
    W, b = np.zeros((len(vocab), len(classes))), np.zeros(len(classes))
    for _ in range(iters):
        Z = X @ W + b
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        G = P - Y
        W -= lr * (X.T @ G / len(ys) + l2 * W)
        b -= lr * G.mean(axis=0)
    return {"classes": classes, "bias": [round(float(x), 6) for x in b],
            "weights": {f: [round(float(x), 6) for x in W[i]] for f, i in vocab.items()}}


class KindChooser:
    """Predicts kinds with the packaged (or given) weights; :meth:`choose` relabels rule events."""

    def __init__(self, model: dict | None = None, path: Path | None = None, margin: float | None = None):
        if model is None:
            model = json.loads(((Path(path) if path else weights_path()) / WEIGHTS_FILE).read_text(encoding="utf-8"))
        self.classes: list[str] = list(model["classes"])
        self.bias = [float(x) for x in model["bias"]]
        self.weights: dict[str, list[float]] = model["weights"]
        self.margin = float(model.get("margin", MARGIN) if margin is None else margin)

    def probs(self, feats: list[str]) -> dict[str, float]:
        z = list(self.bias)
        for f in sorted(set(feats)):
            w = self.weights.get(f)
            if w is not None:
                z = [a + b for a, b in zip(z, w)]
        top = max(z)
        e = [math.exp(x - top) for x in z]
        s = sum(e)
        return {c: x / s for c, x in zip(self.classes, e)}

    def choose(self, doc: Doc, ev: Event, triggers: TriggerIndex | None, kind_probs: dict[str, float] | None,
               events: list[Event]) -> str | None:
        """The kind the event should take instead of its own, or None to keep it."""
        p = self.probs(features(doc, ev, triggers, kind_probs))
        best = max(sorted(p), key=lambda c: p[c])
        if best == ev.measure or p[best] - p.get(ev.measure, 0.0) < self.margin:
            return None
        if any(o.measure == best and set(o.actors) & set(ev.actors) for o in events if o.key != ev.key):
            return None
        return best
