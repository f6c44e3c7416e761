"""Links between events: precedents, responses and asserted analogies.

Decides (1) precedents — "points to the X case as a precedent", "modelled on X": the case, law,
person or country cited belongs to the measure before the cue (else the main event); (2) responses
— "X ... in response to Y": X answers Y; "Its response came in May, when ...": the measure after
the cue answers the earlier measure of another actor; (3) analogies — parallels the text draws to
the main event ("similar constraints", "other governments", historical cases in a paragraph with
an analogy cue).
"""
from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Span

from kg.nlp.attrs import doc_text
from kg.nlp.events.actors import sentence_subject_actor
from kg.nlp.events.members import inherit_similar_targets, link_members, link_owners
from kg.nlp.events.context import DocContext, EventDraft, Mention, uniq
from kg.nlp.events.merge import main_event
from kg.nlp.lexicon import cues as CUES

_CUE_CACHE: dict[str, tuple] = {}


def _cue_regexes(name: str, cues) -> tuple:
    """(one whole-word alternation of all ``cues``, [one whole-word regex per cue]), compiled once."""
    key = "cues:" + name
    if key not in _CUE_CACHE:
        parts = [re.escape(c) for c in cues]
        _CUE_CACHE[key] = (re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])") if parts else
                           re.compile(r"(?!)"),
                           [re.compile(r"(?<![\w])" + p + r"(?![\w])") for p in parts])
    return _CUE_CACHE[key]


def earlier_than(ctx: DocContext, responder: EventDraft, events: list[EventDraft], main: EventDraft | None,
                 before: int) -> EventDraft | None:
    """The measure a response answers when the text does not name it: the main event if another
    actor's and earlier, else the latest earlier event of another actor."""
    roots = {ctx.root(a) for a in responder.actors}
    prev = [e for e in events if e is not responder and e.first.trigger.start_char < before
            and not ({ctx.root(a) for a in e.actors} & roots)]
    if main is not None and main in prev:
        return main
    return max(prev, key=lambda e: e.first.trigger.start_char) if prev else None


def link_response(ctx: DocContext, sent: Span, low: str, here: list[Mention], events: list[EventDraft],
                   main: EventDraft | None, by_sent: dict[int, list[Mention]]) -> None:
    """Two shapes of response sentence.

    * ``X ... in response to Y`` (RESPONSE_CUES): the measure before the cue answers the one after it.
    * ``Its response came in May, when Y ...`` (RESPONSE_LEAD_CUES): the measure after the cue is
      the response; what it answers is the earlier measure of another actor.
    When no measure is mentioned before the cue, the responder is the last measure mentioned
    earlier in the paragraph ("... called them a response to the chip restrictions").
    """
    for cue, rx in zip(CUES.RESPONSE_LEAD_CUES, _cue_regexes("response-lead", CUES.RESPONSE_LEAD_CUES)[1]):
        m = rx.search(low) if cue in low else None  # the whole-word search only where the cue occurs at all
        if not m:
            continue
        cue_char = sent.start_char + m.end()
        after = [x for x in here if x.trigger.start_char >= cue_char]
        if not after:
            nxt = [x for s0, ms in sorted(by_sent.items()) if s0 >= sent.end for x in ms]
            after = nxt[:1]
        if not after or after[0].event is None:
            continue
        answer = after[0].event
        answered = earlier_than(ctx, answer, events, main, answer.first.trigger.start_char)
        if answered is not None and answered not in answer.responds_to and answer not in answered.responds_to:
            answer.responds_to.append(answered)
        return
    for cue in CUES.RESPONSE_CUES:
        pos = low.find(cue)
        if pos < 0:
            continue
        cue_char = sent.start_char + pos + len(cue)
        inside = [m for m in here if m.trigger.start_char >= cue_char]
        outside = [m for m in here if m.trigger.start_char < sent.start_char + pos]
        earlier: EventDraft | None = inside[0].event if inside else None
        responder: EventDraft | None = outside[-1].event if outside else None
        if responder is None:
            subj = sentence_subject_actor(ctx, sent)
            roots = {ctx.root(a) for a in subj}
            cands = [e for e in events if {ctx.root(a) for a in e.actors} & roots]
            if cands:
                responder = cands[0]
            else:  # the measure just mentioned in this paragraph ("called them a response to ...")
                para = ctx.para_of(sent.start_char)
                before = [x for s0, ms in sorted(by_sent.items()) if s0 < sent.start for x in ms
                          if x.para == para and x.event is not None]
                responder = before[-1].event if before else main
        if earlier is None and responder is not None:
            earlier = earlier_than(ctx, responder, events, main, responder.first.trigger.start_char)
        if earlier is not None and responder is not None and earlier is not responder:
            if earlier not in responder.responds_to and responder not in earlier.responds_to:
                responder.responds_to.append(earlier)
        return


def link_events(ctx: DocContext, mentions: list[Mention], events: list[EventDraft]) -> None:
    main = main_event(ctx, events)
    by_sent: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.event is not None:
            by_sent[m.sent.start].append(m)
    for sent in ctx.sents:
        low = sent.text.lower()
        here = by_sent.get(sent.start, [])
        # precedents
        for cue in CUES.PRECEDENT_CUES:
            pos = low.find(cue)
            if pos < 0:
                continue
            cue_char = sent.start_char + pos
            keys = precedent_objects(ctx, sent, cue_char, cue)
            if not keys:
                continue
            owner = precedent_owner(ctx, here, cue_char, main, sent)
            if owner is not None:
                owner.precedents = uniq(owner.precedents + keys)
            break
        link_legal_basis(ctx, sent, here, main)
        # responses
        link_response(ctx, sent, low, here, events, main, by_sent)
    link_sentence_analogies(ctx, by_sent)
    link_members(ctx, by_sent, main)
    link_owners(ctx, events)
    # analogies: parallels the text draws to the main event
    if main is None:
        return
    para_cue: dict[int, int] = {}
    for sent in ctx.sents:
        low = " " + sent.text.lower() + " "
        if any(c in low for c in CUES.ANALOGY_CUES) and _cue_regexes("analogy", CUES.ANALOGY_CUES)[0].search(low):
            p = ctx.para_of(sent.start_char)
            para_cue.setdefault(p, sent.start_char)
    main_roots = {ctx.root(a) for a in main.actors}
    for e in events:
        if e is main or e in main.responds_to or main in e.responds_to:
            continue
        parallel = False
        for m in e.mentions:
            first_cue = para_cue.get(m.para)
            if m.similar or (not e.actors and m.historical):
                parallel = True
            elif first_cue is not None and first_cue <= m.sent.start_char:
                roots = {ctx.root(a) for a in e.actors}
                if roots != main_roots or m.historical or m.status == "Historical":
                    parallel = True
        if parallel and not opposed(ctx, main, e):
            main.analogous.add(id(e))
    inherit_similar_targets(ctx, events)


def opposed(ctx: DocContext, a: EventDraft, b: EventDraft) -> bool:
    """Rule 'no-analogy-with-target': a measure of the party another measure aims at (or names as
    affected) answers or suffers it; it is no parallel of it."""
    ra, rb = {ctx.root(x) for x in a.actors}, {ctx.root(x) for x in b.actors}
    ta = {ctx.root(x) for x in a.targets + a.affects}
    tb = {ctx.root(x) for x in b.targets + b.affects}
    return bool(rb & ta or ra & tb)


def link_sentence_analogies(ctx: DocContext, by_sent: dict[int, list[Mention]]) -> None:
    """Rule 'sentence-analogy': a sentence that draws a parallel ("echoing", "mirrors", "similar to",
    "following the lead of", "modelled after", "joins the US in", "in line with") between measures it
    names links each pair of them whose actors differ, or whose one is a past measure of the same
    actor ("Modelled after the U.S. Entity List, China's list was introduced ...")."""
    rx = _cue_regexes("sentence-analogy", CUES.SENTENCE_ANALOGY_CUES)[0]
    for sent in ctx.sents:
        here = [m for m in by_sent.get(sent.start, []) if m.event is not None and m.event.actors]
        hit = rx.search(sent.text.lower()) if len(here) > 1 else None
        if hit is None:
            continue
        # the cue separates the two measures compared: "Y's rules mirror X's" (cue between them);
        # "Modelled after X, Y ..." (a cue opening the sentence: its phrase ends at the first comma)
        cut = sent.start_char + hit.start()
        if hit.start() < 4:
            comma = sent.text.find(",", hit.end())
            cut = sent.start_char + (comma if comma > 0 else hit.end())
        sides: dict[int, set[bool]] = defaultdict(set)
        evs_by: dict[int, EventDraft] = {}
        for m in here:
            if m.event is None:
                continue
            sides[id(m.event)].add(m.trigger.start_char < cut)
            evs_by[id(m.event)] = m.event
        evs = list(evs_by.values())
        for i, a in enumerate(evs):
            for b in evs[i + 1:]:
                if not any(x != y for x in sides[id(a)] for y in sides[id(b)]):
                    continue
                ra, rb = {ctx.root(x) for x in a.actors}, {ctx.root(x) for x in b.actors}
                past = any(m.historical or m.status == "Historical" for m in a.mentions + b.mentions
                           if m.sent.start == sent.start)
                if (ra != rb or past) and b not in a.responds_to and a not in b.responds_to and not opposed(ctx, a, b):
                    a.analogous.add(id(b))


#: rule 'legal-basis', provision: "under section 23.5 of the X Act", "violations of provisions of the X Act" — a
#: provision of a law between the cue and the name gives the law as the basis
_BASIS_PROVISION = (r"(?:\s+(?:the\s+|certain\s+|several\s+)?(?:provisions?|sections?|articles?|chapters?|paragraphs?"
                    r"|clauses?|parts?|rules?)(?:\s+[\w.()]+){0,4}?\s+of)?")
_BASIS_TAIL = _BASIS_PROVISION + r"(?:\s+(?:the|its|their|this|that|these|a|an|[\w.-]+['’]s?))?\s*$"


def legal_basis_laws(ctx: DocContext, sent: Span) -> list[Span]:
    """Rule 'legal-basis': the Legislation mentions of ``sent`` that a legal-basis cue introduces
    ("under the Digital Markets Act", "pursuant to the National Security Law, Cybersecurity Law and
    ..."): the cue right before the name, or a conjunct of a law so introduced."""
    rx = _BASIS_CACHE.get("rx")
    if rx is None:
        alts = "|".join(re.escape(c) for c in sorted(CUES.LEGAL_BASIS_CUES, key=len, reverse=True))
        rx = _BASIS_CACHE["rx"] = re.compile(r"(?<![\w])(?:" + alts + r")" + _BASIS_TAIL, re.I)
    laws = sorted((sp for sp in ctx.mentions_by_sent.get(sent.start, []) if sp.label_ == "Legislation"),
                  key=lambda sp: sp.start)
    out: list[Span] = []
    for sp in laws:
        before = doc_text(ctx.doc)[max(sent.start_char, sp.start_char - 60):sp.start_char]
        if rx.search(before):
            out.append(sp)
        elif out and ctx.parsed and sp.root.dep_ in ("conj", "appos") and any(
                sp.root.head.i in range(o.start, o.end) or o.root.i in {c.i for c in sp.root.head.subtree}
                for o in out):
            out.append(sp)
    return out


_BASIS_CACHE: dict = {}


def link_legal_basis(ctx: DocContext, sent: Span, here: list[Mention], main: EventDraft | None) -> None:
    """The laws a sentence gives as a measure's basis are its precedents: the measure of the sentence
    (the last one with an actor before the law, else the first), else, when the sentence reports no
    measure, the main event ("Under China's Anti-Monopoly Law, regulators may ..."). A sentence whose
    measures have no actor of their own links nothing."""
    laws = legal_basis_laws(ctx, sent)
    if not laws:
        return
    for law in laws:
        own = [m for m in here if m.event is not None and not (law.start <= m.head.i < law.end)]
        if own and not any(m.actors for m in own):
            continue  # "can qualify for subsidies under the X Act": whose measure it is, the text does not say here
        own = [m for m in own if m.actors]
        before = [m for m in own if m.trigger.start < law.start]
        owner = (before[-1] if before else own[0]).event if own else main
        if owner is not None:
            owner.precedents = uniq(owner.precedents + [law.id_])


def precedent_owner(ctx: DocContext, here: list[Mention], cue_char: int, main: EventDraft | None,
                    sent: Span) -> EventDraft | None:
    before = [m for m in here if m.trigger.start_char < cue_char]
    if before:
        return before[-1].event
    return main


def precedent_objects(ctx: DocContext, sent: Span, cue_char: int, cue: str) -> list[str]:
    keys = []
    for sp in ctx.mentions_by_sent.get(sent.start, []):
        if sp.start_char < cue_char and cue not in ("as a precedent", "as precedent"):
            continue
        if sp.label_ in ("Person", "Country", "Bloc") and cue in CUES.REASON_PRECEDENT_CUES:
            continue  # rule 'reason-cue': "citing risks from Russia" names a threat, not a precedent
        if sp.label_ in ("LegalCase", "Legislation", "Person", "Country", "Bloc"):
            if cue in ("as a precedent", "as precedent") and sp.start_char > cue_char:
                continue
            keys.append(sp.id_)
    # prefer the case over the person it is named after
    if any(ctx.etype(k) == "LegalCase" for k in keys):
        keys = [k for k in keys if ctx.etype(k) in ("LegalCase", "Legislation")]
    elif any(ctx.etype(k) == "Legislation" for k in keys):
        keys = [k for k in keys if ctx.etype(k) == "Legislation"]
    return keys[:2]

