"""Checks of the table values themselves: types (R0.1, R0.2), blanks, the paste artefact."""

from __future__ import annotations

import itertools

from model.checks.context import CheckContext
from model.checks.labels import column_label, table_label
from model.checks.params import params
from model.checks.rules import CompiledRule, compiled_rules, evaluate
from model.findings import ERROR, PENDING, WARNING, Finding
from model.formats import VALUE_DECIMAL, VALUE_SIGNED_INT, Format, GridCell
from model.report import NOT_APPLICABLE

SIGNED_INT = VALUE_SIGNED_INT
FILL_ADVICE = "没有的请填 0，不适用的填「/」。"


_inputs_cache: dict[int, tuple[Format, dict[str, tuple[GridCell, ...]]]] = {}

BLANKS_PREFIX = "blank@"  # the blanks of a small table, one finding per table
COMPLETENESS_PREFIX = "completeness@"  # a table with many blanks


def marks_blanks(finding: Finding) -> bool:
    """The findings that list a table's blank cells (what 空格填 0 offers to fill)."""
    return finding.id.startswith((COMPLETENESS_PREFIX, BLANKS_PREFIX))


def inputs_by_table(fmt: Format) -> dict[str, tuple[GridCell, ...]]:
    """The cells the clerk types into, per table, in reading order (cached per format)."""
    hit = _inputs_cache.get(id(fmt))
    if hit is not None and hit[0] is fmt:
        return hit[1]
    inputs = {tid: tuple(t.input_cells()) for tid, t in fmt.tables.items()}
    _inputs_cache[id(fmt)] = (fmt, inputs)
    return inputs


def blank_tables(report_cells: dict[str, object], fmt: Format) -> set[str]:
    """Tables of which not a single input cell is filled yet."""
    return {
        tid
        for tid, inputs in inputs_by_table(fmt).items()
        if all(report_cells.get(c.cell_id) is None for c in inputs if c.cell_id)
    }


def blank_limits(fmt: Format) -> dict[str, int]:
    """Per table, how many blanks the completeness check tolerates before it reports them as
    a whole (``check_params.completeness.blank_limits`` of the format)."""
    limits = params(fmt, "completeness").get("blank_limits", {})
    return {str(k): int(v) for k, v in limits.items()}


def crowded_tables(report_cells: dict[str, object], fmt: Format) -> set[str]:
    """Tables with more blanks than the completeness check tolerates: one warning lists
    them all (and marks the cells), instead of a 待填 line for every blank."""
    limits = blank_limits(fmt)
    return {
        tid
        for tid, inputs in inputs_by_table(fmt).items()
        if tid in limits
        and sum(report_cells.get(c.cell_id) is None for c in inputs if c.cell_id) > limits[tid]
    }


def _section_of(fmt: Format, table_id: str) -> str | None:
    for section in fmt.sections:
        if section.table == table_id:
            return section.id
    return None


def value_types(ctx: CheckContext) -> list[Finding]:
    """R0.1: counts are whole numbers ≥ 0; R0.2: the 万元 amount is a number ≥ 0;
    R0.3: a count above what even a whole city's report plausibly holds (a warning: a typing
    slip?). Ceilings are set per table: applications (表三) and appeals (表四) stay in the
    thousands, while the decisions of 表二 run to millions in a city's or a province's report
    (traffic penalties alone), so 表二 has none."""
    findings = []
    ceilings = params(ctx.fmt, "value_types").get("count_ceilings", {})
    for tid, table_inputs in inputs_by_table(ctx.fmt).items():
        section = _section_of(ctx.fmt, tid)
        ceiling = ceilings.get(tid)
        for cell in table_inputs:
            assert cell.cell_id is not None
            value = ctx.report.cells.get(cell.cell_id)
            if value is None or value == NOT_APPLICABLE:
                continue
            problem = _type_problem(value, cell.value_type)
            if (
                not problem
                and ceiling is not None
                and cell.value_type != VALUE_DECIMAL
                and isinstance(value, int)
                and value > ceiling
            ):
                findings.append(
                    Finding(
                        f"R0.3@{cell.cell_id}",
                        WARNING,
                        f"{ctx.name(cell.cell_id)}填的是 {value}，超过 {ceiling:,} 件，"
                        "一年很少有这么多。请核对是否多输入了数字。",
                        section,
                        (cell.cell_id,),
                    )
                )
            if problem:
                rule = "R0.2" if cell.value_type == VALUE_DECIMAL else "R0.1"
                findings.append(
                    Finding(
                        f"{rule}@{cell.cell_id}",
                        ERROR,
                        f"{ctx.name(cell.cell_id)}填的是“{value}”，{problem}",
                        section,
                        (cell.cell_id,),
                    )
                )
    return findings


def _type_problem(value: object, value_type: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "不是数字。请填写数字，不适用时填「/」。"
    if value_type == VALUE_DECIMAL:
        return "金额不能为负数。" if value < 0 else ""
    if isinstance(value, float) and not value.is_integer():
        return "件数应为整数。"
    if value < 0 and value_type != SIGNED_INT:
        return "件数不能为负数。"
    return ""


def completeness(ctx: CheckContext) -> list[Finding]:
    """A table not started (pending), too many blanks (warning), blanks in 表二 (pending)."""
    findings = []
    cells = ctx.report.cells
    limits = blank_limits(ctx.fmt)
    for tid, table_inputs in inputs_by_table(ctx.fmt).items():
        section = _section_of(ctx.fmt, tid)
        name = table_label(ctx.fmt, tid)
        inputs = [c.cell_id for c in table_inputs if c.cell_id]
        blanks = tuple(c for c in inputs if cells.get(c) is None)
        if not blanks:
            continue
        if len(blanks) == len(inputs):
            findings.append(
                Finding(
                    f"{BLANKS_PREFIX}{tid}",
                    PENDING,
                    f"{name}尚未填写。{FILL_ADVICE}",
                    section,
                    blanks,
                )
            )
        elif tid in limits:
            if len(blanks) > limits[tid]:
                findings.append(
                    Finding(
                        f"{COMPLETENESS_PREFIX}{tid}",
                        WARNING,
                        f"{name}还有 {len(blanks)} 个单元格空着（如{ctx.name(blanks[0])}）。"
                        f"空格不等于 0，打印出来是空白；核对时暂按 0 计算。{FILL_ADVICE}"
                        "可用「空格填 0」把没有发生的格一次填为 0。",
                        section,
                        blanks,
                    )
                )
        else:
            listed = "、".join(ctx.name(c) for c in blanks[:3])
            more = f"等 {len(blanks)} 格" if len(blanks) > 3 else ""
            findings.append(
                Finding(
                    f"{BLANKS_PREFIX}{tid}",
                    PENDING,
                    f"{listed}{more}尚未填写。{FILL_ADVICE}",
                    section,
                    blanks,
                )
            )
    return findings


def paste_artefact(ctx: CheckContext) -> list[Finding]:
    """Two adjacent one-digit cells that make failing sums balance when read as one number
    (「1 | 2」 for 12, a common slip when pasting from a published page)."""
    failing = [o.rule for o in ctx.outcomes if o.status == "fail" and o.rule.level == ERROR]
    if not failing:
        return []
    suspects = {leaf for rule in failing for leaf in rule.leaves()}
    by_leaf = _rules_by_leaf(ctx.fmt)
    cells = ctx.report.cells
    findings = []
    for tid, table in ctx.fmt.tables.items():
        for first, second in _adjacent_pairs(inputs_by_table(ctx.fmt)[tid]):
            assert first.cell_id is not None and second.cell_id is not None
            a, b = cells.get(first.cell_id), cells.get(second.cell_id)
            if not (_digit(a) and _digit(b)) or a == 0:
                continue
            if first.cell_id not in suspects and second.cell_id not in suspects:
                continue
            assert isinstance(a, int) and isinstance(b, int)
            joined = a * 10 + b
            trial = dict(cells)
            trial[first.cell_id] = joined
            trial[second.cell_id] = 0
            touched = by_leaf.get(first.cell_id, []) + by_leaf.get(second.cell_id, [])
            before = [r for r in touched if r in failing]
            if before and all(evaluate(r, trial).status != "fail" for r in touched):
                findings.append(
                    Finding(
                        f"paste@{first.cell_id}",
                        WARNING,
                        f"{ctx.name(first.cell_id)}填 {a}、"
                        f"右边“{column_label(table, second)}”列填 {b}，"
                        f"像是同一个数 {joined} 被拆成了两格（从网页或文件粘贴时常见）。"
                        f"如果应为 {joined}，请改正这两格，改正后表格能对上。",
                        _section_of(ctx.fmt, tid),
                        (first.cell_id, second.cell_id),
                    )
                )
    return findings


def _digit(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 9


def _adjacent_pairs(table_inputs: tuple[GridCell, ...]) -> list[tuple[GridCell, GridCell]]:
    inputs = sorted(table_inputs, key=lambda c: (c.row, c.col))
    return [
        (x, y)
        for x, y in itertools.pairwise(inputs)
        if x.row == y.row and x.col + x.colspan == y.col
    ]


_leaf_index: dict[int, tuple[Format, dict[str, list[CompiledRule]]]] = {}


def _rules_by_leaf(fmt: Format) -> dict[str, list[CompiledRule]]:
    hit = _leaf_index.get(id(fmt))
    if hit is not None and hit[0] is fmt:
        return hit[1]
    index: dict[str, list[CompiledRule]] = {}
    for rule in compiled_rules(fmt):
        if rule.needs_previous:
            continue
        for leaf in dict.fromkeys(rule.leaves()):
            index.setdefault(leaf, []).append(rule)
    _leaf_index[id(fmt)] = (fmt, index)
    return index
