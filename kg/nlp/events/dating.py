"""Dates: the date of a measure mention.

Decides from the trigger's clause — the sentence without relative clauses that do not contain the
trigger ("which it bought in 2021") — resolved against the dispatch date by :mod:`kg.nlp.dates`.
"""
from __future__ import annotations

from kg.nlp import dates as kdates
from kg.nlp.events.context import DocContext, Mention
from kg.nlp.events.syntax import clause_text


def date_of(ctx: DocContext, m: Mention) -> str | None:
    return kdates.resolve_date(clause_text(ctx, m), ctx.ref_date)

