"""Tables behave as in Excel and WPS, with real key events: Enter down, Shift+Enter up, Tab
right, Shift+Tab left; Ctrl+Enter and a single pasted value fill the selection; Delete clears;
refusal marks and notices go when the cell is fixed or the edit undone."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from gui.editing.session import ReportSession
from gui.tables.table_editor import TableEditor
from gui.tables.table_model import RefusedRole

COLS = ("natural_person", "org_commercial", "org_research")


@pytest.fixture
def table(qtbot: Any, session: ReportSession) -> TableEditor:
    editor = TableEditor(session.fmt.tables["t3"], session)
    qtbot.addWidget(editor)
    editor.resize(1100, 650)
    editor.show()
    qtbot.waitExposed(editor)
    editor.view.setFocus()
    return editor


def at(table: TableEditor, cell_id: str) -> Any:
    return table.model.index_of(cell_id)


def go(table: TableEditor, cell_id: str) -> None:
    table.view.setCurrentIndex(at(table, cell_id))


def current(table: TableEditor) -> str:
    return str(table.model.data(table.view.currentIndex(), 0x0100 + 5) or "")  # CellIdRole


def select(table: TableEditor, first: str, last: str) -> None:
    view = table.view
    selection = QItemSelection(at(table, first), at(table, last))
    view.setCurrentIndex(at(table, first))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_enter_goes_down_shift_enter_up_tab_right_shift_tab_left(
    qtbot: Any, table: TableEditor, session: ReportSession
) -> None:
    view = table.view
    go(table, "s3.new_this_year@org_commercial")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert current(table) == "s3.carried_over@org_commercial"
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert current(table) == "s3.new_this_year@org_commercial"
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert current(table) == "s3.new_this_year@org_research"
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert current(table) == "s3.new_this_year@org_commercial"
    # the same while typing: Enter stores and goes down, Shift+Enter stores and goes up
    qtbot.keyClicks(view, "7")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    assert session.report.cell("s3.new_this_year@org_commercial") == 7
    assert current(table) == "s3.carried_over@org_commercial"
    qtbot.keyClicks(view, "3")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert session.report.cell("s3.carried_over@org_commercial") == 3
    assert current(table) == "s3.new_this_year@org_commercial"
    qtbot.keyClicks(view, "8")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)
    assert session.report.cell("s3.new_this_year@org_commercial") == 8
    assert current(table) == "s3.new_this_year@org_research"


def test_enter_skips_rows_without_an_input_in_the_column(qtbot: Any, table: TableEditor) -> None:
    model = table.model
    inputs = model.input_indexes()
    column = inputs[0].column()
    rows = sorted(i.row() for i in inputs if i.column() == column)
    gaps = [(a, b) for a, b in itertools.pairwise(rows) if b - a > 1]
    assert gaps, "table 三 has caption rows between its input rows"
    above, below = gaps[0]
    table.view.setCurrentIndex(model.index(above, column))
    qtbot.keyClick(table.view, Qt.Key.Key_Return)
    assert table.view.currentIndex().row() == below


def test_ctrl_enter_fills_every_selected_cell_in_one_undo_step(
    qtbot: Any, table: TableEditor, session: ReportSession
) -> None:
    view = table.view
    select(table, "s3.new_this_year@natural_person", "s3.carried_over@org_research")
    qtbot.keyClicks(view, "4")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    filled = [f"s3.{row}@{c}" for row in ("new_this_year", "carried_over") for c in COLS]
    assert [session.report.cell(c) for c in filled] == [4] * 6
    assert session.report.cell("s3.new_this_year@org_public_welfare") is None
    assert "6" in table.hint.text()
    session.undo_stack.undo()
    assert [session.report.cell(c) for c in filled] == [None] * 6


def test_pasting_one_value_over_a_selection_fills_it_and_delete_clears_it(
    qtbot: Any, table: TableEditor, session: ReportSession
) -> None:
    view = table.view
    select(table, "s3.new_this_year@natural_person", "s3.new_this_year@org_research")
    QGuiApplication.clipboard().setText("0\r\n")  # one cell copied from Excel
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    cells = [f"s3.new_this_year@{c}" for c in COLS]
    assert [session.report.cell(c) for c in cells] == [0, 0, 0]
    assert session.report.cell("s3.carried_over@natural_person") is None
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [session.report.cell(c) for c in cells] == [None, None, None]
    # a block is still pasted as a block from the current cell
    go(table, "s3.new_this_year@natural_person")
    QGuiApplication.clipboard().setText("1\t2\n3\t4")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert session.report.cell("s3.new_this_year@org_commercial") == 2
    assert session.report.cell("s3.carried_over@org_commercial") == 4


def test_cut_copies_then_clears(qtbot: Any, table: TableEditor, session: ReportSession) -> None:
    session.set_cells([("s3.new_this_year@natural_person", 5)], "x")
    go(table, "s3.new_this_year@natural_person")
    qtbot.keyClick(table.view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "5"
    assert session.report.cell("s3.new_this_year@natural_person") is None


def test_comma_refusal_is_explained_and_goes_when_fixed_or_undone(
    qtbot: Any, table: TableEditor, session: ReportSession
) -> None:
    view = table.view
    np_cell = "s3.new_this_year@natural_person"
    go(table, np_cell)
    qtbot.keyClicks(view, "1")  # the first key opens the cell's editor, the rest go there
    qtbot.keyClicks(view.focusWidget(), ",2")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    assert session.report.cell(np_cell) is None
    assert current(table) == np_cell  # kept in the cell to correct it
    assert "逗号" in table.hint.text() and table.hint.isVisible()
    assert table.model.data(at(table, np_cell), RefusedRole) == "1,2"
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Escape)
    # an accepted edit elsewhere ends the notice; undoing it ends the red mark too
    go(table, "s3.new_this_year@org_commercial")
    qtbot.keyClicks(view, "5")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    assert not table.hint.isVisible()
    session.undo_stack.undo()
    assert table.model.data(at(table, np_cell), RefusedRole) is None
    # a refused paste: red marks and the notice go when the paste is undone
    go(table, np_cell)
    QGuiApplication.clipboard().setText("3\tabc")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    refused = "s3.new_this_year@org_commercial"
    assert table.model.data(at(table, refused), RefusedRole) == "abc"
    assert table.hint.isVisible()
    session.undo_stack.undo()
    assert session.report.cell(np_cell) is None
    assert table.model.data(at(table, refused), RefusedRole) is None
    assert not table.hint.isVisible()


def test_a_paste_notice_goes_after_the_next_edit(
    qtbot: Any, table: TableEditor, session: ReportSession
) -> None:
    view = table.view
    go(table, "s3.new_this_year@natural_person")
    QGuiApplication.clipboard().setText("1\t2")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "已粘贴 2 个单元格" in table.hint.text() and table.hint.isVisible()
    go(table, "s3.carried_over@natural_person")
    qtbot.keyClicks(view, "9")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    assert session.report.cell("s3.carried_over@natural_person") == 9
    assert not table.hint.isVisible()


def test_a_read_only_table_takes_no_paste_cut_or_delete(
    qtbot: Any, table: TableEditor, session: ReportSession
) -> None:
    from PySide6.QtWidgets import QAbstractItemView

    session.set_cells([("s3.new_this_year@natural_person", 5)], "x")
    table.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # as when locked
    go(table, "s3.new_this_year@natural_person")
    QGuiApplication.clipboard().setText("9")
    for key in (Qt.Key.Key_V, Qt.Key.Key_X):
        qtbot.keyClick(table.view, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert session.report.cell("s3.new_this_year@natural_person") == 5
