"""An outline table as ruled grids (:mod:`export.pdf.cell_grid`), printed like the template
and broken across pages the way a typesetter would.

Labels are wrapped here between words (see :mod:`export.pdf.words`), and each column is at
least as wide as the longest word of the labels it holds, so 「自然人」 or 「三、」 never break
or cross a rule.

Page breaks are chosen here, not by reportlab: a table breaks only between rows that no
merged cell joins, or inside a long merged block (三、本年度办理结果) between its sub-blocks,
where the side label is printed again; a first part of three rows or fewer is not left at a
page foot (the table starts on the next page instead); each continuation repeats the header
and says 「续表」. A character a label's face lacks is drawn from a fallback face.
"""

from __future__ import annotations

import math
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from export import outline as ol
from export.pdf import layout
from export.pdf.cell_grid import CellGrid, GridStyle, GridText, Run
from export.pdf.geometry import BLOCK_HEIGHT, BLOCK_WIDTH, LINE_PITCH, baseline_offset
from export.pdf.pages import Block
from export.table_widths import fit_widths, wrap_words

FONT_SIZE = 10.5  # 五号
LEADING = 12.6
MIN_NUMBER_SIZE = 7.0  # a very long number shrinks to fit its column, down to this
PADDING_H = 1.2 * mm
PADDING_V = 1.0 * mm
RULE_WIDTH = 0.5
EMPTY_LIMIT = 3 * LINE_PITCH  # more empty space at a page foot is worth a deeper break
MIN_FIRST_ROWS = 4  # fewer rows of figures at a page foot are a stub: start on the next page
MIN_LAST_ROWS = 2  # nor is one row of figures carried over alone under 续表
CONTINUED = "续表"
CONTINUED_SIZE = 14.0  # 4号
GRID_STYLE = GridStyle(leading=LEADING, pad_h=PADDING_H, pad_v=PADDING_V, rule_width=RULE_WIDTH)
WRAP_CACHE_LIMIT = 20_000  # wrapped labels kept per process (a format has a few hundred)

_wrap_cache: dict[tuple[str, str, float, float], str] = {}
_widths_cache: dict[tuple[str, tuple[str, ...], float, int, str], list[float]] = {}


def table_block(table: ol.Table, fonts: Any, width: float = BLOCK_WIDTH) -> Block:
    """The printed table, breaking across pages by itself; ``fonts`` is a FontSet."""
    key = (table.id, table.cells, id(fonts), round(width, 3))
    builder = _builders.get(key)
    if builder is None or builder.fonts is not fonts:
        builder = _TableBuilder(table, fonts, width)
        if len(_builders) >= BUILDER_CACHE_LIMIT:
            _builders.clear()
        _builders[key] = builder
    return PagedTable(builder, table.header_rows, table.rows - 1, continued=False)


# The same table printed again (the preview after an edit elsewhere, a second export) reuses
# its builder and the grids it made; renders never overlap (the render lock).
BUILDER_CACHE_LIMIT = 24
_builders: dict[tuple[object, ...], _TableBuilder] = {}


class _TableBuilder:
    """Makes the grid of any run of body rows (with the header above it)."""

    def __init__(self, table: ol.Table, fonts: Any, width: float) -> None:
        self.table = table
        self.fonts = fonts
        self.body_font = _font(self.fonts, "fangsong")
        self.number_font = self.fonts.latin_for("fangsong") or self.body_font
        self.col_widths = column_widths(table, self.body_font, width, self.number_font)
        self._grids: dict[tuple[int, int], CellGrid] = {}
        self._cells: dict[tuple[int, int], GridText] = {}  # (row, col) -> the set cell
        self.boundaries = _boundaries(table)
        # rows holding figures (a caption or sub-header row alone is no content)
        self.content_rows = sorted(
            {c.row for c in table.cells if c.kind == ol.VALUE and c.row >= table.header_rows}
        )

    def size(self, first: int, last: int, width: float) -> tuple[float, float]:
        """(width, height) of the grid of these rows."""
        grid = self.table_for(first, last)
        return grid.width, grid.height

    def row_heights(self, width: float) -> list[float]:
        """Heights of every row of the whole table (header and body)."""
        return self.table_for(self.table.header_rows, self.table.rows - 1).row_heights

    def table_for(self, first: int, last: int) -> CellGrid:
        key = (first, last)
        found = self._grids.get(key)
        if found is None:
            found = self._build(first, last)
            self._grids[key] = found
        return found

    def _build(self, first: int, last: int) -> CellGrid:
        """The header rows, then body rows ``first``..``last``; a merged cell cut by the
        page break is printed on each side of it."""
        header = self.table.header_rows
        cells: list[GridText] = []
        for cell in self.table.cells:
            end = cell.row + cell.rowspan - 1
            if cell.row < header:
                top, bottom = cell.row, end
            elif end < first or cell.row > last:
                continue
            else:
                top = max(cell.row, first) - first + header
                bottom = min(end, last) - first + header
            placed = self._set(cell)
            cells.append(
                GridText(
                    top,
                    cell.col,
                    placed.lines,
                    placed.size,
                    centred=placed.centred,
                    rowspan=bottom - top + 1,
                    colspan=cell.colspan,
                )
            )
        rows = header + last - first + 1
        return CellGrid(self.col_widths, rows, cells, GRID_STYLE)

    def _set(self, cell: ol.Cell) -> GridText:
        """The cell's lines, faces and size (its place is filled in by the caller)."""
        key = (cell.row, cell.col)
        found = self._cells.get(key)
        if found is None:
            found = self._number(cell) if cell.kind == ol.VALUE else self._label(cell)
            self._cells[key] = found
        return found

    def _label(self, cell: ol.Cell) -> GridText:
        role = "heiti" if cell.kind == ol.CAPTION else "fangsong"
        face = _font(self.fonts, role, "fangsong")
        text = wrapped_label(cell.text, face, FONT_SIZE, self._width(cell))
        lines = tuple(self._runs(line, role, face) for line in text.split("\n"))
        return GridText(0, cell.col, lines, FONT_SIZE, centred=cell.centred)

    def _number(self, cell: ol.Cell) -> GridText:
        text = cell.text
        font = self.number_font if text.isascii() else self.body_font
        size = FONT_SIZE
        natural = stringWidth(text, font, FONT_SIZE)
        room = self._width(cell)
        if natural > room:
            size = round(max(MIN_NUMBER_SIZE, FONT_SIZE * room / natural * 0.95), 2)
        lines = (((font, text),),) if text else ()
        return GridText(0, cell.col, lines, size)

    def _runs(self, line: str, role: str, face: str) -> tuple[Run, ...]:
        """The line in runs of one face: characters ``face`` lacks come from a fallback."""
        runs: list[Run] = []
        find = self.fonts.font_for_char
        for ch in line:
            font = face if ch.isascii() else (find(role, ch) or face)
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + ch)
            else:
                runs.append((font, ch))
        return tuple(runs)

    def _width(self, cell: ol.Cell) -> float:
        return sum(self.col_widths[cell.col : cell.col + cell.colspan]) - 2 * PADDING_H


class PagedTable(Block):
    """Body rows ``first``..``last`` of a table (header repeated), snapped to the grid."""

    def __init__(self, builder: _TableBuilder, first: int, last: int, *, continued: bool) -> None:
        self.builder = builder
        self.first = first
        self.last = last
        self.continued = continued
        self._table: CellGrid | None = None
        self._w = self._h = 0.0

    @property
    def label_height(self) -> float:
        return LINE_PITCH if self.continued else 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._table = self.builder.table_for(self.first, self.last)
        self._w, self._h = self.builder.size(self.first, self.last, availWidth)
        self.width = availWidth
        self.height = _snap(self._h + self.label_height)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Block]:
        at_top = availHeight >= BLOCK_HEIGHT - 3 * LINE_PITCH
        room = availHeight
        best: tuple[int, float] | None = None
        for level in (1, 2, self.builder.table.rows):
            found = self._last_fitting(level, availWidth, room, at_top)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
            # a break inside a sub-block is taken only when the page would stay partly empty
            if best is not None and room - best[1] < EMPTY_LIMIT:
                break
        if best is None:
            return []
        cut = best[0]
        return [
            PagedTable(self.builder, self.first, cut - 1, continued=self.continued),
            PagedTable(self.builder, cut, self.last, continued=True),
        ]

    def _last_fitting(
        self, level: int, width: float, room: float, at_top: bool
    ) -> tuple[int, float] | None:
        """The last boundary crossed by at most ``level`` merged cells whose first part fits
        ``room`` and is no stub, with that part's height.

        Candidates are ranked by the row heights of the whole table; only those whose
        estimate fits are built and measured (a clipped merged label may make a part taller
        than its estimate)."""
        heights = self.builder.row_heights(width)
        header = sum(heights[: self.builder.table.header_rows])
        for cut, crossing in reversed(self.builder.boundaries):
            if not self.first < cut <= self.last or crossing > level:
                continue
            figures = sum(1 for r in self.builder.content_rows if self.first <= r < cut)
            rest = sum(1 for r in self.builder.content_rows if cut <= r <= self.last)
            if rest < MIN_LAST_ROWS:
                continue
            if figures < MIN_FIRST_ROWS and not at_top:
                return None
            estimate = _snap(header + sum(heights[self.first : cut]) + self.label_height)
            if estimate > room + LINE_PITCH:
                continue
            _, h = self.builder.size(self.first, cut - 1, width)
            h = _snap(h + self.label_height)
            if h <= room + 0.01:
                return cut, h
        return None

    def draw(self) -> None:
        assert self._table is not None
        x = max((self.width - self._w) / 2, 0.0)
        if self.continued:
            self._draw_label(x)
        self._table.drawOn(self.canv, x, self.height - self.label_height - self._h)

    def _draw_label(self, x: float) -> None:
        fonts = self.builder.fonts
        face = _font(fonts, "fangsong")
        canv = self.canv
        canv.saveState()
        canv.setFont(face, CONTINUED_SIZE)
        y = self.height - baseline_offset(CONTINUED_SIZE)
        canv.drawString(x, y, CONTINUED)
        canv.restoreState()


def _snap(height: float) -> float:
    """Round a height up to whole grid lines, so what follows starts on a grid line."""
    return math.ceil(height / LINE_PITCH - 1e-6) * LINE_PITCH


def _boundaries(table: ol.Table) -> list[tuple[int, int]]:
    """Body rows a page may start with, and how many merged side labels cross the boundary
    above them (each is printed again on the next page). A caption or sub-header row stays
    with the row after it, and a merged block is not cut so that a single row of it stands
    alone on either side."""
    crossing = [0] * (table.rows + 1)
    lone_row = [False] * (table.rows + 1)
    heading_row = [True] * (table.rows + 1)
    for cell in table.cells:
        if cell.row < table.header_rows:
            continue
        if cell.kind in (ol.VALUE, ol.LABEL):
            heading_row[cell.row] = False
        end = cell.row + cell.rowspan  # first row after the block
        for r in range(cell.row + 1, end):
            crossing[r] += 1
            if r - cell.row < 2 or end - r < 2:
                lone_row[r] = True
    return [
        (r, crossing[r])
        for r in range(table.header_rows + 1, table.rows)
        if not heading_row[r - 1] and not lone_row[r]
    ]


def column_widths(
    table: ol.Table, face: str, width: float, number_face: str | None = None
) -> list[float]:
    """The format's relative widths, widened where a column's longest word or number would
    not fit; the other columns give up their share in proportion."""
    number_face = number_face or face
    numbers = tuple(c.text for c in table.cells if c.kind == ol.VALUE)
    key = (
        table.id,
        tuple(c.text for c in table.cells if c.kind != ol.VALUE),
        round(width, 2),
        max((len(n) for n in numbers), default=0),
        number_face,
    )
    known = _widths_cache.get(key)
    if known is not None:
        return known
    widths = fit_widths(
        table,
        width,
        lambda text: stringWidth(text, face, FONT_SIZE),
        lambda text: stringWidth(text, number_face, FONT_SIZE),
        PADDING_H,
        FONT_SIZE,
    )
    _widths_cache[key] = widths
    return widths


def wrapped_label(text: str, face: str, size: float, width: float) -> str:
    """``text`` broken between words into lines that fit ``width`` (joined by newlines).

    A word wider than the cell is broken between characters; 避头尾 holds as in the body.
    """
    key = (text, face, size, round(width, 3))
    found = _wrap_cache.get(key)
    if found is not None:
        return found
    clean = layout.clean_text(text)
    lines = wrap_words(clean, width, lambda part: stringWidth(part, face, size))
    wrapped = "\n".join(lines)
    if len(_wrap_cache) >= WRAP_CACHE_LIMIT:
        _wrap_cache.clear()
    _wrap_cache[key] = wrapped
    return wrapped


def _font(fonts: Any, role: str, fallback: str = "fangsong") -> str:
    name = getattr(fonts, role, None) or getattr(fonts, fallback, None)
    if not name:
        raise ValueError(f"no font registered for {role}")
    return str(name)
