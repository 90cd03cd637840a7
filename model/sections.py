"""The sections a report has: its format's, or a free-format report's own headings.

A pre-2019 report keeps the headings it was written with (its ``own_sections``); every part
that lists, edits, prints or checks sections asks here rather than reading the format.
"""

from __future__ import annotations

import dataclasses

from model.formats import SECTION_TEXT, Format, SectionDef
from model.report import Report


def report_sections(report: Report, fmt: Format) -> tuple[SectionDef, ...]:
    """The report's sections in printing order."""
    if not report.own_sections:
        return fmt.sections
    known = {s.id: s for s in fmt.sections}
    out = []
    for section_id, heading in report.own_sections:
        base = known.get(section_id)
        hint = base.hint if base is not None else ""
        out.append(SectionDef(id=section_id, heading=heading, kind=SECTION_TEXT, hint=hint))
    return tuple(out)


def section_heading(report: Report, fmt: Format, section_id: str) -> str:
    """The heading printed for a section id (the id itself when neither knows it)."""
    for section in report_sections(report, fmt):
        if section.id == section_id:
            return section.heading
    return section_id


def can_edit_sections(report: Report, fmt: Format) -> bool:
    """Only a free-format report (no tables) may add, rename, remove or reorder sections."""
    return not fmt.tables


def own_sections_of(report: Report, fmt: Format) -> list[tuple[str, str]]:
    """The report's section list as (id, heading), to be edited and set back."""
    return [(s.id, s.heading) for s in report_sections(report, fmt)]


def new_section_id(report: Report) -> str:
    """An id not used by the report's sections."""
    taken = {i for i, _ in report.own_sections} | set(report.sections)
    n = 1
    while f"x{n}" in taken:
        n += 1
    return f"x{n}"


def format_of(report: Report, fmt: Format | None = None) -> Format:
    """The format as this report has it: a free-format report's own sections replace the
    format's, so the editor, the checks and the exports all see its headings."""
    if fmt is None:
        from model.formats import get_format

        fmt = get_format(report.format)
    if not report.own_sections:
        return fmt
    return dataclasses.replace(fmt, sections=report_sections(report, fmt))
