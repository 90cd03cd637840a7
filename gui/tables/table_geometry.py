"""Column widths, row heights and scroll-bar linking of a statistics table on screen.

The widths keep the proportions of the printed table (``TableDef.widths``) with numbers about
five characters wide; when the window is narrower, long label columns give way first, then
the number columns, never below what keeps a label to about two lines or five digits visible.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QScrollBar

from gui.tables.table_delegate import CELL_PADDING
from gui.tables.table_model import KIND_CAPTION, KIND_HEADER, TableGridModel

VALUE_COLUMN_EMS = 5.2  # average width of a number column, in characters
MIN_VALUE_COLUMN_EMS = 4.2
MIN_LABEL_COLUMN_EMS = 2.4
LABEL_FLOOR_EMS = 4  # a narrowed label column still holds four characters a line ...
LABEL_CEILING_EMS = 12  # ... and needs no more than twelve (longer labels take 3+ lines)
FIVE_DIGITS = "00000"  # a narrowed number column still shows 5 digits (in bold, for 总计)

_WRAP = int(Qt.TextFlag.TextWordWrap)


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def preferred_widths(font: QFont, weights: Sequence[float], value_cols: set[int]) -> list[int]:
    """Widths in the proportions of the printed table, numbers about five characters wide."""
    em = QFontMetrics(font).horizontalAdvance("中")
    mean = sum(weights[c] for c in value_cols) / max(1, len(value_cols)) or 1.0
    per_unit = VALUE_COLUMN_EMS * em / mean
    widths = []
    for c, weight in enumerate(weights):
        floor = MIN_VALUE_COLUMN_EMS if c in value_cols else MIN_LABEL_COLUMN_EMS
        widths.append(round(max(floor * em, weight * per_unit)))
    return widths


def minimum_widths(
    font: QFont, model: TableGridModel, value_cols: set[int], preferred: list[int]
) -> list[int]:
    """How narrow a column may get: five bold digits, or a two-character header line, for
    numbers; for labels the width that wraps its longest label into about two lines."""
    plain = QFontMetrics(font)
    em = plain.horizontalAdvance("中")
    bold = QFontMetrics(_bold(font))
    number = max(bold.horizontalAdvance(FIVE_DIGITS), 2 * bold.horizontalAdvance("中"))
    minimum = [
        number + CELL_PADDING if c in value_cols else round(MIN_LABEL_COLUMN_EMS * em)
        for c in range(len(preferred))
    ]
    for cell in model.all_cells():
        if cell.is_value or cell.colspan > 1 or cell.col in value_cols:
            continue
        text = plain.horizontalAdvance(cell.text or "")
        two_lines = min(max(text / 2, LABEL_FLOOR_EMS * em), LABEL_CEILING_EMS * em)
        needed = round(min(text, two_lines)) + CELL_PADDING
        minimum[cell.col] = max(minimum[cell.col], needed)
    return [min(low, high) for low, high in zip(minimum, preferred, strict=True)]


def row_heights(font: QFont, model: TableGridModel, widths: list[int]) -> list[int]:
    """Each row as tall as its tallest wrapped text (a spanning cell shares out what it lacks)."""
    plain = QFontMetrics(font)
    bold = QFontMetrics(_bold(font))
    heights = [plain.height() + CELL_PADDING] * model.rowCount()
    spanning = []
    for cell in model.all_cells():
        width = sum(widths[cell.col : cell.col + cell.colspan]) - CELL_PADDING
        metrics = bold if model.kind(cell) in (KIND_HEADER, KIND_CAPTION) else plain
        box = metrics.boundingRect(QRect(0, 0, max(width, 8), 100000), _WRAP, cell.text or "0")
        needed = box.height() + CELL_PADDING
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], needed)
        else:
            spanning.append((cell, needed))
    for cell, needed in spanning:
        rows = range(cell.row, cell.row + cell.rowspan)
        missing = needed - sum(heights[r] for r in rows)
        if missing > 0:
            for r in rows:
                heights[r] += -(-missing // cell.rowspan)
    return heights


def fit_widths(
    preferred: list[int], minimum: list[int], value_cols: set[int], available: int
) -> list[int]:
    """Narrow the columns (long labels first, then numbers) to fit ``available`` pixels;
    never below ``minimum`` (the horizontal scroll bar takes over there)."""
    label_cols = [c for c in range(len(preferred)) if c not in value_cols]
    widths = list(preferred)
    for group in (label_cols, sorted(value_cols)):
        excess = sum(widths) - available
        if excess > 0 and group:
            widths = cap_widest(widths, minimum, group, excess)
    return widths


def cap_widest(widths: list[int], minimum: list[int], group: list[int], excess: int) -> list[int]:
    """Lower the widest columns of ``group`` to a common cap (never below their minimum)
    until ``excess`` pixels are saved, or all of them are at their minimum."""

    def capped(cap: int) -> list[int]:
        return [max(minimum[c], min(w, cap)) if c in group else w for c, w in enumerate(widths)]

    target = sum(widths) - excess
    low, high = 0, max(widths[c] for c in group)
    while low < high:  # the largest cap that saves enough
        cap = (low + high + 1) // 2
        if sum(capped(cap)) <= target:
            low = cap
        else:
            high = cap - 1
    return capped(low)


def mirror(internal: QScrollBar, external: QScrollBar) -> None:
    """Let an external scroll bar drive a view whose own bar is hidden."""

    def sync_range(low: int, high: int) -> None:
        external.setRange(low, high)
        external.setPageStep(internal.pageStep())
        external.setSingleStep(internal.singleStep())
        external.setVisible(high > low)

    internal.rangeChanged.connect(sync_range)
    internal.valueChanged.connect(external.setValue)
    external.valueChanged.connect(internal.setValue)
    sync_range(internal.minimum(), internal.maximum())


def follow(leader: QScrollBar, follower: QScrollBar) -> None:
    """Keep a frozen view's scroll position equal to the main view's, both ways."""
    leader.valueChanged.connect(follower.setValue)
    follower.valueChanged.connect(leader.setValue)
