"""Space-free runs are broken before spaCy sees them (its tokenizer is quadratic in their length)."""
from __future__ import annotations

import re

import pytest

from kg.ingest import read_text
from kg.ingest.normalize import MAX_TOKEN, one_line


def test_normalize_long_runs_are_broken_and_words_kept():
    text = "Rules on chips. " + "%" * 1000 + " and " + "😀" * 300 + " end."
    out = one_line(text)
    assert max(len(t) for t in out.split(" ")) <= MAX_TOKEN
    assert out.replace(" ", "").count("%") == 1000 and out.startswith("Rules on chips.")
    assert one_line("A normal sentence with https://example.org/a/short/path.") == \
        "A normal sentence with https://example.org/a/short/path."


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_normalize_hostile_run_extracts_in_linear_time():
    from kg.nlp.extract import Extractor

    [d] = read_text("Export rules.\n\n" + ")" * 40_000 + "\n\nChina imposed export controls on gallium.")
    assert not re.search(r"\S{%d}" % (MAX_TOKEN + 1), d.text)
    ex = Extractor().extract(d)  # 40,000 ')' in one token took minutes before the break
    assert any(e.measure == "ExportControl" for e in ex.events)
