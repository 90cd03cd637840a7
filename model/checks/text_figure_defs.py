"""The ``text_figures`` of a format file: phrases of the narrative that quote a table figure.

Each entry names the figure (``id``, part of the finding id, so keep it stable), how a
message calls it (``what``), the phrase (``pattern``: a regular expression in which
``{gap:N}`` stands for up to N characters of the same clause and ``{number}`` for the quoted
number), the ``units`` that may follow the number, the ``cells`` that add up to the table
figure (cell ids or glob patterns such as ``s3.result.denied.*@total``) and an optional
``exclude`` expression: a phrase matching it is ambiguous and not compared.
Read by :mod:`model.checks.text_figures`; checked when the format file is loaded.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

NUMBER = r"([0-9０-９][0-9０-９,，]*)"
_GAP = re.compile(r"\{gap:(\d+)\}")
_GAP_CHARS = r"[^。；，,0-9０-９]"  # a gap stays inside one clause and holds no number


@dataclass(frozen=True)
class TextFigure:
    key: str
    what: str  # how the message names the table figure
    pattern: re.Pattern[str]  # group 1 is the number
    cells: tuple[str, ...]  # concrete cell ids of the format, summed
    exclude: re.Pattern[str] | None = None


def phrase_regex(pattern: str, units: Iterable[str]) -> str:
    """The regular expression of a ``pattern`` with its placeholders and unit expanded."""
    if pattern.count("{number}") != 1:
        raise ValueError(f"pattern {pattern!r} must contain {{number}} exactly once")
    expanded = _GAP.sub(lambda m: _GAP_CHARS + "{0," + m.group(1) + "}?", pattern)
    expanded = expanded.replace("{number}", NUMBER)
    unit_list = [str(u) for u in units]
    if not unit_list:
        raise ValueError(f"pattern {pattern!r} names no units")
    return expanded + r"\s*(?:" + "|".join(re.escape(u) for u in unit_list) + ")"


def parse_text_figures(
    entries: list[dict[str, Any]], known_cells: Iterable[str]
) -> tuple[TextFigure, ...]:
    """Validate and compile the ``text_figures`` list; ValueError names the faulty entry."""
    known = sorted(known_cells)
    figures: list[TextFigure] = []
    seen: set[str] = set()
    for entry in entries:
        key = str(entry["id"])
        if key in seen:
            raise ValueError(f"text_figures: id {key} appears twice")
        seen.add(key)
        try:
            pattern = re.compile(phrase_regex(entry["pattern"], entry.get("units", ["件"])))
            exclude = re.compile(entry["exclude"]) if entry.get("exclude") else None
        except re.error as exc:
            raise ValueError(f"text_figures {key}: bad expression ({exc})") from exc
        cells: list[str] = []
        for spec in entry["cells"]:
            matched = [c for c in known if fnmatch.fnmatchcase(c, spec)]
            if not matched:
                raise ValueError(f"text_figures {key}: no table cell matches {spec}")
            cells.extend(c for c in matched if c not in cells)
        figures.append(TextFigure(key, str(entry["what"]), pattern, tuple(cells), exclude))
    return tuple(figures)
