"""Odd input and the files the clerk saves: lone surrogates, odd JSON, OS errors in Chinese,
permissions and folders of the atomic writer."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from doubles import cli, make_report, stored

from model.errors import (
    ExportError,
    ReportImportError,
    StoreError,
    StoreFileCorruptError,
)
from model.files import atomic_file
from model.files.os_errors import describe_os_error
from model.files.text_safety import make_report_safe, make_safe
from model.importers.exchange import write_exchange_file
from model.importers.text import import_exchange_text, import_file
from model.store.report_store import ReportStore

# --- odd text ---------------------------------------------------------------------------------


def test_make_safe_replaces_lone_surrogates_only() -> None:
    assert make_safe("正常𠀀文字") == ("正常𠀀文字", 0)
    assert make_safe("坏\ud800字\udfff") == ("坏\ufffd字\ufffd", 2)


def test_lone_surrogate_in_an_exchange_file_is_replaced_and_reported(tmp_path: Path) -> None:
    report = make_report()
    doc = report.to_dict()
    doc["meta"]["title"] = "标题"
    text = json.dumps(doc, ensure_ascii=True).replace("\\u6807\\u9898", "\\u6807\\ud800")
    result = import_exchange_text(text, "坏字符.nianbao.json")
    assert result.report.meta_value("title") == "标\ufffd"
    assert any("替换为「\ufffd」" in w for w in result.warnings)
    path = tmp_path / "reports.json"
    with ReportStore(path) as store:
        store.put(result.report)
        store.put(make_report("另一个机关"))  # later saves work too
    with ReportStore(path) as store:
        assert store.get(result.report.id).meta_value("title") == "标\ufffd"


def test_one_unsaveable_report_never_blocks_the_others(tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    good = make_report("好机关")
    stored(path, good)
    bad = make_report("坏机关")
    bad.set_paragraphs("s1", ["一段\ud800文字"])
    with ReportStore(path) as store:
        with pytest.raises(StoreError) as info:
            store.put(bad)
        message = str(info.value)
        assert "无法保存" in message and "磁盘" not in message and "其他报告不受影响" in message
        good.set_meta("phone", "0551-1234567")
        store.put(good)  # the next save of another report works
        store.put(make_report("第三个机关"))
        assert not store.contains(bad.id)
    with ReportStore(path) as store:
        assert store.get(good.id).meta_value("phone") == "0551-1234567"
        assert len(store.list_reports()) == 2
    assert make_report_safe(bad) == 1
    with ReportStore(path) as store:
        store.put(bad)  # once made safe it saves


def test_command_line_import_of_a_surrogate_prints_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = make_report()
    text = json.dumps(report.to_dict(), ensure_ascii=True)
    text = text.replace('"agency": "', '"agency": "\\udc80', 1)
    source = tmp_path / "x.nianbao.json"
    source.write_text(text, encoding="ascii")
    store = tmp_path / "reports.json"
    code, out, err = cli(capsys, "import", str(source), "--store", str(store))
    assert code == 0 and out.strip() == report.id
    assert "Traceback" not in err and "\ufffd" in err
    code, out, err = cli(capsys, "show", report.id, "--store", str(store))
    assert code == 0 and "\ufffd某某区" in out


# --- odd JSON ---------------------------------------------------------------------------------


def test_deeply_nested_json_is_refused_in_chinese(tmp_path: Path) -> None:
    deep = tmp_path / "deep.nianbao.json"
    deep.write_text("[" * 10_000 + "]" * 10_000, encoding="utf-8")
    with pytest.raises(ReportImportError, match="嵌套超过"):
        import_file(deep)


def test_too_many_values_are_refused(tmp_path: Path) -> None:
    many = tmp_path / "many.nianbao.json"
    many.write_text("[" + ",".join(["1"] * 300_000) + "]", encoding="utf-8")
    with pytest.raises(ReportImportError, match="数据项超过"):
        import_file(many)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_is_named_not_called_truncated(constant: str) -> None:
    doc = json.dumps(make_report().to_dict(), ensure_ascii=False)
    doc = doc.replace('"natural_person": 12', f'"natural_person": {constant}')
    doc = doc.replace(": 12", f": {constant}", 1)
    with pytest.raises(ReportImportError) as info:
        import_exchange_text(doc, "r.nianbao.json")
    assert constant in str(info.value) and "截断" not in str(info.value)


def test_deep_json_on_the_command_line_has_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"a":' * 10_000 + "1" + "}" * 10_000, encoding="utf-8")
    code, _, err = cli(capsys, "import", str(deep), "--store", str(tmp_path / "s.json"))
    assert code == 2 and "嵌套" in err and "Traceback" not in err


def test_deeply_nested_store_is_a_corrupt_store(tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    path.write_text('{"reports": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(StoreFileCorruptError):
        ReportStore(path)


# --- OS messages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code", [errno.EIO, errno.ENAMETOOLONG, errno.ELOOP, errno.EMFILE, errno.ENOTDIR, 9999]
)
def test_os_error_messages_carry_no_english(code: int) -> None:
    exc = OSError(code, os.strerror(code) if code != 9999 else "Weird thing happened")
    message = describe_os_error(exc, Path("/tmp/x.json"), "保存")
    english = [w for w in message.replace("/tmp/x.json", "").split() if w.isascii() and w.isalpha()]
    assert not english, message
    assert os.strerror(code) not in message


# --- files the clerk saves --------------------------------------------------------------------


def test_exchange_file_is_readable_by_others(tmp_path: Path) -> None:
    target = write_exchange_file(make_report(), tmp_path / "r.nianbao.json")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644 & ~umask


def test_writer_keeps_the_permissions_of_a_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old")
    target.chmod(0o664)
    atomic_file.write_atomically(target, b"new")
    assert target.read_bytes() == b"new" and target.stat().st_mode & 0o777 == 0o664


def test_writer_refuses_a_folder_and_a_missing_folder_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="是一个文件夹"):
        atomic_file.write_atomically(tmp_path, b"x")
    with pytest.raises(ExportError, match="不存在"):
        atomic_file.write_atomically(tmp_path / "没有" / "r.pdf", b"x")
