"""One writer per store file: an OS file lock beside it (``reports.json.lock``).

``fcntl.flock`` on POSIX, ``msvcrt.locking`` of its first byte on Windows (the standard
library: a lock library cost the window up to a fifth of a second at start). Both locks belong
to the open file handle and vanish when the process dies, so a lock file left by a crashed
program never blocks (no stale-lock guessing by PID is needed). The lock file itself stays
after release, so every waiter locks the same file. A second store object in the same process
opens its own handle and also counts as "another user": it is refused.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from model.errors import StoreError, StoreFolderReadOnlyError, StoreLockedError
from model.files.os_errors import chinese_reason

LOCK_SUFFIX = ".lock"
WAIT_NOTICE_AFTER = 1.0  # seconds of waiting before the waiter is told why
WAIT_POLL = 0.05  # seconds between two tries while waiting
LOCK_FILE_MODE = 0o644
# what a lock held by another handle answers (EACCES on some file systems, EDEADLK from msvcrt)
_CONTENTION = frozenset({errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK})


class _Busy(Exception):
    """The lock is held by another handle (this process or another)."""


def open_lock_file(path: Path) -> int:
    """The lock file's descriptor, the file created if need be (never truncated: it is
    empty, and another holder's lock must not be disturbed)."""
    return os.open(path, os.O_RDWR | os.O_CREAT, LOCK_FILE_MODE)  # not inherited (PEP 446)


def try_lock(fd: int) -> bool:
    """Lock ``fd`` without waiting: True when taken, False when another handle holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in _CONTENTION:
            return False
        raise
    return True


def unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path_for(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + LOCK_SUFFIX)


def locked_message(store_path: Path) -> str:
    return (
        f"数据文件 {store_path} 正被另一个窗口或程序使用，不能同时修改。"
        "请先关闭另一个窗口（或另一个正在运行的年报编辑器），再重新打开；"
        "也可以选择以只读方式打开查看。"
    )


def waiting_message(store_path: Path, wait: float) -> str:
    """What a command line says while it waits for the store."""
    return (
        f"数据文件 {store_path} 正被另一个窗口或命令使用，正在等待它完成（最多等 {wait:.0f} 秒）……"
    )


def waited_message(store_path: Path, wait: float) -> str:
    """A command that waited in vain: what to do from the command line."""
    return (
        f"数据文件 {store_path} 正被另一个窗口或命令使用，等了 {wait:.0f} 秒仍未释放，"
        "本次命令没有执行，数据文件没有改动。请等另一条命令结束、或关闭正在修改报告的"
        "年报编辑器窗口后，再运行本命令。"
    )


class StoreLock:
    """Holds the lock of one store file until :meth:`release`."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path
        self.path = lock_path_for(store_path)
        self._fd: int | None = None

    def acquire(self, wait: float = 0.0, on_wait: Callable[[], None] | None = None) -> None:
        """Take the lock, waiting up to ``wait`` seconds for another writer to finish.

        ``on_wait`` is called once when the wait has lasted ``WAIT_NOTICE_AFTER`` seconds
        (so a command line can say why it pauses). Raises :class:`StoreLockedError` (the
        window's wording when ``wait`` is 0, the command line's otherwise) or StoreError.
        """
        if self._fd is not None:
            return
        try:
            if wait <= 0:
                self._try_once()
            else:
                self._wait_for_lock(wait, on_wait)
        except _Busy as exc:
            message = waited_message(self.store_path, wait) if wait > 0 else None
            raise StoreLockedError(message or locked_message(self.store_path)) from exc
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise StoreFolderReadOnlyError(
                    f"数据文件所在的文件夹 {self.store_path.parent} 不允许写入，无法保存修改。"
                    "请把数据文件放到可以写入的文件夹，或以只读方式打开查看。"
                ) from exc
            raise StoreError(
                f"无法锁定数据文件 {self.store_path}（{chinese_reason(exc)}）。请检查文件夹后重试。"
            ) from exc

    def _try_once(self) -> None:
        """One try: the lock is held afterwards, or :class:`_Busy` is raised."""
        fd = open_lock_file(self.path)
        try:
            taken = try_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if not taken:
            os.close(fd)
            raise _Busy(str(self.path))
        self._fd = fd

    def _wait_for_lock(self, wait: float, on_wait: Callable[[], None] | None) -> None:
        deadline = time.monotonic() + wait
        notice_at = time.monotonic() + WAIT_NOTICE_AFTER
        told = on_wait is None
        while True:
            try:
                self._try_once()
                return
            except _Busy:
                now = time.monotonic()
                if now >= deadline:
                    raise
                if not told and now >= notice_at and on_wait is not None:
                    told = True
                    on_wait()
                time.sleep(min(WAIT_POLL, max(0.0, deadline - now)))

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            unlock(fd)
        except OSError:
            pass  # closing the handle below drops the lock all the same
        finally:
            os.close(fd)
