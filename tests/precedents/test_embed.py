"""Offline wordllama embeddings: loaded from the installed package, never from the network."""
from __future__ import annotations

import numpy as np
import pytest

from kg.precedents import embed


@pytest.fixture()
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    embed.model.cache_clear()
    yield tmp_path
    embed.model.cache_clear()


def test_model_loads_offline_into_project_cache(fresh_cache, monkeypatch):
    import requests

    def no_network(*a, **k):
        raise AssertionError("wordllama tried to download")

    monkeypatch.setattr(requests, "get", no_network)
    monkeypatch.setattr(requests.Session, "request", no_network)
    e = embed.Embedder()
    v = e.vectors(["chip export controls", ""])
    assert v.shape == (2, embed.DIM)
    assert np.isclose(np.linalg.norm(v[0]), 1.0, atol=1e-4) and not v[1].any()
    assert (fresh_cache / "wordllama" / "weights" / f"{embed.CONFIG}_{embed.DIM}.safetensors").exists()


def test_similar_meaning_scores_higher_without_shared_words():
    e = embed.default_embedder()
    close = e.cosine("a regulator suspends a chatbot over privacy", "data protection authority blocks an AI assistant")
    far = e.cosine("a regulator suspends a chatbot over privacy", "subsidies for steel mills")
    assert 0.0 <= far < close <= 1.0
    assert e.cosine("", "anything") == 0.0
