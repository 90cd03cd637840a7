"""A Word .docx -> the neutral document: paragraphs in order, tables with merged cells.

The body is walked in document order straight from its XML (python-docx opens the package),
so a table keeps its place between the paragraphs. Merged cells are read from the source:
``w:gridSpan`` is a colspan, a ``w:vMerge`` continuation adds to the rowspan of the cell that
started above in the same grid column.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from model.errors import ReportImportError
from model.importers.chrome import HEADING_START
from model.importers.document import Paragraph, ReadDocument, TableBlock, TableCell, clean_text
from model.importers.limits import MAX_ZIP_MEMBER_BYTES, Budget

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, name: str) -> ReadDocument:
    _check_package(data, name)
    try:
        import docx
    except ImportError as exc:  # a dependency; a broken installation says so
        raise ReportImportError("本程序缺少读取 Word 文档的组件，请重新安装本程序。") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        raise ReportImportError(
            f"文件「{name}」不是完整的 Word 文档（.docx），可能已损坏或只下载了一部分，没有导入。"
            "请在 Word 或 WPS 中打开它，确认能正常显示后「另存为」.docx 再导入。"
        ) from exc
    budget = Budget(name, "Word 文档")
    out = ReadDocument(kind="Word 文档（.docx）")
    styles = _heading_styles(document)
    numbered_styles = _numbered_styles(document)
    numbered = 0
    for child in _body_children(document.element.body):
        if child.tag == _W + "p":
            text = _paragraph_text(child)
            budget.block(len(text))
            if not text:
                continue
            style = _style_id(child)
            level = styles.get(style, 0)
            if level == 1 and (_has_numbering(child) or style in numbered_styles):
                numbered += 1
                if not HEADING_START.match(text):  # Word shows 「一、」 from its list numbering
                    text = f"{chinese_numeral(numbered)}、{text}"
            out.blocks.append(Paragraph(text, level))
        elif child.tag == _W + "tbl":
            table = _table(child, budget, 0)
            if table.rows:
                out.blocks.append(table)
    return out


def _body_children(body: Any) -> Any:
    """The body's paragraphs and tables in order, also those inside content controls."""
    for child in body.iterchildren():
        if child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _body_children(content)
        else:
            yield child


def _check_package(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            info = package.getinfo("word/document.xml")
    except KeyError as exc:
        raise ReportImportError(
            f"文件「{name}」是压缩包，但不是 Word 文档（.docx），没有导入。"
            "请选择年度报告的 Word、网页、PDF 或文本文件。"
        ) from exc
    except zipfile.BadZipFile as exc:
        raise ReportImportError(
            f"文件「{name}」不是完整的 Word 文档（.docx），可能已损坏或只下载了一部分，没有导入。"
            "请在 Word 或 WPS 中打开它，确认能正常显示后「另存为」.docx 再导入。"
        ) from exc
    if info.file_size > MAX_ZIP_MEMBER_BYTES:
        raise ReportImportError(
            f"文件「{name}」的正文解压后超过 {MAX_ZIP_MEMBER_BYTES // (1024 * 1024)} MB，"
            "不像是一份年度报告，没有导入。请确认选择的文件是否正确。"
        )


def _heading_styles(document: Any) -> dict[str, int]:
    """Style id -> heading level for the document's heading styles (标题 1, Heading 2 …)."""
    levels: dict[str, int] = {}
    try:
        for style in document.styles:
            style_name = str(getattr(style, "name", "") or "")
            for prefix in ("Heading ", "heading ", "标题 ", "标题"):
                rest = style_name[len(prefix) :]
                if style_name.startswith(prefix) and rest.strip().isdigit():
                    levels[str(style.style_id)] = int(rest.strip())
    except Exception:  # styles are a nicety; a damaged styles part must not stop the import
        return {}
    return levels


def _numbered_styles(document: Any) -> set[str]:
    """Styles whose paragraphs Word numbers automatically (a numbering in the style)."""
    found: set[str] = set()
    try:
        for style in document.styles:
            ppr = style.element.find(_W + "pPr")
            if ppr is not None and ppr.find(_W + "numPr") is not None:
                found.add(str(style.style_id))
    except Exception:  # a damaged styles part: no automatic numbers, the text as it is
        return set()
    return found


def _has_numbering(paragraph: Any) -> bool:
    ppr = paragraph.find(_W + "pPr")
    return ppr is not None and ppr.find(_W + "numPr") is not None


def chinese_numeral(n: int) -> str:
    """1 … 99 -> 一 … 九十九."""
    digits = "一二三四五六七八九"
    if n < 10:
        return digits[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens - 1]) + "十" + (digits[ones - 1] if ones else "")


def _style_id(paragraph: Any) -> str:
    ppr = paragraph.find(_W + "pPr")
    style = ppr.find(_W + "pStyle") if ppr is not None else None
    return str(style.get(_W + "val")) if style is not None else ""


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    for node in paragraph.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        if node.tag == _W + "t":
            parts.append(node.text or "")
        elif node.tag == _W + "tab":
            parts.append(" ")
        else:
            parts.append("\n")
    return clean_text("".join(parts))


def _cell_text(cell: Any, budget: Budget, depth: int) -> str:
    texts: list[str] = []
    for child in cell.iterchildren():
        if child.tag == _W + "p":
            texts.append(_paragraph_text(child))
        elif child.tag == _W + "tbl":  # a table inside a cell: its text, row by row
            inner = _table(child, budget, depth + 1)
            texts.extend(inner.as_lines())
    return clean_text("\n".join(t for t in texts if t))


def _table(element: Any, budget: Budget, depth: int) -> TableBlock:
    budget.nesting(depth + 1)
    rows: list[list[TableCell]] = []
    # grid column -> (row index, index in row) of the cell that a vMerge continues
    open_cells: dict[int, tuple[int, int]] = {}
    spans: dict[tuple[int, int], int] = {}
    count = 0
    for r, tr in enumerate(element.iterchildren(_W + "tr")):
        row: list[TableCell] = []
        col = 0
        for tc in tr.iterchildren(_W + "tc"):
            count += 1
            tcpr = tc.find(_W + "tcPr")
            span = 1
            merge: str | None = None
            if tcpr is not None:
                grid = tcpr.find(_W + "gridSpan")
                if grid is not None:
                    span = max(1, min(_int(grid.get(_W + "val"), 1), 64))
                vmerge = tcpr.find(_W + "vMerge")
                if vmerge is not None:
                    merge = vmerge.get(_W + "val") or "continue"
            if merge == "continue" and col in open_cells:
                origin = open_cells[col]
                spans[origin] = spans.get(origin, 1) + 1
            else:
                row.append(TableCell(_cell_text(tc, budget, depth), 1, span))
                if merge == "restart":
                    open_cells[col] = (r, len(row) - 1)
                else:
                    open_cells.pop(col, None)
            col += span
        rows.append(row)
    budget.table(count)
    for (r, i), rowspan in spans.items():
        cell = rows[r][i]
        rows[r][i] = TableCell(cell.text, rowspan, cell.colspan)
    return TableBlock(rows)


def _int(value: Any, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default
