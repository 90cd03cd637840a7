"""The main window, the print preview and every dialog fit the screen: 1366 × 768 at 100 %
(with and without a taskbar) and 1920 × 1080 at 125 % and 150 %; a remembered window position
off every screen is brought back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication

from gui.settings import app_settings
from gui.shell.screen_fit import keep_inside, on_some_screen

PROBE = Path(__file__).with_name("screen_fit_probe.py")
SCREENS = [
    (1366, 768, "1"),  # the common office laptop
    (1366, 728, "1"),  # the same with a 40-pixel taskbar
    (1920, 1080, "1.25"),
    (1920, 1080, "1.5"),
]
EXPECTED = {
    "main window", "print preview", "new report", "settings", "help", "about", "trash",
    "export result", "file dialog", "message box", "batch check",
}  # fmt: skip


def probe(tmp_path: Path, width: int, height: int, scale: str) -> dict[str, Any]:
    config = tmp_path / "screen.json"
    screen = {"name": "S", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = dict(os.environ)
    env |= {
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "NIANBAO_DATA_DIR": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, str(PROBE)], env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(("width", "height", "scale"), SCREENS)
def test_every_window_fits_the_available_screen(
    tmp_path: Path, width: int, height: int, scale: str
) -> None:
    found = probe(tmp_path, width, height, scale)
    assert set(found) == EXPECTED, "a window could not be opened: " + json.dumps(found)
    slack = 0 if scale == "1" else 1  # fractional scaling rounds the frame by a pixel
    for name, seen in found.items():
        x, y, w, h = seen["frame"]
        ax, ay, aw, ah = seen["available"]
        assert aw == round(width / float(scale)) or aw == int(width / float(scale))
        assert x >= ax - slack and y >= ay - slack, f"{name} starts off the screen: {seen}"
        assert x + w <= ax + aw + slack, f"{name} is wider than the screen: {seen}"
        assert y + h <= ay + ah + slack, f"{name} is taller than the screen: {seen}"
    logical = (width / float(scale), height / float(scale))
    assert found["main window"]["maximised"] == (logical[0] < 1440 or logical[1] < 900)
    # the preview uses the height there is, not a fixed 900 pixels
    preview = found["print preview"]
    assert preview["frame"][3] >= min(700, preview["available"][3] - 40)


# --- a remembered geometry ---------------------------------------------------------------
def test_a_window_remembered_off_every_screen_comes_back(qtbot: Any, store: Any) -> None:
    from gui.shell.main_window import MainWindow

    first = MainWindow(store)
    qtbot.addWidget(first)
    first.show()
    first.showNormal()
    first.setGeometry(QRect(9000, 7000, 700, 500))  # a second monitor since unplugged
    app_settings().setValue("window/geometry", first.saveGeometry())
    first.close()

    again = MainWindow(store)
    qtbot.addWidget(again)
    again.show()
    area = QGuiApplication.primaryScreen().availableGeometry()
    qtbot.waitUntil(lambda: area.intersects(again.frameGeometry()))
    assert area.contains(again.frameGeometry()) or again.isMaximized()


def test_a_window_taller_than_the_screen_is_shrunk_inside(qtbot: Any) -> None:
    from PySide6.QtWidgets import QWidget

    area = QGuiApplication.primaryScreen().availableGeometry()
    tall = QWidget()
    qtbot.addWidget(tall)
    tall.resize(QSize(area.width() + 300, area.height() + 300))
    tall.move(area.left() + 50, area.top() + 50)
    tall.show()
    keep_inside(tall)
    qtbot.waitUntil(lambda: area.contains(tall.frameGeometry()))
    assert on_some_screen(tall.geometry())
    assert not on_some_screen(QRect(area.right() + 5000, area.bottom() + 5000, 800, 600))
