"""Proofreading slips that published reports print: each flagged, and quiet on correct text."""

from __future__ import annotations

import pytest
from checks_data import city_2025

from model.checks.engine import check
from model.findings import WARNING, Finding
from model.formats import get_format
from model.report import Report

LEGACY = get_format("legacy2008")


def slips(preamble: str, year: int = 2023, fmt: str = "legacy2008") -> list[Finding]:
    report = Report(format=fmt, agency="某局", year=year)
    report.set_preamble([preamble])
    return [f for f in check(report, get_format(fmt)) if f.id.startswith("proof")]


@pytest.mark.parametrize(
    ("slip", "quoted"),
    [
        ("本年报中所列数据的统计时限为202311日至20231231日。", "202311日"),  # 年/月 lost
        ("统计期限为2023年1l月1日至2023年12月31日。", "1l月"),  # a letter in the month
        ("本报告于2023年2月30日印发。", "2 月没有 30 日"),
        ("工作要点于2023年13月印发。", "没有 13 月"),
        ("数据统计期限为2023年12月31日至2023年1月1日。", "颠倒"),
        ("本报告所列数据统计期限为2021年1月1日至2021年12月31日。", "不是本报告的 2023 年度"),
        ("依据《条例要求，编制本报告。", "《"),
        ("按照“公开为常态、不公开为例外原则开展工作。", "“"),
        ("（一）主动公开情况）。", "）"),
        ("联系邮箱：xxgk@.gov.cn。", "域名不完整"),
        ("网址：www..gov.cn。", "网址"),
        ("联系电话：0631-52180。", "位数不对"),
        ("咨询电话：52180。", "只有 5 位"),
        ("根据《条例》和以及省有关规定。", "和以及"),
        ("这是我们的的工作。", "的的"),
        ("全年发布信息755多条。", "755 是确数"),
    ],
)
def test_each_slip_is_flagged_and_quoted(slip: str, quoted: str) -> None:
    found = slips(slip)
    assert len(found) == 1 and found[0].level == WARNING
    assert quoted in found[0].message and "前言" in found[0].message


@pytest.mark.parametrize(
    "correct",
    [
        "本报告所列数据统计期限为2023年1月1日至2023年12月31日。",
        "数据统计期限自 2023 年 1 月 1 日起至2023  年 12 月 31 日止。",
        "本报告于2024年2月29日印发。",
        "依据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制。",
        "按照“公开为常态、不公开为例外”原则开展工作。",
        "重点工作如下：1)加强领导；2)完善制度。",
        "联系邮箱：xxgk@weihai.gov.cn，网址：www.shanghai.gov.cn。",
        "联系电话：0631—5218070，政务服务热线12345。",
        "根据《条例》以及省有关规定，的确做到了应公开尽公开。",
        "全年发布信息700多条，约2万多人次浏览。",
        "榕政办〔2016〕237号文件。",
    ],
)
def test_correct_text_stays_quiet(correct: str) -> None:
    assert slips(correct) == []


def test_a_phone_number_in_the_contact_field_with_too_few_digits() -> None:
    report = city_2025()
    report.set_meta("phone", "0631-521")
    found = {f.id: f for f in check(report, get_format("fmt2021"))}
    assert "“0631-521”有 7 位数字，位数不对" in found["proof@phone"].message
    report.set_meta("phone", "0631-5218070")
    assert "proof@phone" not in {f.id for f in check(report, get_format("fmt2021"))}


def test_announced_parts_against_the_parts_listed_and_the_sections() -> None:
    listed_five = (
        "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
        "存在问题及改进情况、其他需要报告的事项等六部分组成。"
    )
    found = slips(listed_five, fmt="fmt2021")
    assert [f.id for f in found] == ["proof_parts"]
    assert "只列了 5 项" in found[0].message
    five = "全文共分为五部分。"
    assert "有 6 个部分" in slips(five, fmt="fmt2021")[0].message
    six = (
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
        "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况以及其他需要报告的事项等六部分。"
    )
    assert slips(six, fmt="fmt2021") == []
    assert slips(five) == []  # a free-format report: its parts are its own


def test_heading_numbers_that_skip_or_repeat() -> None:
    report = city_2025()
    report.set_paragraphs("s1", ["（一）主动公开", "正文。", "（二）依申请公开", "（四）平台建设"])
    found = {f.id: f for f in check(report, get_format("fmt2021"))}
    assert "跳号" in found["proof@s1"].message and "（四）平台建设" in found["proof@s1"].message
    report.set_paragraphs(
        "s1", ["（一）主动公开", "（二）依申请公开", "（一）新的一组", "（二）再一项"]
    )
    assert "proof@s1" not in {f.id for f in check(report, get_format("fmt2021"))}
    report.set_paragraphs("s1", ["一、概述", "二、主动公开", "二、依申请公开"])
    assert "重复" in {f.id: f for f in check(report, get_format("fmt2021"))}["proof@s1"].message


def test_the_sample_reports_carry_no_slip() -> None:
    assert [f for f in check(city_2025(), get_format("fmt2021")) if f.id.startswith("proof")] == []


def test_an_xx_inside_an_email_address_is_not_a_placeholder() -> None:
    report = Report(format="legacy2008", agency="某局", year=2018)
    report.set_preamble(["电子邮箱:xxgk@huli.gov.cn。", "本局XX科负责。"])
    found = [f for f in check(report, LEGACY) if f.id.startswith("placeholder")]
    assert len(found) == 1 and "XX" in found[0].message


# --- year mentions that do not fit the report's year, anywhere ---------------------------------


def test_an_old_year_anywhere_in_the_report_is_flagged() -> None:
    report = city_2025()
    report.set_paragraphs("s6", ["2021年，我局共收取信息处理费0元。"])
    finding = {f.id: f for f in check(report, get_format("fmt2021"))}["stale_year@s6"]
    assert "2021" in finding.message and "沿用了往年报告" in finding.message


def test_a_plan_for_a_later_year_is_not_a_slip() -> None:
    report = city_2025()
    report.set_paragraphs("s5", ["力争到2027年完成政务公开标准化建设，全面公开办理结果。"])
    assert "stale_year@s5" not in {f.id for f in check(report, get_format("fmt2021"))}


def test_a_later_year_stated_as_done_is_flagged() -> None:
    report = city_2025()
    report.set_paragraphs("s6", ["2028年，本机关共收到政府信息公开申请3件。"])
    found = {f.id: f for f in check(report, get_format("fmt2021"))}
    assert "年份是否写错" in found["stale_year@s6"].message


def test_basic_info_dates_of_another_year() -> None:
    report = city_2025()
    report.set_meta("cutoff_date", "2024年12月31日")
    report.set_meta("sign_date", "2026年1月10日")  # written early next year: fine
    found = {f.id: f for f in check(report, get_format("fmt2021"))}
    assert "2024" in found["stale_year@cutoff_date"].message
    assert "stale_year@sign_date" not in found
    report.set_meta("cutoff_date", "2025年12月31日")
    assert "stale_year@cutoff_date" not in {f.id for f in check(report, get_format("fmt2021"))}
