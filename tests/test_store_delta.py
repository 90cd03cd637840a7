"""The change log of a large store: small saves append to it, readers apply it, a whole
write replaces it, and neither a crash nor an old log can damage the store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_store_crash import run_kill_rounds

from model.files import atomic_file
from model.report import Report
from model.store import delta_log
from model.store.report_store import ReportStore


@pytest.fixture(autouse=True)
def small_stores_use_the_log(monkeypatch: pytest.MonkeyPatch) -> None:
    """The log starts at 1 MB; tests use small stores, so it starts at once here."""
    monkeypatch.setattr(delta_log, "MIN_BASE_BYTES", 0)


def make_report(agency: str) -> Report:
    report = Report(format="fmt2021", agency=agency, year=2024)
    report.set_paragraphs("s1", [f"{agency}的第一段。" * 20])
    return report


def seeded(path: Path, count: int = 5) -> list[Report]:
    reports = [make_report(f"机关{i}") for i in range(count)]
    with ReportStore(path) as store:
        for report in reports:
            store.put(report)
    return reports


def test_small_saves_go_to_the_log_and_every_reader_sees_them(tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    reports = seeded(path)
    base = path.read_bytes()
    with ReportStore(path, backup_interval=1e9) as store:
        for n in range(5):
            reports[1].set_meta("title", f"第{n}次自动保存")
            store.put(reports[1])
        store.delete(reports[2].id)
        assert path.read_bytes() == base  # the file was not rewritten
        assert delta_log.exists(path) and store._storage.full_write_count == 0
        with ReportStore(path, read_only=True) as reader:  # e.g. `nianbao list` meanwhile
            assert reader.get(reports[1].id).meta_value("title") == "第4次自动保存"
            assert not reader.contains(reports[2].id)
            assert [t.id for t in reader.list_trash()] == [reports[2].id]
    assert not delta_log.exists(path)  # closing wrote everything into the file
    with ReportStore(path, read_only=True) as reader:
        assert reader.get(reports[1].id).meta_value("title") == "第4次自动保存"
        assert len(reader.list_reports()) == 4


def test_a_crashed_session_leaves_its_saves_in_the_log(tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    reports = seeded(path)
    store = ReportStore(path, backup_interval=1e9)
    reports[0].set_meta("title", "崩溃前保存的")
    store.put(reports[0])
    store._release_lock()  # the process died: no close, the lock went with it
    with ReportStore(path) as again:  # the next writable open writes the log into the file
        assert again.get(reports[0].id).meta_value("title") == "崩溃前保存的"
        assert not delta_log.exists(path)
    assert "崩溃前保存的" in path.read_text("utf-8")


def test_a_log_cut_short_keeps_the_complete_saves(tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    reports = seeded(path)
    store = ReportStore(path, backup_interval=1e9)
    reports[0].set_meta("title", "第一次")
    store.put(reports[0])
    reports[3].set_meta("title", "第二次")
    store.put(reports[3])
    store._release_lock()
    log = delta_log.delta_path(path)
    log.write_bytes(log.read_bytes()[:-25])  # the second save was cut off mid-line
    with ReportStore(path) as again:
        assert again.get(reports[0].id).meta_value("title") == "第一次"
        assert again.get(reports[3].id).meta_value("title") == ""


def test_a_log_of_another_version_of_the_store_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    reports = seeded(path)
    store = ReportStore(path, backup_interval=1e9)
    reports[0].set_meta("title", "旧日志里的")
    store.put(reports[0])
    store._release_lock()
    stale = delta_log.delta_path(path).read_bytes()
    with ReportStore(path) as again:  # rewritten: the log is now in the file
        reports[0].set_meta("title", "更新的")
        again._storage.compact()
        again.put(reports[0])
    delta_log.delta_path(path).write_bytes(stale)  # an old log put back (a copy tool, say)
    with ReportStore(path, read_only=True) as reader:
        assert reader.get(reports[0].id).meta_value("title") == "更新的"


def test_autosave_on_a_large_store_writes_the_report_not_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "reports.json"
    reports = seeded(path, 40)
    size = path.stat().st_size
    whole: list[int] = []
    real = atomic_file.write_chunks

    def counting(fd: int, chunks: list[bytes]) -> None:
        whole.append(sum(len(c) for c in chunks))
        real(fd, chunks)

    monkeypatch.setattr(atomic_file, "write_chunks", counting)
    with ReportStore(path, backup_interval=1e9) as store:
        store.put(reports[0])  # first save: the state as opened is backed up
        whole.clear()
        for n in range(10):
            reports[5].set_meta("title", f"自动保存{n}")
            store.put(reports[5])
        assert whole == []  # no copy of the store at all
        assert delta_log.delta_path(path).stat().st_size < size


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")
def test_killed_writer_with_the_log_never_loses_or_tears_a_report(tmp_path: Path) -> None:
    figures = run_kill_rounds(tmp_path / "reports.json", 40, max_delay=0.3, seed=3)
    assert figures["versions"] > 0  # the writer really saved (through the log) between kills


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_linked_store_keeps_its_log_beside_the_target(tmp_path: Path) -> None:
    real_dir = tmp_path / "网盘"
    real_dir.mkdir()
    reports = seeded(real_dir / "reports.json")
    link = tmp_path / "reports.json"
    link.symlink_to(real_dir / "reports.json")
    store = ReportStore(link, backup_interval=1e9)
    reports[0].set_meta("title", "通过链接保存")
    store.put(reports[0])
    assert delta_log.delta_path(real_dir / "reports.json").exists()
    assert not delta_log.delta_path(link).exists()
    with ReportStore(link, read_only=True) as reader:
        assert reader.get(reports[0].id).meta_value("title") == "通过链接保存"
    store.close()
    assert link.is_symlink() and not delta_log.exists(link)
