"""The window by keyboard, with real key events: the section list, Ctrl+PgDn between parts,
Tab into the table before the findings, 编辑 › 剪切/复制/粘贴/全选 on the focused widget,
findings that select the phrase they quote, notices where the clerk is looking."""

from __future__ import annotations

from typing import Any

from checks_data import city_2025
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QTabBar, QWidget

from gui.tables.findings_panel import FindingsPanel
from gui.tables.table_editor import GridView, TableEditor
from model.finding_places import phrase_in_text, quoted_phrases
from model.findings import WARNING, Finding


def open_city(qtbot: Any, window: Any, store: Any) -> Any:
    report = city_2025()
    store.put(report)
    window.resize(1366, 740)
    window.open_report(report.id)
    editor = window.current_editor()
    qtbot.waitUntil(lambda: editor.isVisible())
    return editor


def tab_bar(editor: Any) -> QTabBar:
    return editor.tabs.tabBar()


def test_section_list_moves_with_arrow_keys_and_shows_focus(
    qtbot: Any, window: Any, store: Any
) -> None:
    editor = open_city(qtbot, window, store)
    bar = tab_bar(editor)
    bar.setFocus()
    qtbot.waitUntil(bar.hasFocus)
    assert editor.tabs.currentIndex() == 0
    qtbot.keyClick(bar, Qt.Key.Key_Down)
    qtbot.keyClick(bar, Qt.Key.Key_Down)
    assert editor.tabs.currentIndex() == 2
    qtbot.keyClick(bar, Qt.Key.Key_Up)
    assert editor.tabs.currentIndex() == 1
    qtbot.keyClick(bar, Qt.Key.Key_End)
    assert editor.tabs.currentIndex() == editor.tabs.count() - 1
    qtbot.keyClick(bar, Qt.Key.Key_Home)
    assert editor.tabs.currentIndex() == 0
    # the focused section is framed: the picture differs from the unfocused one
    focused: QImage = bar.grab().toImage()
    editor.basic.setFocus()
    qtbot.waitUntil(lambda: not bar.hasFocus())
    assert bar.grab().toImage() != focused


def test_ctrl_pgdn_and_ctrl_tab_go_between_parts_and_are_in_the_menu(
    qtbot: Any, window: Any, store: Any
) -> None:
    editor = open_city(qtbot, window, store)
    menu_texts = [a.text() for a in window.actions_.edit_menu.actions()]
    assert "下一部分(&N)" in menu_texts and "上一部分(&B)" in menu_texts
    shortcuts = [k.toString() for k in window.actions_.next_section.shortcuts()]
    assert "Ctrl+PgDown" in shortcuts and "Ctrl+Tab" in shortcuts
    editor.basic.setFocus()
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
    )
    assert editor.tabs.currentIndex() == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert editor.tabs.currentIndex() == 2
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier
    )
    assert editor.tabs.currentIndex() == 1


def _tab_until(qtbot: Any, wanted: type, limit: int = 8) -> list[QWidget]:
    seen: list[QWidget] = []
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        seen.append(focus)
        if isinstance(focus, wanted):
            break
    return seen


def test_tab_from_the_section_list_reaches_the_table_before_the_findings(
    qtbot: Any, window: Any, store: Any
) -> None:
    editor = open_city(qtbot, window, store)
    editor.show_section("s3")
    table = editor.section_tabs["s3"].table_editor
    assert isinstance(table, TableEditor)
    bar = tab_bar(editor)
    bar.setFocus()
    qtbot.waitUntil(bar.hasFocus)
    seen = _tab_until(qtbot, GridView)
    assert seen == [table.view]  # the first Tab goes into the table, before notes and findings
    panel = window.findChild(FindingsPanel)
    assert not any(panel.isAncestorOf(w) for w in seen), "the findings came before the table"


def test_edit_menu_clipboard_acts_on_the_focused_table_and_text(
    qtbot: Any, window: Any, store: Any
) -> None:
    editor = open_city(qtbot, window, store)
    session = window.current_session()
    editor.show_section("s3")
    table = editor.section_tabs["s3"].table_editor
    cell = "s3.new_this_year@natural_person"
    table.focus_cell(cell)
    qtbot.waitUntil(table.view.hasFocus)
    value = session.report.cell(cell)
    actions = window.actions_
    actions.copy.trigger()
    assert QGuiApplication.clipboard().text() == str(value)
    actions.cut.trigger()
    assert session.report.cell(cell) is None
    actions.paste.trigger()
    assert session.report.cell(cell) == value
    actions.select_all.trigger()
    selected = table.view.selectionModel().selectedIndexes()
    assert len(selected) >= len(table.model.input_indexes())
    # the same menu on a text field
    text_edit = editor.section_tabs["s1"].edit
    editor.show_section("s1")
    text_edit.setFocus()
    qtbot.waitUntil(text_edit.hasFocus)
    actions.select_all.trigger()
    actions.copy.trigger()
    assert QGuiApplication.clipboard().text() == text_edit.toPlainText()
    menu = [a.text() for a in actions.edit_menu.actions()]
    assert {"剪切(&T)", "复制(&C)", "粘贴(&P)", "全选(&A)"} <= set(menu)


# --- findings about a text select what they quote ---------------------------------------
def test_quoted_phrases_and_the_one_that_is_in_the_text() -> None:
    message = "“一、总体情况”中写“收到申请999件”，但表三“本年新收”是 14 件。"
    assert quoted_phrases(message) == ["一、总体情况", "收到申请999件", "本年新收"]
    finding = Finding("H4", WARNING, message, "s1")
    text = ["本年收到申请999件，办结990件。"]
    assert phrase_in_text(finding, text, skip=["一、总体情况"]) == "收到申请999件"
    assert phrase_in_text(finding, ["没有这句话。"]) == ""  # unsure: select nothing


def test_clicking_a_text_finding_selects_the_quoted_phrase(
    qtbot: Any, window: Any, store: Any
) -> None:
    editor = open_city(qtbot, window, store)
    session = window.current_session()
    paragraphs = session.report.paragraphs("s1")
    session.set_paragraphs("s1", [*paragraphs, "本年度由XX科室负责政府信息公开工作。"])
    panel = window.findChild(FindingsPanel)
    qtbot.waitUntil(lambda: any("XX" in text for _id, text in panel.listed(WARNING)), timeout=5000)
    item = next(i for i in panel._finding_items(WARNING) if "XX" in i.text(0))
    editor.show_section("basic")
    panel.tree.scrollToItem(item)
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    edit = editor.section_tabs["s1"].edit
    qtbot.waitUntil(lambda: edit.textCursor().selectedText() == "XX")
    assert editor.current_section_id() == "s1"


def test_recovered_edits_are_told_in_a_banner_that_stays_until_closed(
    qtbot: Any, window: Any, store: Any
) -> None:
    open_city(qtbot, window, store)
    window._on_recovered("上次未保存的修改已恢复。")
    assert window.banner.isVisible() and "已恢复" in window.banner.text()
    window._on_saved("12:00")  # an autosave right after does not take it away
    assert window.banner.isVisible()
    window.banner.linkActivated.emit("close")
    assert not window.banner.isVisible()
    assert window.save_label.isVisible() and "已保存" in window.save_label.text()
