"""Plain-Chinese names of table cells, read off the format grid, for check messages.

「表三“（一）予以公开”行“自然人”列」 is what a clerk can find on paper; cell ids are not.
"""

from __future__ import annotations

from model.formats import Format, GridCell, TableDef, heading_number

_cache: dict[int, tuple[Format, dict[str, str]]] = {}


def cell_names(fmt: Format) -> dict[str, str]:
    """Every value cell of the format with its printed name (cached per format object)."""
    hit = _cache.get(id(fmt))
    if hit is not None and hit[0] is fmt:
        return hit[1]
    names: dict[str, str] = {}
    for section in fmt.sections:
        table = fmt.table_for(section)
        if table is None:
            continue
        table_name = table_name_for(section.heading)
        for cell in table.value_cells():
            assert cell.cell_id is not None
            names[cell.cell_id] = _cell_name(table, table_name, cell)
    _cache[id(fmt)] = (fmt, names)
    return names


def cell_name(fmt: Format, cell_id: str) -> str:
    return cell_names(fmt).get(cell_id, cell_id)


def table_name_for(heading: str) -> str:
    """「表三」 for the table of 「三、收到和处理…」."""
    number = heading_number(heading)
    return f"表{number}" if number else "统计表"


def table_label(fmt: Format, table_id: str) -> str:
    for section in fmt.sections:
        if section.table == table_id:
            return table_name_for(section.heading)
    return "统计表"


def row_label(table: TableDef, cell: GridCell) -> str:
    """The most specific label left of a value cell (「（一）予以公开」, 「1.属于国家秘密」)."""
    best: GridCell | None = None
    for other in table.body:
        if other.is_value or other.style or other.col >= cell.col:
            continue
        if other.row <= cell.row < other.row + other.rowspan and (
            best is None or other.col > best.col
        ):
            best = other
    if best is None:
        return ""
    text = best.text
    if best.col > 0 and text[:1].isdigit():  # 「1.属于国家秘密」 needs its group 「（三）不予公开」
        group = _label_left_of(table, cell.row, best.col)
        if group:
            text = f"{group}·{text}"
    return text.split("（区分处理", 1)[0]


def _label_left_of(table: TableDef, row: int, col: int) -> str:
    for other in table.body:
        if other.is_value or other.style:
            continue
        if other.col + other.colspan == col and other.row <= row < other.row + other.rowspan:
            return other.text
    return ""


def column_label(table: TableDef, cell: GridCell) -> str:
    """The column header over a value cell: from the header rows, or (表二) the nearest
    header row above it inside the body."""
    value_cols = {c.col for c in table.body if c.is_value}
    if table.header:
        covering = [
            h
            for h in table.header
            if h.col <= cell.col < h.col + h.colspan
            and not (h.colspan > 1 and all(h.col <= v < h.col + h.colspan for v in value_cols))
        ]
        covering.sort(key=lambda h: h.row)
        if not covering:
            return ""
        deepest = covering[-1].text
        if sum(1 for h in table.header if h.text == deepest) == 1:
            return deepest  # 「商业企业」 is clear on its own
        return "·".join(h.text for h in covering)  # 「行政诉讼·复议后起诉·总计」
    above = [
        c
        for c in table.body
        if c.style == "header" and c.row < cell.row and c.col <= cell.col < c.col + c.colspan
    ]
    return max(above, key=lambda c: c.row).text if above else ""


def _cell_name(table: TableDef, table_name: str, cell: GridCell) -> str:
    row = row_label(table, cell)
    col = column_label(table, cell)
    if row and col:
        return f"{table_name}“{row}”行“{col}”列"
    return f"{table_name}“{row or col}”"
