"""以上年报告为基础新建 and the command line's import / new-from."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from import_docs import load, write_docx

from model.checks.engine import check
from model.errors import ReportDataError
from model.importers.text import import_file, import_text
from model.next_year import new_from
from model.report import Report
from model.sections import format_of

ROOT = Path(__file__).resolve().parent.parent


def test_fmt2021_report_gives_next_year_with_carry_over(tmp_path: Path) -> None:
    source = load("2019_shanghai_municipal_government_office")
    last = import_file(write_docx(source, tmp_path / "r.docx")).report
    last.year = 2023  # the same tables in a year of the national format
    last.format = "fmt2021"
    last.cells = {
        "s3.carry_to_next_year@natural_person": 70,
        "s3.carry_to_next_year@org_commercial": 2,
        "s3.new_this_year@natural_person": 800,
    }
    last.stated_totals = {"s3.carry_to_next_year@total": 72}
    last.meta["cutoff_date"] = "2023年12月31日"
    last.preamble = ["本报告中所列数据的统计期限为2023年1月1日至12月31日。"]
    last.sections["s1"] = ["2023年，我办认真落实《条例》。", "2023年度工作要点已完成。"]
    made = new_from(last)
    report = made.report
    assert (report.year, report.format, report.agency) == (2024, "fmt2021", last.agency)
    assert report.cells == {
        "s3.carried_over@natural_person": 70,
        "s3.carried_over@org_commercial": 2,
    }
    assert report.stated_totals == {} and report.id != last.id
    assert report.preamble == ["本报告中所列数据的统计期限为2024年1月1日至12月31日。"]
    assert report.sections["s1"][1] == "2024年度工作要点已完成。"
    assert report.sections["s1"][0] == "2023年，我办认真落实《条例》。"  # flagged, not changed
    assert any("2023年，我办" in m for m in made.year_mentions)
    assert report.meta["cutoff_date"] == "2024年12月31日"
    assert "2024" in report.meta["title"] and "2023" not in report.meta["title"]
    assert {"meta", "preamble", "s1"} <= set(report.unreviewed)
    assert last.year == 2023 and last.cells  # last year's report is untouched


def test_unreviewed_parts_warn_until_edited(tmp_path: Path) -> None:
    last = import_text(
        "某某局2023年政府信息公开工作年度报告\n一、总体情况\n2023年度工作很好。\n"
    ).report
    report = new_from(last).report
    ids = {f.id for f in check(report, format_of(report))}
    assert "unreviewed@s1" in ids
    report.set_paragraphs("s1", ["2024年度工作很好。"])
    report.mark_reviewed("s1")
    assert "unreviewed@s1" not in {f.id for f in check(report, format_of(report))}


def test_legacy_report_moves_into_the_six_parts_in_2019() -> None:
    text = (
        "某某局2018年政府信息公开工作年度报告\n一、概述\n概述内容。\n"
        "二、存在的主要问题和改进措施\n问题内容。\n"
    )
    last = import_text(text).report
    assert last.format == "legacy2008" and last.own_sections
    report = new_from(last).report
    assert report.format == "fmt2019" and report.own_sections == []
    assert report.sections["s1"] == ["概述内容。"]
    assert report.sections["s5"] == ["问题内容。"]


def test_free_format_next_year_keeps_its_own_headings() -> None:
    last = import_text(
        "某某局2016年政府信息公开工作年度报告\n一、概述\n2016年度概述。\n二、其他事项\n无。\n"
    ).report
    report = new_from(last).report
    assert report.format == "legacy2008" and report.year == 2017
    assert [h for _, h in report.own_sections] == ["一、概述", "二、其他事项"]
    assert report.sections[report.own_sections[0][0]] == ["2017年度概述。"]


def test_report_without_year_is_refused() -> None:
    with pytest.raises(ReportDataError, match="年度"):
        new_from(Report(format="fmt2021", agency="某某局"))


def _cli(*args: str, store: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--store", str(store), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_command_line_import_prints_the_import_report_and_new_from(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    source = load("2023_nilka_town")
    done = _cli("import", str(write_docx(source, tmp_path / "r.docx")), store=store)
    assert done.returncode == 0, done.stderr
    report_id = done.stdout.strip()
    assert "文件类型：Word 文档" in done.stderr and "表格：填入" in done.stderr
    made = _cli("new-from", report_id, store=store)
    assert made.returncode == 0, made.stderr
    new_id = made.stdout.strip()
    shown = json.loads(_cli("show", new_id, store=store).stdout)
    assert shown["year"] == 2024 and shown["format"] == "fmt2021"
    assert "未复核" in made.stderr


def test_command_line_simplify(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    path = write_docx(load("2010_leshan_legal_affairs_office_traditional"), tmp_path / "t.docx")
    kept = _cli("import", str(path), store=store)
    simplified = _cli("import", str(path), "--simplify", store=store)
    assert kept.returncode == 0 and simplified.returncode == 0, simplified.stderr
    first = json.loads(_cli("show", kept.stdout.strip(), store=store).stdout)
    second = json.loads(_cli("show", simplified.stdout.strip(), store=store).stdout)
    assert "公開" in json.dumps(first, ensure_ascii=False)
    assert "公開" not in json.dumps(second, ensure_ascii=False)
