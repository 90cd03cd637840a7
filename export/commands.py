"""The command-line exports: PDF (through export.pdf.render) and the exchange JSON file.

Each returns the notes to show the clerk (fonts used, substitutions, missing characters);
errors are :class:`~model.errors.ExportError` with a plain-Chinese message.
"""

from __future__ import annotations

from pathlib import Path

from export.pdf.render import PdfResult, write_pdf
from model.formats import get_format
from model.importers.exchange import write_exchange_file
from model.report import Report


def export_pdf(report: Report, out: Path) -> list[str]:
    """Write the report as a PDF; returns notes about fonts for stderr."""
    result = write_pdf(report, get_format(report.format), Path(out), None)
    return pdf_notes(result)


def export_json(report: Report, out: Path) -> list[str]:
    path = write_exchange_file(report, out)
    return [f"已写入交换文件：{path}"]


def pdf_notes(result: PdfResult) -> list[str]:
    """Readable notes from a PdfResult: fonts used, substitutions, missing characters."""
    notes: list[str] = []
    if result.fonts_used:
        used = [f"{role}：{face}" for role, face in result.fonts_used.items()]
        notes.append("使用的字体：" + "；".join(used))
    notes += [f"字体替代：{item}" for item in result.substitutions]
    if result.missing_chars:
        places: dict[str, list[str]] = {}
        for char, where in result.missing_chars:
            places.setdefault(char, [])
            if where and where not in places[char]:
                places[char].append(where)
        listed = "、".join(
            f"「{c}」" + (f"（{'，'.join(w[:3])}）" if w else "") for c, w in places.items()
        )
        notes.append(f"以下 {len(places)} 个字在所有字体中都没有，打印出来会是空白：{listed}")
    return notes
