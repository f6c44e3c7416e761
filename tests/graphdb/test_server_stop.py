"""The embedded server stops through ArcadeDB's orderly shutdown: quickly, and with the database closed.

Before the fix the server process ignored SIGTERM whenever the kernel delivered it to a JVM thread
(most of the time): the caller waited 30 s and killed it, and the next start logged "Database
'policykg' was not closed properly".
"""
from __future__ import annotations

import os
import signal
import time

import pytest

from kg.graphdb import embedded
from kg.graphdb.client import Client, Target

pytestmark = pytest.mark.slow

NOT_CLOSED = "not closed properly"


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ", 1)[1][:1] != "Z"
    except OSError:
        return False


def _log(d) -> str:
    return (d / embedded.LOG_FILE).read_text(encoding="utf-8", errors="replace")


def test_stop_is_orderly_quick_and_closes_the_database(tmp_path):
    d = tmp_path / "db"
    times = []
    for i in range(3):
        info = embedded.start(d)
        with Client(Target(info.uri, embedded.USER, embedded.password(d), info.database)) as c:
            c.run("MERGE (n:Probe {iri: $iri}) RETURN n.iri", {"iri": f"urn:probe:{i}"})
        t0 = time.monotonic()
        assert embedded.stop(d)
        times.append(time.monotonic() - t0)
        assert times[-1] < 5, f"stop {i + 1} took {times[-1]:.1f} s"
        assert not alive(info.pid)
        assert embedded.status(d) is None and not (d / embedded.STATE_FILE).exists()
    log = _log(d)
    assert log.count("kg-embedded: stopped") == 3, log[-2000:]  # each stop was orderly, none killed
    # the fourth start opens a database that every stop closed properly
    info = embedded.start(d)
    try:
        with Client(Target(info.uri, embedded.USER, embedded.password(d), info.database)) as c:
            n = c.run("MATCH (n:Probe) RETURN count(n) AS n").records[0]["n"]
        assert n == 3
    finally:
        embedded.stop(d)
    assert NOT_CLOSED not in _log(d)


def test_sigint_and_sighup_stop_it_too_and_sigkill_stays_survivable(tmp_path):
    d = tmp_path / "db"
    for sig in (signal.SIGINT, signal.SIGHUP):
        info = embedded.start(d)
        os.kill(info.pid, sig)
        deadline = time.monotonic() + 5
        while alive(info.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(info.pid), f"{sig.name} did not stop the server within 5 s"
        assert f"kg-embedded: stopped ({sig.name})" in _log(d)
    info = embedded.start(d)
    os.kill(info.pid, signal.SIGKILL)  # no shutdown at all: ArcadeDB recovers on the next start
    time.sleep(0.5)
    info = embedded.start(d)
    try:
        with Client(Target(info.uri, embedded.USER, embedded.password(d), info.database)) as c:
            assert c.run("RETURN 1 AS x").records[0]["x"] == 1
    finally:
        assert embedded.stop(d)
    assert _log(d).count(NOT_CLOSED) == 1  # only after the SIGKILL
