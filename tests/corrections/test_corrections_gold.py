"""kg corrections export-gold: reviewed dispatches become gold lines (GUIDE.md format)."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli.app import app
from kg.corrections import store_file
from kg.store import Store, build

from tests.corrections.helpers import DOC_A, SPEC, line

REL = "company/acme headquarteredIn country/sylvania"


def test_export_gold_reviewed_dispatch_with_corrections(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(DOC_A)
    store = tmp_path / "store"
    build([inputs], store, spec=SPEC)
    did = next(iter(Store(store).entries))
    store_file(store).write_text("\n".join([
        line(subject=REL, describe="Acme HQ"),
        line(action="rename", subject="company/acme", value="Acme Holdings", describe="Acme"),
        line(action="accept", subject=f"dispatch/{did}", describe="the Acme dispatch", why="all checked"),
    ]) + "\n")
    out = tmp_path / "gold.jsonl"
    r = CliRunner().invoke(app, ["corrections", "export-gold", "--store", str(store), "-o", str(out)])
    assert r.exit_code == 0, r.output
    (gold,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert gold["id"] == "a" and gold["file"] == "a.txt" and gold["text_sha256"].startswith(did)
    assert {"name": "Acme Holdings", "type": "Company", "aliases": ["Acme"]} in gold["entities"]
    assert gold["relations"] == []
    (ev,) = gold["events"]
    assert ev["id"] == "e1" and ev["measure"] == "Ban" and ev["targets"] == ["Acme Holdings"]


def test_export_gold_nothing_reviewed_is_empty(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(DOC_A)
    build([inputs], tmp_path / "store", spec=SPEC)
    r = CliRunner().invoke(app, ["corrections", "export-gold", "-s", str(tmp_path / "store")])
    assert r.exit_code == 0 and r.stdout == ""
