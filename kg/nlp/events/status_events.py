"""Event-level status rules: statuses decided over the merged events of a dispatch.

Decides, after merging and links: another actor's measure in force told after the lead is the background
the text cites (rule 'other-actor-background'), and a measure first told as done that another mention says
will take effect later is Announced (rule 'later-effect' across mentions). The per-mention status is
:mod:`kg.nlp.events.status`'s.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from kg.nlp import dates as kdates
from kg.nlp.events.context import DocContext, EventDraft, Mention
from kg.nlp.events.status import expected_effect, immediate, later_effect
from kg.nlp.events.syntax import governors
from kg.nlp.lexicon import status as ST

#: rule 'other-actor-background': sentences of a dispatch's lead (headline and first sentences)
LEAD_SENTENCES = 3


def other_actor_background(ctx: DocContext, events: list[EventDraft], main: EventDraft | None) -> None:
    """Rule 'other-actor-background': a measure in force that another actor than the news's took
    ("Australia and New Zealand have barred X", "X has also been banned in other countries such as
    ...", "is currently on the US blacklist") is the background or comparison the text cites (GUIDE:
    Historical) — unless it answers the news (a retaliation is news too), is told in the lead, is
    going on ("has been investigating") or is dated in the news's own time ("this year", "on
    Monday", "in recent weeks")."""
    if main is None or not main.actors:
        return
    roots = {ctx.root(a) for a in main.actors}
    lead_end = ctx.sents[LEAD_SENTENCES].start if len(ctx.sents) > LEAD_SENTENCES else len(ctx.doc)
    for e in events:
        if e is main or not e.actors or {ctx.root(a) for a in e.actors} & roots or main in e.responds_to:
            continue
        m = e.first
        if any(x.sent.start < lead_end for x in e.mentions):
            continue  # told in the lead: news, whoever the main actor is
        if m.status == "InForce" and not ongoing_verb(ctx, m) and not recent(ctx, m):
            m.status = "Historical"


def recent(ctx: DocContext, m: Mention) -> bool:
    """The mention's sentence dates it in the news's own time: "this year", "in recent weeks"
    (``recent_phrases``), a weekday, "yesterday" or "today"."""
    low = m.sent.text.lower()
    return any(re.search(rf"\b{re.escape(p)}\b", low) for p in ST.RECENT_PHRASES) or any(
        d.kind in ("weekday", "deictic") for d in kdates.find_dates(m.sent.text, ctx.ref_date))


def clause_verb(ctx: DocContext, m: Mention) -> Token | None:
    if not ctx.parsed:
        return None
    return m.head if m.head.pos_ in ("VERB", "AUX") else next(
        (a for a in m.head.ancestors if a.pos_ in ("VERB", "AUX")), None)


def ongoing_verb(ctx: DocContext, m: Mention) -> bool:
    """The mention's clause verb is progressive ("has been investigating", "is reviewing"), a simple
    present other than "be" ("the probe comes as ...") or the trigger itself in the present passive
    ("calls are restricted in X"; rule 'present-passive': not in a relative clause, "X, which is
    blacklisted in the US", which describes X): going on now."""
    verb = clause_verb(ctx, m)
    if verb is not None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("continue", "remain", "keep"):
        verb = verb.head  # rule 'still-going': "continues to review the plant"
    return verb is not None and (verb.tag_ == "VBG" and any(c.dep_ == "aux" for c in verb.children) or
                                 verb.tag_ in ("VBZ", "VBP") and verb.lemma_ != "be" or
                                 verb.i == m.head.i and verb.dep_ != "relcl" and any(
                                     c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children) or
                                 any(c.dep_ == "advmod" and c.lower_ == "still" for c in verb.children))


_IN_EFFECT = re.compile(r"\b(?:took|has taken|have taken|came into|has come into|went into|entered into|is in|are in)"
                        r" (?:effect|force)\b|\beffective immediately\b|\bwith immediate effect\b")


def later_effect_events(ctx: DocContext, events: list[EventDraft]) -> None:
    """Rule 'later-effect' across an event's mentions: a measure first told as done ("Putin signs
    internet law") that another of its mentions says will take effect later ("the legislation, which
    will take effect in November") is Announced (GUIDE: "unveiled rules that take effect next
    month"), unless a mention says it has taken effect or is immediate."""
    for e in events:
        if e.first.status == "Proposed" and any(
                m.status == "Announced" and expected_effect(governors(ctx, m, None)) for m in e.mentions[1:]):
            # "Legco passes bill ...", then "the government expects the new legislation to take effect on
            # January 1": a bill that is to take effect on a date has been passed into law
            e.first.status = "Announced"
            continue
        if e.first.status != "InForce" or len(e.mentions) < 2:
            continue
        if any(_IN_EFFECT.search(m.sent.text.lower()) or immediate(m, m.sent.text.lower()) for m in e.mentions):
            continue  # "took effect", "an immediate ban": in force already
        if any(later_effect(ctx, governors(ctx, m, None)) for m in e.mentions[1:]):
            e.first.status = "Announced"
