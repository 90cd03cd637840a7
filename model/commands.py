"""The command-line actions that need only the model (import, list, show, check).

Each returns data or raises a :class:`~model.errors.NianbaoError`; printing and exit codes
are main.py's job. The window's 导入 reads through :func:`read_for_import` too.
"""

from __future__ import annotations

# The checks engine, the next-year use case and the store are imported where they are used:
# a command that only exports a report file starts without them.
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from model.errors import ReportNotFoundError
from model.files.text_safety import make_report_safe, replaced_message
from model.findings import ERROR, PENDING, Finding
from model.formats import Format
from model.importers.exchange import report_to_json
from model.importers.readers import SUPPORTED_SUFFIXES
from model.importers.text import ImportResult, import_file
from model.report import Report, new_report_id
from model.sections import format_of

if TYPE_CHECKING:
    from model.duplicates import Placement
    from model.next_year import NextYearResult
    from model.store.report_store import ReportStore, ReportSummary

LOCK_WAIT_SECONDS = 10.0  # a command waits this long for another writer to finish


@contextmanager
def opened_store(
    path: Path,
    *,
    read_only: bool = False,
    wait: float = 0.0,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[ReportStore]:
    """The store for one command. ``wait``: seconds to queue behind another writer;
    ``on_wait`` gets the sentence to show once the wait has lasted a second."""
    from model.store.lock import waiting_message
    from model.store.report_store import ReportStore

    notice = None if on_wait is None else (lambda: on_wait(waiting_message(path, wait)))
    store = ReportStore(path, read_only=read_only, backup_on_close=False, wait=wait, on_wait=notice)
    try:
        yield store
    finally:
        store.close()


def read_for_import(
    store: ReportStore, path: Path | str, *, simplify: bool = False
) -> ImportResult:
    """Read a file as a report ready to be put into ``store``: the very report already
    stored (same id, same content) keeps its id (``store.holds_same`` tells; nothing to add);
    an id taken by another report gets a new one. Nothing is written; the window puts and
    opens it, the command line puts it. ``simplify``: traditional characters to simplified."""
    result = read_report_file(path, simplify=simplify)
    if store.holds_same(result.report):
        result.warnings.append(
            f"数据文件中已有这份报告（编号「{result.report.id}」，内容相同），没有再添加一份。"
        )
        return result
    _give_free_id(store, result)
    return result


def read_report_file(path: Path | str, *, simplify: bool = False) -> ImportResult:
    """A report file read, its text made safe to save (what was replaced is said)."""
    result = import_file(path, simplify=simplify)
    replaced = make_report_safe(result.report)
    if replaced:
        result.warnings.append(replaced_message(replaced))
    return result


def import_into_store(
    store: ReportStore, path: Path | str, *, replace: bool = False, simplify: bool = False
) -> ImportResult:
    """Import a file and put it in the store once. When the store already has a report of
    the same agency and year, both are kept (the new one marked 副本) and a warning says so;
    with ``replace`` the old one goes to the 回收站 instead."""
    result = read_for_import(store, path, simplify=simplify)
    if store.holds_same(result.report):  # imported before (perhaps by a run that was killed)
        return result
    result.warnings.extend(_place(store, result.report, replace=replace))
    return result


def new_from_into_store(
    store: ReportStore, previous: Report, *, replace: bool = False
) -> NextYearResult:
    """以上年报告为基础新建: next year's report from ``previous``, put into the store (kept
    beside, or with ``replace`` instead of, a report of the same agency and year)."""
    from model.next_year import new_from

    result = new_from(previous)
    result.notes.extend(_place(store, result.report, replace=replace))
    return result


def _place(store: ReportStore, report: Report, *, replace: bool) -> list[str]:
    """Store a new report beside (or with ``replace`` instead of) a report of the same
    agency and year; what the clerk is told about it."""
    from model.duplicates import DuplicateChoice, existing_reports, place_report

    existing = existing_reports(store, report)
    choice = DuplicateChoice.REPLACE if replace else DuplicateChoice.KEEP_BOTH
    return duplicate_warnings(existing, place_report(store, report, choice))


def duplicate_warnings(existing: list[ReportSummary], placement: Placement) -> list[str]:
    """What the clerk is told after a report was stored beside or instead of others."""
    from model.duplicates import describe

    names = "、".join(describe(s) for s in existing)
    if placement.replaced:
        return [f"原有的同一机关同一年度报告{names}已移到回收站，由新报告代替。"]
    if placement.kept_as_copy:
        return [
            f"数据文件中已有同一机关同一年度的报告{names}。新报告另存一份，在列表中标为「副本」；"
            "如要用它代替旧报告，请删除旧报告，或在命令行加 --replace 重新执行。"
        ]
    return []


def _give_free_id(store: ReportStore, result: ImportResult) -> None:
    """An imported report whose id is already in the store becomes a copy with a new id,
    so importing the same exchange file twice never overwrites the clerk's edits."""
    report = result.report
    if not store.contains(report.id):
        return
    old = report.id
    while store.contains(report.id):
        report.id = new_report_id()
    result.warnings.append(
        f"数据文件中已有编号为「{old}」的报告，导入的这份作为副本保存，新编号为「{report.id}」。"
    )


def summary_line(summary: ReportSummary) -> str:
    """One line of `list`: id, year, agency, format (tab separated), then 副本 for a copy."""
    year = "" if summary.year is None else str(summary.year)
    fields = [summary.id, year, summary.agency or "（未填机关）", summary.format]
    if summary.is_copy:
        fields.append("副本")
    return "\t".join(fields)


def list_reports(store_path: Path) -> list[ReportSummary]:
    if not store_path.exists():
        return []
    with opened_store(store_path, read_only=True) as store:
        return store.list_reports()


def is_file_reference(reference: str) -> bool:
    """Whether REPORT names a file (rather than a report id in the store)."""
    path = Path(reference)
    return path.is_file() or path.suffix.lower() in SUPPORTED_SUFFIXES or len(path.parts) > 1


def load_report(reference: str, store_path: Path) -> tuple[Report, list[str]]:
    """REPORT on the command line: an id in the store, or a path to a report file."""
    if is_file_reference(reference):
        result = read_report_file(reference)
        return result.report, result.warnings
    if not store_path.exists():
        raise ReportNotFoundError(
            f"数据文件「{store_path}」还不存在，其中没有编号为「{reference}」的报告。"
            "请先导入报告，或用 --store 指定数据文件。"
        )
    with opened_store(store_path, read_only=True) as store:
        return store.get(reference), []


def show_report(report: Report) -> str:
    return report_to_json(report)


def check_report(report: Report, store_path: Path) -> list[Finding]:
    """The findings of model.checks.engine for the report (last year's report from the store)."""
    previous = None
    if store_path.exists():
        with opened_store(store_path, read_only=True) as store:
            previous = store.find_previous(report.agency, report.year)
    from model.checks.engine import check

    return list(check(report, format_of(report), previous))


def count_assumed(findings: list[Finding]) -> int:
    """How many findings rest on blank cells taken as 0."""
    return sum(1 for f in findings if f.assumed_blanks)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level == ERROR for f in findings)


def open_errors(findings: list[Finding], report: Report) -> list[Finding]:
    """The errors still in the report (dismissals, where the checks allow them, count)."""
    from model.checks.engine import active

    return [f for f in active(findings, report) if f.level == ERROR]


def open_pending(findings: list[Finding]) -> list[Finding]:
    """What is still to be filled in (待填): a report exported with these is unfinished."""
    return [f for f in findings if f.level == PENDING]


def open_problems(
    report: Report, fmt: Format, previous: Report | None
) -> tuple[list[Finding], list[Finding]]:
    """What makes an export premature: (errors, 待填). The window asks before exporting such
    a report; exporting it anyway stays the clerk's choice."""
    from model.checks.engine import check

    findings = check(report, fmt, previous)
    return open_errors(findings, report), open_pending(findings)
