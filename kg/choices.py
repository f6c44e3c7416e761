"""Choosing by name from one table: the shared rule behind every ``--format``-style option.

Output formats, export formats and input readers each keep ONE table of known names plus a table
of accepted spellings; :func:`choose` turns what a user typed into a key of that table, and the
caller raises its own error (with its own wording) when nothing matches.
"""
from __future__ import annotations

from collections.abc import Container, Mapping


def choose(name: str, known: Container[str], aliases: Mapping[str, str] | None = None) -> str | None:
    """``name`` case- and space-insensitively, through ``aliases``; None when it is not in ``known``."""
    key = name.strip().lower()
    key = (aliases or {}).get(key, key)
    return key if key in known else None
