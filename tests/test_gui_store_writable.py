"""A window opened read-only because the store was busy becomes writable once it is free;
a store with one damaged report is salvaged from the start-up dialog."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from doubles import open_or_read_only
from PySide6.QtWidgets import QMessageBox

from gui.shell import app as app_module
from gui.shell.main_window import MainWindow
from model.formats import default_format_for
from model.paths import default_store_path
from model.report import Report
from model.store.lock import StoreLock
from model.store.report_store import ReportStore


def make_report(agency: str = "某某市商务局", year: int = 2023) -> Report:
    fmt = default_format_for(year)
    report = Report(format=fmt.id, agency=agency, year=year)
    report.set_meta("title", fmt.title_for(agency, year))
    return report


def test_read_only_window_becomes_writable_and_reloads(qtbot: Any) -> None:
    path = default_store_path()
    other = ReportStore(path)  # e.g. a command-line import still running
    first = make_report("第一局")
    other.put(first)
    store = open_or_read_only(path)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.read_only and "只读" in window.windowTitle()
    window.open_report(first.id)
    assert not window.actions_.save.isEnabled()
    window._try_writable()
    assert window.read_only  # still busy: nothing changes
    late = make_report("最后导入的局")
    other.put(late)
    other.close()
    qtbot.waitUntil(lambda: not window.read_only, timeout=5000)  # the window's own timer
    assert "可以修改" in window.banner.text() and window.banner.isVisible()
    assert "只读" not in window.windowTitle()
    assert {s.id for s in store.list_reports()} == {first.id, late.id}  # reloaded
    session = window.current_session()
    assert session is not None and session.report.id == first.id  # opened again, writable
    assert window.actions_.save.isEnabled()
    session.set_meta("title", "现在可以保存了")
    assert window.save()
    window.close()
    store.close()
    with ReportStore(path, read_only=True) as again:
        assert again.get(first.id).meta_value("title") == "现在可以保存了"


def test_window_started_during_a_short_import_opens_writable(monkeypatch: Any) -> None:
    path = default_store_path()
    with ReportStore(path) as writer:
        writer.put(make_report())
    held = threading.Event()

    def short_import() -> None:
        lock = StoreLock(path)
        lock.acquire()
        held.set()
        time.sleep(1.0)
        lock.release()

    asked: list[str] = []
    monkeypatch.setattr(app_module, "_ask", lambda *a: asked.append(a[2]) or True)
    thread = threading.Thread(target=short_import)
    thread.start()
    held.wait(5)
    store = app_module.open_store(path)
    thread.join()
    assert store is not None and not store.read_only and asked == []
    store.close()


def damaged_store(path: Path) -> tuple[list[Report], bytes]:
    reports = [make_report(f"机关{i}") for i in range(3)]
    with ReportStore(path) as store:
        for report in reports:
            store.put(report)
    raw = path.read_bytes()
    lines = raw.split(b"\n")
    lines[2] = lines[2][:40] + b"\x00\x00garbage" + lines[2][60:]  # the second report
    damaged = b"\n".join(lines)
    path.write_bytes(damaged)
    return reports, damaged


def test_damaged_store_offers_to_salvage_the_intact_reports(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = default_store_path()
    reports, damaged = damaged_store(path)
    shown: list[str] = []

    def click_rescue(box: QMessageBox) -> int:
        shown.append(box.text())
        rescue = next(b for b in box.buttons() if b.text() == "挽救完好的报告")
        rescue.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_rescue)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    store = app_module.open_store(path)
    assert store is not None and not store.read_only
    assert "2 份报告完好" in shown[0] and "机关1" in shown[0]
    assert "已挽救 2 份" in shown[1] and "机关1" in shown[1]
    assert {s.id for s in store.list_reports()} == {reports[0].id, reports[2].id}
    store.close()
    [kept] = path.parent.glob("reports.json.damaged-*")
    assert kept.read_bytes() == damaged


def test_typed_or_pasted_lone_surrogate_is_replaced_and_saving_goes_on(
    window: MainWindow, store: ReportStore, qtbot: Any
) -> None:
    report = make_report()
    store.put(report)
    window.open_report(report.id)
    session = window.current_session()
    assert session is not None
    notices: list[str] = []
    session.notice.connect(notices.append)
    session.set_paragraphs("s1", ["粘贴来的文字\ud83d，后面还有"])
    assert session.report.paragraphs("s1") == ["粘贴来的文字\ufffd，后面还有"]
    assert notices and "\ufffd" in notices[0]
    assert "\ufffd" in window.statusBar().currentMessage()
    assert window.save()
    session.set_meta("title", "之后的修改照常保存")
    assert window.save()
    with ReportStore(default_store_path(), read_only=True) as reader:
        saved = reader.get(report.id)
    assert saved.paragraphs("s1") == ["粘贴来的文字\ufffd，后面还有"]
    assert saved.meta_value("title") == "之后的修改照常保存"


def test_window_import_of_the_same_exchange_file_opens_the_report_already_there(
    window: MainWindow, store: ReportStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from model.importers.exchange import write_exchange_file

    report = make_report("交换来的局")
    store.put(report)
    exchange = write_exchange_file(report, tmp_path / "r.nianbao.json")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or 0)
    window.import_report(exchange)
    assert asked == []  # no 「same agency and year」 question for the very same report
    assert [s.id for s in store.list_reports()] == [report.id]
    session = window.current_session()
    assert session is not None and session.report.id == report.id
    assert "没有重复导入" in window.statusBar().currentMessage()


def test_window_offers_the_backup_for_an_emptied_store(monkeypatch: pytest.MonkeyPatch) -> None:
    path = default_store_path()
    first = make_report("第一局")
    with ReportStore(path) as writer:
        writer.put(first)
    with ReportStore(path) as writer:
        writer.put(make_report("第二局"))
    path.write_bytes(b"")  # a full disk or a sync tool left an empty file
    asked: list[tuple[str, str]] = []

    def ask(title: str, text: str, yes: str, _no: str) -> bool:
        asked.append((text, yes))
        return yes == "使用备份"

    monkeypatch.setattr(app_module, "_ask", ask)
    store = app_module.open_store(path)
    assert asked and "是空的" in asked[0][0] and asked[0][1] == "使用备份"
    assert store is not None and store.contains(first.id)
    store.close()
    [kept] = path.parent.glob("reports.json.empty-*")
    assert kept.read_bytes() == b""
