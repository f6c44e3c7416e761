"""Who may start or stop the embedded server of a data directory, and who is using it.

Decided with ``fcntl.flock`` locks in the data directory. The kernel drops such a lock when the
process holding it dies, so a command killed with SIGKILL can never leave one held:

* ``lifecycle.lock``: one process at a time starts, adopts or stops the server (and creates a
  lease). It is held for the seconds a start takes; a command that has to wait for it says once on
  stderr whom it is waiting for (the holder writes its pid and what it is doing into the file).
* ``leases/PID.TOKEN``: one file per command using the server (``kg load``, ``kg query``),
  locked by that command for as long as it runs. A lease counts while its file is locked *and*
  its pid is alive; any other lease is stale (its command was killed) and is removed by whoever
  counts. A temporary server (one no ``kg db start`` keeps) is stopped when its last lease goes:
  by the command releasing it, or, when that command was killed, by the server itself (see
  ``kg.graphdb.embedded.serve``); ``kg db stop`` waits for the leases of a kept one.

Leases are created only while ``lifecycle.lock`` is held, so a server that finds no lease under
that lock knows no command is between "found the server" and "holds a lease".
"""
from __future__ import annotations

import fcntl
import logging
import os
import secrets
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from kg.errors import DatabaseError

log = logging.getLogger(__name__)

LOCK_FILE = "lifecycle.lock"
LEASE_DIR = "leases"
#: longest wait for another command's start or stop (a start may take START_TIMEOUT = 90 s)
LOCK_TIMEOUT = 150.0
POLL = 0.1
#: a wait this short goes unannounced (a temporary server checks the lock every second)
QUIET_WAIT = 0.5


def pid_alive(pid: int) -> bool:
    """True when ``pid`` runs and is not a zombie (an exited child nobody has reaped yet)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ", 1)[1][:1] != "Z"
    except (OSError, IndexError):
        return True


def try_lock(data_dir: Path, doing: str) -> int | None:
    """Take ``lifecycle.lock`` without waiting: its file descriptor, or None when another holds it.

    The lock lasts until ``unlock(fd)`` or the end of the process.
    """
    fd = os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    except BaseException:
        os.close(fd)
        raise
    _note(fd, doing)
    return fd


def _note(fd: int, doing: str) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()}: {doing}\n".encode(), 0)


def unlock(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)
    except OSError:
        pass
    os.close(fd)  # closing the only descriptor of the file releases the flock


@contextmanager
def lifecycle(data_dir: Path, doing: str, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold ``lifecycle.lock`` for the block; wait for another holder (saying so once) up to ``timeout``."""
    fd = try_lock(data_dir, doing)
    if fd is None:
        fd = _wait(data_dir, doing, timeout)
    try:
        yield
    finally:
        unlock(fd)


def _wait(data_dir: Path, doing: str, timeout: float) -> int:
    path = data_dir / LOCK_FILE
    t0 = time.monotonic()
    who, said = "", False
    while True:
        fd = try_lock(data_dir, doing)
        if fd is not None:
            return fd
        waited = time.monotonic() - t0
        if not said and waited >= QUIET_WAIT:
            who, said = _holder_of(path), True
            log.warning("waiting for another process using the embedded database in %s (%s)", data_dir,
                        who or "holder unknown")
        if waited >= timeout:
            who = who or _holder_of(path)
            raise DatabaseError(f"{data_dir}: another process ({who or 'holder unknown'}) kept the "
                                f"embedded database busy for {timeout:.0f} s; try again, or see {path}")
        time.sleep(POLL)


def _holder_of(path: Path) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read(200).strip()
    except OSError:
        return ""


class Lease:
    """This process's claim on a temporary server. Create with ``Lease.acquire`` under the lifecycle lock."""

    def __init__(self, path: Path, fd: int):
        self.path, self.fd = path, fd

    @classmethod
    def acquire(cls, data_dir: Path) -> "Lease":
        d = data_dir / LEASE_DIR
        d.mkdir(mode=0o700, exist_ok=True)
        path = d / f"{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BaseException:
            os.close(fd)
            path.unlink(missing_ok=True)
            raise
        return cls(path, fd)

    def release(self) -> None:
        if self.fd < 0:
            return
        self.path.unlink(missing_ok=True)
        os.close(self.fd)
        self.fd = -1


def _lease_pid(name: str) -> int:
    try:
        return int(name.split(".", 1)[0])
    except ValueError:
        return -1


def live_leases(data_dir: Path) -> list[int]:
    """The pids holding a live lease (sorted; this process's own leases included); stale ones are removed."""
    d = data_dir / LEASE_DIR
    try:
        names = sorted(os.listdir(d))
    except FileNotFoundError:
        return []
    pids = []
    for name in names:
        path, pid = d / name, _lease_pid(name)
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            continue  # released meanwhile
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                held = False  # nobody holds it: its command ended without releasing it (SIGKILL)
            except BlockingIOError:
                held = True
            if held and pid_alive(pid):
                pids.append(pid)
            else:
                log.info("removing the stale lease %s (pid %d is gone)", path, pid)
                path.unlink(missing_ok=True)
        finally:
            os.close(fd)
    return sorted(pids)
