"""Faults: server killed mid-load, unreachable port, wrong password from the CLI, password secrecy,
and the ``kg db start/status/stop`` round trip. Each test that kills a server starts its own."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphdb_fixtures import fixture_batch

from kg import ids
from kg.errors import DatabaseError
from kg.graphdb import embedded
from kg.graphdb.client import Client, Target
from kg.graphdb.load import load_graph
from kg.graphdb.model import to_property_graph
from kg.models import Entity, GraphBatch

pytestmark = pytest.mark.slow
KG = [str(Path(sys.executable).with_name("kg"))]


def kg(*args: str, env: dict | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run(KG + list(args), capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def many_entities(n: int) -> GraphBatch:
    return GraphBatch(entities=tuple(Entity(key=ids.entity_key("Company", f"Firm {i}"), type="Company",
                                            name=f"Firm {i}") for i in range(n)))


def test_faults_server_killed_mid_load_retries_then_rerun_completes(tmp_path):
    info = embedded.start(tmp_path / "db")
    pw = embedded.password(info.data_dir)
    pg = to_property_graph(many_entities(400))
    calls = []

    def kill_after_two_batches(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 2:
            os.kill(info.pid, signal.SIGKILL)

    c = Client(Target(info.uri, "root", pw, info.database), retries=2, backoff=0.2)
    t0 = time.monotonic()
    with pytest.raises(DatabaseError) as e:
        load_graph(c, pg, batch_size=50, progress=kill_after_two_batches)
    c.close()
    msg = str(e.value)
    assert "unreachable" in msg and "gave up after 3 attempts" in msg and "\n" not in msg
    assert time.monotonic() - t0 >= 0.2 + 0.4  # backed off before giving up
    # restart on the same data and load again: completes, no duplicates
    info2 = embedded.start(tmp_path / "db")
    try:
        with Client(Target(info2.uri, "root", pw, info2.database)) as c2:
            load_graph(c2, pg, batch_size=50)
            rows = c2.run("MATCH (n:Company) RETURN count(n) AS n, count(DISTINCT n.iri) AS d").records[0]
            assert (rows["n"], rows["d"]) == (400, 400)
    finally:
        embedded.stop(tmp_path / "db")


def test_faults_unreachable_port_is_one_line_exit_2():
    port = embedded.free_port()
    r = kg("query", "RETURN 1 AS x", "--uri", f"bolt://127.0.0.1:{port}", env={"NEO4J_PASSWORD": "x"})
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "unreachable" in lines[0] and "Traceback" not in r.stderr


def test_faults_cli_wrong_password_one_line_and_secret_never_shown(embedded_server, tmp_path):
    info, pw = embedded_server
    ttl = tmp_path / "g.ttl"
    from kg.rdf.write import write_batch

    write_batch(fixture_batch(), ttl)
    r = kg("-vv", "load", str(ttl), "--uri", info.uri, "--user", "root", "--database", info.database,
           env={"NEO4J_PASSWORD": "Wrong-Secret-123"})
    assert r.returncode == 2 and "authentication failed" in r.stderr
    assert "Wrong-Secret-123" not in r.stdout + r.stderr
    # a successful run: the password is in no process's argv while it runs, nor in its output
    with open(tmp_path / "out", "w") as fo, open(tmp_path / "err", "w") as fe:  # files: -vv output is large
        proc = subprocess.Popen(KG + ["-vv", "load", str(ttl), "--uri", info.uri, "--user", "root",
                                      "--database", info.database], stdout=fo, stderr=fe,
                                env={**os.environ, "NEO4J_PASSWORD": pw})
        seen = []
        while proc.poll() is None:
            seen.append(subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout)
            time.sleep(0.2)
        proc.wait(timeout=120)
    out, err = (tmp_path / "out").read_text(), (tmp_path / "err").read_text()
    assert proc.returncode == 0, err
    assert seen and all(pw not in s for s in seen)
    assert pw not in out + err
    assert pw not in (info.data_dir / embedded.LOG_FILE).read_text(errors="replace")


def test_faults_db_start_status_stop_round_trip(tmp_path):
    d = str(tmp_path / "kgdb")
    assert kg("db", "status", "--data-dir", d).returncode == 1
    r = kg("db", "start", "--data-dir", d)
    assert r.returncode == 0 and "bolt://127.0.0.1:" in r.stderr, r.stderr
    try:
        st = kg("db", "status", "--data-dir", d)
        assert st.returncode == 0 and "running" in st.stdout
        pid = embedded.status(d).pid
        q = kg("query", "RETURN 41 + 1 AS answer", "--format", "json", "--data-dir", d)
        assert q.returncode == 0 and '"answer": 42' in q.stdout
        assert embedded.status(d).pid == pid  # the query used the running server
        assert oct((Path(d) / embedded.CREDENTIALS_FILE).stat().st_mode & 0o777) == "0o600"
    finally:
        s = kg("db", "stop", "--data-dir", d)
    assert s.returncode == 0 and "stopped" in s.stderr
    assert kg("db", "status", "--data-dir", d).returncode == 1


def test_faults_unusable_data_dir_is_one_line(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    r = kg("db", "start", "--data-dir", str(f / "sub"))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "not usable" in r.stderr


def test_faults_busy_port_is_one_line(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        r = kg("db", "start", "--data-dir", str(tmp_path / "d"), "--port", str(s.getsockname()[1]))
    assert r.returncode == 2 and "already in use" in r.stderr


@pytest.mark.parametrize("scheme,expect", [("bolt+s", "TLS handshake failed"), ("neo4j+s", "TLS"),
                                           ("http", "not a Bolt URI")])
def test_faults_tls_or_bad_scheme_is_one_line(embedded_server, scheme, expect):
    info, _pw = embedded_server
    r = kg("query", "RETURN 1", "--uri", f"{scheme}://127.0.0.1:{info.bolt_port}", env={"NEO4J_PASSWORD": "x"})
    assert r.returncode == 2 and expect in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
