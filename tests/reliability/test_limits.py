"""Streaming: reading a folder of 100,000 small files takes about the memory of reading 1,000."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

_ITERATE = """
import json, resource, sys
from kg.ingest import iter_dispatches
from kg.errors import InputError
n = bad = chars = 0
for item in iter_dispatches([sys.argv[1]]):
    if isinstance(item, InputError):
        bad += 1
    else:
        n += 1
        chars += len(item.text)
print(json.dumps({"dispatches": n, "errors": bad, "chars": chars,
                  "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _make_folder(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        with open(folder / f"d{i:06d}.txt", "w", encoding="utf-8") as fh:
            fh.write(f"Item {i}\n\nRuritania's ministry said on day {i} that it would review chip exports.\n")
    return folder


def _peak(folder: Path) -> dict:
    r = subprocess.run([sys.executable, "-c", _ITERATE, str(folder)], capture_output=True, text=True,
                       timeout=900, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_limits_100k_files_stream_with_bounded_memory(tmp_path):
    small = _peak(_make_folder(tmp_path / "k1", 1_000))
    try:
        large = _peak(_make_folder(tmp_path / "k100", 100_000))
    finally:
        shutil.rmtree(tmp_path / "k100", ignore_errors=True)   # 100,000 inodes: do not keep them
    assert (small["dispatches"], large["dispatches"]) == (1_000, 100_000)
    assert small["errors"] == large["errors"] == 0
    # 100x the files: a directory listing of 100,000 names is held while walking (a few MB);
    # the dispatches themselves (~8 MB of text here) must not be
    grown_mb = (large["peak_rss_kb"] - small["peak_rss_kb"]) / 1024
    print(f"peak RSS: 1k files {small['peak_rss_kb'] / 1024:.0f} MB, 100k files "
          f"{large['peak_rss_kb'] / 1024:.0f} MB (+{grown_mb:.0f} MB)")
    assert grown_mb < 48, (small, large)


class _Counting:
    """A stand-in Doc: counts sentence look-ups (each walks the document in spaCy: O(length))."""

    def __init__(self, text: str):
        self.text, self.lookups, self.user_data = text, 0, {}

    def __len__(self):
        return len(self.text.split())

    def __getitem__(self, i):
        doc = self

        class _Tok:
            @property
            def sent(self):
                doc.lookups += 1
                return type("S", (), {"start": 0})()
        return _Tok()


def test_limits_known_as_looks_up_sentences_only_for_candidates():
    """kg.nlp.entities.known_as once asked for the sentence of every pair of neighbouring mentions
    before checking the cheap 'known as' text between them: quadratic time in a long document
    (3.5 s CPU at 50,000 characters, 30 s at 200,000)."""
    from types import SimpleNamespace

    from kg.nlp.entities import known_as

    parts, taken, pos = [], [], 0
    for i in range(2000):
        name = f"Firm{i}"
        sep = ", known as " if i % 500 == 0 else ", and "
        taken.append((2 * i, 2 * i + 1, SimpleNamespace(type="Company", start=pos, end=pos + len(name), key=None,
                                                        name=None, wikidata=None, surface=name)))
        parts.append(name + sep)
        pos += len(name) + len(sep)
    doc = _Counting("".join(parts))
    known_as(doc, taken)
    assert doc.lookups <= 2 * 4          # only the 4 'known as' pairs need their sentences
    assert taken[1][2].name == taken[0][2].name == "Firm0"   # and the rule still applies
