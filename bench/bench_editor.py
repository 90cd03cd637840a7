"""Time to open a report in the editor, one autosave, a journal write, a keystroke and a
100,000-character paste, with a store of 1,000 reports.

    QT_QPA_PLATFORM=offscreen python3 bench/bench_editor.py [--reports 1000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from model.formats import get_format
from model.report import Report
from model.store.report_store import ReportStore


def filled_report(index: int, format_id: str) -> Report:
    fmt = get_format(format_id)
    report = Report(format=format_id, agency=f"第{index}号测试机关", year=2017 + index % 8)
    report.set_meta("title", fmt.title_for(report.agency, report.year))
    for section in fmt.sections:
        report.set_paragraphs(section.id, ["本节的示例文字，用于测量。" * 20] * 3)
    for n, cell_id in enumerate(fmt.all_cells()):
        cell = fmt.all_cells()[cell_id]
        if not cell.is_computed:
            report.set_cell(cell_id, n % 7)
    return report


def timed(label: str, action, results: list[tuple[str, float]]):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    value = action()
    results.append((label, (time.perf_counter() - started) * 1000))
    return value


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--format", default="fmt2021")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    os.environ["NIANBAO_DATA_DIR"] = str(folder)
    from gui.editing.editor import ReportEditor
    from gui.editing.session import ReportSession

    results: list[tuple[str, float]] = []
    store = ReportStore(folder / "reports.json")
    reports = [filled_report(i, args.format) for i in range(args.reports)]
    started = time.perf_counter()
    for report in reports:
        store.put(report)
    print(f"store of {args.reports} reports built in {time.perf_counter() - started:.1f} s")
    target = reports[len(reports) // 2]

    def open_editor() -> ReportEditor:
        session = ReportSession(store, store.get(target.id))
        editor = ReportEditor(session)
        editor.resize(1366, 768)
        editor.show()
        app.processEvents()
        return editor

    editor = timed("open report in editor (get + session + tabs + show)", open_editor, results)
    session = editor.session
    first_text = next(iter(editor.section_tabs.values())).edit
    timed(
        "one keystroke (insert + undo command)", lambda: first_text.insertPlainText("字"), results
    )
    timed("recovery journal write", lambda: session.flush_journal(force=True), results)
    timed("one autosave (store.put)", session.save_now, results)
    mime = QMimeData()
    mime.setText(("粘贴测试文字，一段接一段。" * 8 + "\n") * 1000)
    paste_target = list(editor.section_tabs.values())[-1]
    editor.show_section(paste_target.section.id)

    def paste() -> None:
        paste_target.edit.insertFromMimeData(mime)
        app.processEvents()

    timed("paste of 100,000 characters", paste, results)
    timed("keystroke after the big paste", lambda: paste_target.edit.insertPlainText("再"), results)
    timed("autosave after the big paste", session.save_now, results)
    for label, ms in results:
        print(f"{ms:9.1f} ms  {label}")
    session.close()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
