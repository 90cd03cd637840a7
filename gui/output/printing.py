"""Print the pages of the report PDF exactly as the PDF shows them.

Qt cannot print a PDF file, so each page is rendered by pdfium (``QPdfDocument.render``)
at the printer's resolution and painted over the whole paper: the PDF already carries the
GB/T 9704 margins, so no margin is added here (the printer's own margin would shift the
text off the official grid).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrintEngine, QPrinter
from PySide6.QtWidgets import QApplication, QWidget

from export.pdf_file import write_atomically
from export.system_print import (
    ROUTE_CUPS,
    ROUTE_FILE,
    PrintRequest,
    cups_options,
    route_for,
    send_to_cups,
)
from gui.shell.i18n import TableTranslator

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
    gaps = _install_print_dialog_chinese()
    try:
        return _run_print_dialog(printer, page_count, parent)
    finally:
        if gaps is not None:
            QCoreApplication.removeTranslator(gaps)


def _run_print_dialog(printer: QPrinter, page_count: int, parent: QWidget | None) -> bool:
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


# Texts of Qt's print dialog that its Chinese translation leaves in English.
PRINT_DIALOG_ZH = {
    "Page &Set:": "打印页面(&S)：",
    "Page Set:": "打印页面：",
    "All Pages": "所有页面",
    "Odd Pages": "奇数页",
    "Even Pages": "偶数页",
    "Duplex Printing": "双面打印",
    "None": "无",
    "Long side": "长边翻转",
    "Short side": "短边翻转",
    "Printer Properties": "打印机属性",
    "Job Options": "作业选项",
    "Page Setup": "页面设置",
    "Advanced": "高级",
    "Conflicts": "冲突",
    "Print current page": "打印当前页",
    "Print selection": "打印所选内容",
    "Print range": "打印范围",
    "Print to File (PDF)": "打印到文件(PDF)",
}


def _install_print_dialog_chinese() -> QTranslator | None:
    """While the print dialog is open, Chinese for the texts Qt's own translation misses."""
    if QLocale().language() != QLocale.Language.Chinese:
        return None
    gaps = TableTranslator(
        PRINT_DIALOG_ZH,
        QApplication.instance(),
        contexts=("QPrint", "QPageSetup", "QCups", "QUnixPrint"),
    )
    QCoreApplication.installTranslator(gaps)
    return gaps


def print_request(printer: QPrinter, page_count: int, title: str) -> PrintRequest:
    """The dialog's choices (printer, copies, pages, order, two-sided) for the CUPS queue."""
    pages = pages_to_print(printer, page_count)
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    ranges: list[tuple[int, int]] = []
    if len(pages) != page_count:
        for page in (p + 1 for p in pages):
            if ranges and ranges[-1][1] == page - 1:
                ranges[-1] = (ranges[-1][0], page)
            else:
                ranges.append((page, page))
    sides = {
        QPrinter.DuplexMode.DuplexNone: "one",
        QPrinter.DuplexMode.DuplexLongSide: "long",
        QPrinter.DuplexMode.DuplexShortSide: "short",
    }.get(printer.duplex(), "")
    return PrintRequest(
        printer=printer.printerName(),
        copies=max(1, printer.copyCount()),
        collate=printer.collateCopies(),
        pages=tuple(ranges),
        reverse=printer.pageOrder() == QPrinter.PageOrder.LastPageFirst,
        sides=sides,
        title=title,
        grayscale=printer.colorMode() == QPrinter.ColorMode.GrayScale,
        options=cups_options(dialog_cups_options(printer)),
    )


CUPS_OPTIONS_KEY = 0xFE00  # where Qt's CUPS print engine keeps the dialog's CUPS options


def dialog_cups_options(printer: QPrinter) -> list[str]:
    """[name, value, …] of the CUPS options chosen in the print dialog's 选项 tab (page set,
    pages per sheet, …); empty for a printer that is not a CUPS queue."""
    key = QPrintEngine.PrintEnginePropertyKey(CUPS_OPTIONS_KEY)
    value = printer.printEngine().property(key)
    if not isinstance(value, list) or len(value) % 2:
        return []
    return [str(item) for item in value]


def prints_to_file(printer: QPrinter) -> bool:
    return printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(
        printer.outputFileName()
    )


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


def send(printer: QPrinter, document: QPdfDocument, data: bytes, title: str) -> str:
    """Print ``data`` (the report PDF, loaded as ``document``) as the dialog chose; the
    status message. Raises OSError or ExportError with a message for the clerk."""
    route = route_for(prints_to_file(printer), printer.printerName())
    if route == ROUTE_FILE:
        path = Path(printer.outputFileName())
        write_atomically(path, data)
        return translate(
            "Printing", "已保存为 PDF 文件「%1」，与“导出 PDF”得到的文件相同。"
        ).replace("%1", str(path))
    if route == ROUTE_CUPS:
        job = send_to_cups(data, print_request(printer, document.pageCount(), title))
        text = translate("Printing", "已把报告交给打印机「%1」。").replace(
            "%1", printer.printerName()
        )
        return text + (translate("Printing", "（打印作业 %1）").replace("%1", job) if job else "")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        sheets = print_document(document, printer)
    finally:
        QApplication.restoreOverrideCursor()
    return (
        translate("Printing", "已发送到打印机「%1」，共 %2 页。")
        .replace("%1", printer.printerName())
        .replace("%2", str(sheets))
    )
