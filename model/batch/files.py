"""Which files a batch reads, and reading one of them with the importers."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from model.formats import Format
from model.report import Report

# the file types the importers read; anything else in the folder is left out of the batch
READABLE_SUFFIXES = (".json", ".txt", ".docx", ".doc", ".wps", ".pdf", ".html", ".htm")


def report_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files to check: each file given, and every readable file in each folder given
    (sub-folders too), in name order; temporary files of Word/WPS (~$…) and hidden files
    are left out."""
    found: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            candidates = sorted(
                (p for p in path.rglob("*") if p.is_file() and _is_report_file(p)),
                key=lambda p: str(p.relative_to(path)),
            )
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _is_report_file(path: Path) -> bool:
    name = path.name
    if name.startswith(("~$", ".")) or name.endswith((".cells.json", ".raw.txt")):
        return False
    return path.suffix.lower() in READABLE_SUFFIXES


def read_report(path: Path, formats: list[Format] | None = None) -> tuple[Report, list[str]]:
    """Read one file with the importers (whatever types they read, this reads).

    ``formats``: the format definitions, loaded once for the whole batch rather than once
    per file."""
    from model.importers.text import import_file

    result = import_file(path, formats)
    return result.report, list(result.warnings)


def unreadable_message(path: Path, exc: Exception) -> str:
    return (
        f"文件「{path.name}」无法读取（{type(exc).__name__}：{exc}）。"
        "请打开该文件确认是否完好，或用 Word/WPS 另存一份后再检查。"
    )
