"""Exchange files from the window: export one, import it again without losing edits."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from model.importers.text import import_file
from model.report import Report
from model.store.report_store import ReportStore


def stored_report(store: ReportStore) -> Report:
    report = Report(format="legacy2008", agency="某某区司法局", year=2024)
    report.set_paragraphs("L1", ["本年度工作概述。"])
    store.put(report)
    return report


def test_export_exchange_writes_the_open_report(window, store, tmp_path, monkeypatch):
    report = stored_report(store)
    window.open_report(report.id)
    target = tmp_path / "交换.nianbao.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions_.export_exchange.trigger()
    copy = import_file(target).report
    assert copy.id == report.id
    assert copy.paragraphs("L1") == ["本年度工作概述。"]
    assert "交换文件" in window.statusBar().currentMessage()
    from gui.output.export_result import ExportResultDialog

    shown = [d for d in window.findChildren(ExportResultDialog) if d.isVisible()]
    assert shown and shown[0].outcome.path == target  # said where she is looking, not only below
    shown[0].close()


def test_importing_an_exchange_file_again_keeps_the_stored_report(
    window, store, tmp_path, monkeypatch
):
    report = stored_report(store)
    exchange = tmp_path / "a.nianbao.json"
    from model.importers.exchange import write_exchange_file

    write_exchange_file(report, exchange)
    edited = store.get(report.id)
    edited.set_paragraphs("L1", ["已经修改过的概述。"])
    store.put(edited)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    from gui.shell import duplicate_dialog
    from model.duplicates import DuplicateChoice

    monkeypatch.setattr(duplicate_dialog, "ask_duplicate", lambda *a: DuplicateChoice.KEEP_BOTH)
    window.import_report(exchange)
    ids = [s.id for s in store.list_reports()]
    assert len(ids) == 2  # the file came in as a copy
    assert store.get(report.id).paragraphs("L1") == ["已经修改过的概述。"]
    assert any("副本" in text for text in shown)


def test_exchange_action_is_in_the_file_menu_and_needs_an_open_report(window):
    action = window.actions_.export_exchange
    assert not action.isEnabled()
    menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert action.text() in menu_texts
