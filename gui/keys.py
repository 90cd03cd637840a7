"""Key bindings used by more than one part of the window, decided in one place.

A small module on purpose: the window's actions need these before any editor is built, and
importing the editor for them would slow the start.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def redo_shortcuts() -> list[QKeySequence]:
    """Ctrl+Y plus the platform's redo keys, each once: a key sequence given twice to
    one action is ambiguous and then fires nothing (on Windows Redo already is Ctrl+Y)."""
    keys = [QKeySequence("Ctrl+Y")]
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
        if key not in keys:
            keys.append(key)
    return keys
