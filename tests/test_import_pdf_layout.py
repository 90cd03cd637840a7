"""PDF text as office programs lay it out: letter-spaced Chinese, lines running past the
margin, a title broken right after its year. The pages are drawn here character by
character, where each program would put them."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from model.importers.document import Paragraph
from model.importers.pdf_reader import read_pdf
from model.importers.text import import_text
from model.paths import fonts_dir

SIZE = 16.0
LEFT, RIGHT = 80.0, 505.0


@pytest.fixture(scope="module")
def font() -> str:
    if "L-Song" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("L-Song", str(fonts_dir() / "FandolSong-Regular.ttf")))
    return "L-Song"


def spread(canvas: Canvas, text: str, y: float, left: float, right: float) -> None:
    """The characters of ``text`` spread evenly from ``left`` to ``right`` (分散对齐)."""
    step = (right - left - SIZE) / max(len(text) - 1, 1)
    for n, ch in enumerate(text):
        canvas.drawString(left + n * step, y, ch)


def paragraphs(pdf: bytes) -> list[str]:
    return [b.text for b in read_pdf(pdf, "layout.pdf").blocks if isinstance(b, Paragraph)]


def test_letter_spaced_chinese_reads_without_spaces(font: str) -> None:
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setFont(font, SIZE)
    spread(canvas, "二、主动公开政府信息情况", 700, LEFT, RIGHT)  # a short line spread wide
    canvas.drawString(LEFT, 660, "网址为 www.example.gov.cn and more")
    canvas.save()
    found = paragraphs(out.getvalue())
    assert "二、主动公开政府信息情况" in found
    assert any("www.example.gov.cn and more" in p for p in found)  # Latin words keep theirs


def test_a_line_past_the_margin_does_not_cut_its_paragraph(font: str) -> None:
    """Digits set wider than the grid push one line past the right margin: the lines of
    that paragraph still join into one."""
    lines = [
        "本机关认真贯彻落实条例要求，持续推进政务公开",
        "工作，不断提升政府透明度，主动公开各类信息",
        "共计一千二百三十四条，其中文件类信息为123456789条并",  # runs past the margin
        "及时更新，依申请公开工作规范有序，全年未发生",
        "因政府信息公开引起的行政复议和行政诉讼。",
    ]
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setFont(font, SIZE)
    for n, line in enumerate(lines):
        y = 700 - n * 29
        if n == len(lines) - 1:
            canvas.drawString(LEFT, y, line)  # the last line is short
        else:
            spread(canvas, line, y, LEFT, RIGHT + (32 if n == 2 else 0))
    canvas.save()
    assert paragraphs(out.getvalue()) == ["".join(lines)]


def test_a_title_broken_right_after_its_year_keeps_the_year() -> None:
    report = import_text(
        "某市某区人民政府办公室2024\n年\n政府信息公开工作年度报告\n根据条例编制本报告。\n"
        "一、总体情况\n正文。\n"
    ).report
    assert (report.agency, report.year) == ("某市某区人民政府办公室", 2024)
    assert report.meta_value("title") == "某市某区人民政府办公室2024年政府信息公开工作年度报告"
    assert report.preamble == ["根据条例编制本报告。"]
