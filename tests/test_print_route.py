"""Printing keeps the text: 打印到文件 writes the PDF, a CUPS queue gets the PDF itself (lp),
page images only where neither applies."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrintEngine, QPrinter

from export import system_print
from export.system_print import (
    ROUTE_CUPS,
    ROUTE_FILE,
    ROUTE_RASTER,
    PrintRequest,
    cups_options,
    lp_command,
    route_for,
    send_to_cups,
)
from gui.output import printing
from model.errors import ExportError

PDF = b"%PDF-1.4\n% a report\n%%EOF\n"


@pytest.fixture
def fake_cups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``lp`` and ``lpstat`` scripts on PATH: queue 「办公室」 exists; lp keeps what it got."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    received = tmp_path / "received"
    received.mkdir()
    scripts = {
        "lpstat": '#!/bin/sh\n[ "$2" = "办公室" ] && echo "printer 办公室 is idle." && exit 0\n'
        'echo "lpstat: Invalid destination name in list \\"$2\\"!" >&2; exit 1\n',
        "lp": f'#!/bin/sh\nprintf "%s\\n" "$@" > "{received}/args"\n'
        "for last; do :; done\n"
        f'cp "$last" "{received}/job.pdf"\n'
        'echo "request id is 办公室-42 (1 file(s))"\n',
    }
    for name, text in scripts.items():
        path = bin_dir / name
        path.write_text(text, encoding="utf-8")
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setattr(system_print.sys, "platform", "linux")
    return received


class _Queue(QPrinter):
    """A printer as the dialog leaves it when the clerk picked the CUPS queue 「办公室」."""

    def printerName(self) -> str:
        return "办公室"


def _two_pages() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    for n in range(2):
        c.drawString(100, 700, f"page {n + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


def test_lp_command_carries_the_dialog_choices(tmp_path: Path) -> None:
    request = PrintRequest(
        printer="办公室",
        copies=2,
        collate=False,
        pages=((1, 3), (5, 5)),
        reverse=True,
        sides="long",
        title="某局2025年报告",
        grayscale=True,
    )
    command = lp_command(tmp_path / "r.pdf", request, "lp")
    assert command[:3] == ["lp", "-d", "办公室"]
    joined = " ".join(command)
    for part in (
        "-n 2",
        "collate=false",
        "page-ranges=1-3,5",
        "outputorder=reverse",
        "sides=two-sided-long-edge",
        "print-color-mode=monochrome",
        "-t 某局2025年报告",
    ):
        assert part in joined
    assert command[-2:] == ["--", str(tmp_path / "r.pdf")]
    plain = lp_command(tmp_path / "r.pdf", PrintRequest(printer="p"), "lp")
    assert plain == ["lp", "-d", "p", "--", str(tmp_path / "r.pdf")]


def test_the_dialogs_other_cups_options_reach_lp(tmp_path: Path) -> None:
    """奇数页/偶数页 and 每张多页 of the dialog's options tab go to lp as they are; what the
    request sets itself (pages, sides, copies) and what lp -o cannot carry are left out."""
    chosen = [
        "page-set", "odd",
        "number-up", "2",
        "page-ranges", "1-9",  # the request's own pages win
        "sides", "one-sided",
        "job-billing", "财务 科",  # a space: lp -o would split it
        "Bad Name", "x",
    ]  # fmt: skip
    options = cups_options(chosen)
    assert options == (("page-set", "odd"), ("number-up", "2"))
    request = PrintRequest(printer="p", pages=((2, 3),), sides="long", options=options)
    command = lp_command(tmp_path / "r.pdf", request, "lp")
    joined = " ".join(command)
    assert "-o page-set=odd" in joined and "-o number-up=2" in joined
    assert "page-ranges=2-3" in joined and "1-9" not in joined
    assert "sides=two-sided-long-edge" in joined and "one-sided" not in joined
    assert command[-2:] == ["--", str(tmp_path / "r.pdf")]


def test_the_print_engines_cups_options_become_the_requests(qapp) -> None:
    printer = printing.new_printer()
    key = QPrintEngine.PrintEnginePropertyKey(printing.CUPS_OPTIONS_KEY)

    class _CupsEngine:  # what Qt's CUPS engine answers after the options tab
        def property(self, asked):  # type: ignore[no-untyped-def]
            return ["page-set", "even"] if asked == key else None

    class _CupsPrinter(QPrinter):
        def printEngine(self):  # type: ignore[no-untyped-def]
            return _CupsEngine()

    assert printing.print_request(_CupsPrinter(), 6, "").options == (("page-set", "even"),)
    assert printing.print_request(printer, 6, "").options == ()  # a PDF printer has none


def test_route_file_cups_or_pictures(fake_cups: Path) -> None:
    assert route_for(True, "办公室") == ROUTE_FILE
    assert route_for(False, "办公室") == ROUTE_CUPS
    assert route_for(False, "不存在的打印机") == ROUTE_RASTER
    assert route_for(False, "") == ROUTE_RASTER


def test_windows_has_no_cups_route(fake_cups: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system_print.sys, "platform", "win32")
    assert route_for(False, "办公室") == ROUTE_RASTER


def test_cups_gets_the_pdf_itself(fake_cups: Path) -> None:
    job = send_to_cups(PDF, PrintRequest(printer="办公室", copies=3))
    assert job == "办公室-42"
    assert (fake_cups / "job.pdf").read_bytes() == PDF
    args = (fake_cups / "args").read_text(encoding="utf-8").split("\n")
    assert args[:4] == ["-d", "办公室", "-n", "3"]
    assert not Path(args[-2]).exists()  # the temporary copy is gone


def test_refused_job_is_reported_in_chinese(tmp_path: Path, monkeypatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lp = bin_dir / "lp"
    lp.write_text('#!/bin/sh\necho "lp: The printer or class does not exist." >&2\nexit 1\n')
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    with pytest.raises(ExportError, match="没有接受报告"):
        send_to_cups(PDF, PrintRequest(printer="办公室"))


class _TwoSided(QPrinter):
    """A CUPS queue set to two-sided printing (a PDF printer drops the duplex setting)."""

    def duplex(self) -> QPrinter.DuplexMode:
        return QPrinter.DuplexMode.DuplexLongSide


def test_dialog_choices_become_the_request(qapp) -> None:
    printer = _TwoSided()
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    ranges = QPageRanges()
    ranges.addRange(2, 3)
    ranges.addPage(5)
    printer.setPageRanges(ranges)
    request = printing.print_request(printer, 6, "标题")
    assert request.pages == ((2, 3), (5, 5))
    assert (request.copies, request.collate, request.title) == (2, True, "标题")
    assert request.sides == "long" and request.grayscale
    whole = printing.new_printer()
    assert printing.print_request(whole, 6, "").pages == ()


def test_send_to_a_cups_queue_hands_over_the_pdf(fake_cups: Path, qapp, monkeypatch) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    data = _two_pages()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    printer = _Queue()
    painted: list[int] = []

    def paint(*_args: object, **_kwargs: object) -> int:
        painted.append(1)
        return 0

    monkeypatch.setattr(printing, "print_document", paint)
    text = printing.send(printer, document, data, "标题")
    assert "办公室" in text and "办公室-42" in text
    assert (fake_cups / "job.pdf").read_bytes() == data
    assert painted == []
    document.close()
    buffer.close()


def test_print_dialog_is_chinese_throughout(qapp, monkeypatch) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QLabel

    from gui.shell.i18n import install_translators, remove_translators

    installed = install_translators(qapp, "zh_CN")
    try:
        seen: list[str] = []

        def look(dialog, *_a) -> int:
            seen.extend(label.text() for label in dialog.findChildren(QLabel))
            return 0

        monkeypatch.setattr(printing.QPrintDialog, "exec", look)
        assert QLocale().language() == QLocale.Language.Chinese
        printing.exec_print_dialog(printing.new_printer(), 3, None)
        texts = [t for t in seen if t]
        assert texts and "打印页面(&S)：" in texts
        assert not [t for t in texts if t.startswith("Page")]
    finally:
        remove_translators(qapp, installed)
