"""新建年度报告: agency, year (default last year) and format (default: the one for that year)."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from model.basic_info import YEAR_RANGE
from model.formats import Format, available_formats, default_format_for
from model.report import Report


def default_year(today: _dt.date | None = None) -> int:
    """Reports are written in January for the year just ended."""
    return (today or _dt.date.today()).year - 1


class NewReportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, agency: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建年度报告"))
        self._formats: list[Format] = available_formats()
        self._format_chosen_by_hand = False

        self.agency_edit = QLineEdit(agency, self)
        self.agency_edit.setPlaceholderText(self.tr("例如：某某市人民政府办公室"))
        self.agency_edit.setAccessibleName(self.tr("机关名称"))
        self.agency_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("某" * 24))
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(YEAR_RANGE[0], YEAR_RANGE[-1])
        self.year_spin.setValue(default_year())
        self.year_spin.setSuffix(self.tr(" 年"))
        self.year_spin.setAccessibleName(self.tr("报告年度"))
        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName(self.tr("报告格式"))
        for fmt in self._formats:
            self.format_combo.addItem(fmt.name, fmt.id)
            tip = fmt.basis or fmt.name
            self.format_combo.setItemData(
                self.format_combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole
            )
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setAccessibleName(self.tr("报告标题"))
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020;")

        form = QFormLayout()
        form.addRow(self.tr("机关名称(&A)："), self.agency_edit)
        form.addRow(self.tr("报告年度(&Y)："), self.year_spin)
        form.addRow(self.tr("报告格式(&F)："), self.format_combo)
        form.addRow(self.tr("报告标题："), self.title_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("报告格式按年度自动选择，一般不需要改动。"), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.year_spin.valueChanged.connect(self._year_changed)
        self.format_combo.activated.connect(self._format_picked)
        self.agency_edit.textChanged.connect(self._update_title)
        self.format_combo.currentIndexChanged.connect(self._update_title)
        self._year_changed(self.year_spin.value())

    # --- behaviour -----------------------------------------------------------------------
    def _format_picked(self, _index: int) -> None:
        self._format_chosen_by_hand = True

    def _year_changed(self, year: int) -> None:
        if not self._format_chosen_by_hand:
            fmt = default_format_for(year)
            self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(fmt.id)))
        self._update_title()

    def selected_format(self) -> Format:
        return self._formats[max(0, self.format_combo.currentIndex())]

    def _update_title(self) -> None:
        agency = self.agency_edit.text().strip() or self.tr("（机关名称）")
        self.title_label.setText(self.selected_format().title_for(agency, self.year_spin.value()))
        self.error_label.clear()

    def accept(self) -> None:
        if not self.agency_edit.text().strip():
            self.error_label.setText(self.tr("请填写机关名称，例如“某某市人民政府办公室”。"))
            self.agency_edit.setFocus()
            return
        super().accept()

    def report(self) -> Report:
        """The new report as entered (call after the dialog was accepted)."""
        fmt = self.selected_format()
        agency = self.agency_edit.text().strip()
        year = self.year_spin.value()
        report = Report(format=fmt.id, agency=agency, year=year)
        report.set_meta("title", fmt.title_for(agency, year))
        return report
