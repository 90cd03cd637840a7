"""Column widths of a statistics table: the format's relative widths, widened where a
column's longest word or number would not fit, so that nothing crosses a rule; the other
columns give up their share in proportion. Shared by the PDF and the Word file, each
measuring text its own way."""

from __future__ import annotations

from collections.abc import Callable

from export import outline as ol
from export.pdf import layout, words

Measure = Callable[[str], float]


def fit_widths(
    table: ol.Table,
    width: float,
    label_width: Measure,
    number_width: Measure,
    padding: float,
    size: float,
) -> list[float]:
    """Widths in the unit of ``width``; ``padding`` is a cell's inner margin on each side and
    ``size`` the table's font size (both in that unit)."""
    total = sum(table.widths) or 1.0
    widths = [width * w / total for w in table.widths]
    need = [0.0] * table.columns
    slack = 2 * padding + size / 20
    for cell in table.cells:
        if cell.colspan != 1 or not cell.text:
            continue
        if cell.kind == ol.VALUE:
            need[cell.col] = max(need[cell.col], number_width(cell.text) + slack)
            continue
        parts = words.segments(cell.text)
        narrow = widths[cell.col] < 3 * size
        if cell.rowspan >= 3 and narrow:  # a side label stacked down a narrow column
            parts = tuple(p for p in parts if words.is_numbering(p)) or (cell.text[0],)
        longest = max(label_width(p) for p in parts)
        need[cell.col] = max(need[cell.col], longest + slack)
    short = {i: need[i] - widths[i] for i in range(table.columns) if need[i] > widths[i]}
    if short:
        spare = {i: widths[i] - need[i] for i in range(table.columns) if i not in short}
        room = sum(max(s, 0.0) for s in spare.values())
        wanted = sum(short.values())
        take = min(1.0, room / wanted) if wanted else 0.0
        for i, extra in short.items():
            widths[i] += extra * take
        given = wanted * take
        for i, s in spare.items():
            if room > 0:
                widths[i] -= given * max(s, 0.0) / room
    return widths


def wrap_words(text: str, width: float, measure: Measure) -> list[str]:
    """``text`` broken between words into lines that fit ``width``.

    A word wider than the cell is broken between characters; 避头尾 holds as in the body.
    """
    lines: list[str] = []
    line = ""
    used = 0.0
    for word in words.segments(text):
        w = measure(word)
        if line and used + w > width + 0.01:
            lines.append(line)
            line, used = "", 0.0
        if w > width + 0.01 and len(word) > 1:
            for ch in word:  # a word wider than the cell: characters, 避头尾 kept
                cw = measure(ch)
                if line and used + cw > width + 0.01 and ch not in layout.NO_LINE_START:
                    lines.append(line)
                    line, used = "", 0.0
                line += ch
                used += cw
        else:
            line += word
            used += w
    if line:
        lines.append(line)
    return lines
