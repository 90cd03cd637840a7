"""The outline as a .docx for reviewers: GB/T 9704 page, grid and fonts as Word and WPS name
them, heading styles, the statistics tables with merged cells, page numbers 「— N —」.

Fonts are named, not embedded: a PC with the official faces shows them; Word substitutes
its own elsewhere (the font table lists the usual alternative names).
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.text.paragraph import Paragraph as DocxParagraph

from export import outline as ol
from export.docx.page import (
    BLOCK_H,
    BLOCK_W,
    BODY_PT,
    CHAR_PITCH_PT,
    CHARS,
    DOCX_FONTS,
    LATIN,
    LEFT,
    LINE_PITCH_PT,
    PAGE_H,
    PAGE_NUMBER_PT,
    PAGE_W,
    TITLE_PT,
    TOP,
    grid_chars,
)
from export.docx.tables import add_table
from export.pdf import layout
from export.pdf_file import write_atomically
from model.formats import Format
from model.report import Report

__all__ = ["DOCX_FONTS", "DocxResult", "render_docx", "write_docx"]

_lock = threading.Lock()  # python-docx objects are built one document at a time


@dataclass
class DocxResult:
    """The file's bytes and what it names (pages are counted by Word when it lays it out)."""

    data: bytes
    fonts: dict[str, str]  # role name (仿宋 …) -> font named in the file
    paragraphs: int
    tables: int


def render_docx(report: Report, fmt: Format) -> DocxResult:
    return render_outline_docx(ol.build_outline(report.copy(), fmt))


def write_docx(report: Report, fmt: Format, path: Path) -> DocxResult:
    """Render and write atomically; raises ExportError with a Chinese message on failure."""
    result = render_docx(report, fmt)
    write_atomically(Path(path), result.data)
    return result


def render_outline_docx(outline: ol.Outline) -> DocxResult:
    with _lock:
        doc = Document()
        _page_setup(doc)
        _styles(doc)
        _font_table(doc)
        paragraphs = tables = 0
        _title(doc, outline.title)
        for block in outline.blocks:
            if isinstance(block, ol.Heading):
                _styled(doc, block.text, "Heading1")
                paragraphs += 1
            elif isinstance(block, ol.Paragraph):
                _paragraph(doc, block)
                paragraphs += 1
            else:
                add_table(doc, block)
                tables += 1
        if outline.signature is not None:
            _signature(doc, outline.signature)
        _page_numbers(doc)
        doc.core_properties.title = outline.title.replace("\n", "")
        doc.core_properties.author = outline.agency
        doc.core_properties.subject = outline.format_name or "政府信息公开工作年度报告"
        doc.core_properties.keywords = "政府信息公开；年度报告"
        buffer = io.BytesIO()
        doc.save(buffer)
    names = {ol_role: DOCX_FONTS[key][0] for key, ol_role in _ROLE_NAMES.items()}
    return DocxResult(buffer.getvalue(), names, paragraphs, tables)


_ROLE_NAMES = {
    "xiaobiaosong": "小标宋",
    "fangsong": "仿宋",
    "heiti": "黑体",
    "kaiti": "楷体",
    "songti": "宋体",
}


# --- page ---------------------------------------------------------------------------------
def _page_setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = PAGE_W, PAGE_H
    section.top_margin = Mm(TOP)
    section.bottom_margin = Mm(297 - TOP - BLOCK_H)
    section.left_margin = Mm(LEFT)
    section.right_margin = Mm(210 - LEFT - BLOCK_W)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(22)
    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))
    # charSpace counts from the Normal size (16 pt), as Word reads it: 15.79 pt a character.
    # LibreOffice 7.4 rounds each character up to whole cells instead (never narrowing it to
    # the pitch): two cells for 16 pt, 14 characters a line, whatever negative value is here.
    grid.set(qn("w:charSpace"), str(round((CHAR_PITCH_PT - BODY_PT) * 4096)))
    sect.append(grid)


def _styles(doc: DocxDocument) -> None:
    styles = doc.styles
    _defaults(doc)
    normal = styles["Normal"]
    _set_fonts(normal.element, "fangsong", BODY_PT)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(LINE_PITCH_PT)
    pf.space_before = pf.space_after = Pt(0)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.widow_control = True
    for name, role, level in (("Heading 1", "heiti", 0), ("Heading 2", "kaiti", 1)):
        style = styles[name]
        _set_fonts(style.element, role, BODY_PT)
        font = style.font
        font.bold = font.italic = False
        font.color.rgb = None
        spf = style.paragraph_format
        spf.space_before = spf.space_after = Pt(0)
        spf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        spf.line_spacing = Pt(LINE_PITCH_PT)
        spf.keep_with_next = True
        spf.first_line_indent = Pt(2 * CHAR_PITCH_PT)
        spf.alignment = WD_ALIGN_PARAGRAPH.LEFT
        _outline_level(style.element, level)
    title = styles["Title"]
    _set_fonts(title.element, "xiaobiaosong", TITLE_PT)
    title.font.bold = False
    title.font.color.rgb = None
    tpf = title.paragraph_format
    tpf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tpf.space_before = tpf.space_after = Pt(0)
    tpf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    tpf.line_spacing = Pt(LINE_PITCH_PT)
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)  # the template's title has a rule under it
    for name, role, size in (("Footer", "songti", PAGE_NUMBER_PT),):
        _set_fonts(styles[name].element, role, size)


def _defaults(doc: DocxDocument) -> None:
    """Document defaults at 3号仿宋 in Chinese: the character grid is counted from them."""
    root = doc.styles.element
    rpr = root.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is not None:
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
        rpr.append(lang)
        holder = _Holder(rpr)
        _set_fonts(holder, "fangsong", BODY_PT)
    ppr = root.find(qn("w:docDefaults") + "/" + qn("w:pPrDefault") + "/" + qn("w:pPr"))
    if ppr is not None:
        for old in ppr.findall(qn("w:spacing")):
            ppr.remove(old)


class _Holder:
    """Gives a bare rPr element the get_or_add_rPr() of a style or run."""

    def __init__(self, rpr: object) -> None:
        self.rpr = rpr

    def get_or_add_rPr(self) -> object:
        return self.rpr


def _set_fonts(style_or_run: object, role: str, size: float | None) -> None:
    """Latin in Times New Roman, East Asian text in the role's official face."""
    element = style_or_run
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)
    fonts.set(qn("w:cs"), LATIN)
    fonts.set(qn("w:eastAsia"), DOCX_FONTS[role][0])
    fonts.set(qn("w:hint"), "eastAsia")
    rpr.insert(0, fonts)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
            el = OxmlElement(tag)
            el.set(qn("w:val"), str(round(size * 2)))
            rpr.append(el)


def _outline_level(style_element: object, level: int) -> None:
    ppr = style_element.get_or_add_pPr()  # type: ignore[attr-defined]
    for old in ppr.findall(qn("w:outlineLvl")):
        ppr.remove(old)
    el = OxmlElement("w:outlineLvl")
    el.set(qn("w:val"), str(level))
    ppr.append(el)


def _font_table(doc: DocxDocument) -> None:
    """Alternative names, so Word on a PC with 仿宋 but no 仿宋_GB2312 uses 仿宋."""
    try:
        part = next(
            rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith("/fontTable")
        )
    except StopIteration:
        return
    root = parse_xml(part.blob)
    for name, alternatives in DOCX_FONTS.values():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        alt = OxmlElement("w:altName")
        alt.set(qn("w:val"), alternatives[0])
        font.append(alt)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        font.append(charset)
        root.append(font)
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- blocks -------------------------------------------------------------------------------
def _title(doc: DocxDocument, title: str) -> None:
    lines = [t.strip() for t in title.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    p = _styled(doc, "", "Title")
    first = True
    for line in lines:
        if not line:
            continue
        # balanced lines as in the PDF (梯形 or 菱形), not Word's greedy filling
        widths = [grid_chars(ch) * TITLE_PT for ch in line]
        for a, b in layout.balance_title(line, widths, Mm(BLOCK_W).pt):
            if not first:
                p.add_run().add_break()
            p.add_run(line[a:b])
            first = False
    p.paragraph_format.keep_with_next = True
    blank = doc.add_paragraph()  # one blank line before the body
    blank.paragraph_format.keep_with_next = True


def _styled(doc: DocxDocument, text: str, style_id: str) -> DocxParagraph:
    """A paragraph in a style given by its id (a lookup by name scans every style)."""
    p = doc.add_paragraph(text)
    p._p.style = style_id
    return p


def _paragraph(doc: DocxDocument, para: ol.Paragraph) -> None:
    if para.heading_only and para.lead_level in (1, 2):
        _styled(doc, para.text, "Heading1" if para.lead_level == 1 else "Heading2")
        return
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(2 * CHAR_PITCH_PT)
    _indent_chars(p, 2)
    if para.lead_level and para.lead_length:
        role = "heiti" if para.lead_level == 1 else "kaiti"
        lead = p.add_run(para.text[: para.lead_length])
        _set_fonts(lead._r, role, None)
        p.add_run(para.text[para.lead_length :])
    else:
        p.add_run(para.text)
    if para.lead_in:
        p.paragraph_format.keep_with_next = True


def _indent_chars(p: DocxParagraph, chars: int) -> None:
    """First-line indent in characters (Word and WPS keep it at two characters whatever the
    font size), beside the absolute value for other readers."""
    ind = p.paragraph_format._element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))


def _signature(doc: DocxDocument, sig: ol.Signature) -> None:
    """Signature and date placed as in the PDF (:func:`export.outline.signature_offsets`)."""
    sig_x, date_x = ol.signature_offsets(
        grid_chars(sig.signature), grid_chars(sig.date), CHARS, 1.0
    )
    doc.add_paragraph()
    for text, x in ((sig.signature, sig_x), (sig.date, date_x)):
        if not text:
            continue
        p = doc.add_paragraph(text)
        pf = p.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
        pf.left_indent = Twips(round(max(x, 0.0) * CHAR_PITCH_PT * 20))
        pf.keep_together = True


def _page_numbers(doc: DocxDocument) -> None:
    """「— N —」 in 4号宋体 with a PAGE field: odd pages right, even pages left, 空一字."""
    settings = doc.settings.element
    if settings.find(qn("w:evenAndOddHeaders")) is None:
        settings.append(OxmlElement("w:evenAndOddHeaders"))
    section = doc.sections[0]
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p._p.style = "Footer"
        pf = p.paragraph_format
        pf.alignment = alignment
        indent = Pt(PAGE_NUMBER_PT)
        if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
            pf.right_indent = indent
        else:
            pf.left_indent = indent
        p.add_run("— ")
        _page_field(p)
        p.add_run(" —")


def _page_field(p: DocxParagraph) -> None:
    run = p.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    run = p.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run._r.append(instr)
    run = p.add_run()
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run._r.append(sep)
    p.add_run("1")
    run = p.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)
