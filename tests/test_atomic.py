"""kg.atomic: whole files or nothing, with ordinary permissions."""
from __future__ import annotations

import os

import pytest

from kg.atomic import write_atomic, write_bytes_atomic
from kg.errors import OutputError


def test_atomic_new_file_gets_umask_permissions_not_0600(tmp_path):
    umask = os.umask(0o022)
    try:
        assert write_bytes_atomic(tmp_path / "g.ttl", b"data")
    finally:
        os.umask(umask)
    assert (tmp_path / "g.ttl").stat().st_mode & 0o777 == 0o644


def test_atomic_identical_content_is_left_alone(tmp_path):
    p = tmp_path / "g.ttl"
    assert write_bytes_atomic(p, b"same")
    before = p.stat().st_mtime_ns
    assert not write_bytes_atomic(p, b"same") and p.stat().st_mtime_ns == before


def test_atomic_failure_leaves_old_file_and_no_temp(tmp_path):
    p = tmp_path / "g.ttl"
    p.write_bytes(b"old")

    def boom(fh):
        fh.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left"):
        write_atomic(p, boom)
    assert p.read_bytes() == b"old" and sorted(x.name for x in tmp_path.iterdir()) == ["g.ttl"]
