"""Opening the 批量检查 window from the main window (one window, shown again when asked)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from gui.batch.batch_window import BatchWindow
from model.report import Report

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow


def open_batch_window(window: MainWindow) -> BatchWindow:
    batch = window.findChild(BatchWindow, "batchWindow")
    if batch is None:
        store = window.store

        def store_reports(year: int) -> list[Report]:
            return [store.get(s.id) for s in store.list_reports() if s.year == year]

        batch = BatchWindow(store.path, store_reports, window)
        batch.importRequested.connect(lambda report: _store_and_open(window, report))
    batch.show()
    batch.raise_()
    batch.activateWindow()
    return batch


def _store_and_open(window: MainWindow, report: Report) -> None:
    """A report from the batch (or the consolidated one) goes into the store like an import."""
    if window.read_only:
        QMessageBox.information(
            window,
            window.tr("只读"),
            window.tr("数据文件现在是只读的，不能保存报告。请关闭另一个窗口后重新启动本程序。"),
        )
        return
    if window.library.place_and_open(report):
        window.raise_()
        window.activateWindow()
