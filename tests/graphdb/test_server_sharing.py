"""Commands sharing the embedded server of one data directory, with real ``kg`` processes.

Before the fix, ``kg`` commands run without ``kg db start`` each started their own server on the
same data (or found one and stopped it under the others when they finished first).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphdb_fixtures import EVENTS, fixture_batch

from kg.graphdb import embedded

pytestmark = pytest.mark.slow
KG = [str(Path(sys.executable).with_name("kg"))]

HOLD = """
import sys
from kg.graphdb import embedded
with embedded.running(sys.argv[1]) as (info, pw):
    print(info.pid, flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


def kg_popen(*args: str) -> subprocess.Popen:
    return subprocess.Popen(KG + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(KG + list(args), capture_output=True, text=True, timeout=timeout)


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ", 1)[1][:1] != "Z"
    except OSError:
        return False


def wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not alive(pid)


def server_log(d: Path) -> str:
    return (d / embedded.LOG_FILE).read_text(encoding="utf-8", errors="replace")


def assert_stopped_cleanly(d: Path) -> None:
    assert embedded.status(d) is None and not (d / embedded.STATE_FILE).exists()
    assert not os.listdir(d / "leases")
    log = server_log(d)
    assert "not closed properly" not in log
    assert log.count("kg-embedded: listening") == log.count("kg-embedded: stopped ("), log[-3000:]
    assert "did not stop" not in log


@pytest.mark.parametrize("queries", [2, 5])
def test_concurrent_queries_and_a_load_each_finish(tmp_path, queries):
    from kg.rdf.write import write_batch

    d = tmp_path / "db"
    ttl = tmp_path / "g.ttl"
    write_batch(fixture_batch(), ttl)
    slow = "UNWIND range(1, 3000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS c, $i AS i"
    procs = [kg_popen("load", str(ttl), "--data-dir", str(d))]
    for i in range(queries):
        q = slow if i % 2 else "RETURN 1 AS c, $i AS i"
        procs.append(kg_popen("query", q, "-p", f"i:int={i}", "--format", "json", "--data-dir", str(d)))
    outs = [p.communicate(timeout=400) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, f"{p.args[1:3]} exit {p.returncode}: {err[-2000:]}"
        assert "error" not in err.lower(), err
    for i, (out, _err) in enumerate(outs[1:]):
        assert json.loads(out)[0]["i"] == i
    assert_stopped_cleanly(d)
    # the load really completed
    r = kg("query", "MATCH (e:PolicyEvent) RETURN count(e) AS n", "--format", "json", "--data-dir", str(d))
    assert r.returncode == 0 and json.loads(r.stdout) == [{"n": len(EVENTS)}], r.stderr
    assert_stopped_cleanly(d)


def test_a_command_waits_for_another_starting_the_server_and_says_so(tmp_path):
    from kg.graphdb import lease

    d = tmp_path / "db"
    d.mkdir()
    fd = lease.try_lock(d, "starting the embedded database")  # as a command starting it would
    try:
        p = kg_popen("query", "RETURN 1 AS x", "--format", "json", "--data-dir", str(d))
        time.sleep(4)
        assert p.poll() is None  # waiting, not failing
    finally:
        lease.unlock(fd)
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0 and json.loads(out) == [{"x": 1}], err
    assert "waiting for another process using the embedded database" in err
    assert f"pid {os.getpid()}: starting the embedded database" in err
    assert len(err.strip().splitlines()) == 1, err


def test_killed_command_leaves_no_server_and_blocks_nobody(tmp_path):
    d = tmp_path / "db"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(d)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    pid = int(holder.stdout.readline())
    assert embedded.status(d).temporary
    holder.send_signal(signal.SIGKILL)  # no finally, no release: the lease dies with it
    holder.wait()
    assert wait_gone(pid, 10), "the temporary server outlived its only user"
    assert "kg-embedded: stopped (idle" in server_log(d)
    t0 = time.monotonic()
    r = kg("query", "RETURN 2 AS x", "--format", "json", "--data-dir", str(d))
    assert r.returncode == 0 and json.loads(r.stdout) == [{"x": 2}], r.stderr
    assert "waiting" not in r.stderr and time.monotonic() - t0 < 60
    assert_stopped_cleanly(d)


def test_db_stop_waits_for_users_and_db_start_keeps_a_shared_server(tmp_path):
    d = tmp_path / "db"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(d)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    pid = int(holder.stdout.readline())
    st = kg("db", "status", "--data-dir", str(d))
    assert st.returncode == 0 and f"pid {pid}" in st.stdout and "temporary" in st.stdout, st.stdout
    s = kg("db", "stop", "--data-dir", str(d))
    assert s.returncode == 0 and f"in use by 1 kg command(s) (pid {holder.pid})" in s.stderr, s.stderr
    assert alive(pid)
    q = kg("query", "RETURN 3 AS x", "--format", "json", "--data-dir", str(d))  # joins, does not stop it
    assert q.returncode == 0 and json.loads(q.stdout) == [{"x": 3}] and alive(pid), q.stderr
    holder.stdin.close()  # the last user finishes: the server stops with it
    holder.wait(timeout=60)
    assert not alive(pid)
    assert_stopped_cleanly(d)

    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(d)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    pid = int(holder.stdout.readline())
    st = kg("db", "start", "--data-dir", str(d))
    assert st.returncode == 0 and "already running" in st.stderr and f"pid {pid}" in st.stderr, st.stderr
    holder.stdin.close()
    holder.wait(timeout=60)
    time.sleep(2 * embedded.IDLE_CHECK + 0.5)
    assert alive(pid) and not embedded.status(d).temporary  # kept by kg db start
    s = kg("db", "stop", "--data-dir", str(d))
    assert s.returncode == 0 and "stopped" in s.stderr
    assert wait_gone(pid, 5)
    assert_stopped_cleanly(d)
