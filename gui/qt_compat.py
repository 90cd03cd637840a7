"""Guards against known defects of the installed Qt for Python.

PySide6 6.12.0 on CPython < 3.12 drops a reference to True / None on every
``SignalInstance.emit()`` and ``QModelIndex.data()`` (reproduced here: True starts near
600 references, and after a few hundred signal emissions Python aborts with
"bool_dealloc: deallocating True"). pyproject.toml keeps that combination out (6.11 on
Python 3.11); this guard protects a machine where it was installed by other means, by
making the three singletons effectively immortal, as CPython 3.12+ does itself.
"""

from __future__ import annotations

import sys

import PySide6

_HUGE = 1 << 40


def has_singleton_refcount_bug() -> bool:
    major_minor = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    return sys.version_info < (3, 12) and major_minor >= (6, 12)


def apply_qt_workarounds() -> None:
    """Call once before the first signal is emitted (app start, test session start)."""
    if not has_singleton_refcount_bug():
        return
    import ctypes  # only where the guard applies: it costs the window's start 5 ms

    for singleton in (True, False, None):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _HUGE:
            count.value += _HUGE
