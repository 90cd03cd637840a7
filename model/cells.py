"""Table cell values: parsing what the clerk typed, showing values, computing totals."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from model.errors import CellInputError
from model.formats import VALUE_DECIMAL, VALUE_SIGNED_INT, Format, GridCell, TableDef
from model.report import NOT_APPLICABLE, CellValue, Report

NA_INPUTS = frozenset({"/", "／", "不适用", "n/a", "N/A", "na", "NA", "—", "-"})
MAX_COUNT = 10**9  # no agency handles a billion applications: more is a typing slip
AMOUNT_PLACES = 4  # 万元 to four places is one 元


def parse_cell_input(text: str, value_type: str) -> CellValue:
    """Turn what was typed into a cell value, or raise CellInputError with a hint.

    Empty text is a blank (None); 「/」 or 「不适用」 marks the cell not applicable.
    Full-width digits and thousands separators are accepted, nothing is guessed.
    """
    cleaned = _normalise(text)
    if cleaned == "":
        return None
    if cleaned in NA_INPUTS:
        return NOT_APPLICABLE
    if value_type == VALUE_DECIMAL:
        return _parse_amount(cleaned, text)
    if value_type == VALUE_SIGNED_INT and cleaned.startswith("-") and cleaned[1:].isdigit():
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
    table = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")
    return text.strip().translate(table).replace(",", "").replace(" ", "").replace("\u3000", "")


def _parse_count(cleaned: str, original: str) -> int:
    if cleaned.startswith("-") and cleaned[1:].isdigit():
        raise CellInputError(f"「{original.strip()}」是负数。件数不能为负，请填写 0 或正整数。")
    if not cleaned.isascii() or not cleaned.isdigit():
        if _looks_decimal(cleaned):
            raise CellInputError(f"「{original.strip()}」带有小数。件数应为整数，例如 12。")
        raise CellInputError(
            f"「{_shorten(original)}」不是数字。请填写整数（例如 12），"
            "不适用时填「/」，尚不清楚可先留空。"
        )
    value = int(cleaned)
    if value > MAX_COUNT:
        raise CellInputError(f"「{_shorten(original)}」数值过大，请检查是否多输入了数字。")
    return value


def _parse_amount(cleaned: str, original: str) -> float:
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise CellInputError(
            f"「{_shorten(original)}」不是金额。请填写以万元为单位的数字，例如 1.25。"
        ) from None
    if not amount.is_finite():
        raise CellInputError(f"「{_shorten(original)}」不是金额。请填写数字，例如 1.25。")
    if amount < 0:
        raise CellInputError(f"「{original.strip()}」是负数。金额不能为负，请填写 0 或正数。")
    if amount > MAX_COUNT:
        raise CellInputError(f"「{_shorten(original)}」数值过大，请检查单位是否为万元。")
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > AMOUNT_PLACES:
        raise CellInputError(
            f"「{original.strip()}」的小数位过多。"
            f"金额以万元为单位，最多保留 {AMOUNT_PLACES} 位小数。"
        )
    return float(amount)


def _looks_decimal(text: str) -> bool:
    try:
        Decimal(text)
    except InvalidOperation:
        return False
    return True


def _shorten(text: str, limit: int = 20) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"


def computed_value(
    report: Report, parts: tuple[str, ...], values: dict[str, CellValue]
) -> CellValue:
    """A total over ``parts``: blank while any part is blank; 不适用 parts count as 0."""
    total: Decimal = Decimal(0)
    numeric = False
    for part in parts:
        value = values.get(part, report.cell(part))
        if value is None:
            return None
        if value == NOT_APPLICABLE:
            continue
        total += Decimal(str(value))
        numeric = True
    if not numeric:
        return NOT_APPLICABLE
    return int(total) if total == total.to_integral_value() else float(total)


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
