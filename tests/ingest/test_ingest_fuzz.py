"""Property: any input either reads into well-formed Dispatches or fails with one InputError."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import READERS, read_text, text_id

_pieces = st.sampled_from([
    "· $0.19", "Autonomous AI dispatch. Tagline.", "Verifier", "date 2024-02-30", "date 2024-02-03",
    "---", "title: x", "# Heading", "<p>", "</p>", "<rss>", "<item><title>t</title></item>", "</rss>",
    "{", "}", '{"text": "a"}', "[", "]", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&amp;", "\x00", "\r\n", "\u2028",
    "e\u0301", "\ufeff", "Ruritania bans exports.", "  ", "\t", "\n", "\n\n",
])
_texts = st.lists(st.one_of(_pieces, st.text(max_size=20)), max_size=25).map("".join)


def _check(items):
    for d in items:
        assert d.text and d.text == d.text.strip() and "\n\n\n" not in d.text
        assert unicodedata.is_normalized("NFC", d.text)
        assert d.id == text_id(d.text)
        assert all(part and "\n" not in part for part in d.text.split("\n\n"))
        if d.title:
            assert d.text.startswith(d.title)


@pytest.mark.parametrize("fmt", [None, *sorted(READERS)])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts)
def test_fuzz_reader_returns_dispatches_or_raises_input_error(fmt, text):
    try:
        items = read_text(text, source="fuzz", fmt=fmt)
    except InputError as exc:
        assert exc.source == "fuzz" and "\n" not in exc.problem
        return
    _check(items)


@settings(max_examples=80, deadline=None)
@given(data=st.binary(max_size=300))
def test_fuzz_bytes_decode_or_refuse(data):
    try:
        items = read_text(data, source="fuzz")
    except InputError as exc:
        assert "\n" not in exc.problem
        return
    _check(items)
