"""The formula rules (R3.1–R4.1, R0.x, H1–H3), pending blanks, dismissals and speed."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks_data import (
    city_2025,
    set_t4,
    shanghai_2019,
    typed_totals_format,
    yanghe_2025,
    zero_report,
)

from model.cells import effective_values
from model.checks.engine import active, check
from model.findings import ERROR, PENDING, WARNING, Finding
from model.formats import Format, get_format
from model.report import NOT_APPLICABLE, Report
from model.store.report_store import ReportStore

FMT21 = get_format("fmt2021")


def by_id(findings: list[Finding]) -> dict[str, Finding]:
    return {f.id: f for f in findings}


def levels(findings: list[Finding], level: str) -> list[str]:
    return [f.id for f in findings if f.level == level]


# --- real reports that pass ----------------------------------------------------------------


def test_shanghai_2019_tables_pass_every_rule() -> None:
    findings = check(shanghai_2019(), get_format("fmt2019"))
    assert not [f for f in findings if f.id.startswith(("R", "H", "blank", "paste"))]


def test_test_city_2025_passes_everything() -> None:
    assert check(city_2025(), FMT21) == []


# --- R3.1 ---------------------------------------------------------------------------------


def test_r31_fails_per_column_while_the_total_column_balances() -> None:
    findings = by_id(check(yanghe_2025(), FMT21))
    assert findings["R3.1@natural_person"].level == ERROR
    assert findings["R3.1@natural_person"].message.startswith(
        "表三“自然人”列：新收 60 + 上年结转 0 = 60，"
        "但办理结果总计 61 + 结转下年度 0 = 61，两边不相等"
    )
    assert "R3.1@org_other" in findings
    assert "R3.1@total" not in findings
    assert findings["R3.1@natural_person"].section == "s3"
    assert "s3.result.total@natural_person" in findings["R3.1@natural_person"].cells


def test_r31_blank_cell_is_taken_as_0_and_said_so() -> None:
    report = city_2025()
    report.set_cell("s3.carried_over@natural_person", None)  # was 560
    findings = by_id(check(report, FMT21))
    pending = findings["pending@s3.carried_over@natural_person"]  # one 待填 line for the blank
    assert pending.level == PENDING
    assert pending.cells == ("s3.carried_over@natural_person",)
    assert "暂按 0 核对" in pending.message and "二、上年结转" in pending.message
    assert "“自然人”列" in pending.message and "“总计”列" in pending.message
    # the column's identity is still evaluated, with the blank as 0, and says so
    column = findings["R3.1@natural_person"]
    assert column.level == ERROR
    assert "上年结转 0" in column.message
    assert "按空格为 0 计算" in column.message and "二、上年结转" in column.message
    assert column.assumed_blanks == ("s3.carried_over@natural_person",)
    assert "R3.1@total" not in findings  # one wrong cell, one error: not again the 总计 column's
    report.set_cell("s3.carried_over@natural_person", 560)  # filled: the finding goes
    assert not levels(check(report, FMT21), ERROR)


def test_blank_where_nothing_happened_passes_but_stays_listed() -> None:
    report = city_2025()
    report.set_cell("s3.carried_over@org_research", None)  # was 0
    findings = by_id(check(report, FMT21))
    assert not levels(list(findings.values()), ERROR)
    assert "pending@s3.carried_over@org_research" in findings


def test_not_applicable_counts_as_zero() -> None:
    report = city_2025()
    report.set_cell("s3.new_this_year@org_research", NOT_APPLICABLE)
    assert levels(check(report, FMT21), ERROR) == []


def test_untouched_table_is_one_pending_finding_not_a_pass() -> None:
    report = Report(format="fmt2021", agency="某局", year=2025)
    findings = check(report, FMT21)
    ids = [f.id for f in findings]
    assert "blank@t3" in ids and "blank@t4" in ids and "blank@t2" in ids
    assert not [i for i in ids if i.startswith("R")]
    assert all(f.level != ERROR for f in findings)


# --- R3.2, R3.3, R4.1 (typed totals, as in a published report) -------------------------------


def typed_city() -> tuple[Report, Format]:
    fmt = typed_totals_format()
    report = city_2025()
    for cell_id, value in effective_values(city_2025(), FMT21).items():
        if FMT21.all_cells()[cell_id].is_computed:
            report.cells[cell_id] = value
    return report, fmt


def test_typed_totals_pass_when_right() -> None:
    report, fmt = typed_city()
    assert levels(check(report, fmt), ERROR) == []


def test_r32_row_total_differs_from_its_columns() -> None:
    report, fmt = typed_city()
    report.cells["s3.result.partial@total"] = 850
    findings = by_id(check(report, fmt))
    assert findings["R3.2@s3.result.partial"].level == ERROR
    assert findings["R3.2@s3.result.partial"].message == (
        "表三“（二）部分公开”行：六类申请人相加为 853，但“总计”为 850，相差 3。"
    )
    assert "R3.3@total" in findings  # the 总计 column no longer adds up either


def test_r33_results_do_not_add_up_to_the_total_row() -> None:
    report, fmt = typed_city()
    report.cells["s3.result.total@org_research"] = 1
    report.cells["s3.result.total@total"] = 13811
    report.cells["s3.carry_to_next_year@org_research"] = 0
    findings = by_id(check(report, fmt))
    assert "各项办理结果相加为 0，但“（七）总计”为 1" in findings["R3.3@org_research"].message


def test_r41_review_total() -> None:
    report, fmt = typed_city()
    report.cells["s4.review.total"] = 780
    findings = by_id(check(report, fmt))
    assert findings["R4.1@s4.review"].message == (
        "表四“行政复议”：结果维持 376 + 结果纠正 97 + 其他结果 196 + 尚未审结 121 = 790，"
        "但“总计”为 780，相差 10。"
    )
    assert "R4.1@s4.lit_direct" not in findings


def test_r41_pending_with_a_blank() -> None:
    report = city_2025()
    report.set_cell("s4.lit_direct.pending", None)
    findings = by_id(check(report, FMT21))
    assert findings["pending@s4.lit_direct.pending"].level == PENDING
    assert "R4.1@s4.lit_direct" not in findings


# --- R0.1, R0.2 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "value", "rule"),
    [
        ("s3.new_this_year@org_research", -1, "R0.1"),
        ("s4.review.other", 2.5, "R0.1"),
        ("s2.art20_8.fees@fee_amount", -0.5, "R0.2"),
    ],
)
def test_r0_bad_values_are_errors(cell: str, value: float, rule: str) -> None:
    report = city_2025()
    report.cells[cell] = value
    finding = by_id(check(report, FMT21))[f"{rule}@{cell}"]
    assert finding.level == ERROR and finding.cells == (cell,)


def test_r0_valid_amount_and_signed_delta_pass() -> None:
    report = zero_report("fmt2019", 2020)
    report.cells["s2.art20_5.licensing@delta_items"] = -3  # 本年增/减 may be negative
    report.cells["s2.art20_9.central_procurement@procurement_amount"] = 12.75
    assert not [f for f in check(report, get_format("fmt2019")) if f.id.startswith("R0")]


# --- H1–H3 (last year's report) --------------------------------------------------------------


def previous_city(carry: int = 560) -> Report:
    prev = zero_report("fmt2021", 2024, "测试市人民政府办公室")
    prev.cells["s3.new_this_year@natural_person"] = carry
    prev.cells["s3.carry_to_next_year@natural_person"] = carry
    prev.cells["s2.art20_1.regulations@in_force"] = 38
    prev.cells["s2.art20_1.normative_docs@in_force"] = 191
    return prev


def test_h1_matches_last_years_carry_forward() -> None:
    assert check(city_2025(), FMT21, previous_city()) == []


def test_h1_warns_when_carry_over_differs() -> None:
    findings = by_id(check(city_2025(), FMT21, previous_city(carry=500)))
    h1 = findings["H1@natural_person"]
    assert h1.level == WARNING
    assert "本年“上年结转”为 560 件，但上一年度报告的“结转下年度继续办理”为 500 件" in h1.message
    assert "H1@total" not in findings  # the 总计 column only repeats the 自然人 column


def test_h1_ignores_a_report_of_another_year() -> None:
    prev = previous_city(carry=500)
    prev.year = 2020
    assert check(city_2025(), FMT21, prev) == []


def test_h1_works_from_a_fmt2019_report_to_fmt2021() -> None:
    prev = zero_report("fmt2019", 2020)
    prev.cells["s3.carry_to_next_year@natural_person"] = 7
    report = city_2025()
    report.year = 2021
    findings = by_id(check(report, FMT21, prev))
    assert "为 7 件" in findings["H1@natural_person"].message


def test_h2_in_force_balance() -> None:
    prev = previous_city()
    prev.cells["s2.art20_1.normative_docs@in_force"] = 200  # 200 + 25 - 6 = 219, not 210
    findings = by_id(check(city_2025(), FMT21, prev))
    h2 = findings["H2@normative_docs"]
    assert h2.level == WARNING
    assert "上年现行有效 200 + 本年制发 25 − 本年废止 6 = 219" in h2.message
    assert "H2@regulations" not in findings


def test_h3_repealed_more_than_existed_and_issued_more_than_kept() -> None:
    prev = previous_city()
    report = city_2025()
    report.cells["s2.art20_1.regulations@repealed"] = 50
    report.cells["s2.art20_1.regulations@in_force"] = 0
    ids = [f.id for f in check(report, FMT21, prev)]
    assert "H3.1@regulations" in ids
    report.cells["s2.art20_1.regulations@repealed"] = 0
    assert "H3.2@regulations" in [f.id for f in check(report, FMT21, prev)]


# --- paste artefact, completeness -------------------------------------------------------------


def test_paste_artefact_one_two_read_as_twelve() -> None:
    report = zero_report("fmt2021", 2025)
    report.cells["s3.new_this_year@natural_person"] = 1
    report.cells["s3.new_this_year@org_commercial"] = 2
    report.cells["s3.result.granted@natural_person"] = 12
    findings = by_id(check(report, FMT21))
    paste = findings["paste@s3.new_this_year@natural_person"]
    assert paste.level == WARNING and "12" in paste.message
    assert paste.cells == ("s3.new_this_year@natural_person", "s3.new_this_year@org_commercial")


def test_no_paste_artefact_when_joining_does_not_help() -> None:
    ids = [f.id for f in check(yanghe_2025(), FMT21)]
    assert not [i for i in ids if i.startswith("paste")]


def test_completeness_thresholds() -> None:
    report = city_2025()
    t3_inputs = [c.cell_id for c in FMT21.tables["t3"].input_cells() if c.cell_id]
    for cell in t3_inputs[-10:]:
        report.cells.pop(cell)
    assert "completeness@t3" not in by_id(check(report, FMT21))
    report.cells.pop(t3_inputs[0])
    assert by_id(check(report, FMT21))["completeness@t3"].level == WARNING
    set_t4(report, (0, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0))
    for cell in ("upheld", "corrected", "other"):
        report.cells.pop(f"s4.review.{cell}")
        report.cells.pop(f"s4.lit_direct.{cell}")
    assert "completeness@t4" in by_id(check(report, FMT21))


# --- dismissals, ids, the command-line line ------------------------------------------------------


def test_dismissed_warning_is_kept_but_not_active_and_survives_the_store(tmp_path: Path) -> None:
    report = city_2025()
    report.set_paragraphs("s5", ["无"])
    findings = check(report, FMT21)
    assert [f.id for f in findings] == ["thin@s5"]
    report.dismiss("thin@s5", "本单位确无问题")
    with ReportStore(tmp_path / "store.json") as store:
        store.put(report)
        reloaded = store.get(report.id)
    again = check(reloaded, FMT21)
    assert [f.id for f in again] == ["thin@s5"]
    assert active(again, reloaded) == []


def test_errors_cannot_be_dismissed() -> None:
    report = yanghe_2025()
    report.dismiss("R3.1@natural_person", "不想改")
    assert "R3.1@natural_person" in [f.id for f in active(check(report, FMT21), report)]


def test_ids_are_stable_and_unique_across_rechecks() -> None:
    report = yanghe_2025()
    first = [f.id for f in check(report, FMT21)]
    report.set_cell("s3.new_this_year@org_research", 0)
    assert [f.id for f in check(report, FMT21)] == first
    assert len(first) == len(set(first))


def test_line_reads_well_on_the_command_line() -> None:
    line = by_id(check(yanghe_2025(), FMT21))["R3.1@natural_person"].line()
    level, finding_id, message = line.split("\t")
    assert (level, finding_id) == ("错误", "R3.1@natural_person")
    assert "\n" not in message and message.endswith("。")


@pytest.mark.parametrize("format_id", ["fmt2021", "legacy2008"])
def test_the_emoji_check_runs_for_every_format_and_its_warning_can_be_dismissed(
    format_id: str,
) -> None:
    report = Report(format=format_id, agency="测试局", year=2025)
    fmt = get_format(format_id)
    first = fmt.sections[0].id
    report.set_paragraphs(first, ["工作顺利完成👍。"])
    finding = by_id(check(report, fmt))[f"symbols@{first}"]
    assert finding.level == WARNING and "「👍」" in finding.message
    report.dismiss(finding.id, "确需保留")
    assert finding.id in by_id(check(report, fmt))
    assert finding.id not in by_id(active(check(report, fmt), report))


def test_a_half_filled_table_is_one_warning_not_a_pending_line_per_blank() -> None:
    report = city_2025()
    t3_inputs = [c.cell_id for c in FMT21.tables["t3"].input_cells() if c.cell_id]
    cleared = t3_inputs[len(t3_inputs) // 2 :]
    for cell_id in cleared:  # she has typed half of table 三 so far
        report.set_cell(cell_id, None)
    findings = by_id(check(report, FMT21))
    assert not [i for i in findings if i.startswith("pending@s3.")]
    warning = findings["completeness@t3"]
    assert warning.level == WARNING and set(warning.cells) == set(cleared)
    assert f"{len(cleared)} 个单元格空着" in warning.message


def test_a_few_blanks_are_each_named() -> None:
    report = city_2025()
    report.set_cell("s3.carried_over@org_research", None)
    report.set_cell("s3.carried_over@org_other", None)
    ids = set(by_id(check(report, FMT21)))
    assert {"pending@s3.carried_over@org_research", "pending@s3.carried_over@org_other"} <= ids
    assert "completeness@t3" not in ids
