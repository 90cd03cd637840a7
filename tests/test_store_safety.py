"""The store never loses or corrupts data: lock, read-only, bad files, full disk, Windows retry."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from doubles import open_or_read_only

from model.errors import StoreCorruptError, StoreError, StoreLockedError
from model.files import atomic_file
from model.report import Report
from model.store import lock as lock_module
from model.store.report_store import ReportStore, newest_good_backup
from model.store.storage import temp_prefix

ROOT = Path(__file__).resolve().parent.parent


def make_report(agency: str = "某某区人民政府办公室", year: int = 2024) -> Report:
    report = Report(format="fmt2021", agency=agency, year=year)
    report.set_preamble(["根据《中华人民共和国政府信息公开条例》……"])
    report.set_cell("s3.new_this_year@natural_person", 12)
    return report


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "reports.json"


@pytest.fixture
def saved(store_path: Path) -> tuple[Path, Report]:
    report = make_report()
    with ReportStore(store_path) as store:
        store.put(report)
    return store_path, report


# --- the lock ---------------------------------------------------------------------------
def test_second_writer_in_same_process_is_refused(saved: tuple[Path, Report]) -> None:
    path, report = saved
    with ReportStore(path) as first:
        with pytest.raises(StoreLockedError, match="正被另一个窗口或程序使用"):
            ReportStore(path)
        with ReportStore(path, read_only=True) as viewer:
            assert viewer.get(report.id).agency == report.agency
            with pytest.raises(StoreError, match="只读"):
                viewer.put(make_report())
        first.put(make_report("第二个机关"))
    with ReportStore(path) as again:  # released on close
        assert len(again.list_reports()) == 2


def _holder(path: Path) -> subprocess.Popen[str]:
    code = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from model.store.report_store import ReportStore
        store = ReportStore({str(path)!r})
        print("locked", flush=True)
        time.sleep(60)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_other_process_holds_lock_until_it_dies(saved: tuple[Path, Report]) -> None:
    path, report = saved
    proc = _holder(path)
    try:
        with pytest.raises(StoreLockedError):
            ReportStore(path)
        fallback = open_or_read_only(path)
        assert fallback.read_only
        assert fallback.get(report.id).id == report.id
        fallback.close()
    finally:
        proc.kill()  # SIGKILL: the dead process's lock file stays behind
        proc.wait()
    with ReportStore(path) as store:  # a stale lock of a dead process does not block
        assert not store.read_only
        store.put(make_report("新机关"))


def test_read_only_store_never_writes(saved: tuple[Path, Report]) -> None:
    path, report = saved
    before = path.read_bytes()
    backups_before = sorted((path.parent / "backups").iterdir())
    with ReportStore(path, read_only=True) as store:
        with pytest.raises(StoreError, match="只读"):
            store.put(report)
        with pytest.raises(StoreError, match="只读"):
            store.delete(report.id)
        with pytest.raises(StoreError, match="只读"):
            store.empty_trash()
    assert path.read_bytes() == before
    assert sorted((path.parent / "backups").iterdir()) == backups_before


def test_read_only_open_of_missing_file_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "reports.json"
    with ReportStore(path, read_only=True) as store:
        assert store.list_reports() == []
    assert not path.parent.exists()


def test_orphan_temp_files_are_cleaned_at_open(saved: tuple[Path, Report]) -> None:
    path, _ = saved
    orphan = path.parent / f"{temp_prefix(path)}dead"
    orphan.write_bytes(b'{"reports": {"1": {"half')
    with ReportStore(path, read_only=True):
        assert orphan.exists()  # read-only never touches the folder
    with ReportStore(path):
        assert not orphan.exists()


# --- files that cannot be read are never overwritten ----------------------------------------
@pytest.mark.parametrize(
    "content",
    [
        b'{"reports": {"1": {"id": "abc", "agen',
        b"\x00\x01 not json",
        b"[1, 2, 3]",
        b'{"reports": 5}',
    ],
    ids=["truncated", "not-json", "list", "wrong-table"],
)
def test_unreadable_store_is_left_untouched(store_path: Path, content: bytes) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(content)
    with pytest.raises(StoreCorruptError) as info:
        ReportStore(store_path)
    assert store_path.read_bytes() == content
    assert "文件没有被改动" in str(info.value)
    assert "没有找到可用的备份" in str(info.value)
    with pytest.raises(StoreCorruptError):  # the lock was released: a second try says the same
        ReportStore(store_path)


def test_corrupt_store_offers_newest_good_backup_and_restores(saved: tuple[Path, Report]) -> None:
    path, report = saved
    good = newest_good_backup(path)
    assert good is not None
    path.write_bytes(path.read_bytes()[:40])  # a truncated file
    with pytest.raises(StoreCorruptError) as info:
        ReportStore(path)
    assert info.value.newest_backup == good  # type: ignore[attr-defined]
    assert str(good) in str(info.value)
    from model.store.backups import restore_backup_file

    moved = restore_backup_file(path, good)
    assert moved is not None and moved.name.startswith("reports.json.corrupt-")
    assert len(moved.read_bytes()) == 40
    with ReportStore(path) as store:
        assert store.get(report.id).cells == report.cells


def test_store_path_is_a_directory(store_path: Path) -> None:
    store_path.mkdir(parents=True)
    with pytest.raises(StoreError, match="是一个文件夹"):
        ReportStore(store_path)
    with pytest.raises(StoreError, match="是一个文件夹"):
        ReportStore(store_path, read_only=True)


def test_unreadable_file_gives_chinese_error(
    saved: tuple[Path, Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = saved
    before = path.read_bytes()

    def refuse(self: Path) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(StoreError, match="没有权限"):
        ReportStore(path)
    monkeypatch.undo()
    assert path.read_bytes() == before


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_real_permissions(saved: tuple[Path, Report]) -> None:
    path, report = saved
    path.with_name("reports.json.lock").unlink(missing_ok=True)
    os.chmod(path.parent, 0o555)
    try:
        with pytest.raises(StoreError, match="不允许写入"):
            ReportStore(path)
        with open_or_read_only(path) as store:
            assert store.read_only and store.contains(report.id)
    finally:
        os.chmod(path.parent, 0o755)


def test_read_only_folder_simulated(
    saved: tuple[Path, Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root (CI containers) chmod does not stop writes, so the lock file creation fails."""
    path, report = saved
    before = path.read_bytes()

    def refuse(self: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(lock_module, "open_lock_file", refuse)
    with pytest.raises(StoreError, match="不允许写入"):
        ReportStore(path)
    with open_or_read_only(path) as store:
        assert store.read_only and store.contains(report.id)
    assert path.read_bytes() == before


def _fail_with(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def broken(handle: object, chunks: list[bytes]) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic_file, "write_chunks", broken)


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "磁盘空间不足"), (errno.EACCES, "没有权限"), (errno.EROFS, "只读")],
)
def test_failed_write_keeps_old_file_and_memory_consistent(
    saved: tuple[Path, Report], monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    path, report = saved
    before = path.read_bytes()
    with ReportStore(path) as store:
        changed = report.copy()
        changed.set_cell("s3.new_this_year@natural_person", 99)
        _fail_with(monkeypatch, code)
        with pytest.raises(StoreError, match=words) as info:
            store.put(changed)
        assert "原有数据没有改动" in str(info.value)
        with pytest.raises(StoreError):
            store.put(make_report("新机关"))
        assert path.read_bytes() == before
        assert not [p for p in path.parent.iterdir() if p.name.startswith(temp_prefix(path))]
        # the store shows what is on disk, not the change that failed
        assert store.get(report.id).cell("s3.new_this_year@natural_person") == 12
        assert len(store.list_reports()) == 1
        monkeypatch.undo()
        store.put(changed)  # works again once there is room
    with ReportStore(path) as store:
        assert store.get(report.id).cell("s3.new_this_year@natural_person") == 99


def test_replace_is_retried_on_windows_style_lock(
    saved: tuple[Path, Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, report = saved
    real_replace = os.replace
    calls: list[int] = []

    def flaky(src: object, dst: object) -> None:
        if Path(str(dst)) != path:  # the backup taken before the first save
            return real_replace(src, dst)  # type: ignore[arg-type]
        calls.append(1)
        if len(calls) <= 2:
            raise PermissionError(13, "WinError 32: used by another process")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic_file, "RETRY_ON_PERMISSION_ERROR", True)
    monkeypatch.setattr(atomic_file.os, "replace", flaky)
    monkeypatch.setattr(atomic_file.time, "sleep", lambda s: None)
    with ReportStore(path, backup_interval=1e9) as store:
        report.set_meta("title", "重试之后保存成功")
        store.put(report)
        assert len(calls) == 3
    monkeypatch.undo()
    with ReportStore(path) as store:
        assert store.get(report.id).meta_value("title") == "重试之后保存成功"


def test_replace_gives_up_after_bounded_retries(
    saved: tuple[Path, Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, report = saved
    before = path.read_bytes()

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "WinError 5")

    monkeypatch.setattr(atomic_file, "RETRY_ON_PERMISSION_ERROR", True)
    monkeypatch.setattr(atomic_file.os, "replace", locked)
    monkeypatch.setattr(atomic_file.time, "sleep", lambda s: None)
    with ReportStore(path, backup_interval=1e9) as store:
        started = time.monotonic()
        with pytest.raises(StoreError, match="没有权限"):
            store.put(report)
        assert time.monotonic() - started < 1
    monkeypatch.undo()
    assert path.read_bytes() == before


def test_file_is_utf8_json_one_report_per_line(saved: tuple[Path, Report]) -> None:
    path, report = saved
    text = path.read_text(encoding="utf-8")
    assert "某某区人民政府办公室" in text  # not \\u escaped
    assert json.loads(text)["reports"]["1"]["id"] == report.id
