"""Page and line breaking, asserted on the pages of a generated long report."""

from __future__ import annotations

import io
import re
from itertools import pairwise
from typing import Any

import pdfplumber
import pytest

from export.pdf.geometry import CHAR_PITCH
from export.pdf.render import render_pdf
from export.pdf.words import segments
from model.formats import get_format
from tests.long_report import long_report

Line = list[dict[str, Any]]


@pytest.fixture(scope="module")
def pages() -> list[list[Line]]:
    """Every page as lines of characters, top to bottom (page number left out)."""
    report = long_report()
    data = render_pdf(report, get_format("fmt2021")).data
    out: list[list[Line]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            rows: dict[int, Line] = {}
            for ch in page.chars:  # by baseline: Latin and CJK faces differ in ascent
                rows.setdefault(-round(ch["matrix"][5]), []).append(ch)
            lines = [sorted(rows[y], key=lambda c: c["x0"]) for y in sorted(rows)]
            out.append([ln for ln in lines if not re.fullmatch(r"—\d+—", text(ln))])
    return out


def text(line: Line) -> str:
    return "".join(c["text"] for c in line).replace(" ", "")


def body(pages: list[list[Line]]) -> list[Line]:
    """Lines of 3号 text (paragraphs and headings), in reading order."""
    return [ln for page in pages for ln in page if ln and abs(ln[0]["size"] - 16) < 0.1]


def test_numbers_with_separators_never_split(pages: list[list[Line]]) -> None:
    lines = [text(ln) for ln in body(pages)]
    joined = "\n".join(lines)
    for number in ("1,027件", "12.5%", "0791-86661234"):
        assert number in joined, number  # on one line, not 「1,」 / 「027件」


def test_addresses_break_only_after_separators(pages: list[list[Line]]) -> None:
    lines = [text(ln) for ln in body(pages)]
    for prev, nxt in pairwise(lines):
        if re.match(r"[A-Za-z0-9]", nxt) and re.search(r"[A-Za-z0-9/.@-]$", prev):
            assert prev[-1] in "/.@-", (prev, nxt)
    joined = "".join(lines)
    assert "http://www.example.gov.cn/zwgk/xxgk/index.html" in joined
    assert "xxgk-office@example-district.gov.cn" in joined


def test_no_line_is_spread_more_than_a_quarter_character(pages: list[list[Line]]) -> None:
    checked = 0
    for line in body(pages):
        for a, b in pairwise(line):
            if a["text"] == " " or b["text"] == " ":
                continue
            gap = b["x0"] - a["x1"]
            natural = CHAR_PITCH - (a["x1"] - a["x0"]) if ord(a["text"]) > 0x2E80 else 0.0
            assert gap - natural <= 0.25 * CHAR_PITCH + 0.5, (text(line), a["text"], gap)
            checked += 1
    assert checked > 500


def test_tables_leave_no_stub_and_continue_with_their_header(pages: list[list[Line]]) -> None:
    continued = [i for i, page in enumerate(pages) if page and text(page[0]) == "续表"]
    assert continued, "the long table three breaks across pages"
    for i in continued:
        before = pages[i - 1]
        # the part left at the page foot: table rows below the last 3号 line of the page
        sizes = [ln[0]["size"] for ln in before]
        last_body = max((k for k, s in enumerate(sizes) if abs(s - 16) < 0.1), default=-1)
        rows_left = [ln for ln in before[last_body + 1 :] if abs(ln[0]["size"] - 10.5) < 1]
        assert len(rows_left) >= 4, [text(ln) for ln in rows_left]
        assert abs(pages[i][1][0]["size"] - 10.5) < 1  # the table goes on right under 续表
    three = next(i for i in continued if any("申请人情况" in text(ln) for ln in pages[i][:3]))
    assert any("申请人情况" in text(ln) for ln in pages[three - 1])  # header printed again


def test_side_label_is_printed_again_on_the_next_page(pages: list[list[Line]]) -> None:
    label_pages = [i for i, page in enumerate(pages) if any(text(ln) == "办理" for ln in page)]
    assert len(label_pages) >= 2  # 三、本年度办理结果 on both pages its block spans


def test_lead_in_ends_no_page_without_its_table(pages: list[list[Line]]) -> None:
    for page in pages:
        for k, line in enumerate(page):
            if text(line).endswith("如下："):
                after = page[k + 1 :]
                assert after and abs(after[0][0]["size"] - 16) > 1, text(line)


def test_no_heading_or_single_line_alone_at_a_page_foot_or_top(
    pages: list[list[Line]],
) -> None:
    for page in pages[:-1]:
        lines = [ln for ln in page if abs(ln[0]["size"] - 16) < 0.1]
        if lines and lines[-1] is page[-1]:
            last = text(lines[-1])
            assert not re.match(r"^[一二三四五六七八九十]、", last) or len(last) > 20, last
    for page in pages[1:]:
        first = [ln for ln in page if abs(ln[0]["size"] - 16) < 0.1]
        if first and first[0] is page[0] and len(first) > 1:
            # a paragraph's last line alone at the top: the line below it starts a new
            # paragraph (indented two characters) while this one is not indented
            a, b = first[0], first[1]
            starts_paragraph = b[0]["x0"] - a[0]["x0"] > 1.5 * CHAR_PITCH
            assert not (starts_paragraph and text(a)[-1] in "。：；"), text(a)


def test_labels_break_between_words(pages: list[list[Line]]) -> None:
    small = [text(ln) for page in pages for ln in page if abs(ln[0]["size"] - 10.5) < 1]
    joined = "\n".join(small)
    for word in ("自然人", "不予公开", "予以公开", "无法提供"):
        assert word in joined, word
    assert segments("（三）不予公开") == ("（三）", "不予公开")


def test_contact_is_printed_once() -> None:
    report = long_report()
    data = render_pdf(report, get_format("fmt2021")).data
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        all_text = "".join("".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert all_text.count("0791-86661234") == 1  # a section states it: no 联系 sentence
