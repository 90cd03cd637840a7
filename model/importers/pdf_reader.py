"""A PDF with a text layer -> the neutral document: paragraphs in reading order, ruled tables.

The page is read with PDFium (pypdfium2): its characters with their boxes, and the strokes
drawn for table borders, from which :mod:`model.importers.pdf_tables` finds the ruled tables.
Characters inside a table go to its cells; the others are grouped into lines, lines into
paragraphs (a line that stops short of the right margin or a next line that is indented ends a
paragraph). Running heads and page numbers — lines in the top or bottom margin that repeat on
most pages, or that are only a page number — are dropped. A PDF without text (a scan) or with
a password is refused with advice.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import Any

from model.errors import ReportImportError
from model.importers.document import (
    Block,
    Paragraph,
    ReadDocument,
    TableBlock,
    TableCell,
    clean_text,
)
from model.importers.headings import parse_heading
from model.importers.limits import MAX_PDF_PAGES, Budget
from model.importers.pdf_tables import RuledTable, Segment, find_tables, segments_from_path

_PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*(?:第\s*)?\d{1,4}(?:\s*[/／]\s*\d{1,4})?(?:\s*页)?(?:\s*[,，]?\s*共\s*\d+\s*页)?[-—–－\s]*$"
)
MARGIN_SHARE = 0.09  # the top and bottom 9% of a page hold running heads and page numbers
MAX_PATH_SEGMENTS = 200_000
_CONTINUED = re.compile(r"^[（(]?续表\s*[0-9一二三四五六七八九十]*[）)]?\s*[:：]?$")


@dataclass
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class _Line:
    top: float
    x0: float
    x1: float
    size: float
    text: str
    bottom: float = 0.0


def read_pdf(data: bytes, name: str) -> ReadDocument:
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError as exc:
        raise ReportImportError("本程序缺少读取 PDF 的组件，请重新安装本程序。") from exc
    budget = Budget(name, "PDF")
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:  # PdfiumError for passwords and damage alike
        raise _open_error(exc, name) from exc
    try:
        count = len(pdf)
        if count > MAX_PDF_PAGES:
            raise ReportImportError(
                f"PDF「{name}」有 {count} 页，超过 {MAX_PDF_PAGES} 页，不像是一份年度报告，"
                "没有导入。请确认选择的文件是否正确。"
            )
        per_page: list[list[tuple[float, Any]]] = []
        margins: list[tuple[set[str], set[str]]] = []
        any_text = False
        for number in range(count):
            try:
                page = pdf[number]
                items, head, foot, has_text = _page(page, raw, budget)
            except ReportImportError:
                raise
            except Exception as exc:
                raise ReportImportError(
                    f"PDF「{name}」第 {number + 1} 页无法读取（文件可能已损坏），没有导入。"
                    "请重新下载该文件，或在 PDF 阅读器中「另存为」后再导入。"
                ) from exc
            any_text = any_text or has_text
            per_page.append(items)
            margins.append((head, foot))
            budget.check_time()
    finally:
        pdf.close()
    if not any_text:
        raise ReportImportError(
            f"PDF「{name}」中没有文字层，像是扫描件或图片，无法读出文字，没有导入。"
            "请找报告的 Word、网页或带文字的 PDF 版本；或先用文字识别（OCR）软件转成文字，"
            "另存为 .txt 后再导入。"
        )
    repeated = _repeated(margins)
    out = ReadDocument(kind="PDF")
    dropped = 0
    blocks: list[tuple[Block, bool]] = []
    lines_since_table = True
    for items in per_page:
        lines: list[_Line] = []
        for _, item in items:
            if isinstance(item, _Line):
                if item.text in repeated or _PAGE_NUMBER.match(item.text):
                    dropped += 1
                    continue
                if _CONTINUED.match(item.text):
                    continue  # 「续表」 over a table's next page: the table goes on
                lines.append(item)
                lines_since_table = True
            else:
                blocks.extend(_paragraphs(lines))
                lines = []
                last = blocks[-1][0] if blocks else None
                if isinstance(last, TableBlock) and not lines_since_table:
                    _continue_table(last, item)  # the table goes on over the page break
                else:
                    blocks.append((item, True))
                lines_since_table = False
                continue
        blocks.extend(_paragraphs(lines))
    out.blocks = _join_across_pages(blocks)
    if dropped:
        out.notes.append(f"已略去 PDF 的页眉、页脚和页码 {dropped} 行。")
    return out


def _continue_table(table: TableBlock, more: TableBlock) -> None:
    """Rows of a table continued on the next page. A row Word split over the break (its
    cells laid out alike, the second part not starting a new label) becomes one row again."""
    rows = list(more.rows)
    if rows and table.rows:
        # a side label spanning rows is drawn again, empty, at the top of the new page
        first = list(rows[0])
        while len(first) > len(table.rows[-1]) and first and not first[0].text:
            first.pop(0)
        rows[0] = first
    if table.rows and rows and _split_row(table.rows[-1], rows[0]):
        first = rows.pop(0)
        table.rows[-1] = [
            TableCell(clean_text(a.text + b.text), a.rowspan, a.colspan)
            for a, b in zip(table.rows[-1], first, strict=True)
        ]
    table.rows.extend(rows)


_LABEL_START = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[一二三四五六七八九十]+、)"
)


def _split_row(last: list[TableCell], first: list[TableCell]) -> bool:
    if len(last) != len(first) or any(
        a.colspan != b.colspan for a, b in zip(last, first, strict=True)
    ):
        return False
    texts = [c.text for c in first if c.text]
    return bool(texts) and not _LABEL_START.match(texts[0]) and not texts[0][0].isdigit()


def _open_error(exc: Exception, name: str) -> ReportImportError:
    words = f"{type(exc).__name__} {exc!r} {exc.__cause__!r}".lower()
    if "password" in words or "encrypt" in words or "decrypt" in words:
        return ReportImportError(
            f"PDF「{name}」设有密码（已加密），无法读取，没有导入。"
            "请向发布单位索取未加密的版本，或在 PDF 阅读器中输入密码后「另存为」不加密的 PDF。"
        )
    return ReportImportError(
        f"文件「{name}」不是完整的 PDF，可能已损坏或只下载了一部分，没有导入。"
        "请重新下载该文件后再导入。"
    )


def _page(
    page: Any, raw: Any, budget: Budget
) -> tuple[list[tuple[float, Any]], set[str], set[str], bool]:
    """One page: (top, line or table) in reading order, its margin lines, whether it has text."""
    height = float(page.get_height())
    chars = _chars(page, raw, height)
    tables = find_tables(_segments(page, raw, height))
    items: list[tuple[float, Any]] = []
    outside: list[_Char] = []
    placed: list[tuple[RuledTable, list[list[_Char]]]] = [
        (t, [[] for _ in t.cells]) for t in tables if len(t.cells) >= 2
    ]
    for char in chars:
        cx, cy = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
        for table, contents in placed:
            x0, top, x1, bottom = table.box
            if x0 <= cx <= x1 and top <= cy <= bottom:
                for n, cell in enumerate(table.cells):
                    c0, ct, c1, cb = cell.box
                    if c0 <= cx <= c1 and ct <= cy <= cb:
                        contents[n].append(char)
                        break
                break
        else:
            outside.append(char)
    for table, contents in placed:
        rows: list[list[TableCell]] = [[] for _ in range(table.rows)]
        for cell, content in zip(table.cells, contents, strict=True):
            text = clean_text("\n".join(line.text for line in _lines(content)))
            rows[cell.row].append(TableCell(text, cell.rowspan, cell.colspan))
        budget.table(len(table.cells))
        items.append((table.box[1], TableBlock([row for row in rows if row])))
    head: set[str] = set()
    foot: set[str] = set()
    for line in _lines(outside):
        budget.block(len(line.text))
        if line.top < height * MARGIN_SHARE:
            head.add(line.text)
        elif line.bottom > height * (1 - MARGIN_SHARE):
            foot.add(line.text)
        items.append((line.top, line))
    items.sort(key=lambda pair: pair[0])
    return items, head, foot, any(not ch.text.isspace() for ch in chars)


def _chars(page: Any, raw: Any, height: float) -> list[_Char]:
    """The page's characters with their boxes (the font's box: its height is the size)."""
    textpage = page.get_textpage()
    handle = textpage.raw
    rect = raw.FS_RECTF()
    get_unicode = raw.FPDFText_GetUnicode
    get_box = raw.FPDFText_GetLooseCharBox
    box = ctypes.byref(rect)
    try:
        out = []
        for i in range(raw.FPDFText_CountChars(handle)):
            code = get_unicode(handle, i)
            if code in (0, 10, 13, 0xFFFE, 0xFFFF) or code > 0x10FFFF:
                continue
            if not get_box(handle, i, box):
                continue
            top, bottom = height - rect.top, height - rect.bottom
            out.append(_Char(chr(code), rect.left, rect.right, top, bottom, bottom - top))
        return out
    finally:
        textpage.close()


def _segments(page: Any, raw: Any, height: float) -> list[Segment]:
    segments: list[Segment] = []
    total = 0
    matrix = raw.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, index)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        count = max(raw.FPDFPath_CountSegments(obj), 0)
        total += count
        if total > MAX_PATH_SEGMENTS:
            break  # a drawing, not table borders
        points: list[tuple[int, float, float, bool]] = []
        for i in range(count):
            segment = raw.FPDFPath_GetPathSegment(obj, i)
            if not raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
                continue
            px = a * x.value + c * y.value + e
            py = b * x.value + d * y.value + f
            kind = int(raw.FPDFPathSegment_GetType(segment))
            closes = bool(raw.FPDFPathSegment_GetClose(segment))
            points.append((kind, px, height - py, closes))
        segments.extend(segments_from_path(points))
    return segments


def _lines(chars: list[_Char]) -> list[_Line]:
    """Characters -> lines: same baseline band, left to right; a space or a wide gap between
    two Latin letters is a space. Text set with letter spacing (a justified short line,
    分散对齐 in a table) gets no spaces: Chinese has none between its characters, and digits
    spread apart are still one number."""
    if not chars:
        return []
    ordered = sorted(chars, key=lambda ch: (ch.top + ch.bottom) / 2)
    bands: list[list[_Char]] = []
    band_top = band_bottom = 0.0
    for char in ordered:
        middle = (char.top + char.bottom) / 2
        if bands and band_top - 1 <= middle <= band_bottom + 1:
            bands[-1].append(char)
            band_top = min(band_top, char.top)
            band_bottom = max(band_bottom, char.bottom)
            continue
        bands.append([char])
        band_top, band_bottom = char.top, char.bottom
    lines = []
    for band in bands:
        band.sort(key=lambda ch: ch.x0)
        text = ""
        previous: _Char | None = None
        spaced = False  # a space character since the previous one
        for char in band:
            if char.text.isspace():
                spaced = True
                continue
            if (
                previous is not None
                and (spaced or char.x0 - previous.x1 > max(char.size, 1) * 0.6)
                and _is_latin_letter(previous.text)
                and _is_latin_letter(char.text)
            ):
                text += " "  # between words; spread digits (「2 0 2 4」) stay one number
            text += char.text
            previous = char
            spaced = False
        text = clean_text(text)
        shown = [ch for ch in band if not ch.text.isspace()]  # a space's box is no extent
        if text and shown:
            lines.append(
                _Line(
                    min(ch.top for ch in shown),
                    shown[0].x0,
                    max(ch.x1 for ch in shown),
                    max(ch.size for ch in shown),
                    text,
                    max(ch.bottom for ch in shown),
                )
            )
    return lines


def _is_latin_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _repeated(margins: list[tuple[set[str], set[str]]]) -> set[str]:
    """Margin lines printed on at least half of the pages (and on two or more)."""
    if len(margins) < 2:
        return set()
    counts: dict[str, int] = {}
    for head, foot in margins:
        for text in head | foot:
            key = re.sub(r"\d+", "#", text)
            counts[key] = counts.get(key, 0) + 1
    keys = {k for k, n in counts.items() if n >= max(2, len(margins) // 2)}
    return {t for head, foot in margins for t in head | foot if re.sub(r"\d+", "#", t) in keys}


def _paragraphs(lines: list[_Line]) -> list[tuple[Paragraph, bool]]:
    """Lines -> paragraphs, each with whether its first line is indented: a short line, an
    indented next line or a heading ends a paragraph."""
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    right = _right_edge(lines)
    out: list[tuple[Paragraph, bool]] = []
    current = ""
    first_indented = False
    for n, line in enumerate(lines):
        size = line.size or 12.0
        indented = line.x0 > left + size * 1.2
        if current and (indented or parse_heading(line.text) is not None):
            out.append((Paragraph(current), first_indented))
            current = ""
        if not current:
            first_indented = indented
        current = _join(current, line.text)
        short = line.x1 < right - size * 1.5
        if short or parse_heading(line.text) is not None or n + 1 == len(lines):
            out.append((Paragraph(current), first_indented))
            current = ""
    return out


def _right_edge(lines: list[_Line]) -> float:
    """Where full lines end: the end most lines share (within 2 pt; the rightmost of equals),
    so that lines running past the margin (a long address, digits set wider) do not make
    every other line look short; the rightmost end when no two lines share one."""
    ends = sorted((line.x1 for line in lines), reverse=True)
    best, best_count = ends[0], 1
    for end in ends:
        count = sum(1 for other in ends if abs(other - end) <= 2.0)
        if count > best_count:
            best, best_count = end, count
    return max((e for e in ends if abs(e - best) <= 2.0), default=best)


def _join(current: str, text: str) -> str:
    if not current:
        return text
    if current[-1].isascii() and current[-1].isalpha() and text[0].isascii() and text[0].isalpha():
        return current + " " + text  # an English word wrapped; a number wraps without space
    return current + text


def _join_across_pages(blocks: list[tuple[Block, bool]]) -> list[Block]:
    """A paragraph cut by a page break (no closing punctuation, the next page's first line
    not indented) is one paragraph."""
    out: list[Block] = []
    for block, indented in blocks:
        last = out[-1] if out else None
        if (
            isinstance(block, Paragraph)
            and isinstance(last, Paragraph)
            and not indented
            and last.text[-1:] not in "。；：！？;:!?"
            and parse_heading(block.text) is None
            and parse_heading(last.text) is None
            and len(last.text) > 30
        ):
            out[-1] = Paragraph(_join(last.text, block.text))
        else:
            out.append(block)
    return out
