"""Numbers quoted in the narrative against the tables (「收到申请12件」 while 表三 says 10).

A figure is matched only inside one sentence, with the number right after its phrase, so a
number from the next clause is never picked up. Every occurrence is compared, not only the
first. A table figure that is still blank is not compared (the table reports it).
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from functools import lru_cache

from model.check_context import PREAMBLE, CheckContext, find_section, sentences
from model.findings import WARNING, Finding
from model.formats import Format
from model.report import NOT_APPLICABLE

NUM = r"([0-9０-９][0-9０-９,，]*)"
GAP = r"[^。；，,0-9０-９]{0,%d}?"
_APPLICANTS = re.compile(r"自然人|法人|企业|机构|组织")


@dataclass(frozen=True)
class Figure:
    key: str
    what: str  # how the message names the table figure
    pattern: re.Pattern[str]
    cells: tuple[str, ...]  # cell ids or glob patterns, summed; first alternative group that exists
    alt_cells: tuple[str, ...] = ()
    exclude: re.Pattern[str] | None = None  # phrase text that makes the match ambiguous


def _fig(
    key: str,
    what: str,
    pattern: str,
    cells: tuple[str, ...],
    alt: tuple[str, ...] = (),
    exclude: str = "",
) -> Figure:
    return Figure(
        key, what, re.compile(pattern), cells, alt, re.compile(exclude) if exclude else None
    )


FIGURES: tuple[Figure, ...] = (
    _fig(
        "received",
        "表三“本年新收政府信息公开申请数量”总计",
        r"(?:新收|收到|受理|接收)" + GAP % 14 + r"申请" + GAP % 4 + NUM + r"\s*(?:件|条|份)",
        ("s3.new_this_year@total",),
        exclude=r"上年|结转|办结|答复",
    ),
    _fig(
        "carried_over",
        "表三“上年结转政府信息公开申请数量”总计",
        r"上(?:一)?年(?:度)?结转" + GAP % 12 + NUM + r"\s*件",
        ("s3.carried_over@total",),
    ),
    _fig(
        "carry_next",
        "表三“结转下年度继续办理”总计",
        r"结转(?:至|到)?下(?:一)?年(?:度)?" + GAP % 10 + NUM + r"\s*件",
        ("s3.carry_to_next_year@total",),
    ),
    _fig(
        "closed",
        "表三“（七）总计”",
        r"(?:办结|作出答复|答复|办理完毕)" + GAP % 10 + NUM + r"\s*件",
        ("s3.result.total@total",),
        exclude=r"结转|上年",
    ),
    _fig(
        "granted",
        "表三“（一）予以公开”总计",
        r"予以公开" + GAP % 6 + NUM + r"\s*件",
        ("s3.result.granted@total",),
    ),
    _fig(
        "partial",
        "表三“（二）部分公开”总计",
        r"部分公开" + GAP % 6 + NUM + r"\s*件",
        ("s3.result.partial@total",),
    ),
    _fig(
        "denied",
        "表三“（三）不予公开”各项总计之和",
        r"不予公开" + GAP % 6 + NUM + r"\s*件",
        ("s3.result.denied.*@total",),
    ),
    _fig(
        "unable",
        "表三“（四）无法提供”各项总计之和",
        r"无法提供" + GAP % 6 + NUM + r"\s*件",
        ("s3.result.unable.*@total",),
    ),
    _fig(
        "not_processed",
        "表三“（五）不予处理”各项总计之和",
        r"不予处理" + GAP % 6 + NUM + r"\s*件",
        ("s3.result.not_processed.*@total",),
    ),
    _fig(
        "review",
        "表四“行政复议”总计",
        r"行政复议" + GAP % 8 + NUM + r"\s*(?:件|起|宗)",
        ("s4.review.total",),
        exclude=r"诉讼",
    ),
    _fig(
        "litigation",
        "表四“行政诉讼”两组总计之和",
        r"行政诉讼" + GAP % 8 + NUM + r"\s*(?:件|起|宗)",
        ("s4.lit_direct.total", "s4.lit_after_review.total"),
        exclude=r"复议",
    ),
    _fig(
        "regulations_issued",
        "表二“规章”本年制发件数",
        r"制(?:发|定)(?:了)?规章" + GAP % 4 + NUM + r"\s*件",
        ("s2.art20_1.regulations@issued",),
        ("s2.art20_1.regulations@new_made",),
    ),
    _fig(
        "normative_issued",
        "表二“行政规范性文件”本年制发件数",
        r"制发" + GAP % 6 + r"规范性文件" + GAP % 4 + NUM + r"\s*件",
        ("s2.art20_1.normative_docs@issued",),
        ("s2.art20_1.normative_docs@new_made",),
    ),
    _fig(
        "licensing",
        "表二“行政许可”处理决定数量",
        r"行政许可" + GAP % 10 + NUM + r"\s*(?:件|项)",
        ("s2.art20_5.licensing@decisions",),
    ),
    _fig(
        "penalty",
        "表二“行政处罚”处理决定数量",
        r"行政处罚" + GAP % 10 + NUM + r"\s*(?:件|项|起)",
        ("s2.art20_6.penalty@decisions",),
    ),
    _fig(
        "coercion",
        "表二“行政强制”处理决定数量",
        r"行政强制" + GAP % 10 + NUM + r"\s*(?:件|项|起)",
        ("s2.art20_6.coercion@decisions",),
    ),
)


@dataclass(frozen=True)
class Quote:
    figure: Figure
    number: int
    phrase: str


@lru_cache(maxsize=1024)
def quotes_in(text: str) -> tuple[Quote, ...]:
    """Every figure quoted in ``text`` (cached: the text rarely changes between keystrokes)."""
    found: list[Quote] = []
    for sentence in sentences(text):
        for figure in FIGURES:
            for match in figure.pattern.finditer(sentence):
                phrase = match.group(0)
                if _APPLICANTS.search(phrase) or (figure.exclude and figure.exclude.search(phrase)):
                    continue
                digits = match.group(1).translate(
                    str.maketrans("０１２３４５６７８９", "0123456789")
                )
                digits = digits.replace(",", "").replace("，", "")
                if digits.isdigit():
                    found.append(Quote(figure, int(digits), phrase))
    return tuple(found)


_expanded: dict[tuple[int, str], tuple[str, ...]] = {}


def _cells_of(fmt: Format, figure: Figure) -> tuple[str, ...]:
    key = (id(fmt), figure.key)
    if key not in _expanded:
        known = fmt.all_cells()
        chosen: tuple[str, ...] = ()
        for group in (figure.cells, figure.alt_cells):
            cells = tuple(c for pat in group for c in known if fnmatch.fnmatchcase(c, pat))
            if cells:
                chosen = cells
                break
        _expanded[key] = chosen
    return _expanded[key]


def text_vs_table(ctx: CheckContext) -> list[Finding]:
    skip = find_section(ctx.fmt, "存在的主要问题")  # it talks about last year too
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    for where, paragraph in ctx.body_paragraphs():  # per paragraph: typing re-reads only one
        if where == skip:
            continue
        for quote in quotes_in(paragraph):
            cells = _cells_of(ctx.fmt, quote.figure)
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
