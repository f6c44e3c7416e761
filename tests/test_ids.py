"""kg.ids: deterministic, valid identifiers whatever the text."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import ids
from kg.vocab import RES_IRI

SAFE = re.compile(r"^[a-z0-9/\-QA-Z]+$")


@pytest.mark.parametrize("name,expected", [
    ("Bureau of Industry & Security", "bureau-of-industry-and-security"),
    ("  DeepSeek  ", "deepseek"),
    ("Türkiye", "turkiye"),
    ("U.S.", "u-s"),
])
def test_ids_slug_examples(name, expected):
    assert ids.slug(name) == expected


def test_ids_slug_non_ascii_name_gets_stable_hash():
    a, b = ids.slug("华为"), ids.slug("华为")
    assert a == b and a.startswith("x") and a != ids.slug("阿里巴巴")


def test_ids_entity_key_prefers_qid():
    assert ids.entity_key("Country", "China", "Q148") == "wd/Q148"
    assert ids.entity_key("Company", "DeepSeek", None) == "company/deepseek"
    assert ids.entity_key("Company", "DeepSeek", "not-a-qid") == "company/deepseek"


def test_ids_event_key_ignores_order_of_sets():
    a = ids.event_key("ExportControl", ["wd/Q55", "wd/Q30"], ["tech/duv"], ["Semiconductors"], "2023")
    b = ids.event_key("ExportControl", ["wd/Q30", "wd/Q55"], ["tech/duv"], ["Semiconductors"], "2023")
    c = ids.event_key("ExportControl", ["wd/Q30"], ["tech/duv"], ["Semiconductors"], "2023")
    assert a == b != c and a.startswith("event/")


def test_ids_iri_roundtrip():
    key = ids.entity_key("Group", "AI researchers")
    assert str(ids.iri(key)) == RES_IRI + "group/ai-researchers"
    assert ids.key_of(ids.iri(key)) == key
    assert ids.key_of("http://example.org/x") is None


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(["Company", "Person", "Group", "Legislation"]))
def test_ids_minted_iris_are_always_valid(text, type_):
    iri = str(ids.iri(ids.entity_key(type_, text)))
    assert iri.startswith(RES_IRI)
    tail = iri[len(RES_IRI):]
    assert SAFE.match(tail), tail
    assert len(tail) <= 120
