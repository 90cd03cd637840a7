"""The 批量检查 window: work in a worker thread with progress and 取消, one row per file,
filters and sorting, a row opening its findings and the report, import and 汇总 into the store."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from batch_data import clean_report, make_folder
from PySide6.QtCore import Qt

import model.batch.check_folder
from gui.batch.batch_table import LEVEL_ALL
from gui.batch.batch_window import BatchWindow
from gui.batch.launch import open_batch_window
from gui.shell.main_window import MainWindow
from model.batch.entries import BatchEntry
from model.importers.exchange import write_exchange_file
from model.store.report_store import ReportStore


@pytest.fixture
def folder(tmp_path: Path) -> Any:
    return make_folder(tmp_path / "reports", 16, with_pdf=False, with_docx=False)


@pytest.fixture
def batch(qtbot: Any, tmp_path: Path) -> BatchWindow:
    window = BatchWindow(tmp_path / "none.json")
    qtbot.addWidget(window)
    window.show()
    return window


def run(qtbot: Any, window: BatchWindow, paths: list[Path]) -> None:
    with qtbot.waitSignal(window.batchFinished, timeout=60000):
        window.check_paths(paths)


def rows(window: BatchWindow) -> list[BatchEntry]:
    return window.visible_entries()


def test_checks_the_folder_in_a_worker_thread(
    qtbot: Any, batch: BatchWindow, folder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: set[int] = set()
    real = model.batch.check_folder.read_report

    def reader(path: Path, formats: Any = None) -> Any:
        threads.add(threading.get_ident())
        return real(path, formats)

    monkeypatch.setattr(model.batch.check_folder, "read_report", reader)
    seen: list[int] = []
    batch.check_paths([folder.path])
    assert batch.is_running() or batch.result is not None
    batch.runner.progress.connect(lambda done, total, name: seen.append(done))  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: batch.result is not None, timeout=60000)
    assert threading.get_ident() not in threads and threads  # off the GUI thread
    assert len(rows(batch)) == 16
    assert batch.progress.isHidden()
    assert "共 16 份" in batch.status.text()
    broken = next(e for e in rows(batch) if e.name == folder.broken_identity)
    assert broken.errors == 1


def test_filter_by_level_agency_and_kind(qtbot: Any, batch: BatchWindow, folder: Any) -> None:
    run(qtbot, batch, [folder.path])
    batch.level_filter.setCurrentText("有错误")
    shown = {e.name for e in rows(batch)}
    assert shown == {folder.broken_identity, folder.unreadable}
    batch.level_filter.setCurrentText("无法读取")
    assert [e.name for e in rows(batch)] == [folder.unreadable]
    batch.level_filter.setCurrentText("文字与表格不一致")
    assert {e.name for e in rows(batch)} == {folder.narrative, "07_narrative.html"}
    batch.level_filter.setCurrentText(LEVEL_ALL)
    batch.agency_filter.setText("第1街道")
    assert all("第1" in e.agency for e in rows(batch)) and rows(batch)
    batch.agency_filter.clear()
    batch.kind_filter.setCurrentIndex(batch.kind_filter.findData("乡镇（街道）"))
    kinds = {e.kind for e in rows(batch)}
    assert kinds == {"乡镇（街道）"}
    batch.kind_filter.setCurrentIndex(0)
    assert len(rows(batch)) == 16


def test_sorting_by_errors_puts_the_worst_first(
    qtbot: Any, batch: BatchWindow, folder: Any
) -> None:
    run(qtbot, batch, [folder.path])
    column = [batch.model.headerData(c, Qt.Orientation.Horizontal) for c in range(12)].index("错误")
    batch.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    first = rows(batch)[0]
    assert first.errors == 1
    batch.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert rows(batch)[0].errors == 0


def test_cancel_stops_between_files_and_keeps_the_rows_read(
    qtbot: Any, batch: BatchWindow, folder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = model.batch.check_folder.read_report

    def slow(path: Path, formats: Any = None) -> Any:
        time.sleep(0.15)
        return real(path, formats)

    monkeypatch.setattr(model.batch.check_folder, "read_report", slow)
    with qtbot.waitSignal(batch.batchFinished, timeout=60000) as finished:
        batch.check_paths([folder.path])
        qtbot.waitUntil(lambda: batch.progress.value() >= 2, timeout=20000)
        assert batch.cancel_button.isVisible()
        batch.cancel()
    assert finished.args == [True]
    assert 0 < len(rows(batch)) < 16
    assert "已取消" in batch.status.text()


def test_a_row_opens_its_findings_and_the_report_read_only(
    qtbot: Any, batch: BatchWindow, folder: Any
) -> None:
    run(qtbot, batch, [folder.path])
    entry = next(e for e in rows(batch) if e.name == folder.carry_this_year)
    view = batch.open_entry(entry)
    qtbot.addWidget(view)
    listed = [view.findings.item(i).text() for i in range(view.findings.count())]
    assert any("上年结转" in line and "9" in line for line in listed)
    assert view.text.isReadOnly()
    shown = view.text.toPlainText()
    assert entry.agency in shown and "三、收到和处理政府信息公开申请情况" in shown
    assert view.import_button.isEnabled()
    bad = next(e for e in rows(batch) if e.name == folder.unreadable)
    bad_view = batch.open_entry(bad)
    qtbot.addWidget(bad_view)
    assert not bad_view.import_button.isEnabled()
    assert folder.unreadable in bad_view.text.toPlainText()


def test_export_table_writes_xlsx_and_csv(
    qtbot: Any, batch: BatchWindow, folder: Any, tmp_path: Path
) -> None:
    run(qtbot, batch, [folder.path])
    batch.level_filter.setCurrentText("有错误")  # the files hold every row, not only those shown
    assert batch.export_table(xlsx=tmp_path / "a.xlsx", csv=tmp_path / "a.csv")
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert book["检查结果"].max_row == 17
    assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").count("\n") == 17
    assert "a.xlsx" in batch.status.text()


def test_import_and_consolidate_from_the_main_window(
    qtbot: Any, window: MainWindow, store: ReportStore, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    parts = [clean_report(n) for n in (31, 32, 33)]
    for part in parts:
        write_exchange_file(part, folder / f"{part.agency}.nianbao.json")
    window.actions_.batch_check.trigger()
    batch = window.findChild(BatchWindow, "batchWindow")
    assert batch is not None and batch.isVisible()
    assert open_batch_window(window) is batch  # one window, shown again
    run(qtbot, batch, [folder])
    assert store.list_reports() == []  # checking stores nothing

    view = batch.open_entry(rows(batch)[0])
    view.import_button.click()
    assert [s.agency for s in store.list_reports()] == [rows(batch)[0].agency]
    assert window.current_session() is not None

    dialog = batch.consolidate_entries(batch.entries_to_consolidate(), "示范区人民政府")
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert "已汇总 3 份报告" in dialog.text.toPlainText()
    written = dialog.export_xlsx(tmp_path / "汇总.xlsx")
    assert written is not None
    sheet = openpyxl.load_workbook(written)["表三"]
    assert sheet.max_row == 5  # header, three agencies, 合计
    dialog.save_button.click()
    stored = [s for s in store.list_reports() if s.agency == "示范区人民政府"]
    assert len(stored) == 1
    total = store.get(stored[0].id)
    cell = "s3.new_this_year@natural_person"
    assert total.cells[cell] == sum(p.cells[cell] for p in parts)  # type: ignore[misc]


def test_store_reports_of_a_year_join_the_batch(
    qtbot: Any, window: MainWindow, store: ReportStore, tmp_path: Path
) -> None:
    store.put(clean_report(41))
    store.put(clean_report(42, year=2024))
    folder = tmp_path / "reports"
    folder.mkdir()
    write_exchange_file(clean_report(43), folder / "43.nianbao.json")
    batch = open_batch_window(window)
    run(qtbot, batch, [folder])
    with qtbot.waitSignal(batch.batchFinished, timeout=60000):
        assert batch.add_store_year(2025) == 1
    kinds = sorted(e.file_kind for e in rows(batch))
    assert kinds == ["交换文件", "数据文件"]


def test_export_excel_of_the_open_report(
    qtbot: Any, window: MainWindow, store: ReportStore, tmp_path: Path
) -> None:
    from gui.output.xlsx_export import export_open_report_xlsx

    assert not window.actions_.export_xlsx.isEnabled()  # no report open
    report = clean_report(44)
    store.put(report)
    window.open_report(report.id)
    assert window.actions_.export_xlsx.isEnabled()
    written = export_open_report_xlsx(window, tmp_path / "表格.xlsx")
    assert written is not None
    sheet = openpyxl.load_workbook(written)["表四"]
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert report.cells["s4.review.upheld"] in values
    assert "表格.xlsx" in window.statusBar().currentMessage()
