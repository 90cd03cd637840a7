"""The checks on real published reports (tests/data/real), entered as printed, blanks included.

Each fixture's header cites its source; tests/data/real/README.md lists what a reader finds
wrong in it. The assertions are the findings a reviewer would want: the real slips are found,
and a report whose figures are consistent raises no error.
"""

from __future__ import annotations

import pytest
from real_reports import REAL, real_names, real_report

from model.cells import parse_cell_input_noted
from model.checks.engine import check, count_assumed
from model.findings import ERROR, WARNING, Finding

SHANGHAI = "2019_shanghai_municipal_government_office"
# truncated captures whose table 三 stops inside the results rows: the missing rows are blank,
# so the column identities fail with blanks as 0, and say so
TRUNCATED_IN_RESULTS = {"2024_shenzhen_longgang_district_department"}


def findings(name: str) -> dict[str, Finding]:
    if not (REAL / f"{name}.cells.json").is_file():
        pytest.skip(f"fixture {name} is not in this checkout")
    report, fmt = real_report(name)
    return {f.id: f for f in check(report, fmt)}


def test_at_least_five_reports_of_both_current_formats() -> None:
    names = real_names()
    if len(names) < 2:
        pytest.skip("the collected fixtures are not in this checkout (only the Shanghai one)")
    formats = {real_report(name)[1].id for name in names}
    assert len(names) >= 5 and {"fmt2019", "fmt2021"} <= formats


@pytest.mark.parametrize("name", [n for n in real_names() if n not in TRUNCATED_IN_RESULTS])
def test_reports_whose_figures_agree_raise_no_error(name: str) -> None:
    assert [f.id for f in findings(name).values() if f.level == ERROR] == []


@pytest.mark.parametrize("name", sorted(TRUNCATED_IN_RESULTS))
def test_a_table_cut_off_in_the_results_fails_on_its_blanks_and_says_so(name: str) -> None:
    errors = [f for f in findings(name).values() if f.level == ERROR]
    assert errors and all(f.assumed_blanks and "按空格为 0 计算" in f.message for f in errors)
    assert "R3.1@total" not in {f.id for f in errors}  # one error per wrong column


def test_shanghai_2019_its_wrong_figures_in_the_narrative_are_found() -> None:
    found = findings(SHANGHAI)
    both = found["H4@granted_partial@s1"]  # 予以公开及部分公开258件 while the table has 275
    assert both.level == WARNING and "258" in both.message and "275 件" in both.message
    assert "予以公开及部分公开258件" in both.message
    assert "H4@granted@s1" not in found and "H4@partial@s1" not in found  # no false alarm
    unable = found["H4@unable@s1"]  # 无法提供265件 while the table has 337
    assert "265" in unable.message and "337 件" in unable.message
    share = found["H5@granted_partial@s1"]  # 258 of 805 is 32.0%, not 33.9%
    assert "32.0%" in share.message and "33.9%" in share.message
    upheld = found["H7@all_upheld@s1"]  # 均获维持 while 表四 shows 尚未审结
    assert "行政复议·尚未审结” 2 件" in upheld.message
    # right figures stay quiet: 859 received, 805 answered, 不予公开35, 不予处理158, 复议7, 诉讼9
    quiet = ("received", "closed", "denied", "not_processed", "review", "litigation_short")
    assert not [k for k in quiet if f"H4@{k}@s1" in found]
    assert not [f for f in found.values() if f.level == ERROR]  # the printed totals agree


def test_shanghai_2019_blanks_are_taken_as_0_and_said_so() -> None:
    report, fmt = real_report(SHANGHAI)
    results = check(report, fmt)
    assert count_assumed(results) >= 3
    assert "completeness@t3" in {f.id for f in results}  # the blanks are still reported


def test_shanghai_2019_stated_totals_are_compared() -> None:
    report, fmt = real_report(SHANGHAI)
    assert report.stated_totals["s3.result.total@total"] == 805
    report.stated_totals["s3.result.total@total"] = 806  # a misprint in the document
    error = {f.id: f for f in check(report, fmt)}["stated@s3.result.total@total"]
    assert error.level == ERROR and "806" in error.message and "805" in error.message


def test_shanghai_2019_procurement_printed_in_yuan_is_converted() -> None:
    value, note = parse_cell_input_noted("251000元", "decimal")  # as printed in table 二
    assert value == 25.1 and "25.1 万元" in note


def test_liuzhou_2023_normative_documents_in_the_text_but_not_in_the_table() -> None:
    found = findings("2023_liuzhou_sports_bureau")
    warning = found["H4@normative_issued_count_first@s1"]
    assert "出台了2份规范性文件" in warning.message and "是 0 件" in warning.message


def test_district_statistics_2023_announces_six_parts_and_lists_five() -> None:
    found = findings("2023_district_statistics_bureau")
    assert "只列了 5 项" in found["proof_parts"].message


def test_wuhan_2025_an_opening_quote_is_never_closed() -> None:
    found = findings("2025_wuhan_donghu_chengxiang_office")
    assert "公开为常态" in found["proof@s1"].message


@pytest.mark.parametrize(
    "name", [n for n in real_names() if n not in (SHANGHAI, "2023_liuzhou_sports_bureau")]
)
def test_no_narrative_warning_where_the_text_agrees(name: str) -> None:
    assert [k for k in findings(name) if k.startswith(("H4", "H5", "H6", "H7"))] == []
