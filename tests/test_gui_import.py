"""导入 in the window: the dialog's filters and 繁体 checkbox, drop to import, the import report,
以上年报告为基础新建, 未复核 tabs and a free-format report's own sections."""

from __future__ import annotations

import pytest
from import_docs import load, write_docx, write_html
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from gui.editing.editor import ReportEditor
from gui.shell import duplicate_dialog
from gui.shell.import_dialog import (
    ImportDialog,
    ImportReportDialog,
    dropped_report_file,
    filter_string,
)
from model.duplicates import DuplicateChoice
from model.importers.text import import_file, import_text
from model.report import Report


def test_filters_name_every_type_and_one_for_all() -> None:
    filters = filter_string().split(";;")
    assert filters[0].startswith("所有报告文件")
    for pattern in ("*.docx", "*.doc *.wps", "*.html", "*.pdf", "*.txt", "*.json"):
        assert any(pattern in f for f in filters[1:]), pattern
    for pattern in ("*.docx", "*.wps", "*.htm", "*.pdf", "*.txt"):
        assert pattern in filters[0]


def test_import_dialog_passes_the_simplify_choice(qtbot, window, store, monkeypatch, tmp_path):
    path = write_docx(load("2010_leshan_legal_affairs_office_traditional"), tmp_path / "t.docx")

    def run(dialog: ImportDialog) -> int:
        dialog.path_edit.setText(str(path))
        dialog.simplify.setChecked(True)
        return ImportDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportDialog, "exec", run)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.import_report()
    [summary] = store.list_reports()
    report = store.get(summary.id)
    assert "公開" not in "".join(p for ps in report.sections.values() for p in ps)
    assert window.current_session().report.id == report.id


def test_dropped_file_is_imported_and_opened(qtbot, window, store, monkeypatch, tmp_path):
    path = write_html(load("2023_liuzhou_sports_bureau"), tmp_path / "page.html")
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert dropped_report_file(mime) == path
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.dropEvent(event)
    [summary] = store.list_reports()
    assert (summary.agency, summary.year) == ("柳州市体育局", 2023)
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "picture.png"))])
    assert dropped_report_file(other) is None


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_a_dropped_traditional_report_asks_whether_to_simplify(
    answer, qtbot, window, store, monkeypatch, tmp_path
) -> None:
    path = write_docx(load("2010_leshan_legal_affairs_office_traditional"), tmp_path / "t.docx")
    asked: list[str] = []

    def question(parent, title: str, text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.import_report(str(path))  # what a drop or a double-clicked file does
    assert len(asked) == 1 and "繁体字" in asked[0]
    [summary] = store.list_reports()
    text = "".join(p for ps in store.get(summary.id).sections.values() for p in ps)
    simplified = answer == QMessageBox.StandardButton.Yes
    assert ("公開" in text) != simplified
    assert ("公开" in text) == simplified


def test_a_dropped_simplified_report_asks_nothing(qtbot, window, store, monkeypatch, tmp_path):
    path = write_html(load("2023_liuzhou_sports_bureau"), tmp_path / "page.html")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.import_report(str(path))
    assert len(store.list_reports()) == 1


def test_import_report_lists_the_unplaced_content_to_copy(qtbot, tmp_path) -> None:
    text = (
        "某某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n"
        "二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
        "规章 | 1 | 0 | 3\n不明的行 | 5 | 6\n"
    )
    result = import_text(text)
    assert result.report.cells["s2.art20_1.regulations@issued"] == 1
    dialog = ImportReportDialog(result)
    qtbot.addWidget(dialog)
    assert dialog.unplaced_view is not None
    assert "不明的行 | 5 | 6" in dialog.unplaced_view.toPlainText()
    dialog.copy_unplaced()
    assert "不明的行" in QApplication.clipboard().text()


def test_new_from_previous_opens_next_year_with_unreviewed_tabs(
    qtbot, window, store, monkeypatch, tmp_path
) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(duplicate_dialog, "ask_duplicate", lambda *a: DuplicateChoice.KEEP_BOTH)
    last = import_file(write_docx(load("2023_nilka_town"), tmp_path / "r.docx")).report
    store.put(last)
    window.open_report(last.id)
    window.library.new_from_previous()
    session = window.current_session()
    assert session.report.year == 2024 and session.report.id != last.id
    editor = window.current_editor()
    index = editor.tabs.indexOf(editor.section_tabs["s1"])
    assert editor.tabs.tabText(index).endswith("（未复核）")
    session.set_paragraphs("s1", ["2024年，我镇认真落实《条例》。"])
    assert not editor.tabs.tabText(index).endswith("（未复核）")
    assert "s1" not in store.get(session.report.id).unreviewed or session.save_now()


def open_free_format_report(window, store) -> tuple[Report, ReportEditor]:
    """A 2015 report of two parts of its own (一、概述 and 二、申请办理), open in the window."""
    report = import_text(
        "某某局2015年政府信息公开工作年度报告\n一、概述\n概述。\n二、申请办理\n无申请。\n"
    ).report
    store.put(report)
    window.open_report(report.id)
    return report, window.current_editor()


def tab_headings(editor: ReportEditor) -> list[str]:
    """The tabs after 基本信息."""
    return [editor.tabs.tabText(i) for i in range(1, editor.tabs.count())]


def test_free_format_sections_can_be_added_renamed_moved_and_removed(
    qtbot, window, store, monkeypatch
) -> None:
    report, editor = open_free_format_report(window, store)
    menu = editor._section_menu
    headings = lambda: tab_headings(editor)  # noqa: E731
    assert headings() == ["一、概述", "二、申请办理"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("三、其他事项", True))
    menu.add(report.own_sections[-1][0])
    assert headings() == ["一、概述", "二、申请办理", "三、其他事项"]
    first = report.own_sections[0][0]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("一、总体概述", True))
    menu.rename(first)
    menu.move(first, 1)
    assert headings() == ["二、申请办理", "一、总体概述", "三、其他事项"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    menu.remove(first)
    stored = store.get(report.id)
    assert [h for _, h in stored.own_sections] == ["二、申请办理", "三、其他事项"]
    assert stored.unplaced == ["一、总体概述", "概述。"]  # its text is kept, not lost
    assert menu.build(stored.own_sections[0][0]).actions()


def test_section_changes_and_unplaced_edits_are_undone_step_by_step(
    qtbot, window, store, monkeypatch
) -> None:
    report, editor = open_free_format_report(window, store)
    session = window.current_session()
    menu = editor._section_menu
    headings = lambda: tab_headings(editor)  # noqa: E731
    first = report.own_sections[0][0]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("一、总体概述", True))
    menu.rename(first)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    menu.remove(first)
    assert headings() == ["二、申请办理", "未归类内容"]
    editor.unplaced_tab.text.setPlainText("概述。")  # the clerk trims the moved heading
    assert session.report.unplaced == ["概述。"]

    session.undo_stack.undo()  # the trimming
    assert editor.unplaced_tab.text.toPlainText() == "一、总体概述\n概述。"
    session.undo_stack.undo()  # the removal: the section and its text come back
    assert headings()[:2] == ["一、总体概述", "二、申请办理"]
    assert session.report.paragraphs(first) == ["概述。"]
    assert session.report.unplaced == []
    assert editor.current_section_id() == first  # shown where the clerk can see it back
    session.undo_stack.undo()  # the renaming
    assert headings()[:2] == ["一、概述", "二、申请办理"]
    assert store.get(report.id).own_sections[0] == (first, "一、概述")  # saved at once

    session.undo_stack.redo()
    session.undo_stack.redo()
    assert headings()[0] == "二、申请办理"
    assert session.report.unplaced == ["一、总体概述", "概述。"]
    assert first not in session.report.sections


def test_unplaced_content_has_its_own_tab_to_copy_from_and_trim(qtbot, window, store) -> None:
    text = (
        "某某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n"
        "二、主动公开政府信息情况\n规章 | 1 | 0 | 3\n不明的行 | 5 | 6\n另一行 | 7 | 8\n"
    )
    report = import_text(text).report
    store.put(report)
    window.open_report(report.id)
    editor = window.current_editor()
    tab = editor.unplaced_tab
    assert tab is not None
    assert editor.tabs.tabText(editor.tabs.indexOf(tab)) == "未归类内容"
    tab.copy_all()
    assert "不明的行 | 5 | 6" in QApplication.clipboard().text()
    tab.text.setPlainText("另一行 | 7 | 8")  # the first line was moved into its section
    window.current_session().save_now()
    assert store.get(report.id).unplaced == ["另一行 | 7 | 8"]
