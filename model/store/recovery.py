"""Crash recovery: the unsaved report is journaled to ``recovery/<id>.json`` beside the store.

The session writes the journal on every change (one small atomic file), clears it after a
successful save, and at start-up asks :meth:`RecoveryJournal.pending` for reports whose
journal is newer than what the store holds (恢复未保存的内容？).
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from model.errors import NianbaoError, StoreError
from model.files.os_errors import describe_os_error
from model.report import Report, now_iso, timestamp_of
from model.store.migrations import migrate
from model.store.storage import atomic_write

if TYPE_CHECKING:
    from model.store.report_store import ReportStore

RECOVERY_DIR = "recovery"
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JournalEntry:
    report: Report
    saved_at: str
    path: Path


class RecoveryJournal:
    """Journal files of one store (several stores may share a folder: entries are tagged)."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = Path(store_path)
        self.folder = self.store_path.parent / RECOVERY_DIR

    def path_for(self, report_id: str) -> Path:
        safe = "".join(ch for ch in report_id if ch.isalnum() or ch in "-_") or "report"
        return self.folder / f"{safe}.json"

    def write(self, report: Report) -> Path:
        """Journal the current (unsaved) state of ``report``. Raises StoreError."""
        doc = {"store": self.store_path.name, "saved_at": now_iso(), "report": report.to_dict()}
        target = self.path_for(report.id)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write(target, [json.dumps(doc, ensure_ascii=False).encode("utf-8")])
        except OSError as exc:
            raise StoreError(
                "保存未保存内容的应急副本失败：" + describe_os_error(exc, target, "保存")
            ) from exc
        return target

    def clear(self, report_id: str) -> None:
        """Forget the journal of a report (after it was saved to the store or discarded)."""
        with contextlib.suppress(FileNotFoundError):
            self.path_for(report_id).unlink()

    def entries(self) -> list[JournalEntry]:
        """Every readable journal of this store (unreadable ones are skipped and logged)."""
        found: list[JournalEntry] = []
        with contextlib.suppress(OSError):
            for file in sorted(self.folder.glob("*.json")):
                entry = self._read(file)
                if entry is not None:
                    found.append(entry)
        return found

    def _read(self, file: Path) -> JournalEntry | None:
        try:
            doc = json.loads(file.read_text(encoding="utf-8"))
            if not isinstance(doc, dict) or doc.get("store") != self.store_path.name:
                return None
            report = Report.from_dict(migrate(doc["report"]))
        except (OSError, ValueError, KeyError, TypeError, RecursionError, NianbaoError) as exc:
            _log.warning("recovery journal %s unreadable: %s", file, exc)
            return None
        return JournalEntry(report, str(doc.get("saved_at", "")), file)

    def journaled(self, report_id: str) -> Report | None:
        """This report's journaled state, if its journal file exists and is readable.

        Reads one small file and never the store: opening a report compares it with the
        report it just read from the store (cheap even with 1,000 reports in the store).
        """
        file = self.path_for(report_id)
        if not file.is_file():
            return None
        entry = self._read(file)
        if entry is None or entry.report.id != report_id:
            return None
        return entry.report

    def pending(self, store: ReportStore | None = None) -> list[Report]:
        """Journaled reports that hold changes the store does not have, newest first.

        ``store`` is the open store; without it the file is read read-only (no lock needed).
        """
        entries = self.entries()
        stored = _stored_documents(self.store_path, store, {e.report.id for e in entries})
        result = []
        for entry in entries:
            current = stored.get(entry.report.id) if stored is not None else None
            if current is None or _is_newer(entry.report, current):
                result.append(entry.report)
        return sorted(result, key=lambda r: r.modified, reverse=True)

    def prune(self, store: ReportStore) -> int:
        """Delete journals that hold nothing newer than the store; returns how many."""
        keep = {r.id for r in self.pending(store)}
        removed = 0
        for entry in self.entries():
            if entry.report.id not in keep:
                with contextlib.suppress(OSError):
                    entry.path.unlink()
                    removed += 1
        return removed


def _stored_documents(
    store_path: Path, store: ReportStore | None, ids: set[str]
) -> dict[str, Report] | None:
    """Reports in the store by id; ``None`` when the store cannot be read (offer everything)."""
    from model.store.report_store import ReportStore

    try:
        if store is None:
            with ReportStore(store_path, read_only=True) as opened:
                return _reports(opened, ids)
        return _reports(store, ids)
    except NianbaoError as exc:
        _log.warning("store unreadable while checking recovery journals: %s", exc)
        return None


def _reports(store: ReportStore, ids: set[str]) -> dict[str, Report]:
    result: dict[str, Report] = {}
    for report_id in ids:
        with contextlib.suppress(NianbaoError):
            result[report_id] = store.get(report_id)
    return result


def _is_newer(journaled: Report, stored: Report) -> bool:
    if journaled.to_dict() == stored.to_dict():
        return False
    return timestamp_of(journaled.modified) >= timestamp_of(stored.modified)
