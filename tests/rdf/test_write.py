from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.errors import OutputError
from kg.rdf.graph import batch_to_dataset, batch_to_graph
from kg.rdf.write import FORMATS, format_for, normalise_format, serialize_batch, write_batch

SUFFIX = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "nquads": ".nq", "json-ld": ".jsonld"}
RDFLIB_NAME = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nquads": "nquads", "json-ld": "json-ld"}


@pytest.mark.parametrize("given,expected", [
    ("ttl", "turtle"), ("Turtle", "turtle"), ("TRIG", "trig"), ("n-triples", "nt"), ("nq", "nquads"),
    ("jsonld", "json-ld"), ("json", "json-ld"), ("JSON-LD", "json-ld"),
])
def test_write_normalise_format_aliases(given, expected):
    assert normalise_format(given) == expected


@pytest.mark.parametrize("name,expected", [
    ("g.ttl", "turtle"), ("g.TRIG", "trig"), ("g.nt", "nt"), ("g.nq", "nquads"), ("g.jsonld", "json-ld"),
    ("g.json", "json-ld"), ("g.rdf", "turtle"), ("-", "turtle"), ("noext", "turtle"),
])
def test_write_format_from_suffix(name, expected):
    assert format_for(name) == expected


def test_write_unknown_format_raises_output_error(batch, tmp_path):
    with pytest.raises(OutputError, match="unknown RDF format 'rdfxml'"):
        write_batch(batch, tmp_path / "g.ttl", fmt="rdfxml")
    assert not (tmp_path / "g.ttl").exists()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_write_every_format_isomorphic_to_rdflib_graph(batch, tmp_path, fmt):
    path = tmp_path / f"g{SUFFIX[fmt]}"
    assert write_batch(batch, path) == str(path)
    if FORMATS[fmt].quads:
        ds = Dataset()
        ds.parse(path, format=RDFLIB_NAME[fmt])
        expected = batch_to_dataset(batch)
        assert {str(c.identifier) for c in ds.graphs() if len(c)} == \
               {str(c.identifier) for c in expected.graphs() if len(c)}
        for ctx in expected.graphs():
            got = ds.graph(ctx.identifier)
            assert isomorphic(Graph() + got, Graph() + ctx), ctx.identifier
    else:
        g = Graph().parse(path, format=RDFLIB_NAME[fmt])
        assert isomorphic(g, batch_to_graph(batch))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_write_same_input_byte_identical_across_processes(batch, tmp_path, fmt):
    """Two fresh interpreters with different hash seeds write the same bytes."""
    outs = []
    for seed in ("1", "2"):
        dest = tmp_path / f"g{seed}{SUFFIX[fmt]}"
        code = ("import sys; sys.path.insert(0, %r); from rdf_fixtures import make_batch; "
                "from kg.rdf.write import write_batch; write_batch(make_batch(), %r)"
                % (str(Path(__file__).parent), str(dest)))
        subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outs.append(dest.read_bytes())
    assert outs[0] == outs[1]
    assert outs[0] == serialize_batch(batch, fmt)


def test_write_turtle_binds_project_prefixes(batch):
    text = serialize_batch(batch, "turtle").decode()
    for prefix in ("pol:", "msr:", "sec:", "sta:", "rdfs:", "skos:"):
        assert f"@prefix {prefix}" in text
    assert "a pol:PolicyEvent" in text and "msr:TravelRestriction" in text


def test_write_trig_has_named_graph_per_dispatch(batch):
    ds = Dataset()
    ds.parse(data=serialize_batch(batch, "trig").decode(), format="trig")
    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    for d in batch.dispatches:
        assert any(n.endswith("dispatch/" + d.id) for n in names)


def test_write_stdout_dash(batch, capfdbinary):
    assert write_batch(batch, "-", fmt="nt") == "-"
    out = capfdbinary.readouterr().out
    assert out == serialize_batch(batch, "nt")


def test_write_replaces_existing_file_atomically(batch, tmp_path):
    dest = tmp_path / "g.ttl"
    dest.write_text("old")
    write_batch(batch, dest)
    assert dest.read_bytes() == serialize_batch(batch, "turtle")
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]  # no temp file left


def test_write_error_leaves_existing_file_intact(batch, tmp_path, monkeypatch):
    dest = tmp_path / "g.ttl"
    dest.write_text("precious")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kg.atomic.os.fsync", boom)
    with pytest.raises(OutputError, match="No space left on device"):
        write_batch(batch, dest)
    assert dest.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


def test_write_read_only_directory_raises_output_error(batch, tmp_path, monkeypatch):
    """Permission denied creating the temp file (what a read-only directory gives non-root users)."""
    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("kg.atomic.tempfile.mkstemp", denied)
    with pytest.raises(OutputError, match=r"g\.ttl: cannot write: Permission denied"):
        write_batch(batch, tmp_path / "g.ttl")


def test_write_directory_destination_raises_output_error(batch, tmp_path):
    with pytest.raises(OutputError, match="is a directory"):
        write_batch(batch, tmp_path)


def test_write_unwritable_parent_raises_output_error(batch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="does not exist"):
        write_batch(batch, blocker / "sub" / "g.ttl")


# ---------------------------------------------------------------- streaming Turtle (large batches)

def test_write_streaming_turtle_used_above_threshold(batch, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.rdf.write.STREAM_THRESHOLD", 0)
    path = tmp_path / "big.ttl"
    write_batch(batch, path)
    streamed = path.read_bytes()
    assert streamed != serialize_batch(batch, "turtle")  # a different layout ...
    assert isomorphic(Graph().parse(data=streamed.decode(), format="turtle"), batch_to_graph(batch))  # same graph


def test_write_streaming_turtle_independent_of_record_order(batch, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.rdf.write.STREAM_THRESHOLD", 0)
    shuffled = batch.model_copy(update={k: tuple(reversed(getattr(batch, k)))
                                        for k in ("dispatches", "entities", "events", "relations", "analogies")})
    write_batch(batch, tmp_path / "a.ttl")
    write_batch(shuffled, tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


def test_write_sorted_output_independent_of_record_order(batch):
    shuffled = batch.model_copy(update={k: tuple(reversed(getattr(batch, k)))
                                        for k in ("dispatches", "entities", "events", "relations", "analogies")})
    for fmt in FORMATS:
        assert serialize_batch(shuffled, fmt) == serialize_batch(batch, fmt)


def test_write_through_a_fifo_does_not_replace_it(tmp_path, batch):
    """-o /dev/stdout or a named pipe: the bytes go through the special file, which stays."""
    import os
    import stat
    import threading

    from kg.rdf.write import write_batch

    fifo = tmp_path / "pipe.nt"
    os.mkfifo(fifo)
    got: list[bytes] = []
    def read() -> None:
        with open(fifo, "rb") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=read)
    reader.start()
    assert write_batch(batch, fifo) == str(fifo)
    reader.join(timeout=30)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a pipe, not replaced by a regular file
    assert got and got[0].count(b" .\n") > 10


def test_write_through_a_symlink_keeps_the_link(tmp_path, batch):
    from kg.rdf.write import write_batch

    real = tmp_path / "real.ttl"
    real.write_text("old")
    link = tmp_path / "link.ttl"
    link.symlink_to(real)
    write_batch(batch, link)
    assert link.is_symlink() and "pol:" in real.read_text()


def test_write_every_format_has_exactly_one_writer():
    from kg.rdf.write import FORMATS, WRITERS

    assert set(WRITERS) == set(FORMATS)
