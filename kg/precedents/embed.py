"""Offline sentence embeddings for precedent ranking (``wordllama`` static token embeddings).

``wordllama==0.4.0.post1`` ships its ``l2_supercat_256`` weights (256 dimensions, 16 MB) and the
tokenizer configuration inside the wheel, so no network is needed. Its ``WordLlama.load`` looks
for the tokenizer under a directory name the wheel does not use and would then try to download
it; we therefore build a small cache folder (links to, or copies of, the packaged files) under the
project's cache directory at first use and load with ``disable_download=True``.

An embedding is the mean of the text's token vectors (wordllama's own pooling), L2-normalised,
so the cosine of two texts is a dot product. Measured against spaCy's small model (which has no
static word vectors, only context tensors) and TF-IDF in ``docs/precedents.md``.
"""
from __future__ import annotations

import os
import shutil
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

CONFIG = "l2_supercat"
DIM = 256
_WEIGHTS = f"{CONFIG}_{DIM}.safetensors"
_TOKENIZER = f"{CONFIG}_tokenizer_config.json"


def cache_dir() -> Path:
    """``$KG_CACHE_DIR/wordllama`` or the user cache directory of ``policykg``."""
    root = os.environ.get("KG_CACHE_DIR")
    if not root:
        from platformdirs import user_cache_dir
        root = user_cache_dir("policykg")
    return Path(root) / "wordllama"


def _place(src: Path, dst: Path) -> None:
    if dst.exists() and dst.stat().st_size == src.stat().st_size:
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(dst.name + f".{os.getpid()}.tmp")
    try:
        os.symlink(src, tmp)
    except OSError:
        shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


@lru_cache(maxsize=1)
def model():
    """The wordllama model, loaded from the files inside the installed package (no network)."""
    from wordllama import WordLlama

    pkg = resources.files("wordllama")
    weights = Path(str(pkg / "weights" / _WEIGHTS))
    tokenizer = Path(str(pkg / "tokenizers" / _TOKENIZER))
    if not weights.is_file() or not tokenizer.is_file():
        raise RuntimeError(f"wordllama package lacks {_WEIGHTS} or {_TOKENIZER}: reinstall wordllama==0.4.0.post1")
    d = cache_dir()
    for sub in ("weights",):
        _place(weights, d / sub / _WEIGHTS)
    for sub in ("tokenizer", "tokenizers"):   # the name load() looks for differs between versions
        _place(tokenizer, d / sub / _TOKENIZER)
    return WordLlama.load(config=CONFIG, dim=DIM, cache_dir=d, disable_download=True)


class Embedder:
    """Text -> unit vector, cached per text."""

    def __init__(self):
        self._cache: dict[str, np.ndarray] = {}
        self._zero = np.zeros(DIM, dtype=np.float32)

    def vectors(self, texts: list[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t and t not in self._cache]
        if todo:
            m = np.asarray(model().embed(todo, norm=True), dtype=np.float32)
            for t, v in zip(todo, m):
                self._cache[t] = v
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([self._cache.get(t, self._zero) if t else self._zero for t in texts])

    def vector(self, text: str) -> np.ndarray:
        return self.vectors([text])[0]

    def cosine(self, a: str, b: str) -> float:
        if not a or not b:
            return 0.0
        return float(max(0.0, min(1.0, self.vector(a) @ self.vector(b))))


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """One process-wide embedder (the model loads once, vectors are cached per text)."""
    return Embedder()
