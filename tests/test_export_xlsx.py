"""导出 Excel of one report: the statistics tables as printed (official labels, merged headers,
totals computed), read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from batch_data import clean_report
from openpyxl.worksheet.worksheet import Worksheet

import main
from export.xlsx import report_workbook, save_workbook
from model.cells import effective_values
from model.errors import ExportError
from model.formats import get_format
from model.importers.exchange import write_exchange_file
from model.report import NOT_APPLICABLE, Report

FMT = get_format("fmt2021")


def find(sheet: Worksheet, text: str) -> tuple[int, int]:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell.row, cell.column
    raise AssertionError(f"{text!r} not in {sheet.title}")


def merged_at(sheet: Worksheet, row: int, column: int) -> str:
    for merged in sheet.merged_cells.ranges:
        if merged.min_row == row and merged.min_col == column:
            return str(merged)
    return ""


@pytest.fixture
def report() -> Report:
    r = clean_report(12)
    r.cells["s2.art20_8.fees@fee_amount"] = NOT_APPLICABLE
    del r.cells["s4.review.pending"]
    return r


def test_one_sheet_per_table_with_the_heading(report: Report, tmp_path: Path) -> None:
    path = save_workbook(report_workbook(report, FMT), tmp_path / "tables.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["表二", "表三", "表四"]
    assert book["表三"]["A1"].value == "三、收到和处理政府信息公开申请情况"


def test_headers_are_merged_as_printed(report: Report, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(save_workbook(report_workbook(report, FMT), tmp_path / "t.xlsx"))
    sheet = book["表三"]
    row, column = find(sheet, "申请人情况")
    assert merged_at(sheet, row, column)  # spans the applicant columns
    merge = next(m for m in sheet.merged_cells.ranges if m.min_row == row and m.min_col == column)
    assert merge.max_col - merge.min_col + 1 == 7
    row, column = find(sheet, "法人或其他组织")
    merge = next(m for m in sheet.merged_cells.ranges if m.min_row == row and m.min_col == column)
    assert merge.max_col - merge.min_col + 1 == 5
    sheet4 = book["表四"]
    row, column = find(sheet4, "行政复议")
    assert merged_at(sheet4, row, column)


def test_values_sit_beside_their_official_labels(report: Report, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(save_workbook(report_workbook(report, FMT), tmp_path / "t.xlsx"))
    sheet = book["表三"]
    values = effective_values(report, FMT)
    row, _ = find(sheet, "一、本年新收政府信息公开申请数量")
    _, natural = find(sheet, "自然人")
    _, total = find(sheet, "总计")
    assert sheet.cell(row, natural).value == report.cells["s3.new_this_year@natural_person"]
    assert sheet.cell(row, total).value == values["s3.new_this_year@total"]  # computed
    t2 = book["表二"]
    row, column = find(t2, "行政处罚")
    assert t2.cell(row, column + 1).value == report.cells["s2.art20_6.penalty@decisions"]
    fees = [c for r in t2.iter_rows() for c in r if c.value == "/"]
    assert len(fees) == 1  # 不适用 printed 「/」
    t4 = book["表四"]
    grid = [c.value for r in t4.iter_rows(min_row=4) for c in r]
    assert None in grid  # the blank stays blank, not 0


def test_command_line_export_xlsx(report: Report, tmp_path: Path) -> None:
    source = tmp_path / "r.nianbao.json"
    write_exchange_file(report, source)
    out = tmp_path / "表格.xlsx"
    assert main.main(["export", str(source), "--xlsx", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert "表三" in book.sheetnames


def test_an_unwritable_place_is_a_plain_message(report: Report, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        save_workbook(report_workbook(report, FMT), tmp_path / "missing" / "t.xlsx")
    assert "不存在" in str(caught.value)
    (tmp_path / "folder.xlsx").mkdir()
    with pytest.raises(ExportError) as caught:
        save_workbook(report_workbook(report, FMT), tmp_path / "folder.xlsx")
    assert "Excel 文件" in str(caught.value) or "文件夹" in str(caught.value)


def test_a_format_without_tables_gives_a_note(tmp_path: Path) -> None:
    legacy = Report(format="legacy2008", agency="某局", year=2017)
    book = report_workbook(legacy, get_format("legacy2008"))
    assert book.sheetnames == ["说明"]
