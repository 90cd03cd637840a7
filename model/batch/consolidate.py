"""汇总: the report of a whole area, every statistics cell the sum of its parts' reports.

The consolidated report is a new fmt2021 report of the agency the clerk names; its texts are
left empty for her to write. Only the cells a clerk types are summed; the 总计 cells follow
from them as in any report, so the official identities hold in the sum whenever they hold in
every part (each identity is linear in the cells).

Blanks are read as the checks read them: a total over cells some of which are blank takes the
blanks as 0 and is marked as partial. Here a cell that is blank in some reports gets the sum
of the others, and each such cell is counted and named with the reports that left it blank,
so the clerk knows which figures are incomplete. A cell blank in
every report stays blank. 不适用 (「/」) counts as nothing; a cell 不适用 in every report that
filled it stays 不适用.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from model.checks.labels import cell_name
from model.duplicates import agency_key
from model.errors import ReportDataError
from model.formats import VALUE_DECIMAL, Format, get_format
from model.report import NOT_APPLICABLE, CellValue, Report

TARGET_FORMAT = "fmt2021"


@dataclass
class Consolidation:
    """The consolidated report and what the clerk must be told about it."""

    report: Report
    parts: list[Report]  # the reports summed, in the order given
    blanks: dict[str, list[str]] = field(default_factory=dict)  # cell -> agencies left blank
    left_out: list[str] = field(default_factory=list)  # reports not summed, and why

    def notes(self, fmt: Format | None = None) -> list[str]:
        """Plain-Chinese notes: how many reports, which cells are partial, what was left out."""
        fmt = fmt or get_format(self.report.format)
        notes = [f"已汇总 {len(self.parts)} 份报告的统计表，正文各部分留空，请撰写。"]
        partial = {c: a for c, a in self.blanks.items() if len(a) < len(self.parts)}
        empty = [c for c, a in self.blanks.items() if len(a) == len(self.parts)]
        if partial:
            shown = "；".join(
                f"{cell_name(fmt, c)}（{len(a)} 份空白：{_names(a)}）"
                for c, a in list(partial.items())[:5]
            )
            more = f"等 {len(partial)} 个单元格" if len(partial) > 5 else ""
            notes.append(
                f"有 {len(partial)} 个单元格在部分报告中空白，汇总数按空格为 0 计算，"
                f"是不完整的合计：{shown}{more}。请向这些单位核实后补填。"
            )
        if empty:
            notes.append(f"有 {len(empty)} 个单元格在所有报告中都空白，汇总表中也留空。")
        notes += self.left_out
        return notes

    @property
    def partial_cells(self) -> int:
        return sum(1 for a in self.blanks.values() if len(a) < len(self.parts))


def consolidate(reports: Sequence[Report], agency: str, year: int | None = None) -> Consolidation:
    """Sum the statistics of ``reports`` (of one year, fmt2021) into a new report of ``agency``.

    Reports of another year or another format are left out and named in ``left_out``;
    ReportDataError when none is left to sum.
    """
    fmt = get_format(TARGET_FORMAT)
    agency = agency.strip()
    if not agency:
        raise ReportDataError("请填写汇总报告的机关名称（例如「××区人民政府」）。")
    if year is None:
        years = [r.year for r in reports if r.year is not None]
        year = max(set(years), key=years.count) if years else None
    parts: list[Report] = []
    left_out: list[str] = []
    inputs = [c.cell_id for c in fmt.all_cells().values() if c.cell_id and not c.is_computed]
    agencies: set[str] = set()
    for report in reports:
        who = report.agency or report.id
        if report.format != TARGET_FORMAT:
            left_out.append(f"「{who}」的报告不是{fmt.name}，统计表项目不同，未计入汇总。")
        elif year is not None and report.year != year:
            left_out.append(f"「{who}」的报告是 {report.year} 年的，未计入 {year} 年的汇总。")
        elif all(report.cells.get(c) is None for c in inputs):
            left_out.append(
                f"「{who}」的报告统计表没有任何数字（文件中的表格可能没有读出），未计入汇总。"
            )
        elif report.agency.strip() and agency_key(report.agency) in agencies:
            left_out.append(f"「{who}」有不止一份报告，只计入了第一份，以免重复计算。")
        else:
            agencies.add(agency_key(report.agency))
            parts.append(report)
    if not parts:
        raise ReportDataError(
            "没有可以汇总的报告：请选择同一年度、按国家统一格式（2021年起）填写的报告。"
        )
    total = Report(format=fmt.id, agency=agency, year=year)
    total.meta["title"] = fmt.title_for(agency, year)
    blanks: dict[str, list[str]] = {}
    for cell in fmt.all_cells().values():
        if cell.is_computed or cell.cell_id is None:
            continue
        value, blank_in = _sum_cell(cell.cell_id, parts, cell.value_type == VALUE_DECIMAL)
        if value is not None:
            total.cells[cell.cell_id] = value
        if blank_in:
            blanks[cell.cell_id] = blank_in
    return Consolidation(total, parts, blanks, left_out)


def _sum_cell(cell_id: str, parts: Sequence[Report], decimal: bool) -> tuple[CellValue, list[str]]:
    """The sum of one cell over the parts, and the agencies that left it blank."""
    total = Decimal(0)
    numeric = False
    not_applicable = False
    blank_in: list[str] = []
    for report in parts:
        value = report.cells.get(cell_id)
        if value is None:
            blank_in.append(report.agency or report.id)
        elif value == NOT_APPLICABLE:
            not_applicable = True
        elif isinstance(value, (int, float)):
            total += Decimal(str(value))  # Decimal: 0.1 + 0.2 万元 is 0.3, not 0.30000000000000004
            numeric = True
    if numeric:
        whole = total == total.to_integral_value() and not decimal
        return (int(total) if whole else float(total)), blank_in
    if not_applicable:
        return NOT_APPLICABLE, blank_in
    return None, blank_in


def _names(agencies: list[str], shown: int = 3) -> str:
    listed = "、".join(agencies[:shown])
    return listed + (f"等 {len(agencies)} 个单位" if len(agencies) > shown else "")
