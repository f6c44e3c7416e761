"""Which gazetteer the components use.

Components take a ``gazetteer`` name in their config (JSON-serialisable, so the pipeline can be
assembled from a config dict). ``"default"`` is :func:`kg.link.gazetteer.default_gazetteer`;
tests register small in-memory gazetteers under other names with :func:`register_gazetteer`.
Anything with the Gazetteer API (lookup, by_name, demonym, capital, ruler_patterns, relations)
works.
"""
from __future__ import annotations

from typing import Any

_REGISTRY: dict[str, Any] = {}


class EmptyGazetteer:
    """Stands in when no gazetteer is available: every look-up misses."""

    entries: tuple = ()

    def lookup(self, surface: str):
        return None

    def by_name(self, canonical: str):
        return None

    def demonym(self, word: str):
        return None

    def capital(self, word: str):
        return None

    def ruler_patterns(self) -> list[dict]:
        return []

    def relations(self) -> list[tuple[str, str, str]]:
        return []


def register_gazetteer(name: str, gazetteer: Any) -> None:
    _REGISTRY[name] = gazetteer


def get_gazetteer(name: str = "default"):
    if name in _REGISTRY:
        return _REGISTRY[name]
    if name == "default":
        try:
            from kg.link.gazetteer import default_gazetteer
        except ImportError:  # the gazetteer module is not installed in this tree
            gaz: Any = EmptyGazetteer()
        else:
            gaz = default_gazetteer()
        _REGISTRY[name] = gaz
        return gaz
    if name == "none":
        return EmptyGazetteer()
    from kg.errors import ConfigError

    raise ConfigError(f"unknown gazetteer {name!r}")
