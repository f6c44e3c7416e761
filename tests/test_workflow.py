"""kg.workflow: the whole path, including the streaming writer (real model: slow)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import InputError, OutputError
from kg.workflow import extract

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
TWO = [SAMPLES / "001_netherlands_duv_china_gallium.txt", SAMPLES / "002_us_entity_list_ymtc.txt"]


def _triples(path: Path, fmt) -> set:
    return {(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=fmt)}


@pytest.mark.slow
def test_pipeline_stream_writes_the_same_graph_as_the_merged_writer(tmp_path):
    merged = extract(TWO, tmp_path / "all.nt")
    streamed = extract(TWO, tmp_path / "stream.nt", stream=True)
    assert merged.ok and streamed.ok and streamed.output == str(tmp_path / "stream.nt")
    assert _triples(tmp_path / "all.nt", ox.RdfFormat.N_TRIPLES) == _triples(tmp_path / "stream.nt", ox.RdfFormat.N_TRIPLES)
    # N-Quads keeps one named graph per dispatch
    extract(TWO, tmp_path / "stream.nq", stream=True)
    graphs = {q.graph_name for q in ox.parse(path=str(tmp_path / "stream.nq"), format=ox.RdfFormat.N_QUADS)}
    assert sum(1 for g in graphs if "dispatch/" in str(g)) == 2


@pytest.mark.slow
def test_pipeline_stream_refuses_formats_that_cannot_be_appended(tmp_path):
    with pytest.raises(OutputError, match="N-Triples or N-Quads"):
        extract(TWO[:1], tmp_path / "x.ttl", stream=True)
    assert not (tmp_path / "x.ttl").exists()


@pytest.mark.slow
def test_pipeline_bad_inputs_are_collected_and_the_rest_written(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = extract([TWO[0], empty, tmp_path / "missing.txt"], tmp_path / "g.ttl")
    assert [type(f) for f in result.failures] == [InputError, InputError]
    assert len(result.batch.dispatches) == 1 and (tmp_path / "g.ttl").stat().st_size > 1000


@pytest.mark.slow
def test_the_sample_dispatches_extract_to_a_graph_that_conforms_to_the_shapes(tmp_path):
    # what `make run` does: every sample, one merged graph, `kg validate` (an entity typed one way in one
    # dispatch and another way in the next once gave a merged node that broke pol:produces' range)
    from kg.rdf.validate import validate

    out = tmp_path / "graph.ttl"
    assert extract([SAMPLES], out).ok
    report = validate(out)
    assert report.conforms, report.violations
