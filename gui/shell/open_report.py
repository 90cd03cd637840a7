"""The parts that live while one report is open, and how they are made and locked.

The editor, checker, findings panel and export controller come from their own modules,
imported only when a report is opened (so the window itself appears quickly).
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from gui.editing.editor import ReportEditor
    from gui.editing.session import ReportSession
    from gui.output.export_controller import ExportController
    from gui.tables.findings_panel import FindingsPanel
    from gui.tables.live_checker import LiveChecker

log = logging.getLogger(__name__)

DOCK_WIDTH = 270  # px, the findings dock when a report is opened


class OpenReport:
    """The session and the widgets built around it."""

    def __init__(self, session: ReportSession, editor: ReportEditor) -> None:
        self.session = session
        self.editor = editor
        self.checker: LiveChecker | None = None
        self.panel: FindingsPanel | None = None
        self.dock: QDockWidget | None = None
        self.export: ExportController | None = None

    def parts(self) -> list[QObject]:
        """What to delete when the report is closed (the dock is removed by the window)."""
        return [p for p in (self.editor, self.checker, self.export, self.session) if p]


def attach_checks(window: QMainWindow, opened: OpenReport) -> FindingsPanel:
    """Live checker and findings panel (returned) in a dock at the right."""
    from PySide6.QtCore import Qt  # not before the first paint (start_page.ID_ROLE)

    from gui.tables.findings_panel import FindingsPanel
    from gui.tables.live_checker import LiveChecker

    checker = opened.checker = LiveChecker(opened.session, window)
    panel = opened.panel = FindingsPanel(opened.session, checker, window)
    checker.findingsChanged.connect(opened.editor.set_findings)
    dock = QDockWidget(QCoreApplication.translate("MainWindow", "检查结果"), window)
    dock.setObjectName("findingsDock")
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    # narrow enough that a 1366-pixel screen shows the whole of tables 三 and 四 beside it;
    # the messages wrap, and the clerk can widen the dock
    window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
    opened.dock = dock
    checker.run_now()
    return panel


def make_export_controller(window: QMainWindow, opened: OpenReport) -> ExportController:
    """The export controller (reportlab is slow to import: made on first use)."""
    if opened.export is None:
        from gui.output.export_controller import ExportController

        opened.export = ExportController(opened.session, window)
    return opened.export


def warm_up_imports() -> None:
    """Import the editor parts while the clerk looks at the list, so opening is quick."""
    for name in (
        "gui.editing.session",
        "gui.editing.editor",
        "gui.editing.text_section",
        "gui.tables.live_checker",
        "gui.tables.findings_panel",
        "model.checks.engine",
    ):
        try:
            importlib.import_module(name)
        except Exception:  # a missing or broken part is reported when it is really used
            log.debug("warm-up import of %s failed", name, exc_info=True)


def make_read_only(widget: QWidget) -> None:
    """Lock every input inside ``widget`` (the window is read-only: the store is locked)."""
    for child in widget.findChildren(QWidget):
        if isinstance(child, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)):
            child.setReadOnly(True)
        elif isinstance(child, QAbstractItemView):
            child.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        elif isinstance(child, QComboBox):
            child.setEnabled(False)
