"""Writing output files: the one implementation every command that writes a file uses.

Output goes to a temporary file in the destination's directory, is fsynced and renamed over the
destination, so a reader (or a crash, or kill -9) never sees a half-written file and a failure
leaves the previous file as it was; the file gets the destination's existing permissions, or the
ordinary ones for a new file (not mkstemp's 0600).

:func:`emit` is the entry point for user-named destinations: ``-`` is stdout, a device or named
pipe is written through (renaming over it would replace the device entry), a symlink keeps
pointing where it did, a directory or a missing parent folder is refused with one clear line
(parent folders are never created silently).
"""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from kg.errors import OutputError


def write_atomic(dest: Path, produce: Callable[[IO[bytes]], object], make_parents: bool = False) -> None:
    """Call ``produce(fileobj)`` on a temp file beside ``dest``, fsync, then rename over ``dest``.

    ``make_parents`` creates missing parent folders (for the store's own layout); otherwise a
    missing parent folder is an :class:`OutputError`.
    """
    tmp_name = None
    if make_parents:
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{dest}: cannot write: {exc.strerror or exc}") from exc
    elif not dest.parent.is_dir():
        raise OutputError(f"{dest}: the folder {dest.parent} does not exist")
    try:
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


def write_bytes_atomic(dest: Path, data: bytes, make_parents: bool = False) -> bool:
    """Write ``data`` atomically; False (and nothing touched) when ``dest`` already holds it."""
    try:
        if dest.exists() and dest.read_bytes() == data:
            return False
    except OSError as exc:
        raise OutputError(f"{dest}: cannot read: {exc.strerror or exc}") from None
    write_atomic(dest, lambda fh: fh.write(data), make_parents=make_parents)
    return True


def check_destination(dest: str | Path) -> None:
    """Refuse, before any work is done, a destination that cannot be written as a file."""
    if str(dest) == "-":
        return
    path = Path(dest)
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name")
    if not path.parent.is_dir():
        raise OutputError(f"{path}: the folder {path.parent} does not exist")
    if path.exists() and not os.access(path, os.W_OK) and path.resolve().is_file():
        raise OutputError(f"{path}: cannot write: permission denied")


def emit(dest: str | Path, produce: Callable[[IO[bytes]], object]) -> str:
    """Run ``produce(binary_file)`` against stdout ('-') or atomically against a file; the path written."""
    if str(dest) == "-":
        buf = sys.stdout.buffer
        try:
            produce(buf)
            buf.flush()
        except BrokenPipeError:  # e.g. `kg extract ... -o - | head`
            pass
        except OSError as exc:
            raise OutputError(f"stdout: cannot write: {exc.strerror or exc}") from exc
        return "-"
    path = Path(dest)
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name")
    special = str(path).startswith(("/dev/", "/proc/")) or (path.exists() and not path.resolve().is_file())
    if not special and path.is_symlink():
        path = path.resolve()  # keep the link: replace the file it points to
    if special:
        # a device, FIFO or a link to one (/dev/stdout, a named pipe): write through it
        try:
            with open(path, "wb") as fh:
                produce(fh)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        return str(path)
    write_atomic(path, produce)
    return str(path)


def emit_bytes(dest: str | Path, data: bytes) -> str:
    return emit(dest, lambda fh: fh.write(data))


def emit_text(dest: str | Path, text: str) -> str:
    return emit(dest, lambda fh: fh.write(text.encode("utf-8")))
