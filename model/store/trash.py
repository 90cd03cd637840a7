"""The 回收站: deleted reports are kept as ``{"deleted_at": …, "report": {…}}`` documents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TRASH_TABLE = "trash"


@dataclass(frozen=True)
class TrashEntry:
    """One deleted report as the 回收站 list shows it."""

    id: str
    agency: str
    year: int | None
    title: str
    modified: str
    deleted_at: str


def make_entry(report_doc: dict[str, Any], deleted_at: str) -> dict[str, Any]:
    return {"deleted_at": deleted_at, "report": report_doc}


def entry_report(entry: Any) -> dict[str, Any]:
    report = entry.get("report") if isinstance(entry, dict) else None
    return report if isinstance(report, dict) else {}


def summarize(entry: Any) -> TrashEntry:
    report = entry_report(entry)
    meta = report.get("meta") or {}
    return TrashEntry(
        id=str(report.get("id", "")),
        agency=str(report.get("agency", "")),
        year=report.get("year"),
        title=str(meta.get("title", "")) if isinstance(meta, dict) else "",
        modified=str(report.get("modified", "")),
        deleted_at=str(entry.get("deleted_at", "")),
    )
