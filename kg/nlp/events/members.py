"""Members and owners: parties related to a measure's targets that the measure's own clause does not name.

Rule 'owner-affected': the parent company of a targeted company, or the maker of a targeted
product, that the text names (the document's subsidiaryOf / produces relations, or the gazetteer's
parent of a targeted company when the text names that parent too) is affected.

Rule 'similar-target': a measure told only as "similar" ("the EU agreed to adopt similar sanctions")
with no target of its own aims at the countries its parallel aims at. ("banned
TikTok on work phones" touches ByteDance) — GUIDE: organisations affected without being the aim.

Rule 'member-sentence': "The United States sanctioned four entities and two individuals. Those
sanctioned include X and Y." — the second sentence reports no measure; it names whom the first one
targets. A sentence with no measure of its own, a member cue (include, among, such as; ``member_cues``
in ``cues.yaml``) and a group word already named ("the firms", "the 28 entities"; ``member_nouns``) or "those" +
a participle, adds its named companies, research organisations and people as targets of a measure
that acts on parties (a sanction, a
listing, an export control, a ban, an investment restriction) — the document's main measure when
it is such a measure and the news, else the last such measure of the three sentences before.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from kg.nlp.events.context import DocContext, EventDraft, Mention, uniq
from kg.nlp.lexicon import cues as CUES

#: kinds of measure whose targets a list of members completes
TARGETING = {"Sanction", "EntityListing", "ExportControl", "Ban", "InvestmentRestriction", "TravelRestriction",
             "VisaRestriction"}
MEMBER_TYPES = ("Company", "ResearchOrganization", "Person")
_CUE_RX = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in CUES.MEMBER_CUES) + r")\b")


def member_sentence(ctx: DocContext, sent: Span) -> bool:
    if not _CUE_RX.search(sent.text.lower()):
        return False
    for t in sent:
        if t.lemma_.lower() in CUES.MEMBER_NOUNS and t.tag_ in ("NNS", "NNPS") and any(
                c.lower_ in ("the", "these", "those") or c.dep_ == "nummod" for c in t.lefts):
            return True  # the group already named: "the firms", "the 28 firms" (not "chipmakers such as X")
        if t.lower_ == "those" and t.i + 1 < sent.end and ctx.doc[t.i + 1].tag_ == "VBN":
            return True
    return False


def those_participle(ctx: DocContext, m: Mention) -> bool:
    """The trigger is the participle of "those sanctioned": it names the group, reports no measure."""
    i = m.trigger.start
    return i > 0 and ctx.doc[i - 1].lower_ == "those" and ctx.doc[i].tag_ == "VBN"


def link_members(ctx: DocContext, by_sent: dict[int, list[Mention]], main: EventDraft | None) -> None:
    """Targets from member sentences: for the main event when it acts on parties and is the news
    (not Historical), else for the last such measure of the three sentences before."""
    last: list[tuple[int, EventDraft]] = []  # (sentence number, event) of the current measures seen so far
    for n, sent in enumerate(ctx.sents):
        here = [m for m in by_sent.get(sent.start, []) if m.event is not None and not those_participle(ctx, m)]
        if here:
            last.extend((n, m.event) for m in here if m.event is not None and m.event.measure in TARGETING
                        and m.event.first.status != "Historical")
            continue
        if not member_sentence(ctx, sent):
            continue
        if main is not None and main.measure in TARGETING and main.first.status != "Historical" and \
                any(m.sent.start < sent.start for m in main.mentions):
            ev = main
        elif last and n - last[-1][0] <= 3:
            ev = last[-1][1]
        else:
            continue
        named = [sp.id_ for sp in ctx.mentions_by_sent.get(sent.start, []) if sp.label_ in MEMBER_TYPES]
        named = [k for k in named if k not in ev.actors and k not in ev.affects]
        if named:
            ev.targets = uniq(ev.targets + named)


def link_owners(ctx: DocContext, events: list[EventDraft]) -> None:
    """Rule 'owner-affected' (see the module docstring)."""
    rels = list(ctx.doc._.kg_relations or ())
    for ev in events:
        extra = []
        gaz = ctx.gaz
        for k in ev.targets:  # the gazetteer's parent, when the text names it too
            if gaz is None:
                break
            entry = gaz.by_key(k)
            if entry is None and k in ctx.ents:  # a platform typed as its service is its own node, same owner
                entry = gaz.by_name(ctx.ents[k].name)
            parent = gaz.by_name(entry.subsidiary_of) if entry is not None and entry.subsidiary_of else None
            if parent is not None and parent.key in ctx.ents and ctx.ents[parent.key].mentions:
                extra.append(parent.key)
        for r in rels:
            if r.predicate == "subsidiaryOf" and r.subject in ev.targets:
                extra.append(r.object)
            elif r.predicate == "produces" and r.object in ev.targets and ctx.etype(r.subject) == "Company":
                extra.append(r.subject)
        roots = {ctx.root(a) for a in ev.actors} | set(ev.actors)
        ev.affects = uniq(ev.affects + [k for k in extra if k not in ev.targets and k not in roots])


def inherit_similar_targets(ctx: DocContext, events: list[EventDraft]) -> None:
    """Rule 'similar-target' (see the module docstring)."""
    for ev in events:
        if ev.targets or not any(m.similar for m in ev.mentions):
            continue
        partners = [o for o in events if o is not ev and (id(o) in ev.analogous or id(ev) in o.analogous)]
        roots = {ctx.root(a) for a in ev.actors} | set(ev.actors)
        ev.targets = uniq(t for o in partners for t in o.targets
                          if ctx.etype(t) in ("Country", "Bloc") and t not in roots)
