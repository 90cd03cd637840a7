"""The report document, format loading and cell values."""

from __future__ import annotations

import pytest

from model.cells import effective_values, format_cell_value, parse_cell_input
from model.errors import CellInputError, ReportDataError
from model.formats import get_format, parse_table
from model.report import NOT_APPLICABLE, Report
from model.store import ReportStore


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
    assert effective_values(report, fmt)["t@b"] is None  # r1@b still blank
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
