"""A writing process killed (SIGKILL) at random moments never leaves a broken store.

A forked child (modules already imported, so each round costs milliseconds) opens the store
and keeps saving; the parent kills it after a random short delay, then opens the store and
checks: it loads, every report is internally consistent (one version, never a mix), no
version ever goes backwards and no report is ever lost (trash included).
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from model.report import Report
from model.store.report_store import ReportStore
from model.store.storage import TEMP_MARKER

REPORT_COUNT = 8
CELLS = 200
ROUNDS = 200

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")


def versioned(report: Report, version: int) -> None:
    """Give every part of the report the same version number."""
    report.set_meta("title", str(version))
    report.set_preamble([f"前言第{version}版𠀀" * 20])
    for k in range(6):
        report.set_paragraphs(f"s{k}", [f"第{k}部分，第{version}版。" * 30])
    for k in range(CELLS):
        report.cells[f"s3.row{k}@col{k % 7}"] = version


def version_of(report: Report) -> int:
    """The report's single version; fails the test if its parts disagree (a torn write)."""
    version = int(report.meta_value("title"))
    assert report.preamble == [f"前言第{version}版𠀀" * 20]
    for k in range(6):
        assert report.paragraphs(f"s{k}") == [f"第{k}部分，第{version}版。" * 30]
    assert set(report.cells.values()) == {version}
    assert len(report.cells) == CELLS
    return version


def seed_store(path: Path) -> list[str]:
    ids = []
    with ReportStore(path) as store:
        for i in range(REPORT_COUNT):
            report = Report(format="fmt2021", agency=f"机关{i}", year=2024)
            versioned(report, 0)
            store.put(report)
            ids.append(report.id)
    return ids


def writer_loop(path: Path, ids: list[str], seed: int) -> None:
    """Runs in the child until killed: saves new versions, deletes and restores reports."""
    rng = random.Random(seed)
    store = ReportStore(path, backup_interval=0.5)
    while True:
        report_id = rng.choice(ids)
        if rng.random() < 0.15 and store.contains(report_id):
            store.delete(report_id)
            store.restore(report_id)
            continue
        report = store.get(report_id)
        versioned(report, version_of(report) + 1)
        store.put(report)


def run_kill_rounds(path: Path, rounds: int, max_delay: float, seed: int = 1) -> dict[str, int]:
    """Kill a writer ``rounds`` times and check the store after each kill."""
    ids = seed_store(path)
    last_seen = dict.fromkeys(ids, 0)
    rng = random.Random(seed)
    torn = 0
    for round_no in range(rounds):
        pid = os.fork()
        if pid == 0:  # child
            try:
                writer_loop(path, ids, seed * 100_000 + round_no)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.002, max_delay))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        if any(TEMP_MARKER in p.name for p in path.parent.rglob("*")):
            torn += 1  # killed in the middle of writing a temp file
        with ReportStore(path) as store:
            present = {s.id for s in store.list_reports()}
            trashed = {t.id for t in store.list_trash()}
            assert set(ids) <= present | trashed, "a report was lost"
            for report_id in present:
                version = version_of(store.get(report_id))
                assert version >= last_seen[report_id], "a saved version went back"
                last_seen[report_id] = version
        assert not any(TEMP_MARKER in p.name for p in path.parent.rglob("*"))
    return {"rounds": rounds, "killed_mid_write": torn, "versions": sum(last_seen.values())}


@pytest.mark.slow
def test_store_survives_sigkill_at_random_moments(tmp_path: Path) -> None:
    figures = run_kill_rounds(tmp_path / "reports.json", ROUNDS, max_delay=0.15)
    print(figures, file=sys.stderr)
    assert figures["versions"] > ROUNDS // 10  # the writer really saved between kills
    assert figures["killed_mid_write"] > 0  # some kills really hit a write in progress
