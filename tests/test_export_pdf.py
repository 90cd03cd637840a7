"""The printed report, read back from the PDF: grid, punctuation, page numbers, fonts, order."""

from __future__ import annotations

import io
import itertools
import re
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from export.pdf import layout
from export.pdf.geometry import (
    BLOCK_BOTTOM,
    BLOCK_HEIGHT,
    BLOCK_WIDTH,
    CHAR_PITCH,
    LINE_PITCH,
    MARGIN_LEFT,
    PAGE_HEIGHT,
    PAGE_NUMBER_GAP,
    baseline_offset,
)
from export.pdf.render import PdfResult, render_pdf
from model.formats import Format, get_format
from model.report import Report

LEFT, RIGHT = MARGIN_LEFT, MARGIN_LEFT + BLOCK_WIDTH
TOP_Y, BOTTOM_Y = BLOCK_BOTTOM + BLOCK_HEIGHT, BLOCK_BOTTOM  # PDF y (bottom-up)
TOL = 0.5


def sample_report(path: Path) -> tuple[Report, Format]:
    """The 2017 sample as a legacy2008 report: a plain split on 一、… 十二、 headings."""
    fmt = get_format("legacy2008")
    lines = path.read_text(encoding="utf-8").splitlines()
    report = Report(format=fmt.id, agency="市中区商务局", year=2017)
    report.meta["title"] = "\n".join(lines[:2])
    ids = {s.heading.split("、")[0]: s.id for s in fmt.sections}
    current: str | None = None
    for line in lines[2:]:
        m = re.match(r"^([一二三四五六七八九十]+)、", line)
        if m and m.group(1) in ids:
            current = ids[m.group(1)]
            report.sections[current] = []
        elif line.strip():
            (report.sections[current] if current else report.preamble).append(line)
    return report, fmt


def baseline_lines(page: Any, size: float | None = 16.0) -> list[list[dict[str, Any]]]:
    """Characters grouped by baseline (top to bottom), each line left to right."""
    rows: dict[float, list[dict[str, Any]]] = defaultdict(list)
    for ch in page.chars:
        if size is None or abs(ch["size"] - size) < 0.01:
            rows[round(ch["matrix"][5], 1)].append(ch)
    return [sorted(rows[y], key=lambda c: c["x0"]) for y in sorted(rows, reverse=True)]


def body_lines(pdf: Any) -> list[str]:
    return ["".join(c["text"] for c in ln) for p in pdf.pages for ln in baseline_lines(p)]


@pytest.fixture(scope="module")
def sample_pdf(request: pytest.FixtureRequest) -> tuple[Report, PdfResult, Any]:
    local = Path(__file__).parent / "data" / "000_edff53855f6cc80f.txt"
    report, fmt = sample_report(local)
    report.meta["signature"] = "市中区商务局"
    report.meta["sign_date"] = "2018年1月6日"
    result = render_pdf(report, fmt)
    pdf = pdfplumber.open(io.BytesIO(result.data))
    request.addfinalizer(pdf.close)
    return report, result, pdf


STRESS = (
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，联系电话：0632-5362806，"
    "截至2017年12月31日，共收到申请12件（其中：网上申请3件、信函申请9件）。“依申请公开”"
    "工作……按照“谁公开、谁审查”的原则——即先审查、后公开；网址http://www.szq.gov.cn/xxgk；"
    "英文缩写PDF、OA系统，GDP增长7.5%，「重点」『领域』【平台】〔2021〕30号！是否？是。"
)


@pytest.fixture(scope="module")
def stress_pdf(request: pytest.FixtureRequest) -> Any:
    fmt = get_format("legacy2008")
    report = Report(format=fmt.id, agency="测试局", year=2017)
    report.sections = {
        s.id: ["测" * k + STRESS * 2 for k in range(i, i + 28, 7)]
        for i, s in enumerate(fmt.sections)
    }
    pdf = pdfplumber.open(io.BytesIO(render_pdf(report, fmt).data))
    request.addfinalizer(pdf.close)
    return pdf


def test_pages_are_a4(sample_pdf: tuple[Report, PdfResult, Any]) -> None:
    _, result, pdf = sample_pdf
    assert result.pages == len(pdf.pages) >= 3
    for page in pdf.pages:
        assert (page.width, page.height) == pytest.approx((595.28, 841.89), abs=0.01)


def test_every_body_character_is_inside_the_text_block(
    sample_pdf: tuple[Report, PdfResult, Any], stress_pdf: Any
) -> None:
    for pdf in (sample_pdf[2], stress_pdf):
        for page in pdf.pages:
            for ch in page.chars:
                if ch["size"] == pytest.approx(14):
                    continue  # the page number sits below the block
                assert ch["x0"] >= LEFT - TOL and ch["x1"] <= RIGHT + TOL, ch["text"]
                y_top = PAGE_HEIGHT - ch["top"]
                assert ch["matrix"][5] >= BOTTOM_Y and y_top <= TOP_Y + TOL, ch["text"]


def test_lines_sit_on_the_22_line_grid(sample_pdf: tuple[Report, PdfResult, Any]) -> None:
    pdf = sample_pdf[2]
    full_pages = 0
    for page in pdf.pages:
        ys = [ln[0]["matrix"][5] for ln in baseline_lines(page)]
        steps = [a - b for a, b in itertools.pairwise(ys)]
        for step in steps:
            assert step / LINE_PITCH == pytest.approx(round(step / LINE_PITCH), abs=0.001)
        if len(ys) == 22:
            full_pages += 1
            assert ys[0] - ys[-1] == pytest.approx(21 * LINE_PITCH, abs=0.01)
    assert full_pages >= 2
    assert pytest.approx(28.99, abs=0.01) == LINE_PITCH


def test_chinese_lines_have_28_characters_at_the_grid_pitch(
    sample_pdf: tuple[Report, PdfResult, Any],
) -> None:
    pdf = sample_pdf[2]
    checked = 0
    for page in pdf.pages:
        for line in baseline_lines(page):
            text = "".join(c["text"] for c in line)
            if len(text) == 28 and all(layout.is_full_width(t) for t in text):
                xs = [c["x0"] for c in line]
                assert xs[0] == pytest.approx(LEFT, abs=0.01)
                for a, b in itertools.pairwise(xs):
                    assert b - a == pytest.approx(CHAR_PITCH, abs=0.01)
                checked += 1
    assert checked >= 10
    assert pytest.approx(15.79, abs=0.01) == CHAR_PITCH


def test_paragraphs_are_indented_two_characters_and_justified(
    sample_pdf: tuple[Report, PdfResult, Any],
) -> None:
    page = sample_pdf[2].pages[0]
    lines = baseline_lines(page)
    preamble_first = next(ln for ln in lines if "".join(c["text"] for c in ln).startswith("根据"))
    assert preamble_first[0]["x0"] == pytest.approx(LEFT + 2 * CHAR_PITCH, abs=0.01)
    # A justified line that holds half-width digits still ends at the right edge.
    digits = [ln for ln in lines if any(c["text"].isdigit() for c in ln) and len(ln) > 20]
    assert any(ln[-1]["x0"] + CHAR_PITCH == pytest.approx(RIGHT, abs=0.3) for ln in digits)


def test_no_forbidden_punctuation_at_line_edges(
    sample_pdf: tuple[Report, PdfResult, Any], stress_pdf: Any
) -> None:
    for pdf in (sample_pdf[2], stress_pdf):
        lines = body_lines(pdf)
        assert len(lines) > 30
        for line in lines:
            assert line[0] not in layout.NO_LINE_START, line
            assert line[-1] not in layout.NO_LINE_END, line


def test_digit_and_latin_runs_split_only_inside_addresses(stress_pdf: Any) -> None:
    lines = body_lines(stress_pdf)
    for prev, nxt in itertools.pairwise(lines):
        if re.match(r"[0-9A-Za-z]", nxt) and re.search(r"[0-9A-Za-z./:-]$", prev):
            # a web address may break after / . @ - (never a number, never mid-word)
            assert re.search(r"(https?:/|www\.|@)\S*[/.@-]$", prev), (prev, nxt)
    text = "".join(lines)
    for run in ("0632-5362806", "12月31日", "http://www.szq.gov.cn/xxgk", "7.5%"):
        assert text.count(run) >= 10


def test_half_width_digits_keep_their_natural_width(stress_pdf: Any) -> None:
    for line in baseline_lines(stress_pdf.pages[0]):
        text = "".join(c["text"] for c in line)
        k = text.find("5362806")
        if k >= 0:
            xs = [c["x0"] for c in line[k : k + 7]]
            steps = {round(b - a, 2) for a, b in itertools.pairwise(xs)}
            assert len(steps) == 1 and steps.pop() < 0.7 * CHAR_PITCH
            return
    pytest.fail("phone number not found")


def test_page_numbers_alternate_sides(sample_pdf: tuple[Report, PdfResult, Any]) -> None:
    pdf = sample_pdf[2]
    for number, page in enumerate(pdf.pages, start=1):
        chars = [c for c in page.chars if c["size"] == pytest.approx(14)]
        assert "".join(c["text"] for c in chars).replace(" ", "") == f"—{number}—"
        x0, x1 = min(c["x0"] for c in chars), max(c["x1"] for c in chars)
        if number % 2:
            assert x1 == pytest.approx(RIGHT - 14, abs=0.5)
        else:
            assert x0 == pytest.approx(LEFT + 14, abs=0.5)
        baseline = chars[0]["matrix"][5]
        dash_y = baseline + 0.33 * 14
        assert BOTTOM_Y - dash_y == pytest.approx(PAGE_NUMBER_GAP, abs=1.5)
        digits = [c for c in chars if c["text"].isdigit()]
        assert all(c["x1"] - c["x0"] < 10 for c in digits)  # half-width digits


def test_title_is_22pt_centred_and_followed_by_a_blank_line(
    sample_pdf: tuple[Report, PdfResult, Any],
) -> None:
    page = sample_pdf[2].pages[0]
    title = baseline_lines(page, 22.0)
    assert ["".join(c["text"] for c in ln) for ln in title] == [
        "市中区商务局2017年政府信息公开",
        "年 度 报 告",
    ]
    for line in title:
        middle = (line[0]["x0"] + line[-1]["x1"]) / 2
        assert middle == pytest.approx(LEFT + BLOCK_WIDTH / 2, abs=1.0)
    body = baseline_lines(page)
    gap = title[-1][0]["matrix"][5] - body[0][0]["matrix"][5]
    shift = baseline_offset(22.0) - baseline_offset(16.0)  # both centred in their grid line
    assert gap == pytest.approx(2 * LINE_PITCH - shift, abs=0.01)


def test_heading_fonts_follow_the_levels(sample_pdf: tuple[Report, PdfResult, Any]) -> None:
    _, result, pdf = sample_pdf
    fonts: defaultdict[str, set[str]] = defaultdict(set)
    for page in pdf.pages:
        for line in baseline_lines(page):
            text = "".join(c["text"] for c in line)
            if text.startswith("一、概述"):
                fonts["level1"] |= {c["fontname"] for c in line}
            if text.startswith("（一）加强组织领导。"):
                fonts["level2"] |= {c["fontname"] for c in line[:10]}
                fonts["after"] |= {c["fontname"] for c in line[10:]}
            if text.startswith("贯彻落实"):
                fonts["body"] |= {c["fontname"] for c in line}
    family = {k: {re.sub(r"^[A-Z]{6}\+", "", n) for n in v} for k, v in fonts.items()}
    assert family["level1"] == {"FandolHei-Regular"} or "黑体" in result.fonts_used["黑体"]
    assert family["level2"].isdisjoint(family["body"])
    assert family["after"] == family["body"]
    assert family["level1"].isdisjoint(family["body"])


def test_every_paragraph_is_printed_in_order(sample_pdf: tuple[Report, PdfResult, Any]) -> None:
    report, _, pdf = sample_pdf
    printed = "".join(body_lines(pdf)).replace(" ", "")
    fmt = get_format("legacy2008")
    expected = [p for p in report.preamble]
    for section in fmt.sections:
        expected.append(section.heading)
        expected.extend(report.paragraphs(section.id) or [fmt.empty_section_text])
    pos = 0
    for para in expected:
        needle = re.sub(r"[\s\u3000]", "", para)
        found = printed.find(needle, pos)
        assert found >= 0, para
        pos = found + len(needle)


def test_empty_section_prints_wu(sample_pdf: tuple[Report, PdfResult, Any]) -> None:
    lines = body_lines(sample_pdf[2])
    k = lines.index("四、重点领域政府信息公开工作推进情况")
    assert lines[k + 1] == "无"


def test_signature_and_date_placed_as_gbt9704(sample_pdf: tuple[Report, PdfResult, Any]) -> None:
    last = sample_pdf[2].pages[-1]
    lines = baseline_lines(last)
    sig, date = lines[-2], lines[-1]
    assert "".join(c["text"] for c in sig) == "市中区商务局"
    assert "".join(c["text"] for c in date) == "2018年1月6日"
    # the date (longer) is right-indented two characters; the signature starts two
    # characters left of the date (§7.3.5.2)
    assert date[-1]["x0"] + CHAR_PITCH == pytest.approx(RIGHT - 2 * CHAR_PITCH, abs=0.3)
    assert date[0]["x0"] - sig[0]["x0"] == pytest.approx(2 * CHAR_PITCH, abs=0.3)
    assert date[0]["matrix"][5] == pytest.approx(sig[0]["matrix"][5] - LINE_PITCH, abs=0.01)


def test_metadata_and_embedded_fonts(
    sample_pdf: tuple[Report, PdfResult, Any], tmp_path: Path
) -> None:
    _, result, pdf = sample_pdf
    meta = pdf.metadata
    assert meta["Title"].startswith("市中区商务局2017年政府信息公开")
    assert meta["Author"] == "市中区商务局"
    assert meta["Subject"]
    assert meta["CreationDate"].startswith("D:20")
    out = tmp_path / "r.pdf"
    out.write_bytes(result.data)
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True)
    rows = listing.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert "Helvetica" not in row
        assert re.search(r"\byes\s+yes\s+yes\b", row), row  # embedded, subset, unicode


def test_plain_text_is_not_markup_and_control_characters_are_dropped() -> None:
    fmt = get_format("legacy2008")
    report = Report(format=fmt.id, agency="局", year=2020)
    report.sections["L1"] = ["　　<b>加粗</b> &amp; a<b 与\x00号\x07码\ufeff"]
    result = render_pdf(report, fmt)
    with pdfplumber.open(io.BytesIO(result.data)) as pdf:
        lines = body_lines(pdf)
        line = next(ln for ln in lines if "加粗" in ln)
        assert line == "<b>加粗</b> &amp; a<b 与号码"
        first = next(
            ln for ln in baseline_lines(pdf.pages[0]) if "加粗" in "".join(c["text"] for c in ln)
        )
        assert first[0]["x0"] == pytest.approx(LEFT + 2 * CHAR_PITCH, abs=0.01)  # not doubled


def test_huge_paragraph_exports() -> None:
    fmt = get_format("legacy2008")
    report = Report(format=fmt.id, agency="局", year=2020)
    report.sections["L1"] = [("政府信息公开工作2017年，" * 8000)[:100_000]]
    result = render_pdf(report, fmt)
    assert result.pages > 100
