"""The check engine: ``check(report, fmt, previous)`` -> every finding, in a stable order.

Formula rules come from the format file (model.checks.rules); checks that need code are named in
the format's ``"checks"`` list and looked up in :data:`CODED_CHECKS`. Some text checks need no
table and run for every format (:data:`UNIVERSAL_CHECKS`), legacy2008 included.

Blank cells are taken as 0 so that every rule is evaluated on the tables agencies publish, but
never silently: a finding that needed a blank says 「按空格为 0 计算」 and names the blanks, and
each blank under an error rule stays listed as 待填 until it is filled.
Dismissed warnings stay in the result of :func:`check`; :func:`active` leaves them out.
Errors and pending findings cannot be dismissed.
"""

from __future__ import annotations

from collections.abc import Callable

from model.checks import blanks as check_blanks
from model.checks import proofreading as check_proofreading
from model.checks import text as text_checks
from model.checks import text_figures as check_text_figures
from model.checks import unreviewed as check_unreviewed
from model.checks import values as check_values
from model.checks.blanks import blank_note, count_assumed
from model.checks.context import CheckContext
from model.checks.labels import cell_name
from model.checks.rules import Outcome, compiled_rules, evaluate
from model.findings import ERROR, PENDING, WARNING, Finding
from model.formats import Format
from model.report import Report

CheckFunction = Callable[[CheckContext], list[Finding]]

CODED_CHECKS: dict[str, CheckFunction] = {
    "value_types": check_values.value_types,
    "stated_totals": check_blanks.stated_totals,
    "completeness": check_values.completeness,
    "paste_artefact": check_values.paste_artefact,
    "text_vs_table": check_text_figures.text_vs_table,
    "problems_section": text_checks.problems_section,
    "fee_mention": text_checks.fee_mention,
    "placeholders": text_checks.placeholders,
    "symbols": text_checks.symbols,
    "title_matches": text_checks.title_matches,
    "stale_year": text_checks.stale_year,
    "empty_sections": text_checks.empty_sections,
    "proofreading": check_proofreading.proofreading,
    "unreviewed": check_unreviewed.unreviewed,
}
UNIVERSAL_CHECKS = (
    "placeholders",
    "symbols",
    "title_matches",
    "stale_year",
    "empty_sections",
    "proofreading",
    "unreviewed",
)
# a report that carries printed totals is compared with them whatever its format names
ALWAYS_CHECKS = (*UNIVERSAL_CHECKS, "stated_totals")
DISMISSIBLE = frozenset({WARNING})
_SHOWN_CHECKS = 3


def check(report: Report, fmt: Format, previous: Report | None = None) -> list[Finding]:
    """Every finding for ``report``: rule findings in format order, then the coded checks.

    ``previous`` is last year's report of the same agency (for the cross-year rules H1–H3);
    a report of another year is ignored.
    """
    if previous is not None and not _is_year_before(previous, report):
        previous = None
    context = CheckContext(report, fmt, previous)
    findings = _rule_findings(context)
    names = list(fmt.checks) + [n for n in ALWAYS_CHECKS if n not in fmt.checks]
    for name in names:
        function = CODED_CHECKS.get(name)
        if function is not None:
            findings.extend(function(context))
    return _unique(findings)


def active(findings: list[Finding], report: Report) -> list[Finding]:
    """The findings still to act on: without the warnings the clerk dismissed."""
    return [f for f in findings if not is_dismissed(f, report)]


def is_dismissed(finding: Finding, report: Report) -> bool:
    return finding.level in DISMISSIBLE and finding.id in report.dismissed


def can_dismiss(finding: Finding) -> bool:
    return finding.level in DISMISSIBLE


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each level (for a status line: 2 个错误、1 个提醒、5 项待填)."""
    out = {ERROR: 0, WARNING: 0, PENDING: 0}
    for f in findings:
        out[f.level] = out.get(f.level, 0) + 1
    return out


def _rule_findings(context: CheckContext) -> list[Finding]:
    report, fmt = context.report, context.fmt
    previous_cells = context.previous.cells if context.previous is not None else None
    cells: dict[str, object] = dict(report.cells)
    quiet = check_values.blank_tables(cells, fmt) | check_values.crowded_tables(cells, fmt)
    quiet_sections = {s.id for s in fmt.sections if s.table in quiet}
    failed: list[Outcome] = []
    waiting: list[Outcome] = []
    for rule in compiled_rules(fmt):
        outcome = evaluate(rule, report.cells, previous_cells)
        context.outcomes.append(outcome)
        if outcome.status == "fail":
            failed.append(outcome)
        if outcome.blanks and rule.level == ERROR and rule.section not in quiet_sections:
            waiting.append(outcome)
    findings = [
        Finding(
            o.rule.finding_id,
            o.rule.level,
            o.message() + blank_note(fmt, o.blanks),
            o.rule.section,
            o.rule.cells(),
            o.blanks,
        )
        for o in _without_echoes(failed)
    ]
    return findings + _pending_by_blank(waiting, fmt)


def _without_echoes(failed: list[Outcome]) -> list[Outcome]:
    """Drop a failure that only repeats smaller ones: one wrong cell in the 自然人 column
    also unbalances the 总计 column, which adds that column up; the clerk gets one error.

    A failing rule is an echo when failing rules over disjoint parts of its cells account
    for its whole difference.
    """
    out = []
    for outcome in failed:
        leaves = set(outcome.rule.leaves())
        rest = outcome.left - outcome.right
        used: set[str] = set()
        for other in failed:
            other_leaves = set(other.rule.leaves())
            if (
                other is outcome
                or other.rule.op != outcome.rule.op
                or not other_leaves < leaves
                or other_leaves & used
            ):
                continue
            used |= other_leaves
            rest -= other.left - other.right
        if not (used and rest == 0 and outcome.rule.op == "=="):
            out.append(outcome)
    return out


def _pending_by_blank(waiting: list[Outcome], fmt: Format) -> list[Finding]:
    """One 待填 finding per blank cell, naming the checks it holds up.

    The rules over a blank are checked with it as 0, which may not be what she means; listing
    the cell once, with those rules, tells her what to fill instead of repeating it per rule.
    """
    held_up: dict[str, list[Outcome]] = {}
    for outcome in waiting:
        for blank in outcome.blanks:
            held_up.setdefault(blank, []).append(outcome)
    findings = []
    for blank, outcomes in held_up.items():
        titles = [o.rule.title for o in outcomes]
        shown = "、".join(titles[:_SHOWN_CHECKS])
        more = f"等 {len(titles)} 项" if len(titles) > _SHOWN_CHECKS else ""
        findings.append(
            Finding(
                f"pending@{blank}",
                PENDING,
                f"{cell_name(fmt, blank)}尚未填写，{shown}{more}暂按 0 核对。"
                "空格不等于 0，没有的请填 0，不适用的填「/」。",
                outcomes[0].rule.section,
                (blank,),
            )
        )
    return findings


def _is_year_before(previous: Report, report: Report) -> bool:
    if previous.year is None or report.year is None:
        return True
    return previous.year == report.year - 1


def _unique(findings: list[Finding]) -> list[Finding]:
    """Keep the first finding of each id, so ids stay usable as keys."""
    seen: set[str] = set()
    out = []
    for f in findings:
        if f.id not in seen:
            seen.add(f.id)
            out.append(f)
    return out


__all__ = [
    "CODED_CHECKS",
    "UNIVERSAL_CHECKS",
    "Outcome",
    "active",
    "can_dismiss",
    "check",
    "count_assumed",
    "counts",
    "is_dismissed",
]
