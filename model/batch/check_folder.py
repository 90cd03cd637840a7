"""批量检查: read a folder of reports with the importers, check each, and check them together.

The district office receives every department's and township's report and checks them before
they are published. Nothing read here is stored: the reports live in the :class:`BatchEntry`
rows until the clerk asks to import one.

:meth:`BatchCheck.steps` is a generator that yields after each file, so a window can drive a
progress bar and stop between two files, and the command line simply drains it. One file that
cannot be read is one row with its error; it never ends the batch.

Checks across reports (besides each report's own checks):

* the same agency with two reports of the same year (B1);
* a year that differs from the year of most reports (B2), except last year's report of an
  agency whose report of this year is also there (it is read for 结转);
* this year's 上年结转 against last year's 结转下年 (the format's cross-year rules), with last
  year's report taken from the folder first, else from the store.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from model.checks.engine import active, check
from model.errors import NianbaoError
from model.findings import ERROR, PENDING, WARNING, Finding
from model.formats import Format, available_formats, get_format
from model.report import Report
from model.sections import format_of

# the file types the importers read; anything else in the folder is left out of the batch
READABLE_SUFFIXES = (".json", ".txt", ".docx", ".doc", ".wps", ".pdf", ".html", ".htm")
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

Reader = Callable[[Path], tuple[Report, list[str]]]


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


# --- choosing files --------------------------------------------------------------------------


def report_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files to check: each file given, and every readable file in each folder given
    (sub-folders too), in name order; temporary files of Word/WPS (~$…) and hidden files
    are left out."""
    found: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            candidates = sorted(
                (p for p in path.rglob("*") if p.is_file() and _is_report_file(p)),
                key=lambda p: str(p.relative_to(path)),
            )
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _is_report_file(path: Path) -> bool:
    name = path.name
    if name.startswith(("~$", ".")) or name.endswith((".cells.json", ".raw.txt")):
        return False
    return path.suffix.lower() in READABLE_SUFFIXES


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


def agency_key(agency: str) -> str:
    """Two spellings of one agency (spaces, full-width letters) are the same agency."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", agency))


# --- the batch -------------------------------------------------------------------------------


def read_report(path: Path, formats: list[Format] | None = None) -> tuple[Report, list[str]]:
    """Read one file with the importers (whatever types they read, this reads).

    ``formats``: the format definitions, loaded once for the whole batch rather than once
    per file."""
    from model.importers.text import import_file

    result = import_file(path, formats)
    return result.report, list(result.warnings)


class BatchCheck:
    """Check files one by one; :meth:`steps` yields the number done after each step.

    Reading is one step per file and checking one step per report, so ``total`` is twice the
    number of files. Stopping the generator early leaves the entries read so far.
    """

    def __init__(
        self,
        files: Iterable[Path | str],
        store_path: Path | None = None,
        reader: Reader | None = None,
        extra_reports: Iterable[Report] = (),
    ) -> None:
        self.files = [Path(f) for f in files]
        self.store_path = store_path
        if reader is None:
            formats = available_formats()
            reader = lambda path: read_report(path, formats)  # noqa: E731
        self.reader = reader
        self.entries: list[BatchEntry] = [
            BatchEntry(Path(f"{r.agency or r.id}（数据文件）"), report=r, source="store")
            for r in extra_reports
        ]
        self.total = 2 * (len(self.files) + len(self.entries))
        self.finished = False
        self.current = ""  # the file being worked on, for the progress line

    def steps(self) -> Iterator[int]:
        done = len(self.entries)
        for entry in self._read_all():
            self.entries.append(entry)
            done += 1
            yield done
        main_year = self.main_year()
        by_agency = self._by_agency_and_year()
        previous_store = _StorePrevious(self.store_path)
        try:
            for entry in self.entries:
                self.current = entry.name
                if entry.report is not None:
                    entry.findings = self._check(entry, by_agency, previous_store)
                    entry.findings += _cross_findings(entry, by_agency, main_year)
                done += 1
                yield done
        finally:
            previous_store.close()
        self.finished = True

    def run(self) -> BatchResult:
        for _ in self.steps():
            pass
        return self.result()

    def result(self) -> BatchResult:
        return BatchResult(list(self.entries), self.main_year())

    def main_year(self) -> int | None:
        years = Counter(e.year for e in self.entries if e.year is not None)
        if not years:
            return None
        best = max(years.values())
        return max(y for y, n in years.items() if n == best)  # a tie: the later year

    def _read_all(self) -> Iterator[BatchEntry]:
        """An entry per file, in file order.

        One process reads them all: worker processes were tried and, on a two-core PC, their
        start (each loads the readers, about two seconds) cost more than they saved."""
        for path in self.files:
            self.current = path.name
            yield self._read(path)

    def _read(self, path: Path) -> BatchEntry:
        try:
            report, notes = self.reader(path)
        except NianbaoError as exc:
            return _entry(path, None, [], str(exc))
        except Exception as exc:
            # the parsers of Word, PDF and web files raise all kinds of errors on a damaged
            # file: that is that file's row, never the end of the batch
            return _entry(path, None, [], unreadable_message(path, exc))
        return _entry(path, report, notes, "")

    def _by_agency_and_year(self) -> dict[tuple[str, int | None], list[BatchEntry]]:
        groups: dict[tuple[str, int | None], list[BatchEntry]] = {}
        for entry in self.entries:
            if entry.report is not None and entry.agency.strip():
                groups.setdefault((agency_key(entry.agency), entry.year), []).append(entry)
        return groups

    def _check(
        self,
        entry: BatchEntry,
        groups: dict[tuple[str, int | None], list[BatchEntry]],
        store: _StorePrevious,
    ) -> list[Finding]:
        report = entry.report
        assert report is not None
        try:
            fmt: Format = format_of(report)  # a free-format report's own sections
        except NianbaoError as exc:
            return [Finding("B0@format", ERROR, str(exc))]
        previous = None
        if report.year is not None and report.agency.strip():
            last_year = groups.get((agency_key(report.agency), report.year - 1))
            if last_year:
                previous = last_year[0].report
                entry.previous_from = last_year[0].name
            else:
                previous = store.find(report.agency, report.year)
                entry.previous_from = "数据文件" if previous is not None else ""
        return list(check(report, fmt, previous))


class _StorePrevious:
    """Last year's reports from the store, opened read-only once for the whole batch."""

    def __init__(self, path: Path | None) -> None:
        self.store = None
        if path is None or not path.is_file():
            return
        from model.store.report_store import ReportStore

        try:
            self.store = ReportStore(path, read_only=True)
        except NianbaoError:
            self.store = None  # an unreadable store only means no last year from there

    def find(self, agency: str, year: int) -> Report | None:
        if self.store is None:
            return None
        try:
            return self.store.find_previous(agency, year)
        except NianbaoError:
            return None

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def _unreadable(message: str) -> Finding:
    return Finding(f"{UNREADABLE}@read", ERROR, message)


def unreadable_message(path: Path, exc: Exception) -> str:
    return (
        f"文件「{path.name}」无法读取（{type(exc).__name__}：{exc}）。"
        "请打开该文件确认是否完好，或用 Word/WPS 另存一份后再检查。"
    )


def _entry(path: Path, report: Report | None, notes: list[str], error: str) -> BatchEntry:
    if report is None:
        return BatchEntry(path, error=error, findings=[_unreadable(error)])
    return BatchEntry(path, report=report, notes=notes)


def _cross_findings(
    entry: BatchEntry,
    groups: dict[tuple[str, int | None], list[BatchEntry]],
    main_year: int | None,
) -> list[Finding]:
    report = entry.report
    assert report is not None
    findings: list[Finding] = []
    same = groups.get((agency_key(report.agency), report.year), [])
    if len(same) > 1:
        others = "、".join(f"「{e.name}」" for e in same if e is not entry)
        year = f"{report.year}年" if report.year is not None else "同一年度"
        findings.append(
            Finding(
                f"{DUPLICATE}@duplicate",
                WARNING,
                f"「{report.agency}」{year}的报告有 {len(same)} 份：除本文件外还有{others}。"
                "请确认哪一份是要发布的，删去或更正其余的。",
            )
        )
    if main_year is not None and report.year is not None and report.year != main_year:
        this_year_there = (agency_key(report.agency), report.year + 1) in groups
        if not (report.year == main_year - 1 and this_year_there):
            findings.append(
                Finding(
                    f"{YEAR_MISMATCH}@year",
                    WARNING,
                    f"本报告的年度是 {report.year} 年，而本批大多数报告是 {main_year} 年。"
                    "请确认是否放错了文件，或报告标题、年度填错了。",
                )
            )
    elif main_year is not None and report.year is None:
        findings.append(
            Finding(
                f"{YEAR_MISMATCH}@year",
                WARNING,
                f"没有读出本报告的年度（本批大多数报告是 {main_year} 年）。请核对报告标题。",
            )
        )
    return findings


def check_all(
    files: Iterable[Path | str], store_path: Path | None = None, reader: Reader | None = None
) -> BatchResult:
    """Check every file (folders expanded) at once: the command line's ``check-all``."""
    return BatchCheck(report_files(files), store_path, reader).run()


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


def read_all(paths: Iterable[Path | str]) -> tuple[list[Report], list[str]]:
    """Every report read from the files (folders expanded), and a line per unreadable file;
    no check is run (for 汇总 from the command line)."""
    reports: list[Report] = []
    unreadable: list[str] = []
    for entry in BatchCheck(report_files(paths))._read_all():
        if entry.report is not None:
            reports.append(entry.report)
        else:
            unreadable.append(entry.error)
    return reports, unreadable


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
