"""Corrections files: keys, decision validation, FILE:LINE errors, idempotent appends."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from kg import ids
from kg.corrections.io import append_decisions, effective, read_decisions
from kg.corrections.keys import parse_key
from kg.corrections.model import Decision
from kg.errors import ConfigError

WHEN = "2026-12-02T14:00:00Z"


def dec(**kw) -> dict:
    base = {"action": "reject", "subject": "event/abc", "describe": "an event", "who": "ana",
            "when": WHEN, "why": "not in the text"}
    base.update(kw)
    return base


@pytest.mark.parametrize("text,kind,norm", [
    ("event/abc", "event", "event/abc"),
    ("company/acme", "entity", "company/acme"),
    (str(ids.iri("wd/Q148")), "entity", "wd/Q148"),
    ("event/abc target wd/Q148", "role", "event/abc target wd/Q148"),
    ("company/acme headquarteredIn wd/Q148", "relation", "company/acme headquarteredIn wd/Q148"),
    ("<https://w3id.org/policykg/resource/company/acme> <https://w3id.org/policykg/ontology#partOf> wd/Q1",
     "relation", "company/acme partOf wd/Q1"),
    ("event/b analogousTo event/a", "analogy", "event/a analogousTo event/b"),
    ("dispatch/41ef", "dispatch", "dispatch/41ef"),
])
def test_keys_parse_normalises(text, kind, norm):
    k = parse_key(text)
    assert (k.kind, k.text) == (kind, norm)


@pytest.mark.parametrize("text", ["", "acme", "a b", "event/a color red", "x/a partOf"])
def test_keys_bad_shapes_raise(text):
    with pytest.raises(ValueError):
        parse_key(text)


def test_decision_valid_and_normalised():
    d = Decision.model_validate(dec(when="2026-12-02T15:00:00+01:00"))
    assert d.when == dt.datetime(2026, 12, 2, 14, tzinfo=dt.timezone.utc)
    assert Decision.model_validate_json(d.line()) == d


@pytest.mark.parametrize("bad,msg", [
    (dec(when="2026-12-02T14:00:00"), "time zone"),
    (dec(action="retype", subject="company/a", value="Planet"), "retype needs"),
    (dec(action="rename", subject="event/abc", value="X"), "entity key"),
    (dec(action="merge", subject="company/a"), "into"),
    (dec(action="accept", subject="company/a"), "for an entity"),
    (dec(subject="event/abc status Maybe"), "status"),
    (dec(action="add", subject="a/b partOf c/d"), "sentence"),
    (dec(who=""), "who"),
    (dec(subject="dispatch/41ef"), "only be accepted"),
    (dec(surprise=1), "surprise"),
])
def test_decision_invalid(bad, msg):
    with pytest.raises(ValueError, match=msg):
        Decision.model_validate(bad)


def test_read_reports_file_and_line(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text("# a comment\n" + json.dumps(dec()) + "\n\n{not json\n" + json.dumps(dec(why="")) + "\n")
    with pytest.raises(ConfigError) as err:
        read_decisions(p)
    msg = str(err.value)
    assert f"{p}:4:" in msg and f"{p}:5: why" in msg and f"{p}:2" not in msg


def test_read_missing_file(tmp_path):
    assert read_decisions(tmp_path / "none.jsonl", missing_ok=True) == []
    with pytest.raises(ConfigError, match="no such"):
        read_decisions(tmp_path / "none.jsonl")


def test_append_twice_writes_once_and_later_line_wins(tmp_path):
    p = tmp_path / "c.jsonl"
    d = Decision.model_validate(dec())
    assert append_decisions(p, [d]) == [d]
    assert append_decisions(p, [d.model_copy(update={"when": dt.datetime(2026, 12, 3, tzinfo=dt.timezone.utc)})]) == []
    accept = Decision.model_validate(dec(action="accept"))
    append_decisions(p, [accept])
    locs = read_decisions(p)
    assert [x.line for x in locs] == [1, 2]
    assert [x.decision.action for x in effective(locs)] == ["accept"]


def test_decision_role_date_must_be_iso():
    with pytest.raises(ValueError, match="YYYY"):
        Decision.model_validate(dec(action="accept", subject="event/abc date last-year"))
    assert Decision.model_validate(dec(action="accept", subject="event/abc date 2025-03")).subject.endswith("2025-03")
