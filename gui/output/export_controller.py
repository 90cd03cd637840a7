"""导出 PDF, 打印预览 and 打印 for the open report, with the PDF made off the UI thread.

Every PDF comes from a deep copy of the report (``session.snapshot()``) rendered by
``export.pdf.render`` in :mod:`gui.output.export_worker`; the clerk keeps typing meanwhile.
The module-level
``ask_*``/``show_*`` functions wrap the modal dialogs so tests can replace them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from gui.editing.session import ReportSession
from gui.output import printing
from gui.output.export_result import ExportOutcome, font_sentence, show_export_result
from gui.output.export_worker import (
    RENDER,
    WRITE,
    WRITE_DOCX,
    WRITE_HTML,
    ExportJob,
    ExportWorker,
)
from gui.output.font_settings import pdf_options_from_settings
from gui.output.preview import PreviewWindow
from gui.settings import app_settings, start_folder
from model.errors import NianbaoError
from model.file_names import export_file_name
from model.findings import Finding

if TYPE_CHECKING:
    from export.pdf.render import PdfResult

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

PREVIEW_DELAY_MS = 700  # re-render the open preview this long after the last edit
PROGRESS_DELAY_MS = 500  # show the progress indicator only for slower jobs

VIEW, EXPORT, CANCEL = "view", "export", "cancel"


# --- dialogs (replaced in tests) ------------------------------------------------------------
def ask_export_with_errors(parent: QWidget | None, count: int, pending: int = 0) -> str:
    """「报告中还有 N 处错误（M 处待填），仍要导出吗？」 → VIEW, EXPORT or CANCEL."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("ExportController", "导出 PDF"))
    if count and pending:
        text = translate("ExportController", "报告中还有 %1 处错误、%2 处待填，仍要导出吗？")
    elif count:
        text = translate("ExportController", "报告中还有 %1 处错误，仍要导出吗？")
    else:
        text = translate("ExportController", "报告还没有填完（%2 处待填），仍要导出吗？")
    box.setText(text.replace("%1", str(count)).replace("%2", str(pending)))
    box.setInformativeText(translate("ExportController", "选择「查看」可逐一查看并补全、更正。"))
    view = box.addButton(translate("ExportController", "查看"), QMessageBox.ButtonRole.RejectRole)
    export = box.addButton(
        translate("ExportController", "仍然导出"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(translate("ExportController", "取消"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(view)
    box.exec()
    clicked = box.clickedButton()
    return VIEW if clicked is view else EXPORT if clicked is export else CANCEL


def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """The file to write; the dialog's title and filter follow the suggested name's suffix."""
    kind = next((k for k, sfx in SUFFIXES.items() if sfx == suggested.suffix.lower()), "PDF")
    title, pattern = SAVE_DIALOGS[kind]
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        translate("ExportController", str(title)),
        str(suggested),
        translate("ExportController", str(pattern)),
    )
    return Path(chosen) if chosen else None


# kind -> (dialog title, file filter); the suffix and the job kind of each export
SAVE_DIALOGS = {
    "PDF": (
        QT_TRANSLATE_NOOP("ExportController", "导出 PDF"),
        QT_TRANSLATE_NOOP("ExportController", "PDF 文件 (*.pdf)"),
    ),
    "Word": (
        QT_TRANSLATE_NOOP("ExportController", "导出 Word"),
        QT_TRANSLATE_NOOP("ExportController", "Word 文件 (*.docx)"),
    ),
    "HTML": (
        QT_TRANSLATE_NOOP("ExportController", "导出网页"),
        QT_TRANSLATE_NOOP("ExportController", "网页文件 (*.html *.htm)"),
    ),
}
SUFFIXES = {"PDF": ".pdf", "Word": ".docx", "HTML": ".html"}
JOB_KINDS = {"PDF": WRITE, "Word": WRITE_DOCX, "HTML": WRITE_HTML}


def show_error(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, translate("ExportController", "导出 PDF"), text)


def show_result(parent: QWidget | None, outcome: ExportOutcome) -> None:
    """「已导出：…pdf」 with 打开文件 / 打开所在文件夹, where she is looking."""
    show_export_result(parent, outcome)


# --- helpers ---------------------------------------------------------------------------------
def export_folder() -> Path:
    """The folder of the last export, else the user's 文档 (Documents) folder."""
    return start_folder("export/last_dir")


class _DelayedProgress:
    """A non-modal busy indicator that appears only when a job outlasts PROGRESS_DELAY_MS."""

    def __init__(self, parent: QWidget | None) -> None:
        self._parent = parent
        self._dialog: QProgressDialog | None = None
        self._text = ""
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(PROGRESS_DELAY_MS)
        self._timer.timeout.connect(self._show)

    def start(self, text: str) -> None:
        self._text = text
        if self._dialog is not None:
            self._dialog.setLabelText(text)
        elif not self._timer.isActive():
            self._timer.start()

    def _show(self) -> None:
        dialog = QProgressDialog(self._text, "", 0, 0, self._parent)
        dialog.setWindowTitle(translate("ExportController", "请稍候"))
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        self._dialog = dialog

    def is_visible(self) -> bool:
        return self._dialog is not None and self._dialog.isVisible()

    def stop(self) -> None:
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None


class ExportController(QObject):
    """The 导出 PDF / 打印预览 / 打印 actions of one open report."""

    message = Signal(str)  # for the status bar
    findingsRequested = Signal(str, str)  # 查看: section id and cell id of the first error
    exported = Signal(str)  # path of a PDF just written

    def __init__(self, session: ReportSession, parent_widget: QWidget | None) -> None:
        super().__init__(parent_widget)
        self._session = session
        self._parent = parent_widget
        self._worker = ExportWorker(self)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._progress = _DelayedProgress(parent_widget)
        self._preview: PreviewWindow | None = None
        self._preview_stale = False
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._render_preview)
        session.changed.connect(self._on_session_changed)

    @property
    def worker(self) -> ExportWorker:
        return self._worker

    def preview_window(self) -> PreviewWindow | None:
        return self._preview

    # --- 导出 PDF --------------------------------------------------------------------------
    def export_pdf(self) -> None:
        self._export_file("PDF")

    def export_docx(self) -> None:
        """导出 Word: the same words as the PDF, for reviewers who edit in Word or WPS."""
        self._export_file("Word")

    def export_html(self) -> None:
        """导出网页: one self-contained .html for the agency's website."""
        self._export_file("HTML")

    def _export_file(self, kind: str) -> None:
        if self._worker.is_busy("export"):
            self.message.emit(self.tr("上一份导出还在进行，请稍候。"))
            return
        if not self._confirm_despite_errors():
            return
        suffix = SUFFIXES[kind]
        suggested = export_folder() / export_file_name(self._session.report, suffix)
        path = ask_save_path(self._parent, suggested)
        if path is None:
            return
        if path.suffix.lower() not in (suffix, ".htm" if kind == "HTML" else suffix):
            path = path.with_name(path.name + suffix)
        self._session.save_now()
        self._submit(JOB_KINDS[kind], "export", path)
        name = {"PDF": "PDF", "Word": self.tr("Word 文件"), "HTML": self.tr("网页")}[kind]
        self._progress.start(self.tr("正在生成%1……").replace("%1", name))
        self.message.emit(self.tr("正在导出%1……").replace("%1", name))

    def _confirm_despite_errors(self) -> bool:
        errors, pending = self._open_problems()
        if not errors and not pending:
            return True
        answer = ask_export_with_errors(self._parent, len(errors), len(pending))
        if answer == EXPORT:
            return True
        if answer == VIEW:
            first = (errors or pending)[0]
            cell = first.cells[0] if first.cells else ""
            section = first.section or (self._session.section_of_cell(cell) if cell else None)
            self.findingsRequested.emit(section or "", cell)
            self.message.emit(self.tr("请先补全、更正报告，再导出 PDF。"))
        return False

    def _open_problems(self) -> tuple[list[Finding], list[Finding]]:
        from model.commands import open_problems

        s = self._session
        return open_problems(s.report, s.fmt, s.previous_report())

    def _suggested_path(self) -> Path:
        return export_folder() / export_file_name(self._session.report, ".pdf")

    # --- 打印预览 / 打印 -----------------------------------------------------------------------
    def show_preview(self) -> None:
        if self._preview is None:
            self._preview = PreviewWindow(self._parent)
            self._preview.printRequested.connect(self.print_report)
            self._preview.exportRequested.connect(self.export_pdf)
            self._preview.closed.connect(self._preview_timer.stop)
            # the preview belongs to this report: it goes when the report is closed
            self.destroyed.connect(self._preview.deleteLater)
        self._preview.show()
        self._preview.raise_()
        self._preview.activateWindow()
        self._render_preview()

    def _on_session_changed(self) -> None:
        if self._preview is not None and self._preview.isVisible():
            self._preview_timer.start()

    def _render_preview(self) -> None:
        if self._preview is None:
            return
        if self._worker.is_busy("preview"):
            self._preview_stale = True  # re-render once the running job is done
            return
        self._preview_stale = False
        self._preview.set_status(self.tr("正在更新预览……"))
        self._submit(RENDER, "preview")

    def print_report(self) -> None:
        if self._worker.is_busy("print"):
            return
        self._session.save_now()
        self._submit(RENDER, "print")
        self._progress.start(self.tr("正在准备打印……"))
        self.message.emit(self.tr("正在准备打印……"))

    def _print(self, data: bytes) -> None:
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        try:
            document.load(buffer)
            if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
                text = self.tr("无法打印：生成的 PDF 无法读取。请再试一次。")
                show_error(self._parent, text)
                self.message.emit(text)
                return
            self._print_document(document, data)
        finally:
            document.close()
            buffer.close()

    def _print_document(self, document: QPdfDocument, data: bytes) -> None:
        printer = printing.new_printer(document.pagePointSize(0))
        report = self._session.report
        title = report.meta_value("title") or self._session.proposed_title()
        printer.setDocName(title)
        if not printing.exec_print_dialog(printer, document.pageCount(), self._parent):
            self.message.emit(self.tr("已取消打印。"))
            return
        try:
            text = printing.send(printer, document, data, title)
        except (OSError, NianbaoError) as exc:
            show_error(self._parent, str(exc))
            self.message.emit(str(exc))
            return
        self.message.emit(text)

    # --- jobs -------------------------------------------------------------------------------
    def _submit(self, kind: str, purpose: str, path: Path | None = None) -> ExportJob:
        job = ExportJob(
            kind=kind,
            report=self._session.snapshot(),
            fmt=self._session.fmt,
            options=pdf_options_from_settings(),
            path=path,
            purpose=purpose,
        )
        return self._worker.submit(job)

    def _on_finished(self, job: ExportJob) -> None:
        if job.purpose == "preview":
            self._show_in_preview(job.pdf().data)
        elif job.purpose == "print":
            self._stop_progress_if_idle()
            self._print(job.pdf().data)
        elif job.purpose == "export" and job.path is not None and job.kind != WRITE:
            self._stop_progress_if_idle()
            app_settings().setValue("export/last_dir", str(job.path.parent))
            kind = "Word" if job.kind == WRITE_DOCX else "HTML"
            self.message.emit(self.tr("已导出到「%1」。").replace("%1", str(job.path)))
            self.exported.emit(str(job.path))
            show_result(self._parent, ExportOutcome(path=job.path, kind=kind))
        elif job.purpose == "export" and job.path is not None:
            self._stop_progress_if_idle()
            app_settings().setValue("export/last_dir", str(job.path.parent))
            self.message.emit(self._success_text(job))
            self.exported.emit(str(job.path))
            result = job.pdf()
            missing = self._missing_text(result)
            outcome = ExportOutcome(
                path=job.path,
                kind="PDF",
                pages=result.pages,
                font_notice=font_sentence(result.substitutions),
                details=[missing] if missing else [],
            )
            show_result(self._parent, outcome)

    def _on_failed(self, job: ExportJob) -> None:
        if job.purpose == "preview":
            if self._preview is not None:
                self._preview.set_status(job.error)
            self._after_preview()
            return
        self._stop_progress_if_idle()
        self.message.emit(job.error)
        show_error(self._parent, job.error)

    def _stop_progress_if_idle(self) -> None:
        if not (self._worker.is_busy("export") or self._worker.is_busy("print")):
            self._progress.stop()

    def _show_in_preview(self, data: bytes) -> None:
        if self._preview is not None:
            self._preview.set_pdf(data)
        self._after_preview()

    def _after_preview(self) -> None:
        if self._preview_stale:
            self._render_preview()

    # --- messages ---------------------------------------------------------------------------
    def _success_text(self, job: ExportJob) -> str:
        result = job.pdf()
        text = self.tr("已导出到「%1」，共 %2 页。").replace("%1", str(job.path))
        text = text.replace("%2", str(result.pages))
        fonts = result.fonts_used
        if fonts:
            used = "、".join(f"{role} {name}" for role, name in fonts.items())
            text += self.tr("所用字体：%1。").replace("%1", used)
        return text + font_sentence(result.substitutions)

    def _missing_text(self, result: PdfResult) -> str:
        missing = result.missing_chars
        if not missing:
            return ""
        lines = [f"「{char}」（{where}）" for char, where in missing[:20]]
        if len(missing) > 20:
            lines.append(self.tr("……等共 %1 处").replace("%1", str(len(missing))))
        return (
            self.tr("PDF 已导出，但以下字符在所有可用字体中都找不到，打印出来会是空白或方框：")
            + "\n"
            + "\n".join(lines)
            + "\n"
            + self.tr("请在「设置 → 字体」中选择包含这些字的字体，或改写这些字后重新导出。")
        )
