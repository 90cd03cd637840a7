"""打印: the PDF's own pages go to the printer (here: a PDF file), whole paper, chosen range."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from doubles import NoJournal
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPageRanges
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from gui.output import printing

A4_PT = (595, 842)


def _pdf_bytes(pages: int) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for n in range(pages):
        c.setFillGray(0)
        c.rect(0, 0, 60, 60, fill=1)  # a black square in the bottom-left corner of the paper
        c.drawString(300, 400, f"page {n + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


@pytest.fixture
def document(qtbot):
    buffer = QBuffer()
    buffer.setData(QByteArray(_pdf_bytes(4)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    assert doc.status() == QPdfDocument.Status.Ready
    yield doc
    doc.close()
    buffer.close()


def _file_printer(path: Path) -> QPrinter:
    printer = printing.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_all_pages_print_on_whole_a4_sheets(document: QPdfDocument, tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"
    printer = _file_printer(out)
    assert printer.resolution() >= 600  # HighResolution
    assert printing.print_document(document, printer, max_dpi=100) == 4
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 4
        page = pdf.pages[0]
        assert (round(page.width), round(page.height)) == A4_PT
        # no margin added: the PDF's corner square is still in the corner of the sheet
        image = pdf.pages[0].images[0]
        assert (round(image["x0"]), round(image["top"])) == (0, 0)
        assert image["width"] == pytest.approx(A4_PT[0], abs=1.5)
        assert image["height"] == pytest.approx(A4_PT[1], abs=1.5)


def test_page_range_order_and_copies(document: QPdfDocument, tmp_path: Path) -> None:
    printer = _file_printer(tmp_path / "range.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    ranges = QPageRanges()
    ranges.addRange(2, 3)
    printer.setPageRanges(ranges)
    assert printing.pages_to_print(printer, 4) == [1, 2]
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert printing.pages_to_print(printer, 4) == [2, 1]
    printer.setPageOrder(QPrinter.PageOrder.FirstPageFirst)

    assert printing.print_document(document, printer, max_dpi=72) == 2
    with pdfplumber.open(tmp_path / "range.pdf") as pdf:
        assert len(pdf.pages) == 2

    class NoCopies(QPrinter):
        def supportsMultipleCopies(self) -> bool:
            return False

    plain = NoCopies()
    plain.setCopyCount(2)
    plain.setCollateCopies(True)
    assert printing.print_sequence(plain, [0, 1]) == [0, 1, 0, 1]
    plain.setCollateCopies(False)
    assert printing.print_sequence(plain, [0, 1]) == [0, 0, 1, 1]


# --- 打印 from the window -------------------------------------------------------------------


@pytest.fixture
def controller(qtbot, tmp_path: Path, sample_text_path: Path):
    import shiboken6
    from PySide6.QtWidgets import QWidget

    from gui.editing.session import ReportSession
    from gui.output.export_controller import ExportController
    from model.importers.text import import_file
    from model.store.report_store import ReportStore

    store = ReportStore(tmp_path / "reports.json")
    report = import_file(sample_text_path).report
    store.put(report)
    session = ReportSession(store, report, journal=NoJournal())
    window = QWidget()
    qtbot.addWidget(window)
    yield ExportController(session, window)
    if shiboken6.isValid(session):
        session.close()
    store.close()


def test_print_to_file_from_the_window_writes_the_export_pdf_with_its_text(
    qtbot, controller, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from export.pdf.render import render_pdf
    from gui.output.font_settings import pdf_options_from_settings

    session = controller._session
    exported = render_pdf(session.snapshot(), session.fmt, pdf_options_from_settings())
    out = tmp_path / "打印.pdf"
    offered: list[int] = []

    def stub_dialog(printer: QPrinter, page_count: int, parent) -> bool:
        offered.append(page_count)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(printing, "exec_print_dialog", stub_dialog)
    with qtbot.waitSignal(
        controller.message, timeout=60000, check_params_cb=lambda m: m.startswith("已保存")
    ) as blocker:
        controller.print_report()
    assert offered == [exported.pages]
    assert str(out) in blocker.args[0] and "导出 PDF" in blocker.args[0]
    printed = out.read_bytes()
    assert len(printed) < 2 * len(exported.data)  # vector pages, not 600-dpi pictures
    with pdfplumber.open(out) as pdf, pdfplumber.open(io.BytesIO(exported.data)) as same:
        assert len(pdf.pages) == exported.pages
        assert all((round(p.width), round(p.height)) == A4_PT for p in pdf.pages)
        assert [p.extract_text() for p in pdf.pages] == [p.extract_text() for p in same.pages]
        assert "市中区商务局" in pdf.pages[0].extract_text()
        assert not any(p.images for p in pdf.pages)


def test_cancelled_print_dialog_prints_nothing(
    qtbot, controller, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(printing, "exec_print_dialog", lambda printer, n, parent: False)
    with qtbot.waitSignal(controller.message, timeout=60000, check_params_cb=lambda m: "取消" in m):
        controller.print_report()


def test_unreadable_pdf_is_not_printed(qtbot, controller, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PDF that does not load is reported, never sent to the print dialog."""
    from gui.output import export_controller

    dialogs: list[int] = []
    errors: list[str] = []
    monkeypatch.setattr(printing, "exec_print_dialog", lambda p, n, parent: dialogs.append(n))
    monkeypatch.setattr(export_controller, "show_error", lambda parent, text: errors.append(text))
    with qtbot.waitSignal(controller.message) as told:
        controller._print(b"%PDF-1.4 this is not a PDF")
    assert dialogs == []
    assert errors and "无法打印" in errors[0] and told.args == [errors[0]]


def test_printing_leaves_no_progress_dialog_behind(
    qtbot, controller, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    def to_file(printer: QPrinter, page_count: int, parent) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "twice.pdf"))
        return True

    monkeypatch.setattr(printing, "exec_print_dialog", to_file)
    monkeypatch.setattr(printing, "MAX_RENDER_DPI", 20)
    window = controller._parent
    for _ in range(2):
        controller._print(_pdf_bytes(2))
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog), timeout=2000)


def test_printing_shows_no_window_of_its_own(
    qtbot, controller, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No small empty window flashes: printing opens nothing but the print dialog."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    shown: list[str] = []

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
                shown.append(type(obj).__name__)
            return False

    def to_file(printer: QPrinter, page_count: int, parent) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "quiet.pdf"))
        return True

    monkeypatch.setattr(printing, "exec_print_dialog", to_file)
    data = _pdf_bytes(3)
    watch = Watch()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watch)
    try:
        controller._print(data)
        QApplication.processEvents()
    finally:
        app.removeEventFilter(watch)
    assert shown == []
    assert (tmp_path / "quiet.pdf").read_bytes() == data
