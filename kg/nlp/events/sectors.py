"""Sectors: which sector(s) an event is in.

Decides from cue words (:mod:`kg.nlp.lexicon.sectors`): cues near the trigger (its words and its
object), else the sectors of its targets and affected organisations, else cues in the sentence,
else the document's main sector (cues in its first three lines). Coordinated cues ("AI, chip and
quantum computing companies") split a mention into one event per sector.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Token

from kg.nlp.attrs import doc_text
from kg.nlp.events.context import DocContext, Mention, uniq
from kg.nlp.events.role_args import charged_reason
from kg.nlp.lexicon import measures as M
from kg.nlp.lexicon import sectors as S

_SECTOR_CACHE: dict[str, list] = {}


def _sector_cue_regexes() -> list:
    """(sector, one compiled alternation of its non-weak cues, the cues) in SECTOR_CUES order: a sector is
    cued in a text when any of its cues occurs there as a whole word (one search instead of one per cue;
    the search only runs when some cue occurs in the text at all)."""
    if "rx" not in _SECTOR_CACHE:
        out = []
        for sector, cues in S.SECTOR_CUES.items():
            words = tuple(c for c in cues if c not in S.WEAK)
            if words:
                alts = [re.escape(c) for c in words]
                out.append((sector, re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])"), words))
        _SECTOR_CACHE["rx"] = out
    return _SECTOR_CACHE["rx"]


def _sector_cue_parts() -> list:
    """(sector, [(cue, cue split into token texts)]) in SECTOR_CUES order."""
    if "parts" not in _SECTOR_CACHE:
        _SECTOR_CACHE["parts"] = [(sector, [(c, c.replace("-", " - ").split()) for c in cues])
                                  for sector, cues in S.SECTOR_CUES.items()]
    return _SECTOR_CACHE["parts"]


def assign_sectors(ctx: DocContext, m: Mention, toks: list[Token]) -> None:
    """Set ``m.sectors`` (at most three) and ``m.split_sectors``: near the trigger, then the sentence,
    then the document."""
    # rule 'charge-cue': sector words in the charge a measure answers do not place the measure
    near = [t for t in list(m.trigger) + toks if not describes_staff(t) and not (ctx.parsed and charged_reason(t))
            and not in_body_name(ctx, t)]
    sec, split = sectors_of(ctx, near, strict=True)
    if split and ctx.parsed:
        # rule 'reason-no-split': coordinated sector words inside the reason for the measure ("sanctioned
        # firms for supplying Pakistan's missile and nuclear programs") describe the cause: one event
        kept = [t for t in near if not in_reason(t) and not in_party_clause(t, m.head)]
        split = sectors_of(ctx, kept, strict=True)[1] if len(kept) < len(near) else split
    for k in m.targets + m.affects:
        for s in entity_sectors(ctx, k):
            if s not in sec and not sec:
                sec.append(s)
    if not sec:
        sec, split = sectors_of(ctx, [t for t in m.sent if not (ctx.parsed and charged_reason(t))
                                      and not in_body_name(ctx, t)], strict=True)
        split = False
    if not sec and not (m.measure == "Legislation" and not m.targets):
        # rule 'law-no-sector': a law told with no target and no sector word in its sentence ("the Goods Act
        # has been in effect since 1952", "passed a bill which revised the Foreign Trade Act") is a general
        # law, not in the sector of the document's title
        sec = list(ctx.doc_sectors)
    if not sec:
        sec = ["Other"]  # rule 'no-sector': a measure the text ties to no sector (GUIDE: Other)
    m.sectors, m.split_sectors = sec[:3], split


def in_body_name(ctx: DocContext, t: Token) -> bool:
    """Rule 'body-name': a sector word inside the name of a government body ("the Defence Ministry asked
    citizens to stop buying phones", "the Ministry of Energy") names who acts, not the sector of the
    measure: what it acts on decides."""
    sp = ctx.ment(t)
    return sp is not None and sp.label_ == "GovernmentBody"


def describes_staff(t: Token) -> bool:
    """Rule 'staff-cue': a sector word that only says whose staff are meant ("military personnel",
    "government, military, and security officials" barred from an app) names the users, not the
    sector the measure is in; the app's or the firm's sector then decides."""
    head, steps = t, 0
    while head.dep_ in ("amod", "compound", "conj", "nmod") and head.head.i != head.i and steps < 4:
        head, steps = head.head, steps + 1
        if head.lemma_.lower() in M.STAFF_NOUNS:
            return t.i < head.i
    return False


def names_field(t: Token) -> bool:
    """Rule 'field-noun': a weak cue counts when it modifies a noun saying what field is meant, directly or
    through a coordination ("the oil sector", "financial institutions", "financial, energy and transport
    sectors"); "targeted financial sanctions", "the financial year" name no sector."""
    head, steps = t, 0
    while head.dep_ in ("amod", "compound", "conj", "nmod") and head.head.i != head.i and steps < 4:
        head, steps = head.head, steps + 1
        if head.lower_ in S.FIELDS:
            return t.i < head.i
    return False


def in_party_clause(t: Token, head: Token) -> bool:
    """Rule 'party-clause-no-split': ``t`` lies in a relative clause on a noun other than the measure, a clause
    whose verb is not the trigger ("put nine firms that build satellites, missiles and drones on its list"): it
    describes the parties hit, not sectors of separate measures ("rules that restrict investment in AI, chip and
    quantum companies" still split: the clause's verb is the trigger)."""
    return any(a.dep_ == "relcl" and a.head.i != head.i and a.i != head.i for a in t.ancestors)


def in_reason(t: Token) -> bool:
    """``t`` lies inside a for/over phrase of a verb (the reason for a measure)."""
    for a in t.ancestors:
        if a.dep_ == "prep" and a.lower_ in M.REASON_PREPS and a.head.pos_ in ("VERB", "AUX"):
            return True
    return False


def doc_sectors(ctx: DocContext) -> list[str]:
    """Main sector(s) of the document: cues in its first three lines (title, standfirst)."""
    text = doc_text(ctx.doc)
    bodies = {sp.start_char: sp.end_char for sp in ctx.tok2ment.values() if sp.label_ == "GovernmentBody"}
    if bodies:  # rule 'body-name': "the Defence Ministry" names no sector (blanked, in one pass over the text)
        parts, pos = [], 0
        for a, b in sorted(bodies.items()):
            if b > pos:
                parts += [text[pos:max(a, pos)], " " * (b - max(a, pos))]
                pos = b
        text = "".join(parts) + text[pos:]
    lines = [line for line in text.split("\n") if line.strip()][:3]
    c: Counter[str] = Counter()
    for line in lines:
        for s in sector_cues_in_text(line.lower()):
            c[s] += 1
    return [s for s, _ in c.most_common(1)]


def _weak_field_regexes() -> list:
    """(sector, a regex of its weak cues before a field noun, the cues): rule 'field-noun' on plain text, the
    cue and the noun at most four coordinated words apart ("financial, technology, energy and transport sectors")."""
    if "weak" not in _SECTOR_CACHE:
        fields = "|".join(re.escape(f) for f in sorted(S.FIELDS))
        out = []
        for sector, cues in S.SECTOR_CUES.items():
            words = tuple(c for c in cues if c in S.WEAK)
            if words:
                alts = "|".join(re.escape(c) for c in words)
                out.append((sector, re.compile(r"(?<![\w-])(?:" + alts + r")(?:,?\s+(?:and\s+|or\s+)?[\w-]+){0,4}?"
                                               r"\s+(?:" + fields + r")(?![\w-])"), words))
        _SECTOR_CACHE["weak"] = out
    return _SECTOR_CACHE["weak"]


def sector_cues_in_text(low: str) -> list[str]:
    found = {sector for sector, rx, words in _sector_cue_regexes() if any(w in low for w in words) and rx.search(low)}
    found |= {sector for sector, rx, words in _weak_field_regexes() if any(w in low for w in words) and rx.search(low)}
    return [sector for sector in S.SECTOR_CUES if sector in found]


def entity_sectors(ctx: DocContext, key: str) -> list[str]:
    e = ctx.ents.get(key)
    if e is None:
        return []
    out = sector_cues_in_text(e.name.lower())
    gaz = ctx.gaz
    if not out and gaz is not None and e.type in ("Technology", "Group", "Company"):
        entry = gaz.by_key(key)
        if entry is not None:
            # rule 'company-sector': a firm brings its main line of business (the gazetteer's first)
            out = list(entry.sectors)[:1] if e.type == "Company" else list(entry.sectors)
    return out


def sectors_of(ctx: DocContext, toks: list[Token], strict: bool) -> tuple[list[str], bool]:
    if not toks:
        return [], False
    toks = sorted(set(toks), key=lambda t: t.i)
    found: list[tuple[str, Token, int]] = []
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
                    if cue in S.WEAK and strict and not names_field(t):
                        continue
                    if cue in ("research",) and t.lower_ == "research" and t.head.lower_.startswith("researcher"):
                        continue
                    found.append((sector, t, n))
    # rule 'longest-cue': a cue inside a longer cue of another sector is part of it ("battery electric
    # vehicles" are vehicles, not batteries)
    found = [(s, t, n) for s, t, n in found if not any(
        n2 > n and t2.i <= t.i and t.i + n <= t2.i + n2 for s2, t2, n2 in found if s2 != s)]
    secs = uniq(s for s, _, _ in sorted(found, key=lambda x: x[1].i))
    split = False
    if len(secs) > 1 and ctx.parsed:
        by = {s: t for s, t, _ in found}
        tl = [by[s] for s in secs]
        # coordinated cue words ("AI, chip and quantum computing companies") -> one event each
        split = all(any(a in b.conjuncts or a.head in b.conjuncts or b.head in a.conjuncts or a.head.i == b.head.i
                        for b in tl if b.i != a.i) for a in tl)
    if "ArtificialIntelligence" in secs and "Semiconductors" in secs and not split:
        pass
    return secs, split


