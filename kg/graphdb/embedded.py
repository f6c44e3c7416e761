"""The embedded graph database: ArcadeDB (``arcadedb-embedded``) with its Bolt plugin.

The server always runs in its own process (``python -m kg.graphdb.embedded serve DATA_DIR``):
the JVM never starts inside the calling process, so ``kg`` commands exit cleanly, a crashed or
killed server cannot take the caller with it, and tests can kill it on purpose.

Data directory layout (``--data-dir`` / ``KG_DATA_DIR``; default
``platformdirs.user_data_dir("policykg")/arcadedb``)::

    credentials     the generated root password (mode 0600), created on first use
    server.json     {"pid", "bolt_port", "http_port", "database", "started", "temporary"} while a server runs
    server.log      the server's own log (ArcadeDB also writes log/ and config/ here)
    lifecycle.lock  who is starting or stopping the server (see kg.graphdb.lease)
    leases/         one locked file per command using the server (see kg.graphdb.lease)
    databases/      ArcadeDB's files

Only loopback ports are used. ``start()`` returns when Bolt accepts connections.

Lifecycle. ``kg db start`` starts a *kept* server; ``kg load`` and ``kg query`` without one start a
*temporary* server, which any number of commands share (each holds a lease) and which stops when
the last of them finishes (or, if that one was killed, by itself within a second or two). Stopping
is ArcadeDB's own orderly shutdown (``ArcadeDBServer.stop()``, which closes the database), asked
for with SIGTERM; SIGKILL is only the fallback after ``STOP_TIMEOUT``.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from kg.errors import ConfigError, DatabaseError
from kg.graphdb import lease

log = logging.getLogger(__name__)

DATABASE = "policykg"
USER = "root"
HOST = "127.0.0.1"
STATE_FILE = "server.json"
CREDENTIALS_FILE = "credentials"
LOG_FILE = "server.log"
START_TIMEOUT = 90.0
#: an orderly stop takes well under a second; SIGKILL after this long
STOP_TIMEOUT = 30.0
#: how often a temporary server looks for commands still using it
IDLE_CHECK = 1.0
#: the server leaves SIGTERM, SIGINT and SIGHUP to Python (-Xrs: "reduce signal usage")
JVM_ARGS = ("-Xrs",)
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


@dataclass(frozen=True)
class ServerInfo:
    data_dir: Path
    pid: int
    bolt_port: int
    http_port: int
    database: str = DATABASE
    temporary: bool = False

    @property
    def uri(self) -> str:
        return f"bolt://{HOST}:{self.bolt_port}"


def default_data_dir() -> Path:
    env = os.environ.get("KG_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("policykg")) / "arcadedb"


def resolve_data_dir(data_dir: str | Path | None = None) -> Path:
    return Path(data_dir).expanduser().resolve() if data_dir else default_data_dir().resolve()


def ensure_data_dir(data_dir: Path) -> Path:
    """Create the directory (mode 0700) or raise a ConfigError naming it."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, probe = tempfile.mkstemp(prefix=".write-test.", dir=data_dir)  # one per process: commands run at once
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise ConfigError(f"{data_dir}: data directory is not usable: {exc.strerror or exc}") from None
    if not data_dir.is_dir():
        raise ConfigError(f"{data_dir}: data directory is not a directory")
    return data_dir


def password(data_dir: Path) -> str:
    """The generated root password stored with the data (created with mode 0600 on first use)."""
    path = data_dir / CREDENTIALS_FILE
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    pw = secrets.token_urlsafe(24)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(pw + "\n")
    return pw


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def port_open(port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=timeout):
            return True
    except OSError:
        return False


def _read_state(d: Path) -> dict[str, Any] | None:
    try:
        state = json.loads((d / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def _write_state(d: Path, state: dict[str, Any]) -> None:
    tmp = d / f".{STATE_FILE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(state), encoding="utf-8")
    os.replace(tmp, d / STATE_FILE)


def status(data_dir: str | Path | None = None) -> ServerInfo | None:
    """The running server of ``data_dir``, or None (a stale state file is removed)."""
    d = resolve_data_dir(data_dir)
    state = _read_state(d)
    if state is None:
        return None
    try:
        info = ServerInfo(d, int(state["pid"]), int(state["bolt_port"]), int(state["http_port"]),
                          state.get("database", DATABASE), bool(state.get("temporary", False)))
    except (KeyError, TypeError, ValueError):
        return None
    if lease.pid_alive(info.pid) and port_open(info.bolt_port):
        return info
    if not lease.pid_alive(info.pid):
        (d / STATE_FILE).unlink(missing_ok=True)
    return None


def start(data_dir: str | Path | None = None, bolt_port: int | None = None,
          timeout: float = START_TIMEOUT) -> ServerInfo:
    """Start a kept server for ``data_dir`` (``kg db start``), or keep the one running; wait for Bolt.

    A temporary server that commands are sharing is kept from then on: it no longer stops when
    they finish.
    """
    d = ensure_data_dir(resolve_data_dir(data_dir))
    with lease.lifecycle(d, "starting the embedded database"):
        running_ = status(d)
        if running_ is None:
            return _spawn(d, bolt_port, timeout, temporary=False)
        if running_.temporary:
            state = _read_state(d) or {}
            if state.get("pid") == running_.pid:
                _write_state(d, {**state, "temporary": False})
            running_ = dataclasses.replace(running_, temporary=False)
        return running_


def _spawn(d: Path, bolt_port: int | None, timeout: float, temporary: bool) -> ServerInfo:
    """Start the server process (the caller holds the lifecycle lock) and wait until Bolt answers."""
    if bolt_port is not None and port_open(bolt_port):
        raise ConfigError(f"port {bolt_port} on {HOST} is already in use")
    password(d)  # create the credentials before the child needs them
    (d / STATE_FILE).unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "kg.graphdb.embedded", "serve", str(d)]
    if bolt_port:
        cmd += ["--bolt-port", str(bolt_port)]
    if temporary:
        cmd.append("--temporary")
    log_fh = open(d / LOG_FILE, "ab")
    try:
        proc = subprocess.Popen(cmd, cwd=d, stdin=subprocess.DEVNULL, stdout=log_fh, stderr=subprocess.STDOUT,
                                start_new_session=True, close_fds=True)
    finally:
        log_fh.close()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise DatabaseError(f"the embedded database in {d} did not start "
                                f"(exit {proc.returncode}); see {d / LOG_FILE}: {_last_error(d)}")
        info = status(d)
        if info and info.pid == proc.pid:
            return info
        time.sleep(0.1)
    _terminate(proc.pid, 10)
    raise DatabaseError(f"the embedded database in {d} did not accept connections within {timeout:.0f} s; "
                        f"see {d / LOG_FILE}")


def _last_error(d: Path) -> str:
    try:
        lines = (d / LOG_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return "no log"
    for line in reversed(lines):
        if line.startswith("kg-embedded: "):
            return line[len("kg-embedded: "):]
    return lines[-1] if lines else "no log"


def _terminate(pid: int, timeout: float) -> bool:
    """SIGTERM (the server's orderly stop), wait for the exit; SIGKILL after ``timeout``. True if orderly."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return True
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not lease.pid_alive(pid):
            return True
        time.sleep(0.05)
    log.warning("the embedded database (pid %d) did not stop within %.0f s; killing it", pid, timeout)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return False


def _stop_locked(d: Path, info: ServerInfo, timeout: float) -> None:
    _terminate(info.pid, timeout)
    state = _read_state(d)
    if state is None or state.get("pid") == info.pid:
        (d / STATE_FILE).unlink(missing_ok=True)


def stop(data_dir: str | Path | None = None, timeout: float = STOP_TIMEOUT) -> str | None:
    """Stop the server of ``data_dir`` (``kg db stop``); None when none was running.

    Returns what happened: ``"stopped"``, or, when commands are still using the server, that it
    stops as soon as they finish (it becomes temporary; nothing is cut off under them).
    """
    d = resolve_data_dir(data_dir)
    if not d.is_dir():
        return None
    with lease.lifecycle(d, "stopping the embedded database"):
        info = status(d)
        if info is None:
            return None
        users = lease.live_leases(d)
        if users:
            state = _read_state(d) or {}
            if state.get("pid") == info.pid:
                _write_state(d, {**state, "temporary": True})
            return (f"in use by {len(users)} kg command(s) (pid {', '.join(map(str, users))}): "
                    "it stops when they finish")
        _stop_locked(d, info, timeout)
        return "stopped"


def _stop_if_unused(d: Path) -> None:
    """After a command: stop a temporary server nobody else is using."""
    try:
        with lease.lifecycle(d, "stopping the embedded database"):
            info = status(d)
            if info is not None and info.temporary and not lease.live_leases(d):
                _stop_locked(d, info, STOP_TIMEOUT)
    except DatabaseError as exc:  # the server stops itself once idle
        log.warning("%s", exc)


@contextmanager
def running(data_dir: str | Path | None = None) -> Iterator[tuple[ServerInfo, str]]:
    """Use the running server of ``data_dir``, or start a temporary one, for the duration of the block.

    Holds a lease meanwhile, so another command finishing cannot stop the server under this one.
    """
    d = ensure_data_dir(resolve_data_dir(data_dir))
    with lease.lifecycle(d, "starting or joining the embedded database"):
        held = lease.Lease.acquire(d)
        try:
            info = status(d) or _spawn(d, None, START_TIMEOUT, temporary=True)
        except BaseException:
            held.release()
            raise
    try:
        yield info, password(d)
    finally:
        held.release()
        _stop_if_unused(d)


# --------------------------------------------------------------------------- the server process

def _say(msg: str) -> None:  # pragma: no cover - child process
    """A line of ours in server.log (ArcadeDB starts its lines with the newline: ours has both)."""
    print("\nkg-embedded: " + msg, flush=True)

def _idle(data_dir: Path) -> bool:
    """A temporary server nobody uses any more (its last command was killed). Keeps the lock if so."""
    state = _read_state(data_dir)
    if not state or not state.get("temporary") or state.get("pid") != os.getpid():
        return False
    fd = lease.try_lock(data_dir, "stopping the idle embedded database")
    if fd is None:
        return False
    state = _read_state(data_dir)  # it may have been kept (kg db start) meanwhile
    if state and state.get("temporary") and state.get("pid") == os.getpid() and not lease.live_leases(data_dir):
        return True  # the lock is held until this process exits, after the database is closed
    lease.unlock(fd)
    return False


def serve(data_dir: Path, bolt_port: int | None = None,
          temporary: bool = False) -> None:  # pragma: no cover - child process
    """Run the server in this process until SIGTERM/SIGINT/SIGHUP (or, if temporary, until unused).

    Signals: the JVM is started with ``-Xrs``, so it neither handles nor takes over SIGTERM, SIGINT
    and SIGHUP. Python's handlers are installed before the JVM starts; whichever thread the kernel
    delivers a signal to (usually a JVM thread), the handler writes it to a pipe
    (``signal.set_wakeup_fd``) on which the main thread waits. The main thread then stops the
    server through ArcadeDB's ``stop()``, which closes the database, and exits.
    """
    import select

    os.chdir(data_dir)  # ArcadeDB writes ./log into the working directory
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    for sig in STOP_SIGNALS:
        signal.signal(sig, lambda *_a: None)  # the wakeup fd carries the signal to the main thread
    signal.set_wakeup_fd(wake_w, warn_on_full_buffer=False)
    pw = password(data_dir)
    bolt_port = bolt_port or free_port()
    http_port = free_port()
    try:
        import arcadedb_embedded as arcadedb

        server = arcadedb.ArcadeDBServer(
            root_path=str(data_dir), root_password=pw,
            config={"host": HOST, "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
                    "bolt_port": bolt_port, "http_port": http_port},
            jvm_kwargs={"jvm_args": list(JVM_ARGS)})
        server.start()
        server.create_database(DATABASE)  # opens it when it exists
    except BaseException as exc:  # noqa: BLE001 - reported through the log and the exit code
        _say(f"cannot start: {' '.join(str(exc).split())[:400]}")
        os._exit(3)

    deadline = time.monotonic() + 60
    while not port_open(bolt_port) and time.monotonic() < deadline:
        time.sleep(0.05)
    _write_state(data_dir, {"pid": os.getpid(), "bolt_port": bolt_port, "http_port": http_port,
                            "database": DATABASE, "started": time.time(), "temporary": temporary})
    _say(f"listening on bolt://{HOST}:{bolt_port}" + (" (temporary)" if temporary else ""))
    why = ""
    while not why:
        ready, _, _ = select.select([wake_r], [], [], IDLE_CHECK)
        if ready:
            sigs = os.read(wake_r, 64)
            why = signal.Signals(sigs[0]).name if sigs else "signal"
        elif _idle(data_dir):
            why = "idle: no kg command uses it"
    t0 = time.monotonic()
    state = _read_state(data_dir)
    if state and state.get("pid") == os.getpid():
        (data_dir / STATE_FILE).unlink(missing_ok=True)  # no new client may find it while it stops
    code = 0
    try:
        server.stop()  # ArcadeDB's orderly shutdown: stops the plugins, closes the database
    except BaseException as exc:  # noqa: BLE001 - reported, then exit anyway
        _say(f"stop failed: {' '.join(str(exc).split())[:400]}")
        code = 1
    _say(f"stopped ({why}) in {time.monotonic() - t0:.2f} s")
    os._exit(code)  # skip interpreter finalisation: JPype can crash there


def _main(argv: list[str]) -> None:  # pragma: no cover - child process
    import argparse

    p = argparse.ArgumentParser(prog="python -m kg.graphdb.embedded")
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("serve")
    s.add_argument("data_dir")
    s.add_argument("--bolt-port", type=int)
    s.add_argument("--temporary", action="store_true", help="stop when no kg command holds a lease")
    a = p.parse_args(argv)
    serve(Path(a.data_dir).resolve(), a.bolt_port, a.temporary)


if __name__ == "__main__":  # pragma: no cover
    _main(sys.argv[1:])
