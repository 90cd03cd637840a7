"""The exports: PDF (through export.pdf.render), Word, web page and the exchange JSON file.

Each returns the notes to show the clerk (fonts used, substitutions, missing characters);
errors are :class:`~model.errors.ExportError` with a plain-Chinese message.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from model.importers.exchange import write_exchange_file
from model.report import Report
from model.sections import format_of

if TYPE_CHECKING:  # reportlab is loaded only for a PDF (a Word or web export needs none)
    from export.pdf.render import PdfResult


def export_pdf(report: Report, out: Path) -> list[str]:
    """Write the report as a PDF; returns notes about fonts for stderr."""
    from export.pdf.render import write_pdf

    result = write_pdf(report, format_of(report), Path(out), None)
    return pdf_notes(result)


def export_docx(report: Report, out: Path) -> list[str]:
    """Write the report as a Word file; returns the notes for the clerk."""
    from export.docx.render import write_docx  # python-docx only when exporting Word

    result = write_docx(report, format_of(report), Path(out))
    named = "、".join(f"{role} {face}" for role, face in result.fonts.items())
    return [
        f"已写入 Word 文件：{out}",
        f"Word 文件中的字体：{named}。这些字体不随文件附带，本机缺少时 Word 会用相近字体显示。",
    ]


def export_html(report: Report, out: Path) -> list[str]:
    """Write the report as one self-contained web page; returns the notes for the clerk."""
    from export.html import write_html

    write_html(report, format_of(report), Path(out))
    return [f"已写入网页文件：{out}"]


def export_json(report: Report, out: Path) -> list[str]:
    path = write_exchange_file(report, out)
    return [f"已写入交换文件：{path}"]


def pdf_notes(result: PdfResult) -> list[str]:
    """Readable notes from a PdfResult: fonts used, substitutions, missing characters."""
    from export.notes import fonts_sentence, missing_sentence, substitution_sentence

    notes = [
        fonts_sentence(result.fonts_used),
        substitution_sentence(result.substitutions),
        missing_sentence(result.missing_chars),
    ]
    return [n for n in notes if n]
