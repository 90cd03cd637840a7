"""未复核: parts copied from last year's report that the clerk has not yet edited or confirmed.

A new report started from last year's carries last year's words; each copied part warns until
she changes it or confirms it is still true this year (``Report.mark_reviewed``).
"""

from __future__ import annotations

from model.checks.context import CheckContext
from model.findings import WARNING, Finding

_PART_NAMES = {"meta": "基本信息", "preamble": "前言"}


def unreviewed(ctx: CheckContext) -> list[Finding]:
    headings = {s.id: s.heading for s in ctx.fmt.sections}
    findings = []
    for part in ctx.report.unreviewed:
        name = _PART_NAMES.get(part) or headings.get(part)
        if name is None:
            continue
        findings.append(
            Finding(
                id=f"unreviewed@{part}",
                level=WARNING,
                message=f"「{name}」是从上年报告复制的，尚未复核。请按今年的情况修改，"
                "或确认内容仍然适用（「标为已复核」）。",
                section=part if part in headings else None,
            )
        )
    return findings
