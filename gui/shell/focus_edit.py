"""编辑 → 剪切/复制/粘贴/全选 act on what has the keyboard focus: a text field (line, paragraph)
or a statistics table (its selected cells). The menu then does what the keys do there."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

CUT, COPY, PASTE, SELECT_ALL = "cut", "copy", "paste", "selectAll"
# what a table view (gui.tables.table_editor.GridView) calls each command
_TABLE_METHODS = {
    CUT: "cut_selection",
    COPY: "copy_selection",
    PASTE: "paste_clipboard",
    SELECT_ALL: "select_all_inputs",
}


def act_on_focus(command: str, focus: QWidget | None = None) -> bool:
    """Run ``command`` on the focused widget; False when it has no such command."""
    widget = focus if focus is not None else QApplication.focusWidget()
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        getattr(widget, command)()  # read-only fields ignore cut and paste themselves
        return True
    method = getattr(widget, _TABLE_METHODS[command], None)
    if callable(method):
        method()
        return True
    if command == SELECT_ALL and isinstance(widget, QAbstractItemView):
        widget.selectAll()  # a list keeps its own Ctrl+A
        return True
    return False
