"""The Qt item model of one statistics table: the printed grid (header + body) of a TableDef.

Row ``r`` of the model is row ``r`` of the printed table (header rows first). Labels are
read-only, 总计 cells show ``model.cells.effective_values``; every edit goes through
``session.set_cell`` (an undo command). The model never computes a total or a rule itself.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from model.cells import (
    effective_values,
    format_cell_value,
    parse_cell_input_noted,
    partial_totals,
)
from model.checks.labels import cell_name
from model.errors import CellInputError
from model.findings import ERROR, PENDING, WARNING, Finding
from model.formats import GridCell, TableDef
from model.report import NOT_APPLICABLE, CellValue

if TYPE_CHECKING:
    from gui.editing.session import ReportSession

KIND_LABEL = "label"  # a row label in the body
KIND_HEADER = "header"  # a header cell (header rows, or a body cell styled "header")
KIND_CAPTION = "caption"  # a block caption row (table 二)
KIND_INPUT = "input"  # a number the clerk types
KIND_COMPUTED = "computed"  # a 总计, read-only

KindRole = int(Qt.ItemDataRole.UserRole) + 1
BlankRole = int(Qt.ItemDataRole.UserRole) + 2  # True for an input cell not filled yet
RefusedRole = int(Qt.ItemDataRole.UserRole) + 3  # the refused text, or None
LevelRole = int(Qt.ItemDataRole.UserRole) + 4  # worst finding level on the cell, or None
CellIdRole = int(Qt.ItemDataRole.UserRole) + 5

LEVEL_ORDER = {ERROR: 0, WARNING: 1, PENDING: 2}
BACKGROUNDS = {
    KIND_HEADER: QColor("#e6ebf1"),
    KIND_CAPTION: QColor("#d9e1ea"),
    KIND_LABEL: QColor("#f3f4f6"),
    KIND_COMPUTED: QColor("#eaf1fb"),
}
LEVEL_BACKGROUNDS = {ERROR: QColor("#f8d3d1"), WARNING: QColor("#fff0c2")}

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass
class PasteResult:
    """What a paste did: cells filled, cells refused (with the reason), slots skipped."""

    filled: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)  # (where, why)
    skipped: int = 0  # labels / 总计 / outside the table


class TableGridModel(QAbstractTableModel):
    """One table of the report, laid out as printed; edits go to the session."""

    inputRefused = Signal(str, str)  # cell id, the hint for the clerk
    inputConverted = Signal(str, str)  # cell id, what was converted (「251000元」 → 25.1 万元)

    def __init__(
        self, table: TableDef, session: ReportSession, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.session = session
        self._slots: dict[tuple[int, int], GridCell] = {}  # every grid slot -> covering cell
        self._by_id: dict[str, GridCell] = {}
        for cell in self.all_cells():
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    self._slots[(r, c)] = cell
            if cell.cell_id:
                self._by_id[cell.cell_id] = cell
        self._inputs = [c for c in self.all_cells() if self.kind(c) == KIND_INPUT]
        self._values: dict[str, CellValue] = {}
        self._refused: dict[str, tuple[str, str]] = {}  # cell id -> (typed text, hint)
        self._findings: dict[str, list[Finding]] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._partial: dict[str, tuple[str, ...]] = {}
        self._partial_font = QFont(self._bold)
        self._partial_font.setItalic(True)
        self._storing = False
        self.refresh()

    # --- geometry -------------------------------------------------------------------------
    def all_cells(self) -> list[GridCell]:
        """Header and body cells with model rows (body rows shifted below the header)."""
        shift = self.table.header_rows
        body = [dataclasses.replace(c, row=c.row + shift) for c in self.table.body]
        return list(self.table.header) + body

    def cell_at(self, row: int, col: int) -> GridCell | None:
        return self._slots.get((row, col))

    def cell_for(self, index: AnyIndex) -> GridCell | None:
        if not index.isValid():
            return None
        cell = self._slots.get((index.row(), index.column()))
        if cell is None or (cell.row, cell.col) != (index.row(), index.column()):
            return None  # a slot covered by a span: not the cell's own index
        return cell

    def index_of(self, cell_id: str) -> QModelIndex:
        cell = self._by_id.get(cell_id)
        return self.index(cell.row, cell.col) if cell else QModelIndex()

    def kind(self, cell: GridCell) -> str:
        if cell.is_value:
            return KIND_COMPUTED if cell.is_computed else KIND_INPUT
        if cell.row < self.table.header_rows or cell.style == "header":
            return KIND_HEADER
        return KIND_CAPTION if cell.style == "caption" else KIND_LABEL

    def input_indexes(self) -> list[QModelIndex]:
        """The cells the clerk types into, in reading order (row by row)."""
        return [self.index(c.row, c.col) for c in self._inputs]

    def label_columns(self) -> int:
        """How many leading columns hold only labels and can be frozen (0 if none can)."""
        value_cols = [c.col for c in self.all_cells() if c.is_value]
        if not value_cols:
            return 0
        boundary = min(value_cols)
        for cell in self.all_cells():
            if cell.col < boundary < cell.col + cell.colspan:
                return 0
        return boundary

    def describe(self, cell: GridCell) -> str:
        """Where a cell is, in the clerk's words (the name the checks use too)."""
        return cell_name(self.session.fmt, cell.cell_id) if cell.cell_id else cell.text

    # --- state ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read values from the report (after an edit, undo or redo)."""
        if self._storing:
            return  # a paste or clear of many cells: refreshed once when all are stored
        self._values = effective_values(self.session.report, self.session.fmt)
        # totals that add up only what is filled: shown in italics, the tooltip names the blanks
        self._partial = partial_totals(self.session.report, self.session.fmt)
        self._emit_all()

    def set_findings(self, findings: list[Finding]) -> None:
        by_cell: dict[str, list[Finding]] = {}
        for finding in findings:
            for cell_id in finding.cells:
                if cell_id in self._by_id:
                    by_cell.setdefault(cell_id, []).append(finding)
        self._findings = by_cell
        self._emit_all()

    def findings_for(self, cell_id: str) -> list[Finding]:
        return list(self._findings.get(cell_id, []))

    def value(self, cell_id: str) -> CellValue:
        return self._values.get(cell_id)

    def refused(self, cell_id: str) -> tuple[str, str] | None:
        return self._refused.get(cell_id)

    def _emit_all(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    # --- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.table.header_rows + self.table.body_rows

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.table.columns

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        cell = self.cell_for(index)
        if cell is None or not cell.is_value:
            return Qt.ItemFlag.NoItemFlags  # labels: not selectable, skipped by the cursor
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not cell.is_computed:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell_for(index)
        if cell is None:
            return None
        kind = self.kind(cell)
        if role == Qt.ItemDataRole.DisplayRole:
            if cell.cell_id:
                return format_cell_value(self._values.get(cell.cell_id), cell.value_type)
            return cell.text
        if role == Qt.ItemDataRole.EditRole:
            if cell.cell_id and cell.cell_id in self._refused:
                return self._refused[cell.cell_id][0]  # let her fix what she typed
            return format_cell_value(self._values.get(cell.cell_id or ""), cell.value_type)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if kind == KIND_LABEL:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            level = self._worst_level(cell)
            blank = kind == KIND_INPUT and self._values.get(cell.cell_id or "") is None
            if level in LEVEL_BACKGROUNDS and not (blank and level != ERROR):
                # a blank cell keeps its small corner mark instead of a coloured fill
                return QBrush(LEVEL_BACKGROUNDS[level])
            color = BACKGROUNDS.get(kind)
            return QBrush(color) if color else None
        if role == Qt.ItemDataRole.ForegroundRole and (cell.cell_id or "") in self._partial:
            return QBrush(QColor("#6e7781"))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1f2328"))
        if role == Qt.ItemDataRole.FontRole:
            if (cell.cell_id or "") in self._partial:
                return self._partial_font
            return self._bold if kind in (KIND_HEADER, KIND_CAPTION, KIND_COMPUTED) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell, kind) or None
        if role == KindRole:
            return kind
        if role == BlankRole:
            return kind == KIND_INPUT and self._values.get(cell.cell_id or "") is None
        if role == RefusedRole:
            refused = self._refused.get(cell.cell_id or "")
            return refused[0] if refused else None
        if role == LevelRole:
            return self._worst_level(cell)
        if role == CellIdRole:
            return cell.cell_id
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell_for(index)
        if role != Qt.ItemDataRole.EditRole or cell is None or self.kind(cell) != KIND_INPUT:
            return False
        text = value if isinstance(value, str) else format_cell_value(value, cell.value_type)
        return self.enter_text(cell, text)

    # --- editing (all through the session) ------------------------------------------------
    def enter_text(self, cell: GridCell, text: str) -> bool:
        """Parse what was typed into ``cell``; refuse with the hint, or store it."""
        parsed = self._parse(cell, text)
        if parsed is None:
            return False
        self._store([(cell, parsed[0])], self.tr("填写表格"))
        return True

    def clear(self, indexes: list[QModelIndex]) -> int:
        return self._set_many(indexes, None, self.tr("清空单元格"))

    def mark_not_applicable(self, indexes: list[QModelIndex]) -> int:
        return self._set_many(indexes, NOT_APPLICABLE, self.tr("标记为不适用"))

    def fill(self, indexes: list[QModelIndex], text: str) -> PasteResult:
        """Put one typed or pasted value into every input cell of ``indexes`` (one undo step);
        a value a cell refuses is refused for all, with the reason once."""
        cells = [c for c in map(self.cell_for, indexes) if c and self.kind(c) == KIND_INPUT]
        result = PasteResult(skipped=len(indexes) - len(cells))
        changes: list[tuple[GridCell, CellValue]] = []
        for cell in cells:
            parsed = self._parse(cell, text)
            if parsed is None:
                result.refused.append((self.describe(cell), self._refused[cell.cell_id or ""][1]))
                continue
            changes.append((cell, parsed[0]))
        result.filled = len(changes)
        self._store(changes, self.tr("填充 %n 个单元格", "", len(changes)))
        return result

    def clear_refusals(self) -> None:
        """Forget what was refused (after undo or redo the typed text no longer applies)."""
        if self._refused:
            self._refused.clear()
            self._emit_all()

    def paste(self, start: QModelIndex, text: str) -> PasteResult:
        """Fill the input cells a tab-separated block covers, from ``start``, as one undo step."""
        result = PasteResult()
        changes: list[tuple[GridCell, CellValue]] = []
        for dr, line in enumerate(_block_lines(text)):
            for dc, piece in enumerate(line.split("\t")):
                cell = self.cell_at(start.row() + dr, start.column() + dc)
                if cell is None or self.kind(cell) != KIND_INPUT:
                    result.skipped += 1
                    continue
                parsed = self._parse(cell, piece)
                if parsed is None:
                    result.refused.append(
                        (self.describe(cell), self._refused[cell.cell_id or ""][1])
                    )
                    continue
                changes.append((cell, parsed[0]))
        result.filled = len(changes)
        self._store(changes, self.tr("粘贴 %n 个单元格", "", len(changes)))
        return result

    def _parse(self, cell: GridCell, text: str) -> tuple[CellValue] | None:
        assert cell.cell_id is not None
        try:
            value, converted = parse_cell_input_noted(text, cell.value_type)
        except CellInputError as exc:
            self._refused[cell.cell_id] = (text, str(exc))
            index = self.index(cell.row, cell.col)
            self.dataChanged.emit(index, index)
            self.inputRefused.emit(cell.cell_id, str(exc))
            return None
        if self._refused.pop(cell.cell_id, None) is not None:
            index = self.index(cell.row, cell.col)
            self.dataChanged.emit(index, index)
        if converted:
            self.inputConverted.emit(cell.cell_id, converted)
        return (value,)

    def _set_many(self, indexes: list[QModelIndex], value: CellValue, text: str) -> int:
        cells = [c for c in map(self.cell_for, indexes) if c and self.kind(c) == KIND_INPUT]
        for cell in cells:
            self._refused.pop(cell.cell_id or "", None)
        self._store([(c, value) for c in cells], text)
        self._emit_all()
        return len(cells)

    def _store(self, changes: list[tuple[GridCell, CellValue]], text: str) -> None:
        """Hand real changes to the session; several become one undo step."""
        report = self.session.report
        real = [
            (c.cell_id, v) for c, v in changes if c.cell_id and not _same(report.cell(c.cell_id), v)
        ]
        if not real:
            return
        self._storing = True
        try:
            if len(real) == 1:
                self.session.set_cell(*real[0])
            else:
                self.session.set_cells(real, text)
        finally:
            self._storing = False
        self.refresh()

    # --- helpers --------------------------------------------------------------------------
    def _worst_level(self, cell: GridCell) -> str | None:
        found = self._findings.get(cell.cell_id or "")
        if not found:
            return None
        return min((f.level for f in found), key=lambda lv: LEVEL_ORDER.get(lv, 9))

    def _tooltip(self, cell: GridCell, kind: str) -> str:
        lines: list[str] = []
        if kind in (KIND_LABEL, KIND_HEADER, KIND_CAPTION):
            return cell.text
        refused = self._refused.get(cell.cell_id or "")
        if refused:
            lines.append(
                self.tr("刚才输入的「%1」未被接受：%2")
                .replace("%1", refused[0])
                .replace("%2", refused[1])
            )
        for finding in self._findings.get(cell.cell_id or "", []):
            lines.append(f"{finding.level_label}：{finding.message}")
        if kind == KIND_COMPUTED:
            lines.append(self.tr("总计由程序自动计算，不能直接填写。"))
            lines += self._total_notes(cell.cell_id or "")
        elif self._values.get(cell.cell_id or "") is None:
            lines.append(self.tr("尚未填写。没有发生的填 0，不适用的填「/」。"))
        return "\n".join(lines)

    def _total_notes(self, cell_id: str) -> list[str]:
        """A partial total names its blanks; a total the source document printed shows it."""
        notes = []
        blanks = self._partial.get(cell_id)
        if blanks:
            fmt = self.session.fmt
            shown = "、".join(cell_name(fmt, b) for b in blanks[:3])
            more = self.tr("等 %1 格").replace("%1", str(len(blanks))) if len(blanks) > 3 else ""
            notes.append(
                self.tr("这是已填各格之和（不完整）：%1%2空着，按 0 计。")
                .replace("%1", shown)
                .replace("%2", more)
            )
        stated = self.session.report.stated_totals.get(cell_id)
        if stated is not None:
            notes.append(
                self.tr("原文印的合计：%1").replace("%1", format_cell_value(stated, "decimal"))
            )
        return notes


def _same(old: CellValue, new: CellValue) -> bool:
    return type(old) is type(new) and old == new


def _block_lines(text: str) -> list[str]:
    """Rows of a block copied from Excel / WPS (tab-separated, one row per line)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    return lines
