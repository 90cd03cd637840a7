"""The one place that knows where nianbao keeps its files.

Resources ship beside the code (also inside a PyInstaller bundle); user data lives in the
platform's data folder (``%APPDATA%\\nianbao`` on Windows, ``~/.local/share/nianbao`` on
Linux), unless ``NIANBAO_DATA_DIR`` points elsewhere (tests, portable use).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "nianbao"
STORE_FILE_NAME = "reports.json"


def resources_dir() -> Path:
    """The ``resources/`` folder, from source or from a frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base / "resources"


def formats_dir() -> Path:
    return resources_dir() / "formats"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def data_dir() -> Path:
    """The user's data folder for nianbao (not created here)."""
    override = os.environ.get("NIANBAO_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_store_path() -> Path:
    return data_dir() / STORE_FILE_NAME


def log_dir() -> Path:
    return data_dir() / "logs"
