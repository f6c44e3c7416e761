"""Record building: merged events -> :class:`kg.models.Event` and :class:`kg.models.Analogy` records.

Decides which events are recorded (rule 'no-actor'), each event's key (unique within the document), date
(the first dated mention), status (the first mention's, with rule 'headline-tense': an "Extends Ban" headline
takes the body's "will stop", an "Iran Lifts Ban" headline the body's "voted to end the ban"),
evidence (one per sentence), confidence (the best mention's, +0.05 per further mention) and label
("China ExportControl on Gallium").
"""
from __future__ import annotations

from collections import Counter

from kg.ids import event_key
from kg.models import Analogy, Event, Evidence
from kg.nlp.events.context import DocContext, EventDraft


def build_records(ctx: DocContext, events: list[EventDraft]) -> tuple[list[Event], list[Analogy]]:
    did = ctx.doc._.kg_dispatch_id
    events = with_actor_or_parallel(ctx, events)
    by_id = {id(e): e for e in events}
    for e in events:
        e.date = next((m.date for m in e.mentions if m.date), None)
        e.key = event_key(e.measure, e.actors, e.targets, e.sectors, e.date)
    keys = Counter(e.key for e in events)
    for i, e in enumerate(events):
        if keys[e.key] > 1:
            e.key = event_key(e.measure, e.actors, e.targets, e.sectors, e.date, extra=str(i))
    out = []
    revoked: set[int] = set()
    for e in events:
        status = e.first.status
        body = [m for m in e.mentions if m.para > 0]
        if e.first.para == 0 and body and status == "InForce" and body[0].status in HEADLINE_BODY and \
                headline_like(e.first.sent.text):
            status = body[0].status  # rule 'headline-tense': "Extends Ban" heads a "will stop" report
        if e.first.status in ("InForce",) and any(m.status == "Historical" and m.date for m in e.mentions[:1]):
            status = "Historical"
        if status == "Revoked":
            revoked.add(id(e))
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
                         label=label(ctx, e), evidence=tuple(evidence), confidence=round(conf, 3)))
    analogies = []
    for e in events:
        for other_id in sorted(e.analogous):
            o = by_id.get(other_id)
            if o is None or o.key == e.key or {id(e), id(o)} & revoked:
                # rule 'no-revoked-parallel': lifting a measure is no parallel of a measure taken
                continue
            a, b = sorted((e.key, o.key))
            m = o.first
            analogies.append(Analogy(a=a, b=b, score=0.8, basis="asserted",
                                     explanation=f"the text presents {label(ctx, o)} as a parallel of {label(ctx, e)}",
                                     evidence=(Evidence(dispatch_id=did, sentence=m.sent.text.strip(),
                                                        start=m.sent.start_char, end=m.sent.end_char,
                                                        rule="analogy:asserted", confidence=0.7),)))
    return out, analogies


def with_actor_or_parallel(ctx: DocContext, events: list[EventDraft]) -> list[EventDraft]:
    """Rule 'no-actor': a measure is somebody's — an event no rule could give an actor ("In response to mounting
    fines, X closed its offices": whose fines?) names no policy event, unless it is a parallel the text compares
    with a measure ("Nuclear physicists ... have all faced similar constraints in various countries": a mention
    told as similar), which the GUIDE annotates without an actor — when it hits a group of people; "Three more
    companies faced similar sanctions" is the sanctions of somebody the rules did not find."""
    return [e for e in events if e.actors or (any(m.similar for m in e.mentions) and any(
        ctx.etype(t) == "Group" for t in e.targets))]


#: rule 'headline-tense': body statuses that overrule a headline's present tense ("Iran Lifts Ban"
#: parsed as a name reads as InForce; the body's "voted to end the ban" is Revoked)
HEADLINE_BODY = ("Announced", "Revoked", "Proposed")


def headline_like(text: str) -> bool:
    """A headline, not a lead sentence: no closing sentence punctuation ("U.S. Extends Ban on ...").
    A lead that ends like a sentence ("The ministry on Monday banned ...") keeps its own tense."""
    return not text.strip().rstrip("\"'’”)").endswith((".", "!", "?"))


def label(ctx: DocContext, e: EventDraft) -> str:
    def name(k):
        ent = ctx.ents.get(k)
        return ent.name if ent else k.split("/")[-1]
    who = " and ".join(name(a) for a in e.actors if ctx.parent.get(a) not in e.actors) if e.actors else ""
    lab = f"{who} {e.measure}".strip()
    if e.targets:
        lab += " on " + ", ".join(name(t) for t in e.targets[:3])
    elif e.sectors:
        lab += f" ({', '.join(e.sectors)})"
    return lab

