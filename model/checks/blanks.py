"""How a finding says it took blank cells as 0, and the totals a document printed.

Real tables leave many cells blank where nothing happened. Every rule and every text
comparison is still evaluated, with blanks as 0; a finding that needed that assumption says so
and names the blanks, so a blank is never silently a pass.
"""

from __future__ import annotations

from decimal import Decimal

from model.cells import format_cell_value, total_leaves
from model.checks.context import CheckContext
from model.checks.labels import cell_name, table_label
from model.findings import ERROR, Finding
from model.formats import Format

ASSUMPTION = "按空格为 0 计算"
_SHOWN_BLANKS = 2


_notes: dict[tuple[int, tuple[str, ...]], str] = {}


def blank_note(fmt: Format, blanks: tuple[str, ...]) -> str:
    """「（按空格为 0 计算：表三“…”行“…”列等 3 格空着）」, or "" without blanks."""
    if not blanks:
        return ""
    key = (id(fmt), blanks)
    note = _notes.get(key)
    if note is None:
        if len(_notes) > 4096:
            _notes.clear()
        note = _notes[key] = _note(fmt, blanks)
    return note


def _note(fmt: Format, blanks: tuple[str, ...]) -> str:
    shown = "、".join(cell_name(fmt, b) for b in blanks[:_SHOWN_BLANKS])
    more = f"等 {len(blanks)} 格" if len(blanks) > _SHOWN_BLANKS else ""
    return f"（{ASSUMPTION}：{shown}{more}空着）"


def count_assumed(findings: list[Finding]) -> int:
    """How many findings rest on blanks taken as 0 (for the status line and `check`)."""
    return sum(1 for f in findings if f.assumed_blanks)


STATED_TOTAL_PREFIX = "stated@"


def stated_total_cell(finding: Finding) -> str | None:
    """The total cell of a finding that says a printed total differs from the computed one."""
    if finding.id.startswith(STATED_TOTAL_PREFIX) and finding.cells:
        return finding.cells[0]
    return None


def stated_totals(ctx: CheckContext) -> list[Finding]:
    """A total the imported document printed against the total computed from its cells."""
    report, fmt = ctx.report, ctx.fmt
    if not report.stated_totals:
        return []
    table_of = {c.cell_id: tid for tid, t in fmt.tables.items() for c in t.computed_cells()}
    findings = []
    for cell_id, printed in report.stated_totals.items():
        table_id = table_of.get(cell_id)
        if table_id is None:
            continue  # not a total of this format: nothing sure to compare with
        computed = ctx.value(cell_id)
        if not isinstance(computed, (int, float)) or isinstance(computed, bool):
            computed = 0  # nothing filled (or all 不适用) under it: blanks as 0, said below
        if Decimal(str(computed)) == Decimal(str(printed)):
            continue
        blanks = blanks_under(ctx, cell_id)
        value_type = "decimal" if isinstance(printed, float) else "int"
        said, counted = (format_cell_value(v, value_type) for v in (printed, computed))
        findings.append(
            Finding(
                f"{STATED_TOTAL_PREFIX}{cell_id}",
                ERROR,
                f"{cell_name(fmt, cell_id)}：原文印的合计是 {said}，"
                f"按{table_label(fmt, table_id)}各格计算是 {counted}，"
                f"两者不一致{blank_note(fmt, blanks)}。"
                "请对照原文核对各格，或核实原文合计是否有误。",
                section_of_table(fmt, table_id),
                (cell_id,),
                blanks,
            )
        )
    return findings


def blanks_under(ctx: CheckContext, cell_id: str) -> tuple[str, ...]:
    """The blank input cells a (computed) cell's value rests on."""
    cells = ctx.report.cells
    leaves = total_leaves(ctx.fmt).get(cell_id, (cell_id,))
    return tuple(leaf for leaf in leaves if cells.get(leaf) is None)


def section_of_table(fmt: Format, table_id: str) -> str | None:
    for section in fmt.sections:
        if section.table == table_id:
            return section.id
    return None
