"""Nothing lost in the corners of the store: emptied stores, backups, links, two writers,
the same file imported again, salvage."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from doubles import cli, make_report, open_or_read_only, stored

from model import commands
from model.errors import (
    StoreError,
    StoreFileCorruptError,
    StoreLockedError,
)
from model.files import atomic_file
from model.importers.exchange import write_exchange_file
from model.store import backups
from model.store.lock import StoreLock
from model.store.report_store import ReportStore

ROOT = Path(__file__).resolve().parent.parent


# --- an emptied store ------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_emptied_store_with_backups_is_damaged_and_names_the_backup(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "reports.json"
    ids = stored(path, make_report("甲局"), make_report("乙局"))
    stored(path, make_report("丙局"))  # a second session: a backup of the two-report state
    path.write_bytes(content)  # a full disk or a sync tool left this
    for read_only in (False, True):
        with pytest.raises(StoreFileCorruptError) as info:
            ReportStore(path, read_only=read_only)
        assert "是空的" in str(info.value) and info.value.newest_backup is not None
        assert str(info.value.newest_backup) in str(info.value)
    assert path.read_bytes() == content  # left exactly as it was
    kept = backups.restore_backup_file(path, info.value.newest_backup)
    assert kept is not None and kept.read_bytes() == content  # the empty file is kept aside
    with ReportStore(path) as store:
        assert set(ids) <= {s.id for s in store.list_reports()}


def test_emptied_store_on_the_command_line_names_the_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "reports.json"
    stored(path, make_report())
    stored(path, make_report("乙局"))
    path.write_bytes(b"")
    code, out, err = cli(capsys, "list", "--store", str(path))
    assert code == 2 and out == ""
    assert "是空的" in err and "备份" in err and str(backup_dir(path)) in err
    code, _, err = cli(
        capsys, "import", str(ROOT / "tests/data/000_edff53855f6cc80f.txt"), "--store", str(path)
    )
    assert code == 2 and "是空的" in err
    assert path.read_bytes() == b""


def backup_dir(path: Path) -> Path:
    return backups.backup_dir(path)


def test_empty_file_without_backups_is_a_new_store(tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    path.write_bytes(b"")
    with ReportStore(path) as store:
        assert store.list_reports() == []
        store.put(make_report())
    with ReportStore(path) as store:
        assert len(store.list_reports()) == 1


def test_rotation_keeps_the_newest_backup_with_more_reports(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "reports.json"
    stored(elsewhere, *[make_report(f"机关{i}") for i in range(5)])
    full = elsewhere.read_bytes()
    path = tmp_path / "reports.json"
    start = dt.datetime(2026, 11, 1, 8, 0, 0)
    backups.write_backup(path, [full], now=start)
    one = json.loads(full)
    one["reports"] = dict(list(one["reports"].items())[:1])
    small = json.dumps(one, ensure_ascii=False).encode("utf-8")
    for minute in range(1, 25):  # the same day: many saves of a store that lost reports
        backups.write_backup(path, [small], now=start + dt.timedelta(minutes=minute))
    kept = backups.list_backups(path)
    counts = [b.reports for b in kept]
    assert counts.count(1) == backups.KEEP_LAST
    assert 5 in counts  # the last state that held all five reports
    assert kept[-1].saved_at == start
    for info in kept:  # the name tells the truth
        assert backups.report_count(info.path.read_bytes()) == info.reports


# --- backups are distinct states; copies per command --------------------------------------------


def test_each_command_writes_at_most_one_backup_and_never_a_repeat(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "reports.json"
    sample = ROOT / "tests/data/000_edff53855f6cc80f.txt"
    for _ in range(4):
        before = len(backups.list_backups(path))
        code, _, _ = cli(capsys, "import", str(sample), "--store", str(path))
        assert code == 0
        assert len(backups.list_backups(path)) - before <= 1
    contents = [b.path.read_bytes() for b in backups.list_backups(path)]
    assert len(set(contents)) == len(contents)  # every backup a different state
    assert len(contents) == 3  # the states before the 2nd, 3rd and 4th import


def test_one_import_writes_at_most_two_full_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "reports.json"
    stored(path, *[make_report(f"机关{i}") for i in range(30)])
    size = path.stat().st_size
    written: list[int] = []
    real = atomic_file.write_chunks

    def counting(fd: int, chunks: list[bytes]) -> None:
        written.append(sum(len(c) for c in chunks))
        real(fd, chunks)

    monkeypatch.setattr(atomic_file, "write_chunks", counting)
    exchange = write_exchange_file(make_report("新机关"), tmp_path / "new.nianbao.json")
    written.clear()
    with commands.opened_store(path) as store:
        commands.import_into_store(store, exchange)
    assert len([n for n in written if n >= size]) <= 2


# --- links ------------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_store_behind_a_link_is_updated_and_the_link_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real_dir = tmp_path / "网盘"
    real_dir.mkdir()
    real = real_dir / "reports.json"
    stored(real, make_report("原有机关"))
    link = tmp_path / "reports.json"
    link.symlink_to(real)
    sample = ROOT / "tests/data/000_edff53855f6cc80f.txt"
    code, out, _ = cli(capsys, "import", str(sample), "--store", str(link))
    assert code == 0
    assert link.is_symlink() and link.resolve() == real.resolve()
    with ReportStore(real) as store:  # the real store has the import
        assert store.contains(out.strip()) and len(store.list_reports()) == 2
    with ReportStore(link) as store:
        with pytest.raises(StoreLockedError):  # the link and its target share one lock
            ReportStore(real)
        store.put(make_report("第三个"))
    assert link.is_symlink()
    assert not (tmp_path / "backups").exists() and (real_dir / "backups").is_dir()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_exported_file_behind_a_link_writes_the_target(tmp_path: Path) -> None:
    real = tmp_path / "真实.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "链接.pdf"
    link.symlink_to(real)
    atomic_file.write_atomically(link, b"%PDF new")
    assert link.is_symlink() and real.read_bytes() == b"%PDF new"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_link_to_a_missing_place_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "reports.json"
    link.symlink_to(tmp_path / "拔掉的U盘" / "reports.json")
    with pytest.raises(StoreError, match="指向的位置不存在"):
        ReportStore(link)
    assert link.is_symlink() and not (tmp_path / "拔掉的U盘").exists()


# --- two writers ------------------------------------------------------------------------------


def hold_lock(path: Path, seconds: float) -> threading.Thread:
    """Another writer holding the store for a while (a second process has the same effect)."""
    held = threading.Event()

    def run() -> None:
        lock = StoreLock(path)
        lock.acquire()
        held.set()
        time.sleep(seconds)
        lock.release()

    thread = threading.Thread(target=run)
    thread.start()
    held.wait(5)
    return thread


def test_command_line_import_waits_for_the_other_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "reports.json"
    stored(path, make_report())
    thread = hold_lock(path, 1.6)
    sample = ROOT / "tests/data/000_edff53855f6cc80f.txt"
    started = time.monotonic()
    code, out, err = cli(capsys, "import", str(sample), "--store", str(path))
    thread.join()
    assert code == 0 and out.strip()
    assert time.monotonic() - started >= 1.0
    assert "正在等待" in err and "最多等 10 秒" in err


def test_command_line_import_gives_up_with_command_line_advice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "reports.json"
    stored(path, make_report())
    before = path.read_bytes()
    monkeypatch.setattr(commands, "LOCK_WAIT_SECONDS", 1.5)
    thread = hold_lock(path, 3.0)
    sample = ROOT / "tests/data/000_edff53855f6cc80f.txt"
    code, _, err = cli(capsys, "import", str(sample), "--store", str(path))
    thread.join()
    assert code == 2
    assert "等了 2 秒仍未释放" in err and "再运行本命令" in err and "只读" not in err
    assert path.read_bytes() == before


def test_parallel_command_line_imports_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    sample = ROOT / "tests/data/000_edff53855f6cc80f.txt"
    command = [sys.executable, str(ROOT / "main.py"), "import", str(sample), "--store", str(path)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(3):
        runs = [
            subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            for _ in range(2)
        ]
        codes = [p.wait(60) for p in runs]
        assert codes == [0, 0], [p.stderr.read().decode() for p in runs if p.stderr]
    with ReportStore(path, read_only=True) as store:
        assert len(store.list_reports()) == 6


def test_read_only_store_becomes_writable_when_the_other_writer_is_done(tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    stored(path, make_report())
    other = ReportStore(path)
    late = make_report("另一个程序刚导入的")
    other.put(late)
    store = open_or_read_only(path)
    assert store.read_only
    assert not store.try_become_writable()
    newest = make_report("关闭前又导入的")
    other.put(newest)
    other.close()
    assert store.try_become_writable()
    assert not store.read_only and store.contains(newest.id)  # reloaded what changed
    store.put(make_report("现在可以保存"))
    store.close()
    with ReportStore(path) as again:
        assert len(again.list_reports()) == 4


# --- the same file imported again ---------------------------------------------------------------


def test_importing_the_same_exchange_file_again_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    report = make_report()
    exchange = write_exchange_file(report, tmp_path / "r.nianbao.json")
    for _ in range(3):  # e.g. retried after a run killed before it printed the id
        with commands.opened_store(path) as store:
            result = commands.import_into_store(store, exchange)
        assert result.report.id == report.id
    with ReportStore(path) as store:
        assert [s.id for s in store.list_reports()] == [report.id]
    assert any("没有再添加" in w for w in result.warnings)


# --- salvage ----------------------------------------------------------------------------------


def test_store_with_one_damaged_report_is_salvaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from model.store.salvage import salvage, salvage_message

    path = tmp_path / "reports.json"
    reports = [make_report(f"机关{i}") for i in range(4)]
    ids = stored(path, *reports)
    with ReportStore(path) as store:
        store.delete(ids[3])  # one in the 回收站 survives too
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2][:30] + b"\xff\xfe broken" + lines[2][50:]
    damaged = b"\n".join(lines)
    path.write_bytes(damaged)
    code, _, err = cli(capsys, "list", "--store", str(path))
    assert code == 2 and "另有 2 份报告完好" in err and "挽救完好的报告" in err
    result = salvage(path)
    assert result.saved == 2 and len(result.lost) == 1 and "机关1" in result.lost[0]
    assert result.kept_aside.read_bytes() == damaged
    assert "机关1" in salvage_message(result)
    with ReportStore(path) as store:
        assert {s.id for s in store.list_reports()} == {ids[0], ids[2]}
        assert [t.id for t in store.list_trash()] == [ids[3]]


def test_cut_off_store_salvages_what_came_before(tmp_path: Path) -> None:
    from model.store.salvage import salvage

    path = tmp_path / "reports.json"
    ids = stored(path, *[make_report(f"机关{i}") for i in range(3)])
    raw = path.read_bytes()
    path.write_bytes(raw[: raw.index(ids[2].encode()) + 200])  # cut in the third report
    result = salvage(path)
    assert result.saved == 2 and len(result.lost) == 1
    with ReportStore(path) as store:
        assert {s.id for s in store.list_reports()} == set(ids[:2])


def test_store_that_is_not_line_by_line_is_not_offered_salvage(tmp_path: Path) -> None:
    from model.store.salvage import salvage

    path = tmp_path / "reports.json"
    path.write_bytes(b'{"reports": {"1": {"id": "a"}, "2": {broken')
    with pytest.raises(StoreError, match="找不到可以单独挽救"):
        salvage(path)
    assert path.read_bytes() == b'{"reports": {"1": {"id": "a"}, "2": {broken'
