"""The application shell: start page, report list, new-report dialog, menus, settings, trash."""

from __future__ import annotations

import datetime as _dt
import time
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from gui import settings as prefs
from gui.shell.main_window import MainWindow
from gui.shell.new_report_dialog import NewReportDialog, default_year
from gui.shell.start_page import StartPage
from model.formats import available_formats, default_format_for
from model.paths import data_dir, default_store_path
from model.report import Report
from model.store.report_store import ReportStore, ReportSummary


def make_report(agency: str = "某某市商务局", year: int = 2017) -> Report:
    fmt = default_format_for(year)
    report = Report(format=fmt.id, agency=agency, year=year)
    report.set_meta("title", fmt.title_for(agency, year))
    return report


# --- settings ---------------------------------------------------------------------------------
def test_settings_live_in_the_data_folder_and_keep_lists():
    settings = prefs.app_settings()
    assert Path(settings.fileName()) == data_dir() / "settings.ini"
    prefs.push_recent_report("a1", settings)
    settings.sync()
    assert prefs.recent_reports(prefs.app_settings()) == ["a1"]  # a one-item list stays a list
    prefs.push_recent_report("b2")
    prefs.push_recent_report("a1")
    assert prefs.recent_reports() == ["a1", "b2"]
    prefs.set_ui_language("en")
    assert prefs.ui_language() == "en"


# --- start page / report list -------------------------------------------------------------------
def test_empty_store_shows_the_welcome_page(window: MainWindow):
    page = window.start_page
    assert page.showing_welcome()
    assert page.welcome_new.text() == "新建年度报告"
    assert page.welcome_import.text() == "导入往年报告…"
    assert window.windowTitle() == "公开年报编辑器"


def test_report_list_shows_agency_year_format(window: MainWindow, store: ReportStore):
    report = make_report("某某市商务局", 2017)
    store.put(report)
    window.refresh_list()
    page = window.start_page
    assert not page.showing_welcome()
    model = page.view.model()
    row = [model.index(0, c).data() for c in range(4)]
    fmt_name = {f.id: f.name for f in available_formats()}[report.format]
    assert row[:3] == ["某某市商务局", "2017", fmt_name]
    assert row[3].startswith(str(_dt.date.today().year))
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "机关名称",
        "年度",
        "格式",
        "最后修改",
    ]
    assert page.selected_id() == report.id
    assert "共 1 份报告" in page.count_label.text()


def test_report_list_is_fast_and_filters_with_1000_reports(qtbot):
    page = StartPage({"fmt": "新格式"})
    qtbot.addWidget(page)
    summaries = [
        ReportSummary(f"id{i}", f"机关{i}", 2000 + i % 20, "fmt", f"2024-01-{i % 28 + 1:02d}", "")
        for i in range(1000)
    ]
    started = time.perf_counter()
    page.set_summaries(summaries)
    page.show()
    QApplication.processEvents()
    assert time.perf_counter() - started < 5.0  # a hang guard; bench_startup has the figures
    assert page.model.rowCount() == 1000
    page.search.setText("机关99")
    assert {page.model.index(r, 0).data() for r in range(page.model.rowCount())} == {
        "机关99",
        "机关990",
        "机关991",
        "机关992",
        "机关993",
        "机关994",
        "机关995",
        "机关996",
        "机关997",
        "机关998",
        "机关999",
    }


def test_enter_and_open_button_open_the_selected_report(qtbot):
    page = StartPage({})
    qtbot.addWidget(page)
    page.set_summaries([ReportSummary("x1", "甲", 2020, "f", "2024-01-01", "")])
    page.show()
    with qtbot.waitSignal(page.openRequested) as opened:
        page.open_button.click()
    assert opened.args == ["x1"]
    page.view.setFocus()
    with qtbot.waitSignal(page.openRequested) as opened:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened.args == ["x1"]


# --- new report dialog ----------------------------------------------------------------------
def test_new_report_dialog_defaults_to_last_year_and_its_format(qtbot):
    dialog = NewReportDialog()
    qtbot.addWidget(dialog)
    year = default_year()
    assert year == _dt.date.today().year - 1
    assert dialog.year_spin.value() == year
    assert dialog.format_combo.currentData() == default_format_for(year).id
    dialog.agency_edit.setText("某某县人民政府办公室")
    assert dialog.title_label.text() == default_format_for(year).title_for(
        "某某县人民政府办公室", year
    )
    report = dialog.report()
    assert (report.agency, report.year) == ("某某县人民政府办公室", year)
    assert report.meta_value("title") == dialog.title_label.text()


def test_new_report_dialog_refuses_an_empty_agency(qtbot):
    dialog = NewReportDialog()
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "机关名称" in dialog.error_label.text()


def test_format_follows_the_year_until_chosen_by_hand(qtbot):
    dialog = NewReportDialog()
    qtbot.addWidget(dialog)
    dialog.year_spin.setValue(2010)
    assert dialog.format_combo.currentData() == default_format_for(2010).id


def test_new_report_is_stored_listed_and_opened(window: MainWindow, store, monkeypatch):
    def fake_exec(dialog: NewReportDialog) -> int:
        dialog.agency_edit.setText("某某区教育局")
        dialog.year_spin.setValue(2018)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewReportDialog, "exec", fake_exec)
    window.actions_.new.trigger()
    [summary] = store.list_reports()
    assert (summary.agency, summary.year) == ("某某区教育局", 2018)
    session = window.current_session()
    assert session is not None and session.report.id == summary.id
    assert "某某区教育局" in window.windowTitle()
    assert prefs.recent_reports() == [summary.id]


# --- menus, shortcuts, find -------------------------------------------------------------------
def test_actions_have_the_usual_shortcuts_and_help(window: MainWindow):
    a = window.actions_
    expected = {
        a.new: "Ctrl+N",
        a.open_list: "Ctrl+O",
        a.save: "Ctrl+S",
        a.print_report: "Ctrl+P",
        a.find: "Ctrl+F",
        a.quit: "Ctrl+Q",
        a.help: "F1",
        a.undo: "Ctrl+Z",
    }
    for action, keys in expected.items():
        assert action.shortcut() == QKeySequence(keys), action.text()
    assert QKeySequence("Ctrl+Y") in a.redo.shortcuts()
    for action in (a.new, a.save, a.export_pdf, a.preview, a.trash, a.settings, a.about):
        assert action.statusTip(), action.text()
    menus = [m.title() for m in window.menuBar().findChildren(type(a.recent_menu))]
    assert {"文件(&F)", "编辑(&E)", "帮助(&H)"} <= set(menus)
    assert not a.save.isEnabled()  # nothing open yet


def test_ctrl_s_saves_the_open_report(window: MainWindow, store: ReportStore, qtbot):
    report = make_report()
    store.put(report)
    window.open_report(report.id)
    session = window.current_session()
    assert session is not None
    session.set_meta("phone", "0632-1234567")
    assert window.actions_.save.isEnabled()
    window.actions_.save.trigger()
    assert store.get(report.id).meta_value("phone") == "0632-1234567"
    assert "已保存" in window.save_label.text()
    window.actions_.undo.trigger()
    assert session.report.meta_value("phone") == ""


def test_save_failure_is_shown_prominently(window: MainWindow, store: ReportStore):
    report = make_report()
    store.put(report)
    window.open_report(report.id)
    session = window.current_session()
    assert session is not None
    session.saveFailed.emit("磁盘已满，报告未能保存。")
    assert window.banner.isVisible()
    assert "磁盘已满" in window.banner.text()
    assert window.save_label.text() == "未保存！"


def test_find_bar_finds_text_in_the_report(window: MainWindow, store: ReportStore):
    report = make_report()
    report.set_preamble(["根据《条例》要求，编制本报告。"])
    store.put(report)
    window.open_report(report.id)
    window.actions_.find.trigger()
    assert window.find_bar.isVisible()
    window.find_bar.edit.setText("条例")
    window.find_bar.edit.returnPressed.emit()
    assert window.find_bar.result.text() == ""
    window.find_bar.edit.setText("没有这几个字")
    window.find_bar.edit.returnPressed.emit()
    assert "找不到" in window.find_bar.result.text()


def test_open_list_closes_the_report_and_shows_the_list(window: MainWindow, store):
    report = make_report()
    store.put(report)
    window.open_report(report.id)
    window.actions_.open_list.trigger()
    assert window.current_session() is None
    assert window.stack.currentWidget() is window.start_page
    assert prefs.last_report() == ""


def test_recent_menu_lists_opened_reports(window: MainWindow, store):
    first, second = make_report("甲局", 2017), make_report("乙局", 2018)
    for r in (first, second):
        store.put(r)
    window.refresh_list()
    window.open_report(first.id)
    window.open_report(second.id)
    window._fill_recent_menu()
    texts = [a.text() for a in window.actions_.recent_menu.actions()]
    assert texts == ["乙局 2018", "甲局 2017"]
    window.actions_.recent_menu.actions()[1].trigger()
    assert window.current_session().report.id == first.id  # type: ignore[union-attr]


# --- delete and trash ---------------------------------------------------------------------------
def test_delete_asks_then_moves_to_trash_and_trash_restores(window: MainWindow, store, monkeypatch):
    report = make_report()
    store.put(report)
    window.refresh_list()
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.actions_.delete_report.trigger()
    assert "回收站" in asked[0]
    assert store.list_reports() == []
    assert window.start_page.showing_welcome()

    from gui.shell.trash_dialog import TrashDialog

    dialog = TrashDialog(store, window)
    assert dialog.tree.topLevelItemCount() == 1
    first = dialog.tree.topLevelItem(0)
    assert first is not None and first.text(0) == "某某市商务局"
    dialog.restore_selected()
    assert [s.id for s in store.list_reports()] == [report.id]
    assert dialog.tree.topLevelItemCount() == 0


def test_deleting_a_report_whose_save_failed_forgets_its_unsaved_edits(
    window: MainWindow, store, monkeypatch
):
    """Restoring it from the trash must not bring back, unasked, edits she deleted with it."""
    from model.errors import StoreError
    from model.store.recovery import RecoveryJournal

    report = make_report()
    store.put(report)
    window.refresh_list()
    window.open_report(report.id)
    session = window.current_session()
    assert session is not None

    def disk_full(_report):
        raise StoreError("磁盘已满")

    monkeypatch.setattr(store, "put", disk_full)
    session.set_meta("address", "删除前没保存的地址")
    session.flush_journal()
    journal = RecoveryJournal(store.path)
    assert journal.journaled(report.id) is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Close)
    window.delete_report()
    assert store.list_reports() == []
    assert journal.journaled(report.id) is None
    monkeypatch.undo()
    store.restore(report.id)
    window.open_report(report.id)
    reopened = window.current_session()
    assert reopened is not None and not reopened.recovered_from_crash
    assert reopened.report.meta_value("address") != "删除前没保存的地址"


def test_emptying_the_trash_asks_first(qtbot, store, monkeypatch):
    from gui.shell.trash_dialog import TrashDialog

    report = make_report()
    store.put(report)
    store.delete(report.id)
    dialog = TrashDialog(store)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    dialog.empty()
    assert len(store.list_trash()) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.empty()
    assert store.list_trash() == []
    assert "空" in dialog.info.text()


# --- read-only, geometry, settings dialog, help ---------------------------------------------------
def test_read_only_store_makes_the_window_visibly_read_only(qtbot, store):
    report = make_report()
    store.put(report)
    store.close()
    reader = ReportStore(default_store_path(), read_only=True)
    w = MainWindow(reader)
    qtbot.addWidget(w)
    w.show()
    assert "只读" in w.windowTitle()
    assert w.banner.isVisible() and "只读" in w.banner.text()
    assert not w.actions_.new.isEnabled()
    w.open_report(report.id)
    assert not w.actions_.save.isEnabled()
    from PySide6.QtWidgets import QLineEdit

    edits = w.current_editor().findChildren(QLineEdit)
    assert edits and all(e.isReadOnly() for e in edits)
    reader.close()


def test_window_size_and_last_report_are_remembered(qtbot, store):
    report = make_report()
    store.put(report)
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # the offscreen screen is 800 × 600
    first.open_report(report.id)
    first.close()
    assert prefs.last_report() == report.id
    second = MainWindow(store)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_settings_dialog_has_language_tab_and_saves_choice(qtbot):
    from gui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs[0] == "语言"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert dialog.language_changed()
    dialog.accept()
    assert prefs.ui_language() == "en"


def test_about_names_version_and_data_location(qtbot, store):
    from gui.shell.help import AboutDialog, HelpDialog

    about = AboutDialog(store.path)
    qtbot.addWidget(about)
    assert str(store.path) in about.label.text()
    assert "logs" in about.label.text()
    help_dialog = HelpDialog()
    qtbot.addWidget(help_dialog)
    assert "Ctrl+S" in help_dialog.browser.toPlainText()


def test_qt_standard_buttons_are_chinese(qtbot, qapp):
    from gui.shell.i18n import install_translators, remove_translators

    installed = install_translators(qapp, "zh_CN")
    try:
        assert installed, "qtbase_zh_CN.qm not found"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    finally:
        remove_translators(qapp, installed)


def test_english_translation_switches_the_menus(qtbot, qapp, store):
    from gui.shell.i18n import install_translators, remove_translators

    locale = QLocale()
    installed = install_translators(qapp, "en")
    try:
        assert installed, "nianbao_en.qm not found"
        english = MainWindow(store)
        qtbot.addWidget(english)
        assert english.actions_.save.text() == "&Save"
        assert english.start_page.welcome_new.text() == "New annual report"
        assert english.menuBar().actions()[0].text() == "&File"
    finally:
        remove_translators(qapp, installed)
        QLocale.setDefault(locale)
    chinese = MainWindow(store)
    qtbot.addWidget(chinese)
    assert chinese.actions_.save.text() == "保存(&S)"


def test_font_tab_shows_each_state_on_one_line(qtbot):
    from PySide6.QtWidgets import QLabel, QTabWidget

    from gui.output.font_settings import FontSettingsPage
    from gui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QTabWidget).setCurrentIndex(1)
    qtbot.waitExposed(dialog)
    page = dialog.findChild(FontSettingsPage)
    states = [row[2] for row in page._rows.values()]
    assert states and all(isinstance(s, QLabel) for s in states)
    for state in states:  # 「替代字体（本机未安装正式字体）」 must not be cut or wrapped
        assert state.fontMetrics().horizontalAdvance(state.text()) <= state.width()
