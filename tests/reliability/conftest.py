"""Reliability fixtures: the real extractor (loaded once per session) and the fuzz harness."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from reliability_helpers import ROOT


@pytest.fixture(scope="session")
def fuzz():
    """bench/fuzz.py as a module: the case strategy and the per-case checks the nightly run uses."""
    spec = importlib.util.spec_from_file_location("kg_bench_fuzz", ROOT / "bench" / "fuzz.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def extractor():
    """The real spaCy pipeline with the shipped gazetteer, loaded once per session (slow)."""
    from kg.nlp.extract import Extractor

    return Extractor()
