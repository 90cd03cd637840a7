"""Numbers quoted in the narrative against the tables (「收到申请12件」 while 表三 says 10).

The phrases and the cells they are compared with are data: the ``text_figures`` of the
format file (:mod:`model.checks.text_figure_defs`). A figure is matched only inside one sentence,
with the number right after its phrase, so a number from the next clause is never picked up.
Every occurrence is compared, not only the first. A table figure that is still blank is not
compared (the table reports it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from model.checks.context import PREAMBLE, CheckContext, find_section, sentences
from model.checks.text_figure_defs import TextFigure
from model.findings import WARNING, Finding
from model.report import NOT_APPLICABLE

_APPLICANTS = re.compile(r"自然人|法人|企业|机构|组织")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class Quote:
    figure: TextFigure
    number: int
    phrase: str


@lru_cache(maxsize=1024)
def quotes_in(text: str, figures: tuple[TextFigure, ...]) -> tuple[Quote, ...]:
    """Every figure quoted in ``text`` (cached: the text rarely changes between keystrokes)."""
    found: list[Quote] = []
    for sentence in sentences(text):
        for figure in figures:
            for match in figure.pattern.finditer(sentence):
                phrase = match.group(0)
                if _APPLICANTS.search(phrase) or (figure.exclude and figure.exclude.search(phrase)):
                    continue
                digits = match.group(1).translate(_FULL_WIDTH_DIGITS)
                digits = digits.replace(",", "").replace("，", "")
                if digits.isdigit():
                    found.append(Quote(figure, int(digits), phrase))
    return tuple(found)


def text_vs_table(ctx: CheckContext) -> list[Finding]:
    skip = find_section(ctx.fmt, "存在的主要问题")  # it talks about last year too
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    for where, paragraph in ctx.body_paragraphs():  # per paragraph: typing re-reads only one
        if where == skip:
            continue
        for quote in quotes_in(paragraph, ctx.fmt.text_figures):
            cells = quote.figure.cells
            table = _table_figure(ctx, cells)
            if table is None or table == quote.number:
                continue
            base = f"H4@{quote.figure.key}@{where}"
            seen[base] = seen.get(base, 0) + 1
            finding_id = base if seen[base] == 1 else f"{base}#{seen[base]}"
            findings.append(
                Finding(
                    finding_id,
                    WARNING,
                    f"{ctx.section_label(where)}中写“{quote.phrase}”，"
                    f"但{quote.figure.what}是 {table} 件，"
                    "文字与表格不一致。请核对后改正其中一处。",
                    None if where == PREAMBLE else where,
                    cells,
                )
            )
    return findings


def _table_figure(ctx: CheckContext, cells: tuple[str, ...]) -> int | None:
    if not cells:
        return None
    total = 0
    numeric = False
    for cell in cells:
        value = ctx.value(cell)
        if value is None:
            return None
        if value == NOT_APPLICABLE or not isinstance(value, (int, float)):
            continue
        if isinstance(value, float) and not value.is_integer():
            return None
        total += int(value)
        numeric = True
    return total if numeric else None
