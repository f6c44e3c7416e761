"""The incremental store behind ``kg build``: incremental, idempotent, merging, resumable, Dask."""
from __future__ import annotations

import re
import sys

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.executors import DaskExecutor, ExtractorSpec
from kg.ids import entity_key, event_key
from kg.models import Entity, Event, Evidence, Extraction, PipelineInfo
from kg.store import GRAPH, MANIFEST, Store, build

_EVENT = re.compile(r"EVENT ([^|]+)\|([^|]+)\|([^|]+)\|([^|]+)\|([0-9-]*)")
_C = {"China": "Country", "United States": "Country", "Netherlands": "Country", "Japan": "Country"}


class FakeExtractor:
    """Reads lines 'EVENT actor|measure|target|sector|date' — no spaCy, deterministic."""

    calls = 0

    def __init__(self, model=None):
        self.info = PipelineInfo(version="test", model="fake")

    def extract_one(self, d) -> Extraction:
        type(self).calls += 1
        ents, evs = {}, []
        for m in _EVENT.finditer(d.text):
            line = m.group(0)
            actor, measure, target, sector, date = (x.strip() for x in m.groups())
            a = Entity(key=entity_key(_C.get(actor, "Country"), actor), type="Country", name=actor)
            t = Entity(key=entity_key("Group", target), type="Group", name=target)
            ents[a.key], ents[t.key] = a, t
            ev = Evidence(dispatch_id=d.id, sentence=d.text.split("EVENT")[0].strip() or line, rule="fake")
            evs.append(Event(key=event_key(measure, [a.key], [t.key], [sector], date or None), measure=measure,
                             actors=(a.key,), targets=(t.key,), sectors=(sector,), date=date or None,
                             evidence=(ev,)))
        return Extraction(dispatch=d, entities=tuple(ents.values()), events=tuple(evs), pipeline=self.info)

    def extract_many(self, dispatches, n_process=1):
        for d in dispatches:
            yield self.extract_one(d)


def fake_factory(model):
    return FakeExtractor(model)


SPEC = ExtractorSpec(factory=fake_factory)
DOCS = {
    "a.txt": "Chip rules\n\nEVENT United States|ExportControl|chipmakers|Semiconductors|2024-12\n",
    "b.txt": "Visa news\n\nEVENT United States|VisaRestriction|graduate students|Research|2020\n",
    "c.txt": "Same chip rules\n\nAnother outlet.\nEVENT United States|ExportControl|chipmakers|Semiconductors|2024\n",
    "d.txt": "Travel\n\nChina requires top AI researchers to get government approval before travelling abroad.\n"
             "EVENT China|TravelRestriction|AI engineers|ArtificialIntelligence|\n",
}


def write_docs(tmp_path, names):
    d = tmp_path / "in"
    d.mkdir(exist_ok=True)
    for n in names:
        (d / n).write_text(DOCS[n], encoding="utf-8")
    return d


def test_store_build_incremental(tmp_path):
    src = write_docs(tmp_path, ["a.txt", "b.txt"])
    s1 = build([src], tmp_path / "st", spec=SPEC)
    assert (s1.new, s1.known, s1.stored) == (2, 0, 2)
    s2 = build([src], tmp_path / "st", spec=SPEC)
    assert (s2.new, s2.known) == (0, 2) and not s2.changed
    write_docs(tmp_path, ["d.txt"])
    s3 = build([src], tmp_path / "st", spec=SPEC)
    assert (s3.new, s3.known, s3.stored) == (1, 2, 3) and s3.changed
    s4 = build([src], tmp_path / "st", spec=SPEC, rebuild=True)
    assert (s4.new, s4.known, s4.stored) == (3, 0, 3) and not s4.changed


def test_store_build_idempotent_byte_identical(tmp_path):
    src = write_docs(tmp_path, ["a.txt", "b.txt", "d.txt"])
    build([src], tmp_path / "st", spec=SPEC, trig=True)
    files = {p.name: p.read_bytes() for p in (tmp_path / "st").rglob("*") if p.is_file()}
    build([src], tmp_path / "st", spec=SPEC, trig=True)
    again = {p.name: p.read_bytes() for p in (tmp_path / "st").rglob("*") if p.is_file()}
    assert files == again and GRAPH in files and MANIFEST in files
    # a fresh store from the same inputs writes the same graph bytes
    build([src], tmp_path / "st2", spec=SPEC, trig=True)
    assert (tmp_path / "st2" / GRAPH).read_bytes() == files[GRAPH]


def test_store_merges_same_event_from_two_dispatches(tmp_path):
    from kg.store import merged_graph

    src = write_docs(tmp_path, ["a.txt", "c.txt"])
    build([src], tmp_path / "st", spec=SPEC)
    batch, _ = merged_graph(Store(tmp_path / "st"))
    chip = [e for e in batch.events if e.measure == "ExportControl"
            and any(ev.dispatch_id for ev in e.evidence)]
    assert len(chip) == 1
    assert len({ev.dispatch_id for ev in chip[0].evidence}) == 2
    assert chip[0].date == "2024-12"


def test_store_inferred_analogies_link_dispatch_events_to_base(tmp_path):
    from kg.store import merged_graph

    src = write_docs(tmp_path, ["d.txt"])
    build([src], tmp_path / "st", spec=SPEC)
    batch, _ = merged_graph(Store(tmp_path / "st"))
    [ev] = [e for e in batch.events if any(x.dispatch_id for x in e.evidence)]
    links = [a for a in batch.analogies if ev.key in (a.a, a.b)]
    assert links and all(a.basis == "inferred" and a.explanation for a in links)
    # explanations name the strongest reasons with weight in the fitted score (the family has none now)
    assert any("the same kind of measure (TravelRestriction)" in a.explanation for a in links)


class Boom(FakeExtractor):
    def extract_many(self, dispatches, n_process=1):
        for i, d in enumerate(dispatches):
            if i == 1:
                raise RuntimeError("killed")
            yield self.extract_one(d)


def boom_factory(model):
    return Boom(model)


def test_store_resumes_after_crash_without_partial_files(tmp_path):
    src = write_docs(tmp_path, ["a.txt", "b.txt", "d.txt"])
    with pytest.raises(RuntimeError):
        build([src], tmp_path / "st", spec=ExtractorSpec(factory=boom_factory))
    st = Store(tmp_path / "st")
    assert len(st.entries) == 1
    assert not list((tmp_path / "st").rglob("*.tmp"))
    s = build([src], tmp_path / "st", spec=SPEC)
    assert (s.new, s.known, s.stored) == (2, 1, 3)


def test_store_rejects_bad_manifest(tmp_path):
    from kg.errors import ConfigError

    (tmp_path / "st").mkdir()
    (tmp_path / "st" / MANIFEST).write_text("{not json")
    with pytest.raises(ConfigError, match="manifest"):
        Store(tmp_path / "st")


def _graph(path):
    return Graph().parse(path, format="turtle")


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_store_dask_executor_matches_local(tmp_path):
    import cloudpickle
    from distributed import Client, LocalCluster

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    src = write_docs(tmp_path, list(DOCS))
    build([src], tmp_path / "local", spec=SPEC)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        s = build([src], tmp_path / "dask", spec=SPEC, executor=DaskExecutor(client=client, chunk_size=1))
    assert s.new == len(DOCS)
    a, b = (tmp_path / "local" / GRAPH), (tmp_path / "dask" / GRAPH)
    assert isomorphic(_graph(a), _graph(b))
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.slow
def test_store_build_real_extractor_seed(tmp_path):
    from pathlib import Path

    from kg.store import merged_graph

    seed = Path(__file__).resolve().parents[1] / "data" / "samples" / "000_ff6aa3be7f998f56.txt"
    s = build([seed], tmp_path / "st")
    assert s.new == 1 and s.events > 100
    batch, _ = merged_graph(Store(tmp_path / "st"))
    travel = [e for e in batch.events if e.measure == "TravelRestriction"
              and any(x.dispatch_id for x in e.evidence) and e.actors]
    assert travel, "the seed's China travel restriction is extracted"
    # it joins the precedent-base record of the same measure and cites the Meng Wanzhou case event
    assert any(x.source == "precedent-base" for x in travel[0].evidence)
    assert len(travel[0].precedents) >= 2


class Slow(FakeExtractor):
    def extract_many(self, dispatches, n_process=1):
        import time

        for d in dispatches:
            yield self.extract_one(d)
            time.sleep(5)


def slow_factory(model):
    return Slow(model)


def test_store_survives_kill_9_and_resumes(tmp_path):
    import os
    import signal
    import subprocess
    import time
    from pathlib import Path

    src = write_docs(tmp_path, ["a.txt", "b.txt", "d.txt"])
    here = str(Path(__file__).resolve().parent)
    code = ("import sys; sys.path.insert(0, %r)\n"
            "from test_store import slow_factory\n"
            "from kg.executors import ExtractorSpec\nfrom kg.store import build\n"
            "build([%r], %r, spec=ExtractorSpec(factory=slow_factory))\n") % (here, str(src), str(tmp_path / "st"))
    proc = subprocess.Popen([sys.executable, "-c", code])
    try:
        deadline = time.time() + 60
        while time.time() < deadline and not list((tmp_path / "st").glob("extractions/*.json")):
            time.sleep(0.1)
        time.sleep(0.3)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    st = Store(tmp_path / "st")
    assert len(st.entries) == 1
    assert not list((tmp_path / "st").rglob("*.tmp")) and not (tmp_path / "st" / GRAPH).exists()
    s = build([src], tmp_path / "st", spec=SPEC)
    assert (s.new, s.known, s.stored) == (2, 1, 3)
