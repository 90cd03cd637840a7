"""PDF jobs off the UI thread, one at a time.

reportlab is not thread-safe (its font and style registries are global), so every job
of the process runs on one shared ``QThreadPool`` with a single thread; ``export.pdf.render``
serialises the renders with its own lock (the only one: nothing here takes another). A job
carries a deep copy of the report, never a widget; the result comes back to the UI thread
through a queued signal.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from model.errors import ExportError
from model.formats import Format
from model.report import Report

if TYPE_CHECKING:
    from export.docx.render import DocxResult
    from export.html import HtmlResult
    from export.pdf.render import PdfOptions, PdfResult

translate = QCoreApplication.translate  # thread-safe; the worker uses it too
log = logging.getLogger(__name__)

RENDER = "render"  # PDF bytes for the preview or the printer
WRITE = "write"  # write the PDF file with write_pdf
WRITE_DOCX = "write_docx"  # write the Word file (same outline as the PDF)
WRITE_HTML = "write_html"  # write the web page

_serials = count(1)
_pool: QThreadPool | None = None


@dataclass
class ExportJob:
    """One request to the PDF engine and, once done, its outcome."""

    kind: str  # RENDER or WRITE
    report: Report  # a deep copy, owned by the job
    fmt: Format
    options: PdfOptions | None = None
    path: Path | None = None  # target file of a WRITE job
    purpose: str = ""  # what the caller wants it for ("export", "preview", "print")
    serial: int = field(default_factory=lambda: next(_serials))
    result: PdfResult | DocxResult | HtmlResult | None = None  # set on success
    error: str = ""  # plain-Chinese message on failure

    @property
    def ok(self) -> bool:
        return self.result is not None and not self.error

    def pdf(self) -> PdfResult:
        """The result of a finished RENDER or WRITE job."""
        from export.pdf.render import PdfResult

        assert isinstance(self.result, PdfResult), self.kind
        return self.result


def export_pool() -> QThreadPool:
    """The process-wide pool with a single thread (parented to the application, which waits
    for a running job when it quits)."""
    global _pool
    if _pool is None or not shiboken6.isValid(_pool):
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setMaxThreadCount(1)
    return _pool


def run_job(job: ExportJob) -> ExportJob:
    """Run ``job`` in the calling thread: fill ``job.result`` or ``job.error``."""
    try:
        from export.pdf.render import render_pdf, write_pdf

        if job.kind in (WRITE, WRITE_DOCX, WRITE_HTML) and job.path is None:
            raise ExportError(translate("ExportWorker", "没有指定要保存的文件。"))
        if job.kind == WRITE:
            assert job.path is not None
            job.result = write_pdf(job.report, job.fmt, job.path, job.options)
        elif job.kind == WRITE_DOCX:
            from export.docx.render import write_docx

            assert job.path is not None
            job.result = write_docx(job.report, job.fmt, job.path)
        elif job.kind == WRITE_HTML:
            from export.html import write_html

            assert job.path is not None
            job.result = write_html(job.report, job.fmt, job.path)
        else:
            job.result = render_pdf(job.report, job.fmt, job.options)
    except ExportError as exc:  # write_pdf turns file errors into these (Chinese message)
        job.error = str(exc)
    except Exception as exc:
        log.error("PDF job failed:\n%s", traceback.format_exc())
        job.error = translate(
            "ExportWorker",
            "导出时出现意外错误（%1）。"
            "报告内容没有受影响；请稍后再试，如仍不行请把日志文件发给技术支持。",
        ).replace("%1", f"{type(exc).__name__}: {exc}")
    return job


class _Relay(QObject):
    """Lives in the UI thread; the pool thread emits on it (queued to the receivers)."""

    done = Signal(object)


def _execute(job: ExportJob, relay: _Relay) -> None:
    run_job(job)
    try:
        relay.done.emit(job)
    except RuntimeError:  # the window went away while the job ran
        log.info("PDF job %s finished after its receiver was deleted", job.serial)


class ExportWorker(QObject):
    """Submits jobs to the shared single-thread pool; ``finished``/``failed`` carry the job."""

    finished = Signal(object)  # ExportJob with result
    failed = Signal(object)  # ExportJob with error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay()  # no parent: the running job keeps it alive
        self._relay.done.connect(self._on_done)
        self._running: dict[int, str] = {}  # serial -> purpose

    def submit(self, job: ExportJob) -> ExportJob:
        self._running[job.serial] = job.purpose
        relay = self._relay
        export_pool().start(lambda: _execute(job, relay))
        return job

    def is_busy(self, purpose: str | None = None) -> bool:
        """Whether a job (of ``purpose``, if given) submitted here is still running."""
        if purpose is None:
            return bool(self._running)
        return purpose in self._running.values()

    def _on_done(self, job: ExportJob) -> None:
        self._running.pop(job.serial, None)
        if job.ok:
            self.finished.emit(job)
        else:
            self.failed.emit(job)
