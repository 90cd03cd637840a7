"""ReportSession: edits through undo commands, autosave, failed saves, crash recovery."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from doubles import MemoryJournal

from gui.editing import session as session_mod
from gui.editing import undo_commands
from gui.editing.session import RECOVERED_MESSAGE, ReportSession
from model.report import NOT_APPLICABLE, Report
from model.store.report_store import ReportStore


@pytest.fixture
def store(tmp_path: Path):
    s = ReportStore(tmp_path / "reports.json")
    yield s
    s.close()


@pytest.fixture
def open_session(store: ReportStore):
    """Sessions made in a test are closed before the store is (their timers stop)."""
    made: list[ReportSession] = []

    def make(report: Report, journal=None, on_store: ReportStore | None = None) -> ReportSession:
        session = ReportSession(on_store or store, report, journal=journal or MemoryJournal())
        made.append(session)
        return session

    yield make
    for session in made:
        session._closed = True
        if shiboken6.isValid(session):
            session._save_timer.stop()
            session._journal_timer.stop()


@pytest.fixture
def report(store: ReportStore) -> Report:
    r = Report(format="legacy2008", agency="某市统计局", year=2017)
    r.set_meta("title", "某市统计局2017年政府信息公开工作年度报告")
    r.set_paragraphs("L1", ["原来的概述。"])
    store.put(r)
    return r


def test_edit_pushes_one_command_and_signals(qtbot, open_session, store, report):
    session = open_session(report, MemoryJournal())
    with (
        qtbot.waitSignal(session.changed),
        qtbot.waitSignal(session.sectionChanged) as section_signal,
    ):
        session.set_paragraphs("L1", ["新的概述。", "第二段。"])
    assert section_signal.args == ["L1"]
    assert session.report.paragraphs("L1") == ["新的概述。", "第二段。"]
    assert session.undo_stack.count() == 1
    assert session.is_dirty()
    session.set_paragraphs("L1", ["新的概述。", "第二段。"])  # no change: no step
    assert session.undo_stack.count() == 1


def test_typing_burst_merges_and_undo_restores_in_one_step(qtbot, open_session, store, report):
    session = open_session(report, MemoryJournal())
    for text in ["新", "新的", "新的概", "新的概述"]:
        session.set_paragraphs("L1", [text])
    assert session.undo_stack.count() == 1
    with qtbot.waitSignal(session.historyApplied) as shown:
        session.undo_stack.undo()
    assert shown.args == ["L1"]
    assert session.report.paragraphs("L1") == ["原来的概述。"]
    session.undo_stack.redo()
    assert session.report.paragraphs("L1") == ["新的概述"]


def test_edits_far_apart_are_separate_steps(qtbot, open_session, store, report, monkeypatch):
    session = open_session(report, MemoryJournal())
    session.set_meta("phone", "0571-1")
    monkeypatch.setattr(undo_commands, "MERGE_WINDOW_S", -1.0)
    session.set_meta("phone", "0571-12")
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert session.report.meta_value("phone") == "0571-1"


def test_title_follows_agency_until_edited(qtbot, open_session, store, report):
    session = open_session(report, MemoryJournal())
    session.set_agency("某县民政局")
    assert session.report.meta_value("title") == "某县民政局2017年政府信息公开工作年度报告"
    session.set_year(2018)
    assert session.report.meta_value("title") == "某县民政局2018年政府信息公开工作年度报告"
    session.undo_stack.undo()  # one step undoes year and title together
    assert session.report.year == 2017
    assert session.report.meta_value("title") == "某县民政局2017年政府信息公开工作年度报告"
    session.set_meta("title", "关于某县民政局的年度报告")
    session.set_agency("某县财政局")
    assert session.report.meta_value("title") == "关于某县民政局的年度报告"


def test_cells_and_dismissals_are_undoable(qtbot, open_session, store, report):
    session = open_session(report, MemoryJournal())
    with qtbot.waitSignal(session.cellsChanged) as cells:
        session.set_cell("x.a@total", 5)
    assert cells.args == [["x.a@total"]]
    session.set_cell("x.a@total", NOT_APPLICABLE)
    assert session.undo_stack.count() == 2  # cells never merge
    session.dismiss("R1@total", "已核实")
    assert session.report.dismissed == {"R1@total": "已核实"}
    session.undismiss("R1@total")
    assert session.report.dismissed == {}
    session.undo_stack.undo()
    assert session.report.dismissed == {"R1@total": "已核实"}


def test_autosave_writes_store_and_clears_journal(qtbot, open_session, store, report):
    journal = MemoryJournal()
    session = open_session(report, journal)
    session.set_paragraphs("L1", ["自动保存的文字。"])
    with qtbot.waitSignal(session.saved, timeout=3000) as saved:
        pass
    assert len(saved.args[0]) == 8  # HH:MM:SS
    assert not session.is_dirty()
    assert store.get(report.id).paragraphs("L1") == ["自动保存的文字。"]
    assert journal.docs == {}


def test_journal_is_written_soon_after_a_change(qtbot, open_session, store, report):
    journal = MemoryJournal()
    session = open_session(report, journal)
    session.set_paragraphs("L1", ["日志里的文字。"])
    qtbot.waitUntil(lambda: report.id in journal.docs, timeout=1000)
    assert journal.docs[report.id]["sections"]["L1"] == ["日志里的文字。"]


def test_failed_save_keeps_edits_reports_and_retries(
    qtbot, open_session, store, report, monkeypatch
):
    journal = MemoryJournal()
    session = open_session(report, journal)
    real_put = store.put

    def full_disk(_report: Report) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "put", full_disk)
    session.set_paragraphs("L1", ["磁盘满时写的文字。"])
    with qtbot.waitSignal(session.saveFailed, timeout=3000) as failed:
        pass
    assert "保存失败" in failed.args[0] and "磁盘空间不足" in failed.args[0]
    assert "No space" not in failed.args[0]  # the system's English stays in the log
    assert session.is_dirty()
    assert session.report.paragraphs("L1") == ["磁盘满时写的文字。"]
    assert journal.docs[report.id]["sections"]["L1"] == ["磁盘满时写的文字。"]
    assert store.get(report.id).paragraphs("L1") == ["原来的概述。"]

    monkeypatch.setattr(store, "put", real_put)
    session.set_paragraphs("L1", ["磁盘满时写的文字。再写一句。"])
    qtbot.waitUntil(lambda: not session.is_dirty(), timeout=3000)
    assert store.get(report.id).paragraphs("L1") == ["磁盘满时写的文字。再写一句。"]


def test_read_only_store_message_is_chinese(qtbot, open_session, tmp_path, report, store):
    store.close()
    ro = ReportStore(tmp_path / "reports.json", read_only=True)
    session = open_session(ro.get(report.id), MemoryJournal(), ro)
    session.set_meta("address", "某路1号")
    with qtbot.waitSignal(session.saveFailed) as failed:
        assert session.save_now() is False
    assert "只读" in failed.args[0]
    ro.close()


def test_close_saves_the_last_edit(qtbot, open_session, store, report):
    session = open_session(report, MemoryJournal())
    session.set_meta("address", "某路1号")
    assert session.close() is True
    assert store.get(report.id).meta_value("address") == "某路1号"


def test_crash_recovery_restores_newer_journal(qtbot, open_session, store, report):
    journal = MemoryJournal()
    first = open_session(store.get(report.id), journal)
    first.set_paragraphs("L1", ["崩溃前没来得及保存的文字。"])
    first.flush_journal()
    first._save_timer.stop()  # simulate the crash: the save never happens
    first.deleteLater()

    assert store.get(report.id).paragraphs("L1") == ["原来的概述。"]
    second = open_session(store.get(report.id), journal)
    assert second.recovered_from_crash
    assert second.report.paragraphs("L1") == ["崩溃前没来得及保存的文字。"]
    with qtbot.waitSignal(second.recovered) as told:
        pass
    assert told.args == [RECOVERED_MESSAGE]
    assert second.save_now()
    assert store.get(report.id).paragraphs("L1") == ["崩溃前没来得及保存的文字。"]
    assert journal.docs == {}


def test_stale_journal_is_ignored(qtbot, open_session, store, report):
    journal = MemoryJournal()
    old = report.copy()
    old.set_paragraphs("L1", ["旧的日志内容。"])
    old.modified = "2000-01-01T00:00:00+00:00"
    journal.write(old)
    session = open_session(store.get(report.id), journal)
    assert not session.recovered_from_crash
    assert session.report.paragraphs("L1") == ["原来的概述。"]
    assert journal.docs == {}


def test_previous_report_is_found_and_cached(qtbot, open_session, store, report):
    last_year = Report(format="legacy2008", agency="某市统计局", year=2016)
    store.put(last_year)
    session = open_session(report, MemoryJournal())
    first = session.previous_report()
    assert first is not None and first.id == last_year.id
    assert session.previous_report() is first
    snap = session.snapshot()
    snap.set_paragraphs("L1", ["副本"])
    assert session.report.paragraphs("L1") == ["原来的概述。"]


def test_real_recovery_journal(qtbot, open_session, store, report):
    from model.store import recovery

    journal = recovery.RecoveryJournal(store.path)
    session = open_session(store.get(report.id), journal)
    session.set_paragraphs("L1", ["真实日志。"])
    session.flush_journal()
    session._save_timer.stop()
    again = open_session(store.get(report.id), recovery.RecoveryJournal(store.path))
    assert again.recovered_from_crash
    assert again.report.paragraphs("L1") == ["真实日志。"]
    assert session_mod.open_journal(store) is not None


# --- the real recovery journal (model/recovery.py) -------------------------------------------
def test_real_journal_keeps_unsaved_edits_and_is_cleared_after_save(qtbot, store, report):
    from model.store.recovery import RecoveryJournal

    session = ReportSession(store, store.get(report.id))  # opens the store's own journal
    journal = RecoveryJournal(store.path)
    session.set_paragraphs("L1", ["还没保存的文字。"])
    session._save_timer.stop()
    session.flush_journal()
    journaled = journal.journaled(report.id)
    assert journaled is not None and journaled.paragraphs("L1") == ["还没保存的文字。"]
    assert session.save_now()
    assert journal.journaled(report.id) is None
    assert not journal.path_for(report.id).exists()
    session.close()


def test_read_only_window_leaves_the_writers_journal_alone(qtbot, tmp_path, report, store):
    """A read-only window neither adopts, rewrites nor clears recovery/<id>.json: it belongs
    to the window that writes the store."""
    from model.store.recovery import RecoveryJournal

    writer = ReportSession(store, store.get(report.id))
    writer.set_paragraphs("L1", ["写入窗口未保存的文字。"])
    writer._save_timer.stop()
    writer.flush_journal()
    journal = RecoveryJournal(store.path)
    before = journal.path_for(report.id).read_bytes()

    ro = ReportStore(store.path, read_only=True)
    reader = ReportSession(ro, ro.get(report.id))
    assert not reader.recovered_from_crash
    assert reader.report.paragraphs("L1") == ["原来的概述。"]
    reader.dismiss("W1", "只读窗口的理由")
    reader.flush_journal(force=True)
    reader.save_now()  # fails (read-only): must not journal either
    reader.close()
    assert journal.path_for(report.id).read_bytes() == before
    ro.close()
    writer._closed = True
    writer._journal_timer.stop()
