"""Tables written as text in a .txt: 「 | 」 rows, tab rows, one cell per line, aligned columns."""

from __future__ import annotations

import pytest

from model.importers.text import import_text

HEAD = (
    "某某局2023年政府信息公开工作年度报告\n一、总体情况\n全年工作正常开展。\n"
    "二、主动公开政府信息情况\n"
)
TAIL = "三、收到和处理政府信息公开申请情况\n本年未收到申请。\n"
EXPECTED = {
    "s2.art20_1.regulations@issued": 1,
    "s2.art20_1.regulations@repealed": 0,
    "s2.art20_1.regulations@in_force": 3,
    "s2.art20_1.normative_docs@issued": 2,
    "s2.art20_1.normative_docs@repealed": 1,
    "s2.art20_1.normative_docs@in_force": 12,
    "s2.art20_5.licensing@decisions": 45,
    "s2.art20_8.fees@fee_amount": 1.5,
}
LAYOUTS = {
    "bars": "第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
    "规章 | 1 | 0 | 3\n行政规范性文件 | 2 | 1 | 12\n第二十条第（五）项\n"
    "信息内容 | 本年处理决定数量\n行政许可 | 45\n第二十条第（八）项\n"
    "信息内容 | 本年收费金额（单位：万元）\n行政事业性收费 | 1.5\n",
    "tabs": "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
    "规章\t1\t0\t3\n行政规范性文件\t2\t1\t12\n第二十条第（五）项\n行政许可\t45\n"
    "第二十条第（八）项\n行政事业性收费\t15000元\n",
    "one cell per line": "第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
    "规章\n1\n0\n3\n行政 规范性 文件\n2\n1\n12\n第二十条第（五）项\n信息内容\n本年处理决定数量\n"
    "行政许可\n45\n第二十条第（八）项\n行政事业性收费\n1.5\n",
    "aligned": "第二十条第（一）项\n信息内容      本年制发件数  本年废止件数  现行有效件数\n"
    "规章              1            0            3\n"
    "行政规范性文件    2            1           12\n"
    "行政许可         45\n行政事业性收费   1.5\n",
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_table_written_as_text_fills_its_cells(layout: str) -> None:
    result = import_text(HEAD + LAYOUTS[layout] + TAIL)
    report = result.report
    assert report.format == "fmt2021" and report.year == 2023
    assert {k: report.cells.get(k) for k in EXPECTED} == EXPECTED
    assert report.sections["s1"] == ["全年工作正常开展。"]
    assert report.sections["s3"] == ["本年未收到申请。"]
    assert "s2" not in report.sections  # the table's lines are the table, not text
    assert report.unplaced == []
    if layout == "tabs":
        assert any("15000元" in n and "1.5 万元" in n for n in result.summary.notes)  # type: ignore[union-attr]


def test_table_labels_are_never_headings() -> None:
    text = HEAD + TAIL + "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3\n"
    text += "四、结转下年度继续办理 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n问题。\n"
    report = import_text(text).report
    assert report.cells["s3.new_this_year@natural_person"] == 3
    assert report.stated_totals["s3.new_this_year@total"] == 3
    assert report.cells["s3.carry_to_next_year@natural_person"] == 0
    assert report.sections["s5"] == ["问题。"]


def test_without_a_year_the_tables_tell_2019_from_2021() -> None:
    text = (
        "一、总体情况\n工作正常开展。\n二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n规章 | 0 | 0 | 2\n"
    )
    report = import_text(text).report
    assert report.year is None and report.format == "fmt2019"
    assert report.cells["s2.art20_1.regulations@published_total"] == 2
    bare = import_text(text.replace("本年新制作数量 | 本年新公开数量 | 对外公开总数量", "")).report
    assert bare.format == "fmt2021"  # nothing tells them apart: the newest


def test_structure_of_another_format_than_the_years_is_warned() -> None:
    text = (
        "某某局2020年政府信息公开工作年度报告\n一、概述\n概述。\n二、主动公开政府信息以及公开平台建设情况\n"
        "公开情况。\n三、政府信息公开申请的办理情况\n无。\n四、政府信息公开收费及减免情况\n无。\n"
    )
    result = import_text(text)
    assert result.report.format == "fmt2019"  # the year decides
    assert any("2020 年" in w and "标题结构更像" in w for w in result.warnings)
