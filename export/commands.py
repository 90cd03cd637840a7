"""The command-line exports: PDF (through export.pdf.render) and the exchange JSON file.

Each returns the notes to show the clerk (fonts used, substitutions, missing characters);
errors are :class:`~model.errors.ExportError` with a plain-Chinese message.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from export.pdf.render import PdfResult, write_pdf
from model.cli import EXIT_FAILED, EXIT_OK, err, notes
from model.commands import load_report
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


def run_export(args: argparse.Namespace, store_path: Path) -> int:
    """`export REPORT --pdf OUT.pdf | --json OUT.json`: exit code as the other commands."""
    report, warnings = load_report(args.report, store_path)
    notes(warnings)
    if args.pdf is None and args.json is None:
        err("错误：请用 --pdf 文件名.pdf 或 --json 文件名.nianbao.json 指定导出到哪里。")
        return EXIT_FAILED
    if args.json is not None:
        notes(export_json(report, args.json))
    if args.pdf is not None:
        notes(export_pdf(report, args.pdf))
        err(f"已写入 PDF：{args.pdf}")
    return EXIT_OK
