"""A format's tables seen as labelled rows, for matching the rows of an imported table.

Each data row of a table definition is its label (the innermost label cell that starts in
the row) and its value cells left to right. Labels are compared as keys that ignore spaces,
line breaks, full/half-width brackets and punctuation, and traditional characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from model.formats import Format, GridCell, TableDef
from model.importers.chinese import to_simplified

_DROP = re.compile(r"[\s\u3000、，,。.．：:；;（）()〔〕\[\]【】“”\"'‘’《》「」<>＜＞]")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+|\d+|[（(][一二三四五六七八九十\d]+[）)])[、.．]?"
)
# label variants seen in the 2019 and 2021 tables and in reports that shortened them
_VARIANTS = {
    "规范性文件": "行政规范性文件",
}


def label_key(text: str, *, keep_numbering: bool = True) -> str:
    """A label as a comparable key: 「（一）予以公开」 -> 「一予以公开」."""
    plain = to_simplified(unicodedata.normalize("NFKC", text)).strip()
    if not keep_numbering:
        plain = _NUMBERING.sub("", plain.replace(" ", ""), count=1)
    return _DROP.sub("", plain)


@dataclass(frozen=True)
class RowDef:
    table: str
    label: str  # as printed in the format
    cells: tuple[GridCell, ...]  # value cells, left to right (computed ones included)
    context: tuple[str, ...]  # the label cells to its left and the block caption above


@dataclass(frozen=True)
class TableRows:
    table: TableDef
    rows: tuple[RowDef, ...]
    unlabelled: RowDef | None  # a row of values only (表四)
    header_keys: frozenset[str]  # header and caption texts, never values

    def find(self, text: str) -> RowDef | None:
        """The row a label names: exact key first, then without numbering, then contained."""
        full = label_key(text)
        if not full:
            return None
        for row in self.rows:
            if label_key(row.label) == full:
                return row
        bare = label_key(text, keep_numbering=False)
        bare = _VARIANTS.get(bare, bare)
        matches = [r for r in self.rows if label_key(r.label, keep_numbering=False) == bare]
        if len(matches) == 1:
            return matches[0]
        if len(bare) >= 4:
            inside = [
                r
                for r in self.rows
                if bare in label_key(r.label, keep_numbering=False)
                or (
                    len(label_key(r.label, keep_numbering=False)) >= 4
                    and label_key(r.label, keep_numbering=False) in bare
                )
            ]
            if len(inside) == 1:
                return inside[0]
        return None

    def is_header(self, text: str) -> bool:
        k = label_key(text)
        return bool(k) and k in self.header_keys

    def is_header_piece(self, text: str) -> bool:
        """A piece of a header cell wrapped over several lines (「结果」「维持」 of 结果维持)."""
        k = label_key(text)
        return bool(k) and any(k in h for h in self.header_keys)


_CACHE: dict[tuple[str, str, int], TableRows] = {}


def rows_of(fmt: Format, table_id: str) -> TableRows:
    """The table's labelled rows (built once per format and table)."""
    cache_key = (fmt.id, table_id, id(fmt.tables[table_id]))
    cached = _CACHE.get(cache_key)
    if cached is None:
        cached = _CACHE[cache_key] = _build_rows(fmt, table_id)
    return cached


def _build_rows(fmt: Format, table_id: str) -> TableRows:
    table = fmt.tables[table_id]
    by_row: dict[int, list[GridCell]] = {}
    for cell in table.body:
        by_row.setdefault(cell.row, []).append(cell)
    rows: list[RowDef] = []
    unlabelled: RowDef | None = None
    headers: set[str] = {label_key(c.text) for c in table.header if c.text}
    caption = ""
    for r in sorted(by_row):
        cells = sorted(by_row[r], key=lambda c: c.col)
        labels = [c for c in cells if not c.is_value and c.text]
        values = tuple(c for c in cells if c.is_value)
        if any(c.style in ("caption", "header") for c in labels):
            for c in labels:
                headers.add(label_key(c.text))
                headers.add(label_key(c.text, keep_numbering=False))
                if c.style == "caption":
                    caption = c.text
            continue
        if not values:
            continue
        if not labels:
            unlabelled = RowDef(table_id, "", values, (caption,))
            continue
        context = (*[c.text for c in labels[:-1]], caption)
        headers.update(label_key(c.text) for c in labels[:-1])
        rows.append(RowDef(table_id, labels[-1].text, values, context))
    return TableRows(table, tuple(rows), unlabelled, frozenset(h for h in headers if h))


def table_label_keys(fmt: Format) -> frozenset[str]:
    """Every label of every table of the format (a line with one of them is no heading)."""
    keys: set[str] = set()
    for table_id in fmt.tables:
        rows = rows_of(fmt, table_id)
        keys.update(label_key(r.label) for r in rows.rows)
        keys.update(rows.header_keys)
        for r in rows.rows:
            keys.update(label_key(c) for c in r.context if c)
    return frozenset(k for k in keys if k)
