"""The bar above the editor that says so when the open report's agency and year are those of
another report in the store (her 年度 changed to a year she already has a report of), with
a button to open that one instead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from model.duplicates import describe, existing_reports
from model.errors import NianbaoError

if TYPE_CHECKING:
    from gui.editing.session import ReportSession
    from gui.shell.main_window import MainWindow
    from gui.shell.open_report import OpenReport

RECHECK_DELAY_MS = 400  # after the last keystroke in 机关名称 or 年度


class DuplicateNoticeBar(QFrame):
    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.other_id: str | None = None
        self._checked: tuple[str, int | None] | None = None
        self.setObjectName("duplicateNotice")
        self.setStyleSheet(
            "#duplicateNotice { background: #fff4d6; border-bottom: 1px solid #e0c070; }"
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("打开那一份"), self)
        self.open_button.setToolTip(self.tr("保存并关闭这份报告，打开数据文件中已有的那一份。"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECHECK_DELAY_MS)
        self._timer.timeout.connect(self.update_notice)
        session.changed.connect(self._timer.start)
        self.update_notice()

    def update_notice(self) -> None:
        """Look in the store again when the agency or the year changed since the last look."""
        report = self.session.report
        key = (report.agency.strip(), report.year)
        if key == self._checked:
            return
        self._checked = key
        try:
            existing = existing_reports(self.session.store, report)
        except NianbaoError:
            existing = []  # the list cannot be read: nothing sure to say
        if not existing:
            self.other_id = None
            self.hide()
            return
        self.other_id = existing[0].id
        self.label.setText(
            self.tr(
                "数据文件中已有同一机关、同一年度的报告：%1。同一年度通常只留一份，"
                "请确认年度是否填对，或打开那一份继续编辑。"
            ).replace("%1", "、".join(describe(s) for s in existing))
        )
        self.show()


def attach_duplicate_notice(window: MainWindow, opened: OpenReport) -> DuplicateNoticeBar:
    """The notice above the tabs of ``opened.editor``; hidden while the report is the only
    one of its agency and year."""
    bar = DuplicateNoticeBar(opened.session, opened.editor)
    layout = opened.editor.layout()
    if layout is not None:
        layout.insertWidget(0, bar)  # type: ignore[attr-defined]
    bar.open_button.clicked.connect(lambda: _open_other(window, bar.other_id))
    return bar


def _open_other(window: MainWindow, report_id: str | None) -> None:
    if report_id is not None:
        # after the click has returned: opening another report deletes the bar that was clicked
        QTimer.singleShot(0, window, lambda: window.open_report(report_id))
