"""``memberOf`` from membership phrases (GUIDE.md, Relations: "a country and a bloc it belongs to,
when the text relies on it").

====================  ==========  ===============================================================
rule                  confidence  example
====================  ==========  ===============================================================
rel:member-list       0.85        "the permanent members of the UN Security Council – Britain,
                                  China and France", "NATO members Poland and Estonia" -> each
                                  listed country memberOf the bloc
====================  ==========  ===============================================================

The gazetteer's memberships count only where a membership word stands next to the bloc ("EU member
states", "members of NATO") and the country is named, not a demonym (:func:`membership_near`): a
sentence about the Security Council's members does not make France a member of the EU named in it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

MEMBER_WORDS = {"member", "members", "member-state", "member-states", "membership"}
LIST_GAP = {",", "and", "the", "as", "well", "also", "plus"}
OPENERS = {"–", "—", "-", ":", "(", ",", "including", "namely"}


def membership_near(doc: Doc, bloc: Span, window: int = 3) -> bool:
    """A membership word within ``window`` tokens before or after the bloc's mention."""
    sent = bloc.sent
    left = doc[max(bloc.start - window, sent.start):bloc.start]
    right = doc[bloc.end:min(bloc.end + window, sent.end)]
    return any(t.lower_ in MEMBER_WORDS for t in (*left, *right))


def _country_list(doc: Doc, sps: list[Span], start: int, sent_end: int) -> list[Span]:
    """The Country mentions of a list that begins at token ``start`` (commas, "and" between)."""
    out: list[Span] = []
    pos = start
    for sp in sorted(sps, key=lambda s: s.start):
        if sp.start < pos:
            continue
        gap = [t.lower_ for t in doc[pos:sp.start]]
        if sp.label_ != "Country" or any(w not in LIST_GAP for w in gap) or (not out and "and" in gap):
            break
        out.append(sp)
        pos = sp.end
    return out


def member_lists(doc: Doc, sps: list[Span]):
    """(rule, country key, "memberOf", bloc key) for the countries listed as a bloc's members."""
    for b in sps:
        if b.label_ != "Bloc":
            continue
        sent_end = b.sent.end
        before = [t.lower_ for t in doc[max(b.start - 3, b.sent.start):b.start]]
        after = b.end
        if before[-2:] in (["members", "of"], ["member", "of"]) or before[-3:-1] in (["members", "of"],
                                                                                    ["member", "of"]):
            # "members of the UN Security Council – Britain, China, ..."
            if after < sent_end and doc[after].lower_ in OPENERS:
                after += 1
            else:
                continue
        elif after < sent_end and doc[after].lower_ in ("members", "member"):
            after += 1  # "NATO members Poland and Estonia"
            if after < sent_end and doc[after].lower_ in OPENERS:
                after += 1
        else:
            continue
        for c in _country_list(doc, sps, after, sent_end):
            if c.id_ != b.id_:
                yield "rel:member-list", c.id_, "memberOf", b.id_
