"""批量检查 of 500 reports (budget: 10 s, 500 MB) and their 汇总 (budget: 2 s).

Run: python3 bench/bench_batch.py [COUNT] [--office]  — generates COUNT reports (default 500) in a
temporary folder: most as exchange files, the rest as text, web and Word files (Word only when
python-docx is installed), as a district office receives them; then reads and checks them all
as `check-all` does, and consolidates the fmt2021 ones. Prints the times and the peak memory
of the process (resident set size). With --office every report is a Word file or a web page
with its tables, as agencies send them: reading those is what takes the time.
"""

from __future__ import annotations

import importlib.util
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from batch_data import clean_report, report_html, report_text, write_docx  # noqa: E402

from model.batch.check_folder import BatchCheck  # noqa: E402
from model.batch.consolidate import consolidate  # noqa: E402
from model.batch.files import read_report, report_files  # noqa: E402
from model.formats import available_formats  # noqa: E402
from model.importers.exchange import write_exchange_file  # noqa: E402

CHECK_BUDGET_S = 10.0
MEMORY_BUDGET_MB = 500.0
CONSOLIDATE_BUDGET_S = 2.0


def peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def time_reading(files: list[Path], per_kind: int = 10) -> dict[str, list[float]]:
    """Seconds to read one file, for up to ``per_kind`` files of each type, in this process."""
    formats = available_formats()
    times: dict[str, list[float]] = {}
    for path in files:
        kind = path.suffix.lstrip(".")
        if len(times.setdefault(kind, [])) >= per_kind:
            continue
        started = time.perf_counter()
        read_report(path, formats)
        times[kind].append(time.perf_counter() - started)
    return times


def generate(folder: Path, count: int, office: bool = False) -> dict[str, int]:
    """``count`` reports: 1 in 10 text, 1 in 20 web page, 1 in 20 Word, the rest exchange;
    ``office``: every report a Word file or a web page (what agencies send by mail)."""
    kinds: dict[str, int] = {}
    docx = importlib.util.find_spec("docx") is not None
    for number in range(count):
        report = clean_report(number)
        if office:
            kind = "docx" if number % 2 and docx else "html"
            if kind == "docx":
                write_docx(report, folder / f"{number:04d}.docx")
            else:
                (folder / f"{number:04d}.html").write_text(report_html(report), encoding="utf-8")
        elif number % 10 == 1:
            kind = "txt"
            (folder / f"{number:04d}.txt").write_text(report_text(report), encoding="utf-8")
        elif number % 20 == 2:
            kind = "html"
            (folder / f"{number:04d}.html").write_text(report_html(report), encoding="utf-8")
        elif number % 20 == 3 and docx:
            kind = "docx"
            write_docx(report, folder / f"{number:04d}.docx")
        else:
            kind = "json"
            write_exchange_file(report, folder / f"{number:04d}.nianbao.json")
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--office"]
    count = int(args[0]) if args else 500
    office = "--office" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        kinds = generate(folder, count, office)
        before = peak_mb()
        files = report_files([folder])
        start = time.perf_counter()
        result = BatchCheck(files).run()
        checked = time.perf_counter() - start
        after = peak_mb()
        reading = time_reading(files)
        readable = result.readable()
        reports = [e.report for e in readable if e.report is not None]
        start = time.perf_counter()
        consolidation = consolidate(reports, "示范区人民政府")
        consolidated = time.perf_counter() - start
    # the files read without tables (text, web, Word here) have no figures to add up:
    # the 汇总 of a full 500 is measured on 500 complete reports
    full = [clean_report(number) for number in range(count)]
    start = time.perf_counter()
    consolidate(full, "示范区人民政府")
    consolidated_full = time.perf_counter() - start

    listed = "、".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
    print(f"批量检查 {len(result.entries)} reports ({listed}):")
    print(f"  read and checked in {checked:.2f} s (budget {CHECK_BUDGET_S} s)")
    print(f"  {len(readable)} read, {result.totals()['with_errors']} with errors")
    per_kind = "、".join(
        f"{kind} {1000 * sum(times) / len(times):.0f} ms" for kind, times in sorted(reading.items())
    )
    print(f"  reading one file takes on average: {per_kind}")
    print(
        f"  peak memory of the process {after:.0f} MB (before the batch {before:.0f} MB; "
        f"budget {MEMORY_BUDGET_MB:.0f} MB)"
    )
    print(
        f"汇总 of the {len(consolidation.parts)} reports read with figures in "
        f"{consolidated:.3f} s; of {count} complete reports in {consolidated_full:.3f} s "
        f"(budget {CONSOLIDATE_BUDGET_S} s)"
    )
    ok = checked <= CHECK_BUDGET_S and after <= MEMORY_BUDGET_MB
    return 0 if ok and max(consolidated, consolidated_full) <= CONSOLIDATE_BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
