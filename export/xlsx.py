"""Excel (.xlsx, openpyxl) and .csv files: one report's tables, the batch table, the 汇总.

Nothing here knows a window exists; each function builds a workbook or text from model data,
and :func:`save_workbook` / :func:`save_csv` write it atomically with the clerk's messages.
Numbers are written as numbers (so Excel can add them), 不适用 as 「/」, a blank as an empty
cell: a blank is never written as 0.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from export.pdf_file import write_atomically
from model.batch.consolidate import Consolidation
from model.batch.entries import COLUMNS, BatchResult
from model.cells import effective_values
from model.checks.labels import cell_name, table_label
from model.errors import ExportError, NianbaoError
from model.findings import LEVEL_LABELS
from model.formats import Format, GridCell, TableDef, get_format
from model.report import NOT_APPLICABLE, CellValue, Report

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
_MM_PER_CHAR = 1.25  # a format's column widths are in mm; Excel's are in character widths
_LINE_POINTS = 14.0  # one line of 11-point text
_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


# --- one report's statistics tables ----------------------------------------------------------


def report_workbook(report: Report, fmt: Format) -> Workbook:
    """One sheet per statistics table, laid out as printed: the section heading, the header
    rows with their merged cells, the official row labels, the values (总计 computed)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    values = effective_values(report, fmt)
    for section in fmt.sections:
        table = fmt.table_for(section)
        if table is None:
            continue
        sheet = workbook.create_sheet(_sheet_name(table_label(fmt, table.id), workbook))
        _write_table(sheet, table, section.heading, values)
    if not workbook.sheetnames:
        sheet = workbook.create_sheet("说明")
        sheet["A1"] = f"「{fmt.name}」没有统计表。"
    return workbook


def _write_table(
    sheet: Worksheet, table: TableDef, heading: str, values: dict[str, CellValue]
) -> None:
    sheet.cell(1, 1, heading).font = _TITLE
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=table.columns)
    top = 3  # a blank line under the heading, as on paper
    placed = [(c, top + c.row, True) for c in table.header]
    placed += [(c, top + table.header_rows + c.row, False) for c in table.body]
    for cell, row, in_header in placed:
        target = sheet.cell(row, cell.col + 1, _grid_value(cell, values))
        header_like = in_header or cell.style in ("caption", "header")
        target.alignment = _CENTER if header_like or cell.is_value else _LEFT
        if header_like:
            target.font = _BOLD
            target.fill = _HEADER_FILL
        if cell.rowspan > 1 or cell.colspan > 1:
            sheet.merge_cells(
                start_row=row,
                start_column=cell.col + 1,
                end_row=row + cell.rowspan - 1,
                end_column=cell.col + cell.colspan,
            )
    _fit_row_heights(sheet, table, placed)
    last = top + table.header_rows + table.body_rows - 1
    for row_cells in sheet.iter_rows(min_row=top, max_row=last, max_col=table.columns):
        for target in row_cells:
            target.border = _BORDER  # merged slots too, so the merged box is outlined
    for index, width in enumerate(table.widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(6.0, width / _MM_PER_CHAR)
    sheet.freeze_panes = sheet.cell(top + table.header_rows, 1)
    _print_on_a4(sheet, landscape=table.columns > 4)


def _print_on_a4(sheet: Worksheet, landscape: bool) -> None:
    """Printed from Excel, the table fits the width of an A4 page (as many pages tall as needed)."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def _fit_row_heights(
    sheet: Worksheet, table: TableDef, placed: list[tuple[GridCell, int, bool]]
) -> None:
    """Rows tall enough for their wrapped labels: Excel does not grow a row for wrapped text
    in a file it did not lay out itself."""
    widths = [max(6.0, w / _MM_PER_CHAR) for w in table.widths]
    lines: dict[int, int] = {}
    for cell, row, _ in placed:
        if cell.rowspan != 1 or not cell.text:
            continue
        room = sum(widths[cell.col : cell.col + cell.colspan])
        # a Chinese character is about two of Excel's character widths
        needed = math.ceil(2 * len(cell.text) / max(room - 1, 1))
        lines[row] = max(lines.get(row, 1), needed)
    for row, count in lines.items():
        if count > 1:
            sheet.row_dimensions[row].height = _LINE_POINTS * count + 2


def _grid_value(cell: GridCell, values: dict[str, CellValue]) -> Any:
    if cell.cell_id is None:
        return cell.text
    return excel_value(values.get(cell.cell_id))


def excel_value(value: CellValue) -> Any:
    """A cell value as Excel should hold it: a number, 「/」 for 不适用, None for a blank."""
    if value == NOT_APPLICABLE:
        return "/"
    return value


# --- the batch table -------------------------------------------------------------------------

FINDING_COLUMNS = ("文件", "机关", "年度", "级别", "编号", "问题", "位置", "已确认")


def batch_workbook(result: BatchResult) -> Workbook:
    """Sheet 检查结果: the batch table, one row per file; sheet 问题清单: one row per finding."""
    workbook = Workbook()
    table = workbook.active
    assert table is not None
    table.title = "检查结果"
    table.append([title for title, _ in COLUMNS])
    for entry in result.entries:
        table.append([value(entry) for _, value in COLUMNS])
    _finish_list(table, [14, 28, 12, 8, 10, 16, 8, 8, 8, 14, 16, 40])

    findings = workbook.create_sheet("问题清单")
    findings.append(list(FINDING_COLUMNS))
    for entry in result.entries:
        dismissed = entry.report.dismissed if entry.report is not None else {}
        for finding in entry.findings:
            findings.append(
                [
                    entry.name,
                    entry.agency,
                    entry.year,
                    LEVEL_LABELS.get(finding.level, finding.level),
                    finding.id,
                    finding.message,
                    _where(entry, finding.section),
                    dismissed.get(finding.id, "") if finding.level != "error" else "",
                ]
            )
    _finish_list(findings, [24, 28, 8, 8, 24, 90, 28, 20])
    return workbook


def _where(entry: Any, section_id: str | None) -> str:
    if section_id is None or entry.report is None:
        return ""
    try:
        return get_format(entry.report.format).section(section_id).heading
    except (KeyError, NianbaoError):  # an unknown format or section: the id says enough
        return section_id


def _finish_list(sheet: Worksheet, widths: Sequence[float]) -> None:
    """Bold header row, frozen, filterable, with readable column widths."""
    for target in sheet[1]:
        target.font = _BOLD
        target.fill = _HEADER_FILL
        target.alignment = _CENTER
    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def batch_csv(result: BatchResult) -> str:
    """The batch table as CSV text (one row per file, the same columns as the workbook)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([title for title, _ in COLUMNS])
    for entry in result.entries:
        writer.writerow(["" if v is None else v for v in (value(entry) for _, value in COLUMNS)])
    return buffer.getvalue()


# --- the consolidation -----------------------------------------------------------------------


def consolidation_workbook(consolidation: Consolidation, fmt: Format) -> Workbook:
    """One sheet per statistics table: a row per agency summed, then the 合计 row (the
    consolidated report), a column per cell of the table named as printed; and a sheet of
    notes (partial cells, reports left out)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    rows = [(r.agency or r.id, effective_values(r, fmt)) for r in consolidation.parts]
    total = effective_values(consolidation.report, fmt)
    for section in fmt.sections:
        table = fmt.table_for(section)
        if table is None:
            continue
        label = table_label(fmt, table.id)
        sheet = workbook.create_sheet(_sheet_name(label, workbook))
        cells = [c.cell_id for c in table.value_cells() if c.cell_id]
        sheet.append(["机关", *(_short_name(cell_name(fmt, c), label) for c in cells)])
        for agency, values in rows:
            sheet.append([agency, *(excel_value(values.get(c)) for c in cells)])
        sheet.append(["合计", *(excel_value(total.get(c)) for c in cells)])
        for target in sheet[sheet.max_row]:
            target.font = _BOLD
        _finish_list(sheet, [28] + [14] * len(cells))
        sheet.freeze_panes = "B2"
        for target in sheet[1]:
            target.alignment = _CENTER
        sheet.row_dimensions[1].height = 60
    notes = workbook.create_sheet("说明")
    notes.column_dimensions["A"].width = 120
    for line in consolidation.notes(fmt):
        notes.append([line])
        notes.cell(notes.max_row, 1).alignment = _LEFT
    return workbook


def _short_name(name: str, table_label_text: str) -> str:
    """「表三“（一）予以公开”行“自然人”列」 -> 「（一）予以公开 · 自然人」 for a column head."""
    text = name.removeprefix(table_label_text)
    parts = [p for p in text.replace("”", "“").split("“") if p and p not in ("行", "列")]
    return " · ".join(parts) if parts else name


def _sheet_name(name: str, workbook: Workbook) -> str:
    base = name.translate(_BAD_SHEET_CHARS)[:28] or "表"
    candidate, number = base, 2
    while candidate in workbook.sheetnames:
        candidate, number = f"{base}{number}", number + 1
    return candidate


# --- writing ---------------------------------------------------------------------------------


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def save_workbook(workbook: Workbook, path: Path | str) -> Path:
    """Write the workbook atomically; ExportError with a plain-Chinese message on failure."""
    path = _with_suffix(Path(path), ".xlsx")
    _write(path, workbook_bytes(workbook), "Excel 文件")
    return path


def save_csv(text: str, path: Path | str) -> Path:
    """Write CSV text with a BOM, so Excel on a Chinese Windows reads it as UTF-8."""
    path = _with_suffix(Path(path), ".csv")
    _write(path, ("\ufeff" + text).encode("utf-8"), "CSV 文件")
    return path


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def _write(path: Path, data: bytes, what: str) -> None:
    try:
        write_atomically(path, data)
    except ExportError as exc:
        raise ExportError(str(exc).replace("PDF 文件", what)) from exc


def export_batch(result: BatchResult, xlsx: Path | None, csv_path: Path | None) -> list[str]:
    """Write the batch table (and its findings sheet) where asked; the notes to show."""
    notes = []
    if xlsx is not None:
        notes.append(f"已写入 Excel 文件：{save_workbook(batch_workbook(result), xlsx)}")
    if csv_path is not None:
        notes.append(f"已写入 CSV 文件：{save_csv(batch_csv(result), csv_path)}")
    return notes


def export_report_xlsx(report: Report, out: Path | str) -> list[str]:
    """Write one report's statistics tables as an .xlsx; the note to show."""
    path = save_workbook(report_workbook(report, get_format(report.format)), out)
    return [f"已写入 Excel 文件：{path}"]
