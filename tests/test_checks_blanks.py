"""Blanks taken as 0 and said so, partial totals, totals a document printed, value sanity and
format-data parameters of the coded checks."""

from __future__ import annotations

import json

import pytest
from checks_data import city_2025

from model.cells import effective_values, parse_cell_input, parse_cell_input_noted, partial_totals
from model.checks.engine import check, count_assumed
from model.errors import CellInputError, FormatError
from model.findings import ERROR, PENDING, WARNING, Finding
from model.formats import get_format, parse_format
from model.importers.exchange import report_from_document, write_exchange_file
from model.report import Report

FMT21 = get_format("fmt2021")


def by_id(report: Report) -> dict[str, Finding]:
    return {f.id: f for f in check(report, get_format(report.format))}


# --- computed totals with blanks -------------------------------------------------------------


def test_a_total_adds_up_the_filled_cells_and_knows_its_blanks() -> None:
    report = Report(format="fmt2021", agency="某局", year=2025)
    report.set_cell("s3.new_this_year@natural_person", 5)
    report.set_cell("s3.new_this_year@org_other", 2)
    values = effective_values(report, FMT21)
    assert values["s3.new_this_year@total"] == 7
    partial = partial_totals(report, FMT21)
    assert partial["s3.new_this_year@total"] == (
        "s3.new_this_year@org_commercial",
        "s3.new_this_year@org_research",
        "s3.new_this_year@org_public_welfare",
        "s3.new_this_year@org_legal_service",
    )
    assert values["s3.carried_over@total"] is None  # nothing filled: blank, not 0
    assert "s3.carried_over@total" not in partial


# --- stated totals ------------------------------------------------------------------------------


def test_a_printed_total_that_differs_is_an_error_naming_both_numbers() -> None:
    report = city_2025()
    report.stated_totals = {"s3.new_this_year@total": 14069, "s3.result.total@total": 13800}
    found = by_id(report)
    assert "stated@s3.new_this_year@total" not in found
    error = found["stated@s3.result.total@total"]
    assert error.level == ERROR
    assert "13800" in error.message and "13810" in error.message
    assert error.cells == ("s3.result.total@total",)


def test_a_printed_total_over_blank_cells_says_so() -> None:
    report = city_2025()
    report.set_cell("s3.new_this_year@org_other", None)
    report.stated_totals = {"s3.new_this_year@total": 14069}
    error = by_id(report)["stated@s3.new_this_year@total"]
    assert "按空格为 0 计算" in error.message and error.assumed_blanks
    report.set_cell("s3.new_this_year@org_other", 32)  # filled: the error goes, live
    assert "stated@s3.new_this_year@total" not in by_id(report)


def test_stated_totals_travel_in_the_exchange_file(tmp_path) -> None:
    report = city_2025()
    report.stated_totals = {"s3.new_this_year@total": 14069}
    path = write_exchange_file(report, tmp_path / "r.nianbao.json")
    assert '"stated_totals"' in path.read_text(encoding="utf-8")
    back, _ = report_from_document(json.loads(path.read_text(encoding="utf-8")))
    assert back.stated_totals == {"s3.new_this_year@total": 14069}


def test_a_total_that_is_not_one_of_the_format_is_left_alone() -> None:
    report = city_2025()
    report.stated_totals = {"s9.nothing@total": 3}
    assert not [f for f in check(report, FMT21) if f.id.startswith("stated")]


# --- the count of findings resting on blanks ---------------------------------------------------


def test_findings_resting_on_blanks_are_counted() -> None:
    report = city_2025()
    assert count_assumed(check(report, FMT21)) == 0
    report.set_cell("s3.carried_over@natural_person", None)
    findings = check(report, FMT21)
    assert count_assumed(findings) >= 1
    assert any(f.level == PENDING for f in findings)  # the 待填 list stays


# --- value sanity ------------------------------------------------------------------------------


def test_a_count_above_the_ceiling_is_a_warning() -> None:
    report = city_2025()
    report.set_cell("s3.new_this_year@natural_person", 2_000_000)
    warning = by_id(report)["R0.3@s3.new_this_year@natural_person"]
    assert warning.level == WARNING and "2000000" in warning.message
    report.set_cell("s3.new_this_year@natural_person", 1521)
    assert "R0.3@s3.new_this_year@natural_person" not in by_id(report)


def test_a_citys_millions_of_decisions_are_no_slip() -> None:
    """A city's report counts every agency's decisions: eleven million licences and seven
    million penalties (traffic tickets) are real figures, not typing slips."""
    report = city_2025()
    report.set_cell("s2.art20_5.licensing@decisions", 11_398_889)
    report.set_cell("s2.art20_6.penalty@decisions", 6_937_489)
    assert not [f for f in by_id(report) if f.startswith("R0.3")]


@pytest.mark.parametrize(
    ("typed", "amount", "note"),
    [
        ("251000元", 25.1, "已换算为 25.1 万元"),
        ("251,000元", 25.1, "已换算为 25.1 万元"),
        ("25.1万元", 25.1, ""),
        ("25.1", 25.1, ""),
    ],
)
def test_an_amount_in_yuan_is_converted_and_said_so(typed: str, amount: float, note: str) -> None:
    value, said = parse_cell_input_noted(typed, "decimal")
    assert value == amount
    assert (note in said) if note else said == ""
    assert parse_cell_input(typed, "decimal") == amount


def test_yuan_that_does_not_fit_four_places_is_refused() -> None:
    with pytest.raises(CellInputError, match="小数位过多"):
        parse_cell_input("0.5元", "decimal")
    with pytest.raises(CellInputError):
        parse_cell_input("251000元", "int")  # a count has no unit to convert


# --- format-data parameters ---------------------------------------------------------------------


def test_check_parameters_come_from_the_format_file() -> None:
    data = {**FMT21.raw, "check_params": {**FMT21.raw["check_params"]}}
    data["check_params"]["fee_mention"] = {"section": "s1"}  # fees talked about in §一 instead
    moved = parse_format(data)
    report = city_2025()
    report.set_cell("s2.art20_8.fees@fee_amount", 1.5)
    report.set_paragraphs("s6", ["无其他需要报告的事项。"])
    assert "fee_silent@s6" in {f.id for f in check(report, FMT21)}
    assert not [f for f in check(report, moved) if f.id.startswith("fee_silent")]


@pytest.mark.parametrize(
    ("check_name", "params", "named"),
    [
        ("fee_mention", {"section": "s9"}, "no section s9"),
        ("fee_mention", {"section": "s6", "fee_cell": "s2.nothing@x"}, "no cell"),
        ("completeness", {"blank_limits": {"t9": 3}}, "no table t9"),
        ("text_vs_table", {"skip_sections": ["s8"]}, "no section s8"),
        (
            "text_vs_table",
            {
                "relations": {
                    "claims": [
                        {
                            "id": "x",
                            "pattern": "维持",
                            "subjects": [{"if": "复议", "cells": ["s4.nothing"]}],
                        }
                    ]
                }
            },
            "no table cell matches s4.nothing",
        ),
        ("unknown_check", {}, "does not run the check"),
    ],
)
def test_a_parameter_naming_what_does_not_exist_fails_the_load(
    check_name: str, params: dict[str, object], named: str
) -> None:
    data = {**FMT21.raw, "check_params": {check_name: params}}
    with pytest.raises(ValueError, match=named):
        parse_format(data)


def test_a_bad_format_file_is_reported_on_load(tmp_path) -> None:
    from model.formats import load_format_file

    data = {**FMT21.raw, "check_params": {"problems_section": {"section": "s7"}}}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FormatError, match="s7"):
        load_format_file(path)


def test_last_years_figures_alone_do_not_check_a_blank_table() -> None:
    from checks_data import zero_report

    report = Report(format="fmt2021", agency="测试市人民政府办公室", year=2025)
    previous = zero_report("fmt2021", 2024)
    previous.cells["s3.carry_to_next_year@natural_person"] = 500
    found = {f.id for f in check(report, FMT21, previous)}
    assert not [i for i in found if i.startswith(("H1", "H2", "H3"))]
    report.set_cell("s3.carried_over@natural_person", 400)  # now there is something to compare
    assert "H1@natural_person" in {f.id for f in check(report, FMT21, previous)}


def test_a_printed_total_over_a_row_left_blank() -> None:
    report = city_2025()
    for column in ("natural_person", "org_commercial", "org_research", "org_public_welfare"):
        report.set_cell(f"s3.carried_over@{column}", None)
    for column in ("org_legal_service", "org_other"):
        report.set_cell(f"s3.carried_over@{column}", None)
    report.stated_totals = {"s3.carried_over@total": 0}
    assert "stated@s3.carried_over@total" not in by_id(report)  # printed 0 over blanks: agrees
    report.stated_totals = {"s3.carried_over@total": 560}
    error = by_id(report)["stated@s3.carried_over@total"]
    assert "560" in error.message and "按空格为 0 计算" in error.message


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"expr": "s3.carryover@{c} == s3.carried_over@{c}"}, "unknown cell s3.carryover"),
        ({"section": "s9"}, "unknown section"),
    ],
)
def test_a_rule_naming_what_does_not_exist_fails_the_load(
    change: dict[str, str], named: str
) -> None:
    rules = [dict(FMT21.raw["rules"][0], **change), *FMT21.raw["rules"][1:]]
    with pytest.raises(ValueError, match=named):
        parse_format({**FMT21.raw, "rules": rules})


def test_check_on_the_command_line_says_how_many_findings_rest_on_blanks(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    import main

    report = city_2025()
    report.set_cell("s3.carried_over@natural_person", None)
    path = write_exchange_file(report, tmp_path / "r.nianbao.json")
    code = main.main(["check", str(path), "--store", str(tmp_path / "store.json")])
    out, err = capsys.readouterr()
    assert code == 1 and "R3.1@natural_person" in out and "按空格为 0 计算" in out
    assert "其中 2 项是按空格为 0 计算得出的" in err  # the rule, and 「上年结转560件」
    assert "pending@s3.carried_over@natural_person" in out  # the 待填 list stays
