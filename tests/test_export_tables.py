"""export/tables.py: the statistics tables in the PDF, read back with pdfplumber."""

from __future__ import annotations

import io
import itertools
import re
from types import SimpleNamespace

import pdfplumber
import pytest
from page_blocks import Gap, render_blocks
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from export.outline import outline_table
from export.pdf import tables
from model.cells import effective_values
from model.formats import Format, get_format, parse_table
from model.paths import fonts_dir
from model.report import NOT_APPLICABLE, Report

BLOCK_WIDTH = 156 * mm


@pytest.fixture(scope="module")
def fonts() -> SimpleNamespace:
    if "T-Song" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("T-Song", str(fonts_dir() / "FandolSong-Regular.ttf")))
        pdfmetrics.registerFont(
            TTFont("T-Hei", str(fonts_dir() / "wqy-microhei.ttc"), subfontIndex=0)
        )
    faces = {"fangsong": "T-Song", "heiti": "T-Hei", "songti": "T-Song", "kaiti": "T-Song"}
    return SimpleNamespace(
        **faces,
        xiaobiaosong="T-Song",
        font_for_char=lambda role, ch: faces.get(role, "T-Song"),  # both faces cover the labels
        find_font=lambda role, ch: faces.get(role, "T-Song"),
        latin_for=lambda role: None,
    )


def table_block(table, values, fonts, width):  # type: ignore[no-untyped-def]
    return tables.table_block(outline_table(table, values, "s"), fonts, width)


@pytest.fixture(scope="module")
def fmt() -> Format:
    return get_format("fmt2021")


def filled_report(fmt: Format) -> Report:
    """Every input cell gets a distinct number (its position), a few are 不适用 or blank."""
    report = Report(format="fmt2021")
    for table in fmt.tables.values():
        for n, cell in enumerate(table.input_cells()):
            assert cell.cell_id
            report.set_cell(cell.cell_id, 1.25 if cell.value_type == "decimal" else 100 + n)
    report.set_cell("s3.carried_over@org_research", NOT_APPLICABLE)
    report.set_cell("s3.carried_over@org_other", None)
    return report


def render(story: list) -> bytes:
    return render_blocks(story)


def tables_of(pdf_bytes: bytes) -> list[list[list[list[str]]]]:
    """Per page, the tables as rows of cell texts (line breaks from wrapping removed)."""
    pages = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            found = page.extract_tables()
            pages.append([[[(c or "").replace("\n", "") for c in row] for row in t] for t in found])
    return pages


def test_table_three_prints_every_label_and_number_in_order(fonts, fmt: Format) -> None:
    table = fmt.tables["t3"]
    report = filled_report(fmt)
    values = effective_values(report, fmt)
    pages = tables_of(render([table_block(table, values, fonts, BLOCK_WIDTH)]))
    assert all(len(tables) == 1 for tables in pages)
    rows = pages[0][0]
    for more in pages[1:]:  # a continuation repeats the three header rows
        assert more[0][0][:3] == rows[0][:3]
        rows = rows + more[0][3:]
    assert len(rows) == 28
    texts = [c for row in rows for c in row]
    labels = [c.text for c in table.body if not c.is_value]
    positions = [texts.index(label) for label in labels]  # every official label, verbatim
    assert positions == sorted(positions)
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in texts
    # the numbers of each body row, left to right, including the printed 总计
    for r in range(table.body_rows):
        row_cells = sorted(
            (c for c in table.body if c.row == r and c.is_value), key=lambda c: c.col
        )
        expected = [
            "/" if values[c.cell_id] == NOT_APPLICABLE else str(values[c.cell_id] or "")
            for c in row_cells
            if c.cell_id
        ]
        assert rows[3 + r][-7:] == expected
    assert rows[4][-7:][2] == "/"  # 不适用
    assert rows[4][-7:][5] == ""  # a blank prints empty
    filled = [int(t) for t in rows[4][-7:-1] if t.isdigit()]
    assert rows[4][-1] == str(sum(filled))  # the total of what is filled is printed


def test_header_repeats_when_the_table_breaks(fonts, fmt: Format) -> None:
    table = fmt.tables["t3"]
    values = effective_values(filled_report(fmt), fmt)
    pdf = render([Gap(400), table_block(table, values, fonts, BLOCK_WIDTH)])
    pages = tables_of(pdf)
    assert len(pages) == 2
    first, second = pages[0][0], pages[1][0]
    for part in (first, second):
        flat = [c for row in part for c in row]
        assert "申请人情况" in flat and "社会公益组织" in flat
    assert first[3][0] == "一、本年新收政府信息公开申请数量"
    flat_second = [c for row in second for c in row]
    assert "四、结转下年度继续办理" in flat_second
    assert "一、本年新收政府信息公开申请数量" not in flat_second
    # the merged group （三）不予公开 is not torn apart: all its rows are on one page
    denied = [c.text for c in table.body if c.text.startswith(("1.属于国家", "8.属于行政查询"))]
    assert all(label in flat_second for label in denied)


def test_table_four_headers_stack_two_characters_per_line(fonts, fmt: Format) -> None:
    table = fmt.tables["t4"]
    values = effective_values(filled_report(fmt), fmt)
    with pdfplumber.open(io.BytesIO(render([table_block(table, values, fonts, 442.2)]))) as pdf:
        raw = pdf.pages[0].extract_tables()[0]
    assert raw[1][0] == "结果\n维持"
    assert raw[0][0] == "行政复议" and raw[0][5] == "行政诉讼"
    numbers = raw[3]
    assert numbers[:4] == ["100", "101", "102", "103"]
    assert numbers[4] == str(100 + 101 + 102 + 103)  # 总计 printed from effective values
    assert len(numbers) == 15


def test_table_two_captions_in_heiti_amount_with_decimals(fonts, fmt: Format) -> None:
    table = fmt.tables["t2"]
    values = effective_values(filled_report(fmt), fmt)
    pdf = render([table_block(table, values, fonts, BLOCK_WIDTH)])
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        rows = page.extract_tables()[0]
        caption_fonts = {c["fontname"] for c in page.chars if c["text"] == "第"}
        label_fonts = {c["fontname"] for c in page.chars if c["text"] == "规"}
    assert rows[0][0] == "第二十条第（一）项"
    assert rows[13][:2] == ["行政事业性收费", "1.25"]
    assert all("MicroHei" in f for f in caption_fonts)
    assert not any("MicroHei" in f for f in label_fonts)


def test_long_numbers_shrink_to_fit_and_rare_characters_fall_back(fonts) -> None:
    table = parse_table(
        "tx",
        {
            "columns": 3,
            "widths": [2, 1, 1],
            "header": [[{"text": "项目"}, {"text": "甲"}, {"text": "乙"}]],
            "body": [[{"text": "𠀀字测试"}, {"cell": "x.a"}, {"cell": "x.b"}]],
        },
    )
    asked: list[str] = []

    def font_for_char(role: str, ch: str) -> str:
        asked.append(ch)
        return "T-Hei" if ch == "𠀀" else "T-Song"

    with_fallback = SimpleNamespace(**{**vars(fonts), "font_for_char": font_for_char})
    block = table_block(table, {"x.a": 1234567, "x.b": None}, with_fallback, 120)
    with pdfplumber.open(io.BytesIO(render([block]))) as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        digits = [c for c in page.chars if c["text"].isdigit()]
        rules = sorted({round(line["x0"], 1) for line in page.lines if line["x0"] == line["x1"]})
    assert "𠀀" in asked
    assert "1234567" in text.split()  # one line, not wrapped
    left, right = min(d["x0"] for d in digits), max(d["x1"] for d in digits)
    # the number's column widens to hold it: it crosses no rule
    assert any(a < left and right < b for a, b in itertools.pairwise(rules)), (rules, left, right)


def test_a_group_taller_than_a_page_still_prints(fonts) -> None:
    rows = [[{"text": "很长的合并分组", "rowspan": 80}, {"text": "第1项"}, {"cell": "g.1"}]]
    rows += [[{"text": f"第{n}项"}, {"cell": f"g.{n}"}] for n in range(2, 81)]
    table = parse_table(
        "tg",
        {
            "columns": 3,
            "widths": [1, 2, 1],
            "header": [[{"text": "分组", "colspan": 2}, {"text": "数量"}]],
            "body": rows,
        },
    )
    values = {f"g.{n}": n for n in range(1, 81)}
    pdf = render([table_block(table, values, fonts, BLOCK_WIDTH)])
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        texts = [page.extract_text() for page in doc.pages]
    assert len(texts) >= 2
    firsts = [text.split("\n")[0].replace(" ", "") for text in texts]
    assert firsts[0] == "分组数量"
    assert all(first == "续表" for first in firsts[1:])  # continuation pages say so
    assert all(text.split("\n")[1].replace(" ", "") == "分组数量" for text in texts[1:])
    printed = [int(n) for t in texts for n in re.findall(r"第\d+项 (\d+)", t)]
    assert printed == list(range(1, 81))
