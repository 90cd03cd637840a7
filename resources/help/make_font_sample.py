"""Draw ``shipped_fonts.png`` for the guide: a line in each shipped stand-in face, so the
clerk sees what a printout without the official fonts looks like.

Run from the repository root after the shipped fonts change:
``QT_QPA_PLATFORM=offscreen python resources/help/make_font_sample.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from export.pdf.fonts import ROLE_NAMES, ROLE_USES, ROLES, SHIPPED  # noqa: E402
from model.paths import fonts_dir  # noqa: E402

SAMPLES = {
    "xiaobiaosong": ("某区商务局2025年政府信息公开工作年度报告", 22),
    "fangsong": ("本年度共收到政府信息公开申请16件，均已按时答复。", 16),
    "heiti": ("一、总体情况", 16),
    "kaiti": ("（一）主动公开", 16),
    "songti": ("— 1 —", 14),
}
WIDTH, ROW, SCALE = 820, 44, 1.3  # pixels; a point is drawn as 1.3 px (as on a 96-dpi screen)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    image = QImage(WIDTH, ROW * len(ROLES) + 16, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    label_font = QFont()
    label_font.setPixelSize(15)
    for n, role in enumerate(ROLES):
        file_name, _index = SHIPPED[role]
        face_id = QFontDatabase.addApplicationFont(str(fonts_dir() / file_name))
        families = QFontDatabase.applicationFontFamilies(face_id) if face_id >= 0 else []
        y = 12 + n * ROW
        painter.setPen(QColor("#555"))
        painter.setFont(label_font)
        painter.drawText(QPoint(8, y + 26), f"{ROLE_USES[role]}（{ROLE_NAMES[role]}）")
        text, size = SAMPLES[role]
        font = QFont(families[0] if families else "")
        font.setPixelSize(round(size * SCALE))
        painter.setFont(font)
        painter.setPen(QColor("black"))
        left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(150, y, WIDTH - 160, ROW, left, text)
    painter.end()
    out = Path(__file__).resolve().parent / "shipped_fonts.png"
    image.save(str(out))
    print(out)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
