"""Merging within a document: which mentions are the same event.

Decides one event per (actor, measure, sector): mentions of the same measure by the same actor
(headline, standfirst, body) are one event unless they differ in target and sector, or one is
historical and dated; "The United States and the United Kingdom have imposed similar sanctions"
is one event per country; coordinated sectors split; actorless restatements ("the ban", "similar
curbs") join the event of the same measure (or the document's main event); actorless historical
parallels stand alone, one per group named.
"""
from __future__ import annotations

from kg.nlp.events.context import DocContext, EventDraft, Mention, uniq
from kg.nlp.events.modality import unrealised
from kg.nlp.events.sectors import entity_sectors
from kg.nlp.lexicon import measures as M
from kg.nlp.lexicon import status as ST


def main_event(ctx: DocContext, events: list[EventDraft]) -> EventDraft | None:
    if not events:
        return None
    return max(events, key=lambda e: (len(e.mentions) + (1 if e.actors else 0), -e.first.trigger.start))


def restated_kind(ctx: DocContext, mentions: list[Mention]) -> None:
    """Rule 'restated-kind': "a regulation to screen foreign investment" took its kind from its own phrase
    (InvestmentRestriction); "the Regulation" or "the preliminary agreement" that restates it later, by the
    same actor or by none, is the same measure and takes the same kind."""
    first: dict[str, list[Mention]] = {}
    for m in mentions:
        word = m.head.lemma_.lower()
        if m.head.pos_ not in ("NOUN", "PROPN") or m.similar:
            continue
        base = ctx.triggers.rules.get(m.rule)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those")
                       for c in m.head.children)
        if definite and base is not None and m.measure == base:
            roots = {ctx.root(a) for a in m.actors}
            for o in first.get(word, []):
                if o.measure != base and (not roots or roots & {ctx.root(a) for a in o.actors}):
                    m.measure = o.measure
                    break
        elif base is not None and m.measure != base:
            first.setdefault(word, []).append(m)


def merge_mentions(ctx: DocContext, mentions: list[Mention]) -> list[EventDraft]:
    events: list[EventDraft] = []
    restated_kind(ctx, mentions)
    # first pass: mentions with a measure and an actor
    for m in mentions:
        if m.similar and m.measure == "?":
            continue
        if not m.actors or restates_rules(ctx, m):
            continue
        if m.anaphoric:
            roots = {ctx.root(a) for a in m.actors}
            mine = [e for e in events if {ctx.root(a) for a in e.actors} & roots]
            mine = [e for e in mine if revoking(e.first) == revoking(m) or any(
                x.sent.start == m.sent.start for x in e.mentions)]
            if mine:
                same = [e for e in mine if e.measure == m.measure]
                e = (same or mine)[-1]
                e.mentions.append(m)
                m.event = e
                absorb(ctx, e, m, restatement=True)
                continue
        place_per_state(ctx, m, events)
    main = main_event(ctx, events)
    for m in mentions:
        if m.event is not None:
            continue
        if restates_rules(ctx, m) and main is not None:
            m.measure = main.measure  # rule 'the-new-rules'
        if m.measure == "?":
            if main is None:
                continue
            m.measure = main.measure
        if m.actors:
            # "Japan and Canada have implemented similar measures": one per state
            place_per_state(ctx, m, events, compared=m.similar)
            continue
        # actorless: a restatement of a measure already reported, or a historical parallel; rule
        # 'anaphor-first': "The ban, the regulator said at the time, will apply from August" restates the
        # ban already reported even when its sentence reads as past
        same = [e for e in events if e.measure == m.measure and e.actors]
        if m.anaphoric and not m.similar and same:
            same[0].mentions.append(m)
            m.event = same[0]
            absorb(ctx, same[0], m, restatement=True)
            continue
        if m.similar or m.historical:
            place_actorless(ctx, m, events)
            continue
        same = [e for e in events if e.measure == m.measure]
        if not same and m.anaphoric and main is not None:
            same = [main]
        if same:
            same[0].mentions.append(m)
            m.event = same[0]
            absorb(ctx, same[0], m, restatement=True)
    return events


def place_per_state(ctx: DocContext, m: Mention, events: list[EventDraft], compared: bool = False) -> None:
    """One event per acting state: "The United States and the United Kingdom have imposed similar sanctions".
    Rule 'similar-restated': a "similar" mention joins the event of the same kind its state already has
    ("Germany has taken a similar approach. Berlin blocked the sale of ...": one event)."""
    roots = uniq(ctx.root(a) for a in m.actors)
    if compared:
        own = [e for e in events if e.measure == m.measure and {ctx.root(a) for a in e.actors} & set(roots)]
        if own:
            own[0].mentions.append(m)
            m.event = own[0]
            absorb(ctx, own[0], m, restatement=True)
            return
    if len(roots) > 1 and m.measure != "Agreement" and all(ctx.etype(r) in ("Country", "Bloc") for r in roots):
        for r in roots:
            mm = Mention(**{**m.__dict__, "event": None})
            mm.actors = [a for a in m.actors if ctx.root(a) == r]
            place(ctx, mm, events)
        m.event = mm.event
        return
    place(ctx, m, events)


def restates_rules(ctx: DocContext, m: Mention) -> bool:
    """Rule 'the-new-rules': "the new guidelines require ...", "officials defended the new regulations": a definite
    regulation noun with no phrase of its own names the instrument of the measure the text reports, not a second,
    Regulation event; it takes the kind of the main event (a Regulation only when that is one, or there is none)."""
    h = m.head
    if m.rule != "regulation" or m.measure != "Regulation" or h.pos_ != "NOUN":
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in h.lefts) and \
        not any(c.dep_ in ("prep", "acl", "relcl") for c in h.rights) and \
        all(c.dep_ in ("det", "amod", "punct") or (c.dep_ == "compound" and ctx.ment(c) is None) for c in h.lefts)


def place_actorless(ctx: DocContext, m: Mention, events: list[EventDraft]) -> None:
    groups = [t for t in m.targets if ctx.etype(t) == "Group"]
    if len(groups) > 1:  # "nuclear physicists, aerospace engineers, cryptographers have all faced ..."
        for g in groups:
            secs = entity_sectors(ctx, g) or m.sectors[:1]
            mm = Mention(measure=m.measure, rule=m.rule, sent=m.sent, trigger=m.trigger, head=m.head,
                          targets=[g], sectors=secs, status=m.status, date=m.date, similar=m.similar,
                          historical=m.historical, confidence=m.confidence, para=m.para)
            ev = EventDraft(measure=mm.measure, actors=[], mentions=[mm])
            mm.event = ev
            absorb(ctx, ev, mm)
            events.append(ev)
        return
    ev = EventDraft(measure=m.measure, actors=[], mentions=[m])
    m.event = ev
    absorb(ctx, ev, m)
    events.append(ev)


def place(ctx: DocContext, m: Mention, events: list[EventDraft]) -> None:
    roots = frozenset(ctx.root(a) for a in m.actors)
    if m.split_sectors and len(m.sectors) > 1:
        parts = [[s] for s in m.sectors]
    else:
        parts = [m.sectors]
    for i, secs in enumerate(parts):
        mm = m if i == 0 else Mention(**{**m.__dict__, "event": None})
        mm.sectors = list(secs)
        target = None
        for e in events:
            if e.measure != mm.measure or not same_parties(ctx, e, mm, roots):
                continue
            if len(parts) > 1:
                if set(e.sectors) != set(secs):
                    continue
            elif e.first.split_sectors and len(e.sectors) == 1:
                if secs and e.sectors[0] not in secs:
                    continue
            elif distinct(ctx, e, mm):
                continue
            target = e
            break
        if target is None:
            target = EventDraft(measure=mm.measure, actors=list(mm.actors), mentions=[mm])
            events.append(target)
            mm.event = target
            absorb(ctx, target, mm)
        else:
            target.mentions.append(mm)
            mm.event = target
            target.actors = uniq(target.actors + mm.actors)
            if target.first.split_sectors:
                mm.sectors = list(target.sectors)
            absorb(ctx, target, mm, restatement=True)


def same_parties(ctx: DocContext, e: EventDraft, m: Mention, roots: frozenset[str]) -> bool:
    """The same actors (as states); rule 'agreement-party': an agreement restated with one of its parties as actor
    ("Canada and Australia concluded an agreement ... the Canadian agreement will fund ...") is the same
    agreement: an Agreement mention whose states are a part of an Agreement event's states joins it."""
    own = frozenset(ctx.root(a) for a in e.actors)
    if own == roots:
        return True
    return m.measure == "Agreement" and bool(roots) and (roots < own or own < roots)


def distinct(ctx: DocContext, e: EventDraft, m: Mention) -> bool:
    """A second measure of the same kind by the same actor (another target, another time)."""
    if (m.rule == "licence-approval") != (e.first.rule == "licence-approval") and m.measure == "ExportControl":
        return True  # rule 'licence-approval': a licence granted is not the rule that requires it
    if m.status == "Historical" and e.first.status != "Historical" and (m.date or m.historical):
        return True
    if e.first.status == "Historical" and m.status != "Historical" and (e.first.date or e.first.historical):
        return True
    if looks_back(m) and (m.date or m.head.tag_ == "VBD") and not (m.date and e.first.date and (
            m.date.startswith(e.first.date) or e.first.date.startswith(m.date))):
        # rule 'earlier-dated': "Earlier, Japan sanctioned Y" is another, older measure
        return True
    if m.targets and e.targets and not set(m.targets) & set(e.targets) and m.sectors and e.sectors and \
            not set(m.sectors) & set(e.sectors):
        return True
    if revoking(m) != revoking(e.first) and all(x.sent.start != m.sent.start for x in e.mentions):
        # rule 'revoked-other': "lifted the ban on X" and "has blocked Y" are two measures; a ban lifted in the
        # sentence that tells it ("banned X in 2023, lifting the ban a month later") stays one story
        return True
    return False


def revoking(m: Mention) -> bool:
    """Rule 'revoked-other': the mention reports a revocation — the measure noun is what a revoking word (`revoked`
    in status.yaml: lift, repeal, remove ...; `revoking_nouns`) ends: its object or passive subject ("lifted the
    ban", "the ban was lifted"), after "of" on a revoking noun ("the lifting of access restrictions"), or the list
    parties are removed "from" ("removed 27 entities from the list"); not under a modal ("could lift the
    suspension"), not "remove X products" (the products are no measure)."""
    t = m.head
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    gov = t.head
    if t.dep_ == "pobj" and gov.lower_ in ("of", "from") and gov.head.i != gov.i:
        frm = gov.lower_ == "from"
        gov = gov.head
        if frm and gov.dep_ == "dobj" and gov.head.i != gov.i:  # "removed [27 entities from the list]"
            gov = gov.head
    elif t.dep_ not in ("dobj", "nsubjpass"):
        return False
    if gov.i == t.i or not (gov.lemma_.lower() in ST.REVOKED or gov.lower_ in M.REVOKING_NOUNS):
        return False
    verbs = [gov, gov.head] if gov.dep_ == "conj" else [gov]  # "could modify, prolong, or lift"
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for v in verbs for c in v.children) and not unrealised(gov)



def looks_back(m: Mention) -> bool:
    """The mention's sentence opens with a look-back adverb ("Earlier, ...", "Previously, ...")."""
    first = next((t for t in m.sent if not t.is_punct and not t.is_space), None)
    return first is not None and first.lower_ in M.LOOK_BACK_ADVERBS


def absorb(ctx: DocContext, e: EventDraft, m: Mention, restatement: bool = False) -> None:
    e.targets = uniq(e.targets + m.targets)
    e.affects = uniq(e.affects + [a for a in m.affects if a not in e.targets])
    if not restatement or not e.sectors:
        e.sectors = uniq(e.sectors + m.sectors)
    e.precedents = uniq(e.precedents + m.precedents)

