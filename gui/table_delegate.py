"""Painting and editing of table cells: a centred line edit, markers for blanks and refusals."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QPolygon
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from gui.table_model import BlankRole, RefusedRole

BLANK_MARK = QColor("#d99a00")  # amber corner: not filled yet
REFUSED_PEN = QColor("#c62828")  # red frame: what was typed was not accepted

AnyIndex = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    """Edits a number cell in a plain line edit; Enter moves on like Tab."""

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
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().paint(painter, option, index)
        rect = option.rect  # type: ignore[attr-defined]
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


def _data(index: AnyIndex, role: int) -> object:
    """Read a role through the Python model: ``QModelIndex.data`` returning an empty value
    decrements None's refcount in PySide6 6.12 on Python 3.11 (crashes after a while)."""
    model = index.model()
    return model.data(index, role) if model is not None else None
