"""Test doubles shared by the GUI tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import main
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


def make_report(agency: str = "某某区人民政府办公室", year: int = 2024) -> Report:
    report = Report(format="fmt2021", agency=agency, year=year)
    report.set_meta("title", f"{agency}{year}年政府信息公开工作年度报告")
    report.set_cell("s3.new_this_year@natural_person", 12)
    return report


def stored(path: Path, *reports: Report) -> list[str]:
    with ReportStore(path) as store:
        for report in reports:
            store.put(report)
    return [r.id for r in reports]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
