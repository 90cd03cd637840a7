"""汇总: every statistics cell of the consolidated report is the sum of its parts; blanks are
counted and said; the workbook has a row per agency plus the total; the result checks clean."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from batch_data import clean_report

from export.xlsx import consolidation_workbook, save_workbook
from model.batch.consolidate import consolidate
from model.cells import effective_values
from model.checks.engine import check
from model.errors import ReportDataError
from model.findings import ERROR
from model.formats import get_format
from model.report import NOT_APPLICABLE, Report

FMT = get_format("fmt2021")
INPUTS = [c.cell_id for c in FMT.all_cells().values() if c.cell_id and not c.is_computed]


@pytest.fixture
def parts() -> list[Report]:
    return [clean_report(n) for n in range(30, 42)]


def test_every_input_cell_is_the_sum_of_the_parts(parts: list[Report]) -> None:
    result = consolidate(parts, "示范区人民政府", 2025)
    total = result.report
    assert total.format == "fmt2021" and total.year == 2025
    assert total.agency == "示范区人民政府"
    assert total.meta["title"] == "示范区人民政府2025年政府信息公开工作年度报告"
    for cell_id in INPUTS:
        values = [p.cells[cell_id] for p in parts]
        expected = round(sum(values), 4) if cell_id.endswith("fee_amount") else sum(values)
        assert total.cells[cell_id] == expected, cell_id
    assert not total.sections and not total.preamble  # the texts are hers to write
    assert result.blanks == {} and result.left_out == []


def test_the_computed_totals_are_the_sums_of_the_parts_totals(parts: list[Report]) -> None:
    total = effective_values(consolidate(parts, "示范区人民政府").report, FMT)
    per_part = [effective_values(p, FMT) for p in parts]
    for cell in FMT.all_cells().values():
        if cell.is_computed and cell.cell_id:
            assert total[cell.cell_id] == sum(v[cell.cell_id] for v in per_part)  # type: ignore[misc]


def test_the_consolidated_report_checks_clean_when_its_parts_do(parts: list[Report]) -> None:
    for part in parts:
        assert not [f for f in check(part, FMT) if f.level == ERROR]
    result = consolidate(parts, "示范区人民政府")
    assert not [f for f in check(result.report, FMT) if f.level == ERROR]


def test_a_broken_part_breaks_the_sum_the_same_way(parts: list[Report]) -> None:
    parts[0].cells["s3.result.granted@org_other"] = (
        int(parts[0].cells["s3.result.granted@org_other"]) + 5
    )  # type: ignore[arg-type]
    findings = check(consolidate(parts, "示范区人民政府").report, FMT)
    assert "R3.1@org_other" in [f.id for f in findings if f.level == ERROR]


def test_amounts_add_up_exactly() -> None:
    parts = [clean_report(n) for n in (1, 2, 3)]
    for part, fee in zip(parts, (0.1, 0.2, 1.25), strict=True):
        part.cells["s2.art20_8.fees@fee_amount"] = fee
    total = consolidate(parts, "示范区人民政府").report
    assert total.cells["s2.art20_8.fees@fee_amount"] == 1.55
    assert isinstance(total.cells["s2.art20_8.fees@fee_amount"], float)


def test_blanks_are_counted_and_said(parts: list[Report]) -> None:
    partial_cell = "s3.new_this_year@org_research"
    del parts[0].cells[partial_cell]
    del parts[3].cells[partial_cell]
    empty_cell = "s4.review.pending"
    for part in parts:
        del part.cells[empty_cell]
    result = consolidate(parts, "示范区人民政府")
    filled = [p.cells[partial_cell] for p in parts if partial_cell in p.cells]
    assert result.report.cells[partial_cell] == sum(filled)  # type: ignore[arg-type]
    assert empty_cell not in result.report.cells  # blank in every report: blank
    assert result.blanks[partial_cell] == [parts[0].agency, parts[3].agency]
    assert result.partial_cells == 1
    notes = "\n".join(result.notes())
    assert "1 个单元格在部分报告中空白" in notes
    assert "科研机构" in notes and parts[0].agency in notes
    assert "1 个单元格在所有报告中都空白" in notes


def test_not_applicable_counts_as_nothing(parts: list[Report]) -> None:
    cell = "s2.art20_8.fees@fee_amount"
    for part in parts:
        part.cells[cell] = NOT_APPLICABLE
    assert consolidate(parts, "示范区人民政府").report.cells[cell] == NOT_APPLICABLE
    parts[1].cells[cell] = 2.5
    assert consolidate(parts, "示范区人民政府").report.cells[cell] == 2.5


def test_reports_of_another_year_or_format_are_left_out_and_named(parts: list[Report]) -> None:
    old_year = clean_report(99, year=2024)
    other_format = Report(format="fmt2019", agency="示范区旧格式局", year=2025)
    result = consolidate([*parts, old_year, other_format], "示范区人民政府", 2025)
    assert result.parts == parts
    assert any(old_year.agency in note and "2024" in note for note in result.left_out)
    assert any("示范区旧格式局" in note for note in result.left_out)
    with pytest.raises(ReportDataError):
        consolidate([old_year], "示范区人民政府", 2025)
    with pytest.raises(ReportDataError):
        consolidate(parts, "  ")


def test_the_year_is_the_year_of_most_parts(parts: list[Report]) -> None:
    result = consolidate([*parts, clean_report(99, year=2024)], "示范区人民政府")
    assert result.report.year == 2025
    assert len(result.left_out) == 1


def test_workbook_has_a_row_per_agency_and_the_total(parts: list[Report], tmp_path: Path) -> None:
    del parts[2].cells["s3.carried_over@natural_person"]
    result = consolidate(parts, "示范区人民政府")
    path = save_workbook(consolidation_workbook(result, FMT), tmp_path / "汇总")
    assert path.name == "汇总.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["表二", "表三", "表四", "说明"]
    sheet = book["表三"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "机关"
    assert [r[0] for r in rows[1:]] == [p.agency for p in parts] + ["合计"]
    header = list(rows[0])
    t3 = FMT.tables["t3"]
    cells = [c.cell_id for c in t3.value_cells()]
    assert len(header) == 1 + len(cells)
    column = 1 + cells.index("s3.new_this_year@total")
    assert rows[-1][column] == sum(r[column] for r in rows[1:-1])  # type: ignore[misc]
    blank_column = 1 + cells.index("s3.carried_over@natural_person")
    assert rows[3][blank_column] is None  # a blank stays blank, never 0
    assert rows[-1][blank_column] == sum(r[blank_column] or 0 for r in rows[1:-1])  # type: ignore[misc]
    assert "新收" in header[column] or "本年新收" in header[column]
    notes = [r[0] for r in book["说明"].iter_rows(values_only=True)]
    assert any("部分报告中空白" in n for n in notes)


def test_five_hundred_reports_consolidate(parts: list[Report]) -> None:
    many = [clean_report(n) for n in range(500)]
    result = consolidate(many, "示范区人民政府")
    assert result.report.cells["s3.new_this_year@natural_person"] == sum(
        r.cells["s3.new_this_year@natural_person"]  # type: ignore[misc]
        for r in many
    )


def test_a_report_without_figures_or_a_second_one_of_an_agency_is_left_out(
    parts: list[Report],
) -> None:
    text_only = Report(format="fmt2021", agency="示范区只有正文局", year=2025)
    twice = clean_report(30)  # the same agency as parts[0]
    result = consolidate([*parts, text_only, twice], "示范区人民政府")
    assert result.parts == parts
    assert any("示范区只有正文局" in n and "没有任何数字" in n for n in result.left_out)
    assert any(parts[0].agency in n and "只计入了第一份" in n for n in result.left_out)
    assert result.blanks == {}


def test_command_line_consolidate(
    parts: list[Report], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import main
    from model.importers.exchange import write_exchange_file
    from model.importers.text import import_file

    folder = tmp_path / "reports"
    folder.mkdir()
    for number, part in enumerate(parts):
        write_exchange_file(part, folder / f"{number}.nianbao.json")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04bad")
    out = tmp_path / "汇总.nianbao.json"
    code = main.main(
        ["consolidate", str(folder), "--agency", "示范区人民政府", "--json", str(out),
         "--xlsx", str(tmp_path / "汇总.xlsx")]
    )  # fmt: skip
    assert code == 0
    said = capsys.readouterr().err
    assert "已汇总 12 份报告" in said and "broken.docx" in said
    total = import_file(out).report
    cell = "s3.carried_over@org_other"
    assert total.cells[cell] == sum(p.cells[cell] for p in parts)  # type: ignore[misc]
    assert openpyxl.load_workbook(tmp_path / "汇总.xlsx")["表三"].max_row == 14
    assert main.main(["consolidate", str(tmp_path / "empty"), "--agency", "某区"]) == 2
