"""打印 figures for the sample report: what 打印到文件 writes now (the export PDF itself) beside
the page images the window draws where no system PDF printing exists, at 600 dpi.

Run from the repository root:  QT_QPA_PLATFORM=offscreen python3 bench/bench_print.py
Target: 打印到文件 gives the same bytes as 导出 PDF (text kept), in milliseconds; the picture
route is shown for comparison (size, time, and that it carries no text).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: E402
from PySide6.QtPdf import QPdfDocument  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from export.pdf.render import render_pdf  # noqa: E402
from gui.output import printing  # noqa: E402
from model.formats import get_format  # noqa: E402
from model.importers.text import import_file  # noqa: E402

SAMPLE = ROOT / "tests" / "data" / "000_edff53855f6cc80f.txt"


def _text_chars(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    report = import_file(SAMPLE).report
    result = render_pdf(report, get_format(report.format))
    buffer = QBuffer()
    buffer.setData(QByteArray(result.data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    folder = Path(tempfile.mkdtemp(prefix="nianbao-bench-print-"))
    rows = []
    for name, route_file in (
        ("打印到文件 (the PDF itself)", True),
        ("page images, 600 dpi", False),
    ):
        out = folder / f"{'file' if route_file else 'raster'}.pdf"
        printer = printing.new_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        start = time.perf_counter()
        if route_file:
            printing.send(printer, document, result.data, "bench")
        else:
            printing.print_document(document, printer, max_dpi=600)
        seconds = time.perf_counter() - start
        rows.append((name, out.stat().st_size, seconds, _text_chars(out)))
    print(f"sample: {result.pages} pages, 导出 PDF {len(result.data) / 1e6:.2f} MB")
    for name, size, seconds, chars in rows:
        print(f"{name:<30} {size / 1e6:6.2f} MB  {seconds * 1000:8.0f} ms  text chars {chars}")
    same = (folder / "file.pdf").read_bytes() == result.data
    print(f"打印到文件 identical to 导出 PDF: {same}")
    document.close()
    buffer.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
