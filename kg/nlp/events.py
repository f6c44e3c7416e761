"""``kg_events``: policy events (who does what kind of measure to whom, in which sector) from a Doc.

Runs after the entity components. Reads ``doc.spans["kg_mentions"]`` (label_ = entity type,
id_ = entity key) and ``doc._.kg_entities``; sets ``doc._.kg_events`` and ``doc._.kg_analogies``.

How an event is found, in order (each step is a small named rule; the trigger rule's name goes
into ``Evidence.rule``):

1. **triggers** — phrases from :mod:`kg.nlp.lexicon.measures` matched with a spaCy ``Matcher``;
   generic ones ("curbs", "block", "ban") take their kind from the words of their object
   ("curbs on exports" -> ExportControl); "similar constraints" takes the kind of the event it
   is compared with; law nouns need a legislative verb ("passed a bill").
2. **filters** — negated triggers ("is not merely subsidising"), generic subjects ("you can't
   export-control a mental model") and boilerplate lines make no event.
3. **actor** — the governing subject of the trigger's clause (through xcomp/conj chains), a
   passive "by"-agent, a possessor or modifier of the trigger noun ("China's export controls",
   "Dutch measure"), "the government" resolved to a country the sentence or document names;
   pronouns ("it") to the previous actor. Government bodies bring their parent country.
4. **roles** — targets and affected organisations from the trigger's arguments; sectors from cue
   words (:mod:`kg.nlp.lexicon.sectors`) near the trigger, else in the sentence, else the
   document's main sector; status from tense, aspect and modality (:mod:`kg.nlp.lexicon.status`);
   date from :mod:`kg.nlp.dates`.
5. **merging** — one event per (actor, measure, sector): mentions of the same measure by the same
   actor (headline, standfirst, body) are one event; actorless restatements join the event of
   the same measure.
6. **links** — precedents ("points to the X case as a precedent", "modelled on X"), responses
   ("in retaliation for ...": the earlier measure is created if the text names it) and asserted
   analogies (parallels the text draws: "similar constraints", "other governments ...").
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from kg.ids import event_key
from kg.models import Analogy, Entity, Event, Evidence
from kg.nlp import dates as kdates
from kg.nlp.lexicon import cues as CUES
from kg.nlp.lexicon import measures as M
from kg.nlp.lexicon import sectors as S
from kg.nlp.lexicon import status as ST

MENTIONS = "kg_mentions"


def _register() -> None:
    try:  # the shared attribute registry (kg/nlp/attrs.py), when present
        from kg.nlp.attrs import register_extensions

        register_extensions()
    except ImportError:  # pragma: no cover - only before the entity components exist
        pass
    for name in ("kg_entities", "kg_relations", "kg_events", "kg_analogies", "kg_dispatch_id", "kg_skip",
                 "kg_dispatch_date"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


_register()

ACTOR_TYPES = CUES.ACTOR_TYPES
_RESTRICTIVE_TARGET_PREPS = {"on", "against", "into", "to", "targeting", "over", "from", "for", "in"}
#: prepositions of circumstance: their phrase is neither the object nor the topic of a trigger
_CIRCUMSTANCE_PREPS = {"following", "after", "amid", "despite", "before"}
_AFFECT_PREPS = {"at", "including", "like", "such", "from", "for"}
_COMPANYISH = {"company", "firm", "entity", "business", "maker", "supplier", "chipmaker", "developer", "affiliate",
               "manufacturer", "startup", "subsidiary", "group", "platform", "app", "lab", "contractor"}
_GIVING_VERBS = {"provide", "give", "grant", "approve", "announce", "offer", "pledge", "allocate", "commit", "hand",
                 "boost", "increase", "earmark", "award", "unveil", "promise", "double", "expand", "launch"}
_MEASURE_NOUNS = {"package", "sanction", "rule", "law", "measure", "ban", "policy", "order", "regulation", "move",
                  "decision", "bill", "agreement", "directive", "listing", "restriction", "control"}
_STATUS_RANK = {"Revoked": 6, "Discussed": 5, "Proposed": 4, "Announced": 3, "Historical": 2, "InForce": 1}

#: base confidence per rule family; an event found with an actor in syntax gets +0.1
CONFIDENCE = {"trigger": 0.7, "generic": 0.6, "similar": 0.55, "legislation": 0.7, "response-object": 0.6}


@dataclass
class _Mention:
    """One occurrence of a measure in a sentence (several may become one Event)."""

    measure: str
    rule: str
    sent: Span
    trigger: Span
    head: Token
    actors: list[str] = field(default_factory=list)
    actor_in_syntax: bool = False
    targets: list[str] = field(default_factory=list)
    affects: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    split_sectors: bool = False
    status: str | None = None
    date: str | None = None
    precedents: list[str] = field(default_factory=list)
    responds_to: list["_Mention"] = field(default_factory=list)
    similar: bool = False
    historical: bool = False
    anaphoric: bool = False
    confidence: float = 0.7
    para: int = 0
    event: "_Ev | None" = None


@dataclass
class _Ev:
    measure: str
    actors: list[str]
    mentions: list[_Mention]
    targets: list[str] = field(default_factory=list)
    affects: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    precedents: list[str] = field(default_factory=list)
    responds_to: list["_Ev"] = field(default_factory=list)
    analogous: set[int] = field(default_factory=set)
    key: str = ""

    @property
    def first(self) -> _Mention:
        return self.mentions[0]


def _uniq(xs):
    return list(dict.fromkeys(x for x in xs if x))


_SECTOR_CACHE: dict[str, list] = {}


def _sector_cue_regexes() -> list:
    """(sector, one compiled alternation of its non-weak cues) in SECTOR_CUES order: a sector is cued
    in a text when any of its cues occurs there as a whole word (one search instead of one per cue)."""
    if "rx" not in _SECTOR_CACHE:
        out = []
        for sector, cues in S.SECTOR_CUES.items():
            alts = [re.escape(c) for c in cues if c not in S.WEAK]
            if alts:
                out.append((sector, re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")))
        _SECTOR_CACHE["rx"] = out
    return _SECTOR_CACHE["rx"]


def _sector_cue_parts() -> list:
    """(sector, [(cue, cue split into token texts)]) in SECTOR_CUES order."""
    if "parts" not in _SECTOR_CACHE:
        _SECTOR_CACHE["parts"] = [(sector, [(c, c.replace("-", " - ").split()) for c in cues])
                                  for sector, cues in S.SECTOR_CUES.items()]
    return _SECTOR_CACHE["parts"]


def _cue_regexes(name: str, cues) -> tuple:
    """(one whole-word alternation of all ``cues``, [one whole-word regex per cue]), compiled once."""
    key = "cues:" + name
    if key not in _SECTOR_CACHE:
        parts = [re.escape(c) for c in cues]
        _SECTOR_CACHE[key] = (re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])") if parts else
                              re.compile(r"(?!)"),
                              [re.compile(r"(?<![\w])" + p + r"(?![\w])") for p in parts])
    return _SECTOR_CACHE[key]


@Language.factory("kg_events", assigns=["doc._.kg_events", "doc._.kg_analogies"],
                  requires=["doc.spans", "doc._.kg_entities"], default_config={"gazetteer": "default"})
def make_events(nlp: Language, name: str, gazetteer: str = "default") -> "EventExtractor":
    return EventExtractor(nlp, gazetteer=gazetteer)


class EventExtractor:
    """The ``kg_events`` component (see the module docstring)."""

    def __init__(self, nlp: Language, gazetteer: str = "default"):
        self.gazetteer_name = gazetteer
        self._gaz = None
        self.matcher = Matcher(nlp.vocab)
        self.rules: dict[str, str | None] = {}
        words: set[str] = set()
        single: set[str] = set()
        for rule, measure, phrase in M.TRIGGERS:
            pattern = M.compile_phrase(phrase)
            self.matcher.add(rule, [pattern])
            self.rules[rule] = measure
            required = [spec for spec in pattern if "OP" not in spec]
            for spec in pattern:
                v = spec["LOWER"]
                forms = v["IN"] if isinstance(v, dict) else [v]
                words.update(forms)
                # a lone token matches this pattern only if it is its one required token (or any, if none is)
                if len(required) == 0 or (len(required) == 1 and spec is required[0]):
                    single.update(forms)
        # every token of a trigger match has one of these lowercase forms: the Matcher (every token x
        # every pattern) only needs to run over runs of such tokens, which gives the same matches
        self._trigger_lowers = frozenset(get_string_id(w) for w in words)
        self._single_lowers = frozenset(get_string_id(w) for w in single)

    # ------------------------------------------------------------------ helpers
    @property
    def gaz(self):
        if self._gaz is None:
            try:
                from kg.nlp.gaz import get_gazetteer

                self._gaz = get_gazetteer(self.gazetteer_name)
            except Exception:  # noqa: BLE001 — no gazetteer: parent/sector look-ups just miss
                self._gaz = False
        return self._gaz or None

    def __call__(self, doc: Doc) -> Doc:
        _register()
        if doc._.kg_entities is None:
            doc._.kg_entities = {}
        self.doc = doc
        lowers = doc.to_array(LOWER).tolist()
        self._trig_tok = [h in self._trigger_lowers for h in lowers]
        self._trig_single = [h in self._single_lowers for h in lowers]
        self._sents = list(doc.sents)  # Doc.sents builds every Token anew: walk it once per doc
        self.ents: dict[str, Entity] = doc._.kg_entities
        self.tok2ment: dict[int, Span] = {}
        spans = list(doc.spans[MENTIONS]) if MENTIONS in doc.spans else []
        for sp in sorted(spans, key=lambda s: s.end - s.start):
            for i in range(sp.start, sp.end):
                self.tok2ment.setdefault(i, sp)
        self.mentions_by_sent: dict[int, list[Span]] = defaultdict(list)
        for sp in spans:
            self.mentions_by_sent[sp.sent.start].append(sp)
        self.dominant = self._dominant_country(spans)
        self.parent = self._parents()
        self.doc_sectors = self._doc_sectors()
        self.ref_date = self._ref_date()
        self.paras = self._paragraphs()
        skip = doc._.kg_skip or []
        mentions: list[_Mention] = []
        last_actors: list[str] = []
        for sent in self._sents:
            if any(s <= sent.start_char < e for s, e in skip) or not sent.text.strip():
                continue
            found = self._sentence(sent, last_actors)
            for m in found:
                if m.actors:
                    last_actors = m.actors
            subj = self._sentence_subject_actor(sent)
            if subj:
                last_actors = subj
            mentions.extend(found)
        events = self._merge(mentions)
        self._links(mentions, events)
        doc._.kg_events, doc._.kg_analogies = self._records(events)
        return doc

    def _ref_date(self) -> dt.date | None:
        d = self.doc._.kg_dispatch_date
        if isinstance(d, str):
            try:
                return dt.date.fromisoformat(d[:10])
            except ValueError:
                return None
        return d if isinstance(d, dt.date) else None

    def _paragraphs(self) -> list[int]:
        """Start offsets of paragraphs (blocks separated by blank lines or single newlines)."""
        starts = [0] + [m.end() for m in re.finditer(r"\n", self.doc.text)]
        return starts

    def _para_of(self, char: int) -> int:
        n = 0
        for i, s in enumerate(self.paras):
            if s <= char:
                n = i
        return n

    def _parents(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for r in self.doc._.kg_relations or ():
            if r.predicate == "partOf":
                out.setdefault(r.subject, r.object)
        gaz = self.gaz
        for key, e in list(self.ents.items()):
            if e.type != "GovernmentBody" or key in out or gaz is None:
                continue
            entry = gaz.by_key(key) if hasattr(gaz, "by_key") else gaz.lookup(e.name)
            seen = 0
            while entry is not None and entry.parent and seen < 3:
                p = gaz.by_name(entry.parent)
                if p is None:
                    break
                if p.type in ("Country", "Bloc"):
                    out[key] = p.key
                    if p.key not in self.ents:  # the body's country stands behind its measures
                        self.ents[p.key] = Entity(key=p.key, type=p.type, name=p.name, aliases=tuple(p.aliases),
                                                  wikidata=p.qid)
                    break
                entry, seen = p, seen + 1
        for key, e in list(self.ents.items()):
            if e.type == "GovernmentBody" and key not in out and self.dominant and not self._in_gaz(key):
                out[key] = self.dominant
        return {k: v for k, v in out.items() if v in self.ents}

    def _in_gaz(self, key: str) -> bool:
        gaz = self.gaz
        return bool(gaz is not None and hasattr(gaz, "by_key") and gaz.by_key(key) is not None)

    def _dominant_country(self, spans: list[Span]) -> str | None:
        c = Counter(sp.id_ for sp in spans if sp.label_ == "Country")
        if not c:
            return None
        top = c.most_common(2)
        if len(top) == 1 or top[0][1] >= 1.5 * top[1][1]:
            return top[0][0]
        return None

    def _doc_sectors(self) -> list[str]:
        """Main sector(s) of the document: cues in its first three lines (title, standfirst)."""
        lines = [l for l in self.doc.text.split("\n") if l.strip()][:3]
        c = Counter()
        for l in lines:
            for s in self._sector_cues_in_text(l.lower()):
                c[s] += 1
        return [s for s, _ in c.most_common(1)]

    @staticmethod
    def _sector_cues_in_text(low: str) -> list[str]:
        return [sector for sector, rx in _sector_cue_regexes() if rx.search(low)]

    def ment(self, tok: Token) -> Span | None:
        return self.tok2ment.get(tok.i)

    def etype(self, key: str) -> str | None:
        e = self.ents.get(key)
        return e.type if e else None

    def root(self, key: str) -> str:
        return self.parent.get(key, key)

    def with_parents(self, keys: list[str]) -> list[str]:
        out = []
        for k in keys:
            out.append(k)
            if k in self.parent:
                out.append(self.parent[k])
        return _uniq(out)

    # ------------------------------------------------------------------ one sentence
    def _triggers(self, sent: Span) -> list[tuple[str, Span]]:
        flags, doc = self._trig_tok, self.doc
        matches: list[Span] = []
        i, end = sent.start, sent.end
        while i < end:
            if not flags[i]:
                i += 1
                continue
            j = i + 1
            while j < end and flags[j]:
                j += 1
            if j - i > 1 or self._trig_single[i]:  # a lone token that completes no pattern cannot match
                matches.extend(self.matcher(doc[i:j], as_spans=True))
            i = j
        # longest first; a specific measure beats a generic one over the same tokens
        matches.sort(key=lambda sp: (-(sp.end - sp.start), self.rules[sp.label_] is None, sp.start))
        taken: set[int] = set()
        out = []
        for sp in matches:
            if any(i in taken for i in range(sp.start, sp.end)):
                continue
            taken.update(range(sp.start, sp.end))
            out.append((sp.label_, sp))
        return sorted(out, key=lambda x: x[1].start)

    def _sentence(self, sent: Span, last_actors: list[str]) -> list[_Mention]:
        out: list[_Mention] = []
        for rule, span in self._triggers(sent):
            m = self._mention(rule, span, sent, last_actors)
            if m is not None:
                out.append(m)
        if self.doc.has_annotation("DEP") and len(out) > 1:
            # "reviewing outbound investment risks": a trigger inside another's object is its topic
            objs = {id(m): {t.i for t in self._object_tokens(m.trigger, m.head)} for m in out}
            out = [m for m in out if not any(o is not m and o.measure != m.measure and m.head.i in objs[id(o)]
                                             and o.head.i not in objs[id(m)] for o in out)]
        out.extend(self._legislation_mentions(sent, out, last_actors))
        out.extend(self._other_create(sent, out, last_actors))
        out.extend(self._talent_training(sent, out, last_actors))
        return out

    def _talent_training(self, sent: Span, found: list[_Mention], last_actors: list[str]) -> list[_Mention]:
        """Rule 'train-talent': "Hanoi wants to train 50,000 semiconductor engineers" -> TalentProgram."""
        if not self.doc.has_annotation("DEP") or any(m.measure == "TalentProgram" for m in found):
            return []
        out = []
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in M.TALENT_VERBS:
                continue
            objs = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in M.TALENT_NOUNS]
            if not objs:
                continue
            o = objs[0]
            m = _Mention(measure="TalentProgram", rule="train-talent", sent=sent, trigger=self.doc[tok.i:o.i + 1]
                         if o.i > tok.i else self.doc[tok.i:tok.i + 1], head=tok,
                         para=self._para_of(sent.start_char), confidence=0.6)
            if not self._fill(m, self._clause_verb(tok), last_actors) or not m.actors:
                continue
            out.append(m)
            break
        return out

    def _head(self, span: Span) -> Token:
        if not self.doc.has_annotation("DEP"):
            return span[-1]
        root = span.root
        if root.pos_ == "ADP":  # "on the same list": the noun, not the preposition
            objs = [c for c in root.children if c.dep_ == "pobj" and span.start <= c.i < span.end]
            if objs:
                return objs[0]
        return root

    def _clause_verb(self, tok: Token) -> Token | None:
        """The verb governing ``tok`` (itself if it is one)."""
        t, steps = tok, 0
        while steps < 8:
            if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
                return t
            if t.head.i == t.i:
                return t
            t, steps = t.head, steps + 1
        return None

    def _verb_chain(self, verb: Token) -> list[Token]:
        """The verb and the verbs it hangs from through xcomp/conj/ccomp-free chains."""
        chain, t = [verb], verb
        while t.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "relcl", "dobj", "pobj", "prep") and t.head.i != t.i and len(chain) < 6:
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                chain.append(t)
            if t.dep_ == "relcl":
                break
        return chain

    def _negated(self, head: Token, verb: Token | None) -> bool:
        chain = [head, verb]
        if verb is not None and verb.dep_ == "conj":  # "is not merely subsidising ... or restricting"
            chain.append(verb.head)
        for t in chain:
            if t is None:
                continue
            if any(c.dep_ == "neg" for c in t.children):
                return True
        left = self.doc[max(head.sent.start, head.i - 3):head.i]
        return any(t.lower_ in ("not", "n't", "never", "no") for t in left)

    def _refine(self, measure: str | None, rule: str, span: Span, head: Token) -> str | None:
        obj = self._object_tokens(span, head)
        words = {t.lower_ for t in obj} | {t.lower_ for t in span}
        if rule == "licence-needed":
            # impersonal "exports of gallium would need a licence": the kind is in the subject only
            words = {t.lower_ for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        if measure is None or measure == "Ban" or (measure == "Review" and words & {"export", "exports"}):
            for kind, cue_words in M.OBJECT_CUES:
                if words & set(cue_words):
                    if measure == "Ban" and kind == "Ban":
                        return "Ban"
                    if measure == "Review" and kind != "ExportControl":
                        continue
                    return kind
        if measure == "Review" and words & {"investment", "investments"} and rule == "review" and False:
            return "InvestmentRestriction"
        return measure

    def _object_tokens(self, span: Span, head: Token) -> list[Token]:
        if not self.doc.has_annotation("DEP"):
            return list(self.doc[span.end:min(span.sent.end, span.end + 8)])
        out = []
        for c in head.children:
            if c.dep_ in ("dobj", "pobj", "prep", "attr", "oprd", "xcomp", "compound", "amod", "nmod", "acl",
                          "dative", "conj", "nsubjpass"):
                if c.dep_ == "conj" and c.pos_ in ("VERB",):
                    continue
                if c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCE_PREPS:
                    continue  # rule 'circumstance': "following a review" is context, not the object
                out.extend(c.subtree)
        if head.dep_ in ("dobj", "nsubjpass", "pobj") and head.pos_ != "VERB":
            # "banned the export of X": the verb's other arguments belong to the measure too
            pass
        return out[:40]

    def _mention(self, rule: str, span: Span, sent: Span, last_actors: list[str]) -> _Mention | None:
        measure = self.rules[rule]
        head = self._head(span)
        similar = any(t.lower_ in M.SIMILAR_ADJ for t in self._left_mods(head)) or \
            (span.start > sent.start and self.doc[span.start - 1].lower_ in M.SIMILAR_ADJ)
        if rule == "law-noun":
            return None  # handled by _legislation_mentions (needs a legislative verb)
        if rule == "agreement" and head.lower_ in ("partnership",) and not any(
                t.lemma_ in M.AGREEMENT_VERBS for t in sent):
            return None
        if rule == "legal-challenge" and not self._legal_challenge(span, head):
            return None
        measure = self._refine(measure, rule, span, head)
        if measure is None and not similar:
            return None
        verb = self._clause_verb(head)
        if self._negated(head, verb):
            return None
        if self._evaluated(head, verb):
            return None
        if rule == "funding" and head.pos_ in ("NOUN", "PROPN") and (verb is None or verb.lemma_.lower() not in _GIVING_VERBS):
            return None  # "projects that receive federal research funding" reports no subsidy
        if measure == "Subsidy" and verb is not None and verb.lemma_.lower() in ("deny", "bars", "withhold", "cut", "bar", "exclude",
                                                                         "block", "refuse", "strip"):
            return None  # "will deny federal grants to ...": a restriction on funding, not a subsidy
        m = _Mention(measure=measure or "?", rule=rule, sent=sent, trigger=span, head=head, similar=similar,
                     para=self._para_of(sent.start_char))
        if head.pos_ == "NOUN" and self.doc.has_annotation("DEP"):
            dets = [c for c in head.lefts]
            m.anaphoric = not similar and any(c.lower_ in ("the", "this", "these", "that", "those") for c in dets) \
                and all(c.lower_ in ("the", "this", "these", "that", "those") or c.i >= span.start for c in dets) \
                and not any(c.dep_ == "prep" for c in head.rights)
        m.confidence = CONFIDENCE["similar" if similar else ("generic" if self.rules[rule] is None else "trigger")]
        if not self._fill(m, verb, last_actors):
            return None
        if rule == "legal-challenge" and self.dominant and self.dominant not in {self.root(a) for a in m.actors}:
            # "challenged the nickel ban": the party challenged is the country whose measure it is, not the goods
            m.targets = _uniq([t for t in m.targets if self.etype(t) != "Technology"] + [self.dominant])
        return m

    def _legal_challenge(self, span: Span, head: Token) -> bool:
        """Rule 'legal-challenge': "challenged the nickel ban at the WTO" (a verb whose object is a measure or
        that names a forum); "challenges facing the industry" is no legal action."""
        if not self.doc.has_annotation("DEP") or head.pos_ != "VERB":
            return False
        words = {t.lower_ for t in self._object_tokens(span, head)}
        return bool(words & M.CHALLENGE_OBJECTS or words & M.CHALLENGE_FORUMS)

    def _evaluated(self, head: Token, verb: Token | None) -> bool:
        """Rule 'evaluation': a measure noun in the object of an evaluative verb ("called the decision an
        abuse of export controls") is the speaker's judgement, not a measure of the speaker's own, unless
        the noun names its own actor ("condemned China's export controls" stays China's)."""
        if verb is None or head.i == verb.i or not self.doc.has_annotation("DEP") or head.pos_ not in ("NOUN", "PROPN"):
            return False
        if verb.lemma_.lower() not in CUES.EVALUATIVE_VERBS:
            return False
        objs = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr", "ccomp")
                or (c.dep_ == "prep" and c.lower_ == "as")]
        if not any(head in c.subtree for c in objs):
            return False
        return not any(self._actor_of_token(c) not in ([], ["__generic__"]) for c in head.lefts
                       if c.dep_ in ("poss", "compound", "amod", "nmod"))

    def _left_mods(self, head: Token) -> list[Token]:
        if not self.doc.has_annotation("DEP"):
            return list(self.doc[max(head.sent.start, head.i - 2):head.i])
        return [c for c in head.lefts if c.dep_ in ("amod", "det", "compound", "nmod")]

    def _fill(self, m: _Mention, verb: Token | None, last_actors: list[str]) -> bool:
        """Actor, targets, affects, sectors, status, date. False when the mention is generic talk."""
        actors, in_syntax, generic = self._actor(m, verb, last_actors)
        if generic:
            return False
        m.actors, m.actor_in_syntax = actors, in_syntax
        if in_syntax:
            m.confidence = min(1.0, m.confidence + 0.1)
        self._roles(m, verb)
        m.historical = self._historical(m, verb)
        m.status = self._status(m, verb)
        m.date = self._date(m)
        return True

    # ------------------------------------------------------------------ actor
    def _actor_of_token(self, tok: Token) -> list[str]:
        """Actor entity keys a token (and its compound/possessive modifiers) stands for."""
        sp = self.ment(tok)
        if sp is not None and sp.label_ in ACTOR_TYPES:
            return [sp.id_]
        if not self.doc.has_annotation("DEP"):
            return []
        if tok.pos_ == "PROPN" and self.gaz is not None and tok.dep_ in ("nsubj", "nsubjpass", "poss", "pobj"):
            entry = self.gaz.capital(tok.text)  # "Washington, which imposed ...", "Berlin blocked ..."
            if entry is not None and entry.type in ACTOR_TYPES:
                if entry.key not in self.ents:
                    self.ents[entry.key] = Entity(key=entry.key, type=entry.type, name=entry.name,
                                                  aliases=tuple(entry.aliases), wikidata=entry.qid)
                return [entry.key]
        low = tok.lower_
        if low == "states" and any(c.lower_ == "member" for c in tok.lefts):
            blocs = [k for k, e in self.ents.items() if e.type == "Bloc"]
            if len(blocs) == 1:
                return blocs
        if low in CUES.GOVERNMENT_WORDS or tok.lemma_.lower() in CUES.GOVERNMENT_WORDS:
            dets = {c.lower_ for c in tok.lefts if c.dep_ in ("det", "amod", "predet")}
            if dets & CUES.GENERIC_DETS or tok.lower_ == "governments":
                return ["__generic__"]
            for c in tok.lefts:
                if c.dep_ in ("poss", "compound", "amod", "nmod"):
                    for t in c.subtree:
                        sp2 = self.ment(t)
                        if sp2 is not None and sp2.label_ in ACTOR_TYPES:
                            return [sp2.id_]
                    sp2 = self.ment(c)
                    if sp2 is not None and sp2.label_ == "Person":
                        break
            for c in tok.rights:  # "officials in Tokyo", "authorities in Ireland"
                if c.dep_ == "prep" and c.lower_ in ("in", "of", "from"):
                    for t in c.subtree:
                        sp2 = self.ment(t)
                        if sp2 is not None and sp2.label_ in ACTOR_TYPES:
                            return [x.id_ for x in self._coordinated_mentions(t, ACTOR_TYPES)] or [sp2.id_]
            if low == "bloc":
                blocs = {k for k, e in self.ents.items() if e.type == "Bloc"}
                if len(blocs) == 1:
                    return list(blocs)
            if self.dominant:
                return [self.dominant]
        return []

    def _coordinated_mentions(self, tok: Token, types) -> list[Span]:
        out = []
        sp = self.ment(tok)
        if sp is not None and sp.label_ in types:
            out.append(sp)
        for c in tok.conjuncts if self.doc.has_annotation("DEP") else ():
            sp = self.ment(c)
            if sp is not None and sp.label_ in types and sp not in out:
                out.append(sp)
        return out

    def _subject_tokens(self, verb: Token) -> tuple[list[Token], bool]:
        """(subject tokens, passive) of a verb, following xcomp/conj chains upwards."""
        t = verb
        for _ in range(6):
            subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            agents = [gc for c in t.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
            if agents:
                return agents, True
            if subs:
                if subs[0].dep_ == "nsubjpass":
                    return subs, True
                return subs, False
            if t.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl") and t.head.i != t.i:
                if t.dep_ == "ccomp":
                    break
                t = t.head
                continue
            if t.dep_ == "relcl":  # "which the European Union adopted": subject inside; else the noun
                break
            break
        return [], False

    def _actor(self, m: _Mention, verb: Token | None, last_actors: list[str]) -> tuple[list[str], bool, bool]:
        head = m.head
        if not self.doc.has_annotation("DEP"):
            for sp in self.mentions_by_sent.get(m.sent.start, []):
                if sp.label_ in ACTOR_TYPES and sp.start < m.trigger.start:
                    return self.with_parents([sp.id_]), True, False
            return [], False, False
        # 1. possessor / modifier of the trigger noun: "China's export controls", "US sanctions"
        if head.pos_ in ("NOUN", "PROPN"):
            for c in head.lefts:
                if c.dep_ in ("poss", "compound", "amod", "nmod"):
                    keys = self._actor_of_token(c)
                    if keys and keys != ["__generic__"]:
                        return self.with_parents(keys), True, False
        # 1b. "need a licence from the Bureau of Industry and Security": the issuer is the actor
        if m.rule == "licence-needed":
            for t in m.trigger.subtree if m.trigger.root.i == head.i else head.subtree:
                if t.dep_ == "pobj" and t.head.lower_ == "from" and t.head.head.lemma_.lower() in (
                        "licence", "license", "permit"):
                    keys = self._actor_of_token(t)
                    if keys and keys != ["__generic__"]:
                        return self.with_parents(keys), True, False
        # 2. subject of the governing clause (relative clauses on the trigger noun first)
        verbs = [c for c in head.children if c.dep_ == "relcl"] if head.pos_ in ("NOUN", "PROPN") else []
        if verb is not None:
            verbs.append(verb)
        for v in verbs:
            subs, passive = self._subject_tokens(v)
            if v.dep_ == "relcl" and not subs:
                continue
            for s in subs:
                if s.lower_ in ("you", "we", "one", "i"):
                    return [], False, True
                if s.lower_ in ("which", "who", "that") and v.dep_ == "relcl":
                    keys = self._actor_of_token(v.head)
                    if keys and keys != ["__generic__"]:
                        return self.with_parents(keys), True, False
                    continue
                if s.lower_ in ("it", "they", "which", "who") and last_actors and not passive:
                    return last_actors, True, False
                if s.i == head.i and m.anaphoric:
                    return [], False, False  # "These travel restrictions are ...": the event already reported
                keys = self._actor_of_token(s)
                if not keys and s.lemma_.lower() in _MEASURE_NOUNS and last_actors and \
                        any(c.lower_ in ("the", "this", "these", "that") for c in s.lefts) and \
                        not any(self.ment(x) is not None for x in s.subtree):
                    return last_actors, True, False  # "The package also bans ..."
                if keys == ["__generic__"]:
                    return [], False, True
                if keys:
                    conj = [x.id_ for x in self._coordinated_mentions(s, ACTOR_TYPES)]
                    return self.with_parents(_uniq(keys + conj)), True, False
                # "The U.S. Commerce Department's Bureau ...": a mention inside the subject phrase
                for t in s.subtree:
                    sp = self.ment(t)
                    if sp is not None and sp.label_ in ACTOR_TYPES and not self._in_target_prep(t, s):
                        return self.with_parents([sp.id_]), True, False
            if subs and any(self.ment(s) is not None for s in subs):
                break  # the subject is a company, a person: not a government measure of that clause
        # 3. any actor-type mention in the sentence outside the trigger's target positions
        tgt_toks = {t.i for t in self._object_tokens(m.trigger, head)}
        cands = [sp for sp in self.mentions_by_sent.get(m.sent.start, [])
                 if sp.label_ in ACTOR_TYPES and sp.start not in tgt_toks and not self._is_target_like(sp)]
        if cands:
            before = [sp for sp in cands if sp.start < m.trigger.start]
            pick = before[0] if before else cands[0]
            return self.with_parents([pick.id_]), False, False
        if head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.lefts) \
                and last_actors:
            return last_actors, True, False
        return [], False, False

    def _in_target_prep(self, t: Token, stop: Token) -> bool:
        x = t
        while x.i != stop.i and x.head.i != x.i:
            if x.dep_ == "pobj" and x.head.lower_ in ("on", "against", "to", "into"):
                return True
            x = x.head
        return False

    def _is_target_like(self, sp: Span) -> bool:
        r = sp.root
        if r.dep_ == "pobj" and r.head.lower_ in ("on", "against", "to", "into", "from", "in", "with", "of", "for"):
            return True
        if r.dep_ in ("dobj", "amod", "compound") and sp.label_ == "Country" and r.head.pos_ == "NOUN":
            return r.dep_ != "dobj" or True
        return r.dep_ == "dobj"

    def _sentence_subject_actor(self, sent: Span) -> list[str]:
        if not self.doc.has_annotation("DEP"):
            return []
        root = sent.root
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                keys = self._actor_of_token(c)
                if keys and keys != ["__generic__"] and c.lower_ not in CUES.GOVERNMENT_WORDS:
                    return self.with_parents(keys)
                for t in [c] + [x for x in c.lefts if x.dep_ in ("poss", "compound", "amod")]:
                    sp = self.ment(t)
                    if sp is not None and sp.label_ in ACTOR_TYPES:
                        return self.with_parents([sp.id_])
        return []

    # ------------------------------------------------------------------ roles
    def _roles(self, m: _Mention, verb: Token | None) -> None:
        head = m.head
        toks = self._object_tokens(m.trigger, head)
        if m.rule == "licence-needed" and self.doc.has_annotation("DEP"):
            # "exports of gallium to the Middle East need a licence": what is controlled is the subject
            toks.extend(t for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
        direct = verb is not None and (head.head.i == verb.i and head.dep_ in (
            "dobj", "nsubj", "nsubjpass", "attr", "oprd", "xcomp", "ccomp", "conj", "advcl") or (
            head.dep_ == "pobj" and head.head.head.i == verb.i and head.head.lower_ in ("on", "about", "of")))
        if verb is not None and verb.i != head.i and direct and self.doc.has_annotation("DEP"):
            for c in verb.children:
                if c.dep_ in ("dobj", "dative", "prep", "xcomp", "attr", "nsubjpass") and head not in c.subtree:
                    toks.extend(c.subtree)
            if head.dep_ == "nsubj":  # "The policy targets professionals at ..."
                for c in verb.children:
                    if c.dep_ in ("dobj", "prep"):
                        toks.extend(c.subtree)
        seen = set()
        targets, affects = [], []
        if head.dep_ == "xcomp" and head.head.pos_ == "VERB" and self.doc.has_annotation("DEP"):
            for c in head.head.children:
                if c.dep_ == "dobj":
                    sp = self.ment(c)
                    if sp is not None and sp.label_ in ("Company", "ResearchOrganization", "Group"):
                        targets.append(sp.id_)
                        seen.add((sp.start, sp.end))
            if targets:
                for t in toks:
                    sp = self.ment(t)
                    if sp is not None and sp.label_ == "Company" and (sp.start, sp.end) not in seen:
                        affects.append(sp.id_)
                        seen.add((sp.start, sp.end))
        actor_roots = {self.root(a) for a in m.actors} | set(m.actors)
        for t in toks:
            sp = self.ment(t)
            if sp is None or (sp.start, sp.end) in seen:
                continue
            seen.add((sp.start, sp.end))
            if sp.id_ in actor_roots or sp.id_ in m.actors:
                continue
            typ = sp.label_
            if typ in ("Group", "Technology") and sp.start < sp.end and self._demonym_country(sp[0]):
                ck = self._demonym_country(sp[0])  # "Chinese companies" -> China
                if ck not in actor_roots:
                    targets.append(ck)
            if typ == "Group" and self._is_generic_group(sp):
                continue  # "Chinese companies", "chipmakers": the country or the named firms are the targets
            if typ == "Company" and sp.root.dep_ == "poss" and self.ment(sp.root.head) is not None and \
                    self.ment(sp.root.head).label_ == "Technology":
                affects.append(sp.id_)  # "OpenAI's ChatGPT"
            elif typ in ("Company", "ResearchOrganization"):
                (affects if self._affect_position(sp) else targets).append(sp.id_)
            elif typ == "Person" and sp.root.dep_ in ("nsubj", "nsubjpass") and sp.root.head.i != head.i:
                continue  # rule 'person-subject': "when President Joe Biden visited" is no target
            elif typ in ("Group", "Technology", "Person", "LegalCase"):
                targets.append(sp.id_)
            elif typ in ("Country", "Bloc"):
                if self._country_target_position(sp):
                    targets.append(sp.id_)
        if verb is not None and verb.lemma_ in ("face", "suffer", "endure", "experience", "undergo") and \
                self.doc.has_annotation("DEP"):
            # "Nuclear physicists, aerospace engineers ... have all faced similar constraints"
            for s in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
                for t in s.subtree:
                    sp = self.ment(t)
                    if sp is not None and sp.label_ in ("Group", "Company", "ResearchOrganization", "Country"):
                        targets.append(sp.id_)
        if m.measure == "Subsidy":  # beneficiaries named anywhere in the sentence
            for sp in self.mentions_by_sent.get(m.sent.start, []):
                if sp.label_ == "Company" and sp.id_ not in targets:
                    affects.append(sp.id_)
        if not targets and self.doc.has_annotation("DEP"):
            for t in toks:  # "opened an investigation into the firm": the company last named
                if t.lemma_.lower() in _COMPANYISH and any(c.lower_ == "the" for c in t.lefts) and self.ment(t) is None:
                    k = self._last_company(m.sent.start)
                    if k:
                        targets.append(k)
                    break
        if any(self.etype(k) == "Company" for k in targets) and self.doc.has_annotation("DEP"):
            # rule 'own-product': "forcing phone makers to preinstall its Gemini assistant" -> the company
            own = set()
            for t in toks:
                sp = self.ment(t)
                np_head = sp.root if sp is not None else None
                while np_head is not None and np_head.dep_ in ("compound", "amod", "nmod") and np_head.head.i != np_head.i:
                    np_head = np_head.head  # "its Gemini AI assistant": the possessive hangs on "assistant"
                if sp is not None and sp.label_ == "Technology" and any(
                        c.dep_ == "poss" and c.lower_ in ("its", "their") for c in np_head.children):
                    own.add(sp.id_)
            targets = [k for k in targets if k not in own]
        if m.rule == "licence-approval" and self.doc.has_annotation("DEP"):
            targets, affects = self._licence_parties(m, head, targets, affects)
        m.targets, m.affects = _uniq(targets), _uniq(a for a in affects if a not in targets)
        # sectors: near the trigger, then the sentence, then the document
        near = list(m.trigger) + toks
        sec, split = self._sectors_of(near, strict=True)
        for k in m.targets + m.affects:
            for s in self._entity_sectors(k):
                if s not in sec and not sec:
                    sec.append(s)
        if not sec:
            sec, split = self._sectors_of(list(m.sent), strict=True)
            split = False
        if not sec:
            sec = list(self.doc_sectors)
        m.sectors, m.split_sectors = sec[:3], split

    def _licence_parties(self, m: _Mention, head: Token, targets: list[str], affects: list[str]):
        """Rule 'licence-approval': "approved licences for Nvidia to ship chips to Humain" -> the
        recipient (after "to" of a delivery verb) is the target, the licensee (after "for") is affected;
        the goods are not targets when a recipient is named."""
        recips, licensees = [], []
        for t in head.subtree:
            sp = self.ment(t)
            if sp is None or sp.root.i != t.i or sp.label_ not in ("Company", "ResearchOrganization", "Country"):
                continue
            if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lemma_.lower() in M.SHIP_VERBS:
                recips.append(sp.id_)
            elif t.dep_ == "pobj" and t.head.lower_ == "for" and sp.label_ != "Country":
                licensees.append(sp.id_)
        if not recips:
            return targets, affects
        keep = [k for k in targets if self.etype(k) not in ("Technology",) and k not in licensees]
        return _uniq(recips + keep), _uniq(affects + licensees)

    def _entity_sectors(self, key: str) -> list[str]:
        e = self.ents.get(key)
        if e is None:
            return []
        out = self._sector_cues_in_text(e.name.lower())
        gaz = self.gaz
        if not out and gaz is not None and e.type in ("Technology", "Group"):
            entry = gaz.by_key(key) if hasattr(gaz, "by_key") else None
            if entry is not None:
                out = list(entry.sectors)
        return out

    def _sectors_of(self, toks: list[Token], strict: bool) -> tuple[list[str], bool]:
        if not toks:
            return [], False
        toks = sorted(set(toks), key=lambda t: t.i)
        found: list[tuple[str, Token]] = []
        text_toks = [t.lower_ for t in toks]
        present = set(text_toks)
        for sector, cues in _sector_cue_parts():
            for cue, parts in cues:
                if parts[0] not in present:  # cannot match anywhere in these tokens
                    continue
                n = len(parts)
                for j in range(len(toks) - n + 1):
                    if text_toks[j:j + n] == parts and all(toks[j + k].i == toks[j].i + k for k in range(n)):
                        t = toks[j]
                        if cue in S.WEAK and strict:
                            continue
                        if cue in ("research",) and t.lower_ == "research" and t.head.lower_.startswith("researcher"):
                            continue
                        found.append((sector, t))
        secs = _uniq(s for s, _ in sorted(found, key=lambda x: x[1].i))
        split = False
        if len(secs) > 1 and self.doc.has_annotation("DEP"):
            by = {s: t for s, t in found}
            tl = [by[s] for s in secs]
            # coordinated cue words ("AI, chip and quantum computing companies") -> one event each
            split = all(any(a in b.conjuncts or a.head in b.conjuncts or b.head in a.conjuncts or a.head.i == b.head.i
                            for b in tl if b.i != a.i) for a in tl)
        if "ArtificialIntelligence" in secs and "Semiconductors" in secs and not split:
            pass
        return secs, split

    def _last_company(self, before: int) -> str | None:
        best = None
        for sents in self.mentions_by_sent.values():
            for sp in sents:
                if sp.label_ == "Company" and sp.start < before and (best is None or sp.start > best.start):
                    best = sp
        return best.id_ if best is not None else None

    def _demonym_country(self, tok: Token) -> str | None:
        gaz = self.gaz
        if gaz is None or not tok.text[:1].isupper():
            return None
        entry = gaz.demonym(tok.text)
        if entry is not None and entry.key in self.ents:
            return entry.key
        return None

    @staticmethod
    def _is_generic_group(sp: Span) -> bool:
        return sp.root.lower_ in {"companies", "firms", "entities", "businesses", "suppliers", "customers",
                                  "persons", "chipmakers", "manufacturers"}

    def _affect_position(self, sp: Span) -> bool:
        """'professionals at private firms including DeepSeek': named as affected, not the target."""
        if not self.doc.has_annotation("DEP"):
            return False
        t = sp.root
        steps = 0
        while t.head.i != t.i and steps < 6:
            if t.dep_ == "pobj" and t.head.lower_ in _AFFECT_PREPS:
                owner = t.head.head
                if t.head.lower_ in ("including", "like", "such") and owner.lemma_.lower() in _COMPANYISH:
                    t, steps = owner, steps + 1
                    continue
                return True
            if t.dep_ == "prep" and t.lower_ in _AFFECT_PREPS:
                return True
            if t.dep_ == "nsubj" and t.head.dep_ in ("relcl", "acl"):
                return True  # "the machines that ASML sells"
            if t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.dep_ in ("acl", "relcl"):
                return True  # "a chip factory owned by Elmos"
            if t.dep_ in ("dobj",) and t.head.lemma_ in ("boost", "hit", "affect", "benefit"):
                return True
            if t.dep_ in ("dobj", "nsubjpass") or (t.dep_ == "pobj" and t.head.lower_ in ("on", "against", "into", "to")):
                return False
            t, steps = t.head, steps + 1
        return True

    def _country_target_position(self, sp: Span) -> bool:
        if not self.doc.has_annotation("DEP"):
            return False
        r = sp.root
        if r.dep_ == "pobj" and r.head.lower_ in ("to", "on", "against", "into", "in"):
            return True
        if r.dep_ == "poss" and self.ment(r.head) is not None:
            return True  # "Russia's drone supply chain"
        if r.dep_ in ("amod", "compound", "nmod") and r.head.lower_ in ("officials", "nationals", "citizens", "students",
                                                                       "researchers", "lawmakers", "diplomats",
                                                                       "journalists", "engineers", "scientists"):
            return True
        if r.dep_ in ("amod", "compound", "nmod") and r.head.lower_ in (
                "companies", "firms", "company", "firm", "imports", "aluminium", "customers", "entities", "goods",
                "products", "steel", "military", "drones", "buyer", "entities", "chipmakers"):
            return True
        return r.dep_ == "dobj"

    # ------------------------------------------------------------------ status, date
    def _governors(self, m: _Mention, verb: Token | None) -> list[Token]:
        out = [m.head]
        if self.doc.has_annotation("DEP"):
            t, steps = m.head, 0
            while t.head.i != t.i and steps < 8:
                t = t.head
                out.append(t)
                steps += 1
                if t.dep_ in ("ROOT",):
                    break
        return out

    def _historical(self, m: _Mention, verb: Token | None) -> bool:
        low = m.sent.text.lower()
        if any(p in low for p in ST.HISTORICAL_PHRASES) or kdates.has_era(m.sent.text):
            return True
        return False

    def _status(self, m: _Mention, verb: Token | None) -> str:
        gov = self._governors(m, verb)
        lemmas = [t.lemma_.lower() for t in gov]
        words = {t.lower_ for t in gov}
        aux = set()
        for t in gov:
            if t.pos_ in ("VERB", "AUX"):
                aux |= {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
        low = m.sent.text.lower()
        if any(l in ST.REVOKED for l in lemmas[:4]):
            return "Revoked"
        if any(l in ST.DISCUSSED for l in lemmas) or "could" in aux and "discussed" in low:
            return "Discussed"
        if m.measure == "Legislation" and (m.head.lower_ == "bill" or "bill" in words) and not re.search(
                r"signed into law|became law|enacted|into force|takes? effect", low):
            return "Proposed"
        if any(l in ST.PROPOSED for l in lemmas[:4]) or m.head.lower_ in ("draft", "proposal"):
            return "Proposed"
        future = bool(aux & {"will", "'ll", "shall"}) or ("would" in aux and any(
            t.lemma_ == "say" for t in gov)) or bool(re.search(r"\b(is|are) (set|due|expected) to\b", low))
        if any(l in ST.ANNOUNCED for l in lemmas[:4]) or future:
            return "Announced"
        if m.historical:
            return "Historical"
        past = any(t.tag_ in ("VBD",) or (t.tag_ == "VBN" and not ({c.lower_ for c in t.children} & {"has", "have"}))
                   for t in gov if t.pos_ in ("VERB", "AUX"))
        dated = kdates.find_dates(self._clause_text(m), self.ref_date)
        if past and not (words & ST.ONGOING) and not re.search(r"\b(since|took effect|came into force|in force)\b", low):
            for d in dated:
                if d.kind in ("year", "month", "day", "rel_year", "ago", "era"):
                    if d.kind == "rel_year" and "last" not in d.text.lower() and "past" not in d.text.lower():
                        continue
                    if self.ref_date and d.iso and d.iso[:4].isdigit() and int(d.iso[:4]) >= self.ref_date.year:
                        continue
                    return "Historical"
            if any(l in ST.PROCESS_PAST for l in lemmas[:4]):
                return "Historical"
        return "InForce"

    def _clause_text(self, m: _Mention) -> str:
        """The sentence without relative clauses that do not contain the trigger ("which it bought in 2021")."""
        if not self.doc.has_annotation("DEP"):
            return m.sent.text
        drop: set[int] = set()
        for t in m.sent:
            if t.dep_ == "relcl" and not (t.left_edge.i <= m.head.i <= t.right_edge.i):
                drop.update(range(t.left_edge.i, t.right_edge.i + 1))
        return "".join(t.text_with_ws for t in m.sent if t.i not in drop)

    def _date(self, m: _Mention) -> str | None:
        return kdates.resolve_date(self._clause_text(m), self.ref_date)

    # ------------------------------------------------------------------ special constructions
    def _legislation_mentions(self, sent: Span, found: list[_Mention], last_actors: list[str]) -> list[_Mention]:
        """'passed a law', 'the bill, approved by senators', 'the AI Act, which the EU adopted'."""
        if not self.doc.has_annotation("DEP"):
            return []
        out = []
        used = {m.head.i for m in found}
        for tok in sent:
            sp = self.ment(tok)
            is_law = tok.lower_ in M.LAW_NOUNS or (sp is not None and sp.label_ == "Legislation" and tok.i == sp.root.i)
            if not is_law or tok.i in used:
                continue
            verbs = [c for c in tok.children if c.dep_ in ("relcl", "acl") and c.lemma_ in M.LEGISLATIVE_VERBS]
            v = self._clause_verb(tok)
            hop = tok
            while hop.dep_ in ("pobj", "prep", "compound", "conj", "appos") and hop.head.i != hop.i:
                hop = hop.head  # "approved a revision to the ... Act"
            if hop.dep_ in ("dobj", "nsubjpass", "nsubj") and hop.head.lemma_ in M.LEGISLATIVE_VERBS:
                verbs.append(hop.head)
            elif tok.dep_ in ("dobj", "nsubjpass") and v is not None and v.lemma_ in M.LEGISLATIVE_VERBS:
                verbs.append(v)
            elif tok.dep_ == "nsubj" and v is not None and v.lemma_ in ("become", "take"):
                verbs.append(v)
            if not verbs:
                continue
            verb = verbs[0]
            if any(c.dep_ == "neg" for c in verb.children):
                continue
            span = self.doc[tok.i:tok.i + 1] if sp is None else sp
            m = _Mention(measure="Legislation", rule="legislative-verb", sent=sent, trigger=span, head=tok,
                         para=self._para_of(sent.start_char), confidence=CONFIDENCE["legislation"])
            if verb.dep_ == "relcl":
                subs, _ = self._subject_tokens(verb)
                keys = []
                for s in subs:
                    keys = self._actor_of_token(s)
                if keys and keys != ["__generic__"]:
                    m.actors, m.actor_in_syntax = self.with_parents(keys), True
                    self._roles(m, verb)
                    m.historical = self._historical(m, verb)
                    m.status = self._status_from_verb(m, verb)
                    m.date = self._date(m)
                    out.append(m)
                    used.add(tok.i)
                    continue
            if not self._fill(m, verb, last_actors):
                continue
            if sp is not None:
                m.targets = [t for t in m.targets if t != sp.id_]
            out.append(m)
            used.add(tok.i)
        return out

    def _status_from_verb(self, m: _Mention, verb: Token) -> str:
        fake = _Mention(measure=m.measure, rule=m.rule, sent=m.sent, trigger=self.doc[verb.i:verb.i + 1], head=verb)
        fake.historical = m.historical
        return self._status(fake, verb)

    def _other_create(self, sent: Span, found: list[_Mention], last_actors: list[str]) -> list[_Mention]:
        """'set up an AI Safety Institute' -> Other."""
        if not self.doc.has_annotation("DEP"):
            return []
        out = []
        for tok in sent:
            if tok.lemma_ not in M.OTHER_CREATE_VERBS or tok.pos_ != "VERB":
                continue
            if tok.lemma_ == "set" and not any(c.lower_ == "up" for c in tok.children):
                continue
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if not objs:
                continue
            o = objs[0]
            sp = self.ment(o)
            if o.lower_ not in M.OTHER_CREATE_OBJECTS and not (sp is not None and sp.label_ in ("GovernmentBody",)):
                continue
            m = _Mention(measure="Other", rule="create-body", sent=sent, trigger=self.doc[tok.i:o.i + 1] if o.i > tok.i else self.doc[tok.i:tok.i + 1],
                         head=tok, para=self._para_of(sent.start_char), confidence=0.55)
            if not self._fill(m, tok, last_actors) or not m.actors:
                continue
            m.targets = [t for t in m.targets if not (sp is not None and t == sp.id_)]
            out.append(m)
        return out

    # ------------------------------------------------------------------ merging
    def _main(self, events: list[_Ev]) -> _Ev | None:
        if not events:
            return None
        return max(events, key=lambda e: (len(e.mentions) + (1 if e.actors else 0), -e.first.trigger.start))

    def _merge(self, mentions: list[_Mention]) -> list[_Ev]:
        events: list[_Ev] = []
        # first pass: mentions with a measure and an actor
        for m in mentions:
            if m.similar and m.measure == "?":
                continue
            if not m.actors:
                continue
            if m.anaphoric:
                roots = {self.root(a) for a in m.actors}
                mine = [e for e in events if {self.root(a) for a in e.actors} & roots]
                if mine:
                    same = [e for e in mine if e.measure == m.measure]
                    e = (same or mine)[-1]
                    e.mentions.append(m)
                    m.event = e
                    self._absorb(e, m, restatement=True)
                    continue
            roots = _uniq(self.root(a) for a in m.actors)
            if len(roots) > 1 and m.measure != "Agreement" and all(self.etype(r) == "Country" for r in roots):
                for r in roots:  # "The United States and the United Kingdom have imposed similar sanctions"
                    mm = _Mention(**{**m.__dict__, "event": None})
                    mm.actors = [a for a in m.actors if self.root(a) == r]
                    self._place(mm, events)
                m.event = mm.event
                continue
            self._place(m, events)
        main = self._main(events)
        for m in mentions:
            if m.event is not None:
                continue
            if m.measure == "?":
                if main is None:
                    continue
                m.measure = main.measure
            if m.actors:
                self._place(m, events)
                continue
            # actorless: a restatement of a measure already reported, or a historical parallel
            if m.similar or m.historical:
                self._actorless(m, events)
                continue
            same = [e for e in events if e.measure == m.measure]
            if not same and m.anaphoric and main is not None:
                same = [main]
            if same:
                same[0].mentions.append(m)
                m.event = same[0]
                self._absorb(same[0], m, restatement=True)
        return events

    def _actorless(self, m: _Mention, events: list[_Ev]) -> None:
        groups = [t for t in m.targets if self.etype(t) == "Group"]
        if len(groups) > 1:  # "nuclear physicists, aerospace engineers, cryptographers have all faced ..."
            for g in groups:
                secs = self._entity_sectors(g) or m.sectors[:1]
                mm = _Mention(measure=m.measure, rule=m.rule, sent=m.sent, trigger=m.trigger, head=m.head,
                              targets=[g], sectors=secs, status=m.status, date=m.date, similar=m.similar,
                              historical=m.historical, confidence=m.confidence, para=m.para)
                ev = _Ev(measure=mm.measure, actors=[], mentions=[mm])
                mm.event = ev
                self._absorb(ev, mm)
                events.append(ev)
            return
        ev = _Ev(measure=m.measure, actors=[], mentions=[m])
        m.event = ev
        self._absorb(ev, m)
        events.append(ev)

    def _place(self, m: _Mention, events: list[_Ev]) -> None:
        roots = frozenset(self.root(a) for a in m.actors)
        if m.split_sectors and len(m.sectors) > 1:
            parts = [[s] for s in m.sectors]
        else:
            parts = [m.sectors]
        for i, secs in enumerate(parts):
            mm = m if i == 0 else _Mention(**{**m.__dict__, "event": None})
            mm.sectors = list(secs)
            target = None
            for e in events:
                if e.measure != mm.measure or frozenset(self.root(a) for a in e.actors) != roots:
                    continue
                if len(parts) > 1:
                    if set(e.sectors) != set(secs):
                        continue
                elif e.first.split_sectors and len(e.sectors) == 1:
                    if secs and e.sectors[0] not in secs:
                        continue
                elif self._distinct(e, mm):
                    continue
                target = e
                break
            if target is None:
                target = _Ev(measure=mm.measure, actors=list(mm.actors), mentions=[mm])
                events.append(target)
                mm.event = target
                self._absorb(target, mm)
            else:
                target.mentions.append(mm)
                mm.event = target
                target.actors = _uniq(target.actors + mm.actors)
                if target.first.split_sectors:
                    mm.sectors = list(target.sectors)
                self._absorb(target, mm, restatement=True)

    def _distinct(self, e: _Ev, m: _Mention) -> bool:
        """A second measure of the same kind by the same actor (another target, another time)."""
        if (m.rule == "licence-approval") != (e.first.rule == "licence-approval") and m.measure == "ExportControl":
            return True  # rule 'licence-approval': a licence granted is not the rule that requires it
        if m.status == "Historical" and e.first.status != "Historical" and m.date:
            return True
        if e.first.status == "Historical" and m.status != "Historical" and e.first.date:
            return True
        if m.targets and e.targets and not set(m.targets) & set(e.targets) and m.sectors and e.sectors and \
                not set(m.sectors) & set(e.sectors):
            return True
        return False

    def _absorb(self, e: _Ev, m: _Mention, restatement: bool = False) -> None:
        e.targets = _uniq(e.targets + m.targets)
        e.affects = _uniq(e.affects + [a for a in m.affects if a not in e.targets])
        if not restatement or not e.sectors:
            e.sectors = _uniq(e.sectors + m.sectors)
        e.precedents = _uniq(e.precedents + m.precedents)

    # ------------------------------------------------------------------ responses
    def _earlier_than(self, responder: _Ev, events: list[_Ev], main: _Ev | None, before: int) -> _Ev | None:
        """The measure a response answers when the text does not name it: the main event if another
        actor's and earlier, else the latest earlier event of another actor."""
        roots = {self.root(a) for a in responder.actors}
        prev = [e for e in events if e is not responder and e.first.trigger.start_char < before
                and not ({self.root(a) for a in e.actors} & roots)]
        if main is not None and main in prev:
            return main
        return max(prev, key=lambda e: e.first.trigger.start_char) if prev else None

    def _link_response(self, sent: Span, low: str, here: list[_Mention], events: list[_Ev],
                       main: _Ev | None, by_sent: dict[int, list[_Mention]]) -> None:
        """Two shapes of response sentence.

        * ``X ... in response to Y`` (RESPONSE_CUES): the measure before the cue answers the one after it.
        * ``Its response came in May, when Y ...`` (RESPONSE_LEAD_CUES): the measure after the cue is
          the response; what it answers is the earlier measure of another actor.
        When no measure is mentioned before the cue, the responder is the last measure mentioned
        earlier in the paragraph ("... called them a response to the chip restrictions").
        """
        for cue, rx in zip(CUES.RESPONSE_LEAD_CUES, _cue_regexes("response-lead", CUES.RESPONSE_LEAD_CUES)[1]):
            m = rx.search(low)
            if not m:
                continue
            cue_char = sent.start_char + m.end()
            after = [x for x in here if x.trigger.start_char >= cue_char]
            if not after:
                nxt = [x for s0, ms in sorted(by_sent.items()) if s0 >= sent.end for x in ms]
                after = nxt[:1]
            if not after or after[0].event is None:
                continue
            responder = after[0].event
            earlier = self._earlier_than(responder, events, main, responder.first.trigger.start_char)
            if earlier is not None and earlier not in responder.responds_to and responder not in earlier.responds_to:
                responder.responds_to.append(earlier)
            return
        for cue in CUES.RESPONSE_CUES:
            pos = low.find(cue)
            if pos < 0:
                continue
            cue_char = sent.start_char + pos + len(cue)
            inside = [m for m in here if m.trigger.start_char >= cue_char]
            outside = [m for m in here if m.trigger.start_char < sent.start_char + pos]
            earlier = inside[0].event if inside else None
            responder = outside[-1].event if outside else None
            if responder is None:
                subj = self._sentence_subject_actor(sent)
                roots = {self.root(a) for a in subj}
                cands = [e for e in events if {self.root(a) for a in e.actors} & roots]
                if cands:
                    responder = cands[0]
                else:  # the measure just mentioned in this paragraph ("called them a response to ...")
                    para = self._para_of(sent.start_char)
                    before = [x for s0, ms in sorted(by_sent.items()) if s0 < sent.start for x in ms
                              if x.para == para and x.event is not None]
                    responder = before[-1].event if before else main
            if earlier is None and responder is not None:
                earlier = self._earlier_than(responder, events, main, responder.first.trigger.start_char)
            if earlier is not None and responder is not None and earlier is not responder:
                if earlier not in responder.responds_to and responder not in earlier.responds_to:
                    responder.responds_to.append(earlier)
            return

    # ------------------------------------------------------------------ precedents, responses, analogies
    def _links(self, mentions: list[_Mention], events: list[_Ev]) -> None:
        main = self._main(events)
        by_sent: dict[int, list[_Mention]] = defaultdict(list)
        for m in mentions:
            if m.event is not None:
                by_sent[m.sent.start].append(m)
        for sent in self._sents:
            low = sent.text.lower()
            here = by_sent.get(sent.start, [])
            # precedents
            for cue in CUES.PRECEDENT_CUES:
                pos = low.find(cue)
                if pos < 0:
                    continue
                cue_char = sent.start_char + pos
                keys = self._precedent_objects(sent, cue_char, cue)
                if not keys:
                    continue
                owner = self._owner(here, cue_char, main, sent)
                if owner is not None:
                    owner.precedents = _uniq(owner.precedents + keys)
                break
            # responses
            self._link_response(sent, low, here, events, main, by_sent)
        # analogies: parallels the text draws to the main event
        if main is None:
            return
        para_cue: dict[int, int] = {}
        for sent in self._sents:
            low = " " + sent.text.lower() + " "
            if _cue_regexes("analogy", CUES.ANALOGY_CUES)[0].search(low):
                p = self._para_of(sent.start_char)
                para_cue.setdefault(p, sent.start_char)
        main_roots = {self.root(a) for a in main.actors}
        for e in events:
            if e is main or e in main.responds_to or main in e.responds_to:
                continue
            parallel = False
            for m in e.mentions:
                first_cue = para_cue.get(m.para)
                if m.similar or (not e.actors and m.historical):
                    parallel = True
                elif first_cue is not None and first_cue <= m.sent.start_char:
                    roots = {self.root(a) for a in e.actors}
                    if roots != main_roots or m.historical or m.status == "Historical":
                        parallel = True
            if parallel:
                main.analogous.add(id(e))

    def _owner(self, here: list[_Mention], cue_char: int, main: _Ev | None, sent: Span) -> _Ev | None:
        before = [m for m in here if m.trigger.start_char < cue_char]
        if before:
            return before[-1].event
        return main

    def _precedent_objects(self, sent: Span, cue_char: int, cue: str) -> list[str]:
        keys = []
        for sp in self.mentions_by_sent.get(sent.start, []):
            if sp.start_char < cue_char and cue not in ("as a precedent", "as precedent"):
                continue
            if sp.label_ in ("LegalCase", "Legislation", "Person", "Country", "Bloc"):
                if cue in ("as a precedent", "as precedent") and sp.start_char > cue_char:
                    continue
                keys.append(sp.id_)
        # prefer the case over the person it is named after
        if any(self.etype(k) == "LegalCase" for k in keys):
            keys = [k for k in keys if self.etype(k) in ("LegalCase", "Legislation")]
        elif any(self.etype(k) == "Legislation" for k in keys):
            keys = [k for k in keys if self.etype(k) == "Legislation"]
        return keys[:2]

    # ------------------------------------------------------------------ records
    def _records(self, events: list[_Ev]) -> tuple[list[Event], list[Analogy]]:
        did = self.doc._.kg_dispatch_id
        by_id = {id(e): e for e in events}
        for e in events:
            e.date = next((m.date for m in e.mentions if m.date), None)
            e.key = event_key(e.measure, e.actors, e.targets, e.sectors, e.date)
        keys = Counter(e.key for e in events)
        for i, e in enumerate(events):
            if keys[e.key] > 1:
                e.key = event_key(e.measure, e.actors, e.targets, e.sectors, e.date, extra=str(i))
        out = []
        for e in events:
            status = e.first.status
            body = [m for m in e.mentions if m.para > 0]
            if e.first.para == 0 and body and status == "InForce" and body[0].status == "Announced":
                status = body[0].status  # rule 'headline-tense': "Extends Ban" heads a "will stop" report
            if e.first.status in ("InForce",) and any(m.status == "Historical" and m.date for m in e.mentions[:1]):
                status = "Historical"
            evidence = []
            seen = set()
            for m in e.mentions:
                if m.sent.start_char in seen:
                    continue
                seen.add(m.sent.start_char)
                text = m.sent.text
                lead = len(text) - len(text.lstrip())
                evidence.append(Evidence(dispatch_id=did, sentence=text.strip(), start=m.sent.start_char + lead,
                                         end=m.sent.start_char + len(text.rstrip()), rule=f"event:{m.rule}",
                                         confidence=round(m.confidence, 3), source="text"))
            conf = max(m.confidence for m in e.mentions)
            conf = min(1.0, conf + 0.05 * (len(e.mentions) - 1))
            out.append(Event(key=e.key, measure=e.measure, actors=tuple(e.actors), targets=tuple(e.targets),
                             affects=tuple(a for a in e.affects if a not in e.targets), sectors=tuple(e.sectors),
                             status=status, date=e.date, precedents=tuple(e.precedents),
                             responds_to=tuple(r.key for r in e.responds_to if r.key != e.key),
                             label=self._label(e), evidence=tuple(evidence), confidence=round(conf, 3)))
        analogies = []
        for e in events:
            for other_id in sorted(e.analogous):
                o = by_id.get(other_id)
                if o is None or o.key == e.key:
                    continue
                a, b = sorted((e.key, o.key))
                m = o.first
                analogies.append(Analogy(a=a, b=b, score=0.8, basis="asserted",
                                         explanation=f"the text presents {self._label(o)} as a parallel of {self._label(e)}",
                                         evidence=(Evidence(dispatch_id=did, sentence=m.sent.text.strip(),
                                                            start=m.sent.start_char, end=m.sent.end_char,
                                                            rule="analogy:asserted", confidence=0.7),)))
        return out, analogies

    def _label(self, e: _Ev) -> str:
        def name(k):
            ent = self.ents.get(k)
            return ent.name if ent else k.split("/")[-1]
        who = " and ".join(name(a) for a in e.actors if not (self.parent.get(a) in e.actors)) if e.actors else ""
        lab = f"{who} {e.measure}".strip()
        if e.targets:
            lab += " on " + ", ".join(name(t) for t in e.targets[:3])
        elif e.sectors:
            lab += f" ({', '.join(e.sectors)})"
        return lab
