"""Assessments: a government that assesses something, or an assessment made by one, is a Review.

Rule 'assessment-by': "the licence conditions followed assessments by the Armed Forces", "after an assessment by
the chief information officer" (a by-agent on the noun that names a government); "the regulator decided to conduct
a compliance assessment" (a government subject of conduct / carry out / perform with the noun as object); "the
Centre for Cyber Security had assessed there was a risk" (a government subject of assess). Providers, operators or
companies that must assess risks name no government: no event; nor does a power ("the minister can assess such
deals"), nor a sentence that already reports a Review.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.events.context import DocContext, Mention
from kg.nlp.events.filling import fill
from kg.nlp.events.governments import actor_of_token, agent_actors
from kg.nlp.events.syntax import subject_tokens
from kg.nlp.lexicon import measures as M


def assessments(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """Rule 'assessment-by' (module docstring)."""
    if not ctx.parsed or any(m.measure == "Review" for m in found):
        return []
    taken = {t.i for m in found for t in m.trigger}
    for tok in sent:
        if tok.i in taken:
            continue
        lemma = tok.lemma_.lower()
        verb: Token | None = None
        if tok.pos_ == "NOUN" and lemma in M.ASSESSMENT_NOUNS:
            agents = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children
                      if p.dep_ == "pobj"]
            if agents and agent_actors(ctx, agents[0]):
                verb = tok.head if tok.head.pos_ in ("VERB", "AUX") else tok
            elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in M.CONDUCT_VERBS and \
                    government_subject(ctx, tok.head):
                verb = tok.head
        elif tok.pos_ == "VERB" and lemma in M.ASSESS_VERBS and government_subject(ctx, tok):
            verb = tok
        if verb is None or any(c.dep_ == "aux" and c.lower_ in ("can", "could", "may", "might") for c in verb.children):
            continue
        m = Mention(measure="Review", rule="assessment-by", sent=sent, trigger=ctx.doc[tok.i:tok.i + 1], head=tok,
                    para=ctx.para_of(sent.start_char), confidence=0.55)
        if not fill(ctx, m, verb, last_actors) or not m.actors or not m.actor_in_syntax:
            continue
        return [m]
    return []


def government_subject(ctx: DocContext, verb: Token) -> bool:
    """The active subject of ``verb`` (up its xcomp chain) stands for a government, not a firm or a generic one."""
    subs, passive = subject_tokens(ctx, verb)
    return not passive and any(actor_of_token(ctx, s) not in ([], ["__generic__"]) for s in subs)
