"""The per-document state every event rule reads, built once per Doc, and the drafts rules fill in.

Decides nothing about events itself. :class:`DocContext` holds what the rules of one document share
(the Doc, its entity mentions by token and by sentence, parent countries of government bodies, the
dominant country, the main sector, the reference date, paragraph starts); each rule module takes it
as its first argument instead of reading attributes off the component. :class:`Mention` is one
occurrence of a measure; :class:`EventDraft` is a merged event before it becomes a
:class:`kg.models.Event`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kg.models import Entity
from kg.nlp import dates as kdates
from kg.nlp.attrs import doc_text

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike
    from kg.nlp.events.triggers import TriggerIndex

MENTIONS = "kg_mentions"


def uniq(xs):
    """The truthy items of ``xs``, first occurrence first."""
    return list(dict.fromkeys(x for x in xs if x))


@dataclass
class Mention:
    """One occurrence of a measure in a sentence (several may become one event)."""

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
    responds_to: list[Mention] = field(default_factory=list)
    similar: bool = False
    historical: bool = False
    anaphoric: bool = False
    confidence: float = 0.7
    para: int = 0
    event: EventDraft | None = None


@dataclass
class EventDraft:
    """The mentions of one measure by one actor (in one sector), merged."""

    measure: str
    actors: list[str]
    mentions: list[Mention]
    targets: list[str] = field(default_factory=list)
    affects: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    precedents: list[str] = field(default_factory=list)
    responds_to: list[EventDraft] = field(default_factory=list)
    analogous: set[int] = field(default_factory=set)
    key: str = ""
    date: str | None = None

    @property
    def first(self) -> Mention:
        return self.mentions[0]


@dataclass
class DocContext:
    """What the event rules of one document share (built by :func:`build_context`)."""

    doc: Doc
    gaz: GazetteerLike | None
    triggers: TriggerIndex
    #: per token: is its lower-case form in some trigger phrase / can it alone complete a phrase
    trig_tok: list[bool] = field(default_factory=list)
    trig_single: list[bool] = field(default_factory=list)
    sents: list[Span] = field(default_factory=list)
    ents: dict[str, Entity] = field(default_factory=dict)
    tok2ment: dict[int, Span] = field(default_factory=dict)
    mentions_by_sent: dict[int, list[Span]] = field(default_factory=lambda: defaultdict(list))
    dominant: str | None = None
    parent: dict[str, str] = field(default_factory=dict)
    doc_sectors: list[str] = field(default_factory=list)
    ref_date: dt.date | None = None
    paras: list[int] = field(default_factory=list)
    #: the Doc has a dependency parse (rules fall back to word windows without one)
    parsed: bool = False

    def ment(self, tok: Token) -> Span | None:
        """The entity mention covering ``tok`` (the shortest, when mentions nest)."""
        return self.tok2ment.get(tok.i)

    def etype(self, key: str) -> str | None:
        e = self.ents.get(key)
        return e.type if e else None

    def root(self, key: str) -> str:
        """The country or bloc behind an actor (a government body's parent), else the actor."""
        return self.parent.get(key, key)

    def with_parents(self, keys: list[str]) -> list[str]:
        out = []
        for k in keys:
            out.append(k)
            if k in self.parent:
                out.append(self.parent[k])
        return uniq(out)

    def para_of(self, char: int) -> int:
        n = 0
        for i, s in enumerate(self.paras):
            if s <= char:
                n = i
        return n


def build_context(doc: Doc, gaz: GazetteerLike | None, triggers: TriggerIndex) -> DocContext:
    """The context of ``doc``: mentions indexed, parents and dominant country found, main sector read."""
    from kg.nlp.events.sectors import doc_sectors

    lowers = doc.to_array(LOWER).tolist()
    ctx = DocContext(doc=doc, gaz=gaz, triggers=triggers, parsed=doc.has_annotation("DEP"))
    ctx.trig_tok = [h in triggers.lowers for h in lowers]
    ctx.trig_single = [h in triggers.single_lowers for h in lowers]
    ctx.sents = list(doc.sents)  # Doc.sents builds every Token anew: walk it once per doc
    ctx.ents = doc._.kg_entities
    spans = list(doc.spans[MENTIONS]) if MENTIONS in doc.spans else []
    for sp in sorted(spans, key=lambda s: s.end - s.start):
        for i in range(sp.start, sp.end):
            ctx.tok2ment.setdefault(i, sp)
    for sp in spans:
        ctx.mentions_by_sent[sp.sent.start].append(sp)
    ctx.dominant = dominant_country(ctx, spans)
    ctx.parent = parents_of(ctx)
    ctx.doc_sectors = doc_sectors(ctx)
    ctx.ref_date = ref_date_of(ctx)
    ctx.paras = paragraph_starts(ctx)
    return ctx


def ref_date_of(ctx: DocContext) -> dt.date | None:
    """The dispatch's date; without one, the dateline the text gives near its top (rule 'dateline':
    "December 22, 2020" on a line of its own, see :func:`kg.nlp.dates.dateline`)."""
    d = ctx.doc._.kg_dispatch_date
    if isinstance(d, str):
        try:
            return dt.date.fromisoformat(d[:10])
        except ValueError:
            return None
    return d if isinstance(d, dt.date) else kdates.dateline(doc_text(ctx.doc))


def paragraph_starts(ctx: DocContext) -> list[int]:
    """Start offsets of paragraphs (blocks separated by blank lines or single newlines)."""
    return [0] + [m.end() for m in re.finditer(r"\n", doc_text(ctx.doc))]


def parents_of(ctx: DocContext) -> dict[str, str]:
    out: dict[str, str] = {}
    for r in ctx.doc._.kg_relations or ():
        if r.predicate == "partOf":
            out.setdefault(r.subject, r.object)
    gaz = ctx.gaz
    for key, e in list(ctx.ents.items()):
        if e.type != "GovernmentBody" or key in out or gaz is None:
            continue
        entry = gaz.by_key(key)
        seen = 0
        while entry is not None and entry.parent and seen < 3:
            p = gaz.by_name(entry.parent)
            if p is None:
                break
            if p.type in ("Country", "Bloc"):
                out[key] = p.key
                if p.key not in ctx.ents:  # the body's country stands behind its measures
                    ctx.ents[p.key] = Entity(key=p.key, type=p.type, name=p.name, aliases=tuple(p.aliases),
                                              wikidata=p.qid)
                break
            entry, seen = p, seen + 1
    for key, e in list(ctx.ents.items()):
        if e.type == "GovernmentBody" and key not in out and ctx.dominant and not in_gazetteer(ctx, key):
            out[key] = ctx.dominant
    return {k: v for k, v in out.items() if v in ctx.ents}


def in_gazetteer(ctx: DocContext, key: str) -> bool:
    gaz = ctx.gaz
    return bool(gaz is not None and gaz.by_key(key) is not None)


DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z .'-]{2,}[A-Z])(?=[,\s]*(?:\([^)\n]{1,30}\)\s*)?[-\u2013\u2014])")


def dominant_country(ctx: DocContext, spans: list[Span]) -> str | None:
    """The country the document is mostly about: named half as often again as any other; rule 'dateline-country':
    when two are named about as often, the one whose capital heads the dispatch ("ROME (Reuters) - ...") wins."""
    c = Counter(sp.id_ for sp in spans if sp.label_ == "Country")
    if not c:
        return None
    top = c.most_common(2)
    if len(top) == 1 or top[0][1] >= 1.5 * top[1][1]:
        return top[0][0]
    home = dateline_country(ctx)
    if home is not None and home in (top[0][0], top[1][0]) and c[home] >= 0.75 * top[0][1]:
        return home
    return None


def dateline_country(ctx: DocContext) -> str | None:
    """The country whose capital opens a line near the top as the dispatch's dateline ("ROME (Reuters) -",
    "TOKYO --")."""
    m = DATELINE.search(ctx.doc.text[:1500])
    gaz = ctx.gaz
    if m is None or gaz is None:
        return None
    entry = gaz.capital(m.group(1).title())
    return entry.key if entry is not None and entry.type == "Country" else None

