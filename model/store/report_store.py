"""The local store: one TinyDB document per report, behind a small repository API.

Safety (docs/store.md): atomic writes (model/storage.py), one writer per file
(model/store_lock.py), rotating backups (model/backups.py), document upgrades
(model/migrations.py) and a 回收站 for deleted reports (model/trash.py). A store file that
cannot be read is never overwritten.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from model.errors import ReportNotFoundError, StoreError
from model.files.os_errors import describe_os_error
from model.report import Report, new_report_id, now_iso
from model.store import backups
from model.store.lock import StoreLock
from model.store.migrations import check_not_newer, migrate, needs_migration
from model.store.storage import (
    AtomicJSONStorage,
    StoreFileCorruptError,
    remove_orphan_temp_files,
)
from model.store.trash import TRASH_TABLE, TrashEntry, entry_report, make_entry, summarize

REPORTS_TABLE = "reports"
_log = logging.getLogger(__name__)

__all__ = [
    "REPORTS_TABLE",
    "TRASH_TABLE",
    "ReportStore",
    "ReportSummary",
    "TrashEntry",
    "newest_good_backup",
]

newest_good_backup = backups.newest_good_backup


def resolve_store_path(path: Path) -> Path:
    """The real store file: a link is followed (writes, lock and backups go to its target;
    the link itself is never replaced). A broken link is refused."""
    if not path.is_symlink():
        return path
    try:
        target = Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        if not Path(os.path.realpath(path)).parent.is_dir():
            raise StoreError(
                f"数据文件 {path} 是一个快捷方式（符号链接），但它指向的位置不存在"
                f"（{os.readlink(path)}）。请连接该位置所在的磁盘，或重新指定数据文件。"
            ) from exc
        if isinstance(exc, FileNotFoundError):
            return Path(os.path.realpath(path))
        raise StoreError(describe_os_error(exc, path, "打开")) from exc
    return target


@dataclass(frozen=True)
class ReportSummary:
    """What the report list shows, without loading whole reports into widgets."""

    id: str
    agency: str
    year: int | None
    format: str
    modified: str
    title: str
    is_copy: bool = False  # kept on purpose beside a report of the same agency and year


class ReportStore:
    """Reports kept in one JSON file. Use as a context manager or call :meth:`close`.

    Opening for writing takes the store lock (:class:`StoreLockedError` when another window
    holds it); ``read_only=True`` takes no lock and never writes.
    """

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        backup_interval: float = backups.BACKUP_INTERVAL,
        backup_on_close: bool = True,
        wait: float = 0.0,
        on_wait: Callable[[], None] | None = None,
    ) -> None:
        """``wait``: seconds to wait for another writer to finish (``on_wait`` is called once
        if that takes longer than a second). ``backup_on_close=False`` for one-off commands:
        their state before is backed up, their result is in the store itself."""
        self.path = resolve_store_path(Path(path))
        self.read_only = read_only
        self.backup_interval = backup_interval
        self.backup_on_close = backup_on_close
        self._lock: StoreLock | None = None
        self._closed = False
        self._opened_file_backed_up = False
        self._last_backup: float | None = None
        self._unbacked_save = False
        if self.path.is_dir():
            raise StoreError(
                f"数据文件 {self.path} 是一个文件夹，不是数据文件。请选择或指定一个文件。"
            )
        try:
            if not read_only:
                self._take_lock(wait, on_wait)
                remove_orphan_temp_files(self.path, (backups.BACKUP_DIR, "recovery"))
            self._open_db()
            self._refuse_emptied_file()
        except StoreFileCorruptError as exc:
            self._release_lock()
            raise backups.with_backup_hint(exc) from exc.__cause__
        except BaseException:
            self._release_lock()
            raise

    def __enter__(self) -> ReportStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Back up the final state if needed and release the lock (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        try:
            self._compact()
            if self._unbacked_save and self.backup_on_close:
                self._backup()
        finally:
            self._db.close()
            self._release_lock()

    # --- opening ---------------------------------------------------------------------------
    def _take_lock(self, wait: float = 0.0, on_wait: Callable[[], None] | None = None) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(describe_os_error(exc, self.path, "创建")) from exc
        lock = StoreLock(self.path)
        lock.acquire(wait=wait, on_wait=on_wait)
        self._lock = lock

    def _refuse_emptied_file(self) -> None:
        """An empty store file with good backups beside it was emptied by accident (a full
        disk, a sync tool): it is damaged, not new, and saving into it would bury the
        backups."""
        if self._storage.read() is not None or not self.path.exists():
            return
        backup = backups.newest_backup_with_reports(self.path)
        if backup is None:
            return
        raise StoreFileCorruptError(
            f"数据文件 {self.path} 是空的（可能是磁盘已满或同步软件出错时被清空了），"
            "但旁边有保存过报告的备份。文件没有被改动。",
            self.path,
        )

    def try_become_writable(self) -> bool:
        """A store opened read-only because another program held it: take the lock if it is
        free now and reload the file (it may have changed). False when still busy."""
        if not self.read_only or self._closed:
            return not self.read_only
        lock = StoreLock(self.path)
        try:
            lock.acquire()
        except StoreError:
            return False
        self._lock = lock
        try:
            remove_orphan_temp_files(self.path, (backups.BACKUP_DIR, "recovery"))
            self._db.close()
            self.read_only = False
            self._open_db()
            self._refuse_emptied_file()
        except BaseException:
            self.read_only = True
            self._release_lock()
            with contextlib.suppress(StoreError):
                self._db.close()
                self._open_db()
            raise
        return True

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _open_db(self) -> None:
        self._db = TinyDB(self.path, storage=AtomicJSONStorage, read_only=self.read_only)
        self._storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        self._reports = self._db.table(REPORTS_TABLE, cache_size=0)
        self._trash = self._db.table(TRASH_TABLE, cache_size=0)
        self._storage.read()
        if not self.read_only:
            self._storage.compact()  # saves left in the change log by a crash go into the file
        self._check_and_upgrade()

    def _check_and_upgrade(self) -> None:
        """Refuse newer or malformed documents; upgrade older ones (after a backup)."""
        upgrades: list[tuple[str, str, dict[str, Any]]] = []
        for table in (REPORTS_TABLE, TRASH_TABLE):
            for doc_id, doc in self._raw(table).items():
                report = doc if table == REPORTS_TABLE else entry_report(doc)
                if not isinstance(report.get("id"), str):
                    raise StoreFileCorruptError(
                        f"数据文件 {self.path} 中有一份报告缺少编号，文件可能被改坏了，"
                        "无法读取。文件没有被改动。",
                        self.path,
                    )
                check_not_newer(report)
                if needs_migration(report):
                    new = migrate(report)
                    upgrades.append(
                        (table, doc_id, new if table == REPORTS_TABLE else {**doc, "report": new})
                    )
        if not upgrades:
            return
        if self.read_only:
            for table, doc_id, new_doc in upgrades:
                self._raw(table)[doc_id] = new_doc
            return
        self._backup_opened_file()
        with self._saving():
            for table, doc_id, new_doc in upgrades:
                self._replace(table, int(doc_id), new_doc)

    # --- queries ---------------------------------------------------------------------------
    def _raw(self, table: str) -> dict[str, dict[str, Any]]:
        data = self._storage.read() or {}
        return data.get(table, {})

    def _find(self, report_id: str) -> tuple[str, dict[str, Any]] | None:
        for doc_id, doc in self._raw(REPORTS_TABLE).items():
            if doc.get("id") == report_id:
                return doc_id, doc
        return None

    def list_reports(self) -> list[ReportSummary]:
        """Summaries of every report, most recently modified first."""
        summaries = [_summary(doc) for doc in self._raw(REPORTS_TABLE).values()]
        return sorted(summaries, key=lambda s: s.modified, reverse=True)

    def get(self, report_id: str) -> Report:
        found = self._find(report_id)
        if found is None:
            raise ReportNotFoundError(f"数据文件中没有编号为「{report_id}」的报告。")
        return Report.from_dict(found[1])

    def contains(self, report_id: str) -> bool:
        return self._find(report_id) is not None

    def holds_same(self, report: Report) -> bool:
        """Whether the store already holds this very report: same id and same content
        (when it was last changed and whether it is marked 副本 do not count)."""
        found = self._find(report.id)
        return found is not None and _content(found[1]) == _content(report.to_dict())

    def find_previous(self, agency: str, year: int | None) -> Report | None:
        """Last year's report of the same agency, for the cross-year checks."""
        if year is None or not agency:
            return None
        docs = [
            d
            for d in self._raw(REPORTS_TABLE).values()
            if d.get("agency") == agency and d.get("year") == year - 1
        ]
        if not docs:
            return None
        latest = max(docs, key=lambda d: d.get("modified", ""))
        return Report.from_dict(latest)

    # --- changes ---------------------------------------------------------------------------
    def put(self, report: Report) -> None:
        """Insert or replace the report (one atomic write of the store file).

        A report that cannot be written (a character no file can hold) is refused with a
        StoreError naming it, before anything changes: the other reports still save.
        """
        self._check_writable()
        doc = report.to_dict()
        _check_serializable(doc, report)
        found = self._find(report.id)
        with self._saving():
            if found is None:
                self._reports.insert(doc)
            else:
                self._replace(REPORTS_TABLE, int(found[0]), doc)

    def delete(self, report_id: str) -> None:
        """Move the report to the 回收站 (one atomic write)."""
        self._check_writable()
        found = self._find(report_id)
        if found is None:
            raise ReportNotFoundError(f"数据文件中没有编号为「{report_id}」的报告。")
        with self._saving():
            self._trash.insert(make_entry(found[1], now_iso()))
            self._reports.remove(doc_ids=[int(found[0])])

    # --- 回收站 ------------------------------------------------------------------------------
    def list_trash(self) -> list[TrashEntry]:
        """Deleted reports, most recently deleted first."""
        entries = [summarize(e) for e in self._raw(TRASH_TABLE).values()]
        return sorted(entries, key=lambda e: e.deleted_at, reverse=True)

    def _trash_ids(self, report_id: str) -> list[str]:
        found = [
            (e.get("deleted_at", ""), doc_id)
            for doc_id, e in self._raw(TRASH_TABLE).items()
            if entry_report(e).get("id") == report_id
        ]
        if not found:
            raise ReportNotFoundError(f"回收站中没有编号为「{report_id}」的报告。")
        return [doc_id for _, doc_id in sorted(found, reverse=True)]

    def restore(self, report_id: str) -> Report:
        """Put the most recently deleted copy back; a new id if the old one is taken again."""
        self._check_writable()
        trash_id = self._trash_ids(report_id)[0]
        report = Report.from_dict(entry_report(self._raw(TRASH_TABLE)[trash_id]))
        if self.contains(report.id):
            report.id = new_report_id()
        with self._saving():
            self._reports.insert(report.to_dict())
            self._trash.remove(doc_ids=[int(trash_id)])
        return report

    def empty_trash(self) -> int:
        """Delete everything in the 回收站 for good; returns how many reports that was."""
        self._check_writable()
        count = len(self._raw(TRASH_TABLE))
        if count:
            with self._saving():
                self._trash.truncate()
        return count

    # --- backups ---------------------------------------------------------------------------
    def list_backups(self) -> list[backups.BackupInfo]:
        return backups.list_backups(self.path)

    # --- writing machinery -----------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("数据文件正以只读方式打开（可能另一个窗口正在使用），本次修改未保存。")
        if self._closed:
            raise StoreError("数据文件已经关闭，本次修改未保存。请重新打开后再试。")

    def _replace(self, table: str, doc_id: int, doc: dict[str, Any]) -> None:
        self._storage.mark_changed(table, doc_id)
        self._db.table(table).update(_replace_with(doc), doc_ids=[doc_id])

    def _saving(self) -> _Saving:
        return _Saving(self)

    def _backup_opened_file(self) -> None:
        if self._opened_file_backed_up:
            return
        self._opened_file_backed_up = True
        try:
            if backups.backup_existing_file(self.path) is not None:
                self._last_backup = time.monotonic()
        except StoreError as exc:  # a failed backup must not stop the save itself
            _log.warning("backup before first save failed: %s", exc)

    def _compact(self) -> None:
        """Write saves waiting in the change log into the file; if that fails, they stay
        in the log (readers apply it) and the next open tries again."""
        if self.read_only or not self._storage.has_log:
            return
        try:
            self._storage.compact()
        except StoreError as exc:
            _log.warning("store file not rewritten, changes stay in its log: %s", exc)

    def _backup(self) -> None:
        """Back up the file as last saved (saves are synchronous, so the file is current)."""
        self._compact()
        if self._storage.has_log:
            return  # the file lacks the newest saves: a backup of it would mislead
        try:
            backups.backup_existing_file(self.path)
        except StoreError as exc:
            _log.warning("backup failed: %s", exc)
            return
        self._last_backup = time.monotonic()
        self._unbacked_save = False

    def _after_save(self) -> None:
        now = time.monotonic()
        if self._last_backup is None or now - self._last_backup >= self.backup_interval:
            self._backup()
        else:
            self._unbacked_save = True


class _Saving:
    """Groups TinyDB operations into one atomic write; on failure the disk state is reloaded."""

    def __init__(self, store: ReportStore) -> None:
        self.store = store

    def __enter__(self) -> None:
        self.store._backup_opened_file()
        self._batch = self.store._storage.batch()
        self._batch.__enter__()

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            self._batch.__exit__(exc_type, exc, tb)  # type: ignore[arg-type]
        except StoreError:
            self.store._db.close()
            self.store._open_db()  # forget the unsaved change; memory matches the disk again
            raise
        if exc_type is None:
            self.store._after_save()
        else:
            self.store._db.close()
            self.store._open_db()


def _replace_with(doc: dict[str, Any]) -> Callable[[MutableMapping[Any, Any]], None]:
    def replace(target: MutableMapping[Any, Any]) -> None:
        target.clear()
        target.update(doc)

    return replace


def _summary(doc: Any) -> ReportSummary:
    meta = doc.get("meta") or {}
    return ReportSummary(
        id=str(doc.get("id", "")),
        agency=str(doc.get("agency", "")),
        year=doc.get("year"),
        format=str(doc.get("format", "")),
        modified=str(doc.get("modified", "")),
        title=str(meta.get("title", "")),
        is_copy=doc.get("is_copy") is True,
    )


_NOT_CONTENT = ("modified", "is_copy")


def _content(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k not in _NOT_CONTENT}


def _check_serializable(doc: dict[str, Any], report: Report) -> None:
    try:
        json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (ValueError, TypeError) as exc:
        from model.store.storage import unsaveable_reason

        name = report.meta_value("title") or report.agency or report.id
        raise StoreError(
            f"报告「{name}」含有无法保存的内容（{unsaveable_reason(exc)}），这次修改没有保存；"
            "其他报告不受影响。请删除或重新输入有问题的文字后再保存。"
        ) from exc
