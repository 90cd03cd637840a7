"""One report per agency and year: finding the report a new one would duplicate, and
applying the clerk's choice (open the existing one, replace it, or keep both).

The window asks the question, the command line decides by ``--replace``; both call
:func:`place_report` so the store ends up the same either way.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import Enum

from model.report import Report
from model.store.report_store import ReportStore, ReportSummary


class DuplicateChoice(Enum):
    OPEN_EXISTING = "open"  # keep the store as it is and open the report already there
    REPLACE = "replace"  # the existing report goes to the 回收站, the new one takes its place
    KEEP_BOTH = "keep_both"  # the new one is stored too, marked 副本 until renamed


@dataclass
class Placement:
    """What :func:`place_report` did: ``report_id`` is the report to open now."""

    report_id: str
    stored: bool
    replaced: list[str] = field(default_factory=list)  # ids moved to the 回收站
    kept_as_copy: bool = False


def agency_key(agency: str) -> str:
    """The agency name as compared: spaces and full-width letters or digits do not make
    another agency (「市中区商务局」 = 「市中区 商务局」)."""
    return "".join(unicodedata.normalize("NFKC", agency).split())


def same_agency_and_year(
    summaries: list[ReportSummary], agency: str, year: int | None, *, exclude_id: str = ""
) -> list[ReportSummary]:
    """Reports of ``summaries`` with the same agency and year, newest first."""
    key = agency_key(agency)
    if not key or year is None:
        return []
    found = [
        s
        for s in summaries
        if s.id != exclude_id and s.year == year and agency_key(s.agency) == key
    ]
    return sorted(found, key=lambda s: s.modified, reverse=True)


def existing_reports(store: ReportStore, report: Report) -> list[ReportSummary]:
    """Reports in ``store`` that ``report`` (not yet stored) would duplicate."""
    return same_agency_and_year(
        store.list_reports(), report.agency, report.year, exclude_id=report.id
    )


def duplicate_groups(summaries: list[ReportSummary]) -> dict[str, int]:
    """Report id → how many reports share its agency and year, for those that share."""
    groups: dict[tuple[str, int], list[str]] = {}
    for s in summaries:
        key = agency_key(s.agency)
        if key and s.year is not None:
            groups.setdefault((key, s.year), []).append(s.id)
    return {rid: len(ids) for ids in groups.values() if len(ids) > 1 for rid in ids}


def place_report(store: ReportStore, report: Report, choice: DuplicateChoice | None) -> Placement:
    """Store ``report`` unless the clerk chose the existing one.

    ``choice`` matters only when a report of the same agency and year is already there;
    ``None`` then means keep both (what the command line does without ``--replace``).
    """
    existing = existing_reports(store, report)
    if not existing:
        store.put(report)
        return Placement(report.id, stored=True)
    if choice is DuplicateChoice.OPEN_EXISTING:
        return Placement(existing[0].id, stored=False)
    if choice is DuplicateChoice.REPLACE:
        for old in existing:
            store.delete(old.id)
        report.is_copy = False
        store.put(report)
        return Placement(report.id, stored=True, replaced=[s.id for s in existing])
    report.is_copy = True
    store.put(report)
    return Placement(report.id, stored=True, kept_as_copy=True)


def describe(summary: ReportSummary) -> str:
    """One line naming an existing report in a question or a warning."""
    year = "" if summary.year is None else f"{summary.year}年"
    title = summary.title or f"{summary.agency}{year}报告"
    return f"「{title}」（编号 {summary.id}，最后修改 {summary.modified[:16].replace('T', ' ')}）"
