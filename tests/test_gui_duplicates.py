"""The window asks before a second report of the same agency and year is stored, and the
list shows the copies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from gui.shell import duplicate_dialog
from gui.shell.duplicate_dialog import DuplicateQuestion
from gui.shell.new_report_dialog import NewReportDialog
from model.duplicates import DuplicateChoice
from model.report import Report
from model.store.report_store import ReportStore


def _new_report(window: Any, monkeypatch: pytest.MonkeyPatch, agency: str, year: int) -> None:
    def fake_exec(dialog: NewReportDialog) -> int:
        dialog.agency_edit.setText(agency)
        dialog.year_spin.setValue(year)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewReportDialog, "exec", fake_exec)
    window.actions_.new.trigger()


def _answer(monkeypatch: pytest.MonkeyPatch, choice: DuplicateChoice | None) -> list[Any]:
    asked: list[Any] = []

    def ask(parent: Any, report: Report, existing: list[Any]) -> DuplicateChoice | None:
        asked.append((report.agency, report.year, [s.id for s in existing]))
        return choice

    monkeypatch.setattr(duplicate_dialog, "ask_duplicate", ask)
    return asked


def test_creating_the_same_agency_and_year_twice_asks(window, store, monkeypatch) -> None:
    asked = _answer(monkeypatch, DuplicateChoice.OPEN_EXISTING)
    _new_report(window, monkeypatch, "市中区商务局", 2025)
    [first] = store.list_reports()
    assert asked == []
    _new_report(window, monkeypatch, "市中区商务局", 2025)
    assert asked == [("市中区商务局", 2025, [first.id])]
    assert [s.id for s in store.list_reports()] == [first.id]
    assert window.current_session().report.id == first.id


def test_cancel_stores_nothing(window, store, monkeypatch) -> None:
    _new_report(window, monkeypatch, "市中区商务局", 2025)
    _answer(monkeypatch, None)
    _new_report(window, monkeypatch, "市中区商务局", 2025)
    assert len(store.list_reports()) == 1


def test_replace_sends_the_open_old_report_to_the_trash(window, store, monkeypatch) -> None:
    _new_report(window, monkeypatch, "市中区商务局", 2025)
    [first] = store.list_reports()
    assert window.current_session().report.id == first.id  # the old one is open
    _answer(monkeypatch, DuplicateChoice.REPLACE)
    _new_report(window, monkeypatch, "市中区商务局", 2025)
    [second] = store.list_reports()
    assert second.id != first.id
    assert [e.id for e in store.list_trash()] == [first.id]
    assert window.current_session().report.id == second.id
    window.close_report()
    assert [s.id for s in store.list_reports()] == [second.id]  # not saved back


def test_keep_both_lists_the_copy(window, store, monkeypatch) -> None:
    _new_report(window, monkeypatch, "市中区商务局", 2025)
    _answer(monkeypatch, DuplicateChoice.KEEP_BOTH)
    _new_report(window, monkeypatch, "市中区商务局", 2025)
    window.close_report()
    window.refresh_list()
    model = window.start_page.model
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert sorted(shown) == ["市中区商务局", "市中区商务局（副本）"]
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        assert "共有 2 份" in model.data(index, Qt.ItemDataRole.ToolTipRole)
        assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None


def test_importing_a_revised_copy_asks(
    window, store, monkeypatch, sample_text_path: Path, tmp_path: Path
):
    from test_duplicates import edited_copy

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    asked = _answer(monkeypatch, DuplicateChoice.OPEN_EXISTING)
    window.import_report(sample_text_path)
    [first] = store.list_reports()
    window.import_report(edited_copy(sample_text_path, tmp_path))
    assert asked and asked[0][:2] == ("市中区商务局", 2017)
    assert [s.id for s in store.list_reports()] == [first.id]


def test_question_buttons_give_the_three_choices(qtbot, store: ReportStore) -> None:
    existing = Report(format="fmt2021", agency="市中区商务局", year=2025)
    store.put(existing)
    [summary] = store.list_reports()
    new = Report(format="fmt2021", agency="市中区商务局", year=2025)
    for choice in DuplicateChoice:
        question = DuplicateQuestion(new, [summary], None)
        qtbot.addWidget(question)
        assert summary.id in question.text() and "2025" in question.text()
        QTimer.singleShot(0, question.button_for(choice).click)
        question.exec()
        assert question.choice() is choice
    question = DuplicateQuestion(new, [summary], None)
    qtbot.addWidget(question)
    QTimer.singleShot(0, question.cancel_button.click)
    question.exec()
    assert question.choice() is None


def test_list_without_duplicates_has_no_marks(window, store) -> None:
    store.put(Report(format="fmt2021", agency="甲局", year=2025))
    store.put(Report(format="fmt2021", agency="甲局", year=2024))
    window.refresh_list()
    model = window.start_page.model
    for row in range(model.rowCount()):
        assert model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(QModelIndex()) is None


def test_renaming_the_copy_in_the_editor_clears_the_mark(window, store, monkeypatch) -> None:
    _new_report(window, monkeypatch, "市中区商务局", 2025)
    _answer(monkeypatch, DuplicateChoice.KEEP_BOTH)
    _new_report(window, monkeypatch, "市中区商务局", 2025)
    session = window.current_session()
    assert session.report.is_copy
    session.set_agency("市中区商务局机关服务中心")
    window.close_report()
    window.refresh_list()
    model = window.start_page.model
    shown = sorted(model.data(model.index(r, 0)) for r in range(model.rowCount()))
    assert shown == ["市中区商务局", "市中区商务局机关服务中心"]
    assert not any(s.is_copy for s in store.list_reports())


def test_next_year_from_a_report_whose_next_year_exists_opens_it_without_saying_made(
    window, store, monkeypatch
) -> None:
    """以上年报告为基础新建 when next year's report is already there and she opens it: the
    existing one opens, nothing is added and no 「已新建」 message appears."""
    _new_report(window, monkeypatch, "市中区商务局", 2025)
    [next_year] = store.list_reports()
    _new_report(window, monkeypatch, "市中区商务局", 2024)
    told: list[Any] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a))
    asked = _answer(monkeypatch, DuplicateChoice.OPEN_EXISTING)
    window.library.new_from_previous()
    assert [year for _agency, year, _ids in asked] == [2025]
    assert len(store.list_reports()) == 2
    assert window.current_session().report.id == next_year.id
    assert told == []
