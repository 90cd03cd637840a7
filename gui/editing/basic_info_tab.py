"""The 基本信息 tab: agency, year, title, 前言, contact details, signature and date."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
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

YEAR_MIN = 2000
YEAR_MAX = 2100


def parse_year(text: str) -> tuple[bool, int | None]:
    """(valid, year) for what is in the 年度 box; an empty box is a valid "no year yet"."""
    text = text.strip()
    if not text:
        return True, None
    if len(text) == 4 and text.isascii() and text.isdigit():
        year = int(text)
        if YEAR_MIN <= year <= YEAR_MAX:
            return True, year
    return False, None


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
    """The 年度 box: only whole years between 2000 and 2100 reach the report."""

    changed = Signal()

    def __init__(self, edit: QLineEdit, session: ReportSession, message: QLabel) -> None:
        super().__init__(edit)
        self.edit = edit
        self.session = session
        self.message = message
        edit.setValidator(QIntValidator(0, YEAR_MAX, edit))
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

        self.agency = HistoryFreeLineEdit()
        self.agency.setPlaceholderText(self.tr("例如：某市人民政府办公室"))
        self.year = HistoryFreeLineEdit()
        self.year.setPlaceholderText(self.tr("例如：2024"))
        self.year.setMaximumWidth(120)
        self.year.setAccessibleName(self.tr("年度"))  # its form label names the row's box
        self.year_message = QLabel(
            self.tr("年度应为 %1 至 %2 之间的四位数字，例如 2024。")
            .replace("%1", str(YEAR_MIN))
            .replace("%2", str(YEAR_MAX))
        )
        self.year_message.setStyleSheet("color: #b3261e;")
        self.year_message.hide()
        self.title = HistoryFreeLineEdit()
        self.title_note = QLabel(self.tr("标题按机关名称和年度自动生成；改动后不再自动更新。"))
        self.preamble = ParagraphEdit()
        self.preamble.setPlaceholderText(
            self.tr("报告开头的说明文字（前言）。每行一段，可以留空。")
        )
        self.preamble.setMinimumHeight(110)
        self.address = HistoryFreeLineEdit()
        self.phone = HistoryFreeLineEdit()
        self.cutoff = HistoryFreeLineEdit()
        self.signature = HistoryFreeLineEdit()
        self.signature.setPlaceholderText(self.tr("可不填；填写后印在报告末尾"))
        self.sign_date = HistoryFreeLineEdit()
        self.contact_note = QLabel(
            self.tr("前言中没有写到的联系地址、联系电话和截止日期，打印时自动加在前言之后。")
        )
        for note in (self.title_note, self.contact_note):
            note.setWordWrap(True)
            note.setStyleSheet("color: #666;")

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("机关名称"), self.agency)
        year_box = QWidget()
        year_row = QVBoxLayout(year_box)
        year_row.setContentsMargins(0, 0, 0, 0)
        year_row.addWidget(self.year)
        year_row.addWidget(self.year_message)
        form.addRow(self.tr("年度"), year_box)
        form.addRow(self.tr("报告标题"), self.title)
        form.addRow("", self.title_note)
        form.addRow(self.tr("前言"), self.preamble)
        form.addRow(self.tr("联系地址"), self.address)
        form.addRow(self.tr("联系电话"), self.phone)
        form.addRow(self.tr("数据统计截止日期"), self.cutoff)
        form.addRow("", self.contact_note)
        form.addRow(self.tr("署名（机关）"), self.signature)
        form.addRow(self.tr("成文日期"), self.sign_date)

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

        s = session
        self.binders: list[QObject] = [
            LineBinder(self.agency, lambda: s.report.agency, s.set_agency),
            year_binder := YearBinder(self.year, s, self.year_message),
            LineBinder(self.title, lambda: s.report.meta_value("title"), self._write_title),
            ParagraphBinder(self.preamble, lambda: list(s.report.preamble), s.set_preamble),
            self._meta(self.address, "address"),
            self._meta(self.phone, "phone"),
            self._meta(self.cutoff, "cutoff_date"),
            self._meta(self.signature, "signature"),
            self._meta(self.sign_date, "sign_date"),
        ]
        for binder in self.binders:
            binder.changed.connect(self.changed)  # type: ignore[attr-defined]
        self.preamble.pasting.connect(session.separate_next_edit)
        self.title.setPlaceholderText(session.proposed_title())
        self._date_examples()
        year_binder.changed.connect(self._date_examples)

    def _meta(self, edit: QLineEdit, key: str) -> LineBinder:
        s = self.session
        return LineBinder(edit, lambda: s.report.meta_value(key), lambda v: s.set_meta(key, v))

    def _write_title(self, text: str) -> None:
        self.session.set_meta("title", text)

    def refresh(self) -> None:
        """Show the model's values (after undo/redo) without pushing anything."""
        for binder in self.binders:
            binder.load()  # type: ignore[attr-defined]
        self.title.setPlaceholderText(self.session.proposed_title())
        self._date_examples()

    def _date_examples(self) -> None:
        """Examples that fit the report's year (a 2020 report's cut-off is 2020年12月31日)."""
        year = self.session.report.year or 2024
        self.cutoff.setPlaceholderText(self.tr("例如：%1年12月31日").replace("%1", str(year)))
        self.sign_date.setPlaceholderText(
            self.tr("可不填，例如：%1年1月6日").replace("%1", str(year + 1))
        )

    def is_empty(self) -> bool:
        r = self.session.report
        return not (r.agency or r.year or any(r.meta.values()) or r.preamble)

    def text_targets(self) -> list[tuple[QWidget, str]]:
        """The text fields in reading order, for 查找."""
        widgets: list[QWidget] = [
            self.agency,
            self.title,
            self.preamble,
            self.address,
            self.phone,
            self.cutoff,
            self.signature,
            self.sign_date,
        ]
        return [(w, _text_of(w)) for w in widgets]


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, ParagraphEdit):
        return widget.toPlainText()
    return ""
