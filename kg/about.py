"""Versions of the package and what it runs on."""
from __future__ import annotations

from importlib import metadata

__version__ = "0.1.0"


def _v(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def about() -> dict[str, str]:
    from kg.nlp.model import default_model_name

    return {
        "policykg": __version__,
        "spacy model": default_model_name() or "none installed",
        "spacy": _v("spacy"),
        "rdflib": _v("rdflib"),
        "neo4j driver": _v("neo4j"),
        "arcadedb-embedded": _v("arcadedb-embedded"),
    }
