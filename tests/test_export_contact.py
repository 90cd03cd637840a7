"""The contact and cut-off fields of 基本信息 reach the printed report, once."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber

from export.pdf.render import render_pdf
from model.formats import get_format
from model.importers.text import import_file
from model.printed import preamble_for_print
from model.report import Report


def pdf_text(report: Report) -> str:
    result = render_pdf(report, get_format(report.format))
    with pdfplumber.open(io.BytesIO(result.data)) as pdf:
        return "".join("".join((page.extract_text() or "").split()) for page in pdf.pages)


def test_filled_fields_are_printed_after_the_preamble() -> None:
    report = Report(format="fmt2021", agency="某区司法局", year=2024)
    report.set_preamble(["本年度报告根据《条例》编制。"])
    report.set_meta("address", "某市人民路1号")
    report.set_meta("phone", "0632-1234567")
    report.set_meta("cutoff_date", "2024年12月31日")
    printed = preamble_for_print(report, get_format("fmt2021"))
    assert printed[0] == "本年度报告根据《条例》编制。"
    assert printed[1] == (
        "本报告中所列数据的统计截止日期为2024年12月31日。"
        "如对本报告有疑问，请与本机关联系（联系地址：某市人民路1号；联系电话：0632-1234567）。"
    )
    text = pdf_text(report)
    assert "联系地址：某市人民路1号" in text and "0632-1234567" in text
    assert text.index("根据《条例》编制") < text.index("统计截止日期为2024年12月31日")


def test_fields_the_preamble_already_states_are_not_repeated(sample_text_path: Path) -> None:
    report = import_file(sample_text_path).report  # its 前言 names the address, phone, date
    assert report.meta_value("phone") == "0632-5362806"
    assert preamble_for_print(report, get_format(report.format)) == report.preamble
    assert pdf_text(report).count("0632-5362806") == 1


def test_nothing_is_added_when_the_fields_are_empty() -> None:
    report = Report(format="legacy2008", agency="某局", year=2017)
    report.set_preamble(["前言。"])
    assert preamble_for_print(report, get_format("legacy2008")) == ["前言。"]


def test_contact_a_section_states_is_not_printed_again() -> None:
    report = Report(format="fmt2021", agency="某区司法局", year=2024)
    report.set_preamble(["本年度报告根据《条例》编制。"])
    report.set_paragraphs("s6", ["如对本报告有疑问，请联系本局办公室，联系电话：0632-1234567。"])
    report.set_meta("phone", "0632-1234567")
    report.set_meta("address", "某市人民路1号")
    printed = preamble_for_print(report, get_format("fmt2021"))
    assert "0632-1234567" not in "".join(printed)  # section 六 gives it
    assert "某市人民路1号" in printed[-1]  # the address is said nowhere else
    text = pdf_text(report)
    assert text.count("0632-1234567") == 1 and text.count("某市人民路1号") == 1
