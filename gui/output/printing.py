"""Print the pages of the report PDF exactly as the PDF shows them.

Qt cannot print a PDF file, so each page is rendered by pdfium (``QPdfDocument.render``)
at the printer's resolution and painted over the whole paper: the PDF already carries the
GB/T 9704 margins, so no margin is added here (the printer's own margin would shift the
text off the official grid).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

MAX_RENDER_DPI = 600
"""Pages are rasterised at the printer's resolution up to this (an A4 page at 600 dpi is
a 140 MB image; more gains nothing on paper)."""

translate = QCoreApplication.translate


def new_printer(page_size_pt: QSizeF | None = None) -> QPrinter:
    """A high-resolution printer set to the paper of the PDF (A4 by default), full page."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    size = (
        QPageSize(page_size_pt, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        if page_size_pt is not None and not page_size_pt.isEmpty()
        else QPageSize(QPageSize.PageSizeId.A4)
    )
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF()))
    return printer


def exec_print_dialog(printer: QPrinter, page_count: int, parent: QWidget | None) -> bool:
    """The system print dialog (printer, copies, page range, duplex); True when accepted.

    Tests replace this function (a modal dialog would block them)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Printing", "打印年报"))
    dialog.setMinMax(1, max(1, page_count))
    dialog.setFromTo(1, max(1, page_count))
    option = QAbstractPrintDialog.PrintDialogOption
    dialog.setOptions(
        option.PrintPageRange
        | option.PrintToFile
        | option.PrintShowPageSize
        | option.PrintCollateCopies
    )
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """0-based page indexes in the range and order the clerk chose."""
    pages = list(range(page_count))
    ranges = printer.pageRanges()
    if printer.printRange() == QPrinter.PrintRange.PageRange and not ranges.isEmpty():
        pages = [p for p in pages if ranges.contains(p + 1)]
    elif printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), printer.toPage() or page_count
        pages = [p for p in pages if first <= p + 1 <= last]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def print_sequence(printer: QPrinter, pages: list[int]) -> list[int]:
    """Pages in printing order, repeating them when the driver cannot make copies itself."""
    copies = printer.copyCount()
    if copies <= 1 or printer.supportsMultipleCopies():
        return list(pages)
    if printer.collateCopies():
        return [p for _ in range(copies) for p in pages]
    return [p for p in pages for _ in range(copies)]


def print_document(
    document: QPdfDocument,
    printer: QPrinter,
    *,
    max_dpi: int | None = None,
    on_page: Callable[[int, int], None] | None = None,
) -> int:
    """Paint the chosen pages of ``document`` on ``printer``; returns the sheets printed.

    ``on_page(done, total)`` is called after each page (for a progress dialog)."""
    printer.setFullPage(True)
    sequence = print_sequence(printer, pages_to_print(printer, document.pageCount()))
    if not sequence:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(translate("Printing", "无法开始打印：打印机没有响应。请检查打印机后再试。"))
    try:
        dpi = min(printer.resolution(), max_dpi or MAX_RENDER_DPI)
        for done, page in enumerate(sequence):
            if done:
                printer.newPage()
            _paint_page(painter, printer, document, page, dpi)
            if on_page is not None:
                on_page(done + 1, len(sequence))
    finally:
        painter.end()
    return len(sequence)


def _paint_page(
    painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int, dpi: int
) -> None:
    paper = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
    page_pt = document.pagePointSize(page)
    if page_pt.isEmpty():
        return
    # keep the page's proportions; on paper of the PDF's own size this is the full sheet
    scale = min(paper.width() / page_pt.width(), paper.height() / page_pt.height())
    target = QRectF(0, 0, page_pt.width() * scale, page_pt.height() * scale)
    target.moveCenter(paper.center())
    pixels = QSize(round(page_pt.width() * dpi / 72), round(page_pt.height() * dpi / 72))
    image = document.render(page, pixels)
    painter.drawImage(target, image)
