"""Readers: dispatch text, plain text, Markdown, HTML, JSON(L) and RSS/Atom feeds -> Dispatch.

    from kg.ingest import iter_dispatches, read_text

    for item in iter_dispatches(["data/samples/"]):   # Dispatch, or InputError for a bad input
        ...
    [d] = read_text("date 2024-05-01\\nTitle\\n\\nBody.", fmt="txt")

See docs/ingest.md for the formats and how ``Dispatch.text`` is assembled.
"""
from __future__ import annotations

from kg.ingest.normalize import build, decode, normalize, text_id
from kg.ingest.registry import READERS, SUFFIXES, sniff
from kg.ingest.sources import DEFAULT_MAX_BYTES, iter_dispatches, read_file, read_text, walk

__all__ = ["DEFAULT_MAX_BYTES", "READERS", "SUFFIXES", "build", "decode", "iter_dispatches", "normalize",
           "read_file", "read_text", "sniff", "text_id", "walk"]
