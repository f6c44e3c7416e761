"""The event filter: a logistic regression that scores each rule event and drops the unlikely ones.

Every rule event the scorer cannot match to a gold event costs event precision and all its roles. The
filter scores each event the ``kg_events`` rules proposed (after merging, as records) from binary
features of the record and its first evidence sentence (:func:`features`): measure kind, the rules that
fired, the trigger's lemma and whether it sits in the main clause or under a reporting verb, relative
or adverbial clause; negation, modal, question, quote and conditional markers; whether actors,
targets, affected organisations and sectors were found and their entity types; the sentence's place
(headline, first paragraph, later); the measure classifier's probability for the event's kind in
its evidence sentences; how many sentences were merged into the event; status; document length.
Events scored below the threshold are dropped, with the links (``responds_to``, analogies) that
named them.

It runs inside ``kg_learned_events`` (:mod:`kg.nlp.learned`, which has the measure classifier's
sentence probabilities at hand) on the rule events only, so ``--rules-only`` turns it off with the
rest of the learned layer. Weights are package data (``kg/nlp/weights/event_filter/filter.json``: the
feature weights, bias and threshold, written by ``make train``,
:mod:`kg.nlp.training.event_filter`). Pure Python arithmetic over sorted features: deterministic.
"""
from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from kg.models import Analogy, Event
    from kg.nlp.events.triggers import TriggerIndex

#: the filter's folder inside the package (beside the measure classifier's)
WEIGHTS_PARTS = ("weights", "event_filter")
WEIGHTS_FILE = "filter.json"
#: events scored below this are dropped (the best of dev cross-validation, which a nested choice did not
#: confirm: see docs/extraction.md; written into filter.json by ``--install``)
THRESHOLD = 0.4
#: dependency labels that put a trigger outside the sentence's main clause
SUBORDINATE = {"advcl": "adverbial", "relcl": "relative", "acl": "relative", "ccomp": "complement",
               "csubj": "complement", "pcomp": "prepositional", "xcomp": "open", "conj": "conj"}
MODALS = frozenset({"could", "may", "might", "would", "should", "can", "must"})
CONDITIONAL = frozenset({"if", "unless", "whether"})
QUOTES = ('"', "\u201c", "\u201d")


def weights_path() -> Path:
    return Path(str(resources.files("kg.nlp").joinpath(*WEIGHTS_PARTS)))


def weights_available(path: Path | None = None) -> bool:
    return ((Path(path) if path else weights_path()) / WEIGHTS_FILE).is_file()


def evidence_sents(doc: Doc, ev: Event) -> list[Span]:
    out = []
    for e in ev.evidence:
        if e.start is None or e.end is None:
            continue
        sp = doc.char_span(e.start, e.end, alignment_mode="expand")
        if sp is not None and len(sp):
            out.append(sp)
    return out


def _bucket(x: float, edges: tuple[float, ...]) -> int:
    return sum(1 for e in edges if x >= e)


def trigger_of(sent: Span, measure: str, triggers: TriggerIndex | None):
    """The head token of the trigger phrase for ``measure`` in the sentence (or a generic trigger), or None."""
    if triggers is None:
        return None
    spans = triggers.matcher(sent, as_spans=True)
    best = sorted(spans, key=lambda sp: (triggers.rules.get(sp.label_) != measure, sp.start))
    for sp in best:
        if triggers.rules.get(sp.label_) in (measure, None):
            return sp.root
    return None


def clause_of(tok) -> str:
    """'main' when no subordinating dependency lies between the token and its sentence root, else the
    first such dependency's kind (walking up from the token)."""
    seen = 0
    while tok.head is not tok and seen < 30:
        kind = SUBORDINATE.get(tok.dep_)
        if kind and kind != "conj":
            return kind
        tok = tok.head
        seen += 1
    return "main"


def features(doc: Doc, ev: Event, triggers: TriggerIndex | None = None, measure_prob: float | None = None,
             others: list[Event] | tuple[Event, ...] = ()) -> list[str]:
    """The event's binary features (strings; the model is a weight per string). ``others``: the document's
    other events (for the same-kind and same-actor features)."""
    m = ev.measure
    ents = doc._.kg_entities or {}
    sents = evidence_sents(doc, ev)
    rules = sorted({e.rule for e in ev.evidence})
    out = [f"measure={m}", f"status={ev.status}", f"nsent={min(len(ev.evidence), 3)}",
           f"doclen={_bucket(len(doc.text), (1500, 3000, 6000))}", f"actors={min(len(ev.actors), 2)}",
           f"targets={min(len(ev.targets), 2)}", f"affects={bool(ev.affects)}", f"sectors={bool(ev.sectors)}",
           f"date={bool(ev.date)}", f"responds={bool(ev.responds_to)}",
           f"conf={_bucket(ev.confidence, (0.6, 0.75, 0.9))}"]
    out += [f"rule={r}" for r in rules]
    same = [o for o in others if o.key != ev.key and o.measure == m]
    dup = [o for o in same if set(o.actors) & set(ev.actors)]
    other_kind = {o.measure for o in others if o.measure != m and set(o.actors) & set(ev.actors)}
    out += [f"same_kind={min(len(same), 2)}", f"events={_bucket(len(others), (2, 4, 7))}", f"dup_actor={bool(dup)}",
            f"actor_other_kinds={min(len(other_kind), 2)}"]
    out += sorted(f"measure={m}|actor_also={k}" for k in other_kind)
    if dup:
        out.append(f"dup_rank={'first' if all(len(ev.evidence) >= len(o.evidence) for o in dup) else 'not_first'}")
    out += sorted({f"actor_type={ents[a].type}" for a in ev.actors if a in ents})
    out += sorted({f"target_type={ents[a].type}" for a in ev.targets if a in ents})
    out += sorted({f"measure={m}|actor_type={ents[a].type}" for a in ev.actors if a in ents})
    if measure_prob is None:
        out.append("mprob=none")
    else:
        b = _bucket(measure_prob, (0.01, 0.03, 0.1, 0.3))
        out += [f"mprob={b}", f"measure={m}|mprob={b}"]
    if not sents:
        return out + ["nosent"]
    s = sents[0]
    para = doc.text.count("\n", 0, s.start_char)
    out.append(f"place={'headline' if para == 0 else 'lead' if para <= 2 else 'later'}")
    if len(sents) > 1:
        out.append(f"place2={'lead' if doc.text.count(chr(10), 0, sents[1].start_char) <= 2 else 'later'}")
    toks = [t for t in s if not t.is_space]
    lowers = {t.lower_ for t in toks}
    out += [f"neg={any(t.dep_ == 'neg' for t in toks)}", f"modal={bool(lowers & MODALS)}",
            f"question={s.text.rstrip().endswith('?')}", f"quote={any(q in s.text for q in QUOTES)}",
            f"cond={bool(lowers & CONDITIONAL)}", f"future={'will' in lowers}",
            f"slen={_bucket(len(toks), (12, 25, 40))}"]
    trig = trigger_of(s, m, triggers)
    if trig is None:
        out.append("trigger=none")
    else:
        clause = clause_of(trig)
        out += [f"lemma={trig.lemma_.lower()}", f"clause={clause}", f"measure={m}|clause={clause}",
                f"trigger_pos={trig.pos_}", f"said={clause == 'complement' and trig.head.lemma_ in ('say', 'tell')}"]
    return out


def fit(rows: list[list[str]], ys: list[int], iters: int = 400, lr: float = 0.5, l2: float = 1e-2,
        min_count: int = 2) -> dict:
    """The filter's weights: the training package's deterministic logistic regression over binary
    features; features seen fewer than ``min_count`` times are left out."""
    from kg.nlp.training.arguments import logistic

    vocab, w, b = logistic(rows, ys, iters=iters, lr=lr, l2=l2, min_count=min_count)
    return {"weights": {f: round(float(w[i]), 6) for f, i in vocab.items()}, "bias": round(b, 6)}


class EventFilter:
    """Scores rule events with the packaged (or given) weights; :meth:`apply` drops those below the threshold."""

    def __init__(self, model: dict | None = None, path: Path | None = None, threshold: float | None = None):
        if model is None:
            model = json.loads(((Path(path) if path else weights_path()) / WEIGHTS_FILE).read_text(encoding="utf-8"))
        self.weights: dict[str, float] = model["weights"]
        self.bias = float(model["bias"])
        self.threshold = float(model.get("threshold", 0.5) if threshold is None else threshold)

    def score(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in sorted(set(feats)))
        return 1 / (1 + math.exp(-z))

    def apply(self, doc: Doc, events: list[Event], analogies: list[Analogy], triggers: TriggerIndex | None,
              probs: dict[str, float | None]) -> tuple[list[Event], list[Analogy]]:
        """(kept events, kept analogies): events scored below the threshold are dropped, and the
        analogies and ``responds_to`` links that named them. ``probs``: event key -> the measure
        classifier's probability of its kind in its evidence sentences."""
        drop = {ev.key for ev in events
                if self.score(features(doc, ev, triggers, probs.get(ev.key), events)) < self.threshold}
        if not drop:
            return events, analogies
        kept = [ev if not set(ev.responds_to) & drop else
                ev.model_copy(update={"responds_to": tuple(r for r in ev.responds_to if r not in drop)})
                for ev in events if ev.key not in drop]
        return kept, [a for a in analogies if a.a not in drop and a.b not in drop]
