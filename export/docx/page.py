"""The Word page and fonts: GB/T 9704's 版心 and grid, the sizes, and the font names Word
and WPS know for each role."""

from __future__ import annotations

import math
import unicodedata

from docx.shared import Mm

# GB/T 9704: 版心 156 × 225 mm, 37 mm from the top, 28 mm from the left; 22 lines × 28 chars.
PAGE_W, PAGE_H = Mm(210), Mm(297)
TOP, LEFT, BLOCK_W, BLOCK_H = 37.0, 28.0, 156.0, 225.0
LINES, CHARS = 22, 28
# Whole twips, rounded down: 580 twips (29.0 pt) makes 22 lines 638.0 pt, over the 637.8 pt
# of 225 mm, and LibreOffice then sets 21 lines a page (as does anything that keeps whole
# lines inside the block).
LINE_PITCH_PT = math.floor(BLOCK_H / LINES * 72 / 25.4 * 20) / 20  # 579 twips, 28.95 pt
CHAR_PITCH_PT = BLOCK_W / CHARS * 72 / 25.4  # ≈ 15.79 pt
BODY_PT, TITLE_PT, TABLE_PT, PAGE_NUMBER_PT = 16.0, 22.0, 10.5, 14.0
LATIN = "Times New Roman"
CELL_MARGIN_TWIPS = round(Mm(1.2).twips)  # left and right, so nothing touches a rule

# Role -> (font name as Word and WPS know it, alternative names for the font table).
DOCX_FONTS = {
    "xiaobiaosong": ("方正小标宋简体", ("方正小标宋_GBK", "华文中宋", "宋体")),
    "fangsong": ("仿宋_GB2312", ("仿宋", "FangSong")),
    "heiti": ("黑体", ("SimHei",)),
    "kaiti": ("楷体_GB2312", ("楷体", "KaiTi")),
    "songti": ("宋体", ("SimSun",)),
}


def grid_chars(text: str) -> float:
    """Width in grid characters: full-width one, digits and letters about a half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)
