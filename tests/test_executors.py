"""kg.executors: ``kg extract`` and ``kg build`` run one extraction function with the same options."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.executors
from kg.cli.app import app
from kg.executors import ExtractorSpec, LocalExecutor, run_extraction
from kg.ids import entity_key
from kg.link.merge import merge
from kg.models import Dispatch, Entity, Extraction, PipelineInfo
from kg.store import Store, build
from kg.workflow import extract

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


class WordExtractor:
    """One Country entity per capitalised first word of each line: no spaCy, deterministic."""

    def __init__(self, model=None, rules_only=False):
        self.info = PipelineInfo(version="test", model=f"{model}/{rules_only}")

    def extract_many(self, dispatches, n_process=1):
        for d in dispatches:
            names = sorted({ln.split()[0] for ln in d.text.splitlines() if ln.strip()[:1].isupper()})
            ents = tuple(Entity(key=entity_key("Country", n), type="Country", name=n) for n in names)
            yield Extraction(dispatch=d, entities=ents, pipeline=self.info)


def word_factory(model, rules_only=False):
    return WordExtractor(model, rules_only)


def never_factory(model, rules_only=False):
    raise AssertionError("the extractor was built for no dispatch")


class Recorder:
    """An executor that records what it was asked to run (and runs it locally)."""

    name = "recorder"

    def __init__(self, workers):
        self.workers, self.specs, self.results = workers, [], []

    def extract(self, dispatches, spec):
        self.specs.append(spec)
        for ex in LocalExecutor(1).extract(dispatches, ExtractorSpec(spec.model, word_factory, spec.rules_only)):
            self.results.append(ex)
            yield ex


def _inputs(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Title A\n\nFrance and Japan agree.\nKenya too.\n", encoding="utf-8")
    (d / "b.txt").write_text("Title B\n\nChile objects.\n", encoding="utf-8")
    return d


def test_executors_extract_and_build_verbs_pass_the_same_options_to_one_function(tmp_path, monkeypatch):
    made: list[tuple] = []

    def get_executor(name="local", workers=1, scheduler=None):
        made.append((name, workers, scheduler))
        made.append(rec := Recorder(workers))
        return rec

    monkeypatch.setattr(kg.executors, "get_executor", get_executor)
    src = _inputs(tmp_path)
    opts = ["--model", "some-model", "--workers", "3", "--rules-only", "--max-bytes", "1000"]
    r1 = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "g.ttl"), *opts])
    r2 = runner.invoke(app, ["build", str(src), "--store", str(tmp_path / "st"), *opts])
    assert r1.exit_code == 0 and r2.exit_code == 0, (r1.output, r2.output)
    (args1, rec1), (args2, rec2) = made[0:2], made[2:4]
    assert args1 == args2 == ("local", 3, None)
    assert rec1.specs == rec2.specs == [ExtractorSpec("some-model", rules_only=True)]
    assert rec1.results == rec2.results and len(rec1.results) == 2  # the same records, in the same order
    assert merge(Store(tmp_path / "st").extractions()) == merge(rec1.results)


def test_executors_extract_verb_takes_the_executor_options_of_build(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("x", encoding="utf-8")
    for extra in (["--executor", "spark"], ["--scheduler", "tcp://h:1"]):
        r = runner.invoke(app, ["extract", str(f), "-o", str(tmp_path / "g.ttl"), *extra])
        assert r.exit_code == 2 and r.stderr.startswith("error:"), (extra, r.output)
        assert not (tmp_path / "g.ttl").exists()


def test_executors_library_extract_and_build_give_the_same_records(tmp_path):
    src = _inputs(tmp_path)
    spec = ExtractorSpec("m", word_factory)
    seen: list[str] = []
    batch = extract([src], spec=spec, progress=lambda ex: seen.append(ex.dispatch.id)).batch
    s = build([src], tmp_path / "st", spec=spec, progress=lambda ex: seen.append(ex.dispatch.id))
    assert s.new == 2 and len(seen) == 4 and sorted(seen[:2]) == sorted(seen[2:])
    assert merge(Store(tmp_path / "st").extractions()) == batch


def test_executors_local_reads_lazily_and_builds_nothing_for_no_input():
    assert list(run_extraction([], ExtractorSpec(factory=never_factory))) == []
    pulled: list[int] = []

    def dispatches():
        for i in range(5):
            pulled.append(i)
            yield Dispatch(id=f"d{i}", text=f"Peru {i}")

    it = run_extraction(dispatches(), ExtractorSpec(factory=word_factory))
    first = next(it)
    assert first.dispatch.id == "d0" and len(pulled) <= 2  # a stream stays a stream
    assert [ex.dispatch.id for ex in it] == ["d1", "d2", "d3", "d4"]


def test_executors_cli_max_bytes_default_is_ingest_default():
    from kg.cli.options import MAX_BYTES
    from kg.ingest.sources import DEFAULT_MAX_BYTES

    assert MAX_BYTES == DEFAULT_MAX_BYTES


@pytest.mark.slow
def test_executors_real_model_extract_and_build_agree_on_long_dispatches(tmp_path):
    """The real pipeline through both verbs' library calls: the same records, windows included."""
    src = tmp_path / "in"
    src.mkdir()
    for name in ("001_netherlands_duv_china_gallium.txt", "003_india_bans_chinese_apps.txt"):
        (src / name).write_bytes((SAMPLES / name).read_bytes())
    para = ("The ministry said on Monday that the new export licences would apply to advanced "
            "chipmaking equipment. Officials in Tokyo declined to comment on the decision.\n\n")
    (src / "long.txt").write_text("A long report\n\n" + para * 160, encoding="utf-8")  # > 20,000 characters
    from kg.nlp.windows import LONG_CHARS

    assert (src / "long.txt").stat().st_size > LONG_CHARS
    batch = extract([src], rules_only=True).batch
    build([src], tmp_path / "st", rules_only=True, workers=2)
    assert merge(Store(tmp_path / "st").extractions()) == batch
