"""One report per agency and year: the question's three answers, in the model and on the
command line."""

from __future__ import annotations

from pathlib import Path

import pytest

import main
from model.duplicates import (
    DuplicateChoice,
    duplicate_groups,
    existing_reports,
    place_report,
)
from model.report import Report
from model.store.report_store import ReportStore


def _report(agency: str = "市中区商务局", year: int | None = 2025) -> Report:
    report = Report(format="fmt2021", agency=agency, year=year)
    report.set_meta("title", f"{agency}{year}年政府信息公开工作年度报告")
    return report


def test_no_duplicate_is_simply_stored(store: ReportStore) -> None:
    first = _report()
    placed = place_report(store, first, None)
    assert placed.stored and placed.report_id == first.id and not placed.kept_as_copy
    other_year = _report(year=2024)
    other_agency = _report(agency="市中区财政局")
    for report in (other_year, other_agency):
        assert not place_report(store, report, None).kept_as_copy
    assert len(store.list_reports()) == 3
    assert not any(s.is_copy for s in store.list_reports())


def test_open_existing_stores_nothing(store: ReportStore) -> None:
    first = _report()
    store.put(first)
    second = _report(agency=" 市中区 商务局")  # spaces do not make another agency
    placed = place_report(store, second, DuplicateChoice.OPEN_EXISTING)
    assert (placed.report_id, placed.stored) == (first.id, False)
    assert [s.id for s in store.list_reports()] == [first.id]


def test_replace_moves_the_old_one_to_the_trash(store: ReportStore) -> None:
    first = _report()
    first.set_preamble(["旧的前言"])
    store.put(first)
    second = _report()
    placed = place_report(store, second, DuplicateChoice.REPLACE)
    assert placed.replaced == [first.id]
    assert [s.id for s in store.list_reports()] == [second.id]
    assert [e.id for e in store.list_trash()] == [first.id]
    assert store.restore(first.id).preamble == ["旧的前言"]


def test_keep_both_marks_the_copy_until_renamed(store: ReportStore) -> None:
    first = _report()
    store.put(first)
    second = _report()
    placed = place_report(store, second, DuplicateChoice.KEEP_BOTH)
    assert placed.kept_as_copy
    summaries = {s.id: s for s in store.list_reports()}
    assert summaries[second.id].is_copy and not summaries[first.id].is_copy
    assert duplicate_groups(list(summaries.values())) == {first.id: 2, second.id: 2}
    copy = store.get(second.id)
    copy.set_agency("市中区商务局（机关服务中心）")
    store.put(copy)
    assert not store.get(second.id).is_copy
    assert existing_reports(store, _report()) and duplicate_groups(store.list_reports()) == {}


def test_report_without_year_or_agency_is_never_a_duplicate(store: ReportStore) -> None:
    store.put(_report(year=None))
    assert not place_report(store, _report(year=None), None).kept_as_copy
    store.put(_report(agency=""))
    assert not place_report(store, _report(agency=""), None).kept_as_copy


# --- command line ---------------------------------------------------------------------------


def edited_copy(sample: Path, folder: Path) -> Path:
    """The sample report as the clerk revised it: same agency and year, other content."""
    text = sample.read_bytes().decode("utf-8")
    revised = folder / "修改后.txt"
    revised.write_text(text.replace("无", "没有。", 1), encoding="utf-8")
    assert revised.read_text(encoding="utf-8") != text
    return revised


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_command_line_import_twice_warns_and_keeps_both(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_text_path: Path
) -> None:
    store_path = tmp_path / "store.json"
    code, first, err = _run(capsys, "import", str(sample_text_path), "--store", str(store_path))
    assert code == 0 and "副本" not in err
    revised = edited_copy(sample_text_path, tmp_path)
    code, second, err = _run(capsys, "import", str(revised), "--store", str(store_path))
    assert code == 0 and "同一机关同一年度" in err and "--replace" in err
    code, listed, _ = _run(capsys, "list", "--store", str(store_path))
    lines = sorted(listed.splitlines())
    assert len(lines) == 2
    assert f"{second.strip()}\t2017\t市中区商务局\tlegacy2008\t副本" in lines
    assert f"{first.strip()}\t2017\t市中区商务局\tlegacy2008" in lines


def test_command_line_replace_puts_the_old_one_in_the_trash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_text_path: Path
) -> None:
    store_path = tmp_path / "store.json"
    _, first, _ = _run(capsys, "import", str(sample_text_path), "--store", str(store_path))
    revised = edited_copy(sample_text_path, tmp_path)
    code, second, err = _run(
        capsys, "import", str(revised), "--replace", "--store", str(store_path)
    )
    assert code == 0 and "回收站" in err
    with ReportStore(store_path) as opened:
        assert [s.id for s in opened.list_reports()] == [second.strip()]
        assert [e.id for e in opened.list_trash()] == [first.strip()]
        assert not opened.get(second.strip()).is_copy
