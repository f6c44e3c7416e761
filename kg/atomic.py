"""Atomic file writes: the one implementation every writer uses.

Output goes to a temporary file in the destination's directory, is fsynced and renamed over the
destination, so a reader (or a crash, or kill -9) never sees a half-written file; the file gets
the destination's existing permissions, or the ordinary ones for a new file (not mkstemp's 0600).
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from kg.errors import OutputError


def write_atomic(dest: Path, produce: Callable[[IO[bytes]], object]) -> None:
    """Call ``produce(fileobj)`` on a temp file beside ``dest``, fsync, then rename over ``dest``."""
    tmp_name = None
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            produce(fh)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = dest.stat().st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, dest)
        tmp_name = None
    except OSError as exc:
        raise OutputError(f"{dest}: cannot write: {exc.strerror or exc}") from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def write_bytes_atomic(dest: Path, data: bytes) -> bool:
    """Write ``data`` atomically; False (and nothing touched) when ``dest`` already holds it."""
    try:
        if dest.exists() and dest.read_bytes() == data:
            return False
    except OSError as exc:
        raise OutputError(f"{dest}: cannot read: {exc.strerror or exc}") from None
    write_atomic(dest, lambda fh: fh.write(data))
    return True
