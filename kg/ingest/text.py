"""Plain text (.txt without the dispatch markers).

An optional leading ``date YYYY-MM-DD`` line gives the date. Paragraphs are blocks separated by
blank lines, or single lines if the text has no blank line. The first line is the title when it
looks like a headline: a paragraph of its own, at most 150 characters and 20 words, not ending in
sentence punctuation (``.`` ``,`` ``;`` ``:``), and followed by more text. Otherwise there is no title.
"""
from __future__ import annotations

import re

from kg.ingest.normalize import build, one_line, paragraphs, take_date_line
from kg.models import Dispatch

NAME = "txt"

_ENDS_LIKE_SENTENCE = re.compile(r"[.,;:]['\"’”)]?$")


def looks_like_headline(line: str) -> bool:
    return (0 < len(line) <= 150 and len(line.split()) <= 20 and not _ENDS_LIKE_SENTENCE.search(line)
            and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'‘“"))


def split_title(text: str) -> tuple[str | None, list[str]]:
    """(title or None, body paragraphs) of plain text."""
    paras = paragraphs(text)
    first_line = one_line(next((ln for ln in text.split("\n") if ln.strip()), ""))
    if len(paras) >= 2 and paras[0] == first_line and looks_like_headline(first_line):
        return paras[0], paras[1:]
    return None, paras


def read(text: str, source: str) -> list[Dispatch]:
    date, rest = take_date_line(text, source)
    title, body = split_title(rest)
    return [build(source=source, fmt=NAME, title=title, paragraphs=body, date=date)]
