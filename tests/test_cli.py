"""The command line: main.main(argv) in-process, and a few runs as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from checks_data import city_2025

import main
from export.pdf.render import PdfResult
from model.findings import ERROR, WARNING, Finding
from model.store.report_store import ReportStore

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def imported(capsys: pytest.CaptureFixture[str], store: Path, path: Path) -> str:
    code, out, err = run(capsys, "import", str(path), "--store", str(store))
    assert code == 0, err
    return out.strip()


def test_import_list_show(capsys: pytest.CaptureFixture[str], store: Path, sample_text_path: Path):
    report_id = imported(capsys, store, sample_text_path)
    code, out, _ = run(capsys, "--store", str(store), "list")
    assert code == 0
    assert out.splitlines() == [f"{report_id}\t2017\t市中区商务局\tlegacy2008"]
    code, out, _ = run(capsys, "show", report_id, "--store", str(store))
    doc = json.loads(out)
    with ReportStore(store) as opened:
        assert doc == opened.get(report_id).to_dict()
    assert doc["sections"]["L4"] == ["无"]


def test_import_uses_default_store_in_data_dir(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path, sample_text_path: Path
) -> None:
    code, out, _ = run(capsys, "import", str(sample_text_path))
    assert code == 0
    with ReportStore(isolated_data_dir / "reports.json") as opened:
        assert [s.id for s in opened.list_reports()] == [out.strip()]


def test_export_json_and_import_back_is_not_a_second_copy(
    capsys: pytest.CaptureFixture[str], store: Path, sample_text_path: Path, tmp_path: Path
) -> None:
    report_id = imported(capsys, store, sample_text_path)
    out_file = tmp_path / "out.nianbao.json"
    code, _, _ = run(capsys, "export", report_id, "--json", str(out_file), "--store", str(store))
    assert code == 0 and json.loads(out_file.read_text(encoding="utf-8"))["id"] == report_id
    code, out, err = run(capsys, "import", str(out_file), "--store", str(store))
    assert code == 0 and out.strip() == report_id and "没有再添加" in err
    code, out, _ = run(capsys, "list", "--store", str(store))
    assert len(out.splitlines()) == 1


def test_unreadable_file_exits_2_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], store: Path, tmp_path: Path, sample_text_path: Path
) -> None:
    code, out, err = run(capsys, "import", str(tmp_path / "没有.txt"), "--store", str(store))
    assert (code, out) == (2, "")
    assert "找不到文件" in err
    report_id = imported(capsys, store, sample_text_path)
    before = store.read_bytes()
    bad = tmp_path / "bad.nianbao.json"
    bad.write_text('{"schema_version": 1, "id": "ab', encoding="utf-8")
    code, _, err = run(capsys, "import", str(bad), "--store", str(store))
    assert code == 2 and "截断" in err
    assert store.read_bytes() == before
    code, _, err = run(capsys, "show", "ffffffff", "--store", str(store))
    assert code == 2 and "ffffffff" in err and report_id not in err


def test_list_of_missing_store_creates_nothing(
    capsys: pytest.CaptureFixture[str], store: Path
) -> None:
    code, out, err = run(capsys, "list", "--store", str(store))
    assert (code, out) == (0, "") and "还没有报告" in err
    assert not store.exists()


def fake_checks(monkeypatch: pytest.MonkeyPatch, findings: list[Finding]) -> list[Any]:
    calls: list[Any] = []

    def check(report: Any, fmt: Any, previous: Any) -> list[Finding]:
        calls.append((report.year, fmt.id, previous and previous.year))
        return findings

    monkeypatch.setattr("model.checks.engine.check", check)
    return calls


def test_check_prints_findings_and_exit_code(
    capsys: pytest.CaptureFixture[str],
    store: Path,
    sample_text_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report_id = imported(capsys, store, sample_text_path)
    warning = Finding("W1", WARNING, "提醒内容")
    calls = fake_checks(monkeypatch, [warning])
    code, out, _ = run(capsys, "check", report_id, "--store", str(store))
    assert (code, out) == (0, warning.line() + "\n")
    assert calls == [(2017, "legacy2008", None)]
    error = Finding("R3.1@total", ERROR, "总计不等")
    fake_checks(monkeypatch, [warning, error])
    code, out, _ = run(capsys, "check", report_id, "--store", str(store))
    assert code == 1 and out.splitlines() == [warning.line(), error.line()]


def test_check_finds_last_years_report(
    capsys: pytest.CaptureFixture[str],
    store: Path,
    sample_text_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    imported(capsys, store, sample_text_path)
    next_year = tmp_path / "2018.txt"
    text = sample_text_path.read_text(encoding="utf-8").replace(
        "2017年政府信息公开", "2018年政府信息公开"
    )
    next_year.write_text(text, encoding="utf-8")
    report_id = imported(capsys, store, next_year)
    calls = fake_checks(monkeypatch, [])
    code, _, err = run(capsys, "check", report_id, "--store", str(store))
    assert code == 0 and calls == [(2018, "legacy2008", 2017)] and "没有发现问题" in err


def test_check_with_real_checks_prints_the_known_findings(
    capsys: pytest.CaptureFixture[str], store: Path, sample_text_path: Path
) -> None:
    report_id = imported(capsys, store, sample_text_path)  # a consistent 2017 report
    code, out, err = run(capsys, "check", report_id, "--store", str(store))
    assert (code, out) == (0, "") and "没有发现问题" in err

    report = city_2025()  # 新收 自然人 13612: one more breaks R3.1 and the 总体情况 figure
    report.set_cell("s3.new_this_year@natural_person", 13613)
    with ReportStore(store) as opened:
        opened.put(report)
    code, out, _ = run(capsys, "check", report.id, "--store", str(store))
    lines = [line.split("\t") for line in out.splitlines()]
    assert code == 1
    assert [(level, finding_id) for level, finding_id, _ in lines] == [
        ("错误", "R3.1@natural_person"),  # one wrong cell: one error, not again the 总计 column's
        ("提醒", "H4@received@s1"),
    ]
    assert lines[0][2].startswith("表三“自然人”列：新收 13613 + 上年结转 560 = 14173，")
    assert "总计是 14070 件" in lines[1][2]


def test_export_pdf_from_exchange_file_prints_font_notes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_text_path: Path
) -> None:
    from model.importers.exchange import write_exchange_file
    from model.importers.text import import_file

    exchange = write_exchange_file(
        import_file(sample_text_path).report, tmp_path / "r.nianbao.json"
    )
    pdf = tmp_path / "报告.pdf"
    code, _, err = run(capsys, "export", str(exchange), "--pdf", str(pdf))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "使用的字体" in err


def test_export_needs_a_target(capsys: pytest.CaptureFixture[str], sample_text_path: Path) -> None:
    code, _, err = run(capsys, "export", str(sample_text_path))
    assert code == 2 and "--pdf" in err


def test_pdf_notes_list_missing_characters() -> None:
    from export.commands import pdf_notes
    from export.pdf.fonts import Substitution
    from export.pdf.typeset import MissingChar

    result = PdfResult(
        data=b"",
        pages=1,
        fonts_used={"仿宋": "FangSong"},
        substitutions=[Substitution("heiti", "FandolHei"), Substitution("kaiti", "FandolKai")],
        missing_chars=[MissingChar("𠀀", "L1"), MissingChar("𠀀", "L2"), MissingChar("䶮", "标题")],
    )
    notes = pdf_notes(result)
    assert notes[0] == "使用的字体：仿宋：FangSong"
    assert notes[1].count("。") == 1  # all stand-ins in one sentence
    assert "黑体和楷体" in notes[1] and "FandolHei、FandolKai" in notes[1]
    assert "设置 → 字体" in notes[1]
    assert "2 个字" in notes[2] and "「𠀀」（L1，L2）" in notes[2]


# --- the window and the streams -------------------------------------------------------------


def fake_gui(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []

    def run_window(store_path: Path | None = None, open_file: Path | None = None) -> int:
        calls.append((store_path, open_file))
        return 0

    module = types.ModuleType("gui.shell.app")
    module.run = run_window  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gui.shell.app", module)
    return calls


def test_window_gets_store_and_file(
    monkeypatch: pytest.MonkeyPatch, store: Path, isolated_data_dir: Path, tmp_path: Path
) -> None:
    calls = fake_gui(monkeypatch)
    (tmp_path / "a.nianbao.json").write_text("{}", encoding="utf-8")  # the file she clicked
    assert main.main([]) == 0
    assert main.main(["--store", str(store), str(tmp_path / "a.nianbao.json")]) == 0
    assert calls == [
        (isolated_data_dir / "reports.json", None),
        (store, tmp_path / "a.nianbao.json"),
    ]


def test_no_streams_in_a_windowed_app(
    monkeypatch: pytest.MonkeyPatch, store: Path, sample_text_path: Path
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main.main(["import", str(sample_text_path), "--store", str(store)]) == 0
    assert main.main(["import", "/nonexistent/x.txt", "--store", str(store)]) == 2


def test_command_line_runs_without_qt_as_a_subprocess(
    tmp_path: Path, sample_text_path: Path
) -> None:
    store = tmp_path / "s.json"
    code = (
        "import sys, main; rc = main.main(sys.argv[1:]); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')]; sys.exit(rc)"
    )
    env_cmd = [sys.executable, "-c", code]
    done = subprocess.run(
        [*env_cmd, "import", str(sample_text_path), "--store", str(store)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    report_id = done.stdout.strip()
    done = subprocess.run(
        [sys.executable, "main.py", "list", "--store", str(store)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.stdout.startswith(report_id + "\t2017\t市中区商务局")
    done = subprocess.run(
        [sys.executable, "main.py", "import", str(tmp_path / "无.txt"), "--store", str(store)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 2 and "找不到文件" in done.stderr and done.stdout == ""


def test_bad_arguments_return_2_with_chinese_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import")
    assert code == 2 and "缺少参数" in err
    code, _, err = run(capsys, "list", "--bogus")
    assert code == 2 and "无法识别的参数" in err
    code, out, _ = run(capsys, "export", "-h")
    assert code == 0 and "--pdf" in out


def test_help_is_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["export", "-h"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：nianbao export")
    assert "选项" in out and "显示本说明后退出" in out
    assert "usage" not in out and "options" not in out


def test_a_mistyped_command_is_not_opened_as_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["lst"]) == 2
    err = capsys.readouterr().err
    assert "「lst」既不是命令，也不是存在的文件" in err and "list" in err
