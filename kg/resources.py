"""Data files the library reads, found through :mod:`importlib.resources` (never through the source tree).

``kg/_data/`` holds links to the repository's ``ontology/``, ``queries/``, ``data/gazetteers/`` and
``data/precedents/``: the files stay where the repository layout puts them (and where the docs
name them), and setuptools copies them into the wheel as package data (``pyproject.toml``:
``[tool.setuptools.package-data]``), so an installed ``kg`` reads the same files as a checkout.
The rule files of the extractor are package data of :mod:`kg.nlp.rules`.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

#: the resource folders :func:`resource_path` knows
KINDS = ("gazetteers", "precedents", "ontology", "queries")


def resource_path(kind: str, *parts: str) -> Path:
    """The on-disk path of a shipped data folder (or a file in it): ``resource_path("ontology", "policy.ttl")``."""
    if kind not in KINDS:
        raise ValueError(f"unknown resource folder {kind!r} (known: {', '.join(KINDS)})")
    return Path(str(files("kg").joinpath("_data", kind, *parts)))
