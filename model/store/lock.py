"""One writer per store file: an OS file lock beside it (``reports.json.lock``).

``filelock`` uses ``fcntl.flock`` on POSIX and ``msvcrt.locking`` on Windows. Both locks
belong to the open file handle and vanish when the process dies, so a lock file left by a
crashed program never blocks (no stale-lock guessing by PID is needed). A second store
object in the same process also counts as "another user" and is refused.
"""

from __future__ import annotations

import errno
from pathlib import Path

import filelock

from model.errors import StoreError, StoreLockedError

LOCK_SUFFIX = ".lock"


class StoreFolderReadOnlyError(StoreError):
    """The store's folder cannot be written: the store can only be opened read-only."""


def lock_path_for(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + LOCK_SUFFIX)


def locked_message(store_path: Path) -> str:
    return (
        f"数据文件 {store_path} 正被另一个窗口或程序使用，不能同时修改。"
        "请先关闭另一个窗口（或另一个正在运行的年报编辑器），再重新打开；"
        "也可以选择以只读方式打开查看。"
    )


class StoreLock:
    """Holds the lock of one store file until :meth:`release`."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path
        self.path = lock_path_for(store_path)
        self._lock = filelock.FileLock(
            str(self.path), timeout=0, thread_local=False, fallback_to_soft=False
        )

    def acquire(self) -> None:
        """Take the lock now or raise :class:`StoreLockedError` / :class:`StoreError`."""
        try:
            self._lock.acquire(timeout=0)
        except filelock.Timeout as exc:
            raise StoreLockedError(locked_message(self.store_path)) from exc
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise StoreFolderReadOnlyError(
                    f"数据文件所在的文件夹 {self.store_path.parent} 不允许写入，无法保存修改。"
                    "请把数据文件放到可以写入的文件夹，或以只读方式打开查看。"
                ) from exc
            raise StoreError(
                f"无法锁定数据文件 {self.store_path}（{exc.strerror or exc}）。请检查文件夹后重试。"
            ) from exc

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)

    @property
    def is_held(self) -> bool:
        return bool(self._lock.is_locked)
