"""The ``text_figures`` and ``text_relations`` of a format file: what the narrative says.

Each ``text_figures`` entry names the figure (``id``, part of the finding id, so keep it
stable), how a message calls it (``what``), the phrase (``pattern``: a regular expression in
which ``{gap:N}`` stands for up to N characters of the same clause and ``{number}`` for the
quoted number), the ``units`` that may follow the number, the ``cells`` that add up to the
table figure (cell ids or glob patterns such as ``s3.result.denied.*@total``) and optionally:

- ``exclude``: a phrase matching it is ambiguous and not compared;
- ``after``: the phrase counts only when this expression occurs earlier in its sentence
  (「诉讼9件」 right after 「行政复议7件」);
- ``variants``: ``[{"if": expr, "cells": [...], "what": "..."}]``, other cells to compare
  with when ``if`` occurs in the sentence from the phrase on (「共收到申请50件（含上年度结转
  5件）」 is 新收 + 上年结转).

``text_relations`` holds what is said *about* a quoted figure: ``percent`` (「…N件，占X%」:
``pattern`` with groups ``base`` and ``value``, ``bases`` chosen by words of the base, a
``default`` base), ``change`` (「较上年增加N件」「同比下降X%」: ``pattern`` with groups
``dir``, ``value``, ``unit``; ``down`` names the words of a decrease) and ``claims``
(「均获维持」 while table 四 shows 纠正: ``pattern`` and ``subjects`` ``[{"if", "cells",
"what"}]``, the cells that must be 0 when the sentence names that subject).
Read by :mod:`model.checks.text_figures`; checked when the format file is loaded.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

NUMBER = r"([0-9０-９][0-9０-９,，]*)"
_GAP = re.compile(r"\{gap:(\d+)\}")
_GAP_CHARS = r"[^。；，,0-9０-９]"  # a gap stays inside one clause and holds no number


@dataclass(frozen=True)
class Variant:
    """Cells to compare with instead, when ``when`` occurs in the sentence (or a base)."""

    when: re.Pattern[str] | None
    cells: tuple[str, ...]
    what: str


@dataclass(frozen=True)
class TextFigure:
    key: str
    what: str  # how the message names the table figure
    pattern: re.Pattern[str]  # group 1 is the number
    cells: tuple[str, ...]  # concrete cell ids of the format, summed
    exclude: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class Claim:
    key: str
    pattern: re.Pattern[str]
    subjects: tuple[Variant, ...]
    says: str = "并非全部维持"  # what the table shows instead, in the message
    table: str = "表四"  # the table to check the sentence against, in the message
    # where the subject is named: "before" the claim in its sentence (「复议…均获维持」) or
    # "after" it in the same clause (「未发生…行政复议」)
    subject_at: str = "before"
    unless: re.Pattern[str] | None = None  # a clause with these words claims something else


@dataclass(frozen=True)
class TextRelations:
    percent: re.Pattern[str] | None = None
    percent_bases: tuple[Variant, ...] = ()
    percent_default: Variant | None = None
    change: re.Pattern[str] | None = None
    down: re.Pattern[str] | None = None
    claims: tuple[Claim, ...] = ()


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


def check_text_figure_cells(entries: list[dict[str, Any]], known_cells: Iterable[str]) -> None:
    """What loading a format checks of its ``text_figures``: each has its own id, a phrase
    and cells the format has (ValueError names the faulty entry). The expressions are
    compiled when the checks first read them (:func:`parse_text_figures`), so exporting a
    report never pays for them."""
    known = sorted(known_cells)
    for where, entry in _named_entries(entries):
        if not isinstance(entry["pattern"], str) or not str(entry["what"]):
            raise ValueError(f"{where}: pattern and what must be text")
        _cells(entry["cells"], known, where)
        for variant in entry.get("variants", ()):
            _cells(variant["cells"], known, f"{where} variant")


def parse_text_figures(
    entries: list[dict[str, Any]], known_cells: Iterable[str]
) -> tuple[TextFigure, ...]:
    """Validate and compile the ``text_figures`` list; ValueError names the faulty entry."""
    known = sorted(known_cells)
    figures: list[TextFigure] = []
    for where, entry in _named_entries(entries):
        pattern = _regex(phrase_regex(entry["pattern"], entry.get("units", ["件"])), where)
        variants = tuple(_variant(v, known, f"{where} variant") for v in entry.get("variants", ()))
        figures.append(
            TextFigure(
                str(entry["id"]),
                str(entry["what"]),
                pattern,
                _cells(entry["cells"], known, where),
                _regex(entry["exclude"], where) if entry.get("exclude") else None,
                _regex(entry["after"], where) if entry.get("after") else None,
                variants,
            )
        )
    return tuple(figures)


def _named_entries(entries: list[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(「text_figures <id>」 for messages, entry), refusing an id given twice."""
    seen: set[str] = set()
    for entry in entries:
        key = str(entry["id"])
        if key in seen:
            raise ValueError(f"text_figures: id {key} appears twice")
        seen.add(key)
        yield f"text_figures {key}", entry


def parse_text_relations(data: dict[str, Any], known_cells: Iterable[str]) -> TextRelations:
    """Validate and compile ``text_relations``; ValueError names the faulty part."""
    known = sorted(known_cells)
    percent = data.get("percent") or {}
    change = data.get("change") or {}
    if percent:
        _require_groups(percent["pattern"], ("base", "value"), "text_relations percent")
    if change:
        _require_groups(change["pattern"], ("dir", "value", "unit"), "text_relations change")
    claims = tuple(_claim(c, known) for c in data.get("claims", ()))
    default = percent.get("default")
    return TextRelations(
        percent=_regex(percent["pattern"], "percent") if percent else None,
        percent_bases=tuple(_variant(b, known, "percent base") for b in percent.get("bases", ())),
        percent_default=_variant(default, known, "percent default") if default else None,
        change=_regex(change["pattern"], "change") if change else None,
        down=_regex(change.get("down", "减少|下降"), "change down") if change else None,
        claims=claims,
    )


def _claim(entry: dict[str, Any], known: list[str]) -> Claim:
    where = f"claim {entry['id']}"
    subject_at = str(entry.get("subject_at", "before"))
    if subject_at not in ("before", "after"):
        raise ValueError(f"{where}: subject_at must be before or after")
    return Claim(
        str(entry["id"]),
        _regex(entry["pattern"], where),
        tuple(_variant(s, known, where) for s in entry["subjects"]),
        says=str(entry.get("says", "并非全部维持")),
        table=str(entry.get("table", "表四")),
        subject_at=subject_at,
        unless=_regex(entry["unless"], where) if entry.get("unless") else None,
    )


def _require_groups(pattern: str, groups: tuple[str, ...], where: str) -> None:
    compiled = _regex(pattern, where)
    missing = [g for g in groups if g not in compiled.groupindex]
    if missing:
        raise ValueError(f"{where}: pattern lacks the group(s) {', '.join(missing)}")


def _variant(entry: dict[str, Any], known: list[str], where: str) -> Variant:
    when = entry.get("if")
    return Variant(
        _regex(when, where) if when else None,
        _cells(entry["cells"], known, where),
        str(entry.get("what", "")),
    )


def _regex(expression: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(expression)
    except re.error as exc:
        raise ValueError(f"{where}: bad expression ({exc})") from exc


def _cells(specs: Iterable[str], known: list[str], where: str) -> tuple[str, ...]:
    cells: list[str] = []
    for spec in specs:
        if not any(ch in spec for ch in "*?["):
            matched = [spec] if spec in known else []  # a plain cell id (the common case)
        else:
            matches = re.compile(fnmatch.translate(spec)).match  # one pattern for all cells
            matched = [c for c in known if matches(c)]
        if not matched:
            raise ValueError(f"{where}: no table cell matches {spec}")
        cells.extend(c for c in matched if c not in cells)
    return tuple(cells)
