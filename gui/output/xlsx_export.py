"""导出 Excel of the open report: its statistics tables as printed, in an .xlsx file.

The workbook is small and quick to make (a few hundred cells), so it is written on the GUI
thread; the report handed over is a copy, as for every export.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui import settings as prefs
from model.errors import NianbaoError
from model.report import Report

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow


def suggested_name(report: Report) -> str:
    stem = f"{report.agency}{report.year or ''}年报统计表" if report.agency else "年报统计表"
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in stem) + ".xlsx"


def export_open_report_xlsx(window: MainWindow, path: Path | None = None) -> Path | None:
    """Ask where (unless ``path`` is given), write, and say where it went."""
    session = window.current_session()
    if session is None:
        return None
    report = session.snapshot()
    if path is None:
        folder = prefs.start_folder("export/last_dir")
        chosen, _ = QFileDialog.getSaveFileName(
            window,
            window.tr("导出 Excel"),
            str(folder / suggested_name(report)),
            window.tr("Excel 文件 (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
    from export.xlsx import report_workbook, save_workbook
    from model.formats import get_format

    try:
        written = save_workbook(report_workbook(report, get_format(report.format)), path)
    except NianbaoError as exc:
        QMessageBox.warning(window, window.tr("无法导出 Excel"), str(exc))
        return None
    prefs.app_settings().setValue("export/last_dir", str(written.parent))
    window.statusBar().showMessage(
        window.tr("已导出 Excel 文件：%1").replace("%1", str(written)), 10000
    )
    return written
