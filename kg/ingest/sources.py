"""Inputs -> bytes -> text -> Dispatch records, lazily, one input at a time.

An input is a file, a folder (read recursively in sorted order, hidden entries skipped, files with
unknown suffixes skipped with a warning) or ``-`` for stdin. Every problem with one input becomes
an :class:`~kg.errors.InputError` that is *yielded*, so a batch goes on past a bad file.
"""
from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest import registry
from kg.ingest.normalize import decode, from_str
from kg.models import Dispatch

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5_000_000


def _read_bytes(path: Path, source: str, max_bytes: int | None) -> bytes:
    try:
        if max_bytes is not None:
            size = path.stat().st_size
            if size > max_bytes:
                raise InputError(source, f"file is {size} bytes, larger than {max_bytes} bytes; raise --max-bytes")
        with open(path, "rb") as fh:  # the size is checked again: the file may be a pipe or growing
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(source, "no such file or directory") from None
    except PermissionError:
        raise InputError(source, "cannot read: permission denied") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory") from None
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(source, f"input is larger than {max_bytes} bytes; raise --max-bytes")
    return data


def _read_stdin(max_bytes: int | None) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream without bytes underneath (tests, embedding)
        data = sys.stdin.read().encode("utf-8")
    else:
        data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError("-", f"input is larger than {max_bytes} bytes; raise --max-bytes")
    return data


def read_text(text: str | bytes, source: str = "-", fmt: str | None = None) -> list[Dispatch]:
    """Dispatches from text (or bytes) already in memory; ``fmt`` names the reader, else it is sniffed.

    Raises :class:`~kg.errors.InputError` if the content cannot be read.
    """
    content = decode(text, source) if isinstance(text, bytes) else from_str(text, source)
    name = registry.reader_name(fmt, source) if fmt else registry.sniff(content)
    return registry.READERS[name](content, source)


def read_file(path: str | Path, max_bytes: int | None = DEFAULT_MAX_BYTES, *,
              source: str | None = None) -> list[Dispatch]:
    """Dispatches from one file named explicitly (an unknown suffix is an error)."""
    p = Path(path)
    source = source if source is not None else str(path)
    suffix = p.suffix
    if suffix and not registry.known_suffix(suffix):
        raise InputError(source, f"unknown file type {suffix!r} (known: "
                                 f"{', '.join(sorted(registry.SUFFIXES))})")
    content = decode(_read_bytes(p, source, max_bytes), source)
    return registry.READERS[registry.choose(suffix or None, content)](content, source)


def walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, recursively, sorted by name at each level; hidden entries, symlinked
    folders and special files are skipped. Lazy: one directory listing in memory at a time."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        log.warning("%s: cannot list folder: %s", folder, exc.strerror or exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from walk(Path(entry.path))
            elif entry.is_file():
                yield Path(entry.path)
        except OSError:
            continue


def _folder_files(folder: Path) -> Iterator[Path]:
    for path in walk(folder):
        if path.suffix and registry.known_suffix(path.suffix):
            yield path
        else:
            log.warning("%s: skipped, unknown file type %r", path, path.suffix or "(no suffix)")


def iter_dispatches(inputs: Iterable[str | Path] | str | Path,
                    max_bytes: int | None = DEFAULT_MAX_BYTES) -> Iterator[Dispatch | InputError]:
    """Every dispatch in ``inputs`` (files, folders, '-'), in order; an unreadable input is yielded
    as an InputError instead of raised, so the caller can report it and go on."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in inputs:
        source = str(item)
        if source == "-":
            try:
                yield from read_text(_read_stdin(max_bytes), "-")
            except InputError as exc:
                yield exc
            continue
        path = Path(item)
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                yield InputError(source, "cannot read folder: permission denied")
                continue
            found = 0
            for file in _folder_files(path):
                found += 1
                yield from _one_file(file, max_bytes, str(file))
            if not found:
                yield InputError(source, "folder holds no file of a known type "
                                         f"({', '.join(sorted(registry.SUFFIXES))})")
        else:
            yield from _one_file(path, max_bytes, source)


def _one_file(path: Path, max_bytes: int | None, source: str) -> Iterator[Dispatch | InputError]:
    try:
        found = read_file(path, max_bytes, source=source)
    except InputError as exc:
        yield exc
        return
    yield from found
