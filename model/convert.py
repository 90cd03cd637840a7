"""Moving a report into another format, keeping everything the clerk wrote.

Used when she starts a new year from last year's report, or changes a report's 年度 to a
year of another format. Text sections go where their heading says they belong; table cells
go to the cell of the same meaning; whatever has no place in the target format is written
into 未归类内容 (``Report.unplaced``) as plain paragraphs, so nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from model.cells import format_cell_value
from model.checks.labels import cell_name
from model.errors import FormatError
from model.formats import Format, SectionDef, default_format_for, get_format
from model.report import NOT_APPLICABLE, CellValue, Report, new_report_id
from model.sections import format_of
from model.store.report_store import ReportStore

# Cells whose meaning is the same although the two formats name them differently.
# Keys are (source format, target format); values map a source cell to a target cell.
_RENAMED_CELLS: dict[tuple[str, str], dict[str, str]] = {
    ("fmt2019", "fmt2021"): {
        # 本年新制作数量 → 本年制发件数: both count the documents made this year.
        "s2.art20_1.regulations@new_made": "s2.art20_1.regulations@issued",
        "s2.art20_1.normative_docs@new_made": "s2.art20_1.normative_docs@issued",
    },
    ("fmt2021", "fmt2019"): {
        "s2.art20_1.regulations@issued": "s2.art20_1.regulations@new_made",
        "s2.art20_1.normative_docs@issued": "s2.art20_1.normative_docs@new_made",
    },
}

# A row split into sub-rows by the newer format: the old single row goes to the sub-row that
# keeps its meaning (「3.其他」), the sub-rows added up go back into the single row.
_SPLIT_ROWS: dict[tuple[str, str], tuple[str, tuple[str, ...], str]] = {
    ("fmt2019", "fmt2021"): (
        "s3.result.other",
        ("s3.result.other.no_correction", "s3.result.other.fee_unpaid", "s3.result.other.other"),
        "s3.result.other.other",
    ),
}

# Where a free-format heading belongs in the six-part formats, tried in order; the first
# keyword found in the heading wins. A heading with none of them goes to 未归类内容.
_HEADING_KEYWORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("存在的主要问题", "问题", "改进", "整改", "不足"), "s5"),
    (("行政复议", "行政诉讼", "复议", "诉讼"), "s4"),
    (
        (
            "收费",
            "减免",
            "需要说明",
            "附表",
            "事业单位",
            "其他需要报告",
            "其他事项",
            "建议",
            "提案",
            "工作要点",
        ),
        "s6",
    ),
    (
        (
            "概述",
            "总体",
            "基本情况",
            "组织",
            "领导",
            "制度",
            "机构",
            "解读",
            "回应",
            "互动",
            "重点领域",
            "主动公开",
            "平台",
            "网站",
            "申请",
            "保密",
            "监督",
            "考核",
            "培训",
            "管理",
        ),
        "s1",
    ),
)

_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])\s*"
)
_CN_NUMBERS = "一二三四五六七八九十"


@dataclass
class ConversionResult:
    """The converted report (a new object; the source is untouched), the paragraphs that had
    no place (already appended to ``report.unplaced``) and notes for the clerk."""

    report: Report
    unplaced: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def convert_report(
    report: Report, target: Format, source: Format | None = None
) -> ConversionResult:
    """``report`` moved into ``target``. ``source`` defaults to the report's own format."""
    source = format_of(report, source)  # a free-format report's own headings
    converted = report.copy()
    converted.format = target.id
    result = ConversionResult(report=converted)
    if source.id == target.id:
        return result
    converted.own_sections = []  # its own headings belong to the free format
    converted.sections = {}
    converted.cells = {}
    moved = _move_sections(report, source, target, result)
    converted.unreviewed = [
        part
        for part in dict.fromkeys(moved.get(p, p) for p in report.unreviewed)
        if part in converted.sections or part in ("meta", "preamble")
    ]
    _move_cells(report, source, target, result)
    if result.unplaced:
        converted.unplaced = list(report.unplaced) + result.unplaced
        result.notes.append(
            f"有 {len(result.unplaced)} 段内容在「{target.name}」中没有对应位置，"
            "已放入「未归类内容」，请逐条移到合适的部分或删除。"
        )
    converted.touch()
    return result


# --- text ---------------------------------------------------------------------------------


def _heading_of(fmt: Format, section_id: str) -> str:
    try:
        return fmt.section(section_id).heading
    except KeyError:
        return section_id


def _bare(heading: str) -> str:
    """A heading without its numbering (「二、」「（一）」「1.」)."""
    return _NUMBERING.sub("", heading).strip()


def target_section_for(heading: str, section_id: str, target: Format) -> SectionDef | None:
    """The section of ``target`` a section with this heading belongs to, or None."""
    bare = _bare(heading)
    for section in target.sections:
        if section.id == section_id and _bare(section.heading) == bare:
            return section
    for section in target.sections:
        names = (_bare(section.heading), *section.aliases)
        if any(name and (name in bare or bare in name) for name in names if len(name) >= 2):
            return section
    for keywords, wanted in _HEADING_KEYWORDS:
        if any(word in bare for word in keywords):
            for section in target.sections:
                if section.id == wanted:
                    return section
    return None


def _move_sections(
    report: Report, source: Format, target: Format, result: ConversionResult
) -> dict[str, str]:
    """Move the texts; returns source section id → target section id for those moved."""
    ordered = [s.id for s in source.sections if s.id in report.sections]
    ordered += [sid for sid in report.sections if sid not in ordered]
    gathered: dict[str, list[tuple[str, list[str]]]] = {}
    moved: dict[str, str] = {}
    for sid in ordered:
        paragraphs = [p for p in report.sections[sid] if p.strip()]
        if not paragraphs:
            continue
        heading = _heading_of(source, sid)
        section = target_section_for(heading, sid, target)
        if section is None:
            result.unplaced.append(heading)
            result.unplaced.extend(paragraphs)
            continue
        gathered.setdefault(section.id, []).append((heading, paragraphs))
        moved[sid] = section.id
    for section in target.sections:
        parts = gathered.get(section.id)
        if not parts:
            continue
        if len(parts) == 1:
            result.report.sections[section.id] = list(parts[0][1])
        else:
            result.report.sections[section.id] = _with_subheadings(parts)
            names = "、".join(f"「{_bare(h)}」" for h, _ in parts)
            result.notes.append(
                f"{names}合并到了「{section.heading}」，各段前加了小标题，请按新格式整理。"
            )
    if not source.tables:
        for section in target.sections:
            if section.has_table and section.id in result.report.sections:
                result.notes.append(
                    f"「{section.heading}」的文字已搬过来，表格中的数字需要按新格式填写。"
                )
    return moved


def _with_subheadings(parts: list[tuple[str, list[str]]]) -> list[str]:
    merged: list[str] = []
    for n, (heading, paragraphs) in enumerate(parts, start=1):
        merged.append(f"（{_cn_number(n)}）{_bare(heading)}")
        merged.extend(paragraphs)
    return merged


def _cn_number(n: int) -> str:
    if n <= 10:
        return _CN_NUMBERS[n - 1]
    tens, ones = divmod(n, 10)
    return (
        ("" if tens == 1 else _CN_NUMBERS[tens - 1])
        + "十"
        + (_CN_NUMBERS[ones - 1] if ones else "")
    )


# --- cells ---------------------------------------------------------------------------------


def _move_cells(report: Report, source: Format, target: Format, result: ConversionResult) -> None:
    target_cells = target.all_cells()
    renamed = _RENAMED_CELLS.get((source.id, target.id), {})
    split = _SPLIT_ROWS.get((source.id, target.id))
    merge = _SPLIT_ROWS.get((target.id, source.id))
    merged: dict[str, list[CellValue]] = {}
    for cell_id, value in report.cells.items():
        if value is None:
            continue
        row, _, column = cell_id.partition("@")
        wanted = renamed.get(cell_id, cell_id)
        if split and row == split[0] and column:
            wanted = f"{split[2]}@{column}"
        if merge and row in merge[1] and column:
            merged.setdefault(f"{merge[0]}@{column}", []).append(value)
            continue
        grid = target_cells.get(wanted)
        if grid is not None and not grid.is_computed:
            result.report.cells[wanted] = value
            if wanted != cell_id:
                result.notes.append(
                    f"{cell_name(source, cell_id)}的数字填到了{cell_name(target, wanted)}，请核对。"
                )
        else:
            result.unplaced.append(_cell_line(source, cell_id, value))
    for wanted, values in merged.items():
        grid = target_cells.get(wanted)
        if grid is not None and not grid.is_computed:
            result.report.cells[wanted] = _added(values)
            result.notes.append(f"{cell_name(target, wanted)}是原来几个子项之和，请核对。")
    _move_stated_totals(report, target, result)


def _added(values: list[CellValue]) -> CellValue:
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if not numbers:
        return NOT_APPLICABLE if NOT_APPLICABLE in values else None
    return sum(numbers)


def _cell_line(fmt: Format, cell_id: str, value: CellValue) -> str:
    grid = fmt.all_cells().get(cell_id)
    name = cell_name(fmt, cell_id) if grid is not None else f"单元格「{cell_id}」"
    shown = format_cell_value(value, grid.value_type if grid is not None else "int")
    return f"原{fmt.name}{name}：{shown}"


def _move_stated_totals(report: Report, target: Format, result: ConversionResult) -> None:
    """Printed totals from the source document follow their cell when it exists in ``target``."""
    target_cells = target.all_cells()
    result.report.stated_totals = {
        cid: v for cid, v in report.stated_totals.items() if cid in target_cells
    }


# --- a report whose year calls for another format --------------------------------------------


def format_for_new_year(report: Report) -> Format | None:
    """The format the report's year calls for, when it is not the report's own format
    (e.g. the 2017 report whose 年度 was changed to 2025); None when nothing to offer."""
    if report.year is None:
        return None
    try:
        own = get_format(report.format)
    except FormatError:  # an unknown format cannot be judged; opening it reports that
        return None
    if own.applies_to(report.year):
        return None
    wanted = default_format_for(report.year)
    return None if wanted.id == own.id else wanted


def convert_stored_report(store: ReportStore, report_id: str, target: Format) -> ConversionResult:
    """Convert a report in the store in place (same id, so it stays the clerk's report);
    the version before the conversion goes to the 回收站 under a new id, to be restored if
    the conversion was not wanted."""
    before = store.get(report_id)
    result = convert_report(before, target)
    kept = before.copy()
    kept.id = new_report_id()
    while store.contains(kept.id):
        kept.id = new_report_id()
    store.put(kept)
    store.delete(kept.id)
    store.put(result.report)
    result.notes.append("转换前的报告已放入回收站，需要时可以在“文件 › 回收站”中恢复。")
    return result
