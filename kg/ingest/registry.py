"""Which reader reads what: one table by file suffix, and sniffing for stdin and suffix-less files."""
from __future__ import annotations

import re
from collections.abc import Callable

from kg.choices import choose as choose_name
from kg.errors import InputError
from kg.ingest import dispatch, feed, html, jsonrec, markdown, text
from kg.models import Dispatch

Reader = Callable[[str, str], list[Dispatch]]

#: reader name -> read(text, source); the name is what Dispatch.format says
READERS: dict[str, Reader] = {
    dispatch.NAME: dispatch.read,
    text.NAME: text.read,
    markdown.NAME: markdown.read,
    html.NAME: html.read,
    jsonrec.NAME: jsonrec.read,
    "jsonl": jsonrec.read_lines,  # JSON Lines: same reader, one record per line
    feed.NAME: feed.read,
}

#: file suffix (lower case) -> reader name; ".txt" is sniffed between dispatch and txt
SUFFIXES: dict[str, str] = {
    ".txt": text.NAME, ".text": text.NAME,
    ".md": markdown.NAME, ".markdown": markdown.NAME,
    ".html": html.NAME, ".htm": html.NAME, ".xhtml": html.NAME,
    ".json": jsonrec.NAME, ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": feed.NAME, ".rss": feed.NAME, ".atom": feed.NAME,
}

#: accepted spellings of --format style names
ALIASES = {"text": text.NAME, "markdown": markdown.NAME, "htm": html.NAME, "ndjson": "jsonl",
           "rss": feed.NAME, "atom": feed.NAME, "xml": feed.NAME}

_HEADING = re.compile(r"^#{1,6}\s+\S")


def reader_name(fmt: str, source: str = "-") -> str:
    name = choose_name(fmt, READERS, ALIASES)
    if name is None:
        raise InputError(source, f"unknown format {fmt!r} (known: {', '.join(sorted(READERS))})")
    return name


def sniff(content: str) -> str:
    """The reader for content of unknown kind (stdin, a file without a suffix)."""
    head = content.lstrip()[:4000]
    if head.startswith("<"):
        return feed.NAME if feed.looks_like(head) else html.NAME
    if head.startswith(("{", "[")):
        return jsonrec.NAME
    if head.startswith("---\n"):
        return markdown.NAME
    if dispatch.looks_like(content):
        return dispatch.NAME
    first = next((ln for ln in head.split("\n") if ln.strip()), "")
    if _HEADING.match(first):
        return markdown.NAME
    return text.NAME


def choose(suffix: str | None, content: str) -> str:
    """Reader for a file: by suffix (``.txt`` may turn out to be a dispatch); None -> sniff."""
    if not suffix:
        return sniff(content)
    name = SUFFIXES[suffix.lower()]
    if name == text.NAME and dispatch.looks_like(content):
        return dispatch.NAME
    return name


def known_suffix(suffix: str) -> bool:
    return suffix.lower() in SUFFIXES
