"""The report document, format loading and cell values."""

from __future__ import annotations

import pytest

from model.cells import effective_values, format_cell_value, parse_cell_input, partial_totals
from model.errors import CellInputError, ReportDataError
from model.formats import get_format, parse_table
from model.report import NOT_APPLICABLE, Report
from model.store.report_store import ReportStore


def test_legacy_format_has_twelve_sections_in_order() -> None:
    fmt = get_format("legacy2008")
    assert [s.id for s in fmt.sections] == [f"L{i}" for i in range(1, 13)]
    assert fmt.sections[0].heading == "一、概述"
    assert fmt.sections[-1].heading == "十二、需要说明的事项和附表"


def test_report_round_trips_through_its_document() -> None:
    report = Report(format="legacy2008", agency="市中区商务局", year=2017)
    report.set_paragraphs("L1", ["第一段𠀀", "第二段喆镕"])
    report.set_cell("x@y", 3)
    report.set_cell("x@z", NOT_APPLICABLE)
    again = Report.from_dict(report.to_dict())
    assert again == report


def test_report_rejects_a_cell_that_is_not_a_number() -> None:
    doc = Report(format="legacy2008").to_dict()
    doc["cells"] = {"a@b": "十二"}
    with pytest.raises(ReportDataError, match="不是数字"):
        Report.from_dict(doc)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12", 12),
        (" １２ ", 12),
        ("1,234", 1234),
        ("", None),
        ("/", NOT_APPLICABLE),
        ("不适用", NOT_APPLICABLE),
    ],
)
def test_count_input_is_parsed(typed: str, expected: object) -> None:
    assert parse_cell_input(typed, "int") == expected


@pytest.mark.parametrize(
    ("typed", "hint"), [("-3", "负数"), ("1.5", "小数"), ("abc", "不是数字"), ("9" * 12, "过大")]
)
def test_bad_count_input_is_refused_with_a_hint(typed: str, hint: str) -> None:
    with pytest.raises(CellInputError, match=hint):
        parse_cell_input(typed, "int")


def test_amount_input_takes_decimals_and_prints_them_plainly() -> None:
    value = parse_cell_input("1.25", "decimal")
    assert value == 1.25
    assert format_cell_value(value, "decimal") == "1.25"
    assert format_cell_value(NOT_APPLICABLE) == "/"
    with pytest.raises(CellInputError, match="小数位"):
        parse_cell_input("1.123456", "decimal")


@pytest.mark.parametrize("typed", ["-", "—", "－", " - ", "——", "–"])
@pytest.mark.parametrize("value_type", ["int", "decimal", "signed_int"])
def test_a_lone_dash_is_refused_not_taken_as_not_applicable(typed: str, value_type: str) -> None:
    """Excel's accounting format shows 0 as 「-」: guessing 不适用 would turn zeros into 「/」."""
    with pytest.raises(CellInputError) as refused:
        parse_cell_input(typed, value_type)
    assert str(refused.value) == (
        f"“{typed.strip()}”是 0 还是不适用？没有的请填 0，不适用的填「/」。"
    )


@pytest.mark.parametrize("typed", ["/", "／", "不适用", "n/a", "N/A"])
def test_not_applicable_marks_are_still_understood(typed: str) -> None:
    assert parse_cell_input(typed, "int") == NOT_APPLICABLE
    assert parse_cell_input(typed, "decimal") == NOT_APPLICABLE


@pytest.mark.parametrize(
    ("typed", "value_type", "expected"),
    [
        ("1,234", "int", 1234),
        ("12,345,678", "int", 12345678),
        ("1，234", "int", 1234),
        ("１２，３４５", "int", 12345),
        ("1,234.5", "decimal", 1234.5),
        ("-1,234", "signed_int", -1234),
        ("1 234", "int", 1234),
    ],
)
def test_correctly_grouped_thousands_are_accepted(
    typed: str, value_type: str, expected: object
) -> None:
    assert parse_cell_input(typed, value_type) == expected


@pytest.mark.parametrize(
    "typed", ["1,5", "1，5", "12,34", "1,2345", ",123", "123,", "1,,234", "1,234,56", "1 5"]
)
@pytest.mark.parametrize("value_type", ["int", "decimal"])
def test_a_misplaced_thousands_separator_is_refused(typed: str, value_type: str) -> None:
    with pytest.raises(CellInputError, match="千位分隔"):
        parse_cell_input(typed, value_type)


def test_a_comma_in_the_decimals_is_refused() -> None:
    with pytest.raises(CellInputError, match="千位分隔"):
        parse_cell_input("1.5,0", "decimal")


@pytest.mark.parametrize("typed", ["1e3", "1E+05", "2.5e-1", "1.5E3"])
@pytest.mark.parametrize("value_type", ["int", "decimal"])
def test_scientific_notation_is_refused(typed: str, value_type: str) -> None:
    with pytest.raises(CellInputError, match="科学计数法"):
        parse_cell_input(typed, value_type)


@pytest.mark.parametrize("typed", ["Infinity", "NaN", "+5", "0x10", "1.2.3", ".", "١٢"])
def test_only_plain_decimals_are_amounts(typed: str) -> None:
    with pytest.raises(CellInputError, match="不是金额"):
        parse_cell_input(typed, "decimal")


@pytest.mark.parametrize(("typed", "expected"), [("0.5", 0.5), ("12", 12.0), ("３．５", 3.5)])
def test_plain_amounts_are_accepted(typed: str, expected: float) -> None:
    assert parse_cell_input(typed, "decimal") == expected


def test_table_rows_are_placed_with_spans_and_totals_are_computed() -> None:
    table = parse_table(
        "t",
        {
            "columns": 3,
            "header": [
                [{"text": "项目", "rowspan": 2}, {"text": "数量", "colspan": 2}],
                [{"text": "甲"}, {"text": "乙"}],
            ],
            "body": [
                [{"text": "一"}, {"cell": "r1@a"}, {"cell": "r1@b"}],
                [
                    {"text": "合计"},
                    {"cell": "t@a", "sum": ["r1@a"]},
                    {"cell": "t@b", "sum": ["r1@b", "t@a"]},
                ],
            ],
        },
    )
    assert [(c.row, c.col) for c in table.header] == [(0, 0), (0, 1), (1, 1), (1, 2)]
    from model.formats import Format

    fmt = Format("x", "x", "", None, None, "{agency}", "无", (), {"t": table})
    report = Report(format="x")
    report.set_cell("r1@a", 2)
    # r1@b still blank: the total adds up what is filled (blank as 0) and says it is partial
    assert effective_values(report, fmt)["t@b"] == 2
    assert partial_totals(report, fmt) == {"t@b": ("r1@b",)}
    assert effective_values(Report(format="x"), fmt)["t@b"] is None  # nothing filled yet
    report.set_cell("r1@b", NOT_APPLICABLE)
    values = effective_values(report, fmt)
    assert values["t@a"] == 2 and values["t@b"] == 2


def test_store_keeps_reports_between_openings(tmp_path) -> None:
    path = tmp_path / "s.json"
    report = Report(format="legacy2008", agency="测试局", year=2024)
    report.set_paragraphs("L1", ["正文"])
    with ReportStore(path) as store:
        store.put(report)
    with ReportStore(path) as store:
        assert [s.id for s in store.list_reports()] == [report.id]
        assert store.get(report.id).paragraphs("L1") == ["正文"]


def test_signed_counts_take_a_minus_sign_and_plain_counts_do_not() -> None:
    assert parse_cell_input("-3", "signed_int") == -3
    assert parse_cell_input("4", "signed_int") == 4
    with pytest.raises(CellInputError, match="负数"):
        parse_cell_input("-3", "int")
