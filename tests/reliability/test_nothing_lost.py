"""Nothing is lost: a run that reads nothing writes nothing, and no output folder is made silently.

``kg extract typo.txt -o graph.ttl`` once replaced an existing graph with a file of prefixes; now
the old file stays byte for byte, the command says why in one line and exits 2. The same for
``kg build`` (store and its graph untouched) and the streaming writer. A missing parent folder of
``-o`` is refused before any work, for every command that writes a file.
"""
from __future__ import annotations

import pytest

from kg.atomic import check_destination, emit_bytes
from kg.errors import NothingRead, OutputError
from reliability_helpers import error_lines, run_kg

SAMPLE = "China banned exports of gallium to the United States on 3 March 2025, the Ministry of Commerce said.\n"


@pytest.mark.slow
def test_extract_nothing_readable_raises_and_keeps_old_output(tmp_path):
    from kg.workflow import extract

    old = tmp_path / "graph.ttl"
    old.write_bytes(b"# the analyst's previous graph\n")
    with pytest.raises(NothingRead, match="left unchanged"):
        extract([tmp_path / "typo.txt"], old)
    assert old.read_bytes() == b"# the analyst's previous graph\n"
    with pytest.raises(NothingRead):
        extract([tmp_path / "typo.txt"], tmp_path / "g.nt", stream=True)
    assert not (tmp_path / "g.nt").exists()


def test_build_nothing_readable_leaves_no_store(tmp_path):
    from kg.store import build

    with pytest.raises(NothingRead):
        build([tmp_path / "typo.txt"], tmp_path / "store")
    assert not (tmp_path / "store").exists()


def test_missing_parent_folder_is_refused_not_created(tmp_path):
    dest = tmp_path / "no" / "such" / "graph.ttl"
    with pytest.raises(OutputError, match="does not exist"):
        check_destination(dest)
    with pytest.raises(OutputError, match="does not exist"):
        emit_bytes(dest, b"x")
    assert not (tmp_path / "no").exists()


@pytest.mark.slow
def test_cli_extract_typo_keeps_previous_graph_and_exits_2(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(SAMPLE)
    out = tmp_path / "graph.ttl"
    assert run_kg("extract", good, "-o", out).returncode == 0
    before = out.read_bytes()
    r = run_kg("extract", tmp_path / "typo.txt", "-o", out)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert len(error_lines(r.stderr)) == 1 and "left unchanged" in r.stderr
    assert out.read_bytes() == before
    # some inputs failing: the documented behaviour stays (write the rest, exit 2)
    r = run_kg("extract", good, tmp_path / "typo.txt", "-o", out)
    assert r.returncode == 2 and out.read_bytes() == before
    # build: a typo leaves the store's graph as it was
    assert run_kg("build", good, "--store", tmp_path / "st").returncode == 0
    graph = (tmp_path / "st" / "graph.ttl").read_bytes()
    r = run_kg("build", tmp_path / "typo.txt", "--store", tmp_path / "st")
    assert r.returncode == 2 and (tmp_path / "st" / "graph.ttl").read_bytes() == graph


@pytest.mark.slow
@pytest.mark.parametrize("args", [
    ("extract", "{good}", "-o", "{missing}/g.ttl"),
    ("export", "{ttl}", "--format", "cypher", "-o", "{missing}/g.cypher"),
    ("export", "{ttl}", "--format", "graphml", "-o", "{missing}/g.graphml"),
    ("viz", "{ttl}", "-o", "{missing}/g.html"),
])
def test_cli_missing_output_folder_is_one_line_exit_2(tmp_path, args):
    good = tmp_path / "a.txt"
    good.write_text(SAMPLE)
    ttl = tmp_path / "g.ttl"
    assert run_kg("extract", good, "-o", ttl).returncode == 0
    missing = tmp_path / "missing"
    r = run_kg(*[a.format(good=good, ttl=ttl, missing=missing) for a in args])
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "does not exist" in r.stderr
    assert not missing.exists()
