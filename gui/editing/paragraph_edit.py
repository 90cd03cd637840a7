"""Editing paragraphs as plain text, one paragraph per line, and binding them to the report.

Pasting from Word/WPS keeps the paragraphs and drops everything else (formatting, control
characters, NUL). The widgets' own undo is switched off: Ctrl+Z belongs to the report's
undo stack (two histories would undo different things), so the shortcut is passed on to
the window's 撤销 action.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QWidget

# Line and paragraph breaks Word, WPS and web pages put into plain text.
_BREAKS = re.compile(r"\r\n|[\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# Other C0/C1 control characters (keeps \n) and the non-characters U+FFFE/U+FFFF.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_INDENT = " \t\u3000\u00a0"


def clean_text(text: str) -> str:
    """Plain text as the report keeps it: \\n between lines, tabs as spaces, no controls.

    Emoji and rare characters (CJK Ext-B such as 𠀀) are kept as they are.
    """
    text = _BREAKS.sub("\n", text)
    text = text.replace("\t", " ")
    return _CONTROLS.sub("", text)


def text_to_paragraphs(text: str) -> list[str]:
    """One paragraph per non-empty line; indents (spaces, 全角空格) and trailing blanks go,
    since the printed layout indents every paragraph itself."""
    paragraphs = []
    for line in clean_text(text).split("\n"):
        stripped = line.strip(_INDENT)
        if stripped:
            paragraphs.append(stripped)
    return paragraphs


def paragraphs_to_text(paragraphs: list[str]) -> str:
    return "\n".join(paragraphs)


def character_count(paragraphs: list[str]) -> int:
    """字数 as clerks count it: every character except spaces."""
    return sum(len(p) - p.count(" ") - p.count("\u3000") for p in paragraphs)


def is_history_key(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo) or event.matches(
        QKeySequence.StandardKey.Redo
    )


def _is_redo_y(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier


def _is_history_override(event: QEvent) -> bool:
    return (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and (is_history_key(event) or _is_redo_y(event))
    )


def _drop_history_actions(menu: QMenu) -> None:
    for action in menu.actions():
        if action.objectName() in ("edit-undo", "edit-redo"):
            menu.removeAction(action)
    actions = menu.actions()
    if actions and actions[0].isSeparator():
        menu.removeAction(actions[0])


class _NoOwnHistory:
    """Mixin for a text widget whose Ctrl+Z/Ctrl+Y belong to the report's 撤销/重做."""

    def event(self, event: QEvent) -> bool:
        if _is_history_override(event):
            event.ignore()  # let the window's 撤销/重做 shortcut have it
            return True
        return super().event(event)  # type: ignore[misc]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_history_key(event):
            event.ignore()
            return
        super().keyPressEvent(event)  # type: ignore[misc]


class HistoryFreeLineEdit(_NoOwnHistory, QLineEdit):
    """A line edit without its own undo: Ctrl+Z/Ctrl+Y go to the report's 撤销/重做."""

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        _drop_history_actions(menu)
        menu.exec(event.globalPos())
        menu.deleteLater()


class ParagraphEdit(_NoOwnHistory, QPlainTextEdit):
    """Plain paragraphs, one per line. Pastes arrive as clean plain text."""

    pasting = Signal()  # just before a paste changes the text (it becomes its own undo step)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw a faint rule under each paragraph so long paragraphs stay apart."""
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setPen(QColor("#e4e4e4"))
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        bottom_edge = self.viewport().height()
        width = self.viewport().width()
        while block.isValid() and block.next().isValid():
            box = self.blockBoundingGeometry(block).translated(offset)
            if box.top() > bottom_edge:
                break
            y = int(box.bottom()) - 1
            painter.drawLine(4, y, width - 4, y)
            block = block.next()
        painter.end()

    def paragraphs(self) -> list[str]:
        return text_to_paragraphs(self.toPlainText())

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() or source.hasHtml()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            text = source.text()
        elif source.hasHtml():
            from PySide6.QtGui import QTextDocumentFragment

            text = QTextDocumentFragment.fromHtml(source.html()).toPlainText()
        else:
            return
        self.pasting.emit()
        self.insertPlainText(clean_text(text))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        _drop_history_actions(menu)
        menu.exec(event.globalPos())
        menu.deleteLater()


class ParagraphBinder(QObject):
    """Binds a :class:`ParagraphEdit` to a list of paragraphs in the report.

    ``load()`` shows the model's value with signals blocked (it is a no-op when the widget
    already shows it, so typing never loses the cursor); edits write back through ``write``
    (a session method that pushes an undo command). ``changed`` fires after each write.
    """

    changed = Signal()

    def __init__(
        self,
        edit: ParagraphEdit,
        read: Callable[[], list[str]],
        write: Callable[[list[str]], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or edit)
        self.edit = edit
        self._read = read
        self._write = write
        self._shown: list[str] | None = None  # what the widget holds, as paragraphs
        edit.textChanged.connect(self._on_text_changed)
        self.load()

    def load(self) -> None:
        value = self._read()
        if value == self._shown:
            return
        self._shown = value
        blocked = self.edit.blockSignals(True)
        try:
            self.edit.setPlainText(paragraphs_to_text(value))
        finally:
            self.edit.blockSignals(blocked)
        self.changed.emit()

    def paragraphs(self) -> list[str]:
        return list(self._shown or [])

    def _on_text_changed(self) -> None:
        value = self.edit.paragraphs()
        if value == self._shown:
            return
        self._shown = value
        self._write(value)
        self.changed.emit()
