"""A ruled grid of text cells with merged cells: how the statistics tables are measured and
drawn on the page.

Each cell holds lines already broken (see :mod:`export.pdf.tables`), each line a few runs of
one face (a character a face lacks comes from another). A row is as tall as its tallest
one-row cell; a merged cell that needs more than its rows give them more, in equal shares.
Text is centred vertically; rules are drawn once each, merged cells having none inside.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from export.pdf.pages import Block

Run = tuple[str, str]  # (font name, text)


@dataclass(frozen=True)
class GridText:
    """One cell: where it starts, how far it spans, its lines and how they are set."""

    row: int
    col: int
    lines: tuple[tuple[Run, ...], ...]
    size: float
    centred: bool = True
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class GridStyle:
    leading: float
    pad_h: float  # left and right
    pad_v: float  # top and bottom
    rule_width: float


class CellGrid(Block):
    """``rows`` rows of columns ``col_widths`` wide; ``cells`` start where they say."""

    def __init__(
        self, col_widths: list[float], rows: int, cells: list[GridText], style: GridStyle
    ) -> None:
        self.col_widths = col_widths
        self.rows = rows
        self.cells = cells
        self.style = style
        self.width = sum(col_widths)
        self.row_heights = _row_heights(rows, cells, style)
        self.height = sum(self.row_heights)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        lefts = _starts(self.col_widths)
        tops = _starts(self.row_heights)  # measured downwards from the top
        for cell in self.cells:
            x = lefts[cell.col]
            width = lefts[cell.col + cell.colspan] - x
            top = self.height - tops[cell.row]
            height = tops[cell.row + cell.rowspan] - tops[cell.row]
            self._draw_text(cell, x, top - height, width, height)
        self._draw_rules(lefts, tops)

    def _draw_text(
        self, cell: GridText, x: float, bottom: float, width: float, height: float
    ) -> None:
        canvas = self.canv
        leading = self.style.leading
        # the first baseline: the block of lines centred in the cell (em box above it)
        y = bottom + (height + len(cell.lines) * leading) / 2 - cell.size
        for line in cell.lines:
            widths = [stringWidth(text, font, cell.size) for font, text in line]
            left = x + (width - sum(widths)) / 2 if cell.centred else x + self.style.pad_h
            for (font, text), run_width in zip(line, widths, strict=True):
                canvas.setFont(font, cell.size)
                canvas.drawString(left, y, text)
                left += run_width
            y -= leading

    def _draw_rules(self, lefts: list[float], tops: list[float]) -> None:
        """Every cell's outline, each stretch of rule once (none inside a merged cell)."""
        across: set[tuple[int, int]] = set()  # (row line, column) pieces of horizontal rules
        down: set[tuple[int, int]] = set()  # (column line, row) pieces of vertical rules
        for cell in self.cells:
            for col in range(cell.col, cell.col + cell.colspan):
                across.add((cell.row, col))
                across.add((cell.row + cell.rowspan, col))
            for row in range(cell.row, cell.row + cell.rowspan):
                down.add((cell.col, row))
                down.add((cell.col + cell.colspan, row))
        canvas = self.canv
        canvas.setLineWidth(self.style.rule_width)
        canvas.setLineCap(2)  # projecting ends: the corners close
        path = canvas.beginPath()
        for line, first, last in _stretches(across):
            y = self.height - tops[line]
            path.moveTo(lefts[first], y)
            path.lineTo(lefts[last + 1], y)
        for line, first, last in _stretches(down):
            x = lefts[line]
            path.moveTo(x, self.height - tops[first])
            path.lineTo(x, self.height - tops[last + 1])
        canvas.drawPath(path, stroke=1, fill=0)


def _row_heights(rows: int, cells: list[GridText], style: GridStyle) -> list[float]:
    heights = [style.leading + 2 * style.pad_v] * rows
    merged: list[tuple[float, int, int]] = []  # (height needed, first row, last row)
    for cell in cells:
        need = max(len(cell.lines), 1) * style.leading + 2 * style.pad_v
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], need)
        else:
            merged.append((need, cell.row, cell.row + cell.rowspan - 1))
    for need, first, last in sorted(merged, reverse=True):
        have = sum(heights[first : last + 1])
        if need > have + 1e-6:
            share = (need - have) / (last - first + 1)
            for row in range(first, last + 1):
                heights[row] += share
    return heights


def _starts(sizes: list[float]) -> list[float]:
    """Where each of ``sizes`` starts when laid end to end, and where the last one ends."""
    starts = [0.0]
    for size in sizes:
        starts.append(starts[-1] + size)
    return starts


def _stretches(pieces: set[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Pieces (line, index) joined into runs along each line: (line, first, last)."""
    runs: list[tuple[int, int, int]] = []
    for line, index in sorted(pieces):
        if runs and runs[-1][0] == line and runs[-1][2] == index - 1:
            runs[-1] = (line, runs[-1][1], index)
        else:
            runs.append((line, index, index))
    return runs
