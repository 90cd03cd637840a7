"""Chinese line breaking on the grid (export.pdf.layout): pure functions, no PDF."""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export.pdf import layout
from export.pdf.typeset import heading_roles

PITCH = 10.0
WIDTH = 28 * PITCH


def widths_for(text: str) -> list[float]:
    """Full-width characters take one cell, half-width ones half a cell."""
    return [PITCH if layout.is_full_width(ch) else PITCH / 2 for ch in text]


def lines_of(text: str, indent: float = 2 * PITCH) -> list[str]:
    return [
        text[ln.start : ln.end] for ln in layout.break_lines(text, widths_for(text), WIDTH, indent)
    ]


STRESS = (
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，联系电话：0632-5362806，"
    "截至2017年12月31日，共收到申请12件（其中：网上申请3件、信函申请9件）。“依申请公开”"
    "工作……按照“谁公开、谁审查”的原则——即先审查、后公开；网址http://www.szq.gov.cn/xxgk；"
    "英文缩写PDF、OA系统，GDP增长7.5%，「重点」『领域』【平台】〔2021〕30号！是否？是。"
) * 3


def test_units_keep_digit_runs_and_dates_whole() -> None:
    text = "电话0632-5362806，截至12月31日，2017年，PDF文件"
    spans = [text[a:b] for a, b in layout.units(text)]
    assert "0632-5362806" in spans
    assert "12月31日" in spans
    assert "2017年" in spans
    assert "PDF" in spans
    assert spans.count("，") == 3


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation() -> None:
    for shift in range(0, 28):
        text = "测" * shift + STRESS
        lines = lines_of(text)
        assert len(lines) > 5
        for line in lines[1:]:
            assert line[0] not in layout.NO_LINE_START, line
        for line in lines[:-1]:
            assert line[-1] not in layout.NO_LINE_END, line


def test_digit_runs_never_split_across_lines() -> None:
    runs = re.findall(r"[0-9A-Za-z][0-9A-Za-z.\-/:%]*[0-9A-Za-z%]", STRESS)
    for shift in range(0, 28):
        text = "测" * shift + STRESS
        lines = lines_of(text)
        for prev, nxt in itertools.pairwise(lines):
            assert not (
                prev[-1].isascii() and prev[-1].isalnum() and nxt[0].isascii() and nxt[0].isalnum()
            ), (
                prev,
                nxt,
            )
        joined = "\n".join(lines)
        for run in runs:
            assert run in joined


def test_ellipsis_and_dash_pairs_stay_together() -> None:
    for shift in range(0, 28):
        lines = lines_of("测" * shift + STRESS)
        for prev, nxt in itertools.pairwise(lines):
            assert prev[-1] + nxt[0] not in layout.UNSPLITTABLE_PAIRS


def test_justified_lines_fill_the_measure_and_last_line_is_not_stretched() -> None:
    text = "测试" * 20 + "2017年" + "测试" * 30
    ws = widths_for(text)
    lines = layout.break_lines(text, ws, WIDTH, 2 * PITCH)
    for ln in lines[:-1]:
        right = ln.xs[-1] + ws[ln.end - 1]
        assert right == pytest.approx(WIDTH, abs=0.01)
    last = lines[-1]
    assert last.xs[-1] + ws[last.end - 1] == pytest.approx(last.natural_width)
    assert lines[0].xs[0] == pytest.approx(2 * PITCH)  # 首行缩进二字
    assert lines[1].xs[0] == 0.0  # 回行顶格


def test_last_line_never_holds_one_character_alone() -> None:
    lines = lines_of("测" * 53 + "作：")
    assert lines[-1] == "测作："
    assert [len(x) for x in lines] == [26, 26, 3]


def test_pure_chinese_lines_sit_on_the_28_character_grid() -> None:
    text = "政" * 100
    lines = layout.break_lines(text, widths_for(text), WIDTH, 2 * PITCH)
    assert [ln.length for ln in lines] == [26, 28, 28, 18]
    for ln in lines:
        gaps = {round(b - a, 6) for a, b in zip(ln.xs, ln.xs[1:], strict=False)}
        assert gaps == {PITCH}


def test_digits_inside_a_run_are_not_stretched() -> None:
    text = "截至" + "测试" * 11 + "2017年" + "测试" * 10
    ws = widths_for(text)
    for ln in layout.break_lines(text, ws, WIDTH, 2 * PITCH):
        seg = text[ln.start : ln.end]
        k = seg.find("2017")
        if k >= 0:
            xs = ln.xs[k : k + 4]
            assert [round(b - a, 6) for a, b in itertools.pairwise(xs)] == [PITCH / 2] * 3


def test_a_word_longer_than_the_line_is_split_rather_than_overflowing() -> None:
    url = "http://example.gov.cn/" + "a" * 120
    text = "网址" + url
    ws = widths_for(text)
    for ln in layout.break_lines(text, ws, WIDTH, 2 * PITCH):
        assert ln.xs[-1] + ws[ln.end - 1] <= WIDTH + 0.01


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet="测试公开，。、；：？！（）《》“”「」0123456789abcXYZ-. ", min_size=1, max_size=300
    )
)
def test_any_text_breaks_within_the_measure_and_keeps_every_character(text: str) -> None:
    ws = widths_for(text)
    lines = layout.break_lines(text, ws, WIDTH, 2 * PITCH)
    kept = "".join(text[ln.start : ln.end] for ln in lines)
    assert kept.replace(" ", "") == text.replace(" ", "")
    for ln in lines:
        assert len(ln.xs) == ln.length
        if ln.length:
            assert ln.xs[-1] + ws[ln.end - 1] <= WIDTH + 0.01 or ln.length == 1


def test_clean_text_drops_control_characters_and_keeps_text() -> None:
    assert layout.clean_text("年\x00度\x07报\ufeff告\u200b") == "年度报告"
    assert layout.clean_text("a\tb") == "a b"
    for ch in layout.clean_text("".join(chr(i) for i in range(0, 0x250))):
        assert unicodedata.category(ch)[0] != "C"


def test_split_paragraphs_drops_habitual_indent_and_splits_lines() -> None:
    assert layout.split_paragraphs("　　第一段\n    第二段\r\n\n\t第三段  ") == [
        "第一段",
        "第二段",
        "第三段",
    ]
    assert layout.split_paragraphs("　　") == []


def title_lines(title: str, max_chars: int = 20) -> list[str]:
    ws = widths_for(title)
    return [title[a:b] for a, b in layout.balance_title(title, ws, max_chars * PITCH)]


def test_short_title_is_one_line() -> None:
    assert title_lines("商务局2017年政府信息公开工作年度报告") == [
        "商务局2017年政府信息公开工作年度报告"
    ]


def test_long_title_breaks_after_the_year_in_a_trapezoid() -> None:
    lines = title_lines("枣庄市市中区商务局2017年政府信息公开工作年度报告")
    assert lines == ["枣庄市市中区商务局2017年", "政府信息公开工作年度报告"]


def test_very_long_title_is_balanced_and_never_leaves_one_character_alone() -> None:
    title = "山东省枣庄市市中区人民政府办公室关于全区各部门和单位2017年政府信息公开工作年度报告汇编"
    lines = title_lines(title)
    assert "".join(lines) == title
    assert len(lines) == 3
    assert all(len(line) >= 2 for line in lines)
    lens = [sum(widths_for(x)) for x in lines]
    assert max(lens) - min(lens) <= 6 * PITCH
    grows = lens == sorted(lens)
    shrinks = lens == sorted(lens, reverse=True)
    diamond = lens[1] >= max(lens[0], lens[2])
    assert grows or shrinks or diamond


def test_title_lines_keep_words_and_years_whole() -> None:
    lines = title_lines("中华人民共和国国家发展和改革委员会2024年政府信息公开工作年度报告")
    assert lines == ["中华人民共和国国家发展和改革委员会2024年", "政府信息公开工作年度报告"] or all(
        not line.startswith(("会", "年", "员")) for line in lines
    )
    for line in title_lines("某市某区人民政府办公室2024年政府信息公开工作年度报告"):
        assert not line.startswith("年") and not line.endswith("2024")


def test_title_that_would_leave_one_character_moves_two() -> None:
    lines = title_lines("一二三四五六七八九十一二三四五六七八九十一", 20)
    assert all(len(x) >= 2 for x in lines)


def test_heading_roles_per_level() -> None:
    roles, alone = heading_roles("（一）加强组织领导。我局专门成立了领导小组。")
    assert roles[: len("（一）加强组织领导。")] == ["kaiti"] * 10
    assert set(roles[10:]) == {"fangsong"}
    assert not alone
    roles, alone = heading_roles("一、总体情况")
    assert set(roles) == {"heiti"} and alone
    roles, _ = heading_roles("1.网站建设。内容")
    assert set(roles) == {"fangsong"}
    roles, _ = heading_roles("（1）网站建设。内容")
    assert set(roles) == {"fangsong"}
