"""A generated folder of reports as a district office receives them, with planted slips.

Every report is a complete fmt2021 report whose identities hold and whose 总体情况 quotes its
own figures, unless a slip is planted. The figures differ per agency (derived from its
number) so a sum over the folder is not a multiple of one report. Used by the batch tests and
by bench/bench_batch.py.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from model.cells import effective_values, format_cell_value
from model.formats import GridCell, TableDef, get_format
from model.importers.exchange import write_exchange_file
from model.report import Report

COLUMNS = (
    "natural_person",
    "org_commercial",
    "org_research",
    "org_public_welfare",
    "org_legal_service",
    "org_other",
)
YEAR = 2025
TOWNS = "东西南北中上下前后左右新"
DEPARTMENTS = ("教育局", "民政局", "财政局", "自然资源局", "生态环境局", "住房和城乡建设局")


def agency_name(number: int) -> str:
    """A district's agencies: towns, 街道 and departments, each name unique by number."""
    if number % 3 == 0:
        return f"示范区{TOWNS[number % len(TOWNS)]}{number}镇人民政府"
    if number % 3 == 1:
        return f"示范区第{number}街道办事处"
    return f"示范区{DEPARTMENTS[number % len(DEPARTMENTS)]}第{number}分局"


def clean_report(number: int, year: int = YEAR, agency: str | None = None) -> Report:
    """A complete fmt2021 report whose identities hold and whose text quotes its figures."""
    fmt = get_format("fmt2021")
    report = Report(format="fmt2021", agency=agency or agency_name(number), year=year)
    for cell in fmt.all_cells().values():
        if cell.cell_id and not cell.is_computed:
            report.cells[cell.cell_id] = 0
    new_total = carried_total = carry_total = 0
    for index, column in enumerate(COLUMNS):
        new = (number * (index + 3)) % 17 + index
        carried = (number + index) % 4
        carry = min((number * 2 + index) % 3, new + carried)
        granted = new + carried - carry
        report.cells[f"s3.new_this_year@{column}"] = new
        report.cells[f"s3.carried_over@{column}"] = carried
        report.cells[f"s3.carry_to_next_year@{column}"] = carry
        report.cells[f"s3.result.granted@{column}"] = granted
        new_total, carried_total, carry_total = (
            new_total + new,
            carried_total + carried,
            carry_total + carry,
        )
    review = (number % 5, number % 2, 1, number % 3)
    for measure, value in zip(("upheld", "corrected", "other", "pending"), review, strict=True):
        report.cells[f"s4.review.{measure}"] = value
    report.cells["s2.art20_6.penalty@decisions"] = number * 7 % 50
    report.cells["s2.art20_8.fees@fee_amount"] = round((number % 7) * 0.1, 1)
    report.meta["title"] = fmt.title_for(report.agency, year)
    report.preamble = [f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"]
    report.sections = {
        "s1": [
            f"（一）主动公开。{year}年，本机关主动公开政府信息，作出行政处罚决定"
            f"{report.cells['s2.art20_6.penalty@decisions']}件。",
            f"（二）依申请公开。全年共收到政府信息公开申请{new_total}件，"
            f"上年结转{carried_total}件，结转下年度继续办理{carry_total}件。",
        ],
        "s5": ["一是公开内容不够全面；二是解读形式单一。下一步将加强培训，丰富解读形式。"],
        "s6": ["本年度未收取信息处理费。"],
    }
    return report


def report_text(report: Report) -> str:
    """The report as a plain-text document: title, 前言, headings and paragraphs."""
    fmt = get_format(report.format)
    lines = [report.meta.get("title", fmt.title_for(report.agency, report.year)), ""]
    lines += report.preamble
    for section in fmt.sections:
        lines.append(section.heading)
        lines += report.sections.get(section.id, ["无"])
    return "\n".join(lines) + "\n"


def table_grid(report: Report, table: TableDef) -> list[tuple[int, GridCell, str]]:
    """(row, cell, text as printed) of a statistics table: header rows, then body rows."""
    values = effective_values(report, get_format(report.format))
    placed = [(c.row, c) for c in table.header]
    placed += [(c.row + table.header_rows, c) for c in table.body]
    out = []
    for row, cell in placed:
        text = cell.text
        if cell.cell_id is not None:
            text = format_cell_value(values.get(cell.cell_id), cell.value_type)
        out.append((row, cell, text))
    return out


def _html_table(report: Report, table: TableDef) -> str:
    rows: dict[int, list[str]] = {}
    for row, cell, text in table_grid(report, table):
        rows.setdefault(row, []).append(
            f'<td rowspan="{cell.rowspan}" colspan="{cell.colspan}">{html.escape(text)}</td>'
        )
    body = "".join(f"<tr>{''.join(rows[r])}</tr>" for r in sorted(rows))
    return f'<table border="1">{body}</table>'


def report_html(report: Report) -> str:
    fmt = get_format(report.format)
    title = report.meta.get("title", fmt.title_for(report.agency, report.year))
    body = [f"<h1>{html.escape(title)}</h1>"]
    body += [f"<p>{html.escape(p)}</p>" for p in report.preamble]
    for section in fmt.sections:
        body.append(f"<h2>{html.escape(section.heading)}</h2>")
        table = fmt.table_for(section)
        if table is not None:
            body.append(_html_table(report, table))
            body += [f"<p>{html.escape(p)}</p>" for p in report.sections.get(section.id, [])]
            continue
        body += [f"<p>{html.escape(p)}</p>" for p in report.sections.get(section.id, ["无"])]
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body>{''.join(body)}</body></html>\n"
    )


def write_docx(report: Report, path: Path) -> None:
    import docx  # python-docx: only this writer needs it

    fmt = get_format(report.format)
    document = docx.Document()
    document.add_heading(report.meta.get("title", ""), level=0)
    for paragraph in report.preamble:
        document.add_paragraph(paragraph)
    for section in fmt.sections:
        document.add_heading(section.heading, level=1)
        table = fmt.table_for(section)
        if table is not None:
            _docx_table(document, report, table)
        for paragraph in report.sections.get(section.id, [] if table else ["无"]):
            document.add_paragraph(paragraph)
    document.save(str(path))


def _docx_table(document: Any, report: Report, table: TableDef) -> None:
    """The table as Word draws it: one grid, merged cells for the spans."""
    grid = table_grid(report, table)
    rows = table.header_rows + table.body_rows
    word = document.add_table(rows=rows, cols=table.columns)
    word.style = "Table Grid"
    for row, cell, text in grid:
        target = word.cell(row, cell.col)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(word.cell(row + cell.rowspan - 1, cell.col + cell.colspan - 1))
        target.text = text


def write_pdf_file(report: Report, path: Path) -> None:
    from export.pdf.render import write_pdf

    write_pdf(report, get_format(report.format), path, None)


@dataclass
class Folder:
    """What was planted where (file names), for the tests to look for."""

    path: Path
    files: list[Path] = field(default_factory=list)
    broken_identity: str = ""
    narrative: str = ""
    carry_this_year: str = ""
    carry_last_year: str = ""
    duplicates: tuple[str, str] = ("", "")
    odd_year: str = ""
    unreadable: str = ""
    by_type: dict[str, list[str]] = field(default_factory=dict)
    clean_2025: list[str] = field(default_factory=list)  # the clean fmt2021 exchange files
    # slips planted in Word, web and PDF files: file name -> the finding id expected
    typed_slips: dict[str, str] = field(default_factory=dict)


def make_folder(
    folder: Path, count: int = 50, with_pdf: bool = True, with_docx: bool = True
) -> Folder:
    """``count`` reports in every supported file type, with one of each slip planted."""
    made = Folder(folder)
    folder.mkdir(parents=True, exist_ok=True)

    def add(name: str, kind: str, writer: Callable[[Path], None]) -> str:
        path = folder / name
        writer(path)
        made.files.append(path)
        made.by_type.setdefault(kind, []).append(name)
        return name

    def exchange(report: Report) -> Callable[[Path], None]:
        return lambda path: write_exchange_file(report, path)

    # the slips
    broken = clean_report(1)
    broken.cells["s3.result.granted@natural_person"] = (
        int(broken.cells["s3.result.granted@natural_person"] or 0) + 2
    )  # 1 + 2 ≠ 3 + 4 in the 自然人 column
    made.broken_identity = add("01_broken_identity.nianbao.json", "json", exchange(broken))
    narrative = clean_report(2)
    narrative.sections["s1"][1] = narrative.sections["s1"][1].replace(
        "全年共收到政府信息公开申请", "全年共收到政府信息公开申请1"
    )  # the figure quoted is now 1 followed by the true number
    made.narrative = add("02_narrative.nianbao.json", "json", exchange(narrative))
    last_year = clean_report(3, year=YEAR - 1)
    last_year.cells["s3.carry_to_next_year@natural_person"] = 9
    last_year.cells["s3.result.granted@natural_person"] = int(
        (last_year.cells["s3.new_this_year@natural_person"] or 0)  # type: ignore[operator]
        + (last_year.cells["s3.carried_over@natural_person"] or 0)
        - 9
    )
    last_year.sections["s1"] = last_year.sections["s1"][:1]
    made.carry_last_year = add(  # last year's report as a web page: read like any other
        "03_carry_2024.html", "html", lambda p: p.write_text(report_html(last_year), "utf-8")
    )
    this_year = clean_report(3)  # its 上年结转 in 自然人 is not 9
    made.carry_this_year = add("03_carry_2025.nianbao.json", "json", exchange(this_year))
    twin = clean_report(4)
    first = add("04_twin.nianbao.json", "json", exchange(twin))
    second = add("04_twin_again.txt", "txt", lambda p: p.write_text(report_text(twin), "utf-8"))
    made.duplicates = (first, second)
    odd = clean_report(5, year=YEAR - 2)
    made.odd_year = add("05_odd_year.nianbao.json", "json", exchange(odd))
    made.unreadable = add("06_unreadable.docx", "docx", lambda p: p.write_bytes(b"PK\x03\x04bad"))
    web_narrative = clean_report(7)
    web_narrative.sections["s1"][0] = web_narrative.sections["s1"][0].replace(
        "作出行政处罚决定", "作出行政处罚决定10"
    )
    name = add(
        "07_narrative.html", "html", lambda p: p.write_text(report_html(web_narrative), "utf-8")
    )
    made.typed_slips[name] = "H4@penalty"
    if with_docx:
        word_broken = clean_report(8)
        word_broken.cells["s3.new_this_year@org_other"] = 1 + int(
            word_broken.cells["s3.new_this_year@org_other"] or 0  # type: ignore[arg-type]
        )
        name = add("08_broken_identity.docx", "docx", lambda p: write_docx(word_broken, p))
        made.typed_slips[name] = "R3.1@org_other"
    if with_pdf:
        pdf_broken = clean_report(9)
        pdf_broken.cells["s3.carry_to_next_year@org_commercial"] = 30
        name = add("09_broken_identity.pdf", "pdf", lambda p: write_pdf_file(pdf_broken, p))
        made.typed_slips[name] = "R3.1@org_commercial"

    # every supported type at least once
    number = 10
    others: list[tuple[str, str, Callable[[Report, Path], None]]] = [
        ("txt", ".txt", lambda r, p: p.write_text(report_text(r), encoding="gb18030")),
        ("html", ".html", lambda r, p: p.write_text(report_html(r), encoding="utf-8")),
    ]
    if with_docx:
        others.append(("docx", ".docx", write_docx))
    if with_pdf:
        others.append(("pdf", ".pdf", write_pdf_file))
    for kind, suffix, writer in others:
        report = clean_report(number)
        add(f"{number:02d}_{kind}{suffix}", kind, lambda p, r=report, w=writer: w(r, p))  # type: ignore[misc]
        number += 1
    while len(made.files) < count:
        report = clean_report(number)
        made.clean_2025.append(add(f"{number:03d}.nianbao.json", "json", exchange(report)))
        number += 1
    return made
