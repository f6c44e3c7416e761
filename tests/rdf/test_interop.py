"""Every serialisation the project writes is read identically by raptor (rapper), pyoxigraph and
rdflib; IRIs minted from arbitrary text are valid for all three.

raptor2-utils (rapper) is installed by `make system-deps`; raptor 2.0 has no JSON-LD parser, so
JSON-LD is cross-checked with pyoxigraph and rdflib only.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg import ids
from kg.models import ENTITY_TYPES, Entity, Event, Evidence, GraphBatch
from kg.rdf.graph import batch_to_dataset, batch_to_graph
from kg.rdf.write import write_batch

RAPPER_IN = {".ttl": "turtle", ".trig": "trig", ".nt": "ntriples", ".nq": "nquads"}
OX_IN = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nt": ox.RdfFormat.N_TRIPLES,
         ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD}
RDFLIB_IN = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld"}
QUADS = {".trig", ".nq"}


def _rapper() -> str:
    exe = shutil.which("rapper")
    assert exe, "rapper not found: install raptor2-utils (make system-deps)"
    return exe


def rapper_nquads(path: Path) -> str:
    """Parse with raptor; N-Quads (or N-Triples for triple formats) on stdout; fail on any error."""
    suffix = path.suffix
    out_fmt = "nquads" if suffix in QUADS else "ntriples"
    res = subprocess.run([_rapper(), "-q", "-i", RAPPER_IN[suffix], "-o", out_fmt, str(path),
                          "http://example.org/base/"], capture_output=True, text=True, encoding="utf-8")
    assert res.returncode == 0 and not res.stderr.strip(), res.stderr
    return res.stdout


def oxigraph_nquads(path: Path) -> str:
    quads = list(ox.parse(path=str(path), format=OX_IN[path.suffix]))
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")


def _as_dataset(nquads: str) -> Dataset:
    ds = Dataset()
    if nquads.strip():
        ds.parse(data=nquads, format="nquads")
    return ds


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _named(ds: Dataset) -> dict[str, Graph]:
    out: dict[str, Graph] = {}
    for s, p, o, c in ds.quads((None, None, None, None)):
        name = str(getattr(c, "identifier", c))
        if name.startswith("https://w3id.org/"):
            out.setdefault(name, Graph()).add((s, p, o))
    return out


def _rdflib_read(path: Path) -> Dataset:
    ds = Dataset()
    ds.parse(str(path), format=RDFLIB_IN[path.suffix])
    return ds


def _assert_same(a: Dataset, b: Dataset, quads: bool) -> None:
    assert isomorphic(_union(a), _union(b))
    if quads:
        na, nb = _named(a), _named(b)
        assert set(na) == set(nb)
        for k in na:
            assert isomorphic(na[k], nb[k]), k


@pytest.mark.parametrize("suffix", sorted(RAPPER_IN))
def test_interop_rapper_reads_what_rdflib_reads(batch, tmp_path, suffix):
    path = tmp_path / f"g{suffix}"
    write_batch(batch, path)
    via_rapper = _as_dataset(rapper_nquads(path))
    _assert_same(via_rapper, _rdflib_read(path), suffix in QUADS)
    assert isomorphic(_union(via_rapper), batch_to_graph(batch))


def test_interop_streaming_turtle_read_by_rapper_and_oxigraph(batch, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.rdf.write.STREAM_THRESHOLD", 0)
    path = tmp_path / "stream.ttl"
    write_batch(batch, path)
    expected = batch_to_graph(batch)
    assert isomorphic(_union(_as_dataset(rapper_nquads(path))), expected)
    assert isomorphic(_union(_as_dataset(oxigraph_nquads(path))), expected)


@pytest.mark.parametrize("suffix", sorted(OX_IN))
def test_interop_oxigraph_reads_what_rdflib_reads(batch, tmp_path, suffix):
    path = tmp_path / f"g{suffix}"
    write_batch(batch, path)
    via_ox = _as_dataset(oxigraph_nquads(path))
    _assert_same(via_ox, _rdflib_read(path), suffix in QUADS)
    assert isomorphic(_union(via_ox), batch_to_graph(batch))
    if suffix in QUADS:
        _assert_same(via_ox, batch_to_dataset(batch), True)


# ---------------------------------------------------------------- IRIs minted from arbitrary text

FORBIDDEN_IN_IRI = set(' <>"{}|^`\\') | {chr(c) for c in range(0x21)}
names = st.text(min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(type_=st.sampled_from(ENTITY_TYPES), name=names)
def test_interop_minted_iris_have_no_forbidden_characters(type_, name):
    for value in (ids.slug(name), ids.entity_key(type_, name), str(ids.iri(ids.entity_key(type_, name)))):
        assert not (set(value) & FORBIDDEN_IN_IRI), value
        assert value.isascii()
    assert ids.slug(name) == ids.slug(name)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(st.tuples(st.sampled_from(ENTITY_TYPES), names, names), min_size=1, max_size=8))
def test_interop_rapper_accepts_iris_and_literals_from_arbitrary_text(tmp_path, items):
    """Entities named with arbitrary text (quotes, newlines, control characters, any script)
    are written as Turtle and N-Triples that raptor and pyoxigraph read back unchanged."""
    entities = {}
    for type_, name, alias in items:
        key = ids.entity_key(type_, name)
        entities.setdefault(key, Entity(key=key, type=type_, name=name, aliases=(alias,),
                                        mentions=(Evidence(dispatch_id="0123456789abcdef", sentence=alias,
                                                           start=0, end=len(alias), rule=name),)))
    ev = Event(key=ids.event_key("Other", sorted(entities), [], []), measure="Other",
               actors=tuple(sorted(entities)), label=items[0][1])
    batch = GraphBatch(entities=tuple(entities[k] for k in sorted(entities)), events=(ev,))
    expected = batch_to_graph(batch)
    for suffix, stream in ((".ttl", False), (".ttl", True), (".nt", False), (".trig", False)):
        path = tmp_path / f"fuzz{suffix}"
        with pytest.MonkeyPatch.context() as mp:
            if stream:
                mp.setattr("kg.rdf.write.STREAM_THRESHOLD", 0)
            write_batch(batch, path)
        assert isomorphic(_union(_as_dataset(rapper_nquads(path))), expected), path.read_text("utf-8")
        assert isomorphic(_union(_as_dataset(oxigraph_nquads(path))), expected)
