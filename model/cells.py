"""Table cell values: parsing what the clerk typed, showing values, computing totals."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from model.errors import CellInputError
from model.formats import VALUE_DECIMAL, VALUE_SIGNED_INT, Format, GridCell, TableDef
from model.report import NOT_APPLICABLE, CellValue, Report

NA_INPUTS = frozenset({"/", "／", "不适用", "n/a", "N/A", "na", "NA"})
# Excel/WPS accounting format shows a zero as 「-」: a lone dash may be 0 or 不适用, never guessed
DASHES = frozenset("-—－–―‐‑‒−﹣")
MAX_COUNT = 10**9  # no agency handles a billion applications: more is a typing slip
AMOUNT_PLACES = 4  # 万元 to four places is one 元

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")
_SPACES = re.compile(r"\s+")
_PLAIN = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)  # digits, at most one decimal point
_SCIENTIFIC = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)[eE][-+]?\d+", re.ASCII)
# thousands separators, one kind, every three digits: 1,234 / 12,345,678.5 / 1 234
_GROUPED = re.compile(r"-?\d{1,3}(?P<sep>[, ])\d{3}(?:(?P=sep)\d{3})*(?:\.\d*)?", re.ASCII)
_NUMBERISH = re.compile(r"-?[\d., ]*\d[\d., ]*", re.ASCII)


def parse_cell_input(text: str, value_type: str) -> CellValue:
    """Turn what was typed into a cell value, or raise CellInputError with a hint.

    Empty text is a blank (None); 「/」 or 「不适用」 marks the cell not applicable.
    Full-width digits and correctly grouped thousands separators (1,234) are accepted;
    anything else that is not a plain number is refused, nothing is guessed.
    """
    return parse_cell_input_noted(text, value_type)[0]


def parse_cell_input_noted(text: str, value_type: str) -> tuple[CellValue, str]:
    """:func:`parse_cell_input` plus a note to show when the input was converted: an amount
    written in 元 (「251000元」, as some reports print it) becomes 万元 (25.1), and says so."""
    if value_type == VALUE_DECIMAL:
        cleaned = _normalise(text).replace(" ", "")
        if cleaned.endswith("万元"):
            return parse_cell_input(cleaned[:-2], value_type), ""
        if cleaned.endswith("元"):
            yuan = _parse_amount(
                _drop_separators(cleaned[:-1], text), text, limit=MAX_COUNT * 10**4
            )
            amount = float((Decimal(str(yuan)) / 10**4).normalize())
            if -Decimal(str(amount)).as_tuple().exponent > AMOUNT_PLACES:  # type: ignore[operator]
                raise CellInputError(
                    f"「{text.strip()}」换算成万元后小数位过多，请填写以万元为单位的金额。"
                )
            shown = format_cell_value(amount, VALUE_DECIMAL)
            return amount, f"「{text.strip()}」已换算为 {shown} 万元（本栏以万元为单位）。"
    return _parse_plain(text, value_type), ""


def _parse_plain(text: str, value_type: str) -> CellValue:
    cleaned = _normalise(text)
    if cleaned == "":
        return None
    compact = cleaned.replace(" ", "")
    if compact in NA_INPUTS:
        return NOT_APPLICABLE
    if all(c in DASHES for c in compact):
        raise CellInputError(f"“{_shorten(text)}”是 0 还是不适用？没有的请填 0，不适用的填「/」。")
    cleaned = _drop_separators(cleaned, text)
    if _SCIENTIFIC.fullmatch(cleaned):
        raise CellInputError(
            f"「{_shorten(text)}」是科学计数法写法。请填写完整的数字，例如 1000（而不是 1e3）。"
        )
    if value_type == VALUE_DECIMAL:
        return _parse_amount(cleaned, text)
    if value_type == VALUE_SIGNED_INT and cleaned.startswith("-") and _is_digits(cleaned[1:]):
        return -_parse_count(cleaned[1:], text)
    return _parse_count(cleaned, text)


def format_cell_value(value: CellValue, value_type: str = "int") -> str:
    """The text shown (and printed) for a value: 「/」 for 不适用, empty for a blank."""
    if value is None:
        return ""
    if value == NOT_APPLICABLE:
        return "/"
    if value_type == VALUE_DECIMAL or isinstance(value, float):
        text = format(Decimal(str(value)).normalize(), "f")
        return text
    return str(value)


def _normalise(text: str) -> str:
    """Half-width digits and signs; runs of spaces (also 全角空格) become one space."""
    return _SPACES.sub(" ", text.translate(_FULL_WIDTH)).strip()


def _drop_separators(cleaned: str, original: str) -> str:
    """Remove thousands separators that group every three digits; refuse misplaced ones.

    「1,5」 could be 15, 1.5 or two numbers: it is refused rather than read as 15.
    """
    if "," not in cleaned and " " not in cleaned:
        return cleaned
    if _GROUPED.fullmatch(cleaned):
        return cleaned.replace(",", "").replace(" ", "")
    if _NUMBERISH.fullmatch(cleaned):
        raise CellInputError(
            f"「{_shorten(original)}」中的逗号或空格不是正确的千位分隔（应每三位一个，"
            "例如 1,234），无法确定是哪个数。请去掉逗号和空格重新填写，小数请用小数点，例如 1.5。"
        )
    return cleaned


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _parse_count(cleaned: str, original: str) -> int:
    if cleaned.startswith("-") and _is_digits(cleaned[1:]):
        raise CellInputError(f"「{original.strip()}」是负数。件数不能为负，请填写 0 或正整数。")
    if not _is_digits(cleaned):
        if _PLAIN.fullmatch(cleaned):
            raise CellInputError(f"「{original.strip()}」带有小数。件数应为整数，例如 12。")
        raise CellInputError(
            f"「{_shorten(original)}」不是数字。请填写整数（例如 12），"
            "不适用时填「/」，尚不清楚可先留空。"
        )
    value = int(cleaned)
    if value > MAX_COUNT:
        raise CellInputError(f"「{_shorten(original)}」数值过大，请检查是否多输入了数字。")
    return value


def _parse_amount(cleaned: str, original: str, limit: int = MAX_COUNT) -> float:
    if not _PLAIN.fullmatch(cleaned):
        raise CellInputError(
            f"「{_shorten(original)}」不是金额。请填写以万元为单位的数字，例如 1.25。"
        )
    amount = Decimal(cleaned)
    if amount < 0:
        raise CellInputError(f"「{original.strip()}」是负数。金额不能为负，请填写 0 或正数。")
    if amount > limit:
        raise CellInputError(f"「{_shorten(original)}」数值过大，请检查单位是否为万元。")
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > AMOUNT_PLACES:
        raise CellInputError(
            f"「{original.strip()}」的小数位过多。"
            f"金额以万元为单位，最多保留 {AMOUNT_PLACES} 位小数。"
        )
    return float(amount)


def _shorten(text: str, limit: int = 20) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"


def computed_value(
    report: Report, parts: tuple[str, ...], values: dict[str, CellValue]
) -> CellValue:
    """A total over ``parts`` with blank parts taken as 0 (a *partial* total while any part is
    blank, see :func:`partial_totals`); blank only when no part is filled; 不适用 parts count
    as 0, and a total of nothing but 不适用 is 不适用."""
    total: Decimal = Decimal(0)
    numeric = False
    blank = False
    for part in parts:
        value = values.get(part, report.cell(part))
        if value is None:
            blank = True
            continue
        if value == NOT_APPLICABLE or not isinstance(value, (int, float)):
            continue
        total += Decimal(str(value))
        numeric = True
    if not numeric:
        return None if blank else NOT_APPLICABLE
    return int(total) if total == total.to_integral_value() else float(total)


_leaves_cache: dict[int, tuple[Format, dict[str, tuple[str, ...]]]] = {}


def total_leaves(fmt: Format) -> dict[str, tuple[str, ...]]:
    """Every computed cell with the input cells it adds up, through nested sums (cached)."""
    hit = _leaves_cache.get(id(fmt))
    if hit is not None and hit[0] is fmt:
        return hit[1]
    sums = {c.cell_id: c.sum for t in fmt.tables.values() for c in t.computed_cells() if c.cell_id}

    def leaves(cell_id: str, depth: int = 0) -> tuple[str, ...]:
        parts = sums.get(cell_id)
        if not parts or depth > 10:
            return (cell_id,)
        return tuple(dict.fromkeys(leaf for p in parts for leaf in leaves(p, depth + 1)))

    out = {cid: leaves(cid) for cid in sums}
    _leaves_cache[id(fmt)] = (fmt, out)
    return out


def blank_inputs(
    report: Report,
    fmt: Format,
    table_id: str | None = None,
    cell_ids: Iterable[str] | None = None,
) -> list[str]:
    """The blank input cells of the report, of one table, or among ``cell_ids`` (the cells
    「空格填 0」 fills), in the order of the tables."""
    wanted = None if cell_ids is None else set(cell_ids)
    out = []
    for tid, table in fmt.tables.items():
        if table_id is not None and tid != table_id:
            continue
        for cell in table.input_cells():
            cid = cell.cell_id
            if cid and report.cells.get(cid) is None and (wanted is None or cid in wanted):
                out.append(cid)
    return out


def partial_totals(report: Report, fmt: Format) -> dict[str, tuple[str, ...]]:
    """Computed totals that rest on blanks taken as 0: total cell -> its blank input cells.

    A total with nothing filled at all is blank, not partial, and is left out.
    """
    out: dict[str, tuple[str, ...]] = {}
    cells = report.cells
    for total, leaves in total_leaves(fmt).items():
        blanks = tuple(leaf for leaf in leaves if cells.get(leaf) is None)
        if blanks and len(blanks) < len(leaves):
            out[total] = blanks
    return out


def effective_values(report: Report, fmt: Format) -> dict[str, CellValue]:
    """Every value cell of the format: entered values plus computed totals.

    Computed cells may sum other computed cells; they are resolved in dependency order.
    """
    values: dict[str, CellValue] = {}
    pending: list[GridCell] = []
    for table in fmt.tables.values():
        values.update(table_inputs(report, table))
        pending.extend(table.computed_cells())
    while pending:
        progress = False
        for cell in list(pending):
            if all(p in values for p in cell.sum):
                assert cell.cell_id is not None
                values[cell.cell_id] = computed_value(report, cell.sum, values)
                pending.remove(cell)
                progress = True
        if not progress:  # a cycle or a sum over an unknown cell: leave those blank
            for cell in pending:
                assert cell.cell_id is not None
                values[cell.cell_id] = None
            break
    return values


def table_inputs(report: Report, table: TableDef) -> dict[str, CellValue]:
    return {c.cell_id: report.cell(c.cell_id) for c in table.input_cells() if c.cell_id}
