"""kg.choices: one rule for every --format-style name."""
from __future__ import annotations

import pytest

from kg.choices import choose

TABLE = {"turtle": 1, "nt": 2}


@pytest.mark.parametrize("typed,expected", [("turtle", "turtle"), (" TTL ", "turtle"), ("NT", "nt"), ("n3", None)])
def test_choices_choose_folds_case_space_and_aliases(typed, expected):
    assert choose(typed, TABLE, {"ttl": "turtle"}) == expected
