"""A report: only what the clerk entered, as one JSON-ready document.

The same document is a record in the store and, on its own, the exchange file
(docs/report.schema.json describes it). Computed cells (总计) are never stored.

Cell values have exactly four states that must never be confused:
an ``int`` count, a ``float`` amount (万元), ``None`` for a blank the clerk has not filled,
and :data:`NOT_APPLICABLE` for a cell she marked 不适用 (printed as 「/」).
"""

from __future__ import annotations

import copy
import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from model.basic_info import META_FIELDS
from model.errors import ReportDataError

SCHEMA_VERSION = 1
NOT_APPLICABLE = "n/a"

CellValue = int | float | str | None
"""int (件), float (万元), None (blank) or NOT_APPLICABLE."""


def now_iso() -> str:
    """The current local time as an ISO string with seconds, for timestamps."""
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


def timestamp_of(stamp: object) -> float:
    """Seconds since the epoch of an ISO timestamp such as ``modified``, to compare two of
    them; a timestamp without zone is local time; 0.0 when ``stamp`` cannot be read."""
    if not isinstance(stamp, str):
        return 0.0
    try:
        moment = _dt.datetime.fromisoformat(stamp)
    except ValueError:
        return 0.0
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.timestamp()


def new_report_id() -> str:
    import uuid  # only when a report is made: the module costs a fresh process 7 ms

    return uuid.uuid4().hex[:8]


@dataclass
class Report:
    """One annual report. Setters keep ``modified`` current; nothing here knows of Qt."""

    format: str
    agency: str = ""
    year: int | None = None
    id: str = field(default_factory=new_report_id)
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)
    meta: dict[str, str] = field(default_factory=dict)
    preamble: list[str] = field(default_factory=list)
    sections: dict[str, list[str]] = field(default_factory=dict)
    cells: dict[str, CellValue] = field(default_factory=dict)
    dismissed: dict[str, str] = field(default_factory=dict)
    # totals an imported document printed (cell id of a computed total -> value), compared
    # with the totals computed from the cells, never typed in the editor
    stated_totals: dict[str, int | float] = field(default_factory=dict)
    unplaced: list[str] = field(
        default_factory=list
    )  # 未归类内容: text with no place in the format
    is_copy: bool = (
        False  # a second report of the same agency and year, shown as 副本 until renamed
    )
    # a free-format report's own headings, in its order (id, heading as printed); empty: the
    # format's sections
    own_sections: list[tuple[str, str]] = field(default_factory=list)
    # sections (and "meta", "preamble") copied from last year's report that the clerk has not
    # yet edited or confirmed (未复核)
    unreviewed: list[str] = field(default_factory=list)

    # --- reading -------------------------------------------------------------------------
    def paragraphs(self, section_id: str) -> list[str]:
        return list(self.sections.get(section_id, []))

    def cell(self, cell_id: str) -> CellValue:
        return self.cells.get(cell_id)

    def meta_value(self, key: str) -> str:
        return self.meta.get(key, "")

    # --- editing -------------------------------------------------------------------------
    def touch(self) -> None:
        self.modified = now_iso()

    def set_agency(self, agency: str) -> None:
        if agency != self.agency:
            self.is_copy = False
        self.agency = agency
        self.touch()

    def set_year(self, year: int | None) -> None:
        if year != self.year:
            self.is_copy = False
        self.year = year
        self.touch()

    def set_unplaced(self, paragraphs: list[str]) -> None:
        self.unplaced = list(paragraphs)
        self.touch()

    def set_own_sections(self, sections: list[tuple[str, str]]) -> None:
        """A free-format report's own section list (id, heading), in printing order."""
        self.own_sections = [(str(i), str(h)) for i, h in sections]
        self.touch()

    def mark_reviewed(self, part: str) -> None:
        """The clerk edited or confirmed a copied section: it is no longer 未复核."""
        if part in self.unreviewed:
            self.unreviewed = [p for p in self.unreviewed if p != part]
            self.touch()

    def set_meta(self, key: str, value: str) -> None:
        if key not in META_FIELDS:
            raise ReportDataError(f"未知的基本信息字段「{key}」。")
        if key == "title" and value != self.meta.get("title", ""):
            self.is_copy = False  # a new title tells the copy apart from the original
        if value:
            self.meta[key] = value
        else:
            self.meta.pop(key, None)
        self.touch()

    def set_preamble(self, paragraphs: list[str]) -> None:
        self.preamble = list(paragraphs)
        self.touch()

    def set_paragraphs(self, section_id: str, paragraphs: list[str]) -> None:
        if paragraphs:
            self.sections[section_id] = list(paragraphs)
        else:
            self.sections.pop(section_id, None)
        self.touch()

    def set_cell(self, cell_id: str, value: CellValue) -> None:
        if value is None:
            self.cells.pop(cell_id, None)
        else:
            self.cells[cell_id] = value
        self.touch()

    def dismiss(self, finding_id: str, note: str) -> None:
        self.dismissed[finding_id] = note
        self.touch()

    def set_stated_total(self, cell_id: str, value: int | float | None) -> None:
        """A total the imported document printed; None forgets it (the computed one counts)."""
        if value is None:
            self.stated_totals.pop(cell_id, None)
        else:
            self.stated_totals[cell_id] = value
        self.touch()

    def undismiss(self, finding_id: str) -> None:
        self.dismissed.pop(finding_id, None)
        self.touch()

    # --- documents -----------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The stored / exchanged document (a deep copy, safe to hand to another thread)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "format": self.format,
            "agency": self.agency,
            "year": self.year,
            "created": self.created,
            "modified": self.modified,
            "meta": dict(self.meta),
            "preamble": list(self.preamble),
            "sections": {k: list(v) for k, v in self.sections.items()},
            "cells": dict(self.cells),
            "dismissed": dict(self.dismissed),
            **({"stated_totals": dict(self.stated_totals)} if self.stated_totals else {}),
            **({"unplaced": list(self.unplaced)} if self.unplaced else {}),
            **({"is_copy": True} if self.is_copy else {}),
            **(
                {"own_sections": [{"id": i, "heading": h} for i, h in self.own_sections]}
                if self.own_sections
                else {}
            ),
            **({"unreviewed": list(self.unreviewed)} if self.unreviewed else {}),
        }

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> Report:
        """Build a report from a document of the current schema version.

        Older documents go through ``model.store.migrations`` first; this only validates shape.
        """
        if not isinstance(doc, dict):
            raise ReportDataError("报告数据不是一个对象（JSON 对象）。")
        version = doc.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ReportDataError(
                f"报告数据的版本是 {version!r}，本程序只能直接读取版本 {SCHEMA_VERSION}。"
            )
        try:
            report = cls(
                format=_str(doc, "format", required=True),
                agency=_str(doc, "agency"),
                year=_year(doc.get("year")),
                id=_str(doc, "id", required=True),
                created=_str(doc, "created") or now_iso(),
                modified=_str(doc, "modified") or now_iso(),
                meta={str(k): str(v) for k, v in _dict(doc, "meta").items()},
                preamble=_str_list(doc.get("preamble", []), "preamble"),
                sections={
                    str(k): _str_list(v, f"sections.{k}") for k, v in _dict(doc, "sections").items()
                },
                cells={str(k): _cell(k, v) for k, v in _dict(doc, "cells").items()},
                dismissed={str(k): str(v) for k, v in _dict(doc, "dismissed").items()},
                stated_totals=_stated(_dict(doc, "stated_totals")),
                unplaced=_str_list(doc.get("unplaced", []), "unplaced"),
                is_copy=doc.get("is_copy") is True,
                own_sections=_own_sections(doc.get("own_sections", [])),
                unreviewed=_str_list(doc.get("unreviewed", []), "unreviewed"),
            )
        except (TypeError, ValueError) as exc:
            raise ReportDataError(f"报告数据有误：{exc}") from exc
        return report

    def copy(self) -> Report:
        return copy.deepcopy(self)


def _str(doc: dict[str, Any], key: str, *, required: bool = False) -> str:
    value = doc.get(key)
    if value is None:
        if required:
            raise ReportDataError(f"报告数据缺少「{key}」字段。")
        return ""
    if not isinstance(value, str):
        raise ReportDataError(f"报告数据的「{key}」字段应为文字。")
    return value


def _year(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ReportDataError("报告数据的「year」（年度）应为整数，例如 2024。")
    return value


def _dict(doc: dict[str, Any], key: str) -> dict[str, Any]:
    value = doc.get(key, {})
    if not isinstance(value, dict):
        raise ReportDataError(f"报告数据的「{key}」字段应为对象。")
    return value


def _str_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise ReportDataError(f"报告数据的「{where}」应为文字段落的列表。")
    return list(value)


def _stated(values: dict[str, Any]) -> dict[str, int | float]:
    """Printed totals; a total the document left blank (null) is simply not stated."""
    stated: dict[str, int | float] = {}
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ReportDataError(f"原文合计「{key}」的值 {value!r} 不是数字。")
        stated[str(key)] = value
    return stated


def _cell(cell_id: str, value: Any) -> CellValue:
    if value is None or value == NOT_APPLICABLE:
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ReportDataError(f"单元格「{cell_id}」的值 {value!r} 不是数字。")
    return value


def _own_sections(value: Any) -> list[tuple[str, str]]:
    if not isinstance(value, list):
        raise ReportDataError("报告数据的「own_sections」应为部分的列表。")
    out: list[tuple[str, str]] = []
    for entry in value:
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("id"), str)
            or not isinstance(entry.get("heading"), str)
        ):
            raise ReportDataError("报告数据的「own_sections」每项应有 id 和 heading（文字）。")
        out.append((entry["id"], entry["heading"]))
    return out
