"""kg.nlp.dates: absolute and relative date expressions -> ISO strings."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.nlp import dates as kdates
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


def _find_all(text: str, ref: dt.date | None) -> list:
    """find_dates without its cheap pre-tests: every pattern searched."""
    from kg.nlp import dates as D

    taken: list[tuple[int, int]] = []
    out = []
    for kind, rx in D._PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken) or (kind == "month_only" and m.group("mon").lower() == "may"):
                continue
            taken.append((s, e))
            out.append(D.DateMatch(s, e, m.group(0), kind, D._iso(kind, m, ref)))
    return sorted(out, key=lambda d: d.start)


@pytest.mark.parametrize("text", [
    "The rules took effect on 15 March 2024 and were widened LAST YEAR.",
    "TWO YEARS AGO the ministry acted; it did so again last month, on Monday.",
    "Yesterday the agency said that during the Cold War exports were curbed.",
    "In the late 1990s and in June the board met; in May it may meet.",
    "A plan with no date at all.",
    "It was announced on March 15, 2024; the filing is dated 2024-06-01.",
    "THE COLD WAR ENDED IN THE 1990S; TODAY, A FRIDAY, IT IS HISTORY.",
])
def test_find_dates_pretests_keep_matches(text):
    # the per-pattern pre-tests (a digit, a word) only skip searches that cannot match
    from kg.nlp import dates as D

    assert len(D._NEEDS) == len(D._PATTERNS)
    for ref in (None, REF):
        assert find_dates(text, ref) == _find_all(text, ref)


@pytest.mark.parametrize("text,era", [
    ("Exports were curbed in the 1990s.", True),
    ("IN THE 1980S the rules were looser.", True),
    ("During the Cold War the list was longer.", True),
    ("DURING THE COLD WAR exports were curbed.", True),
    ("The 2024 rules took effect last year.", False),
    ("A cold spell delayed the vote.", False),
])
def test_has_era_pretest(text, era):
    # the pre-test (a decade's "<digit>0s", or "cold") only skips texts no era pattern can match
    assert has_era(text) is era
    assert any(d.kind == "era" for d in _find_all(text, None)) is era


@pytest.mark.parametrize("text,expected", [
    ("Lumo fined over chip exports\nJane Roe\nMarch 4, 2021\n3 Min Read\nThe ministry fined Lumo on Monday.",
     dt.date(2021, 3, 4)),
    ("Lumo fined\nPublished on 4 Mar 2021 | 5 minute read\nThe ministry fined Lumo.", dt.date(2021, 3, 4)),
    ("Lumo fined\n(Example News Agency March 4, 2021)\nThe ministry fined Lumo.", dt.date(2021, 3, 4)),
    ("Lumo fined\nUpdated: Mar 4, 2021 Print\nThe ministry fined Lumo.", dt.date(2021, 3, 4)),
])
def test_dateline_gives_the_publication_date(text, expected):
    assert kdates.dateline(text) == expected


@pytest.mark.parametrize("text", [
    "The ministry fined Lumo.\nThe new law will come into force on September 1, 2016.",  # a sentence
    "Today : Jun 09, 2025\nThe ministry fined Lumo.",  # the day the page was read
    "The ministry fined Lumo on 4 March 2021 after a long investigation into its exports of drone parts to Iran",
    "The ministry fined Lumo in March 2021.",  # no full date on a line of its own
])
def test_dateline_is_a_line_of_its_own(text):
    assert kdates.dateline(text) is None
