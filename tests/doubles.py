"""Test doubles shared by the GUI tests."""

from __future__ import annotations

from model.report import Report


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
