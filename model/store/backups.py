"""Rotating backups of the store file in a ``backups/`` folder beside it.

Policy (docs/store.md): a backup of the file as it was opened is taken before the first
save of a session; afterwards at most one backup every ``BACKUP_INTERVAL`` seconds of
saving, and one of the final state when the store is closed. Kept: the newest
``KEEP_LAST`` backups plus the newest backup of each of the last ``KEEP_DAYS`` days.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from model.errors import StoreError
from model.os_errors import describe_os_error
from model.store.storage import (
    StoreFileCorruptError,
    atomic_write,
    parse_store_bytes,
    read_store_data,
)

BACKUP_DIR = "backups"
BACKUP_INTERVAL = 120.0  # seconds between two backups while saving
KEEP_LAST = 10
KEEP_DAYS = 30
_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    saved_at: dt.datetime
    size: int

    @property
    def label(self) -> str:
        """For the clerk, e.g. 「2026年11月26日 03:50」."""
        return self.saved_at.strftime("%Y年%m月%d日 %H:%M:%S")


def backup_dir(store_path: Path) -> Path:
    return store_path.parent / BACKUP_DIR


def _prefix(store_path: Path) -> str:
    return store_path.stem + "-"


def _parse_stamp(store_path: Path, path: Path) -> dt.datetime | None:
    name = path.name
    prefix, suffix = _prefix(store_path), store_path.suffix
    if not name.startswith(prefix) or not name.endswith(suffix):
        return None
    stamp = name[len(prefix) : len(name) - len(suffix)] if suffix else name[len(prefix) :]
    try:
        return dt.datetime.strptime(stamp, _STAMP)
    except ValueError:
        return None


def list_backups(store_path: Path) -> list[BackupInfo]:
    """Backups of this store, newest first."""
    folder = backup_dir(store_path)
    found: list[BackupInfo] = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            saved_at = _parse_stamp(store_path, entry)
            if saved_at is None or not entry.is_file():
                continue
            with contextlib.suppress(OSError):
                found.append(BackupInfo(entry, saved_at, entry.stat().st_size))
    return sorted(found, key=lambda b: b.saved_at, reverse=True)


def is_good_backup(path: Path) -> bool:
    try:
        read_store_data(path)
    except StoreError:
        return False
    return True


def newest_good_backup(store_path: Path) -> Path | None:
    """The newest backup that can be read, for the GUI to offer after a corrupt open."""
    for info in list_backups(store_path):
        if is_good_backup(info.path):
            return info.path
    return None


def _backup_path(store_path: Path, moment: dt.datetime) -> Path:
    name = f"{_prefix(store_path)}{moment.strftime(_STAMP)}{store_path.suffix}"
    return backup_dir(store_path) / name


def write_backup(store_path: Path, chunks: list[bytes], now: dt.datetime | None = None) -> Path:
    """Write one backup (atomically) and rotate old ones. Raises StoreError."""
    moment = now or dt.datetime.now()
    target = _backup_path(store_path, moment)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, chunks)
    except OSError as exc:
        raise StoreError("备份数据文件失败：" + describe_os_error(exc, target, "保存")) from exc
    rotate(store_path, moment)
    return target


def backup_existing_file(store_path: Path, now: dt.datetime | None = None) -> Path | None:
    """Back up the store file as it is now on disk (None when there is nothing to back up).

    A real copy, not a hard link: whatever damages the store file in place (another tool,
    a bad sector) must not damage its backups too.
    """
    try:
        data = store_path.read_bytes()
    except OSError:
        return None
    if not data.strip():
        return None
    return write_backup(store_path, [data], now)


def rotate(store_path: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete backups outside the policy; returns the deleted paths."""
    today = (now or dt.datetime.now()).date()
    backups = list_backups(store_path)
    keep = {b.path for b in backups[:KEEP_LAST]}
    seen_days: set[dt.date] = set()
    for info in backups:  # newest first: the first one seen of a day is that day's newest
        day = info.saved_at.date()
        if (today - day).days < KEEP_DAYS and day not in seen_days:
            seen_days.add(day)
            keep.add(info.path)
    deleted = []
    for info in backups:
        if info.path not in keep:
            with contextlib.suppress(OSError):
                info.path.unlink()
                deleted.append(info.path)
    return deleted


def move_aside(store_path: Path, reason: str = "corrupt") -> Path:
    """Rename an unreadable store to ``reports.json.corrupt-YYYYmmdd-HHMMSS`` (kept)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = store_path.with_name(f"{store_path.name}.{reason}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = store_path.with_name(f"{store_path.name}.{reason}-{stamp}-{counter}")
    try:
        os.replace(store_path, target)
    except OSError as exc:
        raise StoreError(describe_os_error(exc, store_path, "移动")) from exc
    return target


def restore_backup_file(store_path: Path, backup_path: Path) -> Path | None:
    """Put a backup in place of the store file (the store must not be open anywhere).

    The current file is kept: moved aside when unreadable, otherwise backed up first.
    Returns the path the unreadable file was moved to, if any. Takes the store lock.
    """
    from model.store.lock import StoreLock

    content = _read_backup(backup_path)  # read once: the bytes checked are the bytes restored
    data, _fragments = parse_store_bytes(content, backup_path)  # raises when the backup is bad
    if data is None:
        raise StoreError(f"备份文件 {backup_path} 是空的，不能用来恢复。请另选一个备份。")
    lock = StoreLock(store_path)
    lock.acquire()
    try:
        moved: Path | None = None
        if store_path.exists():
            try:
                read_store_data(store_path)
            except StoreFileCorruptError:
                moved = move_aside(store_path)
            else:
                backup_existing_file(store_path)
        try:
            atomic_write(store_path, [content])
        except OSError as exc:
            raise StoreError(describe_os_error(exc, store_path, "恢复")) from exc
        return moved
    finally:
        lock.release()


def _read_backup(backup_path: Path) -> bytes:
    try:
        return backup_path.read_bytes()
    except FileNotFoundError as exc:
        raise StoreError(
            f"找不到备份文件 {backup_path}，它可能已被移动或删除。请另选一个备份；"
            "数据文件没有改动。"
        ) from exc
    except OSError as exc:
        raise StoreError(
            describe_os_error(
                exc, backup_path, "读取", subject="备份文件", kept="数据文件没有改动。"
            )
        ) from exc


def with_backup_hint(exc: StoreFileCorruptError) -> StoreFileCorruptError:
    """The same error, its message naming the newest good backup (or saying there is none)."""
    backup = newest_good_backup(exc.path)
    message = str(exc)
    if backup is not None:
        info = next((b for b in list_backups(exc.path) if b.path == backup), None)
        when = f"（{info.label} 保存）" if info else ""
        message += f"可以从最近的完好备份{when}恢复：{backup}。"
    else:
        message += "没有找到可用的备份；请把这个文件交给技术人员查看。"
    error = StoreFileCorruptError(message, exc.path, problem=exc.problem)
    error.newest_backup = backup
    return error
