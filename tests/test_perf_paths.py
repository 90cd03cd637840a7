"""The fast paths of opening a report and exporting tables keep their behaviour.

Opening reads only this report's recovery journal (never the whole store a second time) and
builds a statistics table when its tab is first shown; table labels are pre-wrapped strings.
"""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import pdfplumber
import pytest
import shiboken6
from page_blocks import render_blocks
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import model.store.report_store as store_module
from export.outline import outline_table
from export.pdf.tables import table_block, wrapped_label
from gui.editing.editor import ReportEditor
from gui.editing.session import ReportSession
from model.findings import ERROR, Finding
from model.formats import get_format, parse_table
from model.paths import fonts_dir
from model.report import Report
from model.store.recovery import RecoveryJournal
from model.store.report_store import ReportStore


@pytest.fixture
def store(tmp_path: Path):
    opened = ReportStore(tmp_path / "reports.json")
    yield opened
    opened.close()


def national(agency: str = "某区政府办") -> Report:
    return Report(format="fmt2021", agency=agency, year=2024)


def close(session: ReportSession) -> None:
    if shiboken6.isValid(session):
        session._closed = True
        session._save_timer.stop()
        session._journal_timer.stop()


# --- recovery journal ---------------------------------------------------------------------------
def test_journaled_reads_only_that_reports_file(store: ReportStore) -> None:
    mine, other = national("甲局"), national("乙局")
    store.put(mine)
    store.put(other)
    journal = RecoveryJournal(store.path)
    mine.set_paragraphs("s1", ["未保存的一段。"])
    journal.write(mine)
    found = journal.journaled(mine.id)
    assert found is not None and found.paragraphs("s1") == ["未保存的一段。"]
    assert journal.journaled(other.id) is None
    journal.path_for(other.id).write_text("{坏的", encoding="utf-8")
    assert journal.journaled(other.id) is None  # unreadable: nothing to restore


def test_opening_restores_the_journal_without_reading_the_store_again(
    store: ReportStore, monkeypatch
) -> None:
    report = national()
    store.put(report)
    edited = store.get(report.id)
    edited.set_paragraphs("s1", ["崩溃前打的字。"])
    RecoveryJournal(store.path).write(edited)
    opened_read_only: list[Path] = []
    real_init = store_module.ReportStore.__init__

    def spy(self, path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("read_only"):
            opened_read_only.append(path)
        real_init(self, path, *args, **kwargs)

    monkeypatch.setattr(store_module.ReportStore, "__init__", spy)
    session = ReportSession(store, store.get(report.id))
    try:
        assert session.recovered_from_crash
        assert session.report.paragraphs("s1") == ["崩溃前打的字。"]
        assert opened_read_only == []
    finally:
        close(session)


def test_stale_journal_is_dropped_when_opening(store: ReportStore) -> None:
    report = national()
    journal = RecoveryJournal(store.path)
    old = report.copy()
    old.set_paragraphs("s1", ["旧的。"])
    old.modified = "2000-01-01T00:00:00+08:00"
    store.put(report)
    journal.write(old)
    session = ReportSession(store, store.get(report.id))
    try:
        assert not session.recovered_from_crash
        assert session.report.paragraphs("s1") == []
        assert not journal.path_for(report.id).exists()
    finally:
        close(session)


# --- tables built on first show -----------------------------------------------------------------
@pytest.fixture
def editor_for(qtbot, store: ReportStore):
    sessions: list[ReportSession] = []
    # A window with no parent is only Python's: held here until the test is over, or the
    # garbage collector may take it while Qt is still painting it.
    editors: list[ReportEditor] = []

    def make(report: Report) -> ReportEditor:
        store.put(report)
        session = ReportSession(store, store.get(report.id))
        sessions.append(session)
        editor = ReportEditor(session)
        editors.append(editor)
        qtbot.addWidget(editor)
        editor.resize(1200, 760)
        return editor

    yield make
    for session in sessions:
        close(session)


def test_table_is_built_when_its_tab_is_shown_and_gets_earlier_findings(qtbot, editor_for) -> None:
    editor = editor_for(national())
    editor.show()
    s3 = editor.section_tabs["s3"]
    assert s3._table_editor is None  # not built while 基本信息 is shown
    finding = Finding(
        "R3.1@natural_person", ERROR, "不一致", "s3", ("s3.carried_over@natural_person",)
    )
    editor.set_findings([finding])
    assert editor.tab_state("s3") == ERROR  # the mark is there before the table exists
    editor.show_section("s3")
    table = s3._table_editor
    assert table is not None and table.isVisible()
    assert table.model.findings_for("s3.carried_over@natural_person") == [finding]  # type: ignore[attr-defined]


def test_table_built_late_is_read_only_in_a_read_only_window(qtbot, store, tmp_path) -> None:
    from PySide6.QtWidgets import QAbstractItemView

    report = national()
    store.put(report)
    reader = ReportStore(store.path, read_only=True)
    session = ReportSession(reader, reader.get(report.id))
    try:
        editor = ReportEditor(session)
        qtbot.addWidget(editor)
        editor.show()
        editor.show_section("s2")
        views = editor.section_tabs["s2"].findChildren(QAbstractItemView)
        assert views
        assert all(v.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers for v in views)
    finally:
        close(session)
        reader.close()


def test_focus_cell_builds_the_table_of_a_hidden_tab(qtbot, editor_for) -> None:
    editor = editor_for(national())
    editor.show()
    assert editor.show_cell("s4.review.upheld")
    assert editor.current_section_id() == "s4"
    assert editor.section_tabs["s4"]._table_editor is not None


# --- table labels as pre-wrapped strings --------------------------------------------------------
@pytest.fixture(scope="module")
def song() -> str:
    if "P-Song" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("P-Song", str(fonts_dir() / "FandolSong-Regular.ttf")))
        pdfmetrics.registerFont(TTFont("P-Hei", str(fonts_dir() / "wqy-microhei.ttc")))
    return "P-Song"


def test_wrapping_keeps_closing_punctuation_off_a_line_start(song: str) -> None:
    assert wrapped_label("三、本年度办理结果", song, 10.5, 11.0).split("\n")[0] == "三、"
    lines = wrapped_label(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", song, 10.5, 80
    )
    assert all(line[0] not in "，。）、" for line in lines.split("\n"))
    assert "".join(lines.split("\n")) == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert wrapped_label("申请人情况", song, 10.5, 200) == "申请人情况"


def test_table_two_prints_with_plain_cells(song: str) -> None:
    fmt = get_format("fmt2021")
    fonts = SimpleNamespace(
        fangsong=song,
        heiti=song,
        kaiti=song,
        songti=song,
        xiaobiaosong=song,
        font_for_char=lambda role, ch: song,
        latin_for=lambda role: None,
    )
    table = fmt.tables["t2"]
    values = {c.cell_id: 7 for c in table.value_cells() if c.cell_id}
    block = table_block(outline_table(table, values, "s2"), fonts, 442.2)
    block.wrap(442.2, 1e6)
    assert block._table is not None
    # every line of every cell is one run of one face: no per-character font switching
    assert all(len(line) == 1 for cell in block._table.cells for line in cell.lines)
    with pdfplumber.open(io.BytesIO(render_blocks([block]))) as pdf:
        text = pdf.pages[0].extract_text()
    assert "第二十条第（一）项" in text.replace("\n", "") and "7" in text.split()


def test_a_label_needing_a_fallback_face_draws_that_character_from_it(song: str) -> None:
    table = parse_table(
        "tf",
        {
            "columns": 2,
            "widths": [2, 1],
            "header": [[{"text": "项目"}, {"text": "数"}]],
            "body": [[{"text": "𠀀字"}, {"cell": "f.a"}]],
        },
    )
    fonts = SimpleNamespace(
        fangsong=song,
        heiti=song,
        font_for_char=lambda role, ch: "P-Hei" if ch == "𠀀" else song,
        latin_for=lambda role: None,
    )
    block = table_block(outline_table(table, {"f.a": 3}, "s"), fonts, 200)
    block.wrap(200, 1e6)
    assert block._table is not None
    label = next(c for c in block._table.cells if c.row == 1 and c.col == 0)
    assert label.lines == (((("P-Hei", "𠀀"), (song, "字"))),)
