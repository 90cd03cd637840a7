"""ReportEditor: tabs from the format, typing, paste, undo, find, marks, autosave."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import shiboken6
from doubles import MemoryJournal
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QLabel

from gui.editing.editor import ReportEditor
from gui.editing.session import ReportSession
from model.findings import ERROR, WARNING, Finding
from model.formats import get_format
from model.report import Report
from model.store.report_store import ReportStore


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "reports.json"


@pytest.fixture
def open_editor(qtbot, store_path: Path):
    """Open a report in an editor; sessions are closed and stores released afterwards."""
    opened: list[tuple[ReportSession, ReportStore]] = []

    def make(report: Report, journal=None) -> ReportEditor:
        store = ReportStore(store_path)
        if not store.contains(report.id):
            store.put(report)
        session = ReportSession(store, store.get(report.id), journal=journal or MemoryJournal())
        editor = ReportEditor(session)
        qtbot.addWidget(editor)
        editor.resize(1366, 768)
        opened.append((session, store))
        return editor

    yield make
    for session, store in opened:
        if shiboken6.isValid(session):
            session._closed = True
            session._save_timer.stop()
            session._journal_timer.stop()
        store.close()


def legacy_report() -> Report:
    report = Report(format="legacy2008", agency="某市统计局", year=2017)
    report.set_meta("title", "某市统计局2017年政府信息公开工作年度报告")
    report.set_paragraphs("L1", ["原来的概述。"])
    return report


def tab_titles(editor: ReportEditor) -> list[str]:
    return [editor.tabs.tabText(i) for i in range(editor.tabs.count())]


def test_tabs_follow_the_legacy_format(open_editor):
    editor = open_editor(legacy_report())
    fmt = get_format("legacy2008")
    assert tab_titles(editor) == ["基本信息", *[s.heading for s in fmt.sections]]
    assert tab_titles(editor)[1] == "一、概述"
    assert tab_titles(editor)[-1] == "十二、需要说明的事项和附表"
    editor.show_section("L12")
    assert editor.current_section_id() == "L12"
    editor.show_section("basic")
    assert editor.current_section_id() is None


def test_tabs_follow_the_2021_format_and_embed_tables(open_editor):
    editor = open_editor(Report(format="fmt2021", agency="某区政府办", year=2024))
    assert tab_titles(editor) == [
        "基本信息",
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    s3 = editor.section_tabs["s3"]
    assert s3.table_editor is not None
    assert editor.section_tabs["s1"].table_editor is None
    if s3.table_editor.objectName() != "tablePlaceholder":
        assert editor.show_cell("s3.new_this_year@natural_person")
        assert editor.current_section_id() == "s3"


def test_typing_reaches_the_store_by_autosave(qtbot, open_editor, store_path):
    editor = open_editor(legacy_report())
    session = editor.session
    editor.show_section("L3")
    edit = editor.section_tabs["L3"].edit
    edit.setFocus()
    edit.insertPlainText("第一段回应关切。\n第二段互动交流。")
    assert session.report.paragraphs("L3") == ["第一段回应关切。", "第二段互动交流。"]
    assert editor.section_tabs["L3"].word_count.text() == "字数：16"
    qtbot.waitUntil(lambda: not session.is_dirty(), timeout=3000)
    with ReportStore(store_path, read_only=True) as again:
        assert again.get(session.report.id).paragraphs("L3") == [
            "第一段回应关切。",
            "第二段互动交流。",
        ]


def test_switching_tabs_saves_at_once(open_editor, store_path):
    editor = open_editor(legacy_report())
    editor.show_section("L2")
    editor.section_tabs["L2"].edit.insertPlainText("切换前写的。")
    assert editor.session.is_dirty()
    editor.show_section("L4")
    assert not editor.session.is_dirty()


def test_undo_of_a_typing_burst_is_one_step_and_redo(qtbot, open_editor):
    editor = open_editor(legacy_report())
    edit = editor.section_tabs["L1"].edit
    editor.show_section("L1")
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    for char in "补充一句":
        edit.insertPlainText(char)
    assert editor.session.report.paragraphs("L1") == ["原来的概述。补充一句"]
    stack = editor.session.undo_stack
    assert stack.count() == 1
    editor.show_section("basic")
    stack.undo()
    assert edit.toPlainText() == "原来的概述。"
    assert editor.session.report.paragraphs("L1") == ["原来的概述。"]
    assert editor.current_section_id() == "L1"  # the changed tab came to the front
    stack.redo()
    assert edit.toPlainText() == "原来的概述。补充一句"
    assert stack.count() == 1  # refreshing the widget pushed nothing


def test_ctrl_z_in_a_text_box_uses_the_report_history(qtbot, open_editor):
    editor = open_editor(legacy_report())
    editor.add_history_shortcuts()
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor, timeout=2000)
    editor.show_section("L5")
    edit = editor.section_tabs["L5"].edit
    edit.setFocus()
    edit.insertPlainText("平台建设")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.session.report.paragraphs("L5") == []
    assert edit.toPlainText() == ""
    qtbot.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.session.report.paragraphs("L5") == ["平台建设"]
    agency = editor.basic.agency
    editor.show_section("basic")
    agency.setFocus()
    agency.setText("某市统计局办公室")
    agency.textEdited.emit(agency.text())
    qtbot.keyClick(agency, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.session.report.agency == "某市统计局"
    assert agency.text() == "某市统计局"


def test_paste_from_word_keeps_paragraphs_as_plain_text(open_editor):
    editor = open_editor(legacy_report())
    edit = editor.section_tabs["L6"].edit
    mime = QMimeData()
    mime.setHtml("<p><b>甲</b>段</p><p style='color:red'>乙段</p>")
    mime.setText("\u3000\u3000甲段\r\n\r\n乙段\x00有\x07控制符\u2028丙段𠀀😀\t尾")
    edit.insertFromMimeData(mime)
    assert editor.session.report.paragraphs("L6") == ["甲段", "乙段有控制符", "丙段𠀀😀 尾"]
    assert "\x00" not in edit.toPlainText()
    assert not edit.document().toHtml().count("font-weight:700")
    html_only = QMimeData()
    html_only.setHtml("<p>网页第一段</p><p>网页<i>第二段</i></p>")
    edit.clear()
    edit.insertFromMimeData(html_only)
    assert editor.session.report.paragraphs("L6") == ["网页第一段", "网页第二段"]


def test_year_accepts_only_sensible_years_and_title_follows(qtbot, open_editor):
    editor = open_editor(legacy_report())
    basic = editor.basic
    editor.show()
    basic.year.clear()
    qtbot.keyClicks(basic.year, "1999")
    assert editor.session.report.year is None or editor.session.report.year == 2017
    assert basic.year_message.isVisibleTo(basic)
    basic.year.clear()
    qtbot.keyClicks(basic.year, "2018")
    assert editor.session.report.year == 2018
    assert not basic.year_message.isVisibleTo(basic)
    assert basic.title.text() == "某市统计局2018年政府信息公开工作年度报告"
    qtbot.keyClicks(basic.year, "9")  # a fifth digit is refused by the box
    assert basic.year.text() == "2018"


def test_find_next_switches_tabs_selects_and_wraps(open_editor):
    report = legacy_report()
    report.set_paragraphs("L4", ["重点领域𠀀公开，重点"])
    report.set_paragraphs("L9", ["保密审查重点工作"])
    editor = open_editor(report)
    assert editor.find_next("重点")
    assert editor.current_section_id() == "L4"
    edit = editor.section_tabs["L4"].edit
    assert edit.textCursor().selectedText() == "重点"
    assert editor.find_next("重点")
    assert edit.textCursor().selectedText() == "重点"
    assert edit.textCursor().selectionStart() == 9  # 8 characters, 𠀀 is two UTF-16 units
    assert editor.find_next("重点")
    assert editor.current_section_id() == "L9"
    assert editor.find_next("重点")  # wraps around to the first again
    assert editor.current_section_id() == "L4"
    assert editor.find_next("统计局")
    assert editor.current_section_id() is None
    assert editor.basic.agency.selectedText() == "统计局"
    assert not editor.find_next("没有这句话")


def test_tab_marks_show_empty_filled_and_findings(open_editor):
    report = legacy_report()
    editor = open_editor(report)
    assert editor.tab_state("L1") == "filled"
    assert editor.tab_state("L2") == "empty"
    editor.section_tabs["L2"].edit.insertPlainText("有内容了")
    assert editor.tab_state("L2") == "filled"
    editor.set_findings(
        [
            Finding("E1", ERROR, "本节提到的数字与表格不符", section="L2"),
            Finding("W1", WARNING, "本节可能缺少说明", section="L3"),
        ]
    )
    assert editor.tab_state("L2") == "error"
    assert editor.tab_state("L3") == "warning"
    index = editor.tabs.indexOf(editor.section_tabs["L2"])
    assert editor.tabs.tabToolTip(index) == "本节有需要改正的错误"
    editor.session.dismiss("W1", "已核实")
    editor.set_findings([Finding("W1", WARNING, "本节可能缺少说明", section="L3")])
    assert editor.tab_state("L3") == "empty"
    assert editor.tab_state("L2") == "filled"


def test_failed_save_keeps_the_text_and_tells_the_clerk(qtbot, open_editor, monkeypatch):
    editor = open_editor(legacy_report())
    session = editor.session

    def locked(_report: Report) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(session.store, "put", locked)
    edit = editor.section_tabs["L7"].edit
    with qtbot.waitSignal(session.saveFailed, timeout=3000) as failed:
        edit.insertPlainText("无收费。")
    assert "保存失败" in failed.args[0] and "Ctrl+S" in failed.args[0]
    assert edit.toPlainText() == "无收费。"
    assert session.report.paragraphs("L7") == ["无收费。"]
    assert session.is_dirty()


def test_crash_recovery_through_the_real_journal(qtbot, open_editor, store_path):
    from model.store import recovery

    report = legacy_report()
    editor = open_editor(report, recovery.RecoveryJournal(store_path))
    editor.section_tabs["L8"].edit.insertPlainText("没保存就崩溃了。")
    editor.session.flush_journal()
    editor.session._save_timer.stop()  # the crash: no save
    editor.session._closed = True
    editor.session.store.close()
    again = open_editor(report, recovery.RecoveryJournal(store_path))
    assert again.session.recovered_from_crash
    assert again.section_tabs["L8"].edit.toPlainText() == "没保存就崩溃了。"


def test_huge_paste_stays_responsive(qtbot, open_editor):
    editor = open_editor(legacy_report())
    editor.show()
    edit = editor.section_tabs["L11"].edit
    editor.show_section("L11")
    lines = ["这是一段很长的粘贴文字，用来检查程序不会卡死。" * 4] * 1200
    text = "\n".join(lines)[:100_000]
    mime = QMimeData()
    mime.setText(text)
    started = time.perf_counter()
    edit.insertFromMimeData(mime)
    qtbot.wait(1)
    elapsed = time.perf_counter() - started
    assert len("".join(editor.session.report.paragraphs("L11"))) > 98_000
    # a hang guard, not a speed target (bench/bench_editor.py measures the figures)
    assert elapsed < 10.0, f"粘贴 10 万字用了 {elapsed:.2f} 秒"
    started = time.perf_counter()
    edit.insertPlainText("再")
    assert time.perf_counter() - started < 2.0


def test_a_paste_is_its_own_undo_step(open_editor):
    editor = open_editor(legacy_report())
    edit = editor.section_tabs["L10"].edit
    edit.insertPlainText("先打的字")
    mime = QMimeData()
    mime.setText("粘贴的一段")
    edit.insertFromMimeData(mime)
    edit.insertPlainText("再打")
    stack = editor.session.undo_stack
    assert stack.count() == 3
    stack.undo()
    assert editor.session.report.paragraphs("L10") == ["先打的字粘贴的一段"]
    stack.undo()
    assert edit.toPlainText() == "先打的字"


def test_every_text_box_has_a_name_for_screen_readers(open_editor):
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    editor = open_editor(legacy_report())
    labelled = {id(label.buddy()) for label in editor.findChildren(QLabel) if label.buddy()}
    boxes = editor.findChildren(QLineEdit) + editor.findChildren(QPlainTextEdit)
    assert len(boxes) >= 12 + 9  # twelve sections and the 基本信息 fields
    unnamed = [b for b in boxes if not b.accessibleName() and id(b) not in labelled]
    assert unnamed == []
    assert (
        editor.section_tabs["L3"].edit.accessibleName()
        == "三、发布解读、回应社会关切以及互动交流情况"
    )


def test_date_examples_follow_the_report_year(open_editor):
    editor = open_editor(Report(format="fmt2019", agency="某局", year=2020))
    basic = editor.basic
    assert basic.cutoff.placeholderText() == "例如：2020年12月31日"
    assert "2021年1月6日" in basic.sign_date.placeholderText()
    basic.year.setText("2023")
    basic.year.textEdited.emit("2023")
    assert basic.cutoff.placeholderText() == "例如：2023年12月31日"
