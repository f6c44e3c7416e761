"""The precedent base: every record valid, coverage as promised, loader errors name file:line."""
from __future__ import annotations

import pytest

from kg.errors import ConfigError
from kg.models import MEASURES, SECTORS
from kg.precedents.base import NamedRef, base_batch, load_base


@pytest.fixture(scope="module")
def base():
    return load_base()


def test_base_every_record_valid_and_coverage(base):
    assert len(base) >= 80
    actors = {(a.name if isinstance(a, NamedRef) else a) for r in base.records for a in r.actors}
    assert len(actors) >= 20
    assert len({s for r in base.records for s in r.sectors}) >= 10
    for r in base.records:
        assert r.measure in MEASURES and set(r.sectors) <= set(SECTORS)
        assert r.reference.startswith("https://")
        assert len(r.description.split()) >= 15, r.id


def test_base_batch_events_carry_source_and_reference(base):
    g = base_batch(base)
    assert len(g.batch.events) == len(base)
    for ev in g.batch.events:
        assert ev.evidence[0].source == "precedent-base"
        assert ev.evidence[0].rule == "precedent-base:" + g.id_of[ev.key]
        assert ev.reference and ev.status
    meng = g.batch.events[[e.key for e in g.batch.events].index(g.key_of["meng-wanzhou-case-2018"])]
    china = next(e for e in g.batch.events if e.key == g.key_of["china-ai-researcher-travel-approval-2025"])
    assert meng.key in china.precedents
    assert g.instrument_event  # LegalCase/Legislation names point at their events


GOOD = """\
- id: a-one
  label: A first measure
  actor: China
  measure: ExportControl
  target_kind: goods
  targets: [gallium]
  sectors: [CriticalMinerals]
  date: "2020"
  description: A sufficiently long description of a made-up export control measure, written for the test only.
  reference: https://example.org/a
  sources:
    - publisher: Example Ministry
      title: A made-up notice
      date: "2020-05"
      url: https://example.org/notice
  checked: "2026-12-02"
"""


def _write(tmp_path, text, name="x.yaml"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_load_base_accepts_minimal_record(tmp_path):
    b = load_base(_write(tmp_path, GOOD))
    assert [r.id for r in b.records] == ["a-one"]
    assert b.origins["a-one"].endswith("x.yaml:1")


@pytest.mark.parametrize("old,new,msg", [
    ("measure: ExportControl", "measure: Embargo", "measure"),
    ('date: "2020"', 'date: "2020-13"', "not an ISO date"),
    ("reference: https://example.org/a", "reference: example.org", "https"),
    ("sectors: [CriticalMinerals]", "sectors: [Mining]", "sectors"),
    ("  label: A first measure\n", "  label: A first measure\n  colour: red\n", "colour"),
])
def test_load_base_bad_field_names_file_and_line(tmp_path, old, new, msg):
    text = "# header\n" + GOOD.replace(old, new)
    with pytest.raises(ConfigError) as e:
        load_base(_write(tmp_path, text))
    assert "x.yaml:2" in str(e.value) and msg in str(e.value) and "a-one" in str(e.value)


@pytest.mark.parametrize("old,new,msg", [
    ('  checked: "2026-12-02"\n', "", "checked"),
    ('  checked: "2026-12-02"\n', '  checked: "2026-12"\n', "not a calendar date"),
    ('  checked: "2026-12-02"\n', '  checked: "2026-02-30"\n', "not a calendar date"),
    ("  sources:\n", "  sources: []\n  old_sources:\n", "sources"),
    ("      title: A made-up notice\n", "", "sources.0.title"),
    ("      title: A made-up notice\n", "      title: A made-up notice\n      pages: 3\n", "pages"),
    ('      date: "2020-05"\n', '      date: "May 2020"\n', "not an ISO date"),
    ('      date: "2020-05"\n', "", "date"),
    ("      url: https://example.org/notice\n", "      url: example.org/notice\n", "https"),
])
def test_load_base_refuses_record_without_sources_or_checked(tmp_path, old, new, msg):
    text = "# header\n" + GOOD.replace(old, new)
    assert text != "# header\n" + GOOD
    with pytest.raises(ConfigError) as e:
        load_base(_write(tmp_path, text))
    assert "x.yaml:2" in str(e.value) and msg in str(e.value) and "a-one" in str(e.value)


def test_load_base_source_url_is_optional(tmp_path):
    b = load_base(_write(tmp_path, GOOD.replace("      url: https://example.org/notice\n", "")))
    (src,) = b.records[0].sources
    assert src.url is None and src.date == "2020-05" and b.records[0].checked == "2026-12-02"


def test_load_base_bad_links_and_duplicates(tmp_path):
    with pytest.raises(ConfigError, match="duplicate id 'a-one'"):
        load_base(_write(tmp_path, GOOD + GOOD))
    with pytest.raises(ConfigError, match="unknown id 'nope'"):
        load_base(_write(tmp_path, GOOD + "  precedents: [nope]\n"))
    later = GOOD.replace("a-one", "b-two").replace('"2020"', '"2024"')
    with pytest.raises(ConfigError, match="later"):
        load_base(_write(tmp_path, GOOD + "  precedents: [b-two]\n" + later))


def test_load_base_yaml_errors(tmp_path):
    with pytest.raises(ConfigError, match=r"x.yaml:\d+: not valid YAML"):
        load_base(_write(tmp_path, GOOD + "- id: [unclosed\n"))
    with pytest.raises(ConfigError, match=r"x.yaml:4: duplicate field 'actor'"):
        load_base(_write(tmp_path, GOOD.replace("  actor: China\n", "  actor: China\n  actor: Japan\n")))
    with pytest.raises(ConfigError, match="must be a YAML list"):
        load_base(_write(tmp_path, "id: a\n"))
