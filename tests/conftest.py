"""Shared fixtures. Tests run headless and never touch the user's real data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui.qt_compat import apply_qt_workarounds

apply_qt_workarounds()

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SAMPLE_NAME = "000_edff53855f6cc80f.txt"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder (store, settings, logs)."""
    data = tmp_path / "data"
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(data))
    return data


@pytest.fixture(scope="session", autouse=True)
def interface_font(qapp: Any) -> None:
    """The interface font the program sets at start, so layouts are measured as shipped
    (and the same on a machine without Chinese fonts)."""
    from gui.shell.app import prefer_cjk_ui_font

    prefer_cjk_ui_font(qapp)


@pytest.fixture
def sample_text_path() -> Path:
    """The real 2017 sample report (a copy ships in tests/data for clean clones)."""
    local = Path(__file__).parent / "data" / SAMPLE_NAME
    return local if local.exists() else SHARED / SAMPLE_NAME


@pytest.fixture
def store(isolated_data_dir: Path) -> Iterator[Any]:
    """The default store of the isolated data folder, closed after the test."""
    from model.paths import default_store_path
    from model.store.report_store import ReportStore

    opened = ReportStore(default_store_path())
    yield opened
    opened.close()


@pytest.fixture
def session(store: Any) -> Iterator[Any]:
    """A new fmt2021 report of 2024 open in a ReportSession over the test's store (without a
    recovery journal); its timers are stopped after the test."""
    from doubles import NoJournal

    from gui.editing.session import ReportSession
    from model.report import Report

    report = Report(format="fmt2021", agency="某区统计局", year=2024)
    store.put(report)
    opened = ReportSession(store, report, journal=NoJournal())
    yield opened
    opened._save_timer.stop()
    opened._journal_timer.stop()


@pytest.fixture
def window(qtbot: Any, store: Any) -> Any:
    """The real main window over ``store``, shown (offscreen)."""
    from gui.shell.main_window import MainWindow

    shown = MainWindow(store)
    qtbot.addWidget(shown)
    shown.show()
    return shown
