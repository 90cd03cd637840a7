"""The neutral document every reader produces: paragraphs and tables in reading order.

A reader (.docx, .html, .pdf, .txt) only says what the file contains; where each part goes
in a report is decided once, by :mod:`model.importers.placing`, whatever the file type.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TableCell:
    """One cell as written in the source, at the grid slot where it starts."""

    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class TableBlock:
    """A table: each row lists the cells that start in it (as in HTML)."""

    rows: list[list[TableCell]] = field(default_factory=list)

    def text_rows(self) -> list[list[str]]:
        """Each row's own cells (spanned slots not repeated), texts only."""
        return [[c.text for c in row] for row in self.rows]

    def cell_count(self) -> int:
        return sum(len(row) for row in self.rows)

    def as_lines(self) -> list[str]:
        """The table written as text, one row a line, cells joined by 「 | 」."""
        lines = []
        for row in self.text_rows():
            texts = [t for t in row if t.strip()]
            if texts:
                lines.append(" | ".join(texts))
        return lines


@dataclass(frozen=True)
class Paragraph:
    text: str
    heading_level: int = 0  # 1.. when the source marks it as a heading (a Word style)


Block = Paragraph | TableBlock


@dataclass
class ReadDocument:
    """What a reader found, with notes for the clerk (e.g. running heads removed)."""

    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what the clerk should check
    kind: str = "文本"  # the file type in words, for messages

    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]


def clean_text(text: str) -> str:
    """Line breaks inside a cell or paragraph are layout; runs of spaces become one."""
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    lines = [" ".join(part.split()) for part in text.splitlines()]
    joined = ""
    for line in lines:
        if not line:
            continue
        if joined and (joined[-1].isascii() and line[0].isascii()):
            joined += " "
        joined += line
    return joined.strip()
