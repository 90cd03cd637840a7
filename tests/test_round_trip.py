"""What nianbao exports, nianbao imports again: next year the clerk's own PDF, Word file or
web page is last year's report.

The PDF is the hard case: tables broken across pages repeat their header rows and side
labels under 「续表」, and every figure must still land in its cell once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from long_report import long_report
from real_reports import real_report

from export.docx.render import render_docx
from export.html import render_html
from export.pdf.render import render_pdf
from model.formats import Format, get_format
from model.importers.text import import_file
from model.report import Report

WRITERS: dict[str, Callable[[Report, Format], bytes]] = {
    "pdf": lambda report, fmt: render_pdf(report, fmt).data,
    "docx": lambda report, fmt: render_docx(report, fmt).data,
    "html": lambda report, fmt: render_html(report, fmt).data,
}


def read_back(report: Report, fmt: Format, kind: str, folder: Path) -> Report:
    path = folder / f"report.{kind}"
    path.write_bytes(WRITERS[kind](report, fmt))
    return import_file(path).report


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_a_long_report_with_every_table_filled_comes_back_whole(kind: str, tmp_path: Path) -> None:
    report = long_report()
    fmt = get_format(report.format)
    back = read_back(report, fmt, kind, tmp_path)
    assert back.format == report.format
    assert (back.agency, back.year) == (report.agency, report.year)
    assert back.cells == report.cells  # 166 figures, none lost, none doubled
    assert back.sections == report.sections  # every paragraph, no 「续表」, no signature
    assert back.preamble == report.preamble
    printed_title = report.meta_value("title") or fmt.title_for(report.agency, report.year)
    assert back.meta_value("title") == printed_title
    for key in ("signature", "sign_date"):
        assert back.meta_value(key) == report.meta_value(key)
    assert back.unplaced == []


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_a_real_report_comes_back_with_its_blanks(kind: str, tmp_path: Path) -> None:
    """The 2019 Shanghai report leaves many cells blank: blanks stay blank."""
    report, fmt = real_report("2019_shanghai_municipal_government_office")
    back = read_back(report, fmt, kind, tmp_path)
    assert back.format == "fmt2019"
    assert back.cells == report.cells
    assert back.unplaced == []
