"""The national formats (fmt2021, fmt2019) load, place on the grid and match the official tables."""

from __future__ import annotations

import pytest

from model.formats import Format, GridCell, TableDef, default_format_for, get_format

APPLICANT_COLUMNS = (
    "natural_person",
    "org_commercial",
    "org_research",
    "org_public_welfare",
    "org_legal_service",
    "org_other",
)
CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T4_IDS = [
    f"{g}.{m}"
    for g in ("s4.review", "s4.lit_direct", "s4.lit_after_review")
    for m in ("upheld", "corrected", "other", "pending", "total")
]


def label_at(table: TableDef, row: int, col: int) -> GridCell:
    for cell in table.body:
        if cell.row <= row < cell.row + cell.rowspan and cell.col <= col < cell.col + cell.colspan:
            return cell
    raise AssertionError(f"no cell at {row},{col}")


@pytest.fixture(params=["fmt2021", "fmt2019"])
def national(request: pytest.FixtureRequest) -> Format:
    return get_format(request.param)


def test_six_sections_with_verbatim_headings(national: Format) -> None:
    assert [s.heading for s in national.sections] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert [s.table for s in national.sections] == [None, "t2", "t3", "t4", None, None]
    assert all(s.hint for s in national.sections)
    assert "五、政府信息公开工作存在的主要问题及改进情况" in national.section("s5").aliases


def test_years_and_default_format() -> None:
    assert default_format_for(2021).id == "fmt2021"
    assert default_format_for(2025).id == "fmt2021"
    assert default_format_for(2019).id == "fmt2019"
    assert default_format_for(2020).id == "fmt2019"
    assert default_format_for(2017).id == "legacy2008"
    assert get_format("fmt2021").name.startswith("国家统一格式")


def test_t3_grid_matches_the_official_table(national: Format) -> None:
    t3 = national.tables["t3"]
    body_rows = 25 if national.id == "fmt2021" else 23
    assert (t3.columns, t3.header_rows, t3.body_rows) == (10, 3, body_rows)
    corner = t3.header[0]
    assert (corner.text, corner.colspan, corner.rowspan) == (CORNER, 3, 3)
    assert [c.text for c in t3.header if c.row == 2] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    side = label_at(t3, 2, 0)
    assert side.text == "三、本年度办理结果"
    assert side.rowspan == (22 if national.id == "fmt2021" else 20)
    assert label_at(t3, 4, 1).text == "（三）不予公开"
    assert label_at(t3, 4, 1).rowspan == 8
    assert label_at(t3, body_rows - 1, 0).text == "四、结转下年度继续办理"
    assert label_at(t3, body_rows - 2, 1).text == "（七）总计"
    # every row has six input cells and a computed 总计
    for row in range(body_rows):
        values = [c for c in t3.body if c.row == row and c.is_value]
        assert len(values) == 7
        assert values[-1].cell_id is not None and values[-1].cell_id.endswith("@total")
        assert values[-1].is_computed


def test_t3_other_processing_rows_differ_between_formats() -> None:
    new = get_format("fmt2021").all_cells()
    old = get_format("fmt2019").all_cells()
    assert "s3.result.other.fee_unpaid@natural_person" in new
    assert "s3.result.other@natural_person" not in new
    assert "s3.result.other@natural_person" in old
    assert "s3.result.other.fee_unpaid@natural_person" not in old


def test_t3_totals_are_computed_from_the_right_cells() -> None:
    cells = get_format("fmt2021").all_cells()
    assert cells["s3.new_this_year@total"].sum == tuple(
        f"s3.new_this_year@{c}" for c in APPLICANT_COLUMNS
    )
    result_total = cells["s3.result.total@org_other"].sum
    assert len(result_total) == 21
    assert result_total[0] == "s3.result.granted@org_other"
    assert cells["s3.result.total@total"].sum == tuple(
        f"s3.result.total@{c}" for c in APPLICANT_COLUMNS
    )


def test_t4_cells_and_totals(national: Format) -> None:
    t4 = national.tables["t4"]
    assert (t4.columns, t4.header_rows, t4.body_rows) == (15, 3, 1)
    assert [c.cell_id for c in t4.value_cells()] == T4_IDS
    assert [c.cell_id for c in t4.computed_cells()] == [
        "s4.review.total",
        "s4.lit_direct.total",
        "s4.lit_after_review.total",
    ]
    assert [c.text for c in t4.header if c.row == 1][-2:] == ["未经复议直接起诉", "复议后起诉"]


def test_t2_fmt2021_blocks() -> None:
    t2 = get_format("fmt2021").tables["t2"]
    captions = [c.text for c in t2.body if c.style == "caption"]
    assert captions == [f"第二十条第（{n}）项" for n in ("一", "五", "六", "八")]
    assert all(c.colspan == 4 for c in t2.body if c.style == "caption")
    assert [c.cell_id for c in t2.value_cells()] == [
        "s2.art20_1.regulations@issued",
        "s2.art20_1.regulations@repealed",
        "s2.art20_1.regulations@in_force",
        "s2.art20_1.normative_docs@issued",
        "s2.art20_1.normative_docs@repealed",
        "s2.art20_1.normative_docs@in_force",
        "s2.art20_5.licensing@decisions",
        "s2.art20_6.penalty@decisions",
        "s2.art20_6.coercion@decisions",
        "s2.art20_8.fees@fee_amount",
    ]
    fee = t2.find("s2.art20_8.fees@fee_amount")
    assert fee is not None and fee.value_type == "decimal" and fee.colspan == 3
    headers = [c.text for c in t2.body if c.style == "header"]
    assert "本年收费金额（单位：万元）" in headers


def test_t2_fmt2019_has_five_blocks() -> None:
    t2 = get_format("fmt2019").tables["t2"]
    captions = [c.text for c in t2.body if c.style == "caption"]
    assert captions == [f"第二十条第（{n}）项" for n in ("一", "五", "六", "八", "九")]
    ids = {c.cell_id for c in t2.value_cells()}
    assert "s2.art20_1.normative_docs@published_total" in ids
    assert "s2.art20_9.central_procurement@procurement_amount" in ids
    assert label_at(t2, 3, 0).text == "规范性文件"


def test_rules_refer_only_to_known_cells(national: Format) -> None:
    import re

    cells = national.all_cells()
    for rule in national.rules:
        assert rule["level"] in ("error", "warning")
        variables = rule.get("for_each", {})
        ((name, values),) = variables.items()
        for value in values:
            expr = rule["expr"].replace("{" + name + "}", value)
            for term in re.findall(r"[A-Za-z0-9_.@:]+", expr):
                if term.isdigit():
                    continue
                assert term.removeprefix("prev:") in cells, (rule["id"], term)
