"""The main window: the report list when nothing is open, else the editor and its checks.

It only wires parts together: the parts of an open report come from ``gui.shell.open_report``, the
list, new, import, delete and trash from ``gui.shell.report_library``, actions from
``gui.shell.actions``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui import settings as prefs
from gui.shell import banner
from gui.shell.actions import FindBar, WindowActions
from gui.shell.banner import Banner
from gui.shell.import_dialog import dropped_report_file
from gui.shell.menu_wiring import connect_menus
from gui.shell.open_report import (
    OpenReport,
    attach_checks,
    make_export_controller,
    make_read_only,
    warm_up_imports,
)
from gui.shell.report_library import ReportLibrary
from gui.shell.start_page import StartPage
from model.errors import NianbaoError, StoreError
from model.format_names import format_names

if TYPE_CHECKING:
    from gui.editing.session import ReportSession
    from gui.output.export_controller import ExportController
    from model.report import Report
    from model.store.report_store import ReportStore

log = logging.getLogger(__name__)

WRITABLE_POLL_MS = 2000  # a read-only window tries this often whether the store is free


class MainWindow(QMainWindow):
    """Over an open store, or (at start-up) over a store opened after the first paint:
    ``store=None`` with ``store_opener``, which answers the opened store or None when the
    clerk chose not to go on. ``firstPainted`` is emitted once, after the first paint."""

    firstPainted = Signal()

    def __init__(
        self,
        store: ReportStore | None,
        parent: QWidget | None = None,
        *,
        store_opener: Callable[[], ReportStore | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._store_opener = store_opener if store is None else None
        self._painted = False
        self._open_maximised = False
        self._fitted = False  # the screen fit installed (see _restore_geometry)
        self.read_only = store.read_only if store is not None else False
        self.settings = prefs.app_settings()
        self._open: OpenReport | None = None
        self.setObjectName("mainWindow")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks)

        self.actions_ = WindowActions(self)
        self.actions_.build_menus(self)
        self.toolbar = self.actions_.build_toolbar(self)

        self.banner = Banner(self)
        self.start_page = StartPage(format_names(), self)
        self.library = ReportLibrary(self, self)
        self.library.openRequested.connect(self.open_report)
        self.library.notice.connect(self.statusBar().showMessage)
        self.library.listChanged.connect(self.start_page.set_summaries)
        self.start_page.openRequested.connect(self.open_report)
        self.start_page.newRequested.connect(self.new_report)
        self.start_page.importRequested.connect(self.import_report)
        self.start_page.deleteRequested.connect(self.delete_report)
        self.start_page.helpRequested.connect(self.show_help)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start_page)
        self.find_bar = FindBar(self)
        self.find_bar.searchRequested.connect(self.find_text)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.setAcceptDrops(True)  # a report file dropped on the window is imported
        connect_menus(self)
        self.actions_.recent_menu.aboutToShow.connect(self._fill_recent_menu)

        self.save_label = QLabel(self)
        self.save_label.setAccessibleName(self.tr("保存状态"))
        self.statusBar().addPermanentWidget(self.save_label)
        if self.read_only:
            self.banner.say(self._read_only_text(), banner.WARN)
        self._writable_timer = QTimer(self)
        self._writable_timer.setInterval(WRITABLE_POLL_MS)
        self._writable_timer.timeout.connect(self._try_writable)
        if self.read_only:
            self._writable_timer.start()
        self._restore_geometry()
        if store is not None:
            self.refresh_list()
        else:  # the list is read once the window is on screen (attach_store)
            self.start_page.show_loading()
        QTimer.singleShot(300, self, warm_up_imports)
        self._update_title()
        self.actions_.set_report_open(False, self.read_only or store is None)

    # --- the store ---------------------------------------------------------------------------
    @property
    def store(self) -> ReportStore:
        """The open store; a window started before its store opens it on first need."""
        if self._store is None and not self.ensure_store():
            raise StoreError(self.tr("数据文件没有打开。"))
        assert self._store is not None
        return self._store

    def has_store(self) -> bool:
        return self._store is not None

    def ensure_store(self) -> bool:
        """Open the store now if it is still to be opened; False when there is none."""
        if self._store is not None:
            return True
        opener, self._store_opener = self._store_opener, None
        store = opener() if opener is not None else None
        if store is None:
            return False
        self.attach_store(store)
        return True

    def attach_store(self, store: ReportStore) -> None:
        """The store opened after the window appeared: its list, and 只读 if so."""
        self._store = store
        self.read_only = store.read_only
        if self.read_only:
            self.banner.say(self._read_only_text(), banner.WARN)
            self._writable_timer.start()
        self.actions_.set_report_open(self._open is not None, self.read_only)
        self.refresh_list()
        self._update_title()

    def setVisible(self, visible: bool) -> None:
        if visible and self._open_maximised:  # a small screen (screen_fit.open_main_window)
            self._open_maximised = False
            self.showMaximized()
            return
        super().setVisible(visible)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        if not self._fitted:  # a window started before its store (_restore_geometry)
            from gui.shell.screen_fit import install_screen_fit, keep_inside

            self._fitted = True
            install_screen_fit()  # dialogs and the preview are kept on the screen as well
            keep_inside(self)  # what the filter does for a window shown: the frame is known now
        self.firstPainted.emit()

    def _read_only_text(self) -> str:
        return self.tr(
            "只读：数据文件正被另一个窗口使用，或所在的文件夹不允许写入。"
            "现在可以查看和打印报告，但所做的修改不会保存。另一个窗口或程序用完数据文件后，"
            "本窗口会自动变为可以修改（文件夹不允许写入时，请把数据文件放到可以写入的文件夹）。"
        )

    # --- public API (the report library, the app and the tests call these) -----------------
    def listed_selection(self) -> str | None:
        """The report selected in the list, when the list is what the window shows."""
        if self.stack.currentWidget() is not self.start_page:
            return None
        return self.start_page.selected_id()

    def current_session(self) -> ReportSession | None:
        return self._open.session if self._open else None

    def current_editor(self) -> Any:
        return self._open.editor if self._open else None

    def open_report(self, report_id: str) -> None:
        """Open a report from the store (saving and closing the one that is open)."""
        if self._open and self._open.session.report.id == report_id:
            self.stack.setCurrentWidget(self._open.editor)
            return
        if not self.close_report() or not self.ensure_store():
            return
        try:
            report = self.store.get(report_id)
            self._attach(report)
        except NianbaoError as exc:
            prefs.forget_recent_report(report_id, self.settings)
            QMessageBox.warning(self, self.tr("无法打开报告"), str(exc))
            self.refresh_list()
            return
        prefs.push_recent_report(report_id, self.settings)
        prefs.set_last_report(report_id, self.settings)

    def close_report(self) -> bool:
        """Save and close the open report; False when she chose to keep it open."""
        current = self._open
        if current is None:
            return True
        if not current.session.close() and not self.read_only:
            answer = QMessageBox.warning(
                self,
                self.tr("报告未能保存"),
                self.tr(
                    "报告的最新修改未能保存：\n%1\n\n修改已临时保存在恢复文件中，"
                    "下次打开时可以恢复。仍要关闭这份报告吗？"
                ).replace("%1", current.session.last_error),
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Close:
                return False
        self._detach()
        return True

    # --- opening / closing -----------------------------------------------------------------
    def _attach(self, report: Report) -> None:
        from gui.editing.editor import ReportEditor
        from gui.editing.session import ReportSession

        session = ReportSession(self.store, report, self)
        editor = ReportEditor(session, self)
        opened = OpenReport(session, editor)
        self._open = opened
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        self.actions_.undo_group.addStack(session.undo_stack)
        self.actions_.undo_group.setActiveStack(session.undo_stack)
        session.saved.connect(self._on_saved)
        session.saveFailed.connect(self._on_save_failed)
        session.changed.connect(self._update_title)
        session.recovered.connect(self._on_recovered)
        session.notice.connect(lambda text: self.statusBar().showMessage(text, 15000))
        attach_checks(self, opened).findingActivated.connect(self._go_to_panel_finding)
        from gui.editing.duplicate_notice import attach_duplicate_notice
        from gui.editing.format_offer import attach_format_offer

        attach_format_offer(self, opened)
        attach_duplicate_notice(self, opened)
        if self.read_only:
            make_read_only(editor)
        self.actions_.set_report_open(True, self.read_only)
        self.save_label.setText(self.tr("修改会自动保存"))
        self._update_title()
        QTimer.singleShot(0, editor, lambda: editor.setFocus())

    def _detach(self) -> None:
        current, self._open = self._open, None
        if current is None:
            return
        self.actions_.undo_group.removeStack(current.session.undo_stack)
        if current.dock is not None:
            self.removeDockWidget(current.dock)
            current.dock.deleteLater()
        self.stack.removeWidget(current.editor)
        for part in current.parts():
            part.deleteLater()
        self.find_bar.hide()
        self.banner.setVisible(self.read_only)
        self.save_label.clear()
        self.actions_.set_report_open(False, self.read_only)
        self.refresh_list()
        self.stack.setCurrentWidget(self.start_page)
        self._update_title()

    def _try_writable(self) -> None:
        """Opened read-only because another program held the store: once it lets go, the
        window becomes writable, reloads the list and the open report, and says so."""
        try:
            writable = self.store.try_become_writable()
        except NianbaoError as exc:
            log.warning("store still not writable: %s", exc)
            self._writable_timer.stop()
            return
        if not writable:
            return
        self._writable_timer.stop()
        opened_id = self._open.session.report.id if self._open else None
        if opened_id is not None:
            self._detach()  # its widgets were made read-only; it is opened again below
        self.read_only = False
        self.actions_.set_report_open(False, False)
        self.refresh_list()
        if opened_id is not None and self.store.contains(opened_id):
            self.open_report(opened_id)
        self._update_title()
        self.banner.say(
            self.tr(
                "数据文件已空闲：另一个窗口或程序不再使用它。现在可以修改报告了，"
                "列表和报告已按数据文件的最新内容重新载入。"
            ),
            banner.INFO,
        )

    # --- the list, new, import, delete (gui.shell.report_library) ---------------------------------
    def refresh_list(self) -> None:
        self.library.refresh_list()

    def show_list(self) -> None:
        if self.close_report():
            prefs.set_last_report("", self.settings)
            self.stack.setCurrentWidget(self.start_page)
            self.start_page.focus_list()

    def new_report(self) -> None:
        self.library.new_report()

    def import_report(self, path: str | Path | None = None) -> None:
        self.library.import_report(path)

    def delete_report(self, report_id: str | None = None) -> None:
        self.library.delete_report(report_id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_report_file(event.mimeData()) is not None and not self.read_only:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_report_file(event.mimeData())
        if path is None or self.read_only:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_report(path)

    def show_trash(self) -> None:
        self.library.show_trash()

    # --- menus -------------------------------------------------------------------------------
    def step_section(self, step: int) -> None:
        editor = self.current_editor()
        if editor is not None:
            editor.step_section(step)

    def _fill_recent_menu(self) -> None:
        self.library.fill_recent_menu(self.actions_.recent_menu)

    def save(self) -> bool:
        session = self.current_session()
        if session is None:
            return False
        ok = session.save_now()
        if ok:
            self.statusBar().showMessage(self.tr("已保存。"), 5000)
        return ok

    def run_export(self, method: str) -> None:
        """One of the export controller's commands (export_pdf, show_preview, …) for the
        open report."""
        if self._open is None:
            return
        controller = self._attach_export(self._open)
        getattr(controller, method)()

    def _attach_export(self, opened: OpenReport) -> ExportController:
        """The export controller, made on first use and wired to the status bar and findings."""
        if opened.export is not None:
            return opened.export
        controller = make_export_controller(self, opened)
        controller.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        controller.findingsRequested.connect(self._go_to_finding)  # 查看 in the confirmation
        return controller

    def fill_blanks_with_zero(self) -> None:
        """编辑 › 空格填 0: every blank table cell of the open report becomes 0, one undo step."""
        session = self.current_session()
        if session is None or session.store.read_only:
            return
        filled = session.fill_blanks_with_zero()
        text = (
            self.tr("已把 %1 个空格填为 0；如有误可撤销（Ctrl+Z）。")
            if filled
            else self.tr("表格中没有空着的单元格。")
        )
        self.statusBar().showMessage(text.replace("%1", str(filled)), 10000)

    def find_text(self, text: str) -> None:
        editor = self.current_editor()
        if editor is None or not text:
            self.find_bar.start()
            return
        self.find_bar.set_found(bool(editor.find_next(text)))

    def _go_to_finding(self, section_id: str, cell_id: str) -> None:
        if self._open is not None:
            self._open.editor.go_to_finding(section_id, cell_id)

    def _go_to_panel_finding(self, section_id: str, cell_id: str) -> None:
        """A finding clicked in the panel: go there; about a text, select the phrase quoted."""
        opened = self._open
        if opened is not None:
            finding = opened.panel.current_finding() if opened.panel else None
            opened.editor.go_to_finding(section_id, cell_id, finding)

    def show_help(self) -> None:
        from gui.shell.help import show_help_for

        show_help_for(self)

    # --- status, title, geometry ---------------------------------------------------------------
    def _on_saved(self, when: str) -> None:
        self.save_label.setStyleSheet("")
        self.save_label.setText(self.tr("已保存 %1").replace("%1", when))
        if not self.read_only:
            self.banner.saved()
        self._update_title()

    def _on_recovered(self, text: str) -> None:
        """Edits restored after a crash: said above the editor, where she is looking, until
        she closes the notice (a status-bar line would go unseen)."""
        self.banner.say(text, banner.INFO, closable=True, until_saved=False)

    def _on_save_failed(self, message: str) -> None:
        self.save_label.setStyleSheet("color:#b00020; font-weight:bold;")
        self.save_label.setText(self.tr("未保存！"))
        if not self.read_only:
            self.banner.say(self.tr("保存失败：") + message, banner.ERROR)

    def _update_title(self) -> None:
        app = self.tr("公开年报编辑器")
        parts = []
        session = self.current_session()
        if session is not None:
            report = session.report
            name = report.meta_value("title") or f"{report.agency} {report.year or ''}"
            parts.append(("*" if session.is_dirty() else "") + name.strip())
        parts.append(app)
        title = " — ".join(parts)
        if self.read_only:
            title += self.tr("［只读］")
        self.setWindowTitle(title)

    def _restore_geometry(self) -> None:
        from gui.shell.screen_fit import install_screen_fit, restore_remembered

        self._fitted = self._store is not None  # else after the first paint: the filter
        if self._fitted:  # names Qt's enums (see start_page.ID_ROLE)
            install_screen_fit()  # dialogs and the preview are kept on the screen as well
        self._open_maximised = restore_remembered(self, self.settings)

    def save_window_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        session = self.current_session()
        prefs.set_last_report(session.report.id if session else "", self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        opened_id = self._open.session.report.id if self._open else ""
        if not self.close_report():
            event.ignore()
            return
        self.save_window_settings()
        prefs.set_last_report(opened_id, self.settings)
        self.settings.sync()
        event.accept()

    def bring_to_front(self, open_path: str = "") -> None:
        """A second start of the program handed over to this window."""
        log.info("brought to front by a second start (file: %r)", open_path)
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        if open_path and not self.read_only:
            self.import_report(open_path)
