"""Parameters of the coded checks, read from the format file's ``"check_params"``.

Which section holds the fees text, which tables the completeness limits apply to, the ceiling
of a plausible count, what the narrative says about its figures (``text_relations``): a
format is data, so the checks name its cells and sections here rather than in code.
:func:`validate` runs when a format is loaded; a parameter naming a cell, section or table the
format does not have makes the load fail.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from typing import Any

from model.checks.text_figure_defs import TextRelations, parse_text_relations

# keys whose value names one section / a list of sections / one cell / tables
_SECTION_KEYS = frozenset({"section"})
_SECTIONS_KEYS = frozenset({"skip_sections"})
_CELL_KEYS = frozenset({"fee_cell", "unpaid_cell"})
_TABLE_MAP_KEYS = frozenset({"blank_limits", "count_ceilings"})


def params(fmt: Any, check: str) -> Mapping[str, Any]:
    """The parameters of one coded check in ``fmt`` (empty when the format gives none)."""
    raw: Mapping[str, Any] = getattr(fmt, "raw", {}) or {}
    value = raw.get("check_params", {}).get(check, {})
    return value if isinstance(value, Mapping) else {}


_relations_cache: dict[int, tuple[Any, TextRelations]] = {}


def text_relations(fmt: Any) -> TextRelations:
    """The compiled ``check_params.text_vs_table.relations`` of ``fmt`` (cached)."""
    hit = _relations_cache.get(id(fmt))
    if hit is not None and hit[0] is fmt:
        return hit[1]
    known = [c for t in fmt.tables.values() for c in (x.cell_id for x in t.value_cells()) if c]
    relations = parse_text_relations(dict(params(fmt, "text_vs_table").get("relations", {})), known)
    _relations_cache[id(fmt)] = (fmt, relations)
    return relations


def validate(
    data: Mapping[str, Any],
    sections: Iterable[str],
    tables: Iterable[str],
    cells: Iterable[str],
) -> None:
    """Raise ValueError when ``check_params`` names what the format does not have."""
    check_params = data.get("check_params", {})
    if not isinstance(check_params, Mapping):
        raise ValueError("check_params must be an object")
    section_ids, table_ids, cell_ids = set(sections), set(tables), sorted(cells)
    names = set(data.get("checks", ()))
    for check, values in check_params.items():
        where = f"check_params.{check}"
        if check not in names:
            raise ValueError(f"{where}: the format does not run the check {check}")
        if not isinstance(values, Mapping):
            raise ValueError(f"{where} must be an object")
        for key, value in values.items():
            _validate_value(f"{where}.{key}", key, value, section_ids, table_ids, cell_ids)
        if "relations" in values:
            parse_text_relations(dict(values["relations"]), cell_ids)


def _validate_value(
    where: str,
    key: str,
    value: Any,
    sections: set[str],
    tables: set[str],
    cells: list[str],
) -> None:
    if key in _SECTION_KEYS and value not in sections:
        raise ValueError(f"{where}: no section {value}")
    if key in _SECTIONS_KEYS:
        missing = [s for s in value if s not in sections]
        if missing:
            raise ValueError(f"{where}: no section {', '.join(missing)}")
    if key in _CELL_KEYS and not any(fnmatch.fnmatchcase(c, value) for c in cells):
        raise ValueError(f"{where}: no cell {value}")
    if key in _TABLE_MAP_KEYS:
        missing = [t for t in value if t not in tables]
        if missing:
            raise ValueError(f"{where}: no table {', '.join(missing)}")
