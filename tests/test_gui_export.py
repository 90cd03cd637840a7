"""导出 PDF from the window: worker thread, confirmation, failures shown in Chinese."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
import shiboken6
from doubles import NoJournal
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from gui.editing.session import ReportSession
from gui.output import export_controller as ec
from gui.output.export_controller import ExportController
from gui.output.export_worker import RENDER, ExportJob, ExportWorker, export_pool
from gui.settings import app_settings
from model import commands
from model.importers.text import import_file
from model.report import Report
from model.store.report_store import ReportStore


@pytest.fixture
def store(tmp_path: Path):
    s = ReportStore(tmp_path / "reports.json")
    yield s
    s.close()


@pytest.fixture
def session(store: ReportStore, sample_text_path: Path):
    report = import_file(sample_text_path).report
    store.put(report)
    s = ReportSession(store, report, journal=NoJournal())
    yield s
    if shiboken6.isValid(s):
        s.close()


@pytest.fixture
def controller(qtbot, session: ReportSession):
    window = QWidget()
    qtbot.addWidget(window)
    return ExportController(session, window)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch):
    """Records what the modal dialogs were asked and answers for the clerk."""

    class Dialogs:
        target: Path | None = None
        answer = ec.EXPORT
        asked_errors: list[int] = []  # noqa: RUF012
        asked_path: list[Path] = []  # noqa: RUF012
        asked_pending: list[int] = []  # noqa: RUF012
        errors: list[str] = []  # noqa: RUF012
        results: list[Any] = []  # noqa: RUF012

    d = Dialogs()
    d.asked_errors, d.asked_path, d.errors, d.results = [], [], [], []
    d.asked_pending = []

    def ask_errors(parent, count: int, pending: int = 0) -> str:
        d.asked_errors.append(count)
        d.asked_pending.append(pending)
        return d.answer

    def ask_path(parent, suggested: Path) -> Path | None:
        d.asked_path.append(suggested)
        return d.target

    monkeypatch.setattr(ec, "ask_export_with_errors", ask_errors)
    monkeypatch.setattr(ec, "ask_save_path", ask_path)
    monkeypatch.setattr(ec, "show_error", lambda parent, text: d.errors.append(text))
    monkeypatch.setattr(ec, "show_result", lambda parent, outcome: d.results.append(outcome))
    return d


def test_export_writes_pdf_while_the_window_stays_responsive(
    qtbot, controller: ExportController, session: ReportSession, dialogs, tmp_path: Path
) -> None:
    dialogs.target = tmp_path / "年报"  # no suffix: .pdf is added
    messages: list[str] = []
    controller.message.connect(messages.append)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()

    with qtbot.waitSignal(controller.exported, timeout=60000) as blocker:
        controller.export_pdf()
        assert controller.worker.is_busy("export")  # returned before the PDF was made
    timer.stop()

    written = tmp_path / "年报.pdf"
    assert blocker.args == [str(written)]
    assert ticks, "the event loop was blocked while the PDF was made"
    with pdfplumber.open(written) as pdf:
        assert len(pdf.pages) > 1
        text = "".join(page.extract_text() or "" for page in pdf.pages[:2])
    title = session.report.meta_value("title") or session.proposed_title()
    assert title[:8] in text.replace("\n", "")
    assert any(str(written) in m and "页" in m for m in messages)
    assert app_settings().value("export/last_dir") == str(tmp_path)
    assert dialogs.errors == []


def test_first_export_proposes_documents_then_the_last_folder(
    controller: ExportController, session: ReportSession, dialogs, tmp_path: Path
) -> None:
    from PySide6.QtCore import QStandardPaths

    session.report.agency, session.report.year = "某局", 2024
    session.set_meta("title", "随便写的标题")  # the name follows agency and year, not the title
    dialogs.target = None  # the clerk cancels the save dialog
    controller.export_pdf()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    first = dialogs.asked_path[0]
    assert first.name == "某局2024年政府信息公开工作年度报告.pdf"
    assert first.parent == (Path(documents) if Path(documents).is_dir() else Path.home())
    app_settings().setValue("export/last_dir", str(tmp_path))
    controller.export_pdf()
    assert dialogs.asked_path[1] == tmp_path / "某局2024年政府信息公开工作年度报告.pdf"
    assert not controller.worker.is_busy()


def test_errors_ask_first_and_no_means_no_file(
    qtbot, store: ReportStore, dialogs, tmp_path: Path
) -> None:
    from model.checks.engine import check

    report = Report(format="fmt2021", agency="某局", year=2024)
    fmt2021 = ReportSession(store, report, journal=NoJournal())
    for table in fmt2021.fmt.tables.values():  # 5 everywhere: table 三 cannot add up
        for cell in table.input_cells():
            report.set_cell(cell.cell_id, 5)
    errors = commands.open_errors(check(report, fmt2021.fmt, None), report)
    assert errors
    window = QWidget()
    qtbot.addWidget(window)
    controller = ExportController(fmt2021, window)

    dialogs.target = tmp_path / "out.pdf"
    dialogs.answer = ec.CANCEL
    controller.export_pdf()
    assert dialogs.asked_errors == [len(errors)]
    assert dialogs.asked_path == []  # no save dialog, no job, no file
    assert not controller.worker.is_busy()
    assert not (tmp_path / "out.pdf").exists()

    with qtbot.waitSignal(controller.findingsRequested) as blocker:
        dialogs.answer = ec.VIEW
        controller.export_pdf()
    assert blocker.args == [errors[0].section, errors[0].cells[0]]  # the shell jumps there
    assert not (tmp_path / "out.pdf").exists()

    dialogs.answer = ec.EXPORT
    with qtbot.waitSignal(controller.exported, timeout=60000):
        controller.export_pdf()
    assert (tmp_path / "out.pdf").is_file()
    fmt2021.close()


def _read_only_folder(tmp_path: Path) -> Path:
    if os.geteuid() == 0:  # root writes anywhere under tmp; /sys refuses even root
        return Path("/sys")
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    return folder


@pytest.mark.parametrize("where", ["missing_folder", "read_only_folder", "directory_in_place"])
def test_unwritable_target_shows_chinese_message_and_keeps_the_report(
    qtbot, controller: ExportController, session: ReportSession, dialogs, tmp_path: Path, where: str
) -> None:
    if where == "missing_folder":
        dialogs.target = tmp_path / "没有这个文件夹" / "年报.pdf"
    elif where == "read_only_folder":
        dialogs.target = _read_only_folder(tmp_path) / "年报.pdf"
    else:
        dialogs.target = tmp_path / "年报.pdf"
        dialogs.target.mkdir()
    before = session.report.to_dict()
    messages: list[str] = []
    controller.message.connect(messages.append)

    with qtbot.waitSignal(controller.worker.failed, timeout=60000):
        controller.export_pdf()

    assert len(dialogs.errors) == 1
    shown = dialogs.errors[0]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in shown)
    assert "Traceback" not in shown and "Errno" not in shown
    assert messages[-1] == shown
    assert session.report.to_dict() == before
    assert dialogs.target.is_dir() or not dialogs.target.exists()


def test_worker_runs_one_job_at_a_time_and_reports_back(qtbot, session: ReportSession) -> None:
    assert export_pool().maxThreadCount() == 1
    worker = ExportWorker()
    jobs = [ExportJob(RENDER, session.snapshot(), session.fmt, purpose=str(i)) for i in range(2)]
    done: list[ExportJob] = []
    worker.finished.connect(done.append)
    for job in jobs:
        worker.submit(job)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=60000)
    assert [j.purpose for j in done] == ["0", "1"]
    assert all(j.result.data.startswith(b"%PDF") for j in done)
    assert jobs[0].report is not session.report  # the worker never saw the live report


def test_after_export_fonts_and_missing_characters_are_told_once(
    qtbot, controller: ExportController, session: ReportSession, dialogs, tmp_path: Path
) -> None:
    section = session.fmt.sections[0].id
    session.set_paragraphs(
        section, ["本段含一个罕见字\U0003134a。", *session.report.paragraphs(section)]
    )
    dialogs.target = tmp_path / "out.pdf"
    messages: list[str] = []
    controller.message.connect(messages.append)
    with qtbot.waitSignal(controller.exported, timeout=60000):
        controller.export_pdf()

    from export.pdf.render import render_pdf
    from gui.output.font_settings import pdf_options_from_settings

    result = render_pdf(session.snapshot(), session.fmt, pdf_options_from_settings())
    done = messages[-1]
    for role, face in result.fonts_used.items():
        assert f"{role} {face}" in done
    if result.substitutions:  # no official faces on this machine: said once, with the way out
        assert done.count("设置 → 字体") == 1 and "代替" in done
    assert len(dialogs.results) == 1  # one dialog tells all
    details = "\n".join(dialogs.results[0].details)
    assert "「\U0003134a」" in details
    heading = session.fmt.sections[0].heading
    assert heading in details


def test_progress_shows_only_for_slow_exports(
    qtbot, controller: ExportController, dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from gui.output import export_worker

    release = threading.Event()
    real_run_job = export_worker.run_job

    def slow_job(job: ExportJob) -> ExportJob:
        release.wait(10)
        return real_run_job(job)

    monkeypatch.setattr(export_worker, "run_job", slow_job)
    dialogs.target = tmp_path / "slow.pdf"
    controller.export_pdf()
    assert not controller._progress.is_visible()  # not before half a second
    qtbot.waitUntil(controller._progress.is_visible, timeout=3000)
    with qtbot.waitSignal(controller.exported, timeout=60000):
        release.set()
    assert not controller._progress.is_visible()
    assert (tmp_path / "slow.pdf").is_file()


def test_an_unfinished_report_asks_before_export(
    qtbot, store: ReportStore, dialogs, tmp_path: Path
) -> None:
    """Nothing filled in: no error, but 待填 everywhere — she is asked, not surprised."""
    report = Report(format="fmt2021", agency="某局", year=2024)
    store.put(report)
    session = ReportSession(store, report, journal=NoJournal())
    window = QWidget()
    qtbot.addWidget(window)
    controller = ExportController(session, window)
    dialogs.answer = ec.CANCEL
    dialogs.target = tmp_path / "empty.pdf"
    controller.export_pdf()
    assert dialogs.asked_errors == [0]
    assert dialogs.asked_pending[0] > 0
    assert dialogs.asked_path == []
    assert not (tmp_path / "empty.pdf").exists()
