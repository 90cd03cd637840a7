"""The 基本信息 tab: agency, year, title, 前言, contact details, signature and date."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.editing.paragraph_edit import (
    HistoryFreeLineEdit,
    ParagraphBinder,
    ParagraphEdit,
    clean_text,
)
from gui.editing.session import ReportSession
from model.basic_info import (
    BASIC_FIELDS,
    TRANSLATION_CONTEXT,
    YEAR_RANGE,
    BasicField,
    parse_year,
    placeholder_for,
)


class LineBinder(QObject):
    """Binds a one-line text box to a text field of the report (see ParagraphBinder)."""

    changed = Signal()

    def __init__(
        self,
        edit: QLineEdit,
        read: Callable[[], str],
        write: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or edit)
        self.edit = edit
        self._read = read
        self._write = write
        edit.textEdited.connect(self._on_edited)
        self.load()

    def load(self) -> None:
        value = self._read()
        if self.edit.text() == value:
            return
        blocked = self.edit.blockSignals(True)
        try:
            self.edit.setText(value)
        finally:
            self.edit.blockSignals(blocked)
        self.changed.emit()

    def _on_edited(self, text: str) -> None:
        self._write(clean_text(text).replace("\n", " "))
        self.changed.emit()


class YearBinder(QObject):
    """The 年度 box: only the years of ``model.basic_info.YEAR_RANGE`` reach the report."""

    changed = Signal()

    def __init__(self, edit: QLineEdit, session: ReportSession, message: QLabel) -> None:
        super().__init__(edit)
        self.edit = edit
        self.session = session
        self.message = message
        edit.setValidator(QIntValidator(0, YEAR_RANGE[-1], edit))
        edit.setMaxLength(4)
        edit.textEdited.connect(self._on_edited)
        self.load()

    def load(self) -> None:
        year = self.session.report.year
        valid, shown = parse_year(self.edit.text())
        if valid and shown == year:
            return
        blocked = self.edit.blockSignals(True)
        try:
            self.edit.setText("" if year is None else str(year))
        finally:
            self.edit.blockSignals(blocked)
        self.message.hide()
        self.changed.emit()

    def _on_edited(self, text: str) -> None:
        valid, year = parse_year(text)
        self.message.setVisible(not valid)
        if valid:
            self.session.set_year(year)
            self.changed.emit()


class BasicInfoTab(QWidget):
    """基本信息. Every field writes through the session (one undo step per burst of typing)."""

    changed = Signal()

    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

        self.fields: dict[str, QWidget] = {}
        self._placeholders: dict[str, BasicField] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        for item in BASIC_FIELDS:
            widget = self._field_widget(item)
            label = self._translated(item.label)
            widget.setAccessibleName(label)  # screen readers name the box by its label
            self.fields[item.key] = widget
            if item.placeholder:
                self._placeholders[item.key] = item
            if item.kind == "year":
                self.year_message = QLabel(
                    self.tr("年度应为 %1 至 %2 之间的四位数字，例如 2024。")
                    .replace("%1", str(YEAR_RANGE[0]))
                    .replace("%2", str(YEAR_RANGE[-1]))
                )
                self.year_message.setStyleSheet("color: #b3261e;")
                self.year_message.hide()
                box = QWidget()
                column = QVBoxLayout(box)
                column.setContentsMargins(0, 0, 0, 0)
                column.addWidget(widget)
                column.addWidget(self.year_message)
                form.addRow(label, box)
            else:
                form.addRow(label, widget)
            if item.note:
                note = QLabel(self._translated(item.note))
                note.setWordWrap(True)
                note.setStyleSheet("color: #666;")
                form.addRow("", note)
        self.agency = cast(HistoryFreeLineEdit, self.fields["agency"])
        self.year = cast(HistoryFreeLineEdit, self.fields["year"])
        self.title = cast(HistoryFreeLineEdit, self.fields["title"])
        self.preamble = cast(ParagraphEdit, self.fields["preamble"])
        self.cutoff = cast(HistoryFreeLineEdit, self.fields["cutoff_date"])
        self.sign_date = cast(HistoryFreeLineEdit, self.fields["sign_date"])

        page = QWidget()
        page.setMaximumWidth(860)
        page.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(24, 18, 24, 18)
        holder_layout.addWidget(page)
        holder_layout.addStretch(1)
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.binders: list[LineBinder | YearBinder | ParagraphBinder] = [
            self._binder(item) for item in BASIC_FIELDS
        ]
        for binder in self.binders:
            binder.changed.connect(self.changed)
        self.preamble.pasting.connect(session.separate_next_edit)
        self.title.setPlaceholderText(session.proposed_title())
        self._date_examples()
        for binder in self.binders:
            if isinstance(binder, YearBinder):
                binder.changed.connect(self._date_examples)

    def _translated(self, text: str) -> str:
        return QCoreApplication.translate(TRANSLATION_CONTEXT, text)

    def _field_widget(self, item: BasicField) -> QWidget:
        if item.kind == "paragraphs":
            edit = ParagraphEdit()
            edit.setMinimumHeight(110)
            return edit
        line = HistoryFreeLineEdit()
        if item.kind == "year":
            line.setMaximumWidth(120)
        return line

    def _binder(self, item: BasicField) -> LineBinder | YearBinder | ParagraphBinder:
        s = self.session
        widget = self.fields[item.key]
        if item.kind == "agency":
            return LineBinder(cast(QLineEdit, widget), lambda: s.report.agency, s.set_agency)
        if item.kind == "year":
            return YearBinder(cast(QLineEdit, widget), s, self.year_message)
        if item.kind == "paragraphs":
            return ParagraphBinder(
                cast(ParagraphEdit, widget), lambda: list(s.report.preamble), s.set_preamble
            )
        key = item.key
        return LineBinder(
            cast(QLineEdit, widget), lambda: s.report.meta_value(key), lambda v: s.set_meta(key, v)
        )

    def refresh(self) -> None:
        """Show the model's values (after undo/redo) without pushing anything."""
        for binder in self.binders:
            binder.load()
        self.title.setPlaceholderText(self.session.proposed_title())
        self._date_examples()

    def _date_examples(self) -> None:
        """Examples that fit the report's year (a 2020 report's cut-off is 2020年12月31日)."""
        year = self.session.report.year
        for key, item in self._placeholders.items():
            example = placeholder_for(
                BasicField(item.key, item.label, item.kind, self._translated(item.placeholder)),
                year,
            )
            widget = self.fields[key]
            if isinstance(widget, (QLineEdit, ParagraphEdit)):
                widget.setPlaceholderText(example)

    def is_empty(self) -> bool:
        r = self.session.report
        return not (r.agency or r.year or any(r.meta.values()) or r.preamble)

    def text_targets(self) -> list[tuple[QWidget, str]]:
        """The text fields in reading order, for 查找."""
        widgets = [self.fields[item.key] for item in BASIC_FIELDS if item.kind != "year"]
        return [(w, _text_of(w)) for w in widgets]


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, ParagraphEdit):
        return widget.toPlainText()
    return ""
