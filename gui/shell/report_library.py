"""The reports in the store as the window handles them: list, new, import, delete, trash.

The library knows the window only as a :class:`LibraryHost` (the store, the settings, the open
session) and reports back through signals: a report to open, a notice for the status bar,
the list to show. Dialogs are parented to the widget it is given.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QWidget

from gui import settings as prefs
from model.errors import NianbaoError

if TYPE_CHECKING:
    from gui.editing.session import ReportSession
    from model.importers.result import ImportResult
    from model.report import Report
    from model.store.report_store import ReportStore, ReportSummary

log = logging.getLogger(__name__)


class LibraryHost(Protocol):
    """What the library needs of the window it serves."""

    @property
    def store(self) -> ReportStore: ...

    settings: QSettings

    def current_session(self) -> ReportSession | None: ...

    def close_report(self) -> bool:
        """Save and close the open report; False when it could not be closed."""
        ...

    def listed_selection(self) -> str | None:
        """The report selected in the list, when the list is what the window shows."""
        ...


class ReportLibrary(QObject):
    """The store's reports for the window: keeps the list summaries the start page shows."""

    openRequested = Signal(str)  # a report id the window should open
    notice = Signal(str, int)  # a status-bar message and how long it stays (ms)
    listChanged = Signal(list)  # the ReportSummary list to show

    def __init__(self, host: LibraryHost, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.host = host
        self.window = dialog_parent  # parent of the library's dialogs
        self.summaries: list[ReportSummary] = []

    @property
    def store(self) -> ReportStore:
        return self.host.store  # opened after the window's first paint at start-up

    def refresh_list(self) -> None:
        try:
            self.summaries = self.store.list_reports()
        except NianbaoError as exc:
            self.summaries = []
            QMessageBox.warning(self.window, self.tr("无法读取报告列表"), str(exc))
        self.listChanged.emit(self.summaries)

    def summary(self, report_id: str) -> ReportSummary | None:
        return next((s for s in self.summaries if s.id == report_id), None)

    def new_report(self) -> None:
        from gui.shell.new_report_dialog import NewReportDialog

        dialog = NewReportDialog(self.window)
        if dialog.exec() != NewReportDialog.DialogCode.Accepted:
            return
        self.place_and_open(dialog.report())

    def import_report(self, path: str | Path | None = None) -> None:
        """导入: a file chosen in the import dialog (or dropped on the window, or given on
        the command line), read by the one importer; then the import report."""
        from gui.shell.import_dialog import ImportDialog, ImportReportDialog

        simplify = False
        from_dialog = not path  # the dialog asks about 繁体 before reading; a dropped file after
        if not path:
            dialog = ImportDialog(self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            path, simplify = dialog.chosen()
            prefs.remember_folder("import/last_dir", Path(path).parent)
        try:
            from model.commands import read_for_import

            result = read_for_import(self.store, Path(path), simplify=simplify)
            if not from_dialog and self._wants_simplified(result):
                result = read_for_import(self.store, Path(path), simplify=True)
        except NianbaoError as exc:
            QMessageBox.warning(self.window, self.tr("无法导入"), str(exc))
            return
        if self.store.holds_same(result.report):  # imported before: open it, add no copy
            self.openRequested.emit(result.report.id)
            self.notice.emit(
                self.tr("数据文件中已有这份报告（内容相同），已打开原有的报告，没有重复导入。"),
                10000,
            )
            return
        if not self.place_and_open(result.report):
            return
        if not self.store.contains(result.report.id):
            return  # she chose to open the report already there
        if result.report.unplaced:  # a list to copy from while she edits: not blocking
            from PySide6.QtCore import Qt  # not before the first paint (start_page.ID_ROLE)

            shown = ImportReportDialog(result, self.window)
            shown.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            shown.open()
        elif result.warnings:
            summary = result.summary.lines() if result.summary is not None else []
            QMessageBox.information(
                self.window,
                self.tr("导入完成，请核对"),
                self.tr("报告已导入。以下地方请核对：")
                + "\n\n· "
                + "\n· ".join(map(str, result.warnings))
                + ("\n\n" + "\n".join(summary) if summary else ""),
            )
        else:
            self.notice.emit(self.tr("报告已导入。"), 8000)

    def _wants_simplified(self, result: ImportResult) -> bool:
        """A dropped or given file turned out to be in 繁体: the question the import dialog
        asks beforehand, asked now."""
        if result.summary is None or not result.summary.traditional:
            return False
        answer = QMessageBox.question(
            self.window,
            self.tr("繁体字报告"),
            self.tr(
                "这份报告是用繁体字写的。要把全文转为简体字吗？\n\n"
                "选“否”则保留原文的繁体字；标题和各部分照样能识别。"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def new_from_previous(self) -> None:
        """以上年报告为基础新建: next year's report from the open one, stored and opened."""
        session = self.host.current_session()
        if session is None:
            return
        from model.next_year import new_from

        session.save_now()
        try:
            made = new_from(session.snapshot())
        except NianbaoError as exc:
            QMessageBox.warning(self.window, self.tr("无法新建"), str(exc))
            return
        if not self.place_and_open(made.report) or not self.store.contains(made.report.id):
            return  # nothing made, or she chose to open the report already there
        QMessageBox.information(
            self.window,
            self.tr("已新建 %1 年的报告").replace("%1", str(made.report.year)),
            "\n\n".join(made.notes),
        )

    def export_exchange(self) -> None:
        """Save the open report as an exchange file (.nianbao.json) for another computer."""
        session = self.host.current_session()
        if session is None:
            return
        from model.importers.exchange import exchange_file_name, write_exchange_file

        session.save_now()
        report = session.snapshot()
        folder = prefs.start_folder("export/last_dir")
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("导出交换文件"),
            str(Path(str(folder)) / exchange_file_name(report)),
            self.tr("公开年报交换文件 (*.nianbao.json)"),
        )
        if not path:
            return
        if not path.endswith(".json"):
            path += ".nianbao.json"
        try:
            written = write_exchange_file(report, path)
        except NianbaoError as exc:
            QMessageBox.warning(self.window, self.tr("无法导出交换文件"), str(exc))
            return
        prefs.app_settings().setValue("export/last_dir", str(written.parent))
        from gui.output.export_result import ExportOutcome, show_export_result

        self.notice.emit(self.tr("已导出交换文件：%1").replace("%1", str(written)), 10000)
        show_export_result(self.window, ExportOutcome(written, self.tr("交换文件")))

    def place_and_open(self, report: Report) -> bool:
        """Store a new report and open it; when one of the same agency and year is already
        there, the clerk chooses first. False when nothing was opened."""
        from gui.shell import duplicate_dialog
        from model.duplicates import DuplicateChoice, existing_reports, place_report

        try:
            existing = existing_reports(self.store, report)
        except NianbaoError as exc:
            QMessageBox.warning(self.window, self.tr("无法读取报告列表"), str(exc))
            return False
        if not existing:
            return self.store_and_open(report)
        choice = duplicate_dialog.ask_duplicate(self.window, report, existing)
        if choice is None:
            return False
        session = self.host.current_session()
        replacing_open = session is not None and session.report.id in {s.id for s in existing}
        if choice is DuplicateChoice.REPLACE and replacing_open and not self.host.close_report():
            return False  # the open copy must be saved and closed before it goes to the trash
        try:
            placement = place_report(self.store, report, choice)
        except NianbaoError as exc:
            QMessageBox.warning(self.window, self.tr("无法保存新报告"), str(exc))
            return False
        for old_id in placement.replaced:
            prefs.forget_recent_report(old_id, self.host.settings)
        self.refresh_list()
        self.openRequested.emit(placement.report_id)
        return True

    def store_and_open(self, report: Report) -> bool:
        try:
            self.store.put(report)
        except NianbaoError as exc:
            QMessageBox.warning(self.window, self.tr("无法保存新报告"), str(exc))
            return False
        self.refresh_list()
        self.openRequested.emit(report.id)
        return True

    def delete_report(self, report_id: str | None = None) -> None:
        window = self.window
        session = self.host.current_session()
        if not report_id:
            report_id = session.report.id if session is not None else self.host.listed_selection()
        if not report_id:
            return
        listed = self.summary(report_id)
        name = (listed.title or listed.agency) if listed else ""
        is_open = session is not None and session.report.id == report_id
        if session is not None and is_open:
            name = session.report.meta_value("title") or session.report.agency
        where = self.tr("报告将移到回收站，需要时可以在“文件 › 回收站”中恢复。")
        answer = QMessageBox.question(
            window,
            self.tr("删除报告"),
            self.tr("要删除“%1”吗？").replace("%1", name or report_id) + "\n" + where,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if is_open and not self.host.close_report():
            return
        try:
            self.store.delete(report_id)
        except NianbaoError as exc:
            QMessageBox.warning(window, self.tr("无法删除报告"), str(exc))
            return
        self._forget_unsaved_edits(report_id)
        prefs.forget_recent_report(report_id, self.host.settings)
        self.refresh_list()
        self.notice.emit(self.tr("报告已删除。"), 8000)

    def _forget_unsaved_edits(self, report_id: str) -> None:
        """A deleted report's recovery journal goes too: edits whose save failed must not come
        back unasked when the report is restored from the trash."""
        try:
            from model.store.recovery import RecoveryJournal

            RecoveryJournal(self.store.path).clear(report_id)
        except OSError as exc:
            log.warning("recovery journal of a deleted report not removed: %s", exc)

    def show_trash(self) -> None:
        from gui.shell.trash_dialog import TrashDialog

        dialog = TrashDialog(self.store, self.window)
        dialog.restored.connect(lambda _id: self.refresh_list())
        dialog.exec()
        self.refresh_list()

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        for report_id in prefs.recent_reports(self.host.settings):
            summary = self.summary(report_id)
            if summary is None:
                continue
            year = f" {summary.year}" if summary.year else ""
            action = menu.addAction(f"{summary.agency or summary.title}{year}")
            action.setStatusTip(summary.title)
            action.triggered.connect(lambda _c=False, i=report_id: self.openRequested.emit(i))
        if menu.isEmpty():
            menu.addAction(self.tr("（没有最近打开的报告）")).setEnabled(False)
