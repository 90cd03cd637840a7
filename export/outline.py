"""One outline of the printed document, from which the PDF, the Word file and the web page
are made, so all of them carry the same words in the same order.

The outline is plain data: title, preface paragraphs (with the contact sentence the 基本信息
fields add), section headings, paragraphs (with their 「一、」/「（一）」 leads), tables as
placed cells with their printed text, signature and date. Renderers decide the look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from export.pdf import layout
from model.cells import effective_values, format_cell_value
from model.formats import Format, TableDef
from model.printed import contact_for_print
from model.report import CellValue, Report

_LEVEL1 = re.compile(r"^[一二三四五六七八九十]{1,3}、")
_LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
LEAD_SENTENCE_LIMIT = 25  # a longer 「（一）……。」 lead is a sentence of body text, not a heading
HEADING_ONLY_LIMIT = 40

# Paragraph kinds.
BODY = "body"
CONTACT = "contact"  # the sentence made from the 基本信息 fields
EMPTY = "empty"  # the format's 「无」 for a section left empty

# Cell kinds.
HEAD = "head"  # a header cell (repeated on every page the table spans)
LABEL = "label"  # a row label in the body
SUBHEAD = "subhead"  # a header-styled row inside the body (table 二)
CAPTION = "caption"  # a block caption row
VALUE = "value"


@dataclass(frozen=True)
class Paragraph:
    text: str
    where: str  # where the clerk wrote it, e.g. 「一、总体情况 第2段」
    kind: str = BODY
    lead_level: int = 0  # 1: 「一、…」 lead in 黑体; 2: 「（一）…」 lead in 楷体; 0: none
    lead_length: int = 0  # characters of the lead (the rest is body text)
    heading_only: bool = False  # the paragraph is a sub-heading line alone
    lead_in: bool = False  # ends with 「：」 right before a table: stays with it


@dataclass(frozen=True)
class Heading:
    text: str
    section_id: str
    level: int = 1


@dataclass(frozen=True)
class Cell:
    row: int  # counted from the first header row
    col: int
    rowspan: int
    colspan: int
    text: str
    kind: str

    @property
    def centred(self) -> bool:
        return self.kind != LABEL


@dataclass(frozen=True)
class Table:
    id: str
    section_id: str
    columns: int
    widths: tuple[float, ...]  # relative widths from the format
    header_rows: int
    rows: int
    cells: tuple[Cell, ...]
    definition: TableDef = field(repr=False, compare=False)

    def row_groups(self) -> list[tuple[int, int]]:
        """Body rows tied together by row spans, as (first, last) row indexes."""
        tied = list(range(self.rows))
        for cell in self.cells:
            if cell.row >= self.header_rows and cell.rowspan > 1:
                end = cell.row + cell.rowspan - 1
                for r in range(cell.row, end + 1):
                    tied[r] = max(tied[r], end)
        groups: list[tuple[int, int]] = []
        r = self.header_rows
        while r < self.rows:
            end = tied[r]
            k = r
            while k <= end:
                end = max(end, tied[k])
                k += 1
            groups.append((r, end))
            r = end + 1
        return groups


@dataclass(frozen=True)
class Signature:
    signature: str
    date: str


def signature_offsets(
    signature_width: float, date_width: float, line_width: float, char: float
) -> tuple[float, float]:
    """Where the signature and the date start on their lines, in the unit of the widths
    (GB/T 9704 §7.3.5.2): the signature right-indented two characters (``char`` wide), the
    date below it starting two characters further right; a longer date is right-indented
    two characters and pushes the signature left. A missing one gets 0."""
    right = line_width - 2 * char
    if not signature_width:
        return 0.0, right - date_width
    if not date_width:
        return right - signature_width, 0.0
    if date_width + 2 * char <= signature_width:
        start = right - signature_width
        return start, start + 2 * char
    date_start = right - date_width
    return date_start - 2 * char, date_start


Block = Paragraph | Heading | Table


@dataclass(frozen=True)
class Outline:
    title: str  # may hold line breaks the clerk typed
    blocks: tuple[Block, ...]
    signature: Signature | None
    agency: str
    year: int | None
    format_name: str

    def text(self) -> str:
        """Every printed word in reading order, one block a line (for comparisons)."""
        out = [self.title.replace("\n", "")]
        for block in self.blocks:
            if isinstance(block, Table):
                out.extend(c.text.replace("\n", "") for c in block.cells if c.text)
            else:
                out.append(block.text)
        if self.signature:
            out += [t for t in (self.signature.signature, self.signature.date) if t]
        return "\n".join(out)


def report_title(report: Report, fmt: Format) -> str:
    return report.meta_value("title").strip() or fmt.title_for(report.agency, report.year)


def build_outline(report: Report, fmt: Format) -> Outline:
    """The printed document of ``report`` in ``fmt``."""
    blocks: list[Block] = []
    preface = [p for p in report.preamble if p.strip()]
    for n, text in enumerate(_split(preface), start=1):
        blocks.append(paragraph(text, f"前言 第{n}段"))
    contact = contact_for_print(report, fmt)
    if contact:
        blocks.append(paragraph(contact, "联系方式", kind=CONTACT))
    values: dict[str, CellValue] | None = None
    for section in fmt.sections:
        blocks.append(Heading(layout.clean_text(section.heading).strip(), section.id))
        texts = _split(report.paragraphs(section.id))
        table = fmt.table_for(section)
        for n, text in enumerate(texts, start=1):
            last = n == len(texts)
            blocks.append(
                paragraph(
                    text,
                    f"{section.heading} 第{n}段",
                    lead_in=last and table is not None and text.endswith(("：", ":")),
                )
            )
        if table is not None:
            if values is None:
                values = effective_values(report, fmt)
            blocks.append(outline_table(table, values, section.id))
        elif not texts:
            blocks.append(paragraph(fmt.empty_section_text, section.heading, kind=EMPTY))
    signature = layout.clean_text(report.meta_value("signature")).strip()
    date = layout.clean_text(report.meta_value("sign_date")).strip()
    return Outline(
        title=report_title(report, fmt),
        blocks=tuple(blocks),
        signature=Signature(signature, date) if signature or date else None,
        agency=report.agency,
        year=report.year,
        format_name=fmt.name,
    )


def _split(texts: list[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        out.extend(layout.split_paragraphs(text))
    return out


def paragraph(text: str, where: str, *, kind: str = BODY, lead_in: bool = False) -> Paragraph:
    """A body paragraph with its lead: 「一、…」 in 黑体 and 「（一）…」 in 楷体 up to the first
    。 (the rest is 仿宋); 「1.」 and 「（1）」 are plain body text (GB/T 9704 §7.3.3)."""
    level, lead, alone = lead_of(text)
    return Paragraph(text, where, kind, level, lead, alone, lead_in)


def lead_of(text: str) -> tuple[int, int, bool]:
    """(level, lead length, heading alone) of a paragraph."""
    n = len(text)
    level = 1 if _LEVEL1.match(text) else 2 if _LEVEL2.match(text) else 0
    if not level:
        return 0, 0, False
    stop = text.find("。")
    if 0 <= stop < LEAD_SENTENCE_LIMIT:
        lead = stop + 1
    elif n <= HEADING_ONLY_LIMIT:
        lead = n
    else:
        return 0, 0, False
    alone = lead >= n and n <= HEADING_ONLY_LIMIT and not text.endswith("。")
    return level, lead, alone


def outline_table(table: TableDef, values: dict[str, CellValue], section_id: str) -> Table:
    shift = table.header_rows
    cells: list[Cell] = []
    for c in table.header:
        cells.append(Cell(c.row, c.col, c.rowspan, c.colspan, _label(c.text), HEAD))
    for c in table.body:
        if c.is_value:
            text = format_cell_value(values.get(c.cell_id or ""), c.value_type)
            kind = VALUE
        else:
            text = _label(c.text)
            kind = CAPTION if c.style == "caption" else SUBHEAD if c.style == "header" else LABEL
            if kind == LABEL and c.rowspan > 1:
                kind = SUBHEAD  # a side label spanning rows is centred like a header
        cells.append(Cell(c.row + shift, c.col, c.rowspan, c.colspan, text, kind))
    return Table(
        id=table.id,
        section_id=section_id,
        columns=table.columns,
        widths=tuple(table.widths),
        header_rows=shift,
        rows=shift + table.body_rows,
        cells=tuple(cells),
        definition=table,
    )


def _label(text: str) -> str:
    return layout.clean_text(text).strip()
