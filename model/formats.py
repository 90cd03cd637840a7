"""Format definitions: what a report of one kind contains, read from resources/formats/*.json.

One definition drives the editor tabs, the PDF, the importer and the checks
(docs/formats.md describes the file). A new format is a new data file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from model.checks.params import validate as validate_check_params
from model.checks.text_figure_defs import (
    TextFigure,
    check_text_figure_cells,
    parse_text_figures,
)
from model.errors import FormatError
from model.paths import formats_dir

SECTION_TEXT = "text"
SECTION_TABLE = "table"
VALUE_INT = "int"
VALUE_DECIMAL = "decimal"
VALUE_SIGNED_INT = "signed_int"  # fmt2019 「本年增/减」 may be negative


@dataclass(frozen=True)
class SectionDef:
    id: str
    heading: str  # printed heading, e.g. 一、总体情况
    kind: str = SECTION_TEXT  # "text", or "table" (a table plus optional text)
    table: str | None = None  # table id when kind == "table"
    hint: str = ""  # what the section should cover, shown to the clerk
    aliases: tuple[str, ...] = ()  # other headings the importer recognises
    # words that name the section in a reworded heading at its place (「五、存在的不足…」)
    keywords: tuple[str, ...] = ()

    @property
    def has_table(self) -> bool:
        return self.table is not None

    @property
    def number(self) -> str:
        """The heading's number, 「三」 of 「三、收到和处理…」; empty for a heading without one."""
        return heading_number(self.heading)


_HEADING_NUMERALS = "一二三四五六七八九十百零〇"


def heading_number(heading: str) -> str:
    """「三」 of 「三、收到和处理…」; empty when the heading does not start with a numeral."""
    head, sep, _ = heading.partition("、")
    return head if sep and head and all(ch in _HEADING_NUMERALS for ch in head) else ""


@dataclass(frozen=True)
class GridCell:
    """One cell of a table as printed, placed on the physical grid.

    A label cell has ``text``; a value cell has ``cell_id`` (and ``sum`` when it is
    computed from other cells, read-only).
    """

    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    text: str = ""
    cell_id: str | None = None
    value_type: str = VALUE_INT
    sum: tuple[str, ...] = ()
    style: str = ""  # "", "caption" (a block caption row) or "header"

    @property
    def is_value(self) -> bool:
        return self.cell_id is not None

    @property
    def is_computed(self) -> bool:
        return bool(self.sum)


@dataclass(frozen=True)
class TableDef:
    id: str
    columns: int
    widths: tuple[float, ...]
    header: tuple[GridCell, ...]  # header rows, repeated when the table breaks
    header_rows: int
    body: tuple[GridCell, ...]
    body_rows: int
    title: str = ""

    def value_cells(self) -> list[GridCell]:
        return [c for c in self.body if c.is_value]

    def input_cells(self) -> list[GridCell]:
        """Cells the clerk types into (not computed), in reading order."""
        return [c for c in self.body if c.is_value and not c.is_computed]

    def computed_cells(self) -> list[GridCell]:
        return [c for c in self.body if c.is_computed]

    def find(self, cell_id: str) -> GridCell | None:
        for c in self.body:
            if c.cell_id == cell_id:
                return c
        return None


@dataclass(frozen=True)
class Format:
    id: str
    name: str
    basis: str
    year_from: int | None
    year_to: int | None
    title_pattern: str
    empty_section_text: str
    sections: tuple[SectionDef, ...]
    tables: dict[str, TableDef] = field(default_factory=dict)
    rules: tuple[dict[str, Any], ...] = ()  # interpreted by model.checks.engine
    checks: tuple[str, ...] = ()  # coded checks enabled for this format
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def text_figures(self) -> tuple[TextFigure, ...]:
        """The narrative figures compared with the tables (``raw["text_figures"]``), compiled
        when the checks first ask: their cells were checked when the format was loaded."""
        try:
            return parse_text_figures(self.raw.get("text_figures", []), self.all_cells())
        except (KeyError, TypeError, ValueError) as exc:
            raise FormatError(f"报告格式「{self.name}」的文字对照规则有误：{exc}") from exc

    def section(self, section_id: str) -> SectionDef:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def table_for(self, section: SectionDef) -> TableDef | None:
        return self.tables.get(section.table) if section.table else None

    def all_cells(self) -> dict[str, GridCell]:
        """Every value cell of every table, by id."""
        return {c.cell_id: c for t in self.tables.values() for c in t.value_cells() if c.cell_id}

    def applies_to(self, year: int | None) -> bool:
        if year is None:
            return True
        if self.year_from is not None and year < self.year_from:
            return False
        return not (self.year_to is not None and year > self.year_to)

    def title_for(self, agency: str, year: int | None) -> str:
        return self.title_pattern.format(agency=agency, year="" if year is None else year)


# --- loading --------------------------------------------------------------------------------


def available_formats(directory: Path | None = None) -> list[Format]:
    """Every format shipped, newest first (by first applicable year)."""
    folder = directory or formats_dir()
    formats = [load_format_file(p) for p in sorted(folder.glob("*.json"))]
    return sorted(formats, key=lambda f: -(f.year_from or 0))


def default_format_for(year: int | None, directory: Path | None = None) -> Format:
    """The format a new report of ``year`` should use (the newest that applies)."""
    formats = available_formats(directory)
    for fmt in formats:
        if fmt.applies_to(year):
            return fmt
    return formats[0]


@lru_cache(maxsize=16)
def get_format(format_id: str) -> Format:
    path = formats_dir() / f"{format_id}.json"
    if not path.is_file():
        raise FormatError(f"找不到报告格式「{format_id}」。请确认程序文件完整，或重新安装本程序。")
    return load_format_file(path)


def load_format_file(path: Path) -> Format:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FormatError(f"报告格式文件 {path.name} 无法读取：{exc}") from exc
    try:
        return parse_format(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise FormatError(f"报告格式文件 {path.name} 内容有误：{exc}") from exc


def parse_format(data: dict[str, Any]) -> Format:
    years = data.get("years", {})
    sections = tuple(
        SectionDef(
            id=s["id"],
            heading=s["heading"],
            kind=s.get("kind", SECTION_TEXT),
            table=s.get("table"),
            hint=s.get("hint", ""),
            aliases=tuple(s.get("aliases", ())),
            keywords=tuple(s.get("keywords", ())),
        )
        for s in data["sections"]
    )
    tables = {tid: parse_table(tid, t) for tid, t in data.get("tables", {}).items()}
    for s in sections:
        if s.table and s.table not in tables:
            raise ValueError(f"section {s.id} names unknown table {s.table}")
    known_cells = [c.cell_id for t in tables.values() for c in t.value_cells() if c.cell_id]
    validate_check_params(data, [s.id for s in sections], tables, known_cells)
    check_text_figure_cells(data.get("text_figures", []), known_cells)
    fmt = Format(
        id=data["id"],
        name=data["name"],
        basis=data.get("basis", ""),
        year_from=years.get("from"),
        year_to=years.get("to"),
        title_pattern=data.get("title_pattern", "{agency}{year}年政府信息公开工作年度报告"),
        empty_section_text=data.get("empty_section_text", "无"),
        sections=sections,
        tables=tables,
        rules=tuple(data.get("rules", ())),
        checks=tuple(data.get("checks", ())),
        raw=data,
    )
    # a rule naming a cell or section the format does not have fails the load, not a check
    from model.checks.rules import compiled_rules  # the rules read this module

    compiled_rules(fmt)  # kept: the first check needs them anyway
    unknown = {r.get("section") for r in fmt.rules} - {None, *(s.id for s in sections)}
    if unknown:
        raise ValueError(f"rules name unknown section(s) {', '.join(sorted(map(str, unknown)))}")
    return fmt


def parse_table(table_id: str, data: dict[str, Any]) -> TableDef:
    columns = int(data["columns"])
    default_type = data.get("value_type", VALUE_INT)
    header = place_rows(data.get("header", []), columns, default_type)
    body = place_rows(data["body"], columns, default_type)
    widths = tuple(float(w) for w in data.get("widths", [1] * columns))
    if len(widths) != columns:
        raise ValueError(f"table {table_id}: {len(widths)} widths for {columns} columns")
    return TableDef(
        id=table_id,
        columns=columns,
        widths=widths,
        header=tuple(header),
        header_rows=len(data.get("header", [])),
        body=tuple(body),
        body_rows=len(data["body"]),
        title=data.get("title", ""),
    )


def place_rows(rows: list[list[dict[str, Any]]], columns: int, default_type: str) -> list[GridCell]:
    """Place HTML-style rows (each lists the cells that start in it) on a grid.

    Cells spanning rows from above occupy their slots, as in an HTML table, so each row
    only names the cells that begin there. Raises ValueError when a row overflows or
    leaves a hole, which catches mistakes in a format file at load time.
    """
    occupied: set[tuple[int, int]] = set()
    placed: list[GridCell] = []
    for r, row in enumerate(rows):
        c = 0
        for spec in row:
            while (r, c) in occupied:
                c += 1
            rowspan = int(spec.get("rowspan", 1))
            colspan = int(spec.get("colspan", 1))
            if c + colspan > columns:
                raise ValueError(f"row {r} overflows {columns} columns at {spec}")
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied.add((r + dr, c + dc))
            placed.append(
                GridCell(
                    row=r,
                    col=c,
                    rowspan=rowspan,
                    colspan=colspan,
                    text=spec.get("text", ""),
                    cell_id=spec.get("cell"),
                    value_type=spec.get("type", default_type),
                    sum=tuple(spec.get("sum", ())),
                    style=spec.get("style", ""),
                )
            )
            c += colspan
        missing = [col for col in range(columns) if (r, col) not in occupied]
        if missing:
            raise ValueError(f"row {r} leaves columns {missing} empty")
    return placed
