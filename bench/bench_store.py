"""Store speed with 10 and 1,000 realistic reports, and a long SIGKILL loop.

    python3 bench/bench_store.py              # timings
    python3 bench/bench_store.py --kills 1000 # also the crash loop (POSIX)

Targets (docs/store.md): open to list well under 1 s, get under 100 ms, put under 50 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.report import NOT_APPLICABLE, CellValue, Report  # noqa: E402
from model.store.report_store import ReportStore  # noqa: E402

SAMPLE = ROOT / "tests" / "data" / "000_edff53855f6cc80f.txt"


def realistic_report(i: int, text: str, rng: random.Random) -> Report:
    """Full text (about the sample's 2,000 characters, twice) and about 200 cells."""
    report = Report(format="fmt2021", agency=f"某某市第{i}局", year=2000 + i % 25)
    paragraphs = [p for p in text.splitlines() if p.strip()]
    report.set_preamble(paragraphs[:2])
    for k in range(6):
        report.set_paragraphs(f"s{k + 1}", paragraphs[k::6] * 2)
    for k in range(200):
        choices: list[CellValue] = [
            rng.randint(0, 500),
            round(rng.random() * 100, 4),
            NOT_APPLICABLE,
        ]
        value = rng.choice(choices)
        report.cells[f"s3.row_{k // 10}@col_{k % 10}"] = value
    report.set_meta("title", f"某某市第{i}局{report.year}年政府信息公开工作年度报告")
    return report


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    """Median milliseconds of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def bench(count: int, folder: Path) -> None:
    rng = random.Random(count)
    text = SAMPLE.read_text(encoding="utf-8")
    path = folder / f"store{count}.json"
    reports = [realistic_report(i, text, rng) for i in range(count)]
    with ReportStore(path, backup_interval=1e9) as store, store._storage.batch():
        for report in reports:
            store.put(report)
    size = path.stat().st_size / 1e6

    def open_and_list() -> None:
        with ReportStore(path, backup_interval=1e9) as store:
            store.list_reports()

    open_ms = timed(open_and_list, 3)
    with ReportStore(path, backup_interval=1e9) as store:
        target = reports[count // 2]
        get_ms = timed(lambda: store.get(target.id), 20)
        target.set_cell("s3.row_0@col_0", 1)
        first_put = timed(lambda: store.put(target))

        def autosave() -> None:
            target.set_cell("s3.row_0@col_0", rng.randint(0, 9))
            store.put(target)

        put_ms = timed(autosave, 20)
    print(
        f"{count:>5} reports, {size:6.1f} MB: open+list {open_ms:7.1f} ms | get {get_ms:6.2f} ms"
        f" | first put {first_put:7.1f} ms | put (autosave) {put_ms:6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=0, help="SIGKILL rounds (e.g. 1000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for count in (10, 1000):
            bench(count, Path(tmp))
        if args.kills:
            sys.path.insert(0, str(ROOT / "tests"))
            from test_store_crash import run_kill_rounds

            start = time.perf_counter()
            figures = run_kill_rounds(Path(tmp) / "kill" / "reports.json", args.kills, 0.08, seed=7)
            print(f"SIGKILL loop: {figures} in {time.perf_counter() - start:.1f} s, no corruption")


if __name__ == "__main__":
    main()
