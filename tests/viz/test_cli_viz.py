"""``kg viz`` end to end: RDF in (written by kg.rdf.write), picture out; errors are one line, exit 2."""
from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from kg.cli.app import app


@pytest.fixture(scope="module")
def graph_ttl(batch, tmp_path_factory):
    from kg.rdf.write import write_batch

    path = tmp_path_factory.mktemp("rdf") / "graph.ttl"
    write_batch(batch, path)
    return path


def run(*args):
    return CliRunner().invoke(app, ["viz", *map(str, args)])


def test_cli_viz_writes_the_page_from_rdf(graph_ttl, tmp_path, hostile_names):
    out = tmp_path / "graph.html"
    r = run(graph_ttl, "-o", out, "--title", "Sample")
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "<title>Sample</title>" in text and '"China · TravelRestriction · AI"' in text
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed (make system-deps)")
def test_cli_viz_focus_writes_an_ego_picture(graph_ttl, tmp_path):
    out = tmp_path / "ego.svg"
    r = run(graph_ttl, "--focus", "China · TravelRestriction · AI", "--depth", "1", "-o", out)
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")


@pytest.mark.parametrize("by,more", [("country", []), ("sector", []), ("country", ["--with-precedents"])])
def test_cli_viz_timeline(graph_ttl, tmp_path, by, more):
    out = tmp_path / "t.png"
    r = run(graph_ttl, "--timeline", "--by", by, *more, "-o", out)
    assert r.exit_code == 0, r.output
    assert out.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("args,message", [
    (["-o", "{tmp}/g.jpg"], "unknown picture format '.jpg' for the interactive page"),
    (["--timeline", "-o", "{tmp}/t.gif"], "unknown picture format '.gif'"),
    (["--focus", "China", "-o", "{tmp}/e.bmp"], "unknown picture format '.bmp'"),
    (["--focus", "Atlantis", "-o", "{tmp}/e.svg"], "no event or entity is called 'Atlantis'"),
    (["--timeline", "--by", "colour", "-o", "{tmp}/t.png"], "--by"),
    (["--timeline", "--focus", "China", "-o", "{tmp}/t.png"], "give one of them"),
    (["--by", "sector", "-o", "{tmp}/g.html"], "only applies to --timeline"),
    (["--with-precedents", "-o", "{tmp}/g.html"], "--with-precedents only applies to --timeline"),
    (["--map", "-o", "{tmp}/m.html"], "unknown picture format '.html' for the map"),
    (["--map", "--timeline", "-o", "{tmp}/m.svg"], "give one of them"),
    (["-o", "{tmp}/missing/dir/g.html"], "does not exist"),
])
def test_cli_viz_errors_are_one_line_exit_2(graph_ttl, tmp_path, args, message):
    r = run(graph_ttl, *[a.format(tmp=tmp_path) for a in args])
    assert r.exit_code == 2, r.output
    lines = [ln for ln in r.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], r.output
    assert "Traceback" not in r.output


def test_cli_viz_checks_options_before_reading_the_graph(tmp_path):
    r = run(tmp_path / "nope.ttl", "-o", tmp_path / "g.jpg")
    assert r.exit_code == 2 and "unknown picture format" in r.output


def test_cli_viz_missing_input_is_exit_2(tmp_path):
    r = run(tmp_path / "nope.ttl", "-o", tmp_path / "g.html")
    assert r.exit_code == 2 and "no such file" in r.output and "Traceback" not in r.output


def test_cli_viz_map(graph_ttl, tmp_path):
    out = tmp_path / "map.svg"
    r = run(graph_ttl, "--map", "-o", out)
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")
