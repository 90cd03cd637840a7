"""Painting and editing of table cells: a centred line edit, markers for blanks and refusals.

Header texts that need more than one line are wrapped into lines of equal length, as the
printed tables stack them (「结果/维持」 rather than 「结果维/持」).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen, QPolygon
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from gui.tables.table_model import KIND_CAPTION, KIND_HEADER, BlankRole, KindRole, RefusedRole

CELL_PADDING = 10  # px around the text of a cell (the row heights use the same)
WRAP = int(Qt.TextFlag.TextWordWrap)
BLANK_MARK = QColor("#d99a00")  # amber corner: not filled yet
REFUSED_PEN = QColor("#c62828")  # red frame: what was typed was not accepted

AnyIndex = QModelIndex | QPersistentModelIndex


ENTER_DOWN, ENTER_UP, ENTER_FILL = "down", "up", "fill"


class CellDelegate(QStyledItemDelegate):
    """Edits a number cell in a plain line edit. Enter is left to the view, as in Excel and
    WPS: Enter goes down, Shift+Enter up, Ctrl+Enter fills the selected cells."""

    enterPressed = Signal(QWidget, str)  # the editor, ENTER_DOWN / ENTER_UP / ENTER_FILL

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setFrame(False)
        editor.setMaxLength(40)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(_data(index, Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(editor, QLineEdit)
        ):
            modifiers = event.modifiers()
            if modifiers & Qt.KeyboardModifier.ControlModifier:
                how = ENTER_FILL
            elif modifiers & Qt.KeyboardModifier.ShiftModifier:
                how = ENTER_UP
            else:
                how = ENTER_DOWN
            self.enterPressed.emit(editor, how)
            return True
        return super().eventFilter(editor, event)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if _data(index, KindRole) in (KIND_HEADER, KIND_CAPTION):
            self._paint_heading(painter, option, index)
        else:
            super().paint(painter, option, index)
        rect = option.rect
        if _data(index, RefusedRole):
            painter.save()
            painter.setPen(QPen(REFUSED_PEN, 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
            painter.restore()
        elif _data(index, BlankRole):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BLANK_MARK)
            size = 7
            corner = rect.topRight()
            painter.drawPolygon(
                QPolygon([corner, corner - QPoint(size, 0), corner + QPoint(0, size)])
            )
            painter.restore()

    def _paint_heading(
        self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        """Background as usual, then the text centred in balanced lines."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect
        width = balanced_width(opt.font, text, rect.width() - CELL_PADDING)
        box = QRect(rect.center().x() - width // 2, rect.top(), width, rect.height())
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter) | WRAP, text)
        painter.restore()


_balanced: dict[tuple[str, str, int], int] = {}


def balanced_width(font: QFont, text: str, available: int) -> int:
    """The narrowest width that wraps ``text`` into as few lines as ``available`` allows.

    Qt fills each line before breaking; narrowing the box to this width gives lines of equal
    length. Only headings use it (centred text); labels keep ordinary left-aligned wrapping.
    """
    available = max(available, 1)
    metrics = QFontMetrics(font)
    if not text or metrics.horizontalAdvance(text) <= available:
        return available
    key = (font.key(), text, available)
    if key not in _balanced:

        def height(width: int) -> int:
            return metrics.boundingRect(QRect(0, 0, width, 100000), WRAP, text).height()

        target = height(available)
        low, high = 1, available
        while low < high:  # the smallest width that needs no more lines than ``available``
            middle = (low + high) // 2
            if height(middle) <= target:
                high = middle
            else:
                low = middle + 1
        _balanced[key] = min(low + 1, available)  # a pixel of slack against rounding
    return _balanced[key]


def _data(index: AnyIndex, role: int) -> object:
    """Read a role through the Python model: ``QModelIndex.data`` returning an empty value
    decrements None's refcount in PySide6 6.12 on Python 3.11 (crashes after a while)."""
    model = index.model()
    return model.data(index, role) if model is not None else None
