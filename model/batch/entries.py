"""One row of 批量检查: the report read from a file (or why not), what was found in it, and
how the table, the .xlsx and the command line show it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from model.checks.engine import active
from model.errors import NianbaoError
from model.findings import ERROR, PENDING, WARNING, Finding
from model.formats import get_format
from model.report import Report

FILE_KINDS = {
    ".json": "交换文件",
    ".txt": "文本",
    ".docx": "Word",
    ".doc": "Word（旧版）",
    ".wps": "WPS",
    ".pdf": "PDF",
    ".html": "网页",
    ".htm": "网页",
}


NARRATIVE_PREFIX = "H4@"  # findings of the check of figures in the text against the tables


DUPLICATE, YEAR_MISMATCH, UNREADABLE = "B1", "B2", "B0"


# agency kinds, for filtering: 乡镇（街道） before 部门, since 「××镇人民政府」 is a township
_TOWNSHIP = re.compile(r"(?:镇|乡|街道|街道办事处|苏木)(?:人民政府|办事处|党委|政府)?$")


_GOVERNMENT = re.compile(r"(?:省|市|县|区|旗|州|盟)(?:人民政府|人民政府办公室|人民政府办公厅)$")


KIND_TOWNSHIP, KIND_GOVERNMENT, KIND_DEPARTMENT = "乡镇（街道）", "政府", "部门"


@dataclass
class BatchEntry:
    """One file of the batch: the report read from it (or why it could not be read) and
    everything found in it."""

    path: Path
    report: Report | None = None
    error: str = ""  # why the file could not be read, in the clerk's words
    notes: list[str] = field(default_factory=list)  # what the importer said
    findings: list[Finding] = field(default_factory=list)  # own and cross-report
    previous_from: str = ""  # where last year's report came from: 文件名 or 「数据文件」
    source: str = "file"  # "file", or "store" for a report taken from the store

    @property
    def agency(self) -> str:
        return self.report.agency if self.report is not None else ""

    @property
    def year(self) -> int | None:
        return self.report.year if self.report is not None else None

    @property
    def file_kind(self) -> str:
        if self.source == "store":
            return "数据文件"
        return FILE_KINDS.get(self.path.suffix.lower(), self.path.suffix.lstrip(".") or "文件")

    @property
    def format_name(self) -> str:
        if self.report is None:
            return ""
        try:
            name = get_format(self.report.format).name
        except NianbaoError:
            return self.report.format
        return name.split("（", 1)[0] or name  # 「国家统一格式」: the basis is in the file

    @property
    def kind(self) -> str:
        return agency_kind(self.agency)

    def active_findings(self) -> list[Finding]:
        """The findings still to act on (warnings dismissed in the report left out)."""
        if self.report is None:
            return list(self.findings)
        return active(self.findings, self.report)

    def count(self, level: str) -> int:
        return sum(1 for f in self.active_findings() if f.level == level)

    @property
    def errors(self) -> int:
        return self.count(ERROR)

    @property
    def warnings(self) -> int:
        return self.count(WARNING)

    @property
    def pending(self) -> int:
        return self.count(PENDING)

    @property
    def narrative_mismatches(self) -> int:
        return sum(1 for f in self.active_findings() if f.id.startswith(NARRATIVE_PREFIX))

    @property
    def narrative(self) -> str:
        """Whether the figures in the text match the tables, in a word for the table."""
        if self.report is None:
            return ""
        mismatches = self.narrative_mismatches
        if mismatches:
            return f"不一致（{mismatches} 处）"
        return "一致" if _quotes_figures(self.report) else "未引用数字"

    @property
    def status(self) -> str:
        """The worst level found: what the level filter and the colour go by."""
        if self.report is None:
            return UNREADABLE
        for level in (ERROR, WARNING, PENDING):
            if self.count(level):
                return level
        return "ok"

    @property
    def name(self) -> str:
        return self.path.name


def _quotes_figures(report: Report) -> bool:
    """Whether the text quotes any figure the checks compare with the tables."""
    from model.checks.text_figures import quotes_in

    try:
        figures = get_format(report.format).text_figures
    except NianbaoError:
        return False
    if not figures:
        return False
    texts = [*report.preamble, *(p for ps in report.sections.values() for p in ps)]
    return any(quotes_in(text, figures) for text in texts)


@dataclass
class BatchResult:
    entries: list[BatchEntry]
    main_year: int | None = None  # the year of most reports

    def has_errors(self) -> bool:
        return any(e.errors for e in self.entries)

    def readable(self) -> list[BatchEntry]:
        return [e for e in self.entries if e.report is not None]

    def totals(self) -> dict[str, int]:
        return {
            "reports": len(self.entries),
            "unreadable": sum(1 for e in self.entries if e.report is None),
            "with_errors": sum(1 for e in self.entries if e.errors),
            ERROR: sum(e.errors for e in self.entries),
            WARNING: sum(e.warnings for e in self.entries),
            PENDING: sum(e.pending for e in self.entries),
        }


def agency_kind(agency: str) -> str:
    """乡镇（街道）, 政府 or 部门, read off the agency's name (for filtering the table)."""
    name = unicodedata.normalize("NFKC", agency).strip()
    if not name:
        return ""
    if _TOWNSHIP.search(name):
        return KIND_TOWNSHIP
    if _GOVERNMENT.search(name):
        return KIND_GOVERNMENT
    return KIND_DEPARTMENT


def _notes(entry: BatchEntry) -> str:
    return entry.error or "；".join(entry.notes)


# the batch table's columns, shared by the window, the .xlsx and the .csv
COLUMNS: tuple[tuple[str, Callable[[BatchEntry], str | int | None]], ...] = (
    ("文件", lambda e: e.name),
    ("机关", lambda e: e.agency),
    ("类别", lambda e: e.kind),
    ("年度", lambda e: e.year),
    ("文件类型", lambda e: e.file_kind),
    ("报告格式", lambda e: e.format_name),
    ("错误", lambda e: e.errors),
    ("提醒", lambda e: e.warnings),
    ("待填", lambda e: e.pending),
    ("文字与表格", lambda e: e.narrative),
    ("上年报告", lambda e: e.previous_from),
    ("读取说明", _notes),
)


def summary_line(entry: BatchEntry) -> str:
    """One line of ``check-all``: file, agency, year, kinds, counts, narrative (tab separated)."""
    if entry.report is None:
        return "\t".join((entry.name, "无法读取", entry.error))
    year = "" if entry.year is None else str(entry.year)
    parts = (
        entry.name,
        entry.agency or "（未读出机关）",
        year or "（未读出年度）",
        entry.file_kind,
        entry.format_name,
        f"错误 {entry.errors}",
        f"提醒 {entry.warnings}",
        f"待填 {entry.pending}",
        f"文字与表格：{entry.narrative}",
    )
    return "\t".join(parts)
