"""查找: the next occurrence of a text in the report's text fields, wrapping around.

Pure helpers over (field index, text) pairs so the search order and the wrap-around can be
tested without widgets. Qt text positions count UTF-16 units; Python counts code points
(they differ for emoji and rare characters such as 𠀀), hence the conversions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Match:
    field: int  # index into the fields searched
    start: int  # code points
    end: int


def find_next(
    fields: Sequence[str], needle: str, after: tuple[int, int] | None = None
) -> Match | None:
    """The first match of ``needle`` (case-insensitive) after position ``after`` =
    (field, offset), searching field by field and wrapping around to the start."""
    if not needle or not fields:
        return None
    lowered = needle.casefold()
    field0, offset0 = after if after is not None else (0, 0)
    field0 = min(max(field0, 0), len(fields) - 1)
    order = list(range(field0, len(fields))) + list(range(0, field0 + 1))
    for step, index in enumerate(order):
        haystack = fields[index].casefold()
        if len(haystack) != len(fields[index]):
            haystack = fields[index].lower()  # keep offsets aligned (e.g. ß)
        if step == 0:
            start = haystack.find(lowered, offset0)
        elif step == len(order) - 1 and index == field0:
            start = haystack.find(lowered, 0, offset0 + len(lowered) - 1)
        else:
            start = haystack.find(lowered)
        if start >= 0:
            return Match(index, start, start + len(needle))
    return None


def to_utf16(text: str, index: int) -> int:
    """A code point offset in ``text`` as a Qt (UTF-16) position."""
    return len(text[:index].encode("utf-16-le")) // 2
