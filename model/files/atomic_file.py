"""The one way this program writes a file: all or nothing, durable, never through a link.

Every file the program writes (the store, its backups and recovery journals, exported PDF,
Word and exchange files) goes through :func:`atomic_write` (raises ``OSError``, for callers
with their own wording) or :func:`write_atomically` (raises a :class:`FileWriteError` with a
Chinese message). The data goes to a temporary file in the target's folder, is flushed and
fsynced, gets its permissions, and then replaces the target with ``os.replace`` (retried
briefly on Windows, where anti-virus, the indexer or a PDF viewer hold a file for a moment);
the folder is fsynced so the rename itself survives a power cut. A crash leaves the old file
or the new one, never a mix, and at worst a temporary file that the store removes later.

A target that is a symbolic link is written through: the link's target is replaced and the
link stays. Replacing the link itself would silently cut the clerk's copy off from the file
she thinks she is updating.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Sequence
from pathlib import Path

from model.errors import FileWriteError, NianbaoError
from model.files.os_errors import describe_os_error

TEMP_MARKER = ".tmp-"
DOCUMENT_MODE = 0o644
REPLACE_ATTEMPTS = 8
REPLACE_FIRST_WAIT = 0.02  # seconds, doubled per attempt (about 2.5 s in all)
RETRY_ON_PERMISSION_ERROR = os.name == "nt"  # AV / indexer / viewer locks are a Windows thing
_WRITE_BATCH = 512  # chunks per writev call (well under every system's IOV_MAX)


def temp_prefix(path: Path) -> str:
    """Temporary files of ``path`` start with this (the store's cleanup looks for it)."""
    return f".{path.name}{TEMP_MARKER}"


def resolve_target(path: Path) -> Path:
    """The file a write to ``path`` must change: the final target when ``path`` is a link.

    Raises ``OSError(ELOOP)`` for a circle of links.
    """
    path = Path(path)
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path, strict=False))


def write_chunks(fd: int, chunks: Sequence[bytes]) -> None:
    """Write every byte of ``chunks`` to ``fd`` (a separate function so tests can simulate a
    full disk). ``writev`` hands the cached pieces to the system without joining them."""
    pending = [memoryview(c) for c in chunks if c]
    while pending:
        batch = pending[:_WRITE_BATCH]
        written = os.writev(fd, batch) if hasattr(os, "writev") else os.write(fd, batch[0])
        done = 0
        while done < len(batch) and written >= len(batch[done]):
            written -= len(batch[done])
            done += 1
        if done < len(batch) and written:
            batch[done] = batch[done][written:]
        pending = batch[done:] + pending[len(batch) :]


def replace_with_retry(source: Path, target: Path) -> None:
    """``os.replace`` with a bounded retry for the short locks of Windows AV / indexer."""
    wait = REPLACE_FIRST_WAIT
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if not RETRY_ON_PERMISSION_ERROR or attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(wait)
            wait *= 2


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); a no-op where folders cannot be opened."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _read_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


_UMASK = _read_umask()  # read once: setting it is process-wide, and writers run in threads


def _mode_for(target: Path, mode: int) -> int:
    """An existing file keeps its permissions; a new one gets ``mode`` less the umask."""
    with contextlib.suppress(OSError):
        return os.stat(target).st_mode & 0o777
    return mode & ~_UMASK


def atomic_write(path: Path, chunks: Sequence[bytes] | bytes, *, mode: int = DOCUMENT_MODE) -> Path:
    """Write ``chunks`` to ``path`` all or nothing; returns the file really written (the
    target of a link). Raises ``OSError``; the old file stays as it was."""
    if isinstance(chunks, bytes | bytearray | memoryview):
        chunks = [bytes(chunks)]
    target = resolve_target(Path(path))
    folder = target.parent
    temp = folder / f"{temp_prefix(target)}{os.urandom(4).hex()}"
    permissions = _mode_for(target, mode)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            write_chunks(fd, chunks)
            os.fsync(fd)
            if hasattr(os, "fchmod"):
                os.fchmod(fd, permissions)
        finally:
            os.close(fd)
        if not hasattr(os, "fchmod"):
            os.chmod(temp, permissions)
        replace_with_retry(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_folder(folder)
    return target


def write_atomically(
    path: Path,
    data: bytes | Sequence[bytes],
    *,
    mode: int = DOCUMENT_MODE,
    subject: str = "文件",
    holder: str = "其他程序",
    error: type[NianbaoError] = FileWriteError,
) -> Path:
    """:func:`atomic_write` for documents the clerk saves (PDF, Word, exchange files).

    Raises ``error`` (a :class:`FileWriteError` unless told otherwise) whose message names
    the real cause in Chinese; nothing is left behind and an old file stays as it was.
    """
    path = Path(path)
    try:
        target = resolve_target(path)
    except OSError as exc:
        raise error(describe_os_error(exc, path, "保存", subject=subject, kept="")) from exc
    if target.is_dir():
        raise error(f"「{path}」是一个文件夹。请输入要保存的{subject}名。")
    if target.parent.exists() and not target.parent.is_dir():
        raise error(
            f"保存位置「{target.parent}」是一个文件，不是文件夹。请另选一个文件夹后再保存。"
        )
    if not target.parent.is_dir():
        raise error(f"保存位置「{target.parent}」不存在。请选择一个已有的文件夹后再保存。")
    try:
        return atomic_write(path, data, mode=mode)
    except OSError as exc:
        message = describe_os_error(exc, path, "保存", subject=subject, kept="", holder=holder)
        raise error(message) from exc
