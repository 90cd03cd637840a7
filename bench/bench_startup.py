"""Start-up time of the window, beside a bare QMainWindow with as many tabs, measured now.

Each figure is the time from starting a new Python process to the window being shown and
painted (offscreen), median of several runs, for an empty store, 10 reports and 1,000
reports; plus the time to open a report right after start (cold: the editor modules are
imported then) and to open it again after going back to the list (warm).

    python3 bench/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # a script run from bench/ needs the repository on the path

SAMPLE = ROOT / "tests" / "data" / "000_edff53855f6cc80f.txt"
SHOWN = "SHOWN"


# --- the measured processes ---------------------------------------------------------------------
def child_app(open_id: str) -> None:
    """Start nianbao as ``main.py`` does and report when the window is on screen."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    def shown() -> None:
        app.processEvents()
        print(SHOWN, time.time(), flush=True)
        from gui.shell.main_window import MainWindow

        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        if open_id:
            # the store is opened and read right after the first paint: opening a report is
            # timed from then, as before (else it would include reading the store)
            while not window.has_store():
                app.processEvents()
            started = time.perf_counter()
            window.open_report(open_id)
            app.processEvents()
            print("OPEN", time.perf_counter() - started, flush=True)
            assert window.current_session() is not None, "the report did not open"
            window.show_list()
            started = time.perf_counter()
            window.open_report(open_id)
            app.processEvents()
            print("REOPEN", time.perf_counter() - started, flush=True)
        window.close()
        app.quit()

    QTimer.singleShot(0, shown)
    from gui.shell.app import run

    run()


def child_bare(tabs: int) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit, QTabWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    widget = QTabWidget(window)
    for i in range(tabs):
        widget.addTab(QPlainTextEdit(widget), f"第{i + 1}部分")
    window.setCentralWidget(widget)
    window.resize(1280, 800)
    window.show()

    def shown() -> None:
        app.processEvents()
        print(SHOWN, time.time(), flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()


# --- the driver ---------------------------------------------------------------------------------
def make_store(folder: Path, count: int) -> str:
    """A store with ``count`` copies of the sample report; returns one report id."""
    from model.importers.text import import_file
    from model.paths import STORE_FILE_NAME
    from model.report import new_report_id
    from model.store.report_store import ReportStore

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / STORE_FILE_NAME
    if count == 0:
        return ""
    sample = import_file(SAMPLE).report
    docs = {}
    for i in range(count):
        report = sample.copy()
        report.id = new_report_id()
        report.agency = f"{sample.agency}{i}"
        report.year = 2008 + i % 17
        docs[str(i + 1)] = report.to_dict()
    # One write in TinyDB's layout (a put per report would rewrite the file 1,000 times).
    path.write_text(json.dumps({"reports": docs}, ensure_ascii=False), encoding="utf-8")
    with ReportStore(path) as store:  # the store accepts the file as its own
        assert len(store.list_reports()) == count
    return str(docs["1"]["id"])


def measure(args: list[str], data: Path) -> tuple[float, float | None, float | None]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NIANBAO_DATA_DIR=str(data))
    # as installed: modules compiled once (a bundle ships bytecode), not on every start; the
    # caches go to a folder of their own, not into the repository
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(data.parent / "pycache")
    settings = data / "settings.ini"
    if settings.exists():
        settings.unlink()  # else the window would reopen the last report at start
    started = time.time()
    out = subprocess.run(
        [sys.executable, __file__, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    shown = opened = reopened = None
    for line in out.splitlines():
        word, _, value = line.partition(" ")
        if word == SHOWN:
            shown = float(value) - started
        elif word == "OPEN":
            opened = float(value)
        elif word == "REOPEN":
            reopened = float(value)
    if shown is None:
        raise RuntimeError(f"no window reported:\n{out}")
    return shown, opened, reopened


def _ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.0f} ms" if times else "-"


def tab_count() -> int:
    from model.formats import default_format_for

    return len(default_format_for(2017).sections) + 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=["app", "bare"])
    parser.add_argument("--open", default="")
    parser.add_argument("--tabs", type=int, default=13)
    options = parser.parse_args()
    if options.child == "app":
        child_app(options.open)
        return 0
    if options.child == "bare":
        child_bare(options.tabs)
        return 0

    tabs = tab_count()
    print(f"median of {options.runs} runs; process start -> window shown (offscreen)")
    print(
        f"{'store':<14}{'nianbao':>10}{'bare QMainWindow':>20}{'ratio':>8}{'open a report':>16}"
        f"{'open again':>12}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for count in (0, 10, 1000):
            data = Path(tmp) / f"store{count}"
            report_id = make_store(data, count)
            app_times, bare_times, open_times, again_times = [], [], [], []
            measure(["--child", "app", "--open", report_id], data)  # compile the bytecode
            measure(["--child", "bare", "--tabs", str(tabs)], data)
            for _ in range(options.runs):
                shown, opened, again = measure(["--child", "app", "--open", report_id], data)
                app_times.append(shown)
                if opened is not None and again is not None:
                    open_times.append(opened)
                    again_times.append(again)
                bare_times.append(measure(["--child", "bare", "--tabs", str(tabs)], data)[0])
            opening = _ms(open_times)
            app_time, bare_time = statistics.median(app_times), statistics.median(bare_times)
            print(
                f"{count:>5} reports {app_time:>9.2f}s{bare_time:>19.2f}s"
                f"{app_time / bare_time:>7.1f}×{opening:>16}{_ms(again_times):>12}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
