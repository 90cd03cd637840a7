"""以上年报告为基础新建: next year's report of the same agency, started from last year's.

The new report is in the format its year requires (a free-format report is moved into the
six parts by :func:`model.convert.convert_report`). It keeps 基本信息 and the texts, clears
the statistics, takes 上年结转 from last year's 结转下年度继续办理 column by column, moves the
obvious date phrases of the report year forward (「2024年1月1日至12月31日」, 「2024年度」) and
lists the other year mentions for the clerk. Every copied part is marked 未复核 until she
edits or confirms it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from model.errors import ReportDataError
from model.formats import Format, default_format_for
from model.report import Report, new_report_id, now_iso
from model.sections import format_of

CARRIED_FROM = "s3.carry_to_next_year@"
CARRIED_TO = "s3.carried_over@"
META_KEPT = ("address", "phone", "signature")
REVIEW_META = "meta"
REVIEW_PREAMBLE = "preamble"
MAX_LISTED = 12


@dataclass
class NextYearResult:
    report: Report
    notes: list[str] = field(default_factory=list)
    year_mentions: list[str] = field(default_factory=list)  # (part) 「…2024年…」 to check


def new_from(previous: Report) -> NextYearResult:
    """The next year's report started from ``previous`` (which is left untouched)."""
    if previous.year is None:
        raise ReportDataError(
            "这份报告没有填写年度，无法确定新报告的年度。请先在「基本信息」中填写年度。"
        )
    year = previous.year + 1
    source = format_of(previous)
    target = default_format_for(year)
    notes: list[str] = []
    copied = previous.copy()
    if target.id != source.id:
        from model.convert import convert_report

        conversion = convert_report(previous, target, source)
        copied = conversion.report
        notes.extend(conversion.notes)
        notes.append(f"{year} 年的报告使用「{target.name}」，已按新格式安排各部分。")
    report = Report(format=target.id, agency=previous.agency, year=year)
    report.own_sections = list(copied.own_sections) if not target.tables else []
    report.unplaced = list(copied.unplaced) if target.id != source.id else []
    old = previous.year
    mentions: list[str] = []
    report.preamble = [_forward(p, old, mentions, "前言") for p in copied.preamble]
    headings = {s.id: s.heading for s in format_of(report, target).sections}
    for section_id, paragraphs in copied.sections.items():
        where = headings.get(section_id, section_id)
        report.sections[section_id] = [_forward(p, old, mentions, where) for p in paragraphs]
    report.meta = _meta(previous, target, report, old)
    _carry_over(previous, source, target, report, notes)
    report.unreviewed = [
        *([REVIEW_META] if report.meta else []),
        *([REVIEW_PREAMBLE] if report.preamble else []),
        *[s for s in report.sections if report.sections[s]],
    ]
    report.created = report.modified = now_iso()
    report.id = new_report_id()
    if mentions:
        shown = "；".join(mentions[:MAX_LISTED]) + ("；……" if len(mentions) > MAX_LISTED else "")
        notes.append(f"以下文字提到 {old} 年或更早的年份，请逐条确认是否改为 {year} 年：{shown}")
    notes.append("从上年复制的各部分标为「未复核」，修改或确认后标记消失；统计表已清空。")
    return NextYearResult(report, notes, mentions)


def _forward(text: str, old: int, mentions: list[str], where: str) -> str:
    """Move the report year's period and report phrases forward; note other year mentions."""
    new = old + 1
    patterns = (
        # 2024年1月1日至12月31日 / 2024年1月1日起至2024年12月31日止
        (
            rf"{old}(\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|-|－)\s*)(?:{old}(\s*年))?"
            rf"(\s*12\s*月\s*31\s*日)",
            lambda m: f"{new}{m.group(1)}{f'{new}{m.group(2)}' if m.group(2) else ''}{m.group(3)}",
        ),
        (rf"{old}(\s*年\s*度)", lambda m: f"{new}{m.group(1)}"),  # 2024年度
        (
            rf"{old}(\s*年\s*(?:政府信息公开|政务公开)\S{{0,8}}?报告)",
            lambda m: f"{new}{m.group(1)}",
        ),
        (rf"截[止至]\s*{old}(\s*年\s*12\s*月\s*31\s*日)", lambda m: f"截至{new}{m.group(1)}"),
    )
    for pattern, replace in patterns:
        text = re.sub(pattern, replace, text)
    for match in re.finditer(r"(?<!\d)((?:19|20)\d\d)\s*年", text):
        if int(match.group(1)) <= old:
            start = max(0, match.start() - 8)
            mentions.append(f"「{where}」：…{text[start : match.end() + 8]}…")
            break
    return text


def _meta(previous: Report, target: Format, report: Report, old: int) -> dict[str, str]:
    meta = {k: v for k, v in previous.meta.items() if k in META_KEPT and v}
    cutoff = previous.meta.get("cutoff_date", "")
    if cutoff:
        meta["cutoff_date"] = re.sub(rf"^{old}(?=\s*年)", str(old + 1), cutoff)
    title = previous.meta.get("title", "")
    if title and str(old) in title:
        meta["title"] = title.replace(str(old), str(old + 1), 1)
    elif report.agency:
        meta["title"] = target.title_for(report.agency, report.year)
    return meta


def _carry_over(
    previous: Report, source: Format, target: Format, report: Report, notes: list[str]
) -> None:
    """上年结转 (this year) = 结转下年度继续办理 (last year), column by column."""
    target_cells = target.all_cells()
    source_cells = source.all_cells()
    moved = 0
    for cell_id, value in previous.cells.items():
        if not cell_id.startswith(CARRIED_FROM) or cell_id not in source_cells:
            continue
        column = cell_id[len(CARRIED_FROM) :]
        goal = CARRIED_TO + column
        cell = target_cells.get(goal)
        if cell is None or cell.is_computed or value is None:
            continue
        report.cells[goal] = value
        moved += 1
    if moved:
        notes.append(f"「上年结转」已按上年「结转下年度继续办理」填入 {moved} 个单元格。")
