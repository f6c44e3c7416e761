"""The "dispatch" format: the layout of the autonomous AI news dispatches.

    [date YYYY-MM-DD]                     optional publication date
    · $0.19                               price line
    Autonomous AI dispatch. ...           tagline
    Title
    Standfirst (one-sentence summary)
    Body paragraph, one per line (or blocks separated by blank lines)
    ...
    Verifier                              closing block: how claims were checked (metadata)
    Each factual claim was checked ...

The price line and tagline are dropped; the Verifier block goes to ``Dispatch.verification_note``
and never into ``Dispatch.text``. The format is recognised by its shape (:func:`looks_like`), not by
the file name.
"""
from __future__ import annotations

import re

from kg.errors import InputError
from kg.ingest.normalize import DATE_LINE, build, paragraphs, take_date_line
from kg.models import Dispatch

NAME = "dispatch"

PRICE = re.compile(r"^[·•∙⋅*-]?\s*[$€£]\s?\d+(?:[.,]\d+)?\s*$")
TAGLINE = re.compile(r"^autonomous\b.{0,40}\bdispatch\b", re.IGNORECASE)
#: right after a price line, a sentence (ends with ".") that calls itself a dispatch is the tagline
_OTHER_TAGLINE = re.compile(r"\bdispatch\b.*\.$", re.IGNORECASE)
VERIFIER = re.compile(r"^\s*verifier\s*:?\s*$", re.IGNORECASE)


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _verifier_at(lines: list[str]) -> int | None:
    """Index of the line opening the Verifier block (the last such line after some text)."""
    for i in range(len(lines) - 1, 0, -1):
        if VERIFIER.match(lines[i]):
            return i
    return None


def looks_like(text: str) -> bool:
    """A price line or tagline at the top, or a closing Verifier block."""
    lines = _lines(text)
    if lines and DATE_LINE.match(lines[0]):
        lines = lines[1:]
    if any(PRICE.match(ln) for ln in lines[:2]) or any(TAGLINE.match(ln) for ln in lines[:3]):
        return True
    return _verifier_at(lines) is not None and len(lines) >= 3


def _strip_header(raw: list[str]) -> list[str]:
    """Drop the price line and tagline (and blank lines around them) from the top."""
    i, dropped, after_price = 0, 0, False
    while i < len(raw) and dropped < 2:
        ln = raw[i].strip()
        if not ln:
            i += 1
        elif PRICE.match(ln) or TAGLINE.match(ln) or (after_price and _OTHER_TAGLINE.search(ln)):
            after_price = bool(PRICE.match(ln))
            i, dropped = i + 1, dropped + 1
        else:
            break
    return raw[i:] if dropped else raw


def read(text: str, source: str) -> list[Dispatch]:
    date, rest = take_date_line(text, source)
    raw = _strip_header(rest.split("\n"))
    if date is None:  # the date line may also follow the price line and tagline
        date, body = take_date_line("\n".join(raw), source)
        raw = body.split("\n")
    note = None
    filled = [i for i, ln in enumerate(raw) if ln.strip()]
    for i in reversed(filled[1:]):
        if VERIFIER.match(raw[i]):
            note = "\n".join(raw[i + 1:])
            raw = raw[:i]
            break
    paras = paragraphs("\n".join(raw))
    if not paras:
        raise InputError(source, "dispatch has a header but no title or body")
    return [build(source=source, fmt=NAME, title=paras[0], standfirst=paras[1] if len(paras) > 1 else None,
                  paragraphs=paras[2:], date=date, verification_note=note)]
