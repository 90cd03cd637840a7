"""Test doubles shared by the GUI tests."""

from __future__ import annotations

from pathlib import Path

from model.errors import StoreFolderReadOnlyError, StoreLockedError
from model.report import Report
from model.store.report_store import ReportStore


class NoJournal:
    """A recovery journal that keeps nothing (for tests about something else)."""

    def write(self, report: Report) -> None: ...

    def clear(self, report_id: str) -> None: ...

    def journaled(self, report_id: str) -> Report | None:
        return None


class MemoryJournal:
    """A stand-in for model.store.recovery.RecoveryJournal that survives a session's 'crash'."""

    def __init__(self) -> None:
        self.docs: dict[str, dict] = {}
        self.writes = 0

    def write(self, report: Report) -> None:
        self.writes += 1
        self.docs[report.id] = report.to_dict()

    def clear(self, report_id: str) -> None:
        self.docs.pop(report_id, None)

    def journaled(self, report_id: str) -> Report | None:
        doc = self.docs.get(report_id)
        return Report.from_dict(doc) if doc is not None else None


def open_or_read_only(path: Path) -> ReportStore:
    """The store for writing, or read-only when another writer holds it (what the window
    does after asking the clerk)."""
    try:
        return ReportStore(path)
    except (StoreLockedError, StoreFolderReadOnlyError):
        return ReportStore(path, read_only=True)
