"""Rotating backups of the store file in a ``backups/`` folder beside it.

Policy (docs/store.md): a backup of the file as it was opened is taken before the first
save of a session; afterwards at most one backup every ``BACKUP_INTERVAL`` seconds of
saving, and one of the final state when the window closes the store. A backup identical to
the newest one is not written again, so every backup kept is a distinct state. Kept: the
newest ``KEEP_LAST`` backups plus the newest backup of each of the last ``KEEP_DAYS`` days,
and never the newest backup holding more reports than the store holds now (a store emptied
by accident must not push its good backups out).

A backup's name carries its time and how many reports it holds
(``reports-20261130-163000-123456-r42.json``), so rotation need not read the backups.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from model.errors import StoreError
from model.files.os_errors import describe_os_error
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
_COUNT = re.compile(r"-r(\d+)$")
_DOC_START = re.compile(rb'"\d+": \{')
_TABLE_OPEN = re.compile(rb'"((?:[^"\\]|\\.)*)": \{$')


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    saved_at: dt.datetime
    size: int
    reports: int | None = None  # how many reports it holds (None: an older backup's name)

    @property
    def label(self) -> str:
        """For the clerk, e.g. 「2026年11月26日 03:50」."""
        return self.saved_at.strftime("%Y年%m月%d日 %H:%M:%S")


def backup_dir(store_path: Path) -> Path:
    return store_path.parent / BACKUP_DIR


def _prefix(store_path: Path) -> str:
    return store_path.stem + "-"


def _parse_name(store_path: Path, path: Path) -> tuple[dt.datetime, int | None] | None:
    """The time and report count in a backup's name; ``None`` for any other file."""
    name = path.name
    prefix, suffix = _prefix(store_path), store_path.suffix
    if not name.startswith(prefix) or not name.endswith(suffix):
        return None
    stamp = name[len(prefix) : len(name) - len(suffix)] if suffix else name[len(prefix) :]
    count: int | None = None
    match = _COUNT.search(stamp)
    if match:
        count = int(match.group(1))
        stamp = stamp[: match.start()]
    try:
        return dt.datetime.strptime(stamp, _STAMP), count
    except ValueError:
        return None


def list_backups(store_path: Path) -> list[BackupInfo]:
    """Backups of this store, newest first."""
    folder = backup_dir(store_path)
    found: list[BackupInfo] = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            parsed = _parse_name(store_path, entry)
            if parsed is None or not entry.is_file():
                continue
            with contextlib.suppress(OSError):
                found.append(BackupInfo(entry, parsed[0], entry.stat().st_size, parsed[1]))
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


def newest_backup_with_reports(store_path: Path) -> Path | None:
    """The newest readable backup holding at least one report (or a deleted one)."""
    for info in list_backups(store_path):
        if info.reports == 0:
            continue
        try:
            data = read_store_data(info.path)
        except StoreError:
            continue
        if data and any(table for table in data.values()):
            return info.path
    return None


def report_count(raw: bytes) -> int:
    """How many reports a store file's bytes hold (0 when they cannot be read).

    The store's own layout (one document per line) is counted line by line without parsing
    the documents; any other layout is parsed.
    """
    lines = raw.split(b"\n")
    if len(lines) > 2:
        table: bytes | None = None
        count = 0
        for line in lines:
            if _DOC_START.match(line):
                count += table == b"reports"
                continue
            opened = _TABLE_OPEN.search(line)
            table = opened.group(1) if opened else None
        return count
    try:
        data, _fragments = parse_store_bytes(raw, Path("backup"))
    except StoreError:
        return 0
    reports = (data or {}).get("reports", {})
    return len(reports) if isinstance(reports, dict) else 0


def _backup_path(store_path: Path, moment: dt.datetime, reports: int) -> Path:
    name = f"{_prefix(store_path)}{moment.strftime(_STAMP)}-r{reports}{store_path.suffix}"
    return backup_dir(store_path) / name


def write_backup(store_path: Path, chunks: list[bytes], now: dt.datetime | None = None) -> Path:
    """Write one backup (atomically) and rotate old ones. Raises StoreError."""
    moment = now or dt.datetime.now()
    reports = report_count(b"".join(chunks))
    target = _backup_path(store_path, moment, reports)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, chunks)
    except OSError as exc:
        raise StoreError("备份数据文件失败：" + describe_os_error(exc, target, "保存")) from exc
    rotate(store_path, moment, current_reports=reports)
    return target


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def same_as_newest(store_path: Path, data: bytes) -> Path | None:
    """The newest backup when it holds exactly ``data`` (size first, then a content hash)."""
    newest = next(iter(list_backups(store_path)), None)
    if newest is None or newest.size != len(data):
        return None
    try:
        held = newest.path.read_bytes()
    except OSError:
        return None
    return newest.path if _digest(held) == _digest(data) else None


def backup_existing_file(store_path: Path, now: dt.datetime | None = None) -> Path | None:
    """Back up the store file as it is now on disk (None when there is nothing to back up).

    A real copy, not a hard link: whatever damages the store file in place (another tool,
    a bad sector) must not damage its backups too. When the newest backup already holds
    these bytes, that backup is returned and nothing is written.
    """
    try:
        data = store_path.read_bytes()
    except OSError:
        return None
    if not data.strip():
        return None
    existing = same_as_newest(store_path, data)
    if existing is not None:
        return existing
    return write_backup(store_path, [data], now)


def rotate(
    store_path: Path, now: dt.datetime | None = None, current_reports: int | None = None
) -> list[Path]:
    """Delete backups outside the policy; returns the deleted paths.

    ``current_reports``: how many reports the store holds now; the newest backup holding
    more is kept whatever its age.
    """
    today = (now or dt.datetime.now()).date()
    backups = list_backups(store_path)
    keep = {b.path for b in backups[:KEEP_LAST]}
    seen_days: set[dt.date] = set()
    for info in backups:  # newest first: the first one seen of a day is that day's newest
        day = info.saved_at.date()
        if (today - day).days < KEEP_DAYS and day not in seen_days:
            seen_days.add(day)
            keep.add(info.path)
    if current_reports is not None and any(b.path not in keep for b in backups):
        fuller = _newest_holding_more(backups, current_reports)
        if fuller is not None:
            keep.add(fuller)
    deleted = []
    for info in backups:
        if info.path not in keep:
            with contextlib.suppress(OSError):
                info.path.unlink()
                deleted.append(info.path)
    return deleted


def _newest_holding_more(backups: list[BackupInfo], reports: int) -> Path | None:
    """The newest backup holding more than ``reports`` reports (old names are read)."""
    for info in backups:
        count = info.reports
        if count is None:
            try:
                count = report_count(info.path.read_bytes())
            except OSError:
                continue
        if count > reports:
            return info.path
    return None


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
                current = read_store_data(store_path)
            except StoreFileCorruptError:
                moved = move_aside(store_path)
            else:
                if current is None:  # emptied: kept aside like any damaged file
                    moved = move_aside(store_path, "empty")
                else:
                    _compact_file(store_path)  # saves left in its change log by a crash
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
    salvageable = _salvageable(exc.path)
    if salvageable:
        message += (
            f"文件中另有 {salvageable} 份报告完好，也可以在程序窗口中选择"
            "「挽救完好的报告」，把它们放入新的数据文件。"
        )
    error = StoreFileCorruptError(message, exc.path, problem=exc.problem)
    error.newest_backup = backup
    return error


def _salvageable(store_path: Path) -> int:
    """How many intact reports a damaged store file still holds (0: nothing to salvage)."""
    from model.store.salvage import salvage_plan

    try:
        plan = salvage_plan(store_path.read_bytes())
    except OSError:
        return 0
    return plan.intact if plan else 0


def _compact_file(store_path: Path) -> None:
    """Write a store's change log into its file (the caller holds the lock)."""
    from model.store.storage import AtomicJSONStorage

    storage = AtomicJSONStorage(store_path)
    try:
        storage.read()
        storage.compact()
    except StoreError as exc:
        raise StoreError("恢复前整理数据文件失败：" + str(exc)) from exc
