"""The outline as one self-contained web page for the agency's website: real headings,
paragraphs and tables (rowspan / colspan, header rows in <thead>), styles inline, no files
beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from export import outline as ol
from export.pdf_file import write_atomically
from model.formats import Format
from model.report import Report

__all__ = ["HtmlResult", "render_html", "write_html"]

_STYLE = """
body { margin: 0; background: #fff; color: #000; }
main { max-width: 46em; margin: 2em auto; padding: 0 1em;
  font-family: "仿宋_GB2312", "仿宋", FangSong, "FandolFang", "STFangsong", serif;
  font-size: 16pt; line-height: 1.8; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "宋体", serif;
  font-weight: normal; font-size: 22pt; text-align: center; line-height: 1.5; margin: 0 0 1em; }
h2 { font-family: "黑体", SimHei, "FandolHei", sans-serif; font-weight: normal; font-size: 16pt;
  margin: 0; text-indent: 2em; }
h3 { font-family: "楷体_GB2312", "楷体", KaiTi, "FandolKai", serif; font-weight: normal;
  font-size: 16pt; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.lead1 { font-family: "黑体", SimHei, sans-serif; }
.lead2 { font-family: "楷体_GB2312", "楷体", KaiTi, serif; }
table { border-collapse: collapse; margin: 0.5em auto 1em; font-size: 10.5pt; line-height: 1.4;
  width: 100%; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; }
th, td.c { text-align: center; font-weight: normal; }
td.v { text-align: center; font-family: "Times New Roman", serif; }
td.cap { text-align: center; font-family: "黑体", SimHei, sans-serif; }
.sign { text-align: right; margin-top: 2em; text-indent: 0; padding-right: 2em; }
"""


@dataclass
class HtmlResult:
    data: bytes
    headings: int
    tables: int


def render_html(report: Report, fmt: Format) -> HtmlResult:
    return render_outline_html(ol.build_outline(report.copy(), fmt))


def write_html(report: Report, fmt: Format, path: Path) -> HtmlResult:
    """Render and write atomically; raises ExportError with a Chinese message on failure."""
    result = render_html(report, fmt)
    write_atomically(Path(path), result.data)
    return result


def render_outline_html(outline: ol.Outline) -> HtmlResult:
    title = outline.title.replace("\r\n", "\n").replace("\r", "\n")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title.replace(chr(10), ''))}</title>",
        f'<meta name="author" content="{escape(outline.agency)}">',
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<h1>" + "<br>".join(escape(t.strip()) for t in title.split("\n") if t.strip()) + "</h1>",
    ]
    headings = tables = 0
    for block in outline.blocks:
        if isinstance(block, ol.Heading):
            parts.append(f'<h2 id="{escape(block.section_id)}">{escape(block.text)}</h2>')
            headings += 1
        elif isinstance(block, ol.Paragraph):
            parts.append(_paragraph(block))
        else:
            parts.append(_table(block))
            tables += 1
    if outline.signature is not None:
        lines = [t for t in (outline.signature.signature, outline.signature.date) if t]
        parts.append('<p class="sign">' + "<br>".join(escape(t) for t in lines) + "</p>")
    parts += ["</main>", "</body>", "</html>", ""]
    return HtmlResult("\n".join(parts).encode("utf-8"), headings, tables)


def _paragraph(para: ol.Paragraph) -> str:
    if para.heading_only and para.lead_level == 2:
        return f"<h3>{escape(para.text)}</h3>"
    if para.lead_level and para.lead_length:
        lead = escape(para.text[: para.lead_length])
        rest = escape(para.text[para.lead_length :])
        return f'<p><span class="lead{para.lead_level}">{lead}</span>{rest}</p>'
    return f"<p>{escape(para.text)}</p>"


def _table(table: ol.Table) -> str:
    total = sum(table.widths) or 1.0
    cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in table.widths)
    by_row: dict[int, list[ol.Cell]] = {}
    for cell in table.cells:
        by_row.setdefault(cell.row, []).append(cell)
    head: list[str] = []
    body: list[str] = []
    for r in range(table.rows):
        cells = sorted(by_row.get(r, []), key=lambda c: c.col)
        html = "".join(_cell(c) for c in cells)
        (head if r < table.header_rows else body).append(f"<tr>{html}</tr>")
    thead = f"<thead>{''.join(head)}</thead>" if head else ""
    return (
        # border and cellspacing too: a website's editor may drop the <style> block
        f'<table id="{escape(table.id)}" border="1" cellspacing="0" cellpadding="3">'
        f"<colgroup>{cols}</colgroup>{thead}"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _cell(cell: ol.Cell) -> str:
    span = ""
    if cell.rowspan > 1:
        span += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        span += f' colspan="{cell.colspan}"'
    text = escape(cell.text)
    if cell.kind == ol.HEAD:
        return f"<th{span}>{text}</th>"
    if cell.kind == ol.SUBHEAD:
        return f"<th{span}>{text}</th>"
    klass = {ol.VALUE: "v", ol.CAPTION: "cap", ol.LABEL: ""}.get(cell.kind, "c")
    attr = f' class="{klass}"' if klass else ""
    return f"<td{attr}{span}>{text}</td>"
