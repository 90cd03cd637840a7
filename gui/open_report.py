"""The parts that live while one report is open, and how they are made and locked.

The editor, checker, findings panel and export controller come from their own modules,
imported only when a report is opened (so the window itself appears quickly).
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
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
    from gui.session import ReportSession

log = logging.getLogger(__name__)

DOCK_WIDTH = 270  # px, the findings dock when a report is opened


class OpenReport:
    """The session and the widgets built around it."""

    def __init__(self, session: ReportSession, editor: QWidget) -> None:
        self.session = session
        self.editor = editor
        self.checker: Any = None
        self.panel: Any = None
        self.dock: QDockWidget | None = None
        self.export: Any = None

    def parts(self) -> list[Any]:
        """What to delete when the report is closed (the dock is removed by the window)."""
        return [p for p in (self.editor, self.checker, self.export, self.session) if p]


def attach_checks(window: QMainWindow, opened: OpenReport) -> QDockWidget | None:
    """Live checker and findings panel in a dock at the right; None when not installed."""
    try:
        from gui.findings_panel import FindingsPanel
        from gui.live_checker import LiveChecker
    except ImportError as exc:
        log.warning("checks not available: %s", exc)
        return None
    opened.checker = LiveChecker(opened.session, window)
    opened.panel = FindingsPanel(opened.session, opened.checker, window)
    if hasattr(opened.editor, "set_findings"):
        opened.checker.findingsChanged.connect(opened.editor.set_findings)
    dock = QDockWidget(QCoreApplication.translate("MainWindow", "检查结果"), window)
    dock.setObjectName("findingsDock")
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
    dock.setWidget(opened.panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    # narrow enough that a 1366-pixel screen shows the whole of tables 三 and 四 beside it;
    # the messages wrap, and the clerk can widen the dock
    window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
    opened.dock = dock
    opened.checker.run_now()
    return dock


def make_export_controller(window: QMainWindow, opened: OpenReport) -> Any:
    """The export controller (reportlab is slow to import: made on first use); None if absent."""
    if opened.export is None:
        try:
            from gui.export_controller import ExportController
        except ImportError as exc:
            log.warning("export not available: %s", exc)
            return None
        opened.export = ExportController(opened.session, window)
    return opened.export


def warm_up_imports() -> None:
    """Import the editor parts while the clerk looks at the list, so opening is quick."""
    for name in (
        "gui.session",
        "gui.editor",
        "gui.text_section",
        "gui.live_checker",
        "gui.findings_panel",
        "model.checks",
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
