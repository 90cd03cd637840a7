"""The file name proposed when a report is exported: 「{机关}{年度}年政府信息公开工作年度报告.pdf」.

One rule for PDF, Word, HTML and Excel alike, and for the window and the command line, so the
files of one report are named the same whatever the format.
"""

from __future__ import annotations

import re

from model.report import Report

GENERIC_STEM = "政府信息公开工作年度报告"
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')  # what Windows forbids in a name
_MAX_STEM = 120  # characters; Windows paths get awkward beyond about 250 in all


def safe_file_stem(text: str) -> str:
    """``text`` with characters Windows forbids replaced by 「_」 and edge dots/spaces gone."""
    stem = _UNSAFE_FILE_CHARS.sub("_", text).strip(" .")
    return stem[:_MAX_STEM].rstrip(" .")


def export_stem(report: Report) -> str:
    """「{机关}{年度}年政府信息公开工作年度报告」, or as much of it as the report says."""
    agency = report.agency.strip()
    year = f"{report.year}年" if report.year else ""
    return safe_file_stem(f"{agency}{year}{GENERIC_STEM}") or GENERIC_STEM


def export_file_name(report: Report, suffix: str = ".pdf") -> str:
    """The proposed name of an exported file, ``suffix`` included (".pdf", ".docx" …)."""
    suffix = suffix if suffix.startswith(".") else f".{suffix}"
    return export_stem(report) + suffix.lower()
