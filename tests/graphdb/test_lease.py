"""kg.graphdb.lease: the lifecycle lock and the leases, with real processes but no database."""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time

import pytest

from kg.errors import DatabaseError
from kg.graphdb import lease

HOLD = """
import sys, time
from pathlib import Path
from kg.graphdb import lease
d = Path(sys.argv[1])
if sys.argv[2] == "lease":
    with lease.lifecycle(d, "taking a lease"):
        held = lease.Lease.acquire(d)
    print("ready", flush=True)
    time.sleep(float(sys.argv[3]))
    held.release()
else:
    with lease.lifecycle(d, "holding the lock for a test"):
        print("ready", flush=True)
        time.sleep(float(sys.argv[3]))
"""


def holder(d, what: str, seconds: float) -> subprocess.Popen:
    p = subprocess.Popen([sys.executable, "-c", HOLD, str(d), what, str(seconds)], stdout=subprocess.PIPE,
                         text=True)
    assert p.stdout.readline().strip() == "ready"
    return p


def test_lease_counts_live_holders_and_removes_stale_ones(tmp_path):
    assert lease.live_leases(tmp_path) == []
    mine = lease.Lease.acquire(tmp_path)
    (tmp_path / lease.LEASE_DIR / "999999999.0badf00d").write_text("")  # a pid that cannot exist
    (tmp_path / lease.LEASE_DIR / f"{os.getppid()}.unlocked").write_text("")  # live pid, nobody holds it
    (tmp_path / lease.LEASE_DIR / "garbage").write_text("")
    assert lease.live_leases(tmp_path) == [os.getpid()]
    assert sorted(os.listdir(tmp_path / lease.LEASE_DIR)) == [mine.path.name]
    second = lease.Lease.acquire(tmp_path)  # two leases in one process are two leases
    assert lease.live_leases(tmp_path) == [os.getpid(), os.getpid()]
    mine.release()
    second.release()
    mine.release()  # twice is harmless
    assert lease.live_leases(tmp_path) == [] and os.listdir(tmp_path / lease.LEASE_DIR) == []


def test_lease_of_a_killed_process_is_stale_at_once(tmp_path):
    p = holder(tmp_path, "lease", 600)
    try:
        assert lease.live_leases(tmp_path) == [p.pid]
    finally:
        p.send_signal(signal.SIGKILL)
        p.wait()
    assert lease.live_leases(tmp_path) == []  # the kernel dropped its lock: no wait, no timeout
    assert os.listdir(tmp_path / lease.LEASE_DIR) == []


def test_lifecycle_waits_for_the_holder_and_says_for_whom(tmp_path, caplog):
    p = holder(tmp_path, "lock", 1.5)
    try:
        assert lease.try_lock(tmp_path, "probe") is None
        t0 = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="kg.graphdb.lease"):
            with lease.lifecycle(tmp_path, "testing"):
                waited = time.monotonic() - t0
                assert (tmp_path / lease.LOCK_FILE).read_text() == f"pid {os.getpid()}: testing\n"
    finally:
        p.wait(timeout=30)
    assert waited >= 0.8
    msgs = [r.getMessage() for r in caplog.records]
    assert len(msgs) == 1, msgs
    assert f"pid {p.pid}: holding the lock for a test" in msgs[0] and str(tmp_path) in msgs[0]


def test_lifecycle_lock_of_a_killed_process_does_not_block(tmp_path):
    p = holder(tmp_path, "lock", 600)
    p.send_signal(signal.SIGKILL)
    p.wait()
    t0 = time.monotonic()
    with lease.lifecycle(tmp_path, "after a kill"):
        pass
    assert time.monotonic() - t0 < 0.5


def test_lifecycle_gives_up_with_one_line(tmp_path):
    p = holder(tmp_path, "lock", 600)
    try:
        with pytest.raises(DatabaseError) as e:
            with lease.lifecycle(tmp_path, "impatient", timeout=0.3):
                pass
    finally:
        p.send_signal(signal.SIGKILL)
        p.wait()
    msg = str(e.value)
    assert "\n" not in msg and f"pid {p.pid}" in msg and "busy for 0 s" in msg


def test_pid_alive():
    assert lease.pid_alive(os.getpid())
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + 10
    while lease.pid_alive(p.pid) and time.monotonic() < deadline:  # a zombie counts as gone
        time.sleep(0.02)
    assert not lease.pid_alive(p.pid)
    p.wait()
    assert not lease.pid_alive(p.pid) and not lease.pid_alive(0) and not lease.pid_alive(-1)


CHECK_DIR = """
import sys
from pathlib import Path
from kg.graphdb import embedded
for _ in range(300):
    embedded.ensure_data_dir(Path(sys.argv[1]))
"""


def test_data_dir_check_of_commands_started_at_once_does_not_collide(tmp_path):
    # every command probes that the data directory is writable; they once shared one probe file
    # name, so one command's unlink made another fail with "data directory is not usable"
    procs = [subprocess.Popen([sys.executable, "-c", CHECK_DIR, str(tmp_path)], stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    errs = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errs
    assert os.listdir(tmp_path) == []
