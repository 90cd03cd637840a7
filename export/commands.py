"""The command-line exports: PDF (through export.pdf) and the exchange JSON file.

Each returns the notes to show the clerk (fonts used, substitutions, missing characters);
errors are :class:`~model.errors.ExportError` with a plain-Chinese message.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from model.cli import EXIT_FAILED, EXIT_OK, err, notes
from model.commands import load_report
from model.errors import ExportError
from model.exchange import write_exchange_file
from model.formats import get_format
from model.report import Report


def export_pdf(report: Report, out: Path) -> list[str]:
    """Write the report as a PDF; returns notes about fonts for stderr."""
    try:
        from export.pdf import write_pdf
    except ImportError as exc:
        raise ExportError(f"本程序缺少生成 PDF 的部分（{exc}）。请重新安装本程序。") from exc
    result = write_pdf(report, get_format(report.format), Path(out), None)
    return pdf_notes(result)


def export_json(report: Report, out: Path) -> list[str]:
    path = write_exchange_file(report, out)
    return [f"已写入交换文件：{path}"]


def pdf_notes(result: Any) -> list[str]:
    """Readable notes from a PdfResult, whatever container types its fields use."""
    notes: list[str] = []
    fonts = getattr(result, "fonts_used", None)
    if fonts:
        notes.append("使用的字体：" + "；".join(_items(fonts)))
    substitutions = getattr(result, "substitutions", None)
    if substitutions:
        notes += [f"字体替代：{item}" for item in _items(substitutions)]
    missing = getattr(result, "missing_chars", None)
    if missing:
        places: dict[str, list[str]] = {}
        for item in missing:  # (character, where) pairs, or bare characters
            char, where = (item[0], str(item[1])) if isinstance(item, tuple) else (str(item), "")
            places.setdefault(char, [])
            if where and where not in places[char]:
                places[char].append(where)
        listed = "、".join(
            f"「{c}」" + (f"（{'，'.join(w[:3])}）" if w else "") for c, w in places.items()
        )
        notes.append(f"以下 {len(places)} 个字在所有字体中都没有，打印出来会是空白：{listed}")
    return notes


def _items(value: Any) -> Iterable[str]:
    if isinstance(value, dict):
        return [f"{key}：{item}" for key, item in value.items()]
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(item) for item in value]
    return [str(value)]


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
