"""The learned layer at extraction time: a sentence classifier for measure kinds, after the rules.

The spaCy component ``kg_learned_events`` runs after ``kg_events``. It scores every sentence (not
boilerplate, at least :data:`MIN_TOKENS` words) with a ``textcat_multilabel`` model trained on the
annotated corpus (:mod:`kg.nlp.training`), and:

* **proposes** an event of kind M for a sentence scored >= ``threshold`` for M where the rules found
  no event of kind M — its actor, targets, affected organisations, sectors, status and date come
  from the rules' own machinery (:func:`kg.nlp.events.filling.fill` on the sentence's main verb);
  no actor, or an actor that already has a rule event of kind M, means no proposal;
* in ``mode="model"`` (measured, not shipped) drops the rule events and keeps only proposals;
* with the **kind chooser** (:mod:`kg.nlp.kind_chooser`, loaded when its packaged weights exist) gives
  a rule event another measure kind when the chooser prefers it by its margin;
* with the **event filter** (:mod:`kg.nlp.event_filter`, loaded when its packaged weights exist) drops
  the rule events the filter scores below its threshold, before the proposals are added.

A weights folder holding ``sentence_model.json`` is read as the numpy two-stage or one-vs-rest sentence
model of :mod:`kg.nlp.sentence_model` instead (measured, not shipped; ``bare_only`` then proposes only in
sentences without a rule event).

The weights are package data (``kg/nlp/weights/measures``, found with :mod:`importlib.resources`);
``kg extract --rules-only`` builds the pipeline without this component. Scoring is a linear model
over hashed words and bigrams: deterministic, and the same input and weights give byte-identical
output.
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import json
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from kg.nlp.attrs import register_extensions
from kg.nlp.event_filter import EventFilter
from kg.nlp.event_filter import weights_available as filter_available
from kg.nlp.kind_chooser import KindChooser
from kg.nlp.kind_chooser import weights_available as chooser_available
from kg.nlp.sentence_model import KINDS, SentenceModel, SentenceView

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike
    from kg.nlp.events.triggers import TriggerIndex

#: sentences with fewer non-space tokens are not classified (and not trained on)
MIN_TOKENS = 4
#: a sentence scored at least this for a kind proposes an event of that kind (chosen by dev cross-validation:
#: the lowest threshold whose combined score equals the best, 0.693 on the final rules; 0.1 gave 0.692)
THRESHOLD = 0.3
#: 0 = off; else a rule event whose kind scores below 1 - RELABEL in every evidence sentence while
#: another kind scores >= RELABEL in one of them takes that kind (chosen by dev cross-validation)
RELABEL = 0.0
#: the component's name in the pipeline and its factory
NAME = "kg_learned_events"
#: the measure classifier's folder inside the package
WEIGHTS_PARTS = ("weights", "measures")
#: the training description written beside the weights
TRAINING_META = "kg_training.json"
_DIGIT = re.compile(r"\d")

register_extensions()


def weights_path() -> Path:
    """The packaged measure classifier (a spaCy pipeline folder)."""
    return Path(str(resources.files("kg.nlp").joinpath(*WEIGHTS_PARTS)))


def weights_available(path: Path | None = None) -> bool:
    p = Path(path) if path else weights_path()
    return (p / "config.cfg").is_file()


def weights_sha256(path: Path | None = None) -> str:
    """sha256 over every file of the weights folder (relative path and bytes, in sorted order)."""
    p = Path(path) if path else weights_path()
    h = hashlib.sha256()
    for f in sorted(x for x in p.rglob("*") if x.is_file() and "__pycache__" not in x.parts):
        h.update(f.relative_to(p).as_posix().encode() + b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()


def training_meta(path: Path | None = None) -> dict:
    p = (Path(path) if path else weights_path()) / TRAINING_META
    return json.loads(p.read_text(encoding="utf-8")) if p.is_file() else {}


@functools.lru_cache(maxsize=100_000)
def norm_word(text: str) -> str:
    return _DIGIT.sub("0", text.lower())


def sentence_doc(vocab: Vocab, sent: Span, words: list[str] | None = None, space: list[int] | None = None) -> Doc:
    """The classifier's view of a sentence (training and run time): its words lower-cased, digits as 0,
    and in ``user_data["kg_vec"]`` the mean and max of its token vectors from the statistical model
    (:func:`kg.nlp.learned_arch.sentence_features`). ``words`` and ``space`` (every token's text and
    IS_SPACE flag, read once per Doc by :meth:`LearnedEvents.scores`) save walking the Tokens."""
    from kg.nlp.learned_arch import VEC, sentence_features

    if words is None or space is None:
        words, space = [t.text for t in sent.doc], sent.doc.to_array(IS_SPACE).tolist()
    rows = [i for i in range(sent.start, sent.end) if not space[i]]
    d = Doc(vocab, words=[norm_word(words[i]) for i in rows], spaces=[True] * (len(rows) - 1) + [False] * bool(rows))
    vec = sentence_features(sent.doc, sent, rows)
    if vec is not None:
        d.user_data[VEC] = vec
    return d


def sentence_views(sents: list[Span], rule_events: list, triggers: list[set[str]] | None,
                   embeddings: bool) -> list[SentenceView]:
    """The two-stage model's input for each sentence: normalised words, token-vector features, wordllama
    embedding (when ``embeddings``), trigger kinds, and the kinds of the rule events evidenced in it."""
    from kg.nlp.learned_arch import sentence_features

    starts = [s.start_char for s in sents]
    kinds: list[set[str]] = [set() for _ in sents]
    for ev in rule_events:
        for e in ev.evidence:
            k = bisect.bisect_right(starts, e.start) - 1
            if k >= 0 and e.start < sents[k].end_char:
                kinds[k].add(ev.measure)
    embs = None
    if embeddings:
        from kg.precedents.embed import default_embedder

        embs = default_embedder().vectors([s.text for s in sents])
    return [SentenceView([norm_word(t.text) for t in s if not t.is_space], sentence_features(s.doc, s),
                         None if embs is None else embs[i], triggers[i] if triggers else set(), kinds[i])
            for i, s in enumerate(sents)]


def trigger_kinds(ctx, index, sents: list[Span]) -> list[set[str]]:
    """Per sentence, the measure kinds the rules' trigger lexicon ``index`` names in it, read in the
    document context ``ctx`` (a generic trigger: the kind its object gives, else "generic")."""
    from kg.nlp.events.triggers import find_triggers, refine

    out = []
    for s in sents:
        kinds = set()
        for rule, span in find_triggers(ctx, s):
            m = index.rules.get(rule)
            kinds.add(refine(ctx, m, rule, span, span.root) or m or "generic")
        out.append(kinds)
    return out


def classified_sentences(doc: Doc) -> list[Span]:
    skip = doc._.kg_skip or []
    out = []
    for s in doc.sents:
        if any(a <= s.start_char < b for a, b in skip):
            continue
        if sum(1 for t in s if not t.is_space) >= MIN_TOKENS:
            out.append(s)
    return out


def retyped(ev, kind: str, mark: str):
    """The event with measure kind ``kind`` (its key, label and evidence rules follow)."""
    from kg.ids import event_key

    return ev.model_copy(update={
        "measure": kind, "key": event_key(kind, ev.actors, ev.targets, ev.sectors, ev.date),
        "label": ev.label.replace(ev.measure, kind, 1),
        "evidence": tuple(e.model_copy(update={"rule": e.rule + mark}) for e in ev.evidence)})


@Language.factory(NAME, assigns=["doc._.kg_events", "doc._.kg_analogies"], requires=["doc._.kg_events"],
                  default_config={"weights": "", "threshold": THRESHOLD, "mode": "combined", "relabel": RELABEL,
                                  "gazetteer": "default", "event_filter": True,
                                  "kind_chooser": True})
def make_learned(nlp: Language, name: str, weights: str = "", threshold: float = THRESHOLD, mode: str = "combined",
                 relabel: float = RELABEL, gazetteer: str = "default", event_filter: bool = True,
                 kind_chooser: bool = True) -> LearnedEvents:
    return LearnedEvents(nlp, weights=weights or None, threshold=threshold, mode=mode, relabel=relabel,
                         gazetteer=gazetteer, event_filter=event_filter, kind_chooser=kind_chooser)


class LearnedEvents:
    """The ``kg_learned_events`` component (see the module docstring)."""

    def __init__(self, nlp: Language, weights: str | Path | SentenceModel | None = None, threshold: float = THRESHOLD,
                 mode: str = "combined", relabel: float = RELABEL, gazetteer: str = "default",
                 event_filter: bool | EventFilter = True, kind_chooser: bool | KindChooser = True,
                 bare_only: bool = False):
        if mode not in ("combined", "model"):
            raise ValueError(f"mode must be combined or model, not {mode!r}")
        self.vocab = nlp.vocab
        self.threshold = threshold
        self.mode = mode
        self.relabel = relabel
        #: propose only in sentences that are evidence of no rule event (measured in cross-validation)
        self.bare_only = bare_only
        self.gazetteer = gazetteer
        self._triggers: TriggerIndex | None = None
        self._gaz: GazetteerLike | None = None
        self._gaz_tried = False
        self.load(weights)
        self.filter = event_filter if isinstance(event_filter, EventFilter) or not event_filter else (
            EventFilter() if filter_available() else None)
        self.chooser = kind_chooser if isinstance(kind_chooser, KindChooser) or not kind_chooser else (
            KindChooser() if chooser_available() else None)

    def load(self, weights: str | Path | SentenceModel | None = None) -> None:
        """The weights: a folder holding a :class:`SentenceModel` (``sentence_model.json``) or a spaCy
        ``textcat_multilabel`` pipeline, or a :class:`SentenceModel` object (cross-validation)."""
        self.smodel: SentenceModel | None = None
        if isinstance(weights, SentenceModel):
            self.path, self.smodel, self.labels = Path("."), weights, list(KINDS)
            return
        self.path = Path(weights) if weights else weights_path()
        if SentenceModel.available(self.path):
            self.smodel, self.labels = SentenceModel.load(self.path), list(KINDS)
            return
        import kg.nlp.learned_arch  # noqa: F401 — registers the architecture the weights name
        from kg.nlp.model import load_fresh

        tc_nlp = load_fresh(str(self.path))  # the one loader: a missing or broken folder is a ModelError
        textcat: Any = tc_nlp.get_pipe("textcat_multilabel")
        self.textcat = textcat
        self.tc_vocab = tc_nlp.vocab
        self.labels = list(textcat.labels)

    def scores(self, sents: list[Span], rule_events: list | None = None):
        """(sentences x labels) probabilities; ``rule_events``: the rules' events of the sentences' Doc (the
        two-stage model reads their kinds; default: the Doc's current events)."""
        if self.smodel is None:
            doc = sents[0].doc if sents else None
            words = [t.text for t in doc] if doc is not None else []
            space = doc.to_array(IS_SPACE).tolist() if doc is not None else []
            docs = [sentence_doc(self.tc_vocab, s, words, space) for s in sents]
            return self.textcat.model.predict(docs)
        if not sents:
            return self.smodel.predict([])
        doc = sents[0].doc
        return self.smodel.predict(sentence_views(
            sents, list(doc._.kg_events or []) if rule_events is None else rule_events,
            self.sentence_triggers(doc, sents) if self.smodel.needs_triggers else None,
            self.smodel.needs_embeddings))

    def sentence_triggers(self, doc: Doc, sents: list[Span]) -> list[set[str]]:
        """Per sentence, the measure kinds the rules' trigger lexicon names in it (a generic trigger: the
        kind its object gives, else "generic")."""
        return trigger_kinds(self._context(doc), self.triggers(), sents)

    def _context(self, doc: Doc):
        from kg.nlp.events.context import build_context

        if not self._gaz_tried:
            from kg.nlp.gazetteer_registry import get_gazetteer

            self._gaz_tried = True
            try:
                self._gaz = get_gazetteer(self.gazetteer)
            except Exception:  # noqa: BLE001 — no gazetteer: parent look-ups just miss
                self._gaz = None
        return build_context(doc, self._gaz, self.triggers())

    def triggers(self) -> TriggerIndex:
        from kg.nlp.events.triggers import TriggerIndex

        if self._triggers is None:
            self._triggers = TriggerIndex(self.vocab)
        return self._triggers

    def filtered(self, doc: Doc, events: list, sents: list[Span], starts: list[int], probs) -> list:
        """The rule events the event filter keeps (and the analogies between them, on the Doc)."""
        if not isinstance(self.filter, EventFilter) or not events:
            return events
        kept, doc._.kg_analogies = self.filter.apply(doc, events, list(doc._.kg_analogies or []), self.triggers(),
                                                     self.kind_probs(events, sents, starts, probs))
        return kept

    def kind_probs(self, events: list, sents: list[Span], starts: list[int], probs) -> dict[str, float | None]:
        """Event key -> the classifier's highest probability for the event's kind over its evidence sentences."""
        idx = {lab: j for j, lab in enumerate(self.labels)}
        out: dict[str, float | None] = {}
        for ev in events:
            ks, j = self._sent_ids(ev, sents, starts), idx.get(ev.measure)
            out[ev.key] = max(float(probs[k][j]) for k in ks) if ks and j is not None else None
        return out

    def __call__(self, doc: Doc) -> Doc:
        sents = classified_sentences(doc)
        events = list(doc._.kg_events or [])
        if self.mode == "model":
            events, doc._.kg_analogies = [], []
        if not sents:
            doc._.kg_events = events
            return doc
        probs = self.scores(sents)
        starts = [s.start_char for s in sents]
        if self.relabel:
            events = self.moved(doc, events, self.relabelled(events, sents, starts, probs))
        if isinstance(self.chooser, KindChooser) and events:
            events = self.moved(doc, events, self.chosen(doc, events, sents, starts, probs))
        kept = self.filtered(doc, events, sents, starts, probs)
        stated: dict[int, set[str]] = {}
        for ev in events:
            for k in self._sent_ids(ev, sents, starts):
                stated.setdefault(k, set()).add(ev.measure)
        cands = []
        for i, s in enumerate(sents):
            if self.bare_only and stated.get(i):
                continue
            row = probs[i]
            for j, lab in enumerate(self.labels):
                p = float(row[j])
                if p >= self.threshold and lab not in stated.get(i, ()):
                    cands.append((i, lab, p))
        if not cands:
            doc._.kg_events = kept
            return doc
        doc._.kg_events = kept + self.propose(doc, sents, cands, events)
        return doc

    @staticmethod
    def moved(doc: Doc, events: list, new: list) -> list:
        """``new`` (the events re-kinded one for one) with ``responds_to`` and the Doc's analogies following
        the changed keys."""
        moved = {a.key: b.key for a, b in zip(events, new) if a.key != b.key}
        if not moved:
            return events
        doc._.kg_analogies = [a.model_copy(update=dict(zip(("a", "b"), sorted(
            (moved.get(a.a, a.a), moved.get(a.b, a.b)))))) for a in doc._.kg_analogies or []]
        return [e.model_copy(update={"responds_to": tuple(moved.get(r, r) for r in e.responds_to)}) for e in new]

    def all_kind_probs(self, ev, sents: list[Span], starts: list[int], probs) -> dict[str, float]:
        """Kind -> the classifier's highest probability for it over the event's evidence sentences."""
        ks = self._sent_ids(ev, sents, starts)
        return {lab: max(float(probs[k][j]) for k in ks) for j, lab in enumerate(self.labels)} if ks else {}

    def chosen(self, doc: Doc, events: list, sents: list[Span], starts: list[int], probs) -> list:
        """The rule events, each with the kind the kind chooser gives it (most keep their own)."""
        assert isinstance(self.chooser, KindChooser)
        out = []
        for ev in events:
            kind = self.chooser.choose(doc, ev, self.triggers(), self.all_kind_probs(ev, sents, starts, probs), events)
            out.append(ev if kind is None else retyped(ev, kind, "+kind-chooser"))
        return out

    @staticmethod
    def _sent_ids(ev, sents: list[Span], starts: list[int]) -> list[int]:
        out = []
        for e in ev.evidence:
            k = bisect.bisect_right(starts, e.start) - 1
            if k >= 0 and e.start < sents[k].end_char:
                out.append(k)
        return out

    def relabelled(self, events: list, sents: list[Span], starts: list[int], probs) -> list:
        """Rule events whose kind the classifier rejects in every evidence sentence while it is sure of
        another kind (not already an event of the same actors) take that kind."""
        idx = {lab: j for j, lab in enumerate(self.labels)}
        out = []
        for ev in events:
            ks = self._sent_ids(ev, sents, starts)
            j = idx.get(ev.measure)
            if not ks or j is None or max(float(probs[k][j]) for k in ks) >= 1 - self.relabel:
                out.append(ev)
                continue
            best = max(((float(probs[k][i]), lab) for k in ks for lab, i in idx.items() if lab != ev.measure))
            taken = any(o.measure == best[1] and set(o.actors) & set(ev.actors) for o in events)
            if best[0] < self.relabel or taken:
                out.append(ev)
                continue
            out.append(retyped(ev, best[1], "+learned-kind"))
        return out

    def propose(self, doc: Doc, sents: list[Span], cands: list[tuple[int, str, float]], events: list) -> list:
        from kg.nlp.events.actors import sentence_subject_actor
        from kg.nlp.events.context import Mention
        from kg.nlp.events.filling import fill
        from kg.nlp.events.merge import merge_mentions
        from kg.nlp.events.records import build_records
        from kg.nlp.events.syntax import clause_verb

        if doc._.kg_entities is None:
            doc._.kg_entities = {}
        ctx = self._context(doc)
        mentions = []
        for i, lab, p in cands:
            s = sents[i]
            root = s.root
            m = Mention(measure=lab, rule="learned", sent=s, trigger=doc[root.i:root.i + 1], head=root,
                        para=ctx.para_of(s.start_char), confidence=round(0.6 * p, 3))
            verb = clause_verb(ctx, root) if ctx.parsed else None
            if not fill(ctx, m, verb, []):
                continue
            m.confidence = round(0.6 * p, 3)
            if not m.actors:
                m.actors = sentence_subject_actor(ctx, s) or ([ctx.dominant] if ctx.dominant else [])
            if not m.actors:
                continue
            roots = {ctx.root(a) for a in m.actors}
            if any(ev.measure == lab and ({ctx.root(a) for a in ev.actors} & roots) for ev in events):
                continue  # the rules already report this actor's measure of this kind
            mentions.append(m)
        if not mentions:
            return []
        drafts = merge_mentions(ctx, mentions)
        new, _ = build_records(ctx, drafts)
        taken = {ev.key for ev in events}
        return [ev for ev in new if ev.key not in taken]
