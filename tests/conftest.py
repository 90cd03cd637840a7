"""Shared fixtures. Tests run headless and never touch the user's real data folder."""

from __future__ import annotations

import os
from pathlib import Path

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


@pytest.fixture
def sample_text_path() -> Path:
    """The real 2017 sample report (a copy ships in tests/data for clean clones)."""
    local = Path(__file__).parent / "data" / SAMPLE_NAME
    return local if local.exists() else SHARED / SAMPLE_NAME
