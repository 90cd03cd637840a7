"""The bar above the editor that offers to convert a report whose 年度 calls for another
format (the 2017 report changed to 2025 still has the old twelve parts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from model.convert import ConversionResult, convert_stored_report, format_for_new_year
from model.errors import NianbaoError
from model.formats import Format

if TYPE_CHECKING:
    from gui.editing.session import ReportSession
    from gui.shell.main_window import MainWindow
    from gui.shell.open_report import OpenReport

# (report id, year) pairs the clerk answered 「保持原格式」 for, while the program runs
_declined: set[tuple[str, int]] = set()


class FormatOfferBar(QFrame):
    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.target: Format | None = None
        self.setObjectName("formatOffer")
        self.setStyleSheet(
            "#formatOffer { background: #fff4d6; border-bottom: 1px solid #e0c070; }"
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.convert_button = QPushButton(self)
        self.keep_button = QPushButton(self.tr("保持原格式"), self)
        self.keep_button.setToolTip(self.tr("不转换；这份报告仍按原格式编辑和打印。"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.convert_button)
        layout.addWidget(self.keep_button)
        self.keep_button.clicked.connect(self._decline)
        session.changed.connect(self.update_offer)
        self.update_offer()

    def update_offer(self) -> None:
        report = self.session.report
        target = format_for_new_year(report)
        if (
            target is not None
            and report.year is not None
            and (report.id, report.year) in (_declined)
        ):
            target = None
        self.target = target
        if target is None:
            self.hide()
            return
        self.label.setText(
            self.tr(
                "%1年度的报告应使用「%2」，这份报告还是「%3」。"
                "转换后原有文字都会保留：放不进新格式的内容移到“未归类内容”，"
                "转换前的报告放入回收站。"
            )
            .replace("%1", str(report.year))
            .replace("%2", target.name)
            .replace("%3", self.session.fmt.name)
        )
        self.convert_button.setText(self.tr("转换为新格式"))
        self.show()

    def _decline(self) -> None:
        year = self.session.report.year
        if year is not None:
            _declined.add((self.session.report.id, year))
        self.hide()


def attach_format_offer(window: MainWindow, opened: OpenReport) -> FormatOfferBar:
    """The offer bar above the tabs of ``opened.editor``; hidden until the year calls for it."""
    bar = FormatOfferBar(opened.session, opened.editor)
    layout = opened.editor.layout()
    if layout is not None:
        layout.insertWidget(0, bar)  # type: ignore[attr-defined]
    if window.read_only:
        bar.convert_button.setEnabled(False)
    bar.convert_button.clicked.connect(
        lambda: _start_conversion(window, opened.session.report.id, bar.target)
    )
    return bar


def _start_conversion(window: MainWindow, report_id: str, target: Format | None) -> None:
    if target is not None:
        # after the click has returned: closing the report deletes the bar that was clicked
        QTimer.singleShot(0, window, lambda: convert_open_report(window, report_id, target))


def convert_open_report(window: MainWindow, report_id: str, target: Format) -> bool:
    """Save and close the report, convert it in the store, open it again and say what moved."""
    if not window.close_report():
        return False
    try:
        result = convert_stored_report(window.store, report_id, target)
    except NianbaoError as exc:
        QMessageBox.warning(window, window.tr("无法转换报告"), str(exc))
        window.open_report(report_id)
        return False
    window.refresh_list()
    window.open_report(report_id)
    show_conversion_result(window, target, result)
    return True


def show_conversion_result(window: QWidget, target: Format, result: ConversionResult) -> None:
    """What moved where; the 未归类内容 in the details, to copy into the right parts."""
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(window.tr("报告已转换"))
    box.setText(window.tr("报告已转换为「%1」。请核对：").replace("%1", target.name))
    box.setInformativeText("· " + "\n· ".join(result.notes))
    if result.unplaced:
        box.setDetailedText("\n".join(result.unplaced))
    box.exec()
