"""The change log beside a large store file (``reports.json.delta``), so autosave stays fast.

Rewriting an 18 MB store (1,000 reports) for every autosave costs tens of milliseconds of
copying and flushing. Instead, while the store is open, a save of a few reports appends
their new documents to this log (one line each, with a checksum) and fsyncs it; the store
file itself is rewritten atomically now and then (when the log grows, before a backup, when
the store is closed or next opened), after which the log is deleted.

Safety: the log's first line names the store file it belongs to by size and checksum. A
log that does not match the store (the store was rewritten, restored from a backup, or
replaced by another program) is ignored, so an old log can never change a newer store. A
line cut short by a crash fails its checksum; it and anything after it are ignored, which
loses only the save that was interrupted (it never reported success). Readers apply the log
to what they read from the store, so every reader sees the last completed save.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from model.files.atomic_file import fsync_folder, resolve_target

DELTA_SUFFIX = ".delta"
MIN_BASE_BYTES = 1_000_000  # smaller stores are simply rewritten (fast enough)
MAX_LOG_BYTES = 4_000_000  # or a quarter of the store, whichever is larger
_MAGIC = "nianbao_delta"

Change = tuple[str, str, bytes | None]
"""Table, document id, and the document's JSON (``None``: the document was removed)."""


def delta_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + DELTA_SUFFIX)


def fingerprint(chunks: Iterable[bytes]) -> str:
    """The store file's identity for its log: size and CRC-32 of its bytes."""
    size = crc = 0
    for chunk in chunks:
        size += len(chunk)
        crc = zlib.crc32(chunk, crc)
    return f"{size}:{crc:08x}"


def size_of(base: str) -> int:
    return int(base.split(":", 1)[0])


def encode(changes: list[Change]) -> bytes:
    """Log lines for ``changes`` (each: CRC-32 in hex, a space, the record, a newline)."""
    lines = []
    for table, key, document in changes:
        record = (
            b'{"t": '
            + json.dumps(table).encode("utf-8")
            + b', "k": '
            + json.dumps(key).encode("utf-8")
            + b', "d": '
            + (b"null" if document is None else document)
            + b"}"
        )
        lines.append(b"%08x " % zlib.crc32(record) + record + b"\n")
    return b"".join(lines)


def append(store_path: Path, base: str, lines: bytes, *, new: bool) -> int:
    """Append ``lines`` to the log (started afresh with its header when ``new``) and fsync.

    Returns the bytes written. Raises ``OSError``; a partial line is ignored when read.
    """
    path = delta_path(resolve_target(store_path))
    header = b""
    if new:
        header = json.dumps({_MAGIC: 1, "base": base}).encode("utf-8") + b"\n"
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)
    flags |= os.O_TRUNC if new else os.O_APPEND
    fd = os.open(path, flags, 0o644)
    try:
        data = memoryview(header + lines)
        while data:
            data = data[os.write(fd, data) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    if new:
        fsync_folder(path.parent)
    return len(header) + len(lines)


def read(store_path: Path, base: str) -> list[tuple[str, str, Any]]:
    """The complete records of the log that belongs to the store with ``base``; [] when
    there is no log, it belongs to another version of the store, or cannot be read."""
    try:
        raw = delta_path(resolve_target(store_path)).read_bytes()
    except OSError:
        return []
    lines = raw.split(b"\n")
    try:
        header = json.loads(lines[0])
    except ValueError:
        return []
    if not isinstance(header, dict) or header.get(_MAGIC) != 1 or header.get("base") != base:
        return []
    records: list[tuple[str, str, Any]] = []
    for line in lines[1:-1]:  # the last piece has no newline: cut short, or empty
        crc, _, record = line.partition(b" ")
        if len(crc) != 8 or crc != b"%08x" % zlib.crc32(record):
            break
        try:
            parsed = json.loads(record)
        except (ValueError, RecursionError):
            break
        records.append((str(parsed["t"]), str(parsed["k"]), parsed["d"]))
    return records


def apply(data: dict[str, dict[str, Any]], records: list[tuple[str, str, Any]]) -> set[str]:
    """Apply log records to a store's data in place; the tables touched."""
    touched = set()
    for table, key, document in records:
        docs = data.setdefault(table, {})
        if document is None:
            docs.pop(key, None)
        else:
            docs[key] = document
        touched.add(table)
    return touched


def remove(store_path: Path) -> None:
    """Delete the log (after the store file was rewritten with everything in it)."""
    with contextlib.suppress(FileNotFoundError):
        delta_path(resolve_target(store_path)).unlink()


def exists(store_path: Path) -> bool:
    return delta_path(resolve_target(store_path)).exists()
