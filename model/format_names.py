"""The names of the shipped formats, read without building them.

The report list only names each report's format; building the formats (their tables, rules
and text patterns) is left to the moment a report is opened, so the window appears sooner.
"""

from __future__ import annotations

import json
from pathlib import Path

from model.paths import formats_dir


def format_names(directory: Path | None = None) -> dict[str, str]:
    """Format id → its name (「2021年新版格式」…) for every format file; an unreadable file is
    left out here (opening a report of that format reports the problem)."""
    names: dict[str, str] = {}
    for path in sorted((directory or formats_dir()).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            names[data["id"]] = str(data.get("name") or data["id"])
    return names
