"""The precedent base is quoted as fact: every record names the published sources it was checked
against and the day it was checked, and its id, date and description agree on when it happened.

What a record must contain and how records are checked: data/precedents/README.md."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from kg.precedents.base import PrecedentRecord, load_base

_YEAR = re.compile(r"(?<![\d,.])(1[89]\d\d|20\d\d)(?!\d|s\b)")   # not "2,500" or "the 2020s"
_ID_YEAR = re.compile(r"-(\d{4})$")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bNo)(?<!\bPub)(?<!\bL)\.\s+(?=[A-Z])")


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    m = _SENTENCE_END.search(text)
    return text[:m.start() + 1] if m else text


def _years(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(text)]


def date_problems(r: PrecedentRecord) -> list[str]:
    """What is inconsistent between a record's id, date, end date and description."""
    out = []
    m = _ID_YEAR.search(r.id)
    if not m:
        out.append("the id does not end in a year (-YYYY)")
    elif int(m.group(1)) != r.year:
        out.append(f"the id says {m.group(1)} but the date is {r.date}")
    years = _years(r.description)
    end = int(r.end_date[:4]) if r.end_date else None
    if end is not None and any(y > end for y in years):
        out.append(f"the description mentions {max(years)}, after the end date {r.end_date}")
    # a description that dates anything (background, later milestones) must also date the measure
    # itself, so that a reader cannot take another year for the year it began
    if years and r.year not in years:
        out.append(f"the description mentions {sorted(set(years))} but not the record's year {r.year}")
    # the opening sentence says how the measure began: dated, it names the record's year or only
    # earlier background, and nothing after the end date (a measure in force may name a deadline)
    first = _years(_first_sentence(r.description))
    if first:
        if end is not None and max(first) > end:
            out.append(f"the first sentence mentions {max(first)}, after the end date {r.end_date}")
        if r.year not in first and max(first) > r.year:
            out.append(f"the first sentence is dated {sorted(set(first))}, not {r.year}")
    return out


BASE = load_base()
RECORDS = BASE.records


@pytest.mark.parametrize("r", RECORDS, ids=lambda r: r.id)
def test_record_has_sources_and_checked_date(r):
    assert r.sources, "a record needs at least one published source"
    for s in r.sources:
        assert s.publisher.strip() and s.title.strip() and s.date, s
        assert s.url is None or s.url.startswith("https://"), s.url
        assert s.date[:10] <= r.checked, f"source dated {s.date}, after the check on {r.checked}"
    checked = dt.date.fromisoformat(r.checked)
    assert checked <= dt.date.today(), f"checked date {r.checked} is in the future"
    assert r.year <= checked.year


@pytest.mark.parametrize("r", RECORDS, ids=lambda r: r.id)
def test_id_date_and_description_agree(r):
    assert date_problems(r) == []


def _record(**kw) -> PrecedentRecord:
    base = dict(id="x-measure-1992", label="A measure", actor="United States", measure="ExportControl",
                target_kind="technology", targets=["encryption software"], sectors=["Cryptography"],
                date="1992", description="A description long enough to pass the length check of the "
                "record model, written for this test only and naming nothing real.",
                reference="https://example.org/x", checked="2026-12-02",
                sources=[{"publisher": "Publisher", "title": "A title", "date": "1992"}])
    base.update(kw)
    return PrecedentRecord.model_validate(base)


@pytest.mark.parametrize("kw,expect", [
    ({"id": "x-measure-1991"}, "the id says 1991"),
    ({"id": "x-measure"}, "does not end in a year"),
    ({"description": "Through the early 1990s encryption was a munition. In 1996 it moved to Commerce "
                     "control, which is what this made-up test record describes at length."},
     "not the record's year 1992"),
    ({"end_date": "1996", "description": "In 1992 something began and in 1999 it ended, which is what "
                                         "this made-up test record describes at some length."},
     "after the end date"),
    ({"description": "A law applying from 1994 set up a scheme. It is described here at length for the "
                     "test only, and in 1992 nothing else happened."},
     "first sentence is dated [1994]"),
])
def test_date_problems_catch_inconsistent_records(kw, expect):
    assert any(expect in p for p in date_problems(_record(**kw))), date_problems(_record(**kw))


def test_date_problems_accept_consistent_record():
    r = _record(end_date="1996", description="Encryption had been a munition since the 1950s. In 1992 an "
                "arrangement eased export of 40-bit products, until rules moved to Commerce in 1996.")
    assert date_problems(r) == []


def test_known_corrections_stay_corrected():
    by_id = BASE.by_id()
    crypto = by_id["us-crypto-munitions-1992"].description
    assert "1992" in crypto and "Cold War" in crypto
    sakharov = by_id["ussr-sakharov-exile-1980"].description
    assert "1975" in sakharov and "Oslo" in sakharov
    ai = by_id["china-ai-researcher-travel-approval-2025"].description
    assert "Wall Street Journal" in ai and "The Information" in ai
    assert "nsg-1974" not in by_id and by_id["nsg-1975"].date.startswith("1975")
    assert by_id["us-toshiba-kongsberg-sanctions-1988"].date.startswith("1988")
