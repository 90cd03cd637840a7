"""Reports built from real published figures, for the check tests and the benchmark.

* 上海 2019 (fmt2019, S10): 自然人 821 + 18 = 767 + 72; 总计 859 + 18 = 805 + 72;
  表四 5+0+0+2, 8+0+0+1.
* 测试市 2025 (fmt2021, S11 fixture): 新收 14069, 上年结转 560, 办理结果 13810, 结转 819;
  表四 376+97+196+121, 16+1+12+27, 74+1+30+51.
* 洋河新区 2025 (S11 docs): 自然人 60 + 0 ≠ 61 + 0, 其他 1 + 0 ≠ 0 + 0, 总计 balances.
"""

from __future__ import annotations

import copy
from typing import Any

from model.formats import Format, get_format, parse_format
from model.report import Report

COLUMNS = (
    "natural_person",
    "org_commercial",
    "org_research",
    "org_public_welfare",
    "org_legal_service",
    "org_other",
)


def zero_report(format_id: str, year: int, agency: str = "测试市人民政府办公室") -> Report:
    """Every input cell 0 (an explicit 0, not a blank)."""
    fmt = get_format(format_id)
    report = Report(format=format_id, agency=agency, year=year)
    for cell in fmt.all_cells().values():
        if not cell.is_computed and cell.cell_id:
            report.cells[cell.cell_id] = 0
    return report


def set_t4(
    report: Report, review: tuple[int, ...], direct: tuple[int, ...], after: tuple[int, ...]
) -> None:
    for group, values in (
        ("s4.review", review),
        ("s4.lit_direct", direct),
        ("s4.lit_after_review", after),
    ):
        for measure, value in zip(("upheld", "corrected", "other", "pending"), values, strict=True):
            report.cells[f"{group}.{measure}"] = value


def shanghai_2019() -> Report:
    r = zero_report("fmt2019", 2019, "上海市人民政府办公厅")
    r.cells["s3.new_this_year@natural_person"] = 821
    r.cells["s3.carried_over@natural_person"] = 18
    for row, value in zip(
        (
            "granted",
            "partial",
            "denied.third_party",
            "denied.process_info",
            "denied.internal_affairs",
            "denied.law_forbidden",
            "unable.not_held",
            "unable.needs_creation",
            "unable.unclear",
            "not_processed.petition",
            "not_processed.repeat",
        ),
        (258, 3, 14, 5, 3, 10, 252, 44, 25, 148, 5),
        strict=True,
    ):
        r.cells[f"s3.result.{row}@natural_person"] = value
    r.cells["s3.carry_to_next_year@natural_person"] = 72
    r.cells["s3.new_this_year@org_commercial"] = 30
    r.cells["s3.result.granted@org_commercial"] = 30
    r.cells["s3.new_this_year@org_other"] = 8
    r.cells["s3.result.other@org_other"] = 8
    set_t4(r, (5, 0, 0, 2), (8, 0, 0, 1), (0, 0, 0, 0))
    return r


def city_2025() -> Report:
    r = zero_report("fmt2021", 2025, "测试市人民政府办公室")
    new = dict(zip(COLUMNS, (13612, 252, 0, 45, 128, 32), strict=True))
    for column, value in new.items():
        r.cells[f"s3.new_this_year@{column}"] = value
        if column != "natural_person":
            r.cells[f"s3.result.granted@{column}"] = value
    r.cells["s3.carried_over@natural_person"] = 560
    r.cells["s3.carry_to_next_year@natural_person"] = 819
    # 13612 + 560 - 819 = 13353 results in the 自然人 column
    r.cells["s3.result.granted@natural_person"] = 12000
    r.cells["s3.result.partial@natural_person"] = 853
    r.cells["s3.result.unable.not_held@natural_person"] = 400
    r.cells["s3.result.not_processed.repeat@natural_person"] = 90
    r.cells["s3.result.other.fee_unpaid@natural_person"] = 10
    set_t4(r, (376, 97, 196, 121), (16, 1, 12, 27), (74, 1, 30, 51))
    r.cells["s2.art20_1.regulations@issued"] = 3
    r.cells["s2.art20_1.regulations@repealed"] = 1
    r.cells["s2.art20_1.regulations@in_force"] = 40
    r.cells["s2.art20_1.normative_docs@issued"] = 25
    r.cells["s2.art20_1.normative_docs@repealed"] = 6
    r.cells["s2.art20_1.normative_docs@in_force"] = 210
    r.cells["s2.art20_6.penalty@decisions"] = 1520
    r.cells["s2.art20_8.fees@fee_amount"] = 12.5
    r.meta["title"] = "测试市人民政府办公室2025年政府信息公开工作年度报告"
    r.preamble = ["本年度报告中所列数据统计期限为2025年1月1日至12月31日。"]
    r.sections = {
        "s1": [
            "（一）主动公开。2025年，全市制发行政规范性文件25件，作出行政处罚决定1520件。",
            "（二）依申请公开。全年共收到政府信息公开申请14069件，上年结转560件。"
            "其中予以公开12457件，部分公开853件；结转下年度继续办理819件。",
            "（三）行政复议和行政诉讼。本年发生行政复议790件，行政诉讼212件。",
        ],
        "s5": [
            "一是依申请公开答复规范性有待提高；二是政策解读形式较为单一。下一步将加强业务培训，丰富解读形式。"
        ],
        "s6": [
            "依据《政府信息公开信息处理费管理办法》规定，2025年全市实际收取信息处理费共计400元，收取行政事业性收费12.5万元。"
        ],
    }
    return r


def yanghe_2025() -> Report:
    r = zero_report("fmt2021", 2025, "洋河新区管理委员会")
    r.cells["s3.new_this_year@natural_person"] = 60
    r.cells["s3.result.granted@natural_person"] = 61
    r.cells["s3.new_this_year@org_other"] = 1
    return r


def typed_totals_format(format_id: str = "fmt2021") -> Format:
    """The same format with every 总计 typed instead of computed: how a published report's
    totals arrive, and the only way R3.2, R3.3 and R4.1 can fail outright."""
    raw: dict[str, Any] = copy.deepcopy(get_format(format_id).raw)
    for table in raw["tables"].values():
        for row in table["body"]:
            for cell in row:
                cell.pop("sum", None)
    raw["id"] = f"{format_id}_typed"
    return parse_format(raw)
