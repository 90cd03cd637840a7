"""Real published reports (tests/data/real) as Reports: the narrative of the .txt placed into
the format's sections by their headings, the tables as printed from the .cells.json (blanks
included), the totals the document printed as ``stated_totals``.

The .txt files start with ``# `` header lines citing the source; those are dropped here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from model.formats import Format, get_format
from model.report import Report

REAL = Path(__file__).parent / "data" / "real"
_HEADING = re.compile(r"^\s*([一二三四五六七八九十]{1,3})、")
_TABLE_ROW = " | "


def real_names(with_cells: bool = True) -> list[str]:
    """The fixtures' names (without suffix); only those with table values when ``with_cells``."""
    suffix = ".cells.json" if with_cells else ".txt"
    names = sorted(p.name.removesuffix(suffix) for p in REAL.glob(f"*{suffix}"))
    return [n for n in names if not n.endswith(".raw")]


def body_lines(name: str) -> list[str]:
    text = (REAL / f"{name}.txt").read_text(encoding="utf-8")
    return [
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("# ")
    ]


def real_report(name: str) -> tuple[Report, Format]:
    """The fixture as a report of its format: text by heading, cells as printed."""
    data = json.loads((REAL / f"{name}.cells.json").read_text(encoding="utf-8"))
    fmt = get_format(data["format"])
    report = Report(format=fmt.id, agency=data.get("agency", ""), year=data.get("year"))
    known = fmt.all_cells()
    report.cells = {k: v for k, v in data.get("cells", {}).items() if k in known and v is not None}
    report.stated_totals = {k: v for k, v in data.get("stated_totals", {}).items() if v is not None}
    _place_text(report, fmt, body_lines(name))
    return report, fmt


def _place_text(report: Report, fmt: Format, lines: list[str]) -> None:
    by_number = {s.number: s for s in fmt.sections if s.number}
    current: str | None = None
    preamble: list[str] = []
    sections: dict[str, list[str]] = {}
    for n, line in enumerate(lines):
        match = _HEADING.match(line)
        section = by_number.get(match.group(1)) if match else None
        if section is not None and len(line) <= 40:
            current = section.id
            continue
        if n == 0 and "报告" in line and len(line) <= 50:
            report.meta["title"] = line
            continue
        if current is None:
            preamble.append(line)
            continue
        if fmt.section(current).has_table:
            continue  # the table as printed is in the cells; captions and rows are not text
        sections.setdefault(current, []).append(line)
    report.preamble = preamble
    report.sections = sections
