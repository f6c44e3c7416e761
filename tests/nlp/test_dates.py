"""kg.nlp.dates: absolute and relative date expressions -> ISO strings."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.nlp.dates import find_dates, has_era, resolve_date

REF = dt.date(2025, 3, 12)  # a Wednesday


@pytest.mark.parametrize("text,expected", [
    ("The rules took effect on 15 March 2024.", "2024-03-15"),
    ("It was announced on March 15, 2024, in Brussels.", "2024-03-15"),
    ("The list was expanded in March 2023.", "2023-03"),
    ("Huawei was added in 2019.", "2019"),
    ("The filing is dated 2024-06-01.", "2024-06-01"),
    ("He said on 31 February 2024 nothing happened.", None),  # not a date
    ("The plant costs $2019 million.", None),
    ("The credit rises to 15 percent in 2025.", "2025"),
])
def test_dates_absolute(text, expected):
    assert resolve_date(text, REF) == expected
    assert resolve_date(text) == expected  # absolute dates need no reference date


@pytest.mark.parametrize("text,expected", [
    ("The UK ran a review last year.", "2024"),
    ("Officials will decide next year.", "2026"),
    ("The ministry said on Monday it would act.", "2025-03-10"),
    ("The ministry said on Wednesday it would act.", "2025-03-12"),
    ("Prices rose this month.", "2025-03"),
    ("The law passed three years ago.", "2022"),
    ("The decision came yesterday.", "2025-03-11"),
    ("The ban began in September.", "2024-09"),
])
def test_dates_relative_need_the_dispatch_date(text, expected):
    assert resolve_date(text, REF) == expected
    assert resolve_date(text) is None


def test_dates_most_precise_expression_wins():
    assert resolve_date("In 2023, on 4 July 2023, the rule changed.", REF) == "2023-07-04"


@pytest.mark.parametrize("text", ["in the 1990s", "during the Cold War", "in the late 1980s"])
def test_dates_eras_are_found_without_a_value(text):
    found = find_dates(f"Physicists faced curbs {text}.", REF)
    assert [d.kind for d in found] == ["era"] and found[0].iso is None
    assert has_era(text)


def test_dates_may_the_modal_is_not_a_month():
    # "in May" without a year is skipped on purpose: "may" is far more often the modal verb
    assert find_dates("Officials said more may follow in May.", REF) == []
    assert resolve_date("Regulators may act soon.", REF) is None
    assert resolve_date("The rule took effect in May 2024.", REF) == "2024-05"


def test_dates_offsets_point_into_the_text():
    text = "Japan introduced curbs in July 2023 and widened them on 1 May 2024."
    for d in find_dates(text, REF):
        assert text[d.start:d.end] == d.text
