"""Checks of the narrative: text vs tables, stale year, §五, §六 fees, placeholders, title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from checks_data import city_2025

from model.checks.engine import check
from model.errors import FormatError
from model.findings import PENDING, WARNING, Finding
from model.formats import Format, get_format, load_format_file, parse_format
from model.report import Report

FMT21 = get_format("fmt2021")


def with_s1(*paragraphs: str) -> Report:
    report = city_2025()
    report.set_paragraphs("s1", list(paragraphs))
    return report


def ids(report: Report) -> dict[str, Finding]:
    return {f.id: f for f in check(report, get_format(report.format))}


# --- text vs tables ---------------------------------------------------------------------------


def test_received_count_in_text_differs_from_table() -> None:
    found = ids(with_s1("2025年，本机关共收到政府信息公开申请12件，均已按时答复。"))
    finding = found["H4@received@s1"]
    assert finding.level == WARNING
    assert finding.message == (
        "“一、总体情况”中写“2025年，本机关共收到政府信息公开申请12件，均已按时答复”，"
        "其中“收到政府信息公开申请12件”是 12 件，"
        "但表三“本年新收政府信息公开申请数量”总计是 14069 件，"
        "文字与表格不一致。请核对后改正其中一处。"
    )
    assert finding.cells == ("s3.new_this_year@total",)


def test_matching_numbers_give_no_warning() -> None:
    assert not [i for i in ids(city_2025()) if i.startswith("H4")]


@pytest.mark.parametrize(
    ("sentence", "finding_id"),
    [
        ("其中予以公开12450件。", "H4@granted@s1"),
        ("部分公开850件。", "H4@partial@s1"),
        ("不予公开3件。", "H4@denied@s1"),
        ("无法提供401件。", "H4@unable@s1"),
        ("不予处理9件。", "H4@not_processed@s1"),
        ("结转下年度继续办理818件。", "H4@carry_next@s1"),
        ("上年结转申请561件。", "H4@carried_over@s1"),
        ("本年发生行政复议791件。", "H4@review@s1"),
        ("作出行政处罚决定1521件。", "H4@penalty@s1"),
        ("制发行政规范性文件24件。", "H4@normative_issued@s1"),
    ],
)
def test_each_figure_is_compared(sentence: str, finding_id: str) -> None:
    assert finding_id in ids(with_s1(sentence))


def test_a_number_from_the_next_sentence_is_not_picked() -> None:
    found = ids(with_s1("本年度收到政府信息公开申请的情况如下。12件为当面申请。"))
    assert not [i for i in found if i.startswith("H4")]


def test_applicant_breakdown_is_not_mistaken_for_the_total() -> None:
    found = ids(with_s1("收到自然人申请13612件，收到商业企业申请252件。"))
    assert not [i for i in found if i.startswith("H4")]


def test_blank_table_figure_is_compared_as_0_and_said_so() -> None:
    report = with_s1("共收到政府信息公开申请12件。")
    report.set_cell("s3.new_this_year@org_other", None)
    finding = ids(report)["H4@received@s1"]
    assert "按空格为 0 计算" in finding.message and "“其他”列" in finding.message
    assert finding.assumed_blanks == ("s3.new_this_year@org_other",)


def test_table_figure_with_nothing_filled_is_not_compared() -> None:
    report = with_s1("共收到政府信息公开申请12件。")
    for column in ("natural_person", "org_commercial", "org_research", "org_public_welfare"):
        report.set_cell(f"s3.new_this_year@{column}", None)
    for column in ("org_legal_service", "org_other"):
        report.set_cell(f"s3.new_this_year@{column}", None)
    assert "H4@received@s1" not in ids(report)


def test_two_wrong_sentences_get_two_stable_ids() -> None:
    found = ids(with_s1("收到申请12件。", "另收到申请13件。"))
    assert {"H4@received@s1", "H4@received@s1#2"} <= set(found)


# --- stale year ---------------------------------------------------------------------------------


def test_last_years_figure_sentence_is_flagged() -> None:
    found = ids(with_s1("2024年，我局共受理政府信息公开申请14069件。"))
    assert "2024" in found["stale_year@s1"].message
    assert found["stale_year@s1"].level == WARNING


def test_statistical_period_of_last_year_is_flagged() -> None:
    report = city_2025()
    report.set_preamble(["本年度报告中所列数据统计期限为2024年1月1日至12月31日。"])
    assert "stale_year@preamble" in ids(report)


def test_deliberate_references_to_last_year_are_not_flagged() -> None:
    found = ids(with_s1("较2024年增长12%，针对2024年年报指出的问题已整改到位。"))
    assert "stale_year@s1" not in found


# --- §五, §六 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["无", "暂无。", "没有问题。", ""])
def test_problems_section_too_thin(text: str) -> None:
    report = city_2025()
    report.set_paragraphs("s5", [text] if text else [])
    assert ids(report)["thin@s5"].level == WARNING


def test_problems_section_with_substance_passes() -> None:
    assert "thin@s5" not in ids(city_2025())


def test_fees_reported_but_section_six_silent() -> None:
    report = city_2025()
    report.set_paragraphs("s6", ["无。"])
    finding = ids(report)["fee_silent@s6"]
    assert "12.5 万元" in finding.message
    assert finding.cells == ("s2.art20_8.fees@fee_amount",)


def test_fee_unpaid_applications_need_a_word_on_processing_fees() -> None:
    report = city_2025()
    report.set_paragraphs("s6", ["本年收取行政事业性收费12.5万元。"])
    assert "processing_fee_silent@s6" in ids(report)


# --- placeholders, title, legacy -------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["XX局2025年工作", "××年", "〇〇街道办事处", "某某同志", "联系人：____"]
)
def test_placeholders_are_found(text: str) -> None:
    found = ids(with_s1(text))
    assert "模板中没有替换" in found["placeholder@s1"].message


def test_a_chinese_year_is_not_a_placeholder() -> None:
    assert "placeholder@s1" not in ids(with_s1("本局自二〇〇八年起开展政府信息公开工作。"))


def test_placeholder_in_meta() -> None:
    report = city_2025()
    report.set_meta("phone", "0531-XXXXXXX")
    assert ids(report)["placeholder@phone"].section is None


def test_title_year_and_agency() -> None:
    report = city_2025()
    assert "title_year" not in ids(report) and "title_agency" not in ids(report)
    report.set_meta("title", "某县商务局2024年政府信息公开工作年度报告")
    found = ids(report)
    assert "2024 年" in found["title_year"].message
    assert "测试市人民政府办公室" in found["title_agency"].message


def test_empty_text_section_is_pending() -> None:
    report = city_2025()
    report.set_paragraphs("s6", [])
    assert ids(report)["empty@s6"].level == PENDING


def test_legacy_reports_get_the_format_independent_checks() -> None:
    report = Report(format="legacy2008", agency="市中区商务局", year=2017)
    report.set_meta("title", "市中区商务局2016年政府信息公开工作年度报告")
    report.set_paragraphs("L1", ["2016年，我局共主动公开政府信息XX条。"])
    found = ids(report)
    assert {"title_year", "placeholder@L1", "stale_year@L1"} <= set(found)
    assert not [i for i in found if i.startswith(("R", "H", "blank"))]


# --- the figures come from the format file ----------------------------------------------------


def _format_with_figures(figures: list[dict[str, object]]) -> Format:
    return parse_format({**FMT21.raw, "text_figures": figures})


def test_text_figures_are_read_from_the_format_file() -> None:
    fmt = _format_with_figures(
        [
            {
                "id": "custom",
                "what": "表三新收总计",
                "pattern": "受理{gap:4}申请{gap:2}{number}",
                "units": ["宗"],
                "cells": ["s3.new_this_year@total"],
            }
        ]
    )
    report = with_s1("本年受理公开申请共999宗。收到政府信息公开申请12件。")
    found = {f.id: f for f in check(report, fmt)}
    assert found["H4@custom@s1"].message.startswith(
        "“一、总体情况”中写“本年受理公开申请共999宗”，其中“受理公开申请共999宗”"
    )
    assert "H4@received@s1" not in found  # only the figures of this format are compared


def test_each_shipped_format_lists_its_own_table_cells() -> None:
    fmt19 = get_format("fmt2019")
    regulations = {f.key: f.cells for f in fmt19.text_figures}["regulations_issued"]
    assert regulations == ("s2.art20_1.regulations@new_made",)
    denied = {f.key: f.cells for f in FMT21.text_figures}["denied"]
    assert len(denied) == 8 and all(c.startswith("s3.result.denied.") for c in denied)


def test_a_text_figure_naming_an_unknown_cell_is_refused_on_load(tmp_path: Path) -> None:
    bad = {"id": "x", "what": "x", "pattern": "收到{number}", "cells": ["s9.nothing@total"]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**FMT21.raw, "text_figures": [bad]}), encoding="utf-8")
    with pytest.raises(FormatError, match=r"s9\.nothing@total"):
        load_format_file(path)


def test_every_shipped_formats_figures_compile() -> None:
    for format_id in ("fmt2019", "fmt2021", "legacy2008"):
        fmt = get_format(format_id)
        assert all(f.pattern.groups >= 1 for f in fmt.text_figures)


def test_a_bad_expression_is_named_when_the_checks_first_read_it(tmp_path: Path) -> None:
    """Loading checks a figure's cells; its expression is compiled when the checks first ask
    (an export never does), and a broken one is then a FormatError naming the format."""
    cells = ["s3.new_this_year@total"]
    bad = {"id": "x", "what": "x", "pattern": "收到(申请{number}", "cells": cells}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**FMT21.raw, "text_figures": [bad]}), encoding="utf-8")
    fmt = load_format_file(path)
    with pytest.raises(FormatError, match="文字对照规则有误"):
        fmt.text_figures  # noqa: B018


# --- emoji and pictographic symbols -----------------------------------------------------------


def test_an_emoji_in_a_section_is_a_warning_naming_it_and_the_section() -> None:
    finding = ids(with_s1("本年共收到申请14069件😀，均已按时答复。"))["symbols@s1"]
    assert finding.level == WARNING
    assert finding.section == "s1"
    assert finding.message == (
        "“一、总体情况”中有表情符号「😀」。公文中一般不用，打印时可能显示为空白，请删除或改用文字。"
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("点赞👍🏻", "👍🏻"),  # with a skin tone
        ("家庭👨\u200d👩\u200d👧服务", "👨\u200d👩\u200d👧"),  # a joined sequence
        ("国旗🇨🇳", "🇨🇳"),
        ("红心❤️", "❤️"),
        ("电话☎咨询", "☎"),
        ("第1\ufe0f\u20e3项", "1\ufe0f\u20e3"),
    ],
)
def test_emoji_sequences_are_named_whole(text: str, shown: str) -> None:
    assert f"「{shown}」" in ids(with_s1(text))["symbols@s1"].message


def test_several_symbols_are_named_once_each() -> None:
    message = ids(with_s1("好😀好😀✈出差"))["symbols@s1"].message
    assert "「😀」「✈」" in message and message.count("😀") == 1
    assert "表情符号和图形符号" in message


@pytest.mark.parametrize(
    "text",
    [
        "𠀀喆镕等生僻字人名照常打印。",  # Extension B and rare CJK characters
        "①②③⑪、★☆、※、□■、○●、→←、№、℃、×、—",  # symbols every 公文 font has
        "©2025 ™ ®",
        "二〇二五年",
    ],
)
def test_ordinary_and_rare_characters_are_not_symbols(text: str) -> None:
    assert "symbols@s1" not in ids(with_s1(text))


def test_symbols_in_the_title_and_preamble_and_legacy_reports() -> None:
    report = Report(format="legacy2008", agency="市中区商务局", year=2017)
    report.set_meta("title", "市中区商务局2017年政府信息公开工作年度报告🎉")
    report.set_preamble(["根据条例要求🙂，编制本报告。"])
    report.set_paragraphs("L1", ["概述🚀"])
    found = ids(report)
    assert found["symbols@title"].message.startswith("基本信息“报告标题”中有表情符号「🎉」")
    assert found["symbols@title"].section is None
    assert found["symbols@preamble"].message.startswith("前言中有表情符号「🙂」")
    assert found["symbols@L1"].section == "L1"


# --- years in the 前言 -----------------------------------------------------------------------


def _sample_as_of(year: int, sample_text_path: Path) -> set[str]:
    from model.importers.text import import_file
    from model.sections import format_of

    report = import_file(sample_text_path).report
    report.year = year
    return {f.id for f in check(report, format_of(report), None)}


def test_a_preface_that_names_the_report_with_an_old_year_is_flagged(
    sample_text_path: Path,
) -> None:
    """The 2017 sample's 前言 (「编制《市中区商务局2017年政府信息公开工作年度报告》」) kept
    in a 2025 report is a stale year; in the 2017 report it is right."""
    assert "stale_year@preamble" in _sample_as_of(2025, sample_text_path)
    assert "stale_year@preamble" not in _sample_as_of(2017, sample_text_path)


def test_a_preface_citing_last_years_report_stays_quiet() -> None:
    report = city_2025()
    report.set_preamble(["对照2024年度报告中提出的问题，我办逐项进行了整改。"])
    assert "stale_year@preamble" not in ids(report)


def test_a_cut_off_date_of_another_year_in_a_section_is_flagged() -> None:
    report = with_s1("截至2024年12月31日，本机关主动公开政府信息120条。")
    assert "stale_year@s1" in ids(report)
    report = with_s1("截至2025年12月31日，本机关主动公开政府信息120条。")
    assert "stale_year@s1" not in ids(report)
