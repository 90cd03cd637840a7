"""批量检查 of a generated folder of 50 reports: each planted slip shows up in the batch table,
in the .xlsx read back with openpyxl, in the .csv and on the command line."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import openpyxl
import pytest
from batch_data import Folder, clean_report, make_folder, report_text

import main
from model.batch.check_folder import BatchCheck, check_all
from model.batch.entries import (
    COLUMNS,
    KIND_DEPARTMENT,
    KIND_GOVERNMENT,
    KIND_TOWNSHIP,
    BatchEntry,
    BatchResult,
    agency_kind,
)
from model.batch.files import report_files
from model.errors import ReportImportError
from model.findings import ERROR, WARNING
from model.importers.exchange import write_exchange_file
from model.importers.text import import_file
from model.store.report_store import ReportStore

HAS_DOCX_WRITER = importlib.util.find_spec("docx") is not None


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Folder:
    return make_folder(tmp_path_factory.mktemp("reports"), 50, with_docx=HAS_DOCX_WRITER)


@pytest.fixture(scope="module")
def result(folder: Folder) -> BatchResult:
    return check_all([folder.path])


def entry(result: BatchResult, name: str) -> BatchEntry:
    (found,) = [e for e in result.entries if e.name == name]
    return found


def ids(e: BatchEntry) -> list[str]:
    return [f.id for f in e.active_findings()]


def test_every_file_of_the_folder_is_one_row(folder: Folder, result: BatchResult) -> None:
    assert len(folder.files) == 50
    assert sorted(e.name for e in result.entries) == sorted(p.name for p in folder.files)
    assert result.main_year == 2025


def test_a_clean_report_has_no_finding_and_its_narrative_matches(
    folder: Folder, result: BatchResult
) -> None:
    clean = entry(result, folder.clean_2025[0])
    assert (clean.errors, clean.warnings, clean.pending) == (0, 0, 0)
    assert clean.narrative == "一致"
    assert clean.agency.startswith("示范区")


def test_broken_identity_is_an_error(folder: Folder, result: BatchResult) -> None:
    broken = entry(result, folder.broken_identity)
    assert broken.errors == 1
    assert ids(broken) == ["R3.1@natural_person"]
    assert broken.status == ERROR


def test_narrative_figure_is_flagged(folder: Folder, result: BatchResult) -> None:
    narrative = entry(result, folder.narrative)
    assert narrative.narrative == "不一致（1 处）"
    assert [f.level for f in narrative.active_findings()] == [WARNING]
    assert ids(narrative)[0].startswith("H4@received")


def test_carry_over_is_compared_with_last_years_report_in_the_folder(
    folder: Folder, result: BatchResult
) -> None:
    this_year = entry(result, folder.carry_this_year)
    assert this_year.previous_from == folder.carry_last_year
    assert "H1@natural_person" in ids(this_year)
    (h1,) = [f for f in this_year.findings if f.id == "H1@natural_person"]
    assert "9" in h1.message
    last_year = entry(result, folder.carry_last_year)
    assert "B2@year" not in ids(last_year)  # read for 结转, not a stray year


def test_carry_over_from_the_store_when_last_year_is_not_in_the_folder(tmp_path: Path) -> None:
    last_year = clean_report(3, year=2024)
    last_year.cells["s3.carry_to_next_year@org_other"] = 40
    store_path = tmp_path / "reports.json"
    with ReportStore(store_path) as store:
        store.put(last_year)
    write_exchange_file(clean_report(3), tmp_path / "this.nianbao.json")
    (this_year,) = check_all([tmp_path / "this.nianbao.json"], store_path).entries
    assert this_year.previous_from == "数据文件"
    (h1,) = [f for f in this_year.findings if f.id == "H1@org_other"]
    assert "40" in h1.message
    assert check_all([tmp_path / "this.nianbao.json"]).entries[0].previous_from == ""


def test_same_agency_twice_is_flagged_on_both_files(folder: Folder, result: BatchResult) -> None:
    first, second = (entry(result, name) for name in folder.duplicates)
    assert first.agency == second.agency
    assert "B1@duplicate" in ids(first)
    assert "B1@duplicate" in ids(second)
    (note,) = [f for f in first.findings if f.id == "B1@duplicate"]
    assert second.name in note.message
    others = [e for e in result.entries if e not in (first, second)]
    assert not any("B1@duplicate" in ids(e) for e in others)


def test_a_year_unlike_the_others_is_flagged(folder: Folder, result: BatchResult) -> None:
    odd = entry(result, folder.odd_year)
    assert odd.year == 2023
    assert "B2@year" in ids(odd)
    flagged = [e.name for e in result.entries if "B2@year" in ids(e)]
    assert flagged == [folder.odd_year]


def test_an_unreadable_file_is_a_row_with_its_error(folder: Folder, result: BatchResult) -> None:
    bad = entry(result, folder.unreadable)
    assert bad.report is None
    assert bad.error and folder.unreadable in bad.error
    assert bad.errors == 1
    assert bad.status == "B0"
    # and the batch went on after it
    assert sum(1 for e in result.entries if e.report is not None) >= 45


def test_a_reader_crashing_on_one_file_does_not_end_the_batch(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(report_text(clean_report(7)), encoding="utf-8")

    def reader(path: Path):  # type: ignore[no-untyped-def]
        if path.name == "b.txt":
            raise ValueError("damaged table")
        result = import_file(path)
        return result.report, result.warnings

    entries = BatchCheck(report_files([tmp_path]), reader=reader).run().entries
    assert [e.report is not None for e in entries] == [True, False, True]
    assert "damaged table" in entries[1].error


def test_text_reports_are_read_with_the_same_importers(folder: Folder, result: BatchResult) -> None:
    (name,) = [n for n in folder.by_type["txt"] if n != folder.duplicates[1]]
    text_entry = entry(result, name)
    assert text_entry.report is not None
    assert text_entry.file_kind == "文本"
    assert text_entry.agency == "示范区第10街道办事处"
    assert text_entry.year == 2025


def _reads(suffix: str) -> bool:
    """Whether the importers read this file type yet (the readers arrive with the import work)."""
    import tempfile

    probe = {".html": b"<html><body><h1>x</h1></body></html>", ".docx": b"PK\x03\x04"}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"probe{suffix}"
        path.write_bytes(probe.get(suffix, b"%PDF-1.4"))
        try:
            import_file(path)
        except ReportImportError as exc:
            return "不是纯文本" not in str(exc) and "看起来不是文本" not in str(exc)
    return True


@pytest.mark.parametrize("kind", ["html", "docx", "pdf"])
def test_word_pdf_and_web_reports_are_read_when_their_reader_is_there(
    folder: Folder, result: BatchResult, kind: str
) -> None:
    if kind == "docx" and not HAS_DOCX_WRITER:
        pytest.skip("python-docx is not installed: no .docx could be written")
    (name,) = [n for n in folder.by_type[kind] if n.endswith(f"_{kind}.{kind}")]
    row = entry(result, name)
    assert row.file_kind == {"html": "网页", "docx": "Word", "pdf": "PDF"}[kind]
    if not _reads(f".{kind}"):
        assert row.report is None and row.error  # still a row, with the reader's refusal
        pytest.skip(f"the importers do not read .{kind} yet")
    assert row.report is not None, row.error
    assert row.year == 2025
    if kind != "pdf":  # a PDF's title wraps over two lines, which the reader may not join
        assert row.agency.startswith("示范区")
    assert row.report.sections.get("s5"), "the sections were found"


def test_folders_skip_temporary_and_unrelated_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "~$a.docx").write_bytes(b"lock")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "b.cells.json").write_text("{}", encoding="utf-8")
    given = tmp_path / "sub" / "a.txt"
    assert report_files([tmp_path, given]) == [given]


def test_agency_kinds_for_filtering() -> None:
    assert agency_kind("示范区东3镇人民政府") == KIND_TOWNSHIP
    assert agency_kind("示范区第1街道办事处") == KIND_TOWNSHIP
    assert agency_kind("某某乡") == KIND_TOWNSHIP
    assert agency_kind("示范区人民政府") == KIND_GOVERNMENT
    assert agency_kind("示范区教育局") == KIND_DEPARTMENT
    assert agency_kind("") == ""


def test_stopping_the_batch_keeps_the_rows_read(folder: Folder) -> None:
    batch = BatchCheck(folder.files[:10])
    steps = batch.steps()
    for _ in range(4):
        next(steps)
    steps.close()  # what 取消 does
    assert len(batch.entries) == 4
    assert not batch.finished
    assert batch.total == 20


# --- the files written -----------------------------------------------------------------------


def test_xlsx_has_the_table_and_one_row_per_finding(
    folder: Folder, result: BatchResult, tmp_path: Path
) -> None:
    out = tmp_path / "检查结果.xlsx"
    code = main.main(["check-all", str(folder.path), "--xlsx", str(out), "--brief"])
    assert code == 1
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["检查结果", "问题清单"]
    rows = list(book["检查结果"].iter_rows(values_only=True))
    assert list(rows[0]) == [title for title, _ in COLUMNS]
    by_file = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert len(by_file) == 50
    assert by_file[folder.broken_identity]["错误"] == 1
    assert by_file[folder.narrative]["文字与表格"] == "不一致（1 处）"
    assert by_file[folder.carry_this_year]["上年报告"] == folder.carry_last_year
    assert by_file[folder.odd_year]["年度"] == 2023
    assert folder.unreadable in by_file[folder.unreadable]["读取说明"]
    findings = list(book["问题清单"].iter_rows(values_only=True))
    header = findings[0]
    listed = {(r[0], r[header.index("编号")]) for r in findings[1:]}
    expected = {
        (folder.broken_identity, "R3.1@natural_person"),
        (folder.carry_this_year, "H1@natural_person"),
        (folder.duplicates[0], "B1@duplicate"),
        (folder.duplicates[1], "B1@duplicate"),
        (folder.odd_year, "B2@year"),
        (folder.unreadable, "B0@read"),
    }
    assert expected <= listed
    assert any(f == folder.narrative and i.startswith("H4@") for f, i in listed)
    total_findings = sum(len(e.findings) for e in result.entries)
    assert len(findings) - 1 == total_findings
    levels = {r[header.index("级别")] for r in findings[1:]}
    assert {"错误", "提醒"} <= levels


def test_csv_has_the_same_table(folder: Folder, tmp_path: Path) -> None:
    out = tmp_path / "检查结果.csv"
    assert main.main(["check-all", str(folder.path), "--csv", str(out), "--brief"]) == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on Chinese Windows reads it as UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 50
    by_file = {r["文件"]: r for r in rows}
    assert by_file[folder.broken_identity]["错误"] == "1"
    assert by_file[folder.odd_year]["年度"] == "2023"


def test_command_line_prints_a_line_per_report_and_the_slips(
    folder: Folder, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.main(["check-all", str(folder.path)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    summaries = [line for line in lines if not line.startswith("\t")]
    assert len(summaries) == 50

    def block(name: str) -> str:
        start = next(i for i, line in enumerate(lines) if line.startswith(name + "\t"))
        end = next(
            (i for i in range(start + 1, len(lines)) if not lines[i].startswith("\t")),
            len(lines),
        )
        return "\n".join(lines[start:end])

    assert "错误 1" in block(folder.broken_identity)
    assert "R3.1@natural_person" in block(folder.broken_identity)
    assert "不一致（1 处）" in block(folder.narrative)
    assert "H1@natural_person" in block(folder.carry_this_year)
    assert "B1@duplicate" in block(folder.duplicates[0])
    assert "B2@year" in block(folder.odd_year)
    assert "无法读取" in block(folder.unreadable)
    assert "共 50 份" in captured.err


def test_command_line_exits_0_when_no_report_has_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for number in (21, 22):
        write_exchange_file(clean_report(number), tmp_path / f"{number}.nianbao.json")
    assert main.main(["check-all", str(tmp_path)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_command_line_refuses_a_missing_or_empty_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.main(["check-all", str(tmp_path / "nowhere")]) == 2
    assert "找不到" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main.main(["check-all", str(tmp_path / "empty")]) == 2
    assert "没有可检查的报告文件" in capsys.readouterr().err


def test_reports_are_not_stored(folder: Folder, tmp_path: Path) -> None:
    store = tmp_path / "reports.json"
    main.main(["check-all", str(folder.path), "--store", str(store), "--brief"])
    assert not store.exists()


def test_slips_in_word_web_and_pdf_files_show_up_like_in_exchange_files(
    folder: Folder, result: BatchResult
) -> None:
    """The importers read the tables of these files, so the same checks find the same slips."""
    assert folder.typed_slips
    for name, finding_id in folder.typed_slips.items():
        row = entry(result, name)
        if row.report is None and not _reads(row.path.suffix.lower()):
            pytest.skip(f"the importers do not read {row.path.suffix} yet")
        assert row.report is not None, row.error
        found = ids(row)
        assert any(i.startswith(finding_id) for i in found), (name, found)
        assert all(not i.startswith("R") for i in found if not i.startswith(finding_id)), found


def test_last_years_report_may_be_another_kind_of_file(folder: Folder, result: BatchResult) -> None:
    assert folder.carry_last_year.endswith(".html")
    assert entry(result, folder.carry_last_year).year == 2024


def test_a_dismissed_warning_is_not_counted_but_listed_with_its_note(tmp_path: Path) -> None:
    report = clean_report(2)
    report.sections["s1"][1] = report.sections["s1"][1].replace("公开申请", "公开申请1", 1)
    write_exchange_file(report, tmp_path / "a.nianbao.json")
    (before,) = check_all([tmp_path]).entries
    (narrative,) = [f for f in before.findings if f.id.startswith("H4@")]
    assert before.warnings == 1 and before.narrative == "不一致（1 处）"
    report.dismissed[narrative.id] = "原文如此，已核实"
    write_exchange_file(report, tmp_path / "a.nianbao.json")
    result = check_all([tmp_path])
    (after,) = result.entries
    assert after.warnings == 0 and after.narrative == "一致"
    out = tmp_path / "out.xlsx"
    from export.xlsx import export_batch

    export_batch(result, out, None)
    rows = list(openpyxl.load_workbook(out)["问题清单"].iter_rows(values_only=True))
    (row,) = [r for r in rows[1:] if r[4] == narrative.id]
    assert row[-1] == "原文如此，已核实"
