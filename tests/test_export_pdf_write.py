"""write_pdf: atomic file writing and the clerk's messages when it cannot write."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from export.pdf.render import write_pdf
from model.errors import ExportError
from model.files import atomic_file
from model.formats import get_format
from model.report import Report


def small_report() -> tuple[Report, object]:
    fmt = get_format("legacy2008")
    report = Report(format=fmt.id, agency="测试局", year=2020)
    report.sections["L1"] = ["本年度工作情况良好。"]
    return report, fmt


def test_writes_a_pdf_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    report, fmt = small_report()
    target = tmp_path / "年报.pdf"
    target.write_bytes(b"old")
    result = write_pdf(report, fmt, target)  # type: ignore[arg-type]
    assert target.read_bytes() == result.data
    assert result.data.startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["年报.pdf"]


def test_saved_pdf_is_readable_by_others_like_any_new_file(tmp_path: Path) -> None:
    report, fmt = small_report()
    target = tmp_path / "年报.pdf"
    write_pdf(report, fmt, target)  # type: ignore[arg-type]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644 & ~umask


def test_missing_folder_says_so(tmp_path: Path) -> None:
    report, fmt = small_report()
    with pytest.raises(ExportError, match="不存在"):
        write_pdf(report, fmt, tmp_path / "没有" / "r.pdf")  # type: ignore[arg-type]


def test_file_held_by_a_viewer_is_retried_then_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report, fmt = small_report()
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old")
    calls = []

    def locked(src: str, dst: str) -> None:
        calls.append(dst)
        raise PermissionError(errno.EACCES, "in use")

    monkeypatch.setattr(atomic_file, "REPLACE_FIRST_WAIT", 0.0)
    monkeypatch.setattr(atomic_file, "RETRY_ON_PERMISSION_ERROR", True)
    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="正被其他程序") as info:
        write_pdf(report, fmt, target)  # type: ignore[arg-type]
    assert "关闭" in str(info.value)
    assert len(calls) == atomic_file.REPLACE_ATTEMPTS
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]


def test_viewer_that_lets_go_after_a_moment_is_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report, fmt = small_report()
    target = tmp_path / "r.pdf"
    real_replace = os.replace
    attempts = []

    def flaky(src: str, dst: str) -> None:
        attempts.append(1)
        if len(attempts) < 3:
            raise PermissionError(errno.EACCES, "in use")
        real_replace(src, dst)

    monkeypatch.setattr(atomic_file, "REPLACE_FIRST_WAIT", 0.0)
    monkeypatch.setattr(atomic_file, "RETRY_ON_PERMISSION_ERROR", True)
    monkeypatch.setattr(os, "replace", flaky)
    write_pdf(report, fmt, target)  # type: ignore[arg-type]
    assert target.read_bytes().startswith(b"%PDF")


def test_no_permission_in_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report, fmt = small_report()

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "denied")

    monkeypatch.setattr(atomic_file.os, "open", denied)
    with pytest.raises(ExportError, match="没有权限"):
        write_pdf(report, fmt, tmp_path / "r.pdf")  # type: ignore[arg-type]


def test_disk_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report, fmt = small_report()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="磁盘空间不足"):
        write_pdf(report, fmt, tmp_path / "r.pdf")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_folder_given_instead_of_a_file(tmp_path: Path) -> None:
    report, fmt = small_report()
    with pytest.raises(ExportError, match="文件夹"):
        write_pdf(report, fmt, tmp_path)  # type: ignore[arg-type]
