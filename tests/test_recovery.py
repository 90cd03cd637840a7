"""Crash recovery journal: unsaved changes survive a crash and are offered at start-up."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import signal
import time
from pathlib import Path

import pytest

from model.errors import StoreError
from model.files import atomic_file
from model.report import Report
from model.store.recovery import RecoveryJournal
from model.store.report_store import ReportStore


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "reports.json"


def saved_report(path: Path) -> Report:
    report = Report(format="fmt2021", agency="某某镇人民政府", year=2024)
    report.set_paragraphs("s1", ["已保存的文字"])
    with ReportStore(path) as store:
        store.put(report)
    return report


def test_unsaved_change_is_pending_until_cleared(path: Path) -> None:
    report = saved_report(path)
    journal = RecoveryJournal(path)
    assert journal.pending() == []
    time.sleep(1.01)  # ``modified`` has whole seconds
    report.set_paragraphs("s1", ["还没保存的修改𠀀"])
    written = journal.write(report)
    assert written == path.parent / "recovery" / f"{report.id}.json"
    [pending] = journal.pending()
    assert pending.to_dict() == report.to_dict()
    with ReportStore(path) as store:  # the open store may be passed in (it holds the lock)
        assert [r.id for r in journal.pending(store)] == [report.id]
        store.put(report)
        assert journal.pending(store) == []  # saved: nothing newer any more
    journal.clear(report.id)
    journal.clear(report.id)  # clearing twice is fine
    assert not written.exists()


def test_journal_older_than_store_is_not_offered(path: Path) -> None:
    report = saved_report(path)
    journal = RecoveryJournal(path)
    stale = report.copy()
    stale.set_paragraphs("s1", ["旧的草稿"])
    stale.modified = "2000-01-01T00:00:00+08:00"
    journal.write(stale)
    assert journal.pending() == []
    with ReportStore(path) as store:
        assert journal.prune(store) == 1
    assert journal.entries() == []


def test_never_saved_report_is_offered(path: Path) -> None:
    saved_report(path)
    draft = Report(format="fmt2021", agency="新建未保存", year=2025)
    RecoveryJournal(path).write(draft)
    assert [r.agency for r in RecoveryJournal(path).pending()] == ["新建未保存"]


def test_broken_or_foreign_journal_files_are_skipped(path: Path) -> None:
    report = saved_report(path)
    journal = RecoveryJournal(path)
    journal.folder.mkdir(parents=True, exist_ok=True)
    (journal.folder / "half.json").write_text('{"store": "reports.json", "rep', encoding="utf-8")
    other = {"store": "other.json", "saved_at": "", "report": report.to_dict()}
    (journal.folder / "other.json").write_text(json.dumps(other), encoding="utf-8")
    assert journal.pending() == []


def test_pending_when_store_is_unreadable_offers_everything(path: Path) -> None:
    report = saved_report(path)
    RecoveryJournal(path).write(report)
    path.write_bytes(b"{broken")
    assert [r.id for r in RecoveryJournal(path).pending()] == [report.id]


def test_journal_write_failure_is_a_chinese_store_error(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = saved_report(path)

    def full(handle: object, chunks: list[bytes]) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_file, "write_chunks", full)
    with pytest.raises(StoreError, match="磁盘空间不足"):
        RecoveryJournal(path).write(report)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_journal_survives_a_killed_editor(path: Path) -> None:
    """The editor journals each keystroke and is killed; the last journal is intact."""
    report = saved_report(path)
    pid = os.fork()
    if pid == 0:
        try:
            journal = RecoveryJournal(path)
            n = 0
            while True:
                n += 1
                report.set_paragraphs("s1", [f"第{n}次修改"] * 50)
                report.modified = "2999-01-01T00:00:00+08:00"
                journal.write(report)
        finally:
            os._exit(1)
    time.sleep(0.2)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    [pending] = RecoveryJournal(path).pending()
    paragraphs = pending.paragraphs("s1")
    assert len(paragraphs) == 50 and len(set(paragraphs)) == 1


def test_one_timestamp_reader_for_journal_and_store() -> None:
    from model.report import timestamp_of

    aware = "2026-11-26T10:00:00+08:00"
    assert timestamp_of(aware) == timestamp_of("2026-11-26T02:00:00+00:00")
    naive = "2026-11-26T10:00:00"  # an older file without zone: local time
    assert timestamp_of(naive) == dt.datetime(2026, 11, 26, 10).astimezone().timestamp()
    assert timestamp_of("") == timestamp_of(None) == timestamp_of("昨天") == 0.0
