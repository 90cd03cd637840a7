"""回收站, rotating backups, schema migrations and the serialized-bytes cache of the store."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.errors import ReportNotFoundError, StoreError
from model.report import NOT_APPLICABLE, SCHEMA_VERSION, Report
from model.store import backups
from model.store.migrations import SchemaTooNewError, migrate
from model.store.report_store import ReportStore


def make_report(agency: str = "某某县教育局", year: int = 2024) -> Report:
    report = Report(format="fmt2021", agency=agency, year=year)
    report.set_paragraphs("s1", ["总体情况正文。"])
    report.set_cell("s3.new_this_year@total_x", 7)
    return report


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "reports.json"


def on_disk(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# --- 回收站 ------------------------------------------------------------------------------
def test_delete_moves_to_trash_and_restore_brings_it_back(path: Path) -> None:
    report = make_report()
    with ReportStore(path) as store:
        store.put(report)
        store.delete(report.id)
        assert store.list_reports() == []
        assert not store.contains(report.id)
        [entry] = store.list_trash()
        assert (entry.id, entry.agency, entry.year) == (report.id, "某某县教育局", 2024)
    with ReportStore(path) as store:  # the trash is in the file, not in memory
        restored = store.restore(report.id)
        assert restored.id == report.id
        assert store.get(report.id).to_dict() == report.to_dict()
        assert store.list_trash() == []
    assert on_disk(path)["trash"] == {}


def test_restore_with_taken_id_gets_new_id(path: Path) -> None:
    report = make_report()
    with ReportStore(path) as store:
        store.put(report)
        store.delete(report.id)
        store.put(report)  # re-imported meanwhile
        restored = store.restore(report.id)
        assert restored.id != report.id
        assert {s.id for s in store.list_reports()} == {report.id, restored.id}


def test_empty_trash(path: Path) -> None:
    first, second, third = make_report("甲"), make_report("乙"), make_report("丙")
    with ReportStore(path) as store:
        for report in (first, second, third):
            store.put(report)
            store.delete(report.id)
        assert store.empty_trash() == 3
        with pytest.raises(ReportNotFoundError, match="回收站中没有"):
            store.restore(first.id)
        assert store.empty_trash() == 0
        assert store.list_trash() == []
        with pytest.raises(ReportNotFoundError):
            store.delete("nope")
    assert on_disk(path) == {"reports": {}, "trash": {}}


# --- backups -----------------------------------------------------------------------------
def test_backup_policy_first_save_interval_and_close(path: Path) -> None:
    report = make_report()
    with ReportStore(path) as store:
        store.put(report)  # new file: nothing to back up before; a backup of the first save
    assert len(backups.list_backups(path)) == 1  # the first save of a new file
    with ReportStore(path, backup_interval=3600) as store:
        count = len(store.list_backups())
        report.set_meta("title", "第二次")
        store.put(report)  # first save: the file as opened is backed up already (same bytes)
        assert len(store.list_backups()) == count
        for n in range(5):  # autosaves within the interval: no backup each time
            report.set_meta("title", f"自动保存{n}")
            store.put(report)
        assert len(store.list_backups()) == count
    newest = backups.list_backups(path)[0]  # close backed up the final state
    assert len(backups.list_backups(path)) == count + 1
    assert (
        json.loads(newest.path.read_text("utf-8"))["reports"]["1"]["meta"]["title"] == "自动保存4"
    )


def test_first_backup_holds_the_state_before_the_session(path: Path) -> None:
    report = make_report()
    with ReportStore(path, backup_interval=3600) as store:
        store.put(report)
    with ReportStore(path, backup_interval=3600) as store:
        report.set_meta("title", "改过")
        store.put(report)
        before = store.list_backups()[0].path
        assert "改过" not in before.read_text("utf-8")
    assert backups.restore_backup_file(path, before) is None  # the store file was readable
    with ReportStore(path) as store:
        assert store.get(report.id).meta_value("title") == ""


def test_restore_backup_refuses_a_bad_backup(path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with ReportStore(path) as store:
        store.put(make_report())
    before = path.read_bytes()
    with pytest.raises(StoreError):
        backups.restore_backup_file(path, bad)
    assert path.read_bytes() == before


def test_restoring_a_backup_that_was_removed_says_so(path: Path, tmp_path: Path) -> None:
    with ReportStore(path) as store:
        store.put(make_report())
    before = path.read_bytes()
    gone = tmp_path / "backups" / "reports-20260101-000000-000000.json"
    with pytest.raises(StoreError, match="找不到备份文件") as info:
        backups.restore_backup_file(path, gone)
    assert "另选一个备份" in str(info.value)
    assert path.read_bytes() == before


def test_restore_writes_exactly_the_bytes_it_checked(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup is read once: a file swapped after the check cannot slip in."""
    with ReportStore(path, backup_interval=3600) as store:
        store.put(make_report())
    good = backups.list_backups(path)[0].path
    real_read_bytes = Path.read_bytes
    reads: list[Path] = []

    def read_then_swap(self: Path) -> bytes:
        data = real_read_bytes(self)
        if self == good:
            reads.append(self)
            good.write_bytes(b"{broken")  # replaced by another program right after
        return data

    monkeypatch.setattr(Path, "read_bytes", read_then_swap)
    backups.restore_backup_file(path, good)
    monkeypatch.undo()
    assert reads == [good]
    with ReportStore(path) as store:
        assert len(store.list_reports()) == 1


def test_rotation_keeps_last_ten_and_one_per_day_for_thirty_days(path: Path) -> None:
    now = dt.datetime(2026, 11, 26, 12, 0, 0)
    for days_ago in range(40):
        for hour in (9, 10, 11):
            moment = now - dt.timedelta(days=days_ago) - dt.timedelta(hours=12 - hour)
            backups.write_backup(path, [b'{"reports": {}}'], now=moment)
    for minute in range(12):  # twelve saves today after that
        backups.write_backup(path, [b"{}"], now=now + dt.timedelta(minutes=minute))
    kept = backups.list_backups(path)
    days = {b.saved_at.date() for b in kept}
    assert len(days) == 30
    assert min(days) == (now - dt.timedelta(days=29)).date()
    today = [b for b in kept if b.saved_at.date() == now.date()]
    assert len(today) == 10  # the last ten saves (all today)
    for day in days - {now.date()}:
        [that_day] = [b for b in kept if b.saved_at.date() == day]
        assert that_day.saved_at.hour == 11  # the newest of that day
    assert len(kept) == 10 + 29


def test_newest_good_backup_skips_broken_ones(path: Path) -> None:
    good = backups.write_backup(path, [b'{"reports": {}}'], now=dt.datetime(2026, 1, 1))
    backups.write_backup(path, [b'{"reports": {"1": '], now=dt.datetime(2026, 1, 2))
    assert backups.newest_good_backup(path) == good


# --- migrations --------------------------------------------------------------------------
V0_DOC = {
    "id": "old00001",
    "format": "fmt2021",
    "agency": "某某市统计局",
    "year": 2019,
    "meta": {"title": "旧标题", "preamble": "第一段前言。\n\n第二段前言。"},
    "sections": {"s1": ["正文"]},
    "cells": {"a@x": 3, "b@x": "/", "c@x": "", "d@x": None, "e@x": 1.5},
    "future_note": "kept",
}


def test_migrate_v0_to_current() -> None:
    doc = migrate(V0_DOC)
    assert doc["schema_version"] == SCHEMA_VERSION
    assert doc["preamble"] == ["第一段前言。", "第二段前言。"]
    assert "preamble" not in doc["meta"]
    assert doc["cells"] == {"a@x": 3, "b@x": NOT_APPLICABLE, "e@x": 1.5}
    assert doc["future_note"] == "kept"  # unknown fields are never dropped
    assert "schema_version" not in V0_DOC  # the input is not changed
    assert Report.from_dict(doc).meta == {"title": "旧标题"}
    assert migrate(doc) == doc  # current documents pass through unchanged


def test_migrate_refuses_newer_and_invalid_versions() -> None:
    with pytest.raises(SchemaTooNewError, match="较新版本"):
        migrate({**V0_DOC, "schema_version": SCHEMA_VERSION + 1})
    with pytest.raises(StoreError, match="版本号"):
        migrate({**V0_DOC, "schema_version": "1"})


def test_store_written_by_schema_0_loads_upgraded(path: Path) -> None:
    trashed = {**V0_DOC, "id": "old00002", "schema_version": 0}
    path.write_text(
        json.dumps(
            {"reports": {"1": V0_DOC}, "trash": {"1": {"deleted_at": "x", "report": trashed}}}
        ),
        encoding="utf-8",
    )
    original = path.read_bytes()
    with ReportStore(path, read_only=True) as store:  # read-only: upgraded in memory only
        assert store.get("old00001").preamble == ["第一段前言。", "第二段前言。"]
    assert path.read_bytes() == original
    with ReportStore(path) as store:
        report = store.get("old00001")
        assert report.cells["b@x"] == NOT_APPLICABLE
        assert store.restore("old00002").preamble == ["第一段前言。", "第二段前言。"]
    assert on_disk(path)["reports"]["1"]["schema_version"] == SCHEMA_VERSION
    assert on_disk(path)["reports"]["1"]["future_note"] == "kept"
    oldest = backups.list_backups(path)[-1].path  # a backup of the version-0 file
    assert oldest.read_bytes() == original


def test_store_with_newer_document_is_refused_untouched(path: Path) -> None:
    newer = {**make_report().to_dict(), "schema_version": SCHEMA_VERSION + 1, "x": 1}
    path.write_text(json.dumps({"reports": {"1": newer}}), encoding="utf-8")
    original = path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="新版本的年报编辑器"):
        ReportStore(path)
    assert path.read_bytes() == original
    with pytest.raises(SchemaTooNewError):
        ReportStore(path)  # lock released, same answer


# --- the bytes cache never writes stale data --------------------------------------------
def test_file_always_matches_memory_after_in_place_updates(path: Path) -> None:
    reports = [make_report(f"机关{i}") for i in range(5)]
    with ReportStore(path, backup_interval=3600) as store:
        for report in reports:
            store.put(report)
        for step in range(20):
            report = reports[step % 5]
            report.set_cell("s3.new_this_year@total_x", step)
            store.put(report)
            if step % 7 == 0:
                store.delete(report.id)
                store.restore(report.id)
            expected = {r.id: r.to_dict() for r in reports}
            stored = {d["id"]: d for d in on_disk(path)["reports"].values()}
            assert stored == expected


# --- any document survives ---------------------------------------------------------------
cell_values = st.one_of(
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.none(),
    st.just(NOT_APPLICABLE),
)
texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40) | st.sampled_from(
    ["𠀀𪚥", "😀👩‍💻", "政府信息公开", "\u3000全角空格", "line\nbreak", '"quote\\'],
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    agency=texts,
    paragraphs=st.lists(texts, max_size=4),
    cells=st.dictionaries(texts, cell_values, max_size=12),
    meta=st.dictionaries(st.sampled_from(["title", "address", "phone"]), texts, max_size=3),
)
def test_any_document_survives_put_reopen_get(
    tmp_path: Path, agency: str, paragraphs: list[str], cells: dict[str, Any], meta: dict[str, str]
) -> None:
    path = tmp_path / f"p{time.monotonic_ns()}.json"
    report = Report(format="fmt2021", agency=agency, year=2024, preamble=paragraphs, meta=meta)
    report.sections["s1"] = paragraphs
    report.cells = dict(cells)
    with ReportStore(path, backup_interval=1e9) as store:
        store.put(report)
    with ReportStore(path, read_only=True) as store:
        got = store.get(report.id)
    assert got.to_dict() == report.to_dict()
    for key, value in cells.items():
        assert type(got.cells[key]) is type(value)
