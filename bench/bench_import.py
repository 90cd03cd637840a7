"""Import timings: a 20-page Word document and a 20-page PDF, each made from a real report.

Run from the repository root:  python3 bench/bench_import.py
Target: importing either takes at most 1 s (median of the warm runs; the first run, which
loads python-docx / pdfplumber, is shown too).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from import_docs import load, write_docx, write_html, write_pdf  # noqa: E402

from model.importers.text import import_file  # noqa: E402

SOURCE = "2019_shanghai_municipal_government_office"  # a full report with its three tables
PAGES = 20
RUNS = 5
TARGET = 1.0


def pages_of_pdf(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def timed(path: Path) -> tuple[float, float, float, int]:
    """(first run, median of the warm runs, median CPU time of the warm runs, cells filled).

    The CPU time is shown because a shared machine under load stretches the wall time."""
    start = time.perf_counter()
    result = import_file(path)
    first = time.perf_counter() - start
    runs, cpu = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        import_file(path)
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return first, statistics.median(runs), statistics.median(cpu), len(result.report.cells)


def main() -> int:
    source = load(SOURCE)
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        pdf = write_pdf(source, Path(folder) / "one.pdf")
        per_copy = pages_of_pdf(pdf)
        repeat = max(1, round(PAGES / per_copy))
        files = {
            "docx": write_docx(source, Path(folder) / "r.docx", repeat=repeat),
            "pdf": write_pdf(source, Path(folder) / "r.pdf", repeat=repeat),
            "html": write_html(source, Path(folder) / "r.html"),
        }
        pages = pages_of_pdf(files["pdf"])
        print(f"source: {SOURCE}, repeated {repeat}x -> PDF of {pages} pages")
        for kind, path in files.items():
            first, warm, cpu, cells = timed(path)
            verdict = "ok" if warm <= TARGET or kind == "html" else "TOO SLOW"
            if kind != "html" and warm > TARGET:
                ok = False
            print(
                f"{kind:5s} {path.stat().st_size // 1024:6d} KB  first {first:6.3f} s  "
                f"warm median {warm:6.3f} s  (CPU {cpu:6.3f} s, {cells} cells)  "
                f"target <= {TARGET} s: {verdict}"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
