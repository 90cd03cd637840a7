"""A PDF with a text layer -> the neutral document: paragraphs in reading order, ruled tables.

Each page's ruled tables are found from their lines (pdfplumber); the words outside them are
grouped into lines, lines into paragraphs (a line that stops short of the right margin or a
next line that is indented ends a paragraph). Running heads and page numbers — lines in the
top or bottom margin that repeat on most pages, or that are only a page number — are dropped.
A PDF without text (a scan) or with a password is refused with advice.
"""

from __future__ import annotations

import io
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

_PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*(?:第\s*)?\d{1,4}(?:\s*[/／]\s*\d{1,4})?(?:\s*页)?(?:\s*[,，]?\s*共\s*\d+\s*页)?[-—–－\s]*$"
)
MARGIN_SHARE = 0.09  # the top and bottom 9% of a page hold running heads and page numbers


@dataclass
class _Line:
    top: float
    x0: float
    x1: float
    size: float
    text: str


def read_pdf(data: bytes, name: str) -> ReadDocument:
    try:
        import pdfplumber
    except ImportError as exc:
        raise ReportImportError("本程序缺少读取 PDF 的组件，请重新安装本程序。") from exc
    budget = Budget(name, "PDF")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises its own kinds for passwords and damage
        raise _open_error(exc, name) from exc
    with pdf:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise _open_error(exc, name) from exc
        if len(pages) > MAX_PDF_PAGES:
            raise ReportImportError(
                f"PDF「{name}」有 {len(pages)} 页，超过 {MAX_PDF_PAGES} 页，不像是一份年度报告，"
                "没有导入。请确认选择的文件是否正确。"
            )
        per_page: list[list[tuple[float, Any]]] = []
        margins: list[tuple[set[str], set[str]]] = []
        any_text = False
        for page in pages:
            try:
                items, head, foot, has_text = _page(page, budget)
            except ReportImportError:
                raise
            except Exception as exc:
                raise ReportImportError(
                    f"PDF「{name}」第 {page.page_number} 页无法读取（文件可能已损坏），没有导入。"
                    "请重新下载该文件，或在 PDF 阅读器中「另存为」后再导入。"
                ) from exc
            any_text = any_text or has_text
            per_page.append(items)
            margins.append((head, foot))
            budget.check_time()
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
    for items in per_page:
        lines: list[_Line] = []
        for _, item in items:
            if isinstance(item, _Line):
                if item.text in repeated or _PAGE_NUMBER.match(item.text):
                    dropped += 1
                    continue
                lines.append(item)
            else:
                blocks.extend(_paragraphs(lines))
                lines = []
                blocks.append((item, True))
        blocks.extend(_paragraphs(lines))
    out.blocks = _join_across_pages(blocks)
    if dropped:
        out.notes.append(f"已略去 PDF 的页眉、页脚和页码 {dropped} 行。")
    return out


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


def _page(page: Any, budget: Budget) -> tuple[list[tuple[float, Any]], set[str], set[str], bool]:
    """One page: (top, line or table) in reading order, its margin lines, whether it has text."""
    has_text = bool(page.chars)
    tables = page.find_tables() if page.rects or page.lines else []
    items: list[tuple[float, Any]] = []
    boxes = []
    for table in tables:
        rows = [[c for c in row if c is not None] for row in table.extract()]
        cells = [[TableCell(clean_text(c or "")) for c in row] for row in rows]
        cells = [row for row in cells if row]
        if not cells or len(rows) < 2:
            continue
        budget.table(sum(len(r) for r in cells))
        boxes.append(table.bbox)
        items.append((float(table.bbox[1]), TableBlock(cells)))
    outside = page
    for box in boxes:
        outside = outside.outside_bbox(box)
    height = float(page.height)
    head: set[str] = set()
    foot: set[str] = set()
    for raw in outside.extract_text_lines(layout=False, strip=True, return_chars=True):
        text = clean_text(raw["text"])
        if not text:
            continue
        chars = raw.get("chars") or []
        size = max((float(c.get("size", 0)) for c in chars), default=0.0)
        line = _Line(float(raw["top"]), float(raw["x0"]), float(raw["x1"]), size, text)
        budget.block(len(text))
        if line.top < height * MARGIN_SHARE:
            head.add(text)
        elif float(raw["bottom"]) > height * (1 - MARGIN_SHARE):
            foot.add(text)
        items.append((line.top, line))
    items.sort(key=lambda pair: pair[0])
    return items, head, foot, has_text


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
    right = max(line.x1 for line in lines)
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
