"""The demo corpus in data/samples/: every file reads, every reader is exercised, dispatches are whole."""
from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.ingest import READERS, iter_dispatches


@pytest.fixture(scope="module")
def samples(samples_dir):
    return list(iter_dispatches([samples_dir]))


def test_samples_all_read_without_errors(samples):
    errors = [x for x in samples if isinstance(x, InputError)]
    assert not errors, errors
    assert len({d.id for d in samples}) == len(samples)  # no duplicate texts


def test_samples_exercise_every_reader(samples):
    assert {d.format for d in samples} == {name for name in READERS if name != "jsonl"} | {"json"}


def test_samples_dispatches_have_title_standfirst_body_and_verifier_note(samples):
    dispatches = [d for d in samples if d.format == "dispatch"]
    assert 7 <= len(dispatches) <= 9
    for d in dispatches:
        parts = d.text.split("\n\n")
        assert parts[0] == d.title and parts[1] == d.standfirst
        assert 5 <= len(parts) - 2 <= 9, (d.source, len(parts) - 2)
        assert d.verification_note and d.verification_note not in d.text
        assert "$0." not in d.text and "Autonomous AI dispatch" not in d.text


def test_samples_written_dispatches_are_dated(samples):
    dated = [d for d in samples if d.format == "dispatch" and d.date is not None]
    assert len(dated) >= 6
    assert all(d.date.year >= 2019 for d in dated)
