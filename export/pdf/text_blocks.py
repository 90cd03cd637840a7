"""Blocks of grid-set text: lines at exact positions, and a heading kept with what follows."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from export.pdf.geometry import BLOCK_HEIGHT, BLOCK_WIDTH, LINE_PITCH, baseline_offset
from export.pdf.pages import Block
from export.pdf.typeset import TypesetLine

_PAGE = BLOCK_HEIGHT + 0.01
PlacedLine = tuple[TypesetLine | None, float]  # (line or None for a blank line, x offset)


class GridLines(Block):
    """Lines on the 22-line grid, drawn at the positions the layout computed.

    Splits between lines; a paragraph never leaves a single line alone at the foot or the
    head of a page (orphan / widow control) unless it has to.
    """

    def __init__(self, lines: list[PlacedLine], *, splittable: bool = True) -> None:
        self.lines = lines
        self.splittable = splittable
        self.width = BLOCK_WIDTH
        self.height = len(lines) * LINE_PITCH

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Block]:
        n = len(self.lines)
        fit = int((availHeight + 0.01) // LINE_PITCH)
        if not self.splittable or fit <= 0 or fit >= n:
            return []
        # Neither part may be a single line alone (orphan / widow), unless the paragraph
        # is longer than a page and must break somewhere.
        fit = min(fit, n - 2)
        if fit < 2 and n * LINE_PITCH <= _PAGE:
            return []
        fit = max(fit, 1)
        return [GridLines(self.lines[:fit]), GridLines(self.lines[fit:])]

    def draw(self) -> None:
        canv = self.canv
        text = canv.beginText()
        char_space: float | None = None
        for i, (line, x0) in enumerate(self.lines):
            if line is None:
                continue
            y = self.height - i * LINE_PITCH - baseline_offset(line.size)
            for run in line.runs:
                text.setFont(run.font, line.size)
                if char_space is None or abs(run.char_space - char_space) > 1e-4:
                    text.setCharSpace(run.char_space)
                    char_space = run.char_space
                for offset, piece in _subset_pieces(run.text, run.font, canv):
                    dx = stringWidth(run.text[:offset], run.font, line.size) if offset else 0.0
                    text.setTextOrigin(x0 + run.x + dx + offset * run.char_space, y)
                    text.textOut(piece)
        canv.drawText(text)


def _subset_pieces(text: str, font_name: str, canv: Canvas) -> list[tuple[int, str]]:
    """Split a run where reportlab switches font subsets (256 glyphs each).

    Each piece gets its own origin so that character spacing never depends on being carried
    from one text-show operator to the next (some text extractors drop it there).
    """
    font = getFont(font_name)
    split = getattr(font, "splitString", None)
    if split is None or text.isascii():
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    pos = 0
    for _subset, data in split(text, canv._doc):
        count = len(data)
        pieces.append((pos, text[pos : pos + count]))
        pos += count
    if pos != len(text):  # unexpected encoding: draw the run whole
        return [(0, text)]
    return pieces


class KeepWithNext(Block):
    """A heading glued to what follows: never the last thing on a page."""

    def __init__(self, first: Block, follower: Block, frame_height: float) -> None:
        self.first = first
        self.follower = follower
        self.frame_height = frame_height
        self._h1 = self._h2 = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, self._h1 = self.first.wrap(availWidth, availHeight)
        _, self._h2 = self.follower.wrap(availWidth, max(availHeight - self._h1, 0.0))
        self.width = availWidth
        self.height = self._h1 + self._h2
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Block]:
        _, h1 = self.first.wrap(availWidth, availHeight)
        at_top = availHeight >= self.frame_height - 0.5
        if h1 < availHeight:
            parts = self.follower.split(availWidth, availHeight - h1)
            if parts:
                return [self.first, *parts]
        return [self.first, self.follower] if at_top else []

    def draw(self) -> None:
        self.first.drawOn(self.canv, 0, self._h2)
        self.follower.drawOn(self.canv, 0, 0)
