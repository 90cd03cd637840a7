"""A 1366 × 768 screen with the 检查结果 dock open shows tables 三 and 四 without sideways
scrolling; narrower windows fall back to the scroll bar; headers stack like the printout."""

from __future__ import annotations

from typing import Any

import pytest
from checks_data import city_2025
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QDockWidget

from gui.tables.table_delegate import balanced_width
from gui.tables.table_editor import TableEditor

WRAP = int(Qt.TextFlag.TextWordWrap)


def open_city_report(qtbot: Any, window: Any, store: Any, width: int, height: int) -> Any:
    report = city_2025()
    store.put(report)
    window.resize(width, height)
    window.open_report(report.id)
    return window.current_editor()


def table_of(qtbot: Any, editor: Any, section_id: str) -> TableEditor:
    editor.show_section(section_id)
    table = editor.section_tabs[section_id].findChild(TableEditor)
    assert table is not None
    qtbot.waitUntil(lambda: table.isVisible() and table.view.viewport().width() > 100)
    qtbot.wait(50)  # let the column fitting and the frame settle
    return table


def number_columns(table: TableEditor) -> list[int]:
    return sorted({c.col for c in table.model.all_cells() if c.is_value})


def hidden_number_columns(table: TableEditor) -> list[int]:
    """Number columns not wholly inside the visible part of the scrolling view."""
    view = table.view
    right = view.viewport().width()
    return [
        c
        for c in number_columns(table)
        if view.columnViewportPosition(c) < 0
        or view.columnViewportPosition(c) + view.columnWidth(c) > right
    ]


@pytest.mark.parametrize(("section_id", "count"), [("s3", 7), ("s4", 15)])
def test_all_number_columns_fit_at_1366_with_the_dock_open(
    qtbot: Any, window: Any, store: Any, section_id: str, count: int
) -> None:
    editor = open_city_report(qtbot, window, store, 1366, 768)
    table = table_of(qtbot, editor, section_id)
    dock = window.findChild(QDockWidget, "findingsDock")
    assert dock is not None and dock.isVisible()
    assert 240 <= dock.width() <= 300  # the default leaves room for the tables

    assert len(number_columns(table)) == count
    assert hidden_number_columns(table) == []
    assert table.view.horizontalScrollBar().maximum() == 0
    assert table.hbar.isHidden()
    # five digits of a bold 总计 still fit in every number column
    bold = QFont(table.font())
    bold.setBold(True)
    five = QFontMetrics(bold).horizontalAdvance("00000")
    assert min(table.view.columnWidth(c) for c in number_columns(table)) >= five + 6
    # the frozen header (and for 三 the frozen label columns) are still there
    assert table.top.isVisible() and table.top.height() > 40
    if section_id == "s3":
        assert table.left.isVisible() and 200 <= table.left.width() <= 400


def test_long_labels_wrap_instead_of_widening_the_label_columns(
    qtbot: Any, window: Any, store: Any
) -> None:
    table = table_of(qtbot, open_city_report(qtbot, window, store, 1366, 768), "s3")
    label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    cell = next(c for c in table.model.all_cells() if c.text == label)
    width = table.left.columnWidth(cell.col)
    metrics = QFontMetrics(table.font())
    assert width < metrics.horizontalAdvance(label)  # it does not get a line of its own width
    needed = metrics.boundingRect(QRect(0, 0, width - 10, 10000), WRAP, label).height()
    assert table.left.rowHeight(cell.row) >= needed  # and its row is tall enough to show it all


def test_a_smaller_window_falls_back_to_scrolling(qtbot: Any, window: Any, store: Any) -> None:
    table = table_of(qtbot, open_city_report(qtbot, window, store, 1024, 700), "s4")
    assert hidden_number_columns(table)  # not everything fits ...
    assert table.view.horizontalScrollBar().maximum() > 0  # ... so the scroll bar takes over
    assert not table.hbar.isHidden()
    window.resize(1366, 768)  # widening again brings every column back
    qtbot.waitUntil(lambda: not hidden_number_columns(table))


def test_four_character_headers_stack_two_characters_a_line(qapp: Any) -> None:
    bold = QFont()
    bold.setBold(True)
    em = QFontMetrics(bold).horizontalAdvance("中")
    width = balanced_width(bold, "结果维持", 3 * em + 4)  # room for three characters a line
    assert 2 * em <= width < 3 * em  # narrowed to two, so the lines read 结果 / 维持
    assert balanced_width(bold, "总计", 3 * em) == 3 * em  # a short header is left alone


def test_a_table_built_while_its_tab_was_hidden_still_gets_the_height(
    qtbot: Any, window: Any, store: Any
) -> None:
    """Going to a finding's cell builds the table before its tab shows; it must not open
    squashed under a tall empty 说明文字 box (seen once in QA)."""
    editor = open_city_report(qtbot, window, store, 1366, 768)
    tab = editor.section_tabs["s3"]
    assert tab.focus_cell("s3.carried_over@natural_person")  # built while hidden
    editor.show_section("s3")
    qtbot.waitUntil(lambda: tab.isVisible() and sum(tab._splitter.sizes()) > 0)
    table_height, text_height = tab._splitter.sizes()
    assert table_height > 2 * text_height
    small = editor.section_tabs["s4"]  # one data row: the text box takes the rest
    editor.show_section("s4")
    qtbot.waitUntil(lambda: small.isVisible() and sum(small._splitter.sizes()) > 0)
    table_height, text_height = small._splitter.sizes()
    assert table_height < text_height
