"""Long dispatches are processed in bounded windows, so memory and time grow linearly with size.

spaCy's parser and the project's per-document rules (entity clustering, event merging, sentence
lists) hold state that grows faster than linearly with a document's length: one 3.8 MB dispatch
once took 395 s and 11.7 GB. A dispatch longer than :data:`LONG_CHARS` is cut into windows of at
most :data:`WINDOW_CHARS` at paragraph boundaries (else line, else sentence, else word
boundaries), each window is processed as its own Doc, evidence offsets are shifted back into
the dispatch's text, and the windows' records are merged by key exactly as several dispatches
are (:mod:`kg.link.merge`).

Ordinary dispatches (a few thousand characters) are one window: their output is unchanged.
"""
from __future__ import annotations

import re

from kg.models import Evidence, Extraction

#: a dispatch longer than this (about 3,000 words: far above ordinary news dispatches) is windowed
LONG_CHARS = 20_000
#: the largest window, in characters: about the size of an ordinary dispatch, so that spaCy's
#: batches of windows weigh what batches of ordinary dispatches weigh (batches of 32 windows of
#: 10,000 characters peaked near 1 GB on a 500 KB dispatch)
WINDOW_CHARS = 4_000

_BOUNDARIES = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def windows(text: str, size: int = WINDOW_CHARS, long: int = LONG_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` character ranges covering ``text``: the whole text when it is at most
    ``long`` characters, else windows of at most ``size``."""
    if len(text) <= max(size, long):
        return [(0, len(text))]
    out, start = [], 0
    while len(text) - start > size:
        end = start + size
        cut = None
        for pat in _BOUNDARIES:  # the last boundary of the strongest kind in the window's second half
            found = [m.end() for m in pat.finditer(text, start + size // 2, end)]
            if found:
                cut = found[-1]
                break
        cut = cut or end
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _shift(ev: Evidence, by: int) -> Evidence:
    if not by or ev.start is None:
        return ev
    return ev.model_copy(update={"start": ev.start + by, "end": ev.end + by if ev.end is not None else None})


def shift_extraction(ex: Extraction, by: int) -> Extraction:
    """The extraction of a window starting at ``by``, with offsets into the whole dispatch."""
    if not by:
        return ex
    return ex.model_copy(update={
        "entities": tuple(e.model_copy(update={"mentions": tuple(_shift(m, by) for m in e.mentions)})
                          for e in ex.entities),
        "events": tuple(e.model_copy(update={"evidence": tuple(_shift(m, by) for m in e.evidence)})
                        for e in ex.events),
        "relations": tuple(r.model_copy(update={"evidence": tuple(_shift(m, by) for m in r.evidence)})
                           for r in ex.relations),
        "analogies": tuple(a.model_copy(update={"evidence": tuple(_shift(m, by) for m in a.evidence)})
                           for a in ex.analogies),
    })


def join_windows(parts: list[Extraction]) -> Extraction:
    """One extraction of the dispatch from its windows' extractions (already shifted)."""
    from kg.link.merge import merge

    b = merge(parts)
    return parts[0].model_copy(update={"entities": b.entities, "events": b.events, "relations": b.relations,
                                       "analogies": b.analogies})
