"""``kg precedents`` and ``kg build`` from the command line: output, one-line errors, exit codes."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli.app import app

runner = CliRunner()


def test_cli_precedents_json_ranks_with_explanations():
    r = runner.invoke(app, ["precedents", "Japan restricts exports of chipmaking equipment to China",
                            "--top", "3", "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert len(data["results"]) == 3
    assert all(x["explanation"] and x["precedent_id"] for x in data["results"])
    scores = [x["score"] for x in data["results"]]
    assert scores == sorted(scores, reverse=True)
    assert data["results"][0]["features"]["family"] == 1.0


def test_cli_precedents_table_explain():
    r = runner.invoke(app, ["precedents", "India bans a Chinese video app", "--explain", "--top", "2"])
    assert r.exit_code == 0, r.output
    assert "india-app-ban-2020" in r.stdout and "family=" in r.stdout


def test_cli_precedents_errors_are_one_line():
    for args in (["precedents"], ["precedents", "x", "--format", "xml"],
                 ["precedents", "--event", "event/x", "--data", "/nonexistent/g.ttl"],
                 ["precedents", "--event", "event/x"]):
        r = runner.invoke(app, args)
        assert r.exit_code == 2, (args, r.output)
        lines = [x for x in r.stderr.splitlines() if x.strip()]
        assert len(lines) == 1 and lines[0].startswith("error:"), (args, r.stderr)
        assert "Traceback" not in r.output


def test_cli_build_errors_are_one_line(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    for args in (["build", str(f), "--store", str(tmp_path / "s"), "--executor", "spark"],
                 ["build", str(f), "--store", str(f)],
                 ["build", str(f), "--store", str(tmp_path / "s"), "--scheduler", "tcp://h:1"]):
        r = runner.invoke(app, args)
        assert r.exit_code == 2, (args, r.output)
        lines = [x for x in r.stderr.splitlines() if x.strip()]
        assert len(lines) == 1 and lines[0].startswith("error:"), (args, r.stderr)
