"""Modules reportlab imports on its own import but this program's PDFs never use.

reportlab's utilities import Pillow's ``Image`` module at once, for bitmaps, which a report
never holds: about 20 ms of every fresh command's start. The module is registered here to
load on first use instead (``importlib.util.LazyLoader``), so code that does use it (a
spreadsheet or image library elsewhere) still gets the whole module, loaded at that moment.
"""

from __future__ import annotations

import importlib.util
import sys

DEFERRED = ("PIL.Image",)


def defer(name: str) -> bool:
    """Register ``name`` to load on first attribute access; False when it is already loaded
    or cannot be found (then nothing changes)."""
    if name in sys.modules:
        return False
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    if spec is None or spec.loader is None:
        return False
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent in sys.modules:
        setattr(sys.modules[parent], child, module)
    return True


def defer_unused() -> None:
    for name in DEFERRED:
        defer(name)
