"""Turning events (from a batch, the precedent base or a free-text query) into scoring profiles."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.models import Entity, Event, GraphBatch
from kg.precedents.cues import measures as cue_measures
from kg.precedents.rank import Profile
from kg.precedents.taxonomy import target_kind as kind_of

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike

SECTOR_CUES: tuple[tuple[str, str], ...] = (
    (r"\bai\b|artificial intelligence|machine learning|language model|chatbot|frontier model|"
     r"generative|model weights", "ArtificialIntelligence"),
    (r"chip|semiconductor|lithograph|foundry|fab\b|wafer|gpu|accelerator|memory", "Semiconductors"),
    (r"telecom|5g|network equipment|mobile network|broadband", "Telecommunications"),
    (r"nuclear|atomic|uranium|reactor", "Nuclear"),
    (r"aerospace|satellite|rocket|space|aviation|aircraft|missile|drone", "Aerospace"),
    (r"cryptograph|encryption|cipher", "Cryptography"),
    (r"rare earth|rare-earth|gallium|germanium|graphite|lithium|antimony|mineral|cobalt", "CriticalMinerals"),
    (r"biotech|pharma|genom|biolog|vaccine", "Biotechnology"),
    (r"defen[cs]e|military|weapon|arms", "Defence"),
    (r"research|scientist|universit|academic|laborator|physicist|student", "Research"),
    (r"social media|social network|\bapp\b|apps\b|tiktok|platform|video|messaging", "SocialMedia"),
    (r"financ|bank|securities|capital market|invest", "Finance"),
    (r"energy|grid|oil|gas|battery|solar", "Energy"),
)

TARGET_CUES: tuple[tuple[str, str], ...] = (
    (r"researcher|scientist|engineer|student|physicist|talent|expert|worker|academic|people|staff", "people"),
    (r"personal data|\bdata\b|information", "data"),
    (r"investment|acquisition|takeover|stake|capital|securities|fund", "capital"),
    (r"chip|equipment|technolog|software|model|tool|lithograph|machine|satellite", "technology"),
    (r"mineral|metal|rare earth|gallium|germanium|graphite|goods|materials", "goods"),
    (r"compan|firm|vendor|supplier|app\b|apps\b|platform|social network|maker", "firms"),
)

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _first(cues, text: str) -> str | None:
    """The value of the cue matching earliest in the text (the main verb tends to come first)."""
    best: tuple[int, int, str] | None = None
    for i, (pat, value) in enumerate(cues):
        m = re.search(pat, text)
        if m and (best is None or (m.start(), i) < best[:2]):
            best = (m.start(), i, value)
    return best[2] if best else None


def _all(cues, text: str) -> list[str]:
    return [v for pat, v in cues if re.search(pat, text)]


class Context:
    """Entity names and types, and the country each government body belongs to."""

    def __init__(self, entities: Iterable[Entity] = (), gazetteer: GazetteerLike | None = None):
        self.entities: dict[str, Entity] = {e.key: e for e in entities}
        self.gaz = gazetteer

    def add(self, entities: Iterable[Entity]) -> None:
        for e in entities:
            self.entities.setdefault(e.key, e)

    def name(self, key: str) -> str:
        e = self.entities.get(key)
        return e.name if e else key.rsplit("/", 1)[-1]

    def type(self, key: str) -> str | None:
        e = self.entities.get(key)
        return e.type if e else None

    def country(self, key: str) -> str:
        """A government body's country (or bloc) by the gazetteer's parent chain; else the key."""
        if self.gaz is None or self.type(key) != "GovernmentBody":
            return key
        entry = self.gaz.by_key(key)
        seen = set()
        while entry is not None and entry.type == "GovernmentBody" and entry.parent and entry.key not in seen:
            seen.add(entry.key)
            entry = self.gaz.by_name(entry.parent)
        return entry.key if entry is not None else key

    def country_name(self, key: str) -> str:
        ck = self.country(key)
        if ck in self.entities:
            return self.entities[ck].name
        if self.gaz is not None and (entry := self.gaz.by_key(ck)) is not None:
            return entry.name
        return self.name(key)


def event_text(ev: Event, ctx: Context) -> str:
    parts = [ev.label or "", ev.description or ""]
    parts += [ctx.name(t) for t in ev.targets]
    parts += [e.sentence for e in ev.evidence if e.sentence]
    return " ".join(dict.fromkeys(p for p in parts if p))


def profile_of(ev: Event, ctx: Context, base_id: str | None = None,
               target_kind: str | None = None) -> Profile:
    year = int(ev.date[:4]) if ev.date else None
    return Profile(
        key=ev.key, measure=ev.measure,
        target_kind=target_kind or kind_of(ev.measure, [ctx.type(t) or "" for t in ev.targets]),
        sectors=frozenset(ev.sectors), countries=frozenset(ctx.country(a) for a in ev.actors),
        actor_names=tuple(dict.fromkeys(ctx.country_name(a) for a in ev.actors)),
        year=year, text=event_text(ev, ctx), label=ev.label or "", date=ev.date,
        dispatches=frozenset(e.dispatch_id for e in ev.evidence if e.dispatch_id), base_id=base_id,
        links=frozenset(ev.precedents) | frozenset(ev.responds_to),
    )


def profiles_of(batch: GraphBatch, ctx: Context, base_ids: dict[str, str] | None = None,
                target_kinds: dict[str, str] | None = None) -> list[Profile]:
    base_ids, target_kinds = base_ids or {}, target_kinds or {}
    return [profile_of(ev, ctx, base_ids.get(ev.key), target_kinds.get(ev.key)) for ev in batch.events]


def _actors_in(text: str, gaz: GazetteerLike | None) -> list[str]:
    if gaz is None:
        return []
    words = re.findall(r"[A-Za-z][\w.'&-]*", text)
    found: dict[str, None] = {}
    i = 0
    while i < len(words):
        for n in (5, 4, 3, 2, 1):
            if i + n > len(words):
                continue
            surface = " ".join(words[i:i + n])
            entry = gaz.lookup(surface)
            if entry is None and n == 1:
                entry = gaz.demonym(surface)
            if entry is not None and entry.type in ("Country", "Bloc", "GovernmentBody"):
                found.setdefault(entry.key)
                i += n - 1
                break
        i += 1
    return list(found)


def query_measures(text: str) -> tuple[str, frozenset[str]]:
    """The measure a question is about (its first trigger) and every measure its triggers name, read
    with the extraction's trigger lexicon (:mod:`kg.precedents.cues`)."""
    found, every = cue_measures(text)
    return (found[0] if found else "Other"), frozenset(every)


def query_profile(text: str, ctx: Context, key: str = "query") -> Profile:
    """A profile from a free-text description, by keyword cues and gazetteer names."""
    low = " " + text.lower() + " "
    measure, alts = query_measures(text)
    sectors = frozenset(_all(SECTOR_CUES, low))
    kind = _first(TARGET_CUES, low) or kind_of(measure)
    if measure in ("TravelRestriction", "VisaRestriction", "TalentProgram"):
        kind = "people"
    actors = _actors_in(text, ctx.gaz)
    years = [int(y) for y in _YEAR.findall(text)]
    year = max(years) if years else None
    return Profile(key=key, measure=measure, target_kind=kind, sectors=sectors,
                   alt_measures=alts,
                   countries=frozenset(ctx.country(a) for a in actors),
                   actor_names=tuple(ctx.country_name(a) for a in actors),
                   year=year, text=text, label=text[:80], date=str(year) if year else None)
