"""Live checks and the 检查 panel, with the real session, checks and store."""

from __future__ import annotations

import pytest
from doubles import NoJournal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from gui.editing.session import ReportSession
from gui.tables.findings_panel import DISMISSED_GROUP, FindingsPanel
from gui.tables.live_checker import LiveChecker
from gui.tables.table_editor import TableEditor
from gui.tables.table_model import LevelRole
from model.findings import ERROR, PENDING, WARNING
from model.report import Report
from model.store.report_store import ReportStore

NOTE = "本机关无规章制定权"


def open_session(store: ReportStore, report: Report) -> ReportSession:
    return ReportSession(store, report, journal=NoJournal())


@pytest.fixture
def session(store: ReportStore):
    report = Report(format="fmt2021", agency="某区统计局", year=2024)
    store.put(report)
    s = open_session(store, report)
    yield s
    s._save_timer.stop()
    s._journal_timer.stop()


@pytest.fixture
def ui(qtbot, session: ReportSession):
    checker = LiveChecker(session)
    panel = FindingsPanel(session, checker)
    table = TableEditor(session.fmt.tables["t3"], session)
    checker.findingsChanged.connect(table.set_findings)
    for widget in (panel, table):
        qtbot.addWidget(widget)
    panel.resize(320, 600)
    panel.show()
    with qtbot.waitSignal(checker.findingsChanged, timeout=2000):
        pass  # the first check runs by itself shortly after opening
    return checker, panel, table


def items_of(panel: FindingsPanel, group_key: str) -> list[str]:
    return [finding_id for finding_id, _text in panel.listed(group_key)]


def test_typing_updates_total_and_findings(qtbot, ui, session) -> None:
    checker, panel, table = ui
    assert "blank@t3" in items_of(panel, PENDING)
    model = table.model
    with qtbot.waitSignal(checker.findingsChanged, timeout=2000):
        model.setData(model.index_of("s3.new_this_year@natural_person"), "5")
        model.setData(model.index_of("s3.carried_over@natural_person"), "1")
    assert model.data(model.index_of("s3.new_this_year@total")) == "5"  # others blank: as 0
    for col in (
        "org_commercial",
        "org_research",
        "org_public_welfare",
        "org_legal_service",
        "org_other",
    ):
        model.setData(model.index_of(f"s3.new_this_year@{col}"), "0")
    assert model.data(model.index_of("s3.new_this_year@total")) == "5"
    # fill the rest of the 自然人 column so that it is out of balance: 5 + 1 ≠ 2 + 0
    for cell in session.fmt.tables["t3"].input_cells():
        blank = cell.cell_id and session.report.cell(cell.cell_id) is None
        if blank and cell.cell_id.endswith("@natural_person"):
            model.setData(model.index_of(cell.cell_id), "0")
    with qtbot.waitSignal(checker.findingsChanged, timeout=2000):
        model.setData(model.index_of("s3.result.granted@natural_person"), "2")
    assert "R3.1@natural_person" in items_of(panel, ERROR)
    assert "错误 " in panel.summary.text()
    index = model.index_of("s3.new_this_year@natural_person")
    assert model.data(index, LevelRole) == ERROR
    assert "两边不相等" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    # correcting the number clears the error after the next check
    with qtbot.waitSignal(checker.findingsChanged, timeout=2000):
        model.setData(model.index_of("s3.result.granted@natural_person"), "6")
    assert "R3.1@natural_person" not in items_of(panel, ERROR)
    assert model.data(index, LevelRole) != ERROR


def test_checks_are_debounced(qtbot, ui, session) -> None:
    checker, _panel, _table = ui
    runs: list[int] = []
    checker.findingsChanged.connect(lambda found: runs.append(len(found)))
    for n in range(5):
        session.set_cell("s3.new_this_year@natural_person", n)
    qtbot.wait(400)
    assert len(runs) == 1


def test_clicking_a_finding_selects_its_cell(qtbot, ui, session) -> None:
    checker, panel, table = ui
    session.set_cell("s3.new_this_year@natural_person", 1)
    session.set_cell("s3.carry_to_next_year@natural_person", 5)
    for cell in session.fmt.tables["t3"].input_cells():
        blank = cell.cell_id and session.report.cell(cell.cell_id) is None
        if blank and cell.cell_id.endswith("@natural_person"):
            session.set_cell(cell.cell_id, 0)
    checker.run_now()
    panel.findingActivated.connect(lambda _section, cell: table.focus_cell(cell))
    assert panel.select_finding("R3.1@natural_person")
    item = panel.tree.currentItem()
    panel.tree.scrollToItem(item)
    with qtbot.waitSignal(panel.findingActivated) as blocker:
        rect = panel.tree.visualItemRect(item)
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["s3", "s3.new_this_year@natural_person"]
    assert table.view.currentIndex() == table.model.index_of("s3.new_this_year@natural_person")


def test_dismissed_warning_survives_recheck_and_restart(
    qtbot, ui, session, store: ReportStore, monkeypatch
) -> None:
    checker, panel, _table = ui
    assert "thin@s5" in items_of(panel, WARNING)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (NOTE, True))
    assert panel.select_finding("thin@s5")
    assert panel.dismiss_button.isEnabled()
    panel.dismiss_current()
    assert session.report.dismissed == {"thin@s5": NOTE}
    assert items_of(panel, DISMISSED_GROUP) == ["thin@s5"]  # at once, before the re-check
    assert "thin@s5" not in items_of(panel, WARNING)
    checker.run_now()
    assert items_of(panel, DISMISSED_GROUP) == ["thin@s5"]
    assert "已忽略 1" in panel.summary.text()
    assert session.save_now()
    # a restart: the report read back from the store, a new session, checker and panel
    reopened = store.get(session.report.id)
    assert reopened.dismissed == {"thin@s5": NOTE}
    session2 = open_session(store, reopened)
    checker2 = LiveChecker(session2)
    panel2 = FindingsPanel(session2, checker2)
    qtbot.addWidget(panel2)
    checker2.run_now()
    assert items_of(panel2, DISMISSED_GROUP) == ["thin@s5"]
    assert NOTE in panel2.listed(DISMISSED_GROUP)[0][1]  # the note is shown with it
    # restore it
    assert panel2.select_finding("thin@s5")
    panel2.restore_current()
    assert "thin@s5" in items_of(panel2, WARNING)
    session2._save_timer.stop()
    session2._journal_timer.stop()


def test_errors_and_empty_notes_cannot_dismiss(qtbot, ui, session, monkeypatch) -> None:
    _checker, panel, _table = ui
    asked: list[bool] = []

    def fake_get_text(*args, **kwargs):
        asked.append(True)
        return ("  ", True)

    monkeypatch.setattr(QInputDialog, "getText", fake_get_text)
    assert panel.select_finding("blank@t3")  # 待填: not dismissible
    assert not panel.dismiss_button.isEnabled()
    panel.dismiss_current()
    assert not asked and session.report.dismissed == {}
    assert "只有「提醒」可以忽略" in panel.status.text()
    assert panel.select_finding("thin@s5")
    panel.dismiss_current()  # an empty note is refused
    assert asked and session.report.dismissed == {}
    assert "没有填写理由" in panel.status.text()


def test_a_failing_check_keeps_the_last_findings(qtbot, ui, monkeypatch) -> None:
    checker, _panel, _table = ui
    before = checker.findings()

    def broken(*args, **kwargs):
        raise RuntimeError("bug in a check")

    monkeypatch.setattr("model.checks.engine.check", broken)
    checker.run_now()
    assert checker.findings() == before


def test_messages_wrap_in_full_when_the_panel_is_narrowed(qtbot, ui) -> None:
    from PySide6.QtCore import QRect

    _checker, panel, _table = ui
    panel.resize(260, 600)
    qtbot.wait(50)  # the re-wrap runs once the list has its new width
    tree = panel.tree
    flags = int(Qt.TextFlag.TextWordWrap)
    checked = 0
    for item in panel._finding_items():
        rect = tree.visualItemRect(item)
        if not rect.isValid() or rect.top() > tree.viewport().height():
            continue
        text = item.text(0)
        box = tree.fontMetrics().boundingRect(QRect(0, 0, rect.width() - 8, 10000), flags, text)
        assert rect.height() >= box.height(), text  # no message is cut off at the bottom
        assert text in item.toolTip(0)  # and the whole text is in the tooltip
        checked += 1
    assert checked >= 2


def test_read_only_panel_cannot_dismiss_or_restore(qtbot, store: ReportStore, monkeypatch) -> None:
    """A read-only window changes nothing: no dismissal, no restore (so no journal write)."""
    report = Report(format="fmt2021", agency="某区统计局", year=2024)
    store.put(report)
    dismissed = report.copy()
    dismissed.id = "dismissed-one"
    dismissed.dismiss("thin@s5", NOTE)
    store.put(dismissed)
    store.close()
    read_only = ReportStore(store.path, read_only=True)
    asked: list[bool] = []
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: (asked.append(True), (NOTE, True))[1]
    )
    for report_id, button in (
        (report.id, "dismiss_button"),
        ("dismissed-one", "restore_button"),
    ):
        session = open_session(read_only, read_only.get(report_id))
        checker = LiveChecker(session)
        panel = FindingsPanel(session, checker)
        qtbot.addWidget(panel)
        checker.run_now()
        before = dict(session.report.dismissed)
        assert panel.select_finding("thin@s5")
        assert not getattr(panel, button).isEnabled()
        panel.dismiss_current()
        panel.restore_current()
        assert not asked
        assert session.report.dismissed == before
        assert session.undo_stack.count() == 0 and not session.is_dirty()
        session._save_timer.stop()
        session._journal_timer.stop()
    assert "只读" in panel.dismiss_button.toolTip()
    read_only.close()


def test_a_text_finding_goes_to_the_text_not_the_table(qtbot, ui, session) -> None:
    """「收到申请30件」 in 一、总体情况 against 表三: the sentence is what she must check."""
    checker, panel, _table = ui
    for cell in session.fmt.tables["t3"].input_cells():
        if cell.cell_id and session.report.cell(cell.cell_id) is None:
            session.set_cell(cell.cell_id, 0)
    session.set_cell("s3.new_this_year@natural_person", 25)
    session.set_paragraphs("s1", ["本年度共收到政府信息公开申请30件。"])
    checker.run_now()
    text_findings = [f for f in checker.findings() if f.section == "s1" and f.cells]
    assert text_findings, "the text-vs-table check should report 30 against 25"
    assert panel.select_finding(text_findings[0].id)
    with qtbot.waitSignal(panel.findingActivated) as blocker:
        panel._activate(panel.tree.currentItem())
    assert blocker.args == ["s1", ""]
