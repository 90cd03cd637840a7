"""设置 → 字体: the page shows each role's face, accepts TrueType files, rejects OTF/CFF."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from gui.output import font_settings as fs
from gui.output.font_settings import (
    CHOSEN,
    ROLE_NAMES,
    FontSettingsPage,
    pdf_options_from_settings,
    role_statuses,
)
from gui.settings import app_settings
from model.paths import fonts_dir


@pytest.fixture
def kai_copy(tmp_path: Path) -> Path:
    """A TrueType font file somewhere the clerk might keep one (a copy of a shipped face)."""
    target = tmp_path / "我的字体" / "kai.ttf"
    target.parent.mkdir()
    shutil.copy(fonts_dir() / "FandolKai-Regular.ttf", target)
    return target


@pytest.fixture
def cff_file(tmp_path: Path) -> Path:
    """An OpenType font with CFF outlines (only its header matters to the check)."""
    path = tmp_path / "思源宋体.otf"
    path.write_bytes(b"OTTO" + b"\x00" * 60)
    return path


def _row_texts(page: FontSettingsPage, role: str) -> list[str]:
    """role, use, face, state as the row shows them."""
    return [role] + [page.findChild(QLabel, f"{k}-{role}").text() for k in ("use", "face", "state")]


def test_page_lists_every_role_with_its_face(qtbot) -> None:
    page = FontSettingsPage()
    qtbot.addWidget(page)
    statuses = role_statuses({})
    assert (
        [s.role for s in statuses] == list(ROLE_NAMES) == ["小标宋", "仿宋", "黑体", "楷体", "宋体"]
    )
    for status in statuses:
        role, use, face, state = _row_texts(page, status.role)
        assert (role, use, face) == (status.role, status.use, status.family)
        assert face and state
        assert state.startswith("正式字体") == (status.kind == fs.OFFICIAL)
        assert ("替代字体" in state) == (status.kind == fs.SUBSTITUTE)


def test_chosen_font_is_saved_and_used_for_exports(
    qtbot, monkeypatch: pytest.MonkeyPatch, kai_copy: Path
) -> None:
    page = FontSettingsPage()
    qtbot.addWidget(page)
    monkeypatch.setattr(fs, "ask_font_file", lambda parent, role, start: str(kai_copy))
    page.findChild(QPushButton, "choose-楷体").click()

    assert "kai.ttf" in _row_texts(page, "楷体")[3]
    assert app_settings().value("fonts/楷体") is None  # nothing saved before 确定
    page.save()

    assert app_settings().value("fonts/楷体") == str(kai_copy)
    options = pdf_options_from_settings()
    assert options.font_paths == {"楷体": str(kai_copy)}
    kai = next(s for s in role_statuses(options.font_paths) if s.role == "楷体")
    assert kai.kind == CHOSEN and Path(kai.path) == kai_copy

    reopened = FontSettingsPage()  # the next 设置 dialog shows the saved choice
    qtbot.addWidget(reopened)
    assert reopened.font_paths() == {"楷体": str(kai_copy)}
    reopened.findChild(QPushButton, "auto-楷体").click()
    reopened.save()
    assert pdf_options_from_settings().font_paths == {}


def test_cff_font_is_rejected_with_a_clear_message(
    qtbot, monkeypatch: pytest.MonkeyPatch, cff_file: Path
) -> None:
    page = FontSettingsPage()
    qtbot.addWidget(page)
    shown: list[str] = []
    monkeypatch.setattr(fs, "ask_font_file", lambda parent, role, start: str(cff_file))
    monkeypatch.setattr(fs, "show_font_error", lambda parent, text: shown.append(text))
    page.findChild(QPushButton, "choose-仿宋").click()

    assert len(shown) == 1
    assert "TrueType" in shown[0] and "思源宋体.otf" in shown[0]
    assert page.font_paths() == {}
    page.save()
    assert app_settings().value("fonts/仿宋") is None


def test_roles_of_substitution_records() -> None:
    from export.pdf.fonts import Substitution

    records = [Substitution("fangsong", "FandolFang R"), Substitution("xiaobiaosong", "FandolSong")]
    assert fs.roles_in(records) == ["小标宋", "仿宋"]
