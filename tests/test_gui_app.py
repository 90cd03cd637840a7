"""Start-up: store trouble, the exception hook, a second start, and work surviving a restart."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit

from gui.shell import app as app_module
from gui.shell import crash
from gui.shell.main_window import MainWindow
from model.errors import ReportDataError
from model.formats import default_format_for
from model.paths import default_store_path, log_dir
from model.report import Report
from model.store.report_store import ReportStore

ROOT = Path(__file__).resolve().parent.parent


def make_report(agency: str = "某某市商务局", year: int = 2017) -> Report:
    fmt = default_format_for(year)
    report = Report(format=fmt.id, agency=agency, year=year)
    report.set_meta("title", fmt.title_for(agency, year))
    return report


# --- store trouble at start --------------------------------------------------------------------
def test_locked_store_offers_read_only(monkeypatch):
    path = default_store_path()
    holder = ReportStore(path)
    holder.put(make_report())
    asked: list[str] = []

    def ask(_title: str, _text: str, yes: str, _no: str) -> bool:
        asked.append(yes)
        return True

    monkeypatch.setattr(app_module, "_ask", ask)
    monkeypatch.setattr(app_module, "STARTUP_LOCK_WAIT", 0.2)
    try:
        store = app_module.open_store(path)
        assert store is not None and store.read_only
        assert asked == ["以只读方式打开"]
        assert len(store.list_reports()) == 1
        store.close()
    finally:
        holder.close()


def test_folder_that_cannot_be_written_offers_read_only(qtbot, monkeypatch):
    """A data folder without write permission (the lock file cannot be made) is opened
    read-only after asking, not ended with an error box; the banner says why."""
    from model.store import lock as store_lock

    path = default_store_path()
    with ReportStore(path) as writer:
        writer.put(make_report())

    def refuse(self, *args, **kwargs):  # what StoreLock.acquire raises on EACCES / EROFS
        raise store_lock.StoreFolderReadOnlyError("文件夹不允许写入")

    monkeypatch.setattr(store_lock.StoreLock, "acquire", refuse)
    asked: list[tuple[str, str]] = []

    def ask(title: str, text: str, yes: str, _no: str) -> bool:
        asked.append((title, text))
        return yes == "以只读方式打开"

    critical: list[str] = []
    monkeypatch.setattr(app_module, "_ask", ask)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: critical.append(a[2]))
    store = app_module.open_store(path)
    assert not critical
    assert store is not None and store.read_only
    assert len(store.list_reports()) == 1
    assert asked and "文件夹" in asked[0][1] and str(path.parent) in asked[0][1]
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert window.read_only and "文件夹不允许写入" in window.banner.text()
    assert "只读" in window.windowTitle()
    window.close()
    store.close()


def test_second_server_never_removes_a_live_windows_socket(qtbot, tmp_path):
    """Two starts at the same moment: the later listener must not take the socket away from
    the window that already listens (that one keeps receiving later starts)."""
    from gui.shell.single_instance import InstanceServer, hand_over

    path = tmp_path / "reports.json"
    first = InstanceServer(path)
    assert first.listen()
    second = InstanceServer(path)
    try:
        assert second.listen() is False
        with qtbot.waitSignal(first.activated, timeout=3000) as got:
            assert hand_over(path, Path("/tmp/甲.txt"))
        assert got.args == ["/tmp/甲.txt"]
    finally:
        second.close()
        first.close()
        qtbot.wait(50)  # the accepted sockets finish before the servers are collected


def test_locked_store_declined_means_no_store(monkeypatch):
    holder = ReportStore(default_store_path())
    monkeypatch.setattr(app_module, "_ask", lambda *a: False)
    try:
        assert app_module.open_store(default_store_path()) is None
    finally:
        holder.close()


def test_corrupt_store_opens_the_good_backup_and_keeps_the_bad_file(monkeypatch, tmp_path):
    path = default_store_path()
    good = ReportStore(path)
    report = make_report()
    good.put(report)
    good.close()
    backup = tmp_path / "good-backup.json"
    backup.write_bytes(path.read_bytes())
    path.write_text('{"reports": {"1": {"id": "broken', encoding="utf-8")
    monkeypatch.setattr(app_module, "_newest_good_backup", lambda p: backup)
    monkeypatch.setattr(app_module, "_ask", lambda *a: True)
    store = app_module.open_store(path)
    assert store is not None
    assert [s.id for s in store.list_reports()] == [report.id]
    store.close()
    kept = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".")]
    assert any(p.read_text(encoding="utf-8").endswith('"broken') for p in kept if p.is_file())


def test_corrupt_store_without_backup_is_left_alone_when_she_quits(monkeypatch):
    path = default_store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("not json at all", encoding="utf-8")
    asked: list[str] = []
    monkeypatch.setattr(app_module, "_newest_good_backup", lambda p: None)
    monkeypatch.setattr(app_module, "_ask", lambda title, text, *a: asked.append(text) or False)
    assert app_module.open_store(path) is None
    assert path.read_text(encoding="utf-8") == "not json at all"
    assert asked and "损坏" in asked[0] and "改名保留" in asked[0]


def test_corrupt_store_without_backup_is_kept_aside_and_a_new_store_started(monkeypatch):
    path = default_store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("not json at all", encoding="utf-8")
    told: list[str] = []
    monkeypatch.setattr(app_module, "_newest_good_backup", lambda p: None)
    monkeypatch.setattr(app_module, "_ask", lambda *a: True)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text, *a: told.append(text))
    store = app_module.open_store(path)
    assert store is not None
    try:
        assert store.list_reports() == []
        store.put(make_report())  # she can work at once
    finally:
        store.close()
    kept = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".corrupt")]
    assert [p.read_text(encoding="utf-8") for p in kept] == ["not json at all"]
    assert told and str(kept[0]) in told[0]


# --- exception hook and log ---------------------------------------------------------------------
@pytest.fixture
def shown_dialogs(monkeypatch) -> list[str]:
    texts: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        texts.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return texts


def test_unexpected_error_is_logged_saved_and_explained(qapp, shown_dialogs):
    log_path = crash.setup_logging()
    saves: list[bool] = []

    def save() -> bool:
        saves.append(True)
        return True

    hook = crash.ExceptionHook(save)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        hook(RuntimeError, exc, exc.__traceback__)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert saves == [True]
    assert "已经保存" in shown_dialogs[0]
    assert str(log_dir()) in shown_dialogs[0]
    text = log_path.read_text(encoding="utf-8")
    assert "boom in a slot" in text and "Traceback" in text
    _remove_nianbao_log_handlers()


def test_expected_error_is_a_plain_message(qapp, shown_dialogs):
    saves: list[bool] = []

    def save() -> bool:
        saves.append(True)
        return True

    hook = crash.ExceptionHook(save)
    error = ReportDataError("报告数据缺少「format」字段。")
    hook(ReportDataError, error, None)
    assert shown_dialogs == ["报告数据缺少「format」字段。"]
    assert saves == []


def test_failed_save_in_the_hook_is_reported(qapp, shown_dialogs):
    def broken_save() -> bool:
        raise OSError("disk gone")

    hook = crash.ExceptionHook(broken_save)
    hook(ValueError, ValueError("x"), None)
    assert "未能自动保存" in shown_dialogs[0]


def test_missing_std_streams_are_replaced(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    crash.guard_std_streams()
    print("no crash when windowed")
    assert sys.stdout is not None and sys.stderr is not None


def _remove_nianbao_log_handlers() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_nianbao", False):
            root.removeHandler(handler)
            handler.close()


# --- create, type, close, reopen ----------------------------------------------------------------
def test_text_typed_in_a_section_survives_closing_and_reopening(qtbot):
    store = ReportStore(default_store_path())
    report = make_report()
    store.put(report)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.open_report(report.id)
    editor = window.current_editor()
    section = default_format_for(2017).sections[0].id
    editor.show_section(section)
    edit = editor.section_tabs[section].findChild(QPlainTextEdit)
    edit.setPlainText("本年度，我局认真贯彻落实《条例》。\n第二段。")
    window.close()
    store.close()

    reopened = ReportStore(default_store_path())
    assert reopened.get(report.id).paragraphs(section) == [
        "本年度，我局认真贯彻落实《条例》。",
        "第二段。",
    ]
    again = MainWindow(reopened)
    qtbot.addWidget(again)
    app_module._open_first(again, None)  # reopens the last report, as at start-up
    session = again.current_session()
    assert session is not None and session.report.id == report.id
    shown = again.current_editor().section_tabs[section].findChild(QPlainTextEdit)
    assert shown.toPlainText() == "本年度，我局认真贯彻落实《条例》。\n第二段。"
    again.close()
    reopened.close()


# --- a second start hands over to the first ------------------------------------------------------
def _start(data: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, NIANBAO_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    code = "import sys; from gui.shell.app import run; sys.exit(run())"
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(path: Path, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    content = ""
    while time.monotonic() < deadline:
        content = path.read_text(encoding="utf-8") if path.exists() else ""
        if text in content:
            return content
        time.sleep(0.05)
    raise AssertionError(f"{text!r} not in log:\n{content}")


def test_second_start_hands_over_and_exits(isolated_data_dir: Path):
    log_file = isolated_data_dir / "logs" / crash.LOG_FILE_NAME
    first = _start(isolated_data_dir)
    try:
        _wait_for(log_file, "window shown")
        second = _start(isolated_data_dir)
        assert second.wait(timeout=20) == 0
        content = _wait_for(log_file, "brought to front by a second start")
        assert content.count("window shown") == 1  # the second never opened the store
        assert "handed over to the running window" in content
        assert first.poll() is None  # the first keeps running
    finally:
        first.terminate()
        first.wait(timeout=10)


def test_application_icon_has_the_shipped_sizes(qapp) -> None:
    from gui.shell.app import application_icon

    sizes = {(s.width(), s.height()) for s in application_icon().availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes


def test_shipped_interface_font_loads_for_machines_without_chinese_fonts(qapp) -> None:
    from PySide6.QtGui import QFontDatabase

    family = app_module._shipped_ui_font()
    assert family == "WenQuanYi Micro Hei"
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()


def test_start_opens_the_report_a_crash_left_unsaved(qtbot, monkeypatch):
    from gui.settings import set_last_report
    from model.store.recovery import RecoveryJournal

    path = default_store_path()
    store = ReportStore(path)
    crashed, other = make_report("甲局"), make_report("乙局")
    store.put(crashed)
    store.put(other)
    set_last_report(other.id)  # the last report opened was 乙局
    unsaved = store.get(crashed.id)
    unsaved.set_paragraphs("L1", ["崩溃前没来得及保存的一段。"])
    RecoveryJournal(path).write(unsaved)  # the killed run journaled it, never saved it
    window = MainWindow(store)
    qtbot.addWidget(window)
    app_module._open_first(window, None)
    session = window.current_session()
    assert session is not None and session.report.id == crashed.id
    assert session.report.paragraphs("L1") == ["崩溃前没来得及保存的一段。"]
    window.close()
    store.close()


def test_corrupt_store_question_offers_the_backup_once(monkeypatch):
    path = default_store_path()
    with ReportStore(path) as store:
        store.put(make_report())  # the first save of a session leaves a backup
        store.put(make_report("乙局"))
    path.write_text("{ not json", encoding="utf-8")
    asked: list[str] = []
    monkeypatch.setattr(app_module, "_ask", lambda title, text, *a: asked.append(text) or False)
    assert app_module.open_store(path) is None
    assert len(asked) == 1
    assert "找到一份完好的备份" in asked[0]
    assert "可以从最近的完好备份" not in asked[0]  # the store's own advice is for the CLI
    assert path.read_text(encoding="utf-8") == "{ not json"
