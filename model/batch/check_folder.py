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

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from model.batch.entries import (
    DUPLICATE,
    UNREADABLE,
    YEAR_MISMATCH,
    BatchEntry,
    BatchResult,
)
from model.batch.files import read_report, report_files, unreadable_message
from model.checks.engine import check
from model.duplicates import agency_key
from model.errors import NianbaoError
from model.findings import ERROR, WARNING, Finding
from model.formats import Format, available_formats
from model.report import Report
from model.sections import format_of

Reader = Callable[[Path], tuple[Report, list[str]]]


# --- choosing files --------------------------------------------------------------------------


# --- the batch -------------------------------------------------------------------------------


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
