"""Pages: the blocks of the document poured into the 版心 of page after page.

Every block is set on the 22-line grid by this package (paragraphs, headings, tables,
the signature), so what pouring needs is small: measure a block against the room left on
the page, draw it when it fits, otherwise ask it to split (the block decides where: between
lines, between table rows) and carry the rest to the next page. reportlab's own page
machinery (platypus) is not used: it costs a fresh command a tenth of a second to import
and does nothing here that this module does not.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

log = logging.getLogger(__name__)
FUZZ = 1e-6  # a block exactly as tall as the room left fits


class Block:
    """Something on the page: measured by ``wrap``, split across pages by ``split``, drawn
    by ``draw`` with the origin at its lower left corner (``self.canv`` is the canvas)."""

    width: float = 0.0
    height: float = 0.0
    canv: Canvas

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Block]:
        """Two or more parts, the first fitting ``availHeight``; [] when it cannot split."""
        return []

    def draw(self) -> None:
        raise NotImplementedError

    def drawOn(self, canvas: Canvas, x: float, y: float) -> None:
        """Draw with the lower left corner at (x, y)."""
        self.canv = canvas
        canvas.saveState()
        canvas.translate(x, y)
        try:
            self.draw()
        finally:
            canvas.restoreState()
            del self.canv


@dataclass(frozen=True)
class Frame:
    """The 版心: lower left corner and size, in points."""

    x: float
    y: float
    width: float
    height: float


def pour(
    blocks: Iterable[Block],
    canvas: Canvas,
    frame: Frame,
    on_page: Callable[[Canvas, int], None],
) -> int:
    """Draw ``blocks`` page after page into ``frame``; ``on_page`` draws what every page
    carries (the page number). Returns the number of pages."""
    queue = deque(blocks)
    page = 1
    on_page(canvas, page)
    top = frame.y + frame.height
    used = 0.0  # height taken on this page
    just_split: Block | None = None  # a first part that must fit where it was split
    while queue:
        block = queue.popleft()
        room = frame.height - used
        _, height = block.wrap(frame.width, room)
        if height <= room + FUZZ:
            block.drawOn(canvas, frame.x, top - used - height)
            used += height
            continue
        parts = [] if block is just_split else block.split(frame.width, room)
        just_split = parts[0] if parts else None
        if parts:
            queue.extendleft(reversed(parts))
            continue
        if used > 0:  # the next page has more room
            canvas.showPage()
            page += 1
            on_page(canvas, page)
            used = 0.0
            queue.appendleft(block)
            continue
        # Taller than a whole page and unsplittable: printed cut off rather than not at all.
        log.warning("a block %.0f pt tall does not fit an empty page", height)
        block.drawOn(canvas, frame.x, top - height)
        used = frame.height
    canvas.showPage()
    return page
