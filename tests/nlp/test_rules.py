"""Rule data files (kg/nlp/rules/*.yaml): they load, and a broken file names file:line."""
from __future__ import annotations

import pytest

from kg.errors import ConfigError
from kg.models import MEASURES, SECTORS
from kg.nlp import rules


@pytest.fixture
def rule_dir(tmp_path, monkeypatch):
    """Point the loader at a temporary directory (as importlib.resources would a package)."""
    monkeypatch.setattr(rules, "files", lambda _pkg: tmp_path)
    return tmp_path


def test_rules_every_file_loads():
    trig, cues, questions = rules.triggers(MEASURES)
    assert trig and cues and questions
    assert not {r for r, _, _ in trig} & {r for r, _, _ in questions}
    sectors, weak, _fields = rules.sector_cues(SECTORS)
    assert weak <= {c for cs in sectors.values() for c in cs}


def test_rules_composed_lists_share_their_words():
    from kg.nlp.entities import words as W

    assert W.CORP_TAIL - {"company"} <= W.COMPANY_SUFFIX
    assert {"venture", "hedge-fund"} | W.FIELD_MODIFIERS >= W.DOMAIN_MODIFIERS


@pytest.mark.parametrize("text,line,problem", [
    ("a: [x, y]\nb: [z, x, z]\n", 2, "listed twice"),
    ("a: [x]\nb:\n  include: [c]\n  words: [y]\n", 3, "no such list above"),
    ("a: [x]\nb: [y]\nc: [q]\n", 3, "unknown key"),
    ("a: [x, 3]\nb: [y]\n", 1, "expected a string"),
    ("a: [x\nb: [y]\n", 2, "not valid YAML"),
])
def test_rules_word_list_errors_name_file_and_line(rule_dir, text, line, problem):
    (rule_dir / "w.yaml").write_text(text)
    with pytest.raises(ConfigError) as err:
        rules.word_lists("w.yaml", ("a", "b"))
    assert f"w.yaml:{line}:" in str(err.value) and problem in str(err.value)


def test_rules_trigger_errors_name_file_and_line(rule_dir):
    (rule_dir / "triggers.yaml").write_text(
        "triggers:\n  - {rule: r1, measure: Ban, phrase: ban}\n  - {rule: r2, measure: Bann, phrase: ban}\n"
        "object_cues: []\n")
    with pytest.raises(ConfigError, match=r"triggers.yaml:3: unknown measure kind 'Bann'"):
        rules.triggers(MEASURES)
    (rule_dir / "triggers.yaml").write_text(
        "triggers:\n  - {rule: r1, measure: Ban, phrase: ban}\n  - {rule: r1, measure: null, phrase: curbs}\n"
        "object_cues: []\n")
    with pytest.raises(ConfigError, match=r"triggers.yaml:3: rule 'r1' is named twice"):
        rules.triggers(MEASURES)


def test_rules_sector_errors_name_file_and_line(rule_dir):
    (rule_dir / "sectors.yaml").write_text("sector_cues:\n  Nuclear: [nuclear]\n  Space: [rocket]\nweak: []\nfields: []\n")
    with pytest.raises(ConfigError, match=r"sectors.yaml:3: unknown sector 'Space'"):
        rules.sector_cues(SECTORS)
