"""The statistics table editor: typing, totals, refusals, 不适用, paste, keyboard, findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from gui.editing.session import ReportSession
from gui.tables.table_editor import TableEditor
from gui.tables.table_model import BlankRole, LevelRole, RefusedRole
from model.findings import ERROR, WARNING, Finding
from model.report import NOT_APPLICABLE

NP = "s3.new_this_year@natural_person"
NEW_TOTAL = "s3.new_this_year@total"


@pytest.fixture
def t3_editor(qtbot, session: ReportSession) -> TableEditor:
    editor = TableEditor(session.fmt.tables["t3"], session)
    qtbot.addWidget(editor)
    editor.resize(1000, 600)
    editor.show()
    return editor


def shown(editor: TableEditor, cell_id: str) -> str:
    return str(data(editor, cell_id) or "")


def data(editor: TableEditor, cell_id: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    # not QModelIndex.data(): in PySide6 6.12 / Python 3.11 an empty result decrements None
    model = editor.model
    return model.data(model.index_of(cell_id), role)


def test_grid_matches_official_layout(t3_editor: TableEditor) -> None:
    model = t3_editor.model
    assert (model.rowCount(), model.columnCount()) == (28, 10)
    assert t3_editor.frozen_rows == 3 and t3_editor.frozen_cols == 3
    # merged header and side labels are spans in the views
    assert t3_editor.corner.rowSpan(0, 0) == 3 and t3_editor.corner.columnSpan(0, 0) == 3
    assert t3_editor.top.columnSpan(0, 3) == 7
    assert t3_editor.left.rowSpan(5, 0) == 22  # 三、本年度办理结果
    assert model.data(model.index(5, 0)) == "三、本年度办理结果"
    # labels are read-only, totals too, numbers editable
    assert not model.index(3, 0).flags() & Qt.ItemFlag.ItemIsEditable
    assert model.index_of(NP).flags() & Qt.ItemFlag.ItemIsEditable
    assert not model.index_of(NEW_TOTAL).flags() & Qt.ItemFlag.ItemIsEditable
    # label columns are not in the scrolling view, number columns not in the frozen one
    assert t3_editor.view.isColumnHidden(0) and not t3_editor.view.isColumnHidden(3)
    assert t3_editor.left.isColumnHidden(3) and not t3_editor.left.isColumnHidden(2)


def test_typing_updates_total_store_and_undo(t3_editor: TableEditor, session) -> None:
    model = t3_editor.model
    assert model.setData(model.index_of(NP), "12")
    assert model.setData(model.index_of("s3.new_this_year@org_commercial"), "３")  # full width
    for col in ("org_research", "org_public_welfare", "org_legal_service", "org_other"):
        model.setData(model.index_of(f"s3.new_this_year@{col}"), "0")
    assert session.report.cell(NP) == 12
    assert shown(t3_editor, NEW_TOTAL) == "15"
    session.undo_stack.undo()
    assert shown(t3_editor, "s3.new_this_year@org_other") == ""
    # a blank part counts as 0: the total adds up what is filled and is shown as partial
    assert shown(t3_editor, NEW_TOTAL) == "15"


@pytest.mark.parametrize(
    ("typed", "hint_part"), [("abc", "不是数字"), ("-1", "负数"), ("1.5", "小数")]
)
def test_refused_input_leaves_cell_and_shows_hint(
    t3_editor: TableEditor, session, typed: str, hint_part: str
) -> None:
    model = t3_editor.model
    model.setData(model.index_of(NP), "7")
    index = model.index_of(NP)
    t3_editor.view.setCurrentIndex(index)
    assert not model.setData(index, typed)
    assert session.report.cell(NP) == 7
    assert model.data(index) == "7"
    assert model.data(index, RefusedRole) == typed  # what she typed is kept, not lost
    assert model.data(index, Qt.ItemDataRole.EditRole) == typed  # reopening the cell shows it
    assert hint_part in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert hint_part in t3_editor.hint.text() and t3_editor.hint.isVisible()
    assert model.setData(index, "8")
    assert model.data(index, RefusedRole) is None and session.report.cell(NP) == 8
    assert not t3_editor.hint.isVisible()  # the refusal is over: no stale red hint


def test_not_applicable_shows_slash(t3_editor: TableEditor, session) -> None:
    model = t3_editor.model
    model.setData(model.index_of(NP), "/")
    assert session.report.cell(NP) == NOT_APPLICABLE
    assert shown(t3_editor, NP) == "/"
    index = model.index_of("s3.carried_over@natural_person")
    t3_editor.view.setCurrentIndex(index)
    t3_editor.view.mark_not_applicable()
    assert session.report.cell("s3.carried_over@natural_person") == NOT_APPLICABLE


def test_blank_cells_are_marked_not_filled(t3_editor: TableEditor, session) -> None:
    model = t3_editor.model
    index = model.index_of(NP)
    assert model.data(index, BlankRole) is True and model.data(index) == ""
    assert "尚未填写" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert session.report.cell(NP) is None
    assert data(t3_editor, NEW_TOTAL, BlankRole) is False


def test_paste_block_fills_cells_in_one_undo_step(t3_editor: TableEditor, session) -> None:
    view = t3_editor.view
    view.setCurrentIndex(t3_editor.model.index_of(NP))
    # two rows of 7 columns as copied from last year's spreadsheet (总计 column included)
    QGuiApplication.clipboard().setText("5\t1\t0\t0\t0\t0\t6\r\n2\tx\t0\t0\t0\t0\t2\r\n")
    view.paste_clipboard()
    assert session.report.cell(NP) == 5
    assert session.report.cell("s3.carried_over@natural_person") == 2
    assert session.report.cell("s3.carried_over@org_commercial") is None  # refused 「x」
    assert shown(t3_editor, NEW_TOTAL) == "6"
    assert "已粘贴 11 个单元格" in t3_editor.hint.text()
    assert "1 个未接受" in t3_editor.hint.text() and "商业企业" in t3_editor.hint.text()
    assert "8a1c1c" in t3_editor.hint.styleSheet()  # a refusal is shown as a problem
    session.undo_stack.undo()
    assert session.report.cell(NP) is None
    assert session.report.cell("s3.carried_over@natural_person") is None


def test_a_paste_recomputes_the_totals_once(t3_editor: TableEditor, session, monkeypatch) -> None:
    """Pasting a block re-reads the report once, not once (or twice) for every pasted cell."""
    from gui.tables import table_model

    real = table_model.effective_values
    calls: list[int] = []

    def counted(report, fmt):
        calls.append(1)
        return real(report, fmt)

    monkeypatch.setattr(table_model, "effective_values", counted)
    t3_editor.view.setCurrentIndex(t3_editor.model.index_of(NP))
    t3_editor.view.paste_text("5\t1\t0\t0\t0\t0\n2\t3\t0\t0\t0\t0\n")
    assert session.report.cell(NP) == 5
    assert t3_editor.model.value("s3.new_this_year@total") == 6  # the totals are shown
    assert len(calls) == 1
    session.undo_stack.undo()
    assert session.report.cell(NP) is None
    assert t3_editor.model.value("s3.new_this_year@total") is None


def test_delete_clears_selected_cells(t3_editor: TableEditor, session, qtbot) -> None:
    model = t3_editor.model
    model.setData(model.index_of(NP), "4")
    t3_editor.view.setCurrentIndex(model.index_of(NP))
    t3_editor.view.setFocus()
    qtbot.keyClick(t3_editor.view, Qt.Key.Key_Delete)
    assert session.report.cell(NP) is None


def test_tab_and_enter_move_through_input_cells(t3_editor: TableEditor, session, qtbot) -> None:
    view, model = t3_editor.view, t3_editor.model
    view.setFocus()
    view.setCurrentIndex(model.index_of("s3.new_this_year@org_other"))
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # skips 总计 and the next row's labels
    assert view.currentIndex() == model.index_of("s3.carried_over@natural_person")
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert view.currentIndex() == model.index_of("s3.new_this_year@org_other")
    # typing starts editing; Enter commits and goes down the column, as in Excel
    qtbot.keyClicks(view, "9")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    assert session.report.cell("s3.new_this_year@org_other") == 9
    assert view.currentIndex() == model.index_of("s3.carried_over@org_other")


def test_refused_typing_keeps_her_in_the_cell(t3_editor: TableEditor, session, qtbot) -> None:
    view, model = t3_editor.view, t3_editor.model
    view.setFocus()
    view.setCurrentIndex(model.index_of(NP))
    qtbot.keyClicks(view, "abc")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)
    assert view.currentIndex() == model.index_of(NP)
    assert session.report.cell(NP) is None
    assert "不是数字" in t3_editor.hint.text()


def test_findings_mark_cells_and_focus_cell(t3_editor: TableEditor, session) -> None:
    error = Finding("R3.1@natural_person", ERROR, "本列不平衡", "s3", (NP,))
    warning = Finding("W1", WARNING, "可能有误", "s3", ("s3.carried_over@natural_person",))
    session.report.dismissed["W1"] = "已核实"
    t3_editor.set_findings([error, warning])
    model = t3_editor.model
    index = model.index_of(NP)
    assert model.data(index, LevelRole) == ERROR
    assert "本列不平衡" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert data(t3_editor, "s3.carried_over@natural_person", LevelRole) is None
    assert t3_editor.focus_cell("s3.carry_to_next_year@total")
    assert t3_editor.view.currentIndex() == t3_editor.model.index_of("s3.carry_to_next_year@total")
    assert not t3_editor.focus_cell("s4.review.total")


def test_undo_refreshes_view(t3_editor: TableEditor, session) -> None:
    session.set_cell(NP, 3)
    assert shown(t3_editor, NP) == "3"
    session.undo_stack.undo()
    assert shown(t3_editor, NP) == ""


def test_table_two_amount_cell_takes_decimals(qtbot, session) -> None:
    editor = TableEditor(session.fmt.tables["t2"], session)
    qtbot.addWidget(editor)
    assert editor.frozen_cols == 0  # caption rows span the whole table: nothing to freeze
    fee = editor.model.index_of("s2.art20_8.fees@fee_amount")
    assert editor.model.setData(fee, "1.25")
    assert session.report.cell("s2.art20_8.fees@fee_amount") == 1.25
    assert not editor.model.setData(editor.model.index_of("s2.art20_5.licensing@decisions"), "1.5")


def test_section_three_fits_a_small_office_screen(qtbot, session, tmp_path: Path) -> None:
    editor = TableEditor(session.fmt.tables["t3"], session)
    qtbot.addWidget(editor)
    editor.resize(1000, 520)  # what is left of 1366 × 768 beside the checks panel
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.sizeHint().width() <= 1000
    assert editor.top.isVisible() and editor.left.isVisible()
    editor.view.verticalScrollBar().setValue(200)  # scroll the numbers …
    assert editor.left.verticalScrollBar().value() == 200  # … the labels follow
    assert editor.vbar.isVisible()
    editor.grab().save(str(tmp_path / "t3.png"))


def test_a_clean_paste_is_reported_plainly_not_as_an_error(t3_editor: TableEditor) -> None:
    t3_editor.view.setCurrentIndex(t3_editor.model.index_of(NP))
    t3_editor.view.paste_text("5\t1\n")
    assert "已粘贴 2 个单元格" in t3_editor.hint.text()
    assert "8a1c1c" not in t3_editor.hint.styleSheet()
