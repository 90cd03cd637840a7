"""Rows of an imported table -> cells of the format's table, by matching labels.

Whatever the source (a Word or HTML table, 「 | 」 rows, tab rows, one cell per line, aligned
columns), the rows arrive here as lists of cell texts. A row whose label names a row of the
format fills that row's value cells left to right; a row of values alone continues the row
named last, or fills the table's row without label (表四). Printed totals are kept as stated
totals; values in 元 for a 万元 cell are converted and noted; blanks stay blank.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from model.cells import NA_INPUTS, parse_cell_input
from model.errors import CellInputError
from model.formats import VALUE_DECIMAL, Format, GridCell
from model.importers.table_rows import RowDef, TableRows, label_key, rows_of
from model.report import NOT_APPLICABLE, CellValue

_DASHES = frozenset("-—－–―‐‑‒−﹣")
_UNIT_RE = re.compile(
    r"^(?P<num>[-−]?[0-9０-９][0-9０-９,，.． ]*)\s*"
    r"(?P<unit>万元|元|件|个|条|次|人次|人|项|篇|份)?$"
)
_ALIGNED_RE = re.compile(r"^(?P<label>.*?[^\s\d.,/])\s+(?P<values>(?:[\d.,/—-]+\s*){1,16})$")
MAX_AMOUNT_PLACES = 4


@dataclass
class TableFill:
    """What the rows of one or more tables gave: cells, printed totals, and what was left."""

    cells: dict[str, CellValue] = field(default_factory=dict)
    stated_totals: dict[str, int | float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    values_seen: int = 0  # non-blank values in the source's table rows
    values_placed: int = 0

    def merge(self, other: TableFill) -> None:
        for cell_id, value in other.cells.items():
            self.cells.setdefault(cell_id, value)
        for cell_id, total in other.stated_totals.items():
            self.stated_totals.setdefault(cell_id, total)
        self.notes.extend(other.notes)
        self.unplaced.extend(other.unplaced)
        self.values_seen += other.values_seen
        self.values_placed += other.values_placed


def split_row(line: str) -> list[str]:
    """A line written as a table row -> its cells (「 | 」, tabs, or label + aligned numbers)."""
    if "|" in line or "｜" in line:
        cells = [c.strip() for c in re.split(r"[|｜]", line)]
        if line.lstrip().startswith(("|", "｜")):
            cells = cells[1:]
        if line.rstrip().endswith(("|", "｜")) and cells and cells[-1] == "" and len(cells) > 2:
            # 「a | b |」 closes the row; a lone trailing bar after a value is a blank cell only
            # when the row is otherwise complete, which the matcher decides by position
            pass
        return cells
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    words = line.split()
    if len(words) > 1 and all(is_value_text(w) for w in words):
        return words  # a row of numbers alone (a PDF's table copied as text)
    match = _ALIGNED_RE.match(line.strip())
    if match and not match.group("label").endswith(("年", "月", "日")):
        return [match.group("label").strip(), *match.group("values").split()]
    return [line.strip()]


def is_value_text(text: str) -> bool:
    """A cell that holds a value (or a blank, 「/」, a dash), not a label."""
    plain = unicodedata.normalize("NFKC", text).strip()
    if not plain or plain in NA_INPUTS or all(c in _DASHES for c in plain):
        return True
    return _UNIT_RE.match(plain) is not None


def parse_value(text: str, cell: GridCell) -> tuple[CellValue, str | None]:
    """A printed value -> the cell's value and a note (units converted, dashes read as blank).

    Raises CellInputError for text that is no value of this cell.
    """
    plain = unicodedata.normalize("NFKC", text).strip().replace("−", "-")
    if not plain:
        return None, None
    if all(c in _DASHES for c in plain):
        return None, f"「{plain}」按空白处理"
    if plain in NA_INPUTS:
        return NOT_APPLICABLE, None
    match = _UNIT_RE.match(plain)
    if match is None:
        raise CellInputError(f"「{plain}」不是数值")
    number = match.group("num").replace("，", ",").replace(" ", "")
    unit = match.group("unit")
    if unit == "元" and cell.value_type == VALUE_DECIMAL:
        yuan = Decimal(number.replace(",", ""))
        amount = (yuan / Decimal(10000)).quantize(Decimal(1).scaleb(-MAX_AMOUNT_PLACES))
        value = float(amount.normalize())
        return value, f"「{plain}」换算为 {format(amount.normalize(), 'f')} 万元"
    return parse_cell_input(number, cell.value_type), None


class _Matcher:
    """Walks the rows of one table in order and fills the format's rows."""

    def __init__(self, fmt: Format, rows: TableRows) -> None:
        self.fmt = fmt
        self.rows = rows
        self.fill = TableFill()
        self.pending: RowDef | None = None
        self.pending_at = 0
        self.unlabelled_at = 0

    def feed(self, cells: list[str]) -> bool:
        """One source row; whether it belonged to this table (a label, header or values)."""
        label_at, row = self._label(cells)
        if row is not None:
            self.pending, self.pending_at = row, 0
            self._take(row, cells[label_at + 1 :], cells)
            return True
        texts = [c for c in cells if c.strip()]
        if len(texts) == 1 and len(texts[0].split()) > 1:
            words = texts[0].split()
            if all(self.rows.is_header(w) for w in words):  # 「行政复议 行政诉讼」
                self.pending = None
                return True
        if len(texts) > 1 and all(self.rows.is_header_piece(c) for c in texts):
            self.pending = None  # a header whose cells wrapped, line by line
            return True
        if texts and all(self.rows.is_header(c) or is_value_text(c) for c in texts):
            values = [c for c in cells if is_value_text(c)]
            if len(values) == len(cells) and any(c.strip() for c in values):
                self._values_alone(cells)
            elif any(self.rows.is_header(c) for c in texts):
                self.pending = None
            return True
        return False

    def _label(self, cells: list[str]) -> tuple[int, RowDef | None]:
        for i in range(len(cells) - 1, -1, -1):
            text = cells[i]
            if not text.strip() or is_value_text(text):
                continue
            row = self.rows.find(text)
            if row is not None:
                return i, row
        return -1, None

    def _values_alone(self, cells: list[str]) -> None:
        row = self.pending
        if row is not None and self.pending_at < len(row.cells):
            self._take(row, cells, cells, start=self.pending_at)
            return
        unlabelled = self.rows.unlabelled
        if unlabelled is not None and self.unlabelled_at < len(unlabelled.cells):
            self.pending, self.pending_at = unlabelled, self.unlabelled_at
            self._take(unlabelled, cells, cells, start=self.unlabelled_at)
            self.unlabelled_at = self.pending_at
            return
        self._leftover(cells, "找不到对应的行")

    def _take(self, row: RowDef, values: list[str], whole: list[str], start: int = 0) -> None:
        # trailing blanks beyond the row's cells are the source's filler, not values
        at = start
        extra: list[str] = []
        for text in values:
            if not is_value_text(text):
                extra.append(text)
                continue
            if at >= len(row.cells):
                if text.strip():
                    extra.append(text)
                continue
            self._put(row.cells[at], text, row)
            at += 1
        self.pending_at = at
        if extra:
            self._leftover(whole, f"「{row.label}」行多出的内容")

    def _put(self, cell: GridCell, text: str, row: RowDef) -> None:
        if not text.strip():
            return
        self.fill.values_seen += 1
        cell_id = cell.cell_id or ""
        try:
            value, note = parse_value(text, cell)
        except CellInputError as exc:
            self.fill.unplaced.append(f"{row.label or '表格'}：{text.strip()}")
            self.fill.notes.append(
                f"「{row.label or cell_id}」的「{text.strip()}」无法作为数值读入：{exc}"
            )
            return
        if note:
            self.fill.notes.append(f"「{row.label or cell_id}」{note}")
        if value is None:
            return
        self.fill.values_placed += 1
        if cell.is_computed:
            if isinstance(value, (int, float)):
                self.fill.stated_totals[cell_id] = value
            return
        self.fill.cells[cell_id] = value

    def _leftover(self, cells: list[str], why: str) -> None:
        texts = [c.strip() for c in cells if c.strip()]
        if texts:
            self.fill.values_seen += sum(1 for c in texts if is_value_text(c))
            self.fill.unplaced.append(" | ".join(texts))
            self.fill.notes.append(f"表格行「{' | '.join(texts)[:40]}」未能归位（{why}）")


def match_rows(fmt: Format, table_id: str, rows: list[list[str]]) -> tuple[TableFill, list[int]]:
    """Fill ``table_id`` from source rows; also the indexes of rows that were no table rows."""
    matcher = _Matcher(fmt, rows_of(fmt, table_id))
    foreign: list[int] = []
    for index, cells in enumerate(rows):
        if not matcher.feed(cells):
            foreign.append(index)
    return matcher.fill, foreign


def best_table(fmt: Format, rows: list[list[str]]) -> str | None:
    """The format table whose labels most of these rows name (a table outside its section)."""
    best: tuple[int, str] | None = None
    for table_id in fmt.tables:
        table_rows = rows_of(fmt, table_id)
        hits = sum(
            1 for cells in rows for c in cells if c.strip() and table_rows.find(c) is not None
        )
        hits += sum(1 for cells in rows for c in cells if table_rows.is_header(c))
        if hits and (best is None or hits > best[0]):
            best = (hits, table_id)
    return best[1] if best else None


def is_table_label(fmt: Format, text: str) -> bool:
    """Whether a line is a label or header of one of the format's tables."""
    key = label_key(text)
    if not key:
        return False
    for table_id in fmt.tables:
        rows = rows_of(fmt, table_id)
        if rows.is_header(text) or any(label_key(r.label) == key for r in rows.rows):
            return True
        if any(label_key(c) == key for r in rows.rows for c in r.context if c):
            return True
    return False
