"""kg.evaluate and ``kg eval``: scoring with the shared scorer (imported by path, never copied)."""
from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.errors import ConfigError, InputError
from kg.evaluate import evaluate, format_table, load_scorer, read_gold, scorer_candidates

ROOT = Path(__file__).resolve().parents[1]
REGRESSION = ROOT / "data" / "eval" / "regression" / "gold.jsonl"
HOLDOUT = ROOT / "data" / "eval" / "holdout" / "gold.jsonl"
HAVE_SCORER = any(p.is_file() for p in scorer_candidates())
needs_scorer = pytest.mark.skipif(not HAVE_SCORER, reason="the shared score.py is not available here")

#: regression-set headline F1 measured when the floor was set (0.840) minus a margin for
#: model/gazetteer/entity-rule drift; raise it when the rules improve
REGRESSION_FLOOR = 0.77


def _gold_record(doc_id="d1") -> dict:
    return {"id": doc_id, "file": f"{doc_id}.txt", "title": "t", "date": None,
            "entities": [{"name": "Norland", "type": "Country", "aliases": []},
                         {"name": "Z9 chips", "type": "Technology", "aliases": []}],
            "events": [{"id": "e1", "actor": ["Norland"], "measure": "ExportControl", "targets": ["Z9 chips"],
                        "affects": [], "sector": ["Semiconductors"], "status": "InForce", "date": None,
                        "precedents": [], "responds_to": [], "evidence": "Norland imposed export controls."}],
            "relations": [], "analogies": []}


@pytest.fixture()
def tiny_set(tmp_path):
    rec = _gold_record()
    (tmp_path / "gold.jsonl").write_text(json.dumps(rec) + "\n")
    (tmp_path / "d1.txt").write_text("Norland imposed export controls on Z9 chips.\n")
    return tmp_path


def test_evaluate_read_gold_names_the_bad_line(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps(_gold_record()) + "\n{not json\n")
    with pytest.raises(InputError, match=r"gold\.jsonl:2: not valid JSON"):
        read_gold(p)
    p.write_text('{"id": "x"}\n')
    with pytest.raises(InputError, match="needs id, entities and events"):
        read_gold(p)
    with pytest.raises(InputError, match="gold file not found"):
        read_gold(tmp_path / "missing.jsonl")


def test_evaluate_missing_scorer_says_where_to_get_it(tmp_path):
    with pytest.raises(ConfigError, match="KG_SCORER"):
        load_scorer(str(tmp_path / "nowhere" / "score.py"))


@needs_scorer
def test_evaluate_with_a_command_scores_its_rdf(tiny_set, tmp_path):
    """--cmd path: a command that writes the gold's own graph scores 1.0; one that fails scores 0."""
    sc = load_scorer()
    ttl = tmp_path / "perfect.ttl"
    sc.gold_to_graph(_gold_record()).serialize(ttl, format="turtle")
    cp = f"{shlex.quote(sys.executable)} -c \"import shutil,sys; shutil.copy(sys.argv[1], sys.argv[2])\" {shlex.quote(str(ttl))} {{output}} #{{input}}"
    s = evaluate(tiny_set / "gold.jsonl", tiny_set, cmd=cp)
    assert s["headline_f1"] == 1.0 and s["events"]["tp"] == 1 and s["failures"] == []
    bad = evaluate(tiny_set / "gold.jsonl", tiny_set, cmd="false {input} {output}")
    assert bad["events"]["f1"] == 0.0 and len(bad["failures"]) == 1
    table = format_table(s)
    assert "headline F1" in table and "analogies" in table
    with pytest.raises(ConfigError, match="must contain"):
        evaluate(tiny_set / "gold.jsonl", tiny_set, cmd="true")


@needs_scorer
def test_evaluate_cli_exit_codes(tiny_set, tmp_path):
    from kg.cli.app import app

    sc = load_scorer()
    ttl = tmp_path / "perfect.ttl"
    sc.gold_to_graph(_gold_record()).serialize(ttl, format="turtle")
    cp = f"cp {shlex.quote(str(ttl))} {{output}} #{{input}}"
    r = CliRunner().invoke(app, ["eval", str(tiny_set / "gold.jsonl"), "--texts", str(tiny_set), "--cmd", cp, "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["headline_f1"] == 1.0
    r = CliRunner().invoke(app, ["eval", str(tiny_set / "gold.jsonl"), "--cmd", "false {input} {output}",
                                 "--fail-under", "0.5"])
    assert r.exit_code == 1 and "headline F1" in r.output
    r = CliRunner().invoke(app, ["eval", str(tmp_path / "nope.jsonl")])
    assert r.exit_code == 2 and "gold file not found" in r.output and "Traceback" not in r.output


def test_evaluate_regression_sets_are_well_formed():
    """The hand-annotated sets: every event refers to annotated entities; all 18 measures appear."""
    from kg.models import ENTITY_TYPES, MEASURES, SECTORS, STATUSES

    measures = set()
    for gold in (REGRESSION, HOLDOUT):
        recs = read_gold(gold)
        for rec in recs:
            text = (gold.parent / rec["file"]).read_text()
            assert 150 <= len(text.split()) <= 400, rec["id"]
            names = {e["name"] for e in rec["entities"]}
            assert all(e["type"] in ENTITY_TYPES for e in rec["entities"])
            ids = {ev["id"] for ev in rec["events"]}
            for ev in rec["events"]:
                measures.add(ev["measure"])
                assert set(ev["actor"]) | set(ev["targets"]) | set(ev["affects"]) <= names
                assert set(ev["sector"]) <= set(SECTORS) and (ev["status"] in STATUSES)
                assert set(ev["responds_to"]) <= ids
            assert all(a in ids and b in ids for a, b in rec["analogies"])
    assert measures == set(MEASURES)


@pytest.fixture(scope="module")
def extractor():
    from kg.nlp.extract import Extractor

    return Extractor()


@pytest.mark.slow
@needs_scorer
def test_evaluate_regression_headline_stays_above_floor(extractor):
    s = evaluate(REGRESSION, REGRESSION.parent, extractor=extractor)
    assert s["failures"] == []
    assert s["headline_f1"] >= REGRESSION_FLOOR, format_table(s)
    assert s["events"]["f1"] >= 0.85 and s["roles"]["f1"] >= 0.72, format_table(s)
