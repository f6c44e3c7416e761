"""Faults injected into real ``kg`` processes: SIGKILL mid-run, a full disk, a read-only directory.

After each: no partial output file, the previous output intact, no visible temp file, one error
line and exit 2 (never a traceback), and the next run gives what an uninterrupted run gives.
"""
from __future__ import annotations

import os
import pty
import resource
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reliability_helpers import ENV, KG, ROOT, error_lines, run_kg, visible_files, write_corpus

pytestmark = pytest.mark.slow

PREVIOUS = b"# the previous output\n<urn:x:a> <urn:x:b> <urn:x:c> .\n"


def _reference_extract(extractor, folder: Path, dest: Path) -> bytes:
    """What an uninterrupted ``kg extract folder -o dest`` writes, made in-process."""
    from kg.link.merge import BatchBuilder
    from kg.workflow import read_inputs
    from kg.rdf.write import write_batch

    builder = BatchBuilder()
    for ex in extractor.extract_many(read_inputs([str(folder)], [], 5_000_000)):
        builder.add(ex)
    write_batch(builder.build(), dest)
    return dest.read_bytes()


def _wait_for_progress(master: int, proc: subprocess.Popen, timeout: float = 240) -> str:
    """Read the terminal until the progress line shows documents done (the run is working)."""
    seen, end = b"", time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        r, _, _ = select.select([master], [], [], 0.2)
        if r:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
            if b"extracting" in seen:
                return seen.decode("utf-8", "replace")
    raise AssertionError(f"no progress seen (exit {proc.poll()}): {seen[-500:]!r}")


def test_faults_sigkill_extract_keeps_previous_output_and_rerun_matches(tmp_path, extractor):
    src = write_corpus(tmp_path / "in", 150)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dest = out_dir / "graph.ttl"
    dest.write_bytes(PREVIOUS)
    master, slave = pty.openpty()   # a terminal on stderr: the progress line tells us it is working
    proc = subprocess.Popen([KG, "extract", str(src), "-o", str(dest)], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave, env={**ENV, "TERM": "xterm"})
    os.close(slave)
    try:
        _wait_for_progress(master, proc)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(60) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert dest.read_bytes() == PREVIOUS
    assert visible_files(out_dir) == ["graph.ttl"]

    again = run_kg("extract", src, "-o", dest)
    assert again.returncode == 0, again.stderr
    assert dest.read_bytes() == _reference_extract(extractor, src, tmp_path / "ref.ttl")
    assert visible_files(out_dir) == ["graph.ttl"] and not list(out_dir.glob(".*"))


_KILL_IN_FSYNC = """
import os, sys
sys.path.insert(0, {root!r})
os.fsync = lambda fd: os.kill(os.getpid(), 9)     # SIGKILL after the data is written, before the rename
from kg.models import Dispatch, GraphBatch
from kg.ids import content_hash
text = "Ruritania bans exports of gallium."
batch = GraphBatch(dispatches=(Dispatch(id=content_hash(text), text=text, title="T"),))
if sys.argv[1] == "rdf":
    from kg.rdf.write import write_batch
    write_batch(batch, sys.argv[2])
else:
    from kg.store import atomic_write
    from pathlib import Path
    atomic_write(Path(sys.argv[2]), b"new content that must never be seen half-written")
"""


@pytest.mark.parametrize("writer", ["rdf", "store"])
def test_faults_sigkill_inside_a_write_leaves_old_file_and_only_a_hidden_temp(tmp_path, writer):
    dest = tmp_path / "graph.ttl"
    dest.write_bytes(PREVIOUS)
    proc = subprocess.run([sys.executable, "-c", _KILL_IN_FSYNC.format(root=str(ROOT)), writer, str(dest)],
                          capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert dest.read_bytes() == PREVIOUS
    assert visible_files(tmp_path) == ["graph.ttl"]
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "graph.ttl"]
    assert len(leftovers) == 1 and leftovers[0].startswith(".graph.ttl.") and leftovers[0].endswith(".tmp")


def test_faults_sigkill_build_resumes_to_the_uninterrupted_graph(tmp_path, extractor):
    from kg.executors import ExtractorSpec
    from kg.models import Extraction
    from kg.store import build

    src = write_corpus(tmp_path / "in", 60, seed=3)
    store = tmp_path / "store"
    proc = subprocess.Popen([KG, "build", str(src), "--store", str(store)], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    try:
        end = time.monotonic() + 240
        while time.monotonic() < end and proc.poll() is None:
            if len(list((store / "extractions").glob("*.json"))) >= 3:
                break
            time.sleep(0.05)
        assert proc.poll() is None, proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(60) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()
    # every visible file is whole: the manifest and each stored extraction parse
    import json
    manifest = json.loads((store / "manifest.json").read_text())
    stored = visible_files(store / "extractions")
    assert 3 <= len(stored) < 60 and not (store / "graph.ttl").exists()
    for name in stored:
        Extraction.model_validate_json((store / "extractions" / name).read_bytes())
    assert set(manifest["dispatches"]) <= {n.removesuffix(".json") for n in stored}

    again = run_kg("build", src, "--store", store)
    assert again.returncode == 0, again.stderr
    assert f"{len(manifest['dispatches'])} already stored" in again.stderr

    ref = tmp_path / "ref"
    build([str(src)], ref, spec=ExtractorSpec(factory=lambda _m: extractor))
    assert (store / "graph.ttl").read_bytes() == (ref / "graph.ttl").read_bytes()
    assert visible_files(store) == visible_files(ref)


def _fsize_limit(n: int):
    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (n, n))
    return limit


def test_faults_disk_full_extract_one_line_exit_2_previous_output_intact(tmp_path):
    """RLIMIT_FSIZE makes every write past 4 kB fail (EFBIG), as a full disk does, without mounting."""
    src = write_corpus(tmp_path / "in", 4)
    dest = tmp_path / "out" / "graph.ttl"
    dest.parent.mkdir()
    dest.write_bytes(PREVIOUS)
    r = run_kg("extract", src, "-o", dest, preexec_fn=_fsize_limit(4096))
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert error_lines(r.stderr) == [f"error: {dest}: cannot write: File too large"]
    assert dest.read_bytes() == PREVIOUS
    assert sorted(p.name for p in dest.parent.iterdir()) == ["graph.ttl"]


def test_faults_disk_full_build_one_line_exit_2_then_resumes(tmp_path):
    src = write_corpus(tmp_path / "in", 4)
    store = tmp_path / "store"
    r = run_kg("build", src, "--store", store, preexec_fn=_fsize_limit(4096))
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    [line] = error_lines(r.stderr)
    assert line.startswith(f"error: {store}/") and line.endswith("cannot write: File too large")
    assert not any(n.startswith(".") for n in visible_files(store))
    again = run_kg("build", src, "--store", store)
    assert again.returncode == 0, again.stderr
    assert (store / "graph.ttl").stat().st_size > 4096


def test_faults_stdout_to_dev_full_is_one_line_exit_2(tmp_path):
    """ENOSPC for real: /dev/full as standard output."""
    src = write_corpus(tmp_path / "in", 2)
    with open("/dev/full", "wb") as full:
        r = subprocess.run([KG, "extract", str(src), "-o", "-"], stdout=full, stderr=subprocess.PIPE,
                           text=True, timeout=300, env=ENV)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr
    assert error_lines(r.stderr) == ["error: stdout: cannot write: No space left on device"]


def _without_dac_override() -> list[str]:
    """Root ignores directory permissions: drop that capability (util-linux setpriv) when root."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.fail("running as root needs util-linux setpriv to make a directory read-only for kg")
    drop = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={drop}", f"--bounding-set={drop}", "--"]


def _kg_read_only(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*_without_dac_override(), KG, *map(str, args)], capture_output=True, text=True,
                          timeout=300, env=ENV)


@pytest.mark.parametrize("verbose", [False, True])
def test_faults_read_only_output_directory(tmp_path, verbose):
    src = write_corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    dest = out / "graph.ttl"
    dest.write_bytes(PREVIOUS)
    out.chmod(0o555)
    args = ["-v"] if verbose else []
    r = _kg_read_only(*args, "extract", src, "-o", dest)
    assert r.returncode == 2, r.stderr
    assert error_lines(r.stderr) == [f"error: {dest}: cannot write: Permission denied"]
    assert ("Traceback" in r.stderr) is verbose   # -v shows where it happened; otherwise one line
    assert dest.read_bytes() == PREVIOUS and sorted(p.name for p in out.iterdir()) == ["graph.ttl"]
    out.chmod(0o755)


def test_faults_read_only_store_one_line_exit_2_store_intact(tmp_path):
    src = write_corpus(tmp_path / "in", 3)
    store = tmp_path / "store"
    assert run_kg("build", src / "d0000.txt", "--store", store).returncode == 0
    before = {p: p.read_bytes() for p in store.rglob("*") if p.is_file()}
    for p in [store, *store.rglob("*")]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    r = _kg_read_only("build", src, "--store", store)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    [line] = error_lines(r.stderr)
    assert "cannot write: Permission denied" in line and str(store) in line
    assert {p: p.read_bytes() for p in store.rglob("*") if p.is_file()} == before
    for p in [store, *store.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)
