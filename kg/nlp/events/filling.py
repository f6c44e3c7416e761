"""Filling: a mention's actor, roles, status and date, once its trigger has passed the filters.

Asks :mod:`actors` for the actor (generic talk makes no mention; an agentless passive of a main
clause takes the actor the text is speaking of), then :mod:`roles`, :mod:`status` and :mod:`dating`.
Also holds the base confidence of each rule family.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.events.actors import actor
from kg.nlp.events.context import DocContext, Mention
from kg.nlp.events.dating import date_of
from kg.nlp.events.roles import assign_roles
from kg.nlp.events.status import historical, status_of
from kg.nlp.events.syntax import in_main_clause

#: base confidence per rule family; an event found with an actor in syntax gets +0.1
CONFIDENCE = {"trigger": 0.7, "generic": 0.6, "similar": 0.55, "legislation": 0.7, "response-object": 0.6}


def fill(ctx: DocContext, m: Mention, verb: Token | None, last_actors: list[str]) -> bool:
    """Actor, targets, affects, sectors, status, date. False when the mention is generic talk."""
    actors, in_syntax, generic = actor(ctx, m, verb, last_actors)
    if generic:
        return False
    if not actors and ctx.parsed and agentless_passive(m.head):
        # rule 'agentless-passive': "CIIOs are now prohibited from purchasing X", "certain practices will be
        # prohibited": the measure of the actor the text is speaking of
        actors = list(last_actors)
    m.actors, m.actor_in_syntax = actors, in_syntax
    if in_syntax:
        m.confidence = min(1.0, m.confidence + 0.1)
    assign_roles(ctx, m, verb)
    m.historical = historical(ctx, m, verb)
    m.status = status_of(ctx, m, verb)
    m.date = date_of(ctx, m)
    return True


def agentless_passive(head: Token) -> bool:
    """A passive trigger verb with no by-agent ("are now prohibited from ...")."""
    if head.pos_ != "VERB" or head.tag_ != "VBN" or not in_main_clause(head):
        return False  # a main clause only: not "users request that X be blacklisted"
    kids = {c.dep_ for c in head.children}
    return "auxpass" in kids and "agent" not in kids
