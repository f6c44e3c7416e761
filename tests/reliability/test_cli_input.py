"""Hostile and bad input at the CLI surface: injection strings stay literal data; bad files are
reported one line each while the good ones are still written; size limits and entity bombs."""
from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import InputError
from kg.ingest import iter_dispatches
from kg.vocab import POL
from reliability_helpers import error_lines, run_kg, write_corpus

PAYLOADS = [
    'Acme "Quantum" Labs', "O'Brien's `rm -rf` Holdings", "Brace {Corp} Ltd", "Slash // Systems",
    "Bobby}) DETACH DELETE n //", "Line\\nBreak Inc", "<script>alert('x')</script> Robotics",
    "SELECT ?s WHERE { ?s ?p ?o } ; DROP GRAPH <urn:x> Corp", "@prefix evil: <http://evil/> .",
    '"""triple quoted""" Group', "MATCH (n) RETURN n",
]
TITLE = 'Ruritania sanctions Acme "Quantum" Labs and Bobby}) DETACH DELETE n //'
HOSTILE = (
    f"{TITLE}\n\n"
    "Ruritania's Ministry of Commerce added Acme \"Quantum\" Labs, O'Brien's `rm -rf` Holdings and "
    "Brace {Corp} Ltd to its entity list on 3 March 2025.\n\n"
    "The United States banned exports of chips to Slash // Systems and Bobby}) DETACH DELETE n // "
    "in 2024, officials said.\n\n"
    "China sanctioned <script>alert('x')</script> Robotics, SELECT ?s WHERE { ?s ?p ?o } ; "
    "DROP GRAPH <urn:x> Corp and \"\"\"triple quoted\"\"\" Group; a filing titled "
    "@prefix evil: <http://evil/> . and MATCH (n) RETURN n was cited. Line\\nBreak Inc said nothing.\n"
)


@pytest.mark.slow
def test_cli_injection_strings_stay_literal_data_rapper_and_rdflib_agree(tmp_path):
    src = tmp_path / "hostile.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    records = tmp_path / "hostile.jsonl"   # one record per payload: each comes back as a title
    records.write_text("".join(json.dumps({"title": f"Ruritania sanctions {p}",
                                           "text": f"The ministry named {p} in its list on Monday."}) + "\n"
                               for p in PAYLOADS), encoding="utf-8")
    dest = tmp_path / "out.ttl"
    r = run_kg("extract", src, records, "-o", dest)
    assert r.returncode == 0, r.stderr
    g = Graph().parse(dest, format="turtle")
    nt = subprocess.run(["rapper", "-q", "-i", "turtle", "-o", "ntriples", str(dest)], capture_output=True,
                        timeout=60)
    assert nt.returncode == 0, nt.stderr
    assert isomorphic(g, Graph().parse(data=nt.stdout.decode("utf-8"), format="nt"))
    # the payloads come back whole, as literals (title, evidence sentences), never as IRIs
    assert (None, POL.title, Literal(TITLE)) in g
    for p in PAYLOADS:
        assert (None, POL.title, Literal(f"Ruritania sanctions {p}")) in g, p
    # evidence sentences are verbatim pieces of the texts, hostile characters and all
    corpus = HOSTILE + "".join(f"Ruritania sanctions {p}\n\nThe ministry named {p} in its list on Monday.\n"
                               for p in PAYLOADS)
    sentences = {str(o) for o in g.objects(None, POL.sentence)}
    assert sentences and all(s in corpus for s in sentences), sentences - {s for s in sentences if s in corpus}
    assert any("Slash // Systems and Bobby})" in s for s in sentences)
    terms = {str(t) for tr in g for t in tr if isinstance(t, URIRef)}
    assert not any(bad in t for t in terms for bad in ("DETACH", "<script", "DROP GRAPH", "evil", "{", "`", '"'))
    # every entity label is text from the document or a gazetteer name: data, not syntax
    from rdflib import RDFS
    for label in g.objects(None, RDFS.label):
        assert "\n" not in str(label)


def _bad_inputs(tmp: Path) -> tuple[list[Path], dict[str, str]]:
    good = write_corpus(tmp / "good", 2)
    bad = tmp / "bad"
    bad.mkdir()
    files = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 4,
        "notes.docx": b"PK\x03\x04 a word file",
        "broken.json": b'{"title": "Chips", "text": ',
        "broken.html": b"<html><head><script>var x = 1;</script></head><body><div></div>",
        "broken.xml": b"<rss><channel><item><title>Chips</title>",
        "big.txt": b"Ruritania bans exports of gallium. " * 1000,
        "laughs.rss": ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                       + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 or "")) * 10}">' for i in range(1, 10))
                       + ']>\n<rss><channel><item><title>&lol9;</title></item></channel></rss>').encode(),
    }
    paths = []
    for name, data in files.items():
        (bad / name).write_bytes(data)
        paths.append(bad / name)
    problems = {"empty.txt": "empty", "binary.txt": "binary", "notes.docx": "unknown file type",
                "broken.json": "invalid JSON", "broken.html": "no extractable text", "broken.xml": "broken XML",
                "big.txt": "larger than 20000 bytes", "laughs.rss": "entit", "missing.txt": "no such file"}
    return [*sorted(good.iterdir()), *paths, bad / "missing.txt"], problems


@pytest.mark.slow
def test_cli_bad_inputs_one_line_each_good_ones_written_exit_2(tmp_path):
    inputs, problems = _bad_inputs(tmp_path)
    dest = tmp_path / "out.ttl"
    t0 = time.monotonic()
    r = run_kg("extract", *inputs, "-o", dest, "--max-bytes", "20000")
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    lines = error_lines(r.stderr)
    assert len(lines) == len(problems), r.stderr
    for name, problem in problems.items():
        [line] = [ln for ln in lines if f"/bad/{name}:" in ln]
        assert problem.lower() in line.lower(), line
    assert r.stderr.rstrip().splitlines()[-1].startswith(f"{len(problems)} input(s) failed:")
    g = Graph().parse(dest, format="turtle")
    assert len(set(g.subjects(predicate=POL.contentHash))) == 2     # both good dispatches written
    assert time.monotonic() - t0 < 240


def test_cli_billion_laughs_feed_refused_quickly_and_batch_goes_on(tmp_path):
    inputs, _ = _bad_inputs(tmp_path)
    laughs = next(p for p in inputs if p.name == "laughs.rss")
    good = inputs[0]
    t0 = time.perf_counter()
    items = list(iter_dispatches([laughs, good]))
    assert time.perf_counter() - t0 < 2.0
    assert isinstance(items[0], InputError) and "entit" in items[0].problem
    assert not isinstance(items[1], InputError)


def test_cli_max_bytes_boundary_is_exact(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"Ruritania bans exports. " * 10)           # 240 bytes
    assert not isinstance(next(iter_dispatches([f], max_bytes=240)), InputError)
    err = next(iter_dispatches([f], max_bytes=239))
    assert isinstance(err, InputError) and "larger than 239 bytes" in err.problem
