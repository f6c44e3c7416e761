"""Which gazetteer the components use.

Components take a ``gazetteer`` name in their config (JSON-serialisable, so the pipeline can be
assembled from a config dict). ``"default"`` is :func:`kg.link.gazetteer.default_gazetteer`;
tests register small in-memory gazetteers under other names with :func:`register_gazetteer`.
Anything with the members of :class:`kg.link.gazetteer.GazetteerLike` (lookup, by_name, by_key,
demonym, capital, ruler_patterns, relations) works.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike

_REGISTRY: dict[str, GazetteerLike] = {}


class EmptyGazetteer:
    """Stands in when no gazetteer is available: every look-up misses."""

    entries: tuple = ()

    def lookup(self, surface: str) -> None:
        return None

    def by_name(self, canonical: str) -> None:
        return None

    def by_key(self, key: str) -> None:
        return None

    def demonym(self, word: str) -> None:
        return None

    def capital(self, word: str) -> None:
        return None

    def ruler_patterns(self) -> list[dict]:
        return []

    def relations(self) -> list[tuple[str, str, str]]:
        return []


def register_gazetteer(name: str, gazetteer: GazetteerLike) -> None:
    _REGISTRY[name] = gazetteer


def get_gazetteer(name: str = "default") -> GazetteerLike:
    if name in _REGISTRY:
        return _REGISTRY[name]
    if name == "default":
        try:
            from kg.link.gazetteer import default_gazetteer
        except ImportError:  # the gazetteer module is not installed in this tree
            gaz: GazetteerLike = EmptyGazetteer()
        else:
            gaz = default_gazetteer()
        _REGISTRY[name] = gaz
        return gaz
    if name == "none":
        return EmptyGazetteer()
    from kg.errors import ConfigError

    raise ConfigError(f"unknown gazetteer {name!r}")
