"""A saved web page (.html/.htm) -> the neutral document: the article, not the website.

Scripts, navigation, headers, footers, forms and elements named like chrome (breadcrumb, nav,
share, footer …) are removed first; the article is the element that holds most paragraph and
table text. Its title is taken from the page when the article itself does not carry it.
Tables keep their rowspan/colspan. What chrome is left around the title (索引号 boxes, dates)
is removed by the placer, which sees every file type.
"""

from __future__ import annotations

import re
from typing import Any

from model.errors import ReportImportError
from model.importers.chrome import looks_like_title
from model.importers.document import Paragraph, ReadDocument, TableBlock, TableCell, clean_text
from model.importers.limits import MAX_HTML_BYTES, MAX_NESTING, Budget

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "nav",
    "header",
    "footer",
    "aside",
    "select",
    "button",
    "input",
    "textarea",
    "object",
    "embed",
    "svg",
    "canvas",
    "template",
)
_CHROME_NAMES = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|weizhi|dqwz|"
    r"footer|foot|header|head|banner|share|fenxiang|print|toolbar|sidebar|side|links?|"
    r"copyright|search|login|ewm|qrcode|erweima|related|xgxx|pagination|pager)(?:$|[-_\s\d])",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "center",
        "address",
        "figure",
        "figcaption",
        "main",
        "body",
        "html",
        "tbody",
        "thead",
        "tfoot",
        "caption",
    ]
)


def read_html(data: bytes, name: str) -> ReadDocument:
    if len(data) > MAX_HTML_BYTES:
        raise ReportImportError(
            f"网页文件「{name}」有 {len(data) // (1024 * 1024)} MB，"
            f"超过 {MAX_HTML_BYTES // (1024 * 1024)} MB，不像是一份年度报告的网页，没有导入。"
            "请在浏览器中打开该网页，选择「另存为」→「网页，仅 HTML」后再导入。"
        )
    try:
        from lxml import etree, html
    except ImportError as exc:
        raise ReportImportError("本程序缺少读取网页的组件，请重新安装本程序。") from exc
    try:
        parser = html.HTMLParser(encoding=_encoding(data), remove_comments=True, huge_tree=False)
        root = html.fromstring(data, parser=parser)
    except (etree.ParserError, ValueError, TypeError) as exc:
        raise ReportImportError(
            f"文件「{name}」不是能读取的网页，没有导入。请在浏览器中重新「另存为」网页后再导入。"
        ) from exc
    budget = Budget(name, "网页")
    page_title = _page_title(root)
    _remove_chrome(root, budget)
    article = _article(root)
    out = ReadDocument(kind="网页（.html）")
    if article is None:
        raise ReportImportError(f"网页「{name}」中没有正文文字，没有导入。请确认保存的是报告页面。")
    walker = _Walker(out, budget)
    walker.walk(article, 0)
    walker.flush()
    texts = [b.text for b in out.blocks[:8] if isinstance(b, Paragraph)]
    if page_title and not any(looks_like_title(t) for t in texts):
        out.blocks.insert(0, Paragraph(page_title))
    return out


def _encoding(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    head = data[:4096].decode("ascii", errors="ignore").lower()
    match = re.search(r"charset\s*=\s*[\"']?([a-z0-9_\-]+)", head)
    if match:
        charset = match.group(1)
        if charset in ("gb2312", "gbk", "gb18030"):
            return "gb18030"
        return charset
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def _page_title(root: Any) -> str:
    """The report's title as the page shows it: a title-like h1/h2, else <title>'s part."""
    for tag in ("h1", "h2", "h3"):
        for element in root.iter(tag):
            text = clean_text(element.text_content())
            if looks_like_title(text):
                return text
    for element in root.iter("title"):
        for part in re.split(r"\s*[_|｜\-—]\s*", clean_text(element.text_content())):
            if looks_like_title(part):
                return part
    return ""


def _remove_chrome(root: Any, budget: Budget) -> None:
    doomed = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            doomed.append(element)
            continue
        if element.tag in _DROP_TAGS:
            doomed.append(element)
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        chrome = names.strip() and _CHROME_NAMES.search(names)
        if (
            chrome
            and element.tag not in ("body", "html")
            and (element.tag != "table" or len(clean_text(element.text_content())) < 200)
        ):
            doomed.append(element)
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            tail = element.tail
            parent.remove(element)
            if tail and tail.strip():  # the text after a removed element belongs to its parent
                previous = parent.text or ""
                parent.text = previous + tail
    budget.check_time()


def _article(root: Any) -> Any | None:
    """The element whose paragraphs and tables hold most of the page's text."""
    credit: dict[Any, int] = {}
    total = 0
    for element in root.iter("p", "table", "div", "h1", "h2", "h3", "h4", "span", "font", "td"):
        if element.tag in ("div", "span", "font", "td") and any(
            child.tag in _BLOCK_TAGS or child.tag == "table" for child in element
        ):
            continue
        if element.tag == "table" and is_layout_table(element):
            continue  # a page laid out with a table: its cells hold the paragraphs
        if element.tag == "td" and not _in_layout_cell(element):
            continue
        if element.tag != "table" and any(
            a.tag == "table" and not is_layout_table(a) for a in element.iterancestors()
        ):
            continue
        length = len(clean_text(element.text_content()))
        parent = element.getparent()
        if parent is None or length == 0:
            continue
        credit[parent] = credit.get(parent, 0) + length
        total += length
    if not credit:
        body = root.find("body")
        return body if body is not None else root
    best = max(credit, key=lambda e: credit[e])
    # paragraphs split over sibling boxes: climb while the best holds less than 60%
    while credit.get(best, 0) < 0.6 * total and best.getparent() is not None:
        parent = best.getparent()
        if parent.tag in ("html",):
            break
        credit[parent] = credit.get(parent, 0) + credit[best]
        best = parent
    return best


LAYOUT_CELL_CHARS = 300  # a data table's cell holds a label or a number, not an article


def is_layout_table(table: Any) -> bool:
    """A table used to lay out the page (old sites): one of its cells holds the article."""
    cached = table.get("data-nianbao-layout")
    if cached is not None:
        return bool(cached == "1")
    layout = any(
        len(clean_text(cell.text_content())) > LAYOUT_CELL_CHARS
        for row in _rows(table)
        for cell in row
        if isinstance(cell.tag, str) and cell.tag in ("td", "th")
    )
    table.set("data-nianbao-layout", "1" if layout else "0")
    return layout


def _in_layout_cell(cell: Any) -> bool:
    table = next((a for a in cell.iterancestors() if a.tag == "table"), None)
    return table is not None and is_layout_table(table)


class _Walker:
    """Document order: block elements end a paragraph, <br> ends a line, tables are tables."""

    def __init__(self, out: ReadDocument, budget: Budget) -> None:
        self.out = out
        self.budget = budget
        self.line: list[str] = []

    def flush(self) -> None:
        text = clean_text("".join(self.line))
        self.line = []
        if text:
            self.budget.block(len(text))
            self.out.blocks.append(Paragraph(text))

    def walk(self, element: Any, depth: int) -> None:
        if depth > MAX_NESTING * 4:
            self.budget.nesting(depth)
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "table" and not is_layout_table(element):
            self.flush()
            table = _table(element, self.budget, 0)
            if table.rows:
                self.out.blocks.append(table)
            return
        if tag in ("table", "tr", "td", "th", "tbody"):  # a layout table: its cells are boxes
            self.flush()
        if tag == "br":
            self.flush()
            return
        block = tag in _BLOCK_TAGS
        if block:
            self.flush()
        if element.text:
            self.line.append(element.text)
        for child in element:
            self.walk(child, depth + 1)
            if child.tail:
                self.line.append(child.tail)
        if block:
            self.flush()


def _table(element: Any, budget: Budget, depth: int) -> TableBlock:
    budget.nesting(depth + 1)
    rows: list[list[TableCell]] = []
    count = 0
    for tr in _rows(element):
        row: list[TableCell] = []
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            count += 1
            row.append(
                TableCell(
                    _cell_text(cell, budget, depth),
                    _span(cell.get("rowspan")),
                    _span(cell.get("colspan")),
                )
            )
        rows.append(row)
    budget.table(count)
    return TableBlock(rows)


def _rows(table: Any) -> list[Any]:
    """The table's own rows (not those of a table nested in a cell)."""
    rows = []
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child if isinstance(c.tag, str) and c.tag == "tr")
    return rows


def _cell_text(cell: Any, budget: Budget, depth: int) -> str:
    parts: list[str] = []

    def visit(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "table":
            parts.append("\n".join(_table(element, budget, depth + 1).as_lines()))
            return
        if tag in ("br", "p", "div"):
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(cell)
    return clean_text("".join(parts))


def _span(value: Any) -> int:
    try:
        return max(1, min(int(str(value).strip()), 64))
    except (TypeError, ValueError):
        return 1
