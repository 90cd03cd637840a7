"""GB/T 9704-2012 page geometry in points: A4, margins, 版心, lines and characters per page."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 37 * mm  # 天头
MARGIN_LEFT = 28 * mm  # 订口
BLOCK_WIDTH = 156 * mm  # 版心
BLOCK_HEIGHT = 225 * mm
BLOCK_BOTTOM = PAGE_HEIGHT - MARGIN_TOP - BLOCK_HEIGHT  # 35 mm above the paper's lower edge
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = BLOCK_HEIGHT / LINES_PER_PAGE  # ≈ 28.99 pt
CHAR_PITCH = BLOCK_WIDTH / CHARS_PER_LINE  # ≈ 15.79 pt

BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
PAGE_NUMBER_SIZE = 14.0  # 4号
PAGE_NUMBER_GAP = 7 * mm  # 一字线 below the 版心
PARAGRAPH_INDENT = 2 * CHAR_PITCH  # 左空二字

# Ideographic em box: the baseline sits ~12 % of the size above the box bottom.
CJK_DESCENT = 0.12


def baseline_offset(size: float, pitch: float = LINE_PITCH) -> float:
    """Distance from the top of a grid line down to the baseline, em box centred in the line."""
    return (pitch - size) / 2 + size * (1 - CJK_DESCENT)
