"""Dependency-tree helpers the event rules share: the head of a trigger, its clause verb, its object, a verb's subject.

Decides nothing about measures; the trigger helpers fall back to a word window when the Doc has no
parse (``ctx.parsed`` is false); :func:`subject_tokens` needs the parse.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.events.context import DocContext, Mention
from kg.nlp.lexicon import measures as M


def head_of(ctx: DocContext, span: Span) -> Token:
    if not ctx.parsed:
        return span[-1]
    root = span.root
    if root.pos_ == "ADP":  # "on the same list": the noun, not the preposition
        objs = [c for c in root.children if c.dep_ == "pobj" and span.start <= c.i < span.end]
        if objs:
            return objs[0]
    return root


def clause_verb(ctx: DocContext, tok: Token) -> Token | None:
    """The verb governing ``tok`` (itself if it is one)."""
    t, steps = tok, 0
    while steps < 8:
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
        if t.head.i == t.i:
            return t
        t, steps = t.head, steps + 1
    return None


def object_tokens(ctx: DocContext, span: Span, head: Token) -> list[Token]:
    if not ctx.parsed:
        return list(ctx.doc[span.end:min(span.sent.end, span.end + 8)])
    out: list[Token] = []
    for c in head.children:
        if c.dep_ in ("dobj", "pobj", "prep", "attr", "oprd", "xcomp", "compound", "amod", "nmod", "acl",
                      "dative", "conj", "nsubjpass"):
            if c.dep_ == "conj" and c.pos_ in ("VERB",):
                continue
            if c.dep_ == "prep" and c.lower_ in M.CIRCUMSTANCE_PREPS:
                continue  # rule 'circumstance': "following a review" is context, not the object
            out.extend(t for t in c.subtree if not in_purpose(t, head))
    if head.dep_ in ("dobj", "nsubjpass", "pobj") and head.pos_ != "VERB":
        # "banned the export of X": the verb's other arguments belong to the measure too
        pass
    return out[:40]


def in_purpose(tok: Token, stop: Token) -> bool:
    """Rule 'purpose-phrase': ``tok`` lies in "in a bid to / in an effort to / in order to ..." below ``stop``
    ("blocked access to dating apps in a bid to restrict content": a purpose, not the object)."""
    t = tok
    for _ in range(12):
        if t.i == stop.i or t.head.i == t.i:
            return False
        if t.dep_ == "prep" and t.lower_ == "in" and any(
                p.dep_ == "pobj" and p.lower_ in M.PURPOSE_NOUNS for p in t.children):
            return True
        t = t.head
    return False


def left_mods(ctx: DocContext, head: Token) -> list[Token]:
    if not ctx.parsed:
        return list(ctx.doc[max(head.sent.start, head.i - 2):head.i])
    return [c for c in head.lefts if c.dep_ in ("amod", "det", "compound", "nmod")]


def governors(ctx: DocContext, m: Mention, verb: Token | None) -> list[Token]:
    out = [m.head]
    if ctx.parsed:
        t, steps = m.head, 0
        while t.head.i != t.i and steps < 8:
            t = t.head
            out.append(t)
            steps += 1
            if t.dep_ in ("ROOT",):
                break
    return out


def clause_text(ctx: DocContext, m: Mention) -> str:
    """The sentence without relative clauses that do not contain the trigger ("which it bought in 2021")."""
    if not ctx.parsed:
        return m.sent.text
    drop: set[int] = set()
    for t in m.sent:
        if t.dep_ == "relcl" and not (t.left_edge.i <= m.head.i <= t.right_edge.i):
            drop.update(range(t.left_edge.i, t.right_edge.i + 1))
    return "".join(t.text_with_ws for t in m.sent if t.i not in drop)



def in_main_clause(verb: Token) -> bool:
    """``verb`` heads the sentence or a clause coordinated with it — not a clause below another verb
    ("users request that X be blacklisted")."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def subject_tokens(ctx: DocContext, verb: Token) -> tuple[list[Token], bool]:
    """(subject tokens, passive) of a verb, following xcomp/conj chains upwards."""
    t = verb
    for _ in range(6):
        subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        agents = [gc for c in t.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
        if agents:
            return agents, True
        if subs:
            if subs[0].dep_ == "nsubjpass":
                return subs, True
            return subs, False
        if t.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl") and t.head.i != t.i:
            if t.dep_ == "ccomp":
                break
            if t.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and \
                    t.head.dep_ == "dobj" and t.head.lemma_.lower() not in M.POWER_NOUNS and \
                    t.head.head.pos_ in ("VERB", "AUX") and t.head.head.i != t.head.i:
                # rule 'plan-to': "the government announced plans to ban X", "the cabinet invoked a threat to turn
                # down the takeover": the infinitive on a verb's object is done by that verb's subject; not a power
                # or right to act ("member states retain the power to review X": who may, not who does)
                t = t.head.head
                continue
            if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.lower_ in M.GERUND_CONTROL_PREPS and \
                    t.head.head.pos_ in ("VERB", "AUX") and t.head.head.i != t.head.i:
                # rule 'by-gerund': "the Norwegian government protected X by banning exports": the gerund of a
                # means or time phrase on a verb is done by that verb's subject
                t = t.head.head
                continue
            t = t.head
            continue
        if t.dep_ == "relcl":  # "which the European Union adopted": subject inside; else the noun
            break
        break
    return [], False
