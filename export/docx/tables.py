"""The statistics tables in the .docx, written as WordprocessingML directly: merged cells,
rules, header rows repeated on every page, rows never torn, labels broken between words."""

from __future__ import annotations

from html import escape

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from export import outline as ol
from export.docx.page import (
    BLOCK_W,
    CELL_MARGIN_TWIPS,
    DOCX_FONTS,
    LATIN,
    LINE_PITCH_PT,
    TABLE_PT,
    grid_chars,
)
from export.table_widths import fit_widths, wrap_words


def add_table(doc: DocxDocument, table: ol.Table) -> None:
    """The table written as XML directly (python-docx's cell access is quadratic)."""
    block = Mm(BLOCK_W).pt
    fitted = fit_widths(table, block, _em_width, _em_width, Mm(1.2).pt, TABLE_PT)
    widths = [round(w * 20) for w in fitted]  # twips
    t = doc.add_table(rows=0, cols=table.columns)
    t._tbl.tblPr.style = "TableGrid"  # by id: looking styles up by name is slow
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _table_layout_fixed(t)
    for col, width in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(width))
    starts = {(c.row, c.col): c for c in table.cells}
    covered: dict[tuple[int, int], ol.Cell] = {}  # below the first row of a merged cell
    for c in table.cells:
        for r in range(c.row + 1, c.row + c.rowspan):
            covered[(r, c.col)] = c
    rows: list[str] = []
    for r in range(table.rows):
        # a row is never torn across pages; header rows repeat at the top of each page
        head = "<w:tblHeader/>" if r < table.header_rows else ""
        cells: list[str] = []
        col = 0
        while col < table.columns:
            cell = starts.get((r, col))
            merged = covered.get((r, col))
            if cell is not None:
                cells.append(_tc(cell, widths, "restart" if cell.rowspan > 1 else ""))
                col += cell.colspan
            elif merged is not None:
                cells.append(_tc(merged, widths, "continue"))
                col += merged.colspan
            else:
                cells.append(_tc(ol.Cell(r, col, 1, 1, "", ol.LABEL), widths, ""))
                col += 1
        rows.append(f"<w:tr><w:trPr><w:cantSplit/>{head}</w:trPr>{''.join(cells)}</w:tr>")
    fragment = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")
    for tr in list(fragment):
        t._tbl.append(tr)
    after = doc.add_paragraph()  # Word needs a paragraph between a table and what follows
    after.paragraph_format.line_spacing = Pt(LINE_PITCH_PT / 2)


_TABLE_FONTS = {
    role: (
        f'<w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:cs="{LATIN}" '
        f'w:eastAsia="{DOCX_FONTS[role][0]}" w:hint="eastAsia"/>'
    )
    for role in ("fangsong", "heiti")
}


def _tc(cell: ol.Cell, widths: list[int], vmerge: str) -> str:
    """One table cell as WordprocessingML (a merged cell's lower parts are empty)."""
    width = sum(widths[cell.col : cell.col + cell.colspan])
    span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
    merge = {"restart": '<w:vMerge w:val="restart"/>', "continue": "<w:vMerge/>"}.get(vmerge, "")
    align = "center" if cell.centred else "left"
    run = ""
    if vmerge != "continue" and cell.text:
        fonts = _TABLE_FONTS["heiti" if cell.kind == ol.CAPTION else "fangsong"]
        size = round(TABLE_PT * 2)
        if cell.kind == ol.VALUE:
            lines = [cell.text]
        else:  # line breaks between words, as in the PDF (Word would cut 「不予公开」)
            room = (width - 2 * CELL_MARGIN_TWIPS) / 20 - 0.25
            lines = wrap_words(cell.text, room, _em_width)
        text = "<w:br/>".join(f'<w:t xml:space="preserve">{_text(t)}</w:t>' for t in lines)
        run = (
            f'<w:r><w:rPr>{fonts}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>{text}</w:r>'
        )
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}'
        f'<w:vAlign w:val="center"/></w:tcPr>'
        f'<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/>'
        f'<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="{align}"/></w:pPr>'
        f"{run}</w:p></w:tc>"
    )


def _table_layout_fixed(t: object) -> None:
    tblpr = t._tbl.tblPr  # type: ignore[attr-defined]
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tblpr.append(margins)


def _em_width(text: str) -> float:
    """Width at the table's size in points: a full-width character one em, others half."""
    return grid_chars(text) * TABLE_PT


def _text(text: str) -> str:
    return escape(text, quote=False)  # element text: only & < > need escaping
