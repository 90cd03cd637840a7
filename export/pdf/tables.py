"""A format's TableDef plus the report's values as a reportlab Table, printed like the template.

Merged headers and side labels become SPAN commands. Cells are plain strings drawn by the
Table itself (fast: no Paragraph per cell): labels are wrapped here with the CJK line
breaker of :mod:`export.pdf.layout` inside their share of the text block (the TableDef's
relative widths), so the long labels of table 三 wrap and the 15 narrow columns of table 四
stack their headers two characters per line (结果/维持). The wrapped lines of a label depend
only on its text, face, size and width, so they are computed once per process (immutable
strings, never a shared flowable). A label holding a character its face lacks is the one
case that still becomes a Paragraph, with the character drawn from a fallback face.

The caches need no lock of their own: tables are only built inside ``render_pdf``, under
its render lock. Header rows repeat when the table breaks; reportlab never breaks inside a
row span, which keeps a merged side-label group (（三）不予公开 …) together.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from export.pdf import layout
from model.cells import format_cell_value
from model.formats import GridCell, TableDef
from model.report import CellValue

FONT_SIZE = 10.5  # 五号
LEADING = 12.6
MIN_NUMBER_SIZE = 7.0  # a very long number shrinks to fit its column, down to this
PADDING_H = 2.0
PADDING_V = 1.5
RULE_WIDTH = 0.5
UNBREAKABLE_LIMIT = 600.0  # pt; the 版心 is 637.8 pt high, less a heading line
WRAP_CACHE_LIMIT = 20_000  # wrapped labels kept per process (a format has a few hundred)

DECISION_CACHE_LIMIT = 200

_wrap_cache: dict[tuple[str, str, float, float], str] = {}


# Whether a table must break inside rows depends only on its labels, faces and width (every
# value prints on one line): decided once, not by an extra layout pass per export.
_split_decisions: dict[tuple[int, tuple[str, ...], float], tuple[TableDef, bool]] = {}


def table_flowable(
    table: TableDef, values: Mapping[str, CellValue], fonts: Any, width: float
) -> Flowable:
    """The printed table: ``values`` holds every value cell (entered and computed)."""
    builder = _TableBuilder(table, values, fonts, width)
    return builder.build()


class _TableBuilder:
    def __init__(
        self, table: TableDef, values: Mapping[str, CellValue], fonts: Any, width: float
    ) -> None:
        self.table = table
        self.values = values
        self.fonts = fonts
        total = sum(table.widths) or 1.0
        self.col_widths = [width * w / total for w in table.widths]
        body_font = _font(fonts, "fangsong")
        self.styles = {
            "label": _style("nb-table-label", body_font, TA_LEFT),
            "center": _style("nb-table-center", body_font, TA_CENTER),
            "caption": _style("nb-table-caption", _font(fonts, "heiti", "fangsong"), TA_CENTER),
        }

    def build(self) -> Table:
        data, commands = self._cells(plain=True)
        table = self._table(data, commands, split_in_row=False)
        if self._split_in_row(table):
            # A group taller than a page can only print by breaking inside it; reportlab 5.1
            # cannot split a row of plain-string cells, so that rare table uses Paragraphs.
            table = self._table(*self._cells(plain=False), split_in_row=True)
        return table

    def _split_in_row(self, table: Table) -> bool:
        key = (id(self.table), _faces(self.fonts), round(sum(self.col_widths), 3))
        known = _split_decisions.get(key)
        if known is not None and known[0] is self.table:
            return known[1]
        decision = self._tallest_unbreakable(table) > UNBREAKABLE_LIMIT
        if len(_split_decisions) >= DECISION_CACHE_LIMIT:
            _split_decisions.clear()
        _split_decisions[key] = (self.table, decision)
        return decision

    def _cells(self, plain: bool) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
        """The table data and style commands; ``plain``: strings, else a Paragraph per cell."""
        rows = self.table.header_rows + self.table.body_rows
        data: list[list[Any]] = [["" for _ in range(self.table.columns)] for _ in range(rows)]
        commands: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), RULE_WIDTH, "black"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING_H),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING_H),
            ("TOPPADDING", (0, 0), (-1, -1), PADDING_V),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING_V),
            ("FONT", (0, 0), (-1, -1), _font(self.fonts, "fangsong"), FONT_SIZE, LEADING),
        ]
        self._commands = commands
        shift = self.table.header_rows
        cells = [(c, c.row, True) for c in self.table.header]
        cells += [(c, c.row + shift, False) for c in self.table.body]
        for cell, row, in_header in cells:
            if plain:
                data[row][cell.col] = self._content(cell, row, in_header)
            else:
                data[row][cell.col] = self._paragraph(cell, in_header)
            if cell.rowspan > 1 or cell.colspan > 1:
                end = (cell.col + cell.colspan - 1, row + cell.rowspan - 1)
                commands.append(("SPAN", (cell.col, row), end))
        return data, commands

    def _table(self, data: list[list[Any]], commands: list[Any], split_in_row: bool) -> Table:
        return Table(
            data,
            colWidths=self.col_widths,
            repeatRows=self.table.header_rows,
            splitInRow=1 if split_in_row else 0,
            style=TableStyle(commands),
            hAlign="CENTER",
        )

    def _tallest_unbreakable(self, table: Table) -> float:
        """Height of the header plus the tallest run of rows tied together by row spans.

        Breaking inside rows (``splitInRow``) tears merged cells apart and, in reportlab
        5.1, lets a fragment be laid out again at the foot of the same page, so it is only
        allowed when such a run could not fit on any page.
        """
        table.wrap(sum(self.col_widths), 1e6)
        heights: list[float] = list(table._rowHeights)
        shift = self.table.header_rows
        tied_until = list(range(len(heights)))  # last row each row is tied to
        for cell in self.table.body:
            for r in range(cell.row + shift, cell.row + shift + cell.rowspan):
                tied_until[r] = max(tied_until[r], cell.row + shift + cell.rowspan - 1)
        tallest, r = 0.0, shift
        while r < len(heights):
            end = r
            while end < tied_until[end] or end < max(tied_until[r : end + 1]):
                end += 1
            tallest = max(tallest, sum(heights[r : end + 1]))
            r = end + 1
        return sum(heights[:shift]) + tallest

    def _content(self, cell: GridCell, row: int, in_header: bool) -> str | Paragraph:
        """A plain (pre-wrapped) string, or a Paragraph when fallback faces are needed."""
        where = (cell.col, row)
        if cell.is_value:
            text = format_cell_value(self.values.get(cell.cell_id or ""), cell.value_type)
            return self._number(text, self._width(cell), where)
        role = "heiti" if cell.style == "caption" else "fangsong"
        centred = cell.style == "caption" or in_header or cell.style == "header"
        centred = centred or cell.rowspan > 1
        face = _font(self.fonts, role, "fangsong")
        if self._needs_fallback(cell.text, role, face):
            style = "caption" if role == "heiti" else ("center" if centred else "label")
            return Paragraph(self._markup(cell.text, role), self.styles[style])
        if role != "fangsong":
            self._commands.append(("FONTNAME", where, where, face))
        if not centred:
            self._commands.append(("ALIGN", where, where, "LEFT"))
        return wrapped_label(cell.text, face, FONT_SIZE, self._width(cell))

    def _number(self, text: str, room: float, where: tuple[int, int]) -> str:
        if text:
            natural = stringWidth(text, _font(self.fonts, "fangsong"), FONT_SIZE)
            if natural > room:
                size = max(MIN_NUMBER_SIZE, FONT_SIZE * room / natural * 0.95)
                self._commands.append(("FONTSIZE", where, where, round(size, 2)))
        return text

    def _needs_fallback(self, text: str, role: str, face: str) -> bool:
        """True when some character of ``text`` is drawn from another face than ``face``."""
        return any(self.fonts.font_for_char(role, ch) not in (face, None) for ch in set(text))

    def _paragraph(self, cell: GridCell, in_header: bool) -> Paragraph:
        """The cell as a Paragraph (CJK wrapping by reportlab), for a table split in rows."""
        if cell.is_value:
            text = format_cell_value(self.values.get(cell.cell_id or ""), cell.value_type)
            room = self._width(cell)
            natural = stringWidth(text, _font(self.fonts, "fangsong"), FONT_SIZE) if text else 0
            if natural > room:
                size = max(MIN_NUMBER_SIZE, FONT_SIZE * room / natural * 0.95)
                markup = f'<font size="{size:.2f}">{escape(text)}</font>'
                return Paragraph(markup, self.styles["center"])
            return Paragraph(escape(text), self.styles["center"])
        if cell.style == "caption":
            return Paragraph(self._markup(cell.text, "heiti"), self.styles["caption"])
        centred = in_header or cell.style == "header" or cell.rowspan > 1
        style = self.styles["center" if centred else "label"]
        return Paragraph(self._markup(cell.text, "fangsong"), style)

    def _width(self, cell: GridCell) -> float:
        return sum(self.col_widths[cell.col : cell.col + cell.colspan]) - 2 * PADDING_H

    def _markup(self, text: str, role: str) -> str:
        """Escaped text; characters the role's face lacks are drawn from a face that has them."""
        base = _font(self.fonts, role, "fangsong")
        for_char = self.fonts.font_for_char
        if not text:
            return escape(text)
        runs: list[tuple[str, str]] = []
        for ch in text:
            face = for_char(role, ch) or base
            if runs and runs[-1][0] == face:
                runs[-1] = (face, runs[-1][1] + ch)
            else:
                runs.append((face, ch))
        return "".join(
            escape(chunk) if face == base else f'<font face="{face}">{escape(chunk)}</font>'
            for face, chunk in runs
        )


def wrapped_label(text: str, face: str, size: float, width: float) -> str:
    """``text`` broken into lines that fit ``width`` (joined by newlines), cached.

    Lines break between any two characters except where 避头尾 forbids it, digit runs stay
    whole unless wider than the cell (as the CJK wrapping of a reportlab Paragraph).
    """
    key = (text, face, size, round(width, 3))
    found = _wrap_cache.get(key)
    if found is not None:
        return found
    clean = layout.clean_text(text)
    if not clean:
        wrapped = ""
    else:
        widths = [stringWidth(ch, face, size) for ch in clean]
        lines: list[str] = []
        for ln in layout.break_lines(clean, widths, width, justify=False):
            piece = clean[ln.start : ln.end]
            while lines and piece and piece[0] in layout.NO_LINE_START:
                lines[-1] += piece[0]  # 「三、」 in a one-character column: 、 hangs, as in print
                piece = piece[1:]
            if piece:
                lines.append(piece)
        wrapped = "\n".join(lines)
    if len(_wrap_cache) >= WRAP_CACHE_LIMIT:
        _wrap_cache.clear()
    _wrap_cache[key] = wrapped
    return wrapped


def _faces(fonts: Any) -> tuple[str, ...]:
    """The faces that size a table's cells, as a cache key."""
    return tuple(str(getattr(fonts, role, "")) for role in ("fangsong", "heiti"))


def _font(fonts: Any, role: str, fallback: str = "fangsong") -> str:
    name = getattr(fonts, role, None) or getattr(fonts, fallback, None)
    if not name:
        raise ValueError(f"no font registered for {role}")
    return str(name)


def _style(name: str, font: str, alignment: int) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=FONT_SIZE,
        leading=LEADING,
        alignment=alignment,
        wordWrap="CJK",
        splitLongWords=True,
    )
