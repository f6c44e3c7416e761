"""Actor positions: where in the tree a named government stands, for the actor rules (:mod:`actors`).

Where a mention is no actor: a target or aim of the measure ("a ban on X's bank"), a dateline
("HONG KONG, China -- ..."), a nationality ("a China-based firm"), the owner of a law cited as basis
("in violation of EU law"), a forum that hears a case, a place in an excepted phrase ("but not in
Z"). And the clause shapes that pass the actor on: lists, cause phrases ("due to the ban"), time
clauses ("when new visas were suspended") and the "in" phrases of an agentless passive.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.events.context import DocContext
from kg.nlp.events.syntax import in_main_clause
from kg.nlp.lexicon import measures as M


def forum(ctx: DocContext, tok: Token) -> bool:
    """``tok`` names a forum that hears cases ("World Trade Organization", a court, a tribunal:
    `challenge_forums`)."""
    sp = ctx.ment(tok)
    words = {t.lower_ for t in sp} if sp is not None else {tok.lower_}
    return bool(words & M.CHALLENGE_FORUMS)


def excepted(tok: Token, stop: Token) -> bool:
    """Rule 'except-place': ``tok`` lies in a negated or excepted phrase below ``stop`` ("banned in X and Y but not
    in Z", "restricted in X, except in Z"): the place named there does not take the measure."""
    t = tok
    for _ in range(12):
        if t.i == stop.i:
            return False
        if t.lower_ in M.EXCEPT_WORDS or any(c.dep_ == "neg" for c in t.children):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def locative_preps(verb: Token) -> list[Token]:
    """The "in" phrases of ``verb`` and of the objects of its own phrases ("banned from government phones in
    other countries"), not those inside clauses below it."""
    out, todo = [], [verb]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "prep":
                if c.lower_ == "in":
                    out.append(c)
                todo.extend(p for p in c.children if p.dep_ == "pobj" and c.lower_ != "in")
    return out


def list_member(t: Token, stop: Token) -> bool:
    """``t`` hangs on a coordinated or apposed item of the phrase headed by ``stop`` ("..., Congress, and the
    European Union's executive branch")."""
    x, steps = t, 0
    while x.i != stop.i and steps < 8:
        if x.dep_ in ("conj", "appos"):
            return True
        x, steps = x.head, steps + 1
    return False


def person_modifier(ctx: DocContext, t: Token) -> bool:
    """"ranking member C.A. Dutch Ruppersberger": a demonym inside a person's name is no actor."""
    sp = ctx.ment(t.head)
    if sp is not None:
        return sp.label_ == "Person"
    return t.dep_ == "compound" and t.head.pos_ == "PROPN"  # a name the entity rules did not type


def in_target_prep(ctx: DocContext, t: Token, stop: Token) -> bool:
    x = t
    while x.i != stop.i and x.head.i != x.i:
        if x.dep_ == "pobj" and x.head.lower_ in ("on", "against", "to", "into"):
            return True
        x = x.head
    return False


def is_target_like(ctx: DocContext, sp: Span) -> bool:
    r = sp.root
    if in_aim_phrase(r):
        return True
    if r.dep_ == "pobj" and r.head.lower_ in ("on", "against", "to", "into", "from", "in", "with", "of", "for"):
        return True
    if r.dep_ in ("dobj", "amod", "compound") and sp.label_ == "Country" and r.head.pos_ == "NOUN":
        return r.dep_ != "dobj" or True
    if sp.label_ == "Country" and (r.head.lower_ == "based" or (
            r.dep_ in ("amod", "compound") and r.head.pos_ in ("PROPN", "ADJ") and ctx.ment(r.head) is None)):
        return True  # rule 'nationality': "a China-based firm", "Russian national X" name no actor
    if r.dep_ in ("compound", "poss", "amod") and r.head.lemma_.lower() in M.LAW_NOUNS | {"rule", "regulation"} and \
            r.head.dep_ == "pobj" and r.head.head.lower_ in ("of", "under", "with"):
        return True  # rule 'basis-owner': "in violation of EU law", "under EU rules": the law's owner does not act
    if sp.label_ == "Country" and (r.dep_ in ("acomp", "attr") or r.head.lower_ in ("descent", "origin", "heritage")):
        return True  # rule 'nationality': "he is neither Chinese nor of Chinese descent" names no actor
    return r.dep_ == "dobj" or in_dateline(r)


def in_cause_phrase(head: Token) -> bool:
    """``head`` is the object of a cause phrase: "due to", "owing to", "because of", "thanks to" (`cause_heads`)."""
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ in ("to", "of") and prep.head.i != prep.i and \
        prep.head.lower_ in M.CAUSE_HEADS


def in_aim_phrase(tok: Token) -> bool:
    """Rule 'aim-owner': a state that owns or qualifies a noun inside what a measure aims at ("a travel ban on
    experts dealing with X's nuclear programme", "block exports towards X", "freeze the assets of X's bank") is
    part of the aim, not the actor. Climbing from the mention through modifier and preposition links, a direct
    object or an object of on / against / towards / into (`aim_preps`) is reached; past the mention's own
    phrase, the preposition must hang on a verb or a measure noun ("on par with the US" is no aim)."""
    x, own, steps = tok, True, 0
    while steps < 8 and x.head.i != x.i:
        if x.dep_ == "dobj" and x.i != tok.i:
            return True
        if x.dep_ == "pobj" and x.head.lower_ in M.AIM_PREPS and x.i != tok.i and (
                own or x.head.head.pos_ == "VERB" or x.head.head.lemma_.lower() in M.MEASURE_NOUNS):
            return True
        if x.dep_ not in ("poss", "compound", "amod", "nmod", "pobj", "prep", "conj", "acl", "dobj"):
            return False
        if x.dep_ == "prep":
            own = False
        x, steps = x.head, steps + 1
    return False


def in_dateline(tok: Token) -> bool:
    """Rule 'dateline': "HONG KONG, China -- U.S. satellite maker ..." — the place a report comes from."""
    sent = tok.sent
    dash = next((t.i for t in sent[:min(len(sent), 10)] if t.text in ("--", "—", "–")), None)
    return dash is not None and tok.i < dash


def time_clause(verb: Token) -> bool:
    """Rule 'time-clause-passive': ``verb`` heads a time clause ("when new visas were suspended", "after the app was
    banned"; `time_marks`) on a verb or noun of a main clause."""
    return verb.dep_ in ("advcl", "relcl") and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in M.TIME_MARKS and c.i < verb.i for c in verb.children) and (
        in_main_clause(verb.head) or verb.head.pos_ in ("NOUN", "PROPN"))
