"""Moving a report into another format keeps every word and every number somewhere."""

from __future__ import annotations

from pathlib import Path

from model.convert import convert_report, target_section_for
from model.formats import get_format
from model.importers.text import import_file
from model.report import NOT_APPLICABLE, Report


def _words(report: Report) -> str:
    return "\n".join(
        [*(p for ps in report.sections.values() for p in ps), *report.unplaced, *report.preamble]
    )


def test_sample_2017_into_fmt2021_keeps_every_paragraph(sample_text_path: Path) -> None:
    source = import_file(sample_text_path).report
    result = convert_report(source, get_format("fmt2021"))
    converted = result.report
    assert converted.format == "fmt2021" and source.format == "legacy2008"
    assert set(converted.sections) <= {s.id for s in get_format("fmt2021").sections}
    text = _words(converted)
    for paragraphs in source.sections.values():
        for paragraph in paragraphs:
            assert paragraph in text
    assert converted.preamble == source.preamble and converted.meta == source.meta
    # The twelve parts land where their headings say (the recommendation for old reports).
    assert source.sections["L11"][0] == converted.sections["s5"][0]
    assert source.sections["L8"][0] in converted.sections["s4"]
    assert "（一）概述" in converted.sections["s1"]
    assert any("政府信息公开收费及减免情况" in p for p in converted.sections["s6"])
    assert result.notes


def test_heading_without_a_place_goes_to_unplaced() -> None:
    legacy = get_format("legacy2008")
    report = Report(format="legacy2008", agency="某局", year=2016)
    report.sections = {"L1": ["概况一段。"], "X9": ["一段无处可放的文字。"]}
    result = convert_report(report, get_format("fmt2021"), legacy)
    assert "一段无处可放的文字。" in result.report.unplaced
    assert result.unplaced == result.report.unplaced[-len(result.unplaced) :]
    assert result.report.sections["s1"] == ["概况一段。"]
    assert any("未归类内容" in n for n in result.notes)


def test_headings_map_by_keyword() -> None:
    fmt = get_format("fmt2021")
    assert target_section_for("十一、存在的主要问题和改进措施", "L11", fmt).id == "s5"  # type: ignore[union-attr]
    assert target_section_for("三、发布解读、回应社会关切", "L3", fmt).id == "s1"  # type: ignore[union-attr]
    assert target_section_for("八、因政府信息公开申请行政复议", "L8", fmt).id == "s4"  # type: ignore[union-attr]
    assert target_section_for("七、政府信息公开收费及减免情况", "L7", fmt).id == "s6"  # type: ignore[union-attr]
    assert target_section_for("十三、附录：大事记", "L13", fmt) is None


def test_fmt2019_to_fmt2021_cells_follow_their_meaning() -> None:
    report = Report(format="fmt2019", agency="某局", year=2020)
    report.cells = {
        "s3.new_this_year@natural_person": 5,
        "s3.result.other@natural_person": 2,
        "s3.result.other@org_research": NOT_APPLICABLE,
        "s2.art20_1.regulations@new_made": 3,
        "s2.art20_9.central_procurement@procurement_amount": 12.5,
        "s4.review.upheld": 1,
    }
    result = convert_report(report, get_format("fmt2021"))
    cells = result.report.cells
    assert cells["s3.new_this_year@natural_person"] == 5
    assert cells["s3.result.other.other@natural_person"] == 2
    assert cells["s3.result.other.other@org_research"] == NOT_APPLICABLE
    assert cells["s2.art20_1.regulations@issued"] == 3
    assert cells["s4.review.upheld"] == 1
    assert not any(cid.startswith("s2.art20_9") for cid in cells)
    assert any("采购总金额" in line and "12.5" in line for line in result.report.unplaced)
    fmt2021 = get_format("fmt2021")
    assert all(cid in fmt2021.all_cells() for cid in cells)


def test_fmt2021_to_fmt2019_adds_the_split_rows_back() -> None:
    report = Report(format="fmt2021", agency="某局", year=2021)
    report.cells = {
        "s3.result.other.no_correction@total": 0,
        "s3.result.other.fee_unpaid@natural_person": 2,
        "s3.result.other.other@natural_person": 1,
        "s2.art20_8.fees@fee_amount": 0.5,
    }
    result = convert_report(report, get_format("fmt2019"))
    cells = result.report.cells
    assert cells["s3.result.other@natural_person"] == 3
    assert "s3.result.other@total" not in cells  # computed in fmt2019, never stored
    assert any("0.5" in line for line in result.report.unplaced)


def test_source_report_is_untouched_and_same_format_is_a_copy(sample_text_path: Path) -> None:
    source = import_file(sample_text_path).report
    before = source.to_dict()
    same = convert_report(source, get_format("legacy2008"))
    assert same.report is not source and same.report.sections == source.sections
    convert_report(source, get_format("fmt2021"))
    assert source.to_dict() == before


def test_unplaced_and_copy_mark_round_trip_through_the_document() -> None:
    report = Report(format="fmt2021", agency="某局", year=2025)
    report.unplaced = ["一段"]
    report.is_copy = True
    again = Report.from_dict(report.to_dict())
    assert again.unplaced == ["一段"] and again.is_copy
    again.set_meta("title", "某局2025年政府信息公开工作年度报告（修订）")
    assert not again.is_copy
    plain = Report(format="fmt2021").to_dict()
    assert "unplaced" not in plain and "is_copy" not in plain


def test_year_of_another_format_is_offered_its_format(sample_text_path: Path) -> None:
    from model.convert import format_for_new_year

    report = import_file(sample_text_path).report
    assert format_for_new_year(report) is None  # 2017 fits the old format
    report.set_year(2025)
    offered = format_for_new_year(report)
    assert offered is not None and offered.id == "fmt2021"
    report.set_year(2020)
    assert format_for_new_year(report).id == "fmt2019"  # type: ignore[union-attr]
    report.set_year(None)
    assert format_for_new_year(report) is None


def test_converting_in_the_store_keeps_the_old_version_in_the_trash(
    store, sample_text_path: Path
) -> None:
    from model.convert import convert_stored_report

    report = import_file(sample_text_path).report
    report.set_year(2025)
    store.put(report)
    result = convert_stored_report(store, report.id, get_format("fmt2021"))
    stored = store.get(report.id)
    assert stored.format == "fmt2021" and stored.year == 2025
    assert stored.sections == result.report.sections
    [trashed] = store.list_trash()
    assert trashed.id != report.id
    restored = store.restore(trashed.id)
    assert restored.format == "legacy2008" and restored.sections == report.sections
    assert any("回收站" in n for n in result.notes)


def test_own_headings_of_a_free_format_report_are_used() -> None:
    report = Report(format="legacy2008", agency="某镇", year=2016)
    report.set_own_sections(
        [
            ("x1", "一、基本情况"),
            ("x2", "二、人大代表建议和政协提案办理结果公开"),
            ("x3", "三、存在的不足"),
            ("x4", "四、附录：大事记"),
        ]
    )
    report.sections = {
        "x1": ["全年主动公开信息120条。"],
        "x2": ["办理建议5件。"],
        "x3": ["公开的及时性有待提高。"],
        "x4": ["3月，召开培训会。"],
    }
    report.unreviewed = ["meta", "x1", "x4"]
    result = convert_report(report, get_format("fmt2021"))
    converted = result.report
    assert converted.own_sections == []
    assert converted.sections["s1"] == ["全年主动公开信息120条。"]
    assert converted.sections["s6"] == ["办理建议5件。"]
    assert converted.sections["s5"] == ["公开的及时性有待提高。"]
    assert "四、附录：大事记" in converted.unplaced and "3月，召开培训会。" in converted.unplaced
    assert converted.unreviewed == ["meta", "s1"]
