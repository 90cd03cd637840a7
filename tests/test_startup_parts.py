"""What the window needs before its first paint is kept small: format names without building
the formats, a log rotated at start instead of by a handler that imports sockets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gui.shell.crash import rotate_log
from model.format_names import format_names
from model.formats import available_formats

ROOT = Path(__file__).resolve().parent.parent


def test_format_names_match_the_built_formats(tmp_path: Path) -> None:
    assert format_names() == {f.id: f.name for f in available_formats()}
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "ok.json").write_text('{"id": "x", "name": "某格式"}', encoding="utf-8")
    assert format_names(tmp_path) == {"x": "某格式"}  # an unreadable file is left out


def test_a_full_log_is_rotated_at_start_keeping_five(tmp_path: Path) -> None:
    log = tmp_path / "nianbao.log"
    for run in range(7):
        log.write_text(f"run {run}\n" + "x" * 200, encoding="utf-8")
        rotate_log(log, limit=100, keep=5)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == [f"nianbao.log.{n}" for n in range(1, 6)]
    assert (tmp_path / "nianbao.log.1").read_text(encoding="utf-8").startswith("run 6")
    assert (tmp_path / "nianbao.log.5").read_text(encoding="utf-8").startswith("run 2")
    small = tmp_path / "small.log"
    small.write_text("short", encoding="utf-8")
    rotate_log(small, limit=100)
    assert small.read_text(encoding="utf-8") == "short"


def test_the_window_appears_without_the_editor_checks_or_pdf_modules(tmp_path: Path) -> None:
    """Opening the window imports none of what only an open report or an export needs."""
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from gui.shell.app import open_store; from model.paths import default_store_path;"
        "from gui.shell.main_window import MainWindow;"
        "w = MainWindow(open_store(default_store_path())); w.show(); app.processEvents();"
        "print(' '.join(sorted(sys.modules)))"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "NIANBAO_DATA_DIR": str(tmp_path), "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(done.stdout.split())
    unwanted = {
        "gui.editing.editor", "gui.tables.table_editor", "model.checks.engine",
        "model.formats", "reportlab", "export.pdf.render", "logging.handlers",
    }  # fmt: skip
    assert loaded & unwanted == set()


STARTED_FIRST = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gui.settings import set_last_report
set_last_report(sys.argv[1])
app = QApplication([])
early = {}

def painted():
    app.processEvents()
    from gui.shell.main_window import MainWindow
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    loaded = sorted(m for m in sys.modules if m.startswith(("model.store", "tinydb", "filelock")))
    from PySide6 import QtCore  # Qt's namespace: some ninety enums built on first use

    qt = "Qt" in QtCore.__dict__
    early.update(visible=window.isVisible(), store=window.has_store(), loaded=loaded, qt=qt)
    def done():
        session = window.current_session()
        if session is None:
            QTimer.singleShot(50, done)
            return
        print(early, window.start_page.model.rowCount(), session.report.id)
        app.quit()
    done()

QTimer.singleShot(0, painted)
from gui.shell.app import run
sys.exit(run())
"""


def test_the_window_is_painted_before_the_store_is_opened_and_read(tmp_path: Path) -> None:
    """run(): the window and its list area first; the store's modules, the store and its
    list, Qt's namespace after the first paint; then the last report is reopened as before."""
    from model.paths import STORE_FILE_NAME
    from model.report import Report
    from model.store.report_store import ReportStore

    reports = [Report(format="fmt2019", agency=name, year=2020) for name in ("甲局", "乙局")]
    with ReportStore(tmp_path / STORE_FILE_NAME) as store:
        for report in reports:
            store.put(report)
    env = {"QT_QPA_PLATFORM": "offscreen", "NIANBAO_DATA_DIR": str(tmp_path), "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", STARTED_FIRST, reports[1].id],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    line = done.stdout.strip().splitlines()[-1]
    early = "{'visible': True, 'store': False, 'loaded': [], 'qt': False}"
    assert line == f"{early} 2 {reports[1].id}"
