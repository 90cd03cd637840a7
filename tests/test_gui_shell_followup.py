"""Shell follow-ups: redo by keyboard in the real window, 查看 from the export question,
fresh fonts after 设置, and restoring a backup through the store's own (locked, atomic) way."""

from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from gui.output import export_controller as ec
from gui.settings import app_settings
from gui.shell import app as app_module
from gui.shell.main_window import MainWindow
from model import commands
from model.checks.engine import check
from model.formats import default_format_for
from model.paths import default_store_path
from model.report import Report
from model.store import backups
from model.store.report_store import ReportStore

# Qt warnings fail these tests (an ambiguous shortcut is only a warning); the offscreen
# platform's "does not support raise()" and similar notes are not ours.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


@pytest.fixture
def window(qtbot, store: ReportStore) -> MainWindow:
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    return w


def make_report(agency: str = "某某市商务局", year: int = 2017) -> Report:
    fmt = default_format_for(year)
    report = Report(format=fmt.id, agency=agency, year=year)
    report.set_meta("title", fmt.title_for(agency, year))
    return report


def test_redo_has_no_key_twice(window: MainWindow):
    keys = [k.toString() for k in window.actions_.redo.shortcuts()]
    assert keys[0] == "Ctrl+Y"
    assert len(keys) == len(set(keys))


def test_ctrl_z_then_ctrl_y_in_the_window_brings_the_edit_back(
    window: MainWindow, store: ReportStore, qtbot
):
    report = make_report()
    store.put(report)
    window.open_report(report.id)
    session = window.current_session()
    assert session is not None
    qtbot.waitUntil(lambda: window.isActiveWindow())
    session.set_meta("phone", "0632-1234567")

    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Undo))
    assert session.report.meta_value("phone") == ""
    QTest.keySequence(window, QKeySequence("Ctrl+Y"))
    assert session.report.meta_value("phone") == "0632-1234567"
    window.actions_.undo.trigger()
    window.actions_.redo.trigger()
    assert session.report.meta_value("phone") == "0632-1234567"


def test_view_in_the_export_question_goes_to_the_first_error(
    window: MainWindow, store: ReportStore, monkeypatch
):
    report = Report(format="fmt2021", agency="某局", year=2024)
    fmt = default_format_for(2024)
    for table in fmt.tables.values():  # 5 everywhere: table 三 cannot add up
        for cell in table.input_cells():
            report.set_cell(cell.cell_id or "", 5)
    errors = commands.open_errors(check(report, fmt, None), report)
    assert errors
    store.put(report)
    window.open_report(report.id)
    editor = window.current_editor()
    editor.show_section("basic")
    assert editor.current_section_id() is None
    asked: list[int] = []

    def ask(_parent: object, count: int, pending: int = 0) -> str:
        asked.append(count)
        return ec.VIEW

    monkeypatch.setattr(ec, "ask_export_with_errors", ask)
    monkeypatch.setattr(ec, "ask_save_path", lambda *_a: pytest.fail("no file may be asked for"))

    window.actions_.export_pdf.trigger()

    assert asked == [len(errors)]
    session = window.current_session()
    assert session is not None
    expected = errors[0].section or session.section_of_cell(errors[0].cells[0])
    assert editor.current_section_id() == expected
    assert "更正" in window.statusBar().currentMessage()


def test_saving_font_choices_makes_the_next_pdf_resolve_fonts_again(qtbot, monkeypatch):
    from export.pdf import fonts
    from gui.output.font_settings import FontSettingsPage

    page = FontSettingsPage()
    qtbot.addWidget(page)
    page.set_font_path("楷体", "/fonts/kai.ttf")
    saved_when_forgotten: list[object] = []
    monkeypatch.setattr(
        fonts,
        "forget_resolutions",
        lambda: saved_when_forgotten.append(app_settings().value("fonts/楷体")),
    )
    page.save()
    assert saved_when_forgotten == ["/fonts/kai.ttf"]  # forgotten after the new choice is stored


def test_saving_fonts_really_empties_the_resolution_cache(qtbot):
    from export.pdf import fonts
    from gui.output.font_settings import FontSettingsPage

    page = FontSettingsPage()  # resolves the fonts to show them
    qtbot.addWidget(page)
    assert fonts._cache
    page.save()
    assert not fonts._cache


def test_corrupt_store_is_replaced_by_the_backup_the_store_way(monkeypatch):
    path = default_store_path()
    good = ReportStore(path)
    report = make_report()
    good.put(report)
    good.close()
    backups.write_backup(path, [path.read_bytes()], now=_dt.datetime.now() + _dt.timedelta(1))
    newest = backups.list_backups(path)[0]
    path.write_text('{"reports": {"1": {"id": "broken', encoding="utf-8")
    asked: list[str] = []
    restored: list[tuple[object, object]] = []
    real_restore = app_module.restore_backup_file

    def restore(store_path, backup_path):
        restored.append((store_path, backup_path))
        return real_restore(store_path, backup_path)

    monkeypatch.setattr(app_module, "restore_backup_file", restore)

    def ask(_title: str, text: str, *_buttons: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(app_module, "_ask", ask)

    store = app_module.open_store(path)
    assert store is not None
    try:
        assert [s.id for s in store.list_reports()] == [report.id]
    finally:
        store.close()
    assert len(asked) == 1 and f"找到一份完好的备份（{newest.label} 保存）" in asked[0]
    assert restored == [(path, newest.path)]
    kept = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".corrupt-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8").endswith('"broken')
