"""空格填 0 (one undo step, from the table menu, the 编辑 menu and the findings panel) and
totals shown as partial while blanks remain."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMenu

from gui.editing.session import ReportSession
from gui.tables.findings_panel import FindingsPanel
from gui.tables.live_checker import LiveChecker
from gui.tables.table_editor import TableEditor

NP = "s3.new_this_year@natural_person"
NEW_TOTAL = "s3.new_this_year@total"


@pytest.fixture
def t3(qtbot, session: ReportSession) -> TableEditor:
    editor = TableEditor(session.fmt.tables["t3"], session)
    qtbot.addWidget(editor)
    editor.resize(1000, 600)
    editor.show()
    return editor


def data(editor: TableEditor, cell_id: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    model = editor.model
    return model.data(model.index_of(cell_id), role)


def t3_inputs(session: ReportSession) -> list[str]:
    return [c.cell_id for c in session.fmt.tables["t3"].input_cells() if c.cell_id]


def test_fill_blanks_of_a_table_is_one_undo_step(session: ReportSession) -> None:
    session.set_cell(NP, 7)
    filled = session.fill_blanks_with_zero(table_id="t3")
    inputs = t3_inputs(session)
    assert filled == len(inputs) - 1
    assert all(session.report.cell(c) == 0 for c in inputs if c != NP)
    assert session.report.cell(NP) == 7  # a filled cell is left alone
    assert session.report.cell("s4.review.upheld") is None  # another table is not touched
    assert session.undo_stack.undoText() == "空格填 0"
    session.undo_stack.undo()
    assert [c for c in inputs if session.report.cell(c) is not None] == [NP]


def test_fill_blanks_of_the_whole_report(session: ReportSession) -> None:
    assert session.fill_blanks_with_zero() > 0
    assert session.report.cell("s4.review.upheld") == 0
    assert session.report.cell("s2.art20_8.fees@fee_amount") == 0
    assert session.fill_blanks_with_zero() == 0  # nothing left: no empty undo step


def test_a_total_over_blanks_is_shown_partial_with_its_blanks(t3: TableEditor) -> None:
    t3.session.set_cell(NP, 5)
    assert data(t3, NEW_TOTAL) == "5"  # what is filled, blanks as 0
    font = data(t3, NEW_TOTAL, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()
    tip = str(data(t3, NEW_TOTAL, Qt.ItemDataRole.ToolTipRole))
    assert "不完整" in tip and "“商业企业”列" in tip
    t3.session.fill_blanks_with_zero(table_id="t3")
    font = data(t3, NEW_TOTAL, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and not font.italic()
    assert "不完整" not in str(data(t3, NEW_TOTAL, Qt.ItemDataRole.ToolTipRole))


def test_a_printed_total_is_shown_in_the_tooltip(t3: TableEditor) -> None:
    t3.session.report.stated_totals[NEW_TOTAL] = 12
    t3.session.set_cell(NP, 5)
    assert "原文印的合计：12" in str(data(t3, NEW_TOTAL, Qt.ItemDataRole.ToolTipRole))


def test_the_table_menu_fills_the_selected_blanks_or_the_table(t3: TableEditor) -> None:
    view = t3.view
    model = t3.model
    view.setCurrentIndex(model.index_of(NP))
    menu = QMenu()
    view._add_fill_zero(menu)
    actions = {a.text(): a for a in menu.actions()}
    assert actions["选中的空格填 0"].isEnabled()
    actions["选中的空格填 0"].trigger()
    assert t3.session.report.cell(NP) == 0
    assert t3.session.report.cell("s3.new_this_year@org_other") is None  # not selected
    actions["本表空格填 0"].trigger()
    assert all(t3.session.report.cell(c) == 0 for c in t3_inputs(t3.session))


def test_an_amount_in_yuan_is_converted_and_the_table_says_so(qtbot, session) -> None:
    t2 = TableEditor(session.fmt.tables["t2"], session)
    qtbot.addWidget(t2)
    t2.show()
    said: list[str] = []
    t2.model.inputConverted.connect(lambda _cell, note: said.append(note))
    fee = "s2.art20_8.fees@fee_amount"
    assert t2.model.setData(t2.model.index_of(fee), "251000元")
    assert session.report.cell(fee) == 25.1
    assert said and "25.1 万元" in said[0]


def test_the_findings_panel_fills_the_blanks_of_the_completeness_finding(
    qtbot, session: ReportSession
) -> None:
    for cell_id in t3_inputs(session)[:3]:
        session.set_cell(cell_id, 1)  # started, with many blanks left
    session.set_cell("s3.carried_over@natural_person", None)
    checker = LiveChecker(session)
    panel = FindingsPanel(session, checker)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(checker.findingsChanged, timeout=2000):
        pass
    assert "按空格为 0 计算" in panel.summary.text()
    assert panel.select_finding("completeness@t3")
    assert panel.fill_zero_button.isVisible() and panel.fill_zero_button.isEnabled()
    panel.fill_zero_button.click()
    assert all(session.report.cell(c) is not None for c in t3_inputs(session))
    assert "填为 0" in panel.status.text()


def test_the_edit_menu_has_fill_zero(window) -> None:
    actions = window.actions_
    assert actions.fill_zero in actions.edit_menu.actions()


def test_a_wrong_printed_total_can_give_way_to_the_computed_one(
    qtbot, session: ReportSession
) -> None:
    """The imported document printed 新收 总计 99 while its cells add up to 12: the error
    offers 以计算值为准, which forgets the printed total in one undo step."""
    session.set_cell(NP, 12)
    session.report.stated_totals[NEW_TOTAL] = 99
    checker = LiveChecker(session)
    panel = FindingsPanel(session, checker)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(checker.findingsChanged, timeout=2000):
        checker.schedule()
    assert panel.select_finding(f"stated@{NEW_TOTAL}")
    assert panel.trust_computed_button.isVisible() and panel.trust_computed_button.isEnabled()
    with qtbot.waitSignal(checker.findingsChanged, timeout=2000):
        panel.trust_computed_button.click()
    assert NEW_TOTAL not in session.report.stated_totals
    assert not panel.select_finding(f"stated@{NEW_TOTAL}")
    with qtbot.waitSignal(checker.findingsChanged, timeout=2000):
        session.undo_stack.undo()
    assert session.report.stated_totals[NEW_TOTAL] == 99
    assert panel.select_finding(f"stated@{NEW_TOTAL}")
    assert panel.select_finding("completeness@t3")
    assert not panel.trust_computed_button.isVisible()
