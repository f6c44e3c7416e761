"""Advice: a government body telling people not to use or buy something reports a Ban (rule 'advise-against').

"The ministry urged hospitals against installing X routers", "the agency advised against using the X app",
"told clinics to stop using X scanners", "recommended that schools avoid buying X". Only the syntax is read
here; :func:`kg.nlp.events.constructions.advices` makes the mention and requires a government subject.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.lexicon import measures as M


def advice_verbs(sent: Span) -> list[Token]:
    """The advising verbs of the sentence whose advice is not to use or buy something."""
    return [tok for tok in sent if tok.pos_ == "VERB" and tok.lemma_.lower() in M.ADVICE_VERBS
            and not any(c.dep_ in ("neg", "auxpass") for c in tok.children) and advises_against_use(tok)]


def advises_against_use(verb: Token) -> bool:
    """"urged X against buying ...", "advised against using ...", "asked X to stop buying ...", "recommended
    that X avoid buying ..."; a use verb under "against" or under a stopping verb the advice governs."""
    for t in verb.subtree:
        if t.lemma_.lower() not in M.ADVICE_USE_VERBS or t.i == verb.i:
            continue
        h = t.head
        if h.lower_ == "against" and verb.i in (h.head.i, h.head.head.i):
            return True
        if h.lower_ == "from":  # "to refrain from using"
            h = h.head
        if h.lemma_.lower() in M.ADVICE_STOP_VERBS and h.i != verb.i and h.head.i == verb.i:
            return True
    return False
