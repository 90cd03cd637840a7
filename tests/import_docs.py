"""Word, web-page and PDF files made from the real report texts in tests/data/real/, for the
import tests and bench/bench_import.py.

A real text is split into its paragraphs and its tables: a table section's lines (「 | 」 rows
as published) are replaced by the format's own table filled with the values in the
fixture's .cells.json (as printed, with its merged cells), so a test can check that every
paragraph and every value of the made file lands where it belongs. Each made file names
its source in its header (Word core properties, HTML <meta>, PDF subject).
"""

from __future__ import annotations

import html
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from model.formats import Format, GridCell, get_format

REAL = Path(__file__).parent / "data" / "real"
FONT = Path(__file__).parent.parent / "resources" / "fonts" / "wqy-microhei.ttc"


@dataclass
class Source:
    """A real report text: header lines, paragraphs, and the tables as printed."""

    name: str
    header: list[str]
    fmt: Format | None
    # ("p", text) or ("t", table id) in reading order
    parts: list[tuple[str, str]] = field(default_factory=list)
    cells: dict[str, object] = field(default_factory=dict)
    stated: dict[str, object] = field(default_factory=dict)

    @property
    def citation(self) -> str:
        return " ".join(line[2:] for line in self.header[:2])

    def paragraphs(self) -> list[str]:
        return [text for kind, text in self.parts if kind == "p"]


def load(name: str) -> Source:
    """tests/data/real/NAME.txt with its .cells.json (when there is one); a test whose real
    report is not in this checkout is skipped (the collected reports arrive separately)."""
    path = REAL / f"{name}.txt"
    if not path.is_file():
        import pytest

        pytest.skip(f"real report {name} is not in this checkout")
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("# ")]
    body = [line.strip() for line in lines if not line.startswith("# ") and line.strip()]
    cells_path = REAL / f"{name}.cells.json"
    fmt = None
    cells: dict[str, object] = {}
    stated: dict[str, object] = {}
    if cells_path.exists():
        doc = json.loads(cells_path.read_text(encoding="utf-8"))
        fmt = get_format(doc["format"])
        cells = {k: v for k, v in doc["cells"].items() if v is not None}
        stated = {k: v for k, v in doc.get("stated_totals", {}).items() if v is not None}
    source = Source(name, header, fmt, cells=cells, stated=stated)
    table_of = _table_sections(fmt)
    current_table: str | None = None
    for line in body:
        table_id = next((t for h, t in table_of.items() if line.startswith(h)), None)
        if table_id is not None:
            source.parts.append(("p", line))
            source.parts.append(("t", table_id))
            current_table = table_id
            continue
        if current_table is not None and _is_table_line(line):
            continue  # the table as printed; the made file carries the format's table instead
        if current_table is not None and line[:2] in (
            "一、",
            "二、",
            "三、",
            "四、",
            "五、",
            "六、",
        ):
            current_table = None
        source.parts.append(("p", line))
    return source


def _table_sections(fmt: Format | None) -> dict[str, str]:
    if fmt is None:
        return {}
    return {s.heading[:6]: s.table for s in fmt.sections if s.table}


def _is_table_line(line: str) -> bool:
    return "|" in line or (len(line) < 40 and "。" not in line)


def grid(fmt: Format, table_id: str, source: Source) -> list[list[tuple[GridCell, str]]]:
    """The table's rows (header then body) as (cell, text), text being what is printed."""
    table = fmt.tables[table_id]
    rows: list[list[tuple[GridCell, str]]] = [
        [] for _ in range(table.header_rows + table.body_rows)
    ]
    for cell in table.header:
        rows[cell.row].append((cell, cell.text))
    for cell in table.body:
        text = cell.text
        if cell.cell_id:
            value = source.cells.get(cell.cell_id, source.stated.get(cell.cell_id))
            text = "" if value is None else _printed(value, cell)
        rows[table.header_rows + cell.row].append((cell, text))
    return rows


def _printed(value: object, cell: GridCell | None = None) -> str:
    decimal = cell is not None and cell.value_type == "decimal" and isinstance(value, float)
    if decimal and isinstance(value, float) and value >= 10000:
        return f"{int(value)}元"  # an amount the source printed in 元 (「251000元」), as printed
    if value == "n/a":
        return "/"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def shift(cell: GridCell, header_rows: int, in_header: bool) -> tuple[int, int]:
    return (cell.row if in_header else cell.row + header_rows, cell.col)


# --- Word -----------------------------------------------------------------------------------


def write_docx(source: Source, path: Path, *, repeat: int = 1) -> Path:
    """The report as a .docx: paragraphs, the format's tables with merged cells."""
    import docx

    document = docx.Document()
    document.core_properties.comments = f"Made from {source.citation}"[:250]
    document.core_properties.title = source.name
    for _ in range(repeat):
        for kind, text in source.parts:
            if kind == "p":
                document.add_paragraph(text)
            elif source.fmt is not None:
                _docx_table(document, source, text)
    document.save(str(path))
    return path


def _docx_table(document: object, source: Source, table_id: str) -> None:
    assert source.fmt is not None
    table_def = source.fmt.tables[table_id]
    rows = grid(source.fmt, table_id, source)
    table = document.add_table(rows=len(rows), cols=table_def.columns)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    flat = table._cells  # every grid slot once; table.cell() would rebuild this each time
    columns = table_def.columns
    for r, row in enumerate(rows):
        for cell, text in row:
            top = flat[r * columns + cell.col]
            if cell.rowspan > 1 or cell.colspan > 1:
                end = (r + cell.rowspan - 1) * columns + cell.col + cell.colspan - 1
                top = top.merge(flat[end])
            top.text = text


def write_docx_tables(path: Path, count: int) -> Path:
    """A .docx with ``count`` small tables (a file no report is), written straight as XML."""
    import docx

    document = docx.Document()
    document.add_paragraph("某某局2023年政府信息公开工作年度报告")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "表"
    table.cell(0, 1).text = "0"
    document.save(str(path))
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    start = xml.index("<w:tbl>")
    end = xml.index("</w:tbl>") + len("</w:tbl>")
    one = xml[start:end] + "<w:p/>"
    parts["word/document.xml"] = (xml[:start] + one * count + xml[end:]).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


# --- web page -------------------------------------------------------------------------------


def write_html(
    source: Source, path: Path, *, encoding: str = "utf-8", layout_table: bool = False
) -> Path:
    """The report as a saved government web page, with its chrome around the article;
    ``layout_table``: laid out as older sites do, the article in a cell of a page table."""
    out = [
        "<!DOCTYPE html><html><head>",
        f'<meta charset="{encoding}">',
        f'<meta name="source" content="{html.escape(source.citation)}">',
        f"<title>{html.escape(_title(source))}_政府信息公开年报_某某市人民政府</title>",
        "</head><body>",
        '<div class="header"><a href="#">简体</a>|<a href="#">繁體</a> '
        '<a href="#">无障碍</a></div>',
        '<div class="nav"><ul><li><a>首页</a></li><li><a>政务公开</a></li>'
        "<li><a>互动交流</a></li></ul></div>",
        '<div class="position">您当前的位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>',
        '<table class="xxgk-info"><tr><td>索引号：</td><td>11370000/2024-00001</td>'
        "<td>发布机构：</td><td>某某局</td></tr><tr><td>发布日期：</td><td>2024-01-20</td>"
        "<td>主题分类：</td><td>年度报告</td></tr></table>",
        '<table width="100%"><tr><td><a>首页</a> <a>机构概况</a> <a>政务公开</a></td></tr><tr><td>'
        if layout_table
        else '<div class="article"><div class="TRS_Editor">',
    ]
    for kind, text in source.parts:
        if kind == "p":
            out.append(f"<p>{html.escape(text)}</p>")
        elif source.fmt is not None:
            out.append(_html_table(source, text))
    out += [
        "</td></tr></table>" if layout_table else "</div></div>",
        '<div class="share">分享到：微信 微博 <span>扫一扫在手机打开当前页</span></div>',
        '<div class="footer"><p>主办单位：某某市人民政府办公室 版权所有</p>'
        "<p>网站标识码：3700000001 鲁ICP备00000000号</p></div>",
        "</body></html>",
    ]
    path.write_bytes("\n".join(out).encode(encoding, errors="xmlcharrefreplace"))
    return path


def _title(source: Source) -> str:
    first = source.paragraphs()[0] if source.paragraphs() else source.name
    return first if "报告" in first else source.name


def _html_table(source: Source, table_id: str) -> str:
    assert source.fmt is not None
    parts = ['<table border="1">']
    for row in grid(source.fmt, table_id, source):
        parts.append("<tr>")
        for cell, text in row:
            spans = ""
            if cell.rowspan > 1:
                spans += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                spans += f' colspan="{cell.colspan}"'
            parts.append(f"<td{spans}>{html.escape(text) or '&nbsp;'}</td>")
        parts.append("</tr>")
    parts.append("</table>")
    return "".join(parts)


# --- PDF ------------------------------------------------------------------------------------


def write_pdf(source: Source, path: Path, *, repeat: int = 1, encrypt: str | None = None) -> Path:
    """The report as a PDF with a text layer: running head, page numbers, ruled tables."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))
    body = ParagraphStyle("body", fontName="WQY", fontSize=12, leading=20, firstLineIndent=24)
    cell_style = ParagraphStyle("cell", fontName="WQY", fontSize=7, leading=9)
    story: list[object] = []
    for _ in range(repeat):
        for kind, text in source.parts:
            if kind == "p":
                story.append(Paragraph(html.escape(text), body))
            elif source.fmt is not None:
                story.append(
                    _pdf_table(source, text, cell_style, Table, TableStyle, colors, Paragraph)
                )
                story.append(Spacer(1, 8))

    def decorate(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("WQY", 9)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, A4[1] - 30, "某某局办公室 编印")  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, 25, f"— {doc.page} —")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    kwargs: dict[str, object] = {"subject": f"Made from {source.citation}", "title": source.name}
    if encrypt is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        kwargs["encrypt"] = StandardEncryption(encrypt, canPrint=0)
    doc = SimpleDocTemplate(str(path), pagesize=A4, topMargin=70, bottomMargin=60, **kwargs)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return path


def _pdf_table(source, table_id, style, Table, TableStyle, colors, Paragraph):  # type: ignore[no-untyped-def]
    assert source.fmt is not None
    table_def = source.fmt.tables[table_id]
    rows = grid(source.fmt, table_id, source)
    data = [["" for _ in range(table_def.columns)] for _ in rows]
    commands = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    for r, row in enumerate(rows):
        for cell, text in row:
            data[r][cell.col] = Paragraph(html.escape(text), style) if text else ""
            if cell.rowspan > 1 or cell.colspan > 1:
                end = (cell.col + cell.colspan - 1, r + cell.rowspan - 1)
                commands.append(("SPAN", (cell.col, r), end))
    total = sum(table_def.widths)
    widths = [w / total * 460 for w in table_def.widths]
    table = Table(data, colWidths=widths, repeatRows=0)
    table.setStyle(TableStyle(commands))
    return table


def write_scanned_pdf(path: Path) -> Path:
    """A PDF of one page with only a picture (as a scanner makes it), no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for n in range(40):
        pdf.rect(60, 780 - n * 18, 400 - (n % 5) * 30, 8, fill=1, stroke=0)
    pdf.showPage()
    pdf.save()
    return path
