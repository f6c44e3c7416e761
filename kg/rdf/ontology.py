"""Locating and loading the ontology files (``ontology/policy.ttl``, ``ontology/shapes.ttl``).

The files live once, in the repository's ``ontology/`` folder (the one place IRIs are spelt).
They are found, in order:

1. in the folder named by the environment variable ``KG_ONTOLOGY_DIR``;
2. as package data (:func:`kg.resources.resource_path`): ``kg/_data/ontology`` links to the
   repository's folder in a checkout, and holds copies of the files in an installed wheel.

If neither has them the functions raise :class:`kg.errors.ConfigError` with a message saying to
set ``KG_ONTOLOGY_DIR``.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from kg.errors import ConfigError
from kg.resources import resource_path


def ontology_dirs() -> list[Path]:
    dirs = []
    env = os.environ.get("KG_ONTOLOGY_DIR")
    if env:
        dirs.append(Path(env))
    dirs.append(resource_path("ontology"))
    return dirs


def ontology_path(name: str = "policy.ttl") -> Path:
    """The path of an ontology file ('policy.ttl' or 'shapes.ttl')."""
    for d in ontology_dirs():
        p = d / name
        if p.is_file():
            return p
    raise ConfigError(f"ontology file {name} not found (looked in: "
                      + ", ".join(str(d) for d in ontology_dirs())
                      + "); set KG_ONTOLOGY_DIR to the folder holding policy.ttl and shapes.ttl")


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> Graph:
    return Graph().parse(path, format="turtle")


def load(name: str = "policy.ttl") -> Graph:
    """The parsed file (cached while the file is unchanged). Do not modify the returned graph."""
    p = ontology_path(name)
    return _load(str(p), p.stat().st_mtime)
