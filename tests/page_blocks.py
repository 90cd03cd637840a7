"""Blocks poured into pages for the table tests: a blank gap, and the PDF of a list of blocks
on a GB/T 9704 page (as export.pdf.render pours them, without title or page numbers)."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from export.pdf.geometry import (
    BLOCK_BOTTOM,
    BLOCK_HEIGHT,
    BLOCK_WIDTH,
    MARGIN_LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
)
from export.pdf.pages import Block, Frame, pour


class Gap(Block):
    """Empty space of a given height (what stands above a table on its page)."""

    def __init__(self, height: float) -> None:
        self.width, self.height = 0.0, height

    def draw(self) -> None:
        pass


def render_blocks(blocks: list[Block]) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    pour(blocks, canvas, Frame(MARGIN_LEFT, BLOCK_BOTTOM, BLOCK_WIDTH, BLOCK_HEIGHT), _no_number)
    canvas.save()
    return out.getvalue()


def _no_number(canvas: Canvas, page: int) -> None:
    pass
