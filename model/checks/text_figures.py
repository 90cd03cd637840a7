"""Numbers quoted in the narrative against the tables (「收到申请12件」 while 表三 says 10).

The phrases and the cells they are compared with are data: the ``text_figures`` of the
format file and ``check_params.text_vs_table.relations`` (:mod:`model.checks.text_figure_defs`).
A figure is matched only inside one sentence, with the number right after its phrase, so a
number from the next clause is never picked up. Every occurrence is compared, not only the
first. Blank table cells count as 0 and the finding says so; a figure with nothing filled
under it is not compared. What the checker cannot tie to a cell is left alone, and so is a
figure said of another year or a wider whole (「2023年收到…」「全市共收到…」).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from model.cells import computed_value, format_cell_value, total_leaves
from model.checks.blanks import blank_note, blanks_under
from model.checks.context import PREAMBLE, CheckContext, sentences
from model.checks.params import params, text_relations
from model.checks.text import YEAR
from model.checks.text_figure_defs import Claim, TextFigure, TextRelations, Variant
from model.findings import WARNING, Finding
from model.report import NOT_APPLICABLE

_APPLICANTS = re.compile(r"自然人|法人|企业|机构|组织")
# Words before a figure, in its clause, that make it another year's or a wider whole's
# (「2023年收到申请80件」「上年度…」「近三年累计…」「全市共收到…」): not this table's figure.
_OTHER_SCOPE = re.compile(
    r"上年|去年|上一年|前年|同期|往年|历年|累计|以来|近[一二三两四五六七八九十\d]+年"
    r"|全(?:国|省|市|区|县|州|盟|旗|镇|乡|系统|行业)|各级|各地|各部门|各单位"
)
_CLAUSE_BREAK = re.compile(r"[，,；;：:（(）)]")
_CLAIM_CLAUSE_END = re.compile(r"[，,；;：:]")  # 「未发生…行政复议、行政诉讼案件」 is one clause
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_SHOWN_SENTENCE = 60
_BASE_FILLER = re.compile(r"比例|比重|比|为|约")  # 「占比」「占比例为」 name no base


@dataclass(frozen=True)
class Quote:
    figure: TextFigure
    number: int
    phrase: str
    sentence: str
    tail: str  # the sentence after the number, up to the next quoted figure
    lead: str  # the clause before the phrase (「2023年」 of 「2023年收到申请80件」)
    cells: tuple[str, ...]  # the figure's cells, or a variant's
    what: str
    percent: re.Match[str] | None = None  # 「，占X%」 right after the number
    change: re.Match[str] | None = None  # 「，较上年增加N件」 right after it


@dataclass(frozen=True)
class TableFigure:
    value: int
    blanks: tuple[str, ...]


_quote_cache: dict[tuple[int, int, str], tuple[Quote, ...]] = {}
_QUOTE_CACHE_SIZE = 2048


def quotes_in(
    text: str, figures: tuple[TextFigure, ...], relations: TextRelations | None = None
) -> tuple[Quote, ...]:
    """Every figure quoted in ``text`` (cached: the text rarely changes between keystrokes;
    keyed on the figures' identity, since hashing them on every call costs more than the
    search)."""
    key = (id(figures), id(relations), text)
    hit = _quote_cache.get(key)
    if hit is None:
        if len(_quote_cache) >= _QUOTE_CACHE_SIZE:
            _quote_cache.clear()
        hit = _quote_cache[key] = _find_quotes(text, figures, relations or TextRelations())
    return hit


def _find_quotes(
    text: str, figures: tuple[TextFigure, ...], relations: TextRelations
) -> tuple[Quote, ...]:
    found: list[Quote] = []
    for sentence in sentences(text):
        matches = []
        for figure in figures:
            for match in figure.pattern.finditer(sentence):
                phrase = match.group(0)
                if _APPLICANTS.search(phrase) or (figure.exclude and figure.exclude.search(phrase)):
                    continue
                if figure.after and not figure.after.search(sentence[: match.start()]):
                    continue
                digits = match.group(1).translate(_FULL_WIDTH_DIGITS)
                digits = digits.replace(",", "").replace("，", "")
                if digits.isdigit():
                    matches.append((match, figure, int(digits)))
        matches.sort(key=lambda m: m[0].start())
        for i, (match, figure, number) in enumerate(matches):
            end = matches[i + 1][0].start() if i + 1 < len(matches) else len(sentence)
            tail = sentence[match.end() : max(end, match.end())]
            cells, what = figure.cells, figure.what
            for variant in figure.variants:
                if variant.when is not None and variant.when.search(sentence[match.start() :]):
                    cells, what = variant.cells, variant.what or what
                    break
            percent = relations.percent.search(tail) if relations.percent and tail else None
            change = relations.change.search(tail) if relations.change and tail else None
            before = sentence[: match.start()]
            lead = _CLAUSE_BREAK.split(before)[-1]
            found.append(
                Quote(
                    figure,
                    number,
                    match.group(0),
                    sentence,
                    tail,
                    lead,
                    cells,
                    what,
                    percent,
                    change,
                )
            )
    return tuple(found)


def about_another_scope(quote: Quote, year: int | None) -> bool:
    """Whether the figure is said of another year or a wider whole than this report's
    tables, or is one of several given 「分别」 (then it is not compared: a wrong finding is
    worse than none)."""
    if "分别" in quote.lead + quote.phrase:  # 「收到申请分别为60件、20件」: a part each
        return True
    return _other_scope(quote.lead, year)  # not the phrase: 「上年结转」 is this table's


def _other_scope(text: str, year: int | None) -> bool:
    """Whether ``text`` names another year (「2023年」「上年度」) or a wider whole (「全市」)."""
    if _OTHER_SCOPE.search(text):
        return True
    return any(year is None or int(y) != year for y in YEAR.findall(text))


def text_vs_table(ctx: CheckContext) -> list[Finding]:
    skip = set(params(ctx.fmt, "text_vs_table").get("skip_sections", ()))
    relations = text_relations(ctx.fmt)
    claims = relations.claims
    findings: list[Finding] = []
    seen: dict[str, int] = {}

    def add(
        base: str, message: str, where: str, cells: tuple[str, ...], blanks: tuple[str, ...] = ()
    ) -> None:
        seen[base] = seen.get(base, 0) + 1
        finding_id = base if seen[base] == 1 else f"{base}#{seen[base]}"
        section = None if where == PREAMBLE else where
        findings.append(Finding(finding_id, WARNING, message, section, cells, tuple(blanks)))

    figures: dict[tuple[str, ...], TableFigure | None] = {}  # each table figure once a run
    messages: dict[tuple[int, str], str] = {}

    def figure_of(cells: tuple[str, ...]) -> TableFigure | None:
        if cells not in figures:
            figures[cells] = table_figure(ctx, cells)
        return figures[cells]

    for where, paragraph in ctx.body_paragraphs():  # per paragraph: typing re-reads only one
        if where in skip:
            continue
        label = ctx.section_label(where)
        for quote in quotes_in(paragraph, ctx.fmt.text_figures, relations):
            if about_another_scope(quote, ctx.report.year):
                continue
            table = figure_of(quote.cells)
            if table is not None and table.value != quote.number:
                key = (id(quote), where)  # a paragraph repeated gives the same message
                if key not in messages:
                    messages[key] = (
                        f"{label}中写“{_shorten(quote.sentence)}”，"
                        f"其中“{quote.phrase}”是 {quote.number} 件，"
                        f"但{quote.what}是 {table.value} 件{blank_note(ctx.fmt, table.blanks)}，"
                        "文字与表格不一致。请核对后改正其中一处。"
                    )
                add(
                    f"H4@{quote.figure.key}@{where}",
                    messages[key],
                    where,
                    quote.cells,
                    table.blanks,
                )
            if quote.percent is None and (quote.change is None or ctx.previous is None):
                continue
            said = f"{label}中写“{_shorten(quote.sentence)}”"
            percent = _percent_problem(ctx, quote, figure_of, table) if quote.percent else None
            if percent is not None:
                message, cells, blanks = percent
                add(f"H5@{quote.figure.key}@{where}", f"{said}，{message}", where, cells, blanks)
            change = _change_problem(ctx, quote) if quote.change and ctx.previous else None
            if change is not None:
                add(f"H6@{quote.figure.key}@{where}", f"{said}，{change}", where, quote.cells)
        for claim, sentence, start in _claims_in(paragraph, claims):
            problem = _claim_problem(ctx, claim, sentence, start)
            if problem is not None:
                message, cells = problem
                add(
                    f"H7@{claim.key}@{where}",
                    f"{label}中写“{_shorten(sentence)}”，{message}",
                    where,
                    cells,
                )
    return findings


def table_figure(ctx: CheckContext, cells: tuple[str, ...]) -> TableFigure | None:
    """The sum of ``cells`` with blanks as 0; None when nothing under them is filled or a
    value is not a whole number."""
    if not cells:
        return None
    total = 0
    numeric = False
    blanks: list[str] = []
    for cell in cells:
        value = ctx.value(cell)
        blanks.extend(b for b in blanks_under(ctx, cell) if b not in blanks)
        if value is None or value == NOT_APPLICABLE or not isinstance(value, (int, float)):
            continue
        if isinstance(value, float) and not value.is_integer():
            return None
        total += int(value)
        numeric = True
    return TableFigure(total, tuple(blanks)) if numeric else None


# --- 占X% ----------------------------------------------------------------------------------


def _percent_problem(
    ctx: CheckContext,
    quote: Quote,
    figure_of: Callable[[tuple[str, ...]], TableFigure | None],
    table: TableFigure | None,
) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """「占X%」 that fits neither the count written nor (when that count is already reported
    as differing from the table) the table's own count: one slip gives one finding."""
    rel = text_relations(ctx.fmt)
    match = quote.percent
    if match is None:
        return None
    base = _base_for(match.group("base"), rel.percent_bases, rel.percent_default)
    if base is None:
        return None
    figure = figure_of(base.cells)
    if figure is None or figure.value <= 0:
        return None
    written = match.group("value")
    if _close(Decimal(quote.number) * 100 / figure.value, written):
        return None
    if table is not None and _close(Decimal(table.value) * 100 / figure.value, written):
        return None  # the percent fits the table: the count written is the slip (H4)
    exact = Decimal(quote.number) * 100 / figure.value
    shown = exact.quantize(_places(written) if "." in written else Decimal("0.1"), ROUND_HALF_UP)
    return (
        f"{quote.number} 件占{base.what} {figure.value} 件的 {shown}%，"
        f"不是文中写的 {written}%{blank_note(ctx.fmt, figure.blanks)}。请核对百分比或件数。",
        base.cells,
        figure.blanks,
    )


def _base_for(words: str, bases: tuple[Variant, ...], default: Variant | None) -> Variant | None:
    """The base the sentence names (「占申请总数的」), the default when it names none, or
    None when it names a base the format does not know (then nothing is compared)."""
    words = _BASE_FILLER.sub("", words).strip("的 ")
    if not words:
        return default
    for base in bases:
        if base.when is not None and base.when.search(words):
            return base
    return None


def _places(written: str) -> Decimal:
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    return Decimal(1).scaleb(-decimals)


def _close(exact: Decimal, written: str) -> bool:
    """Whether ``written`` is ``exact`` to the precision written, rounded or cut off."""
    value = Decimal(written)
    places = _places(written)
    return value in (exact.quantize(places, ROUND_HALF_UP), exact.quantize(places, ROUND_DOWN))


# --- 较上年 ----------------------------------------------------------------------------------


def _change_problem(ctx: CheckContext, quote: Quote) -> str | None:
    rel = text_relations(ctx.fmt)
    match = quote.change
    if match is None or ctx.previous is None:
        return None
    leaves: list[str] = []
    for cell in quote.cells:
        leaves.extend(_leaves(ctx, cell))
    before = computed_value(ctx.previous, tuple(leaves), {})
    if not isinstance(before, int) or isinstance(before, bool):
        return None  # last year's report does not give that figure
    down = rel.down is not None and bool(rel.down.search(match.group("dir")))
    written = match.group("value")
    change = quote.number - before
    said_change = -Decimal(written) if down else Decimal(written)
    if match.group("unit") == "件":
        if said_change == change:
            return None
        actual = f"{'增加' if change >= 0 else '减少'} {abs(change)} 件"
    else:
        if before <= 0:
            return None
        exact = Decimal(change) * 100 / before
        if (exact < 0) == down and _close(abs(exact), written):
            return None
        shown = abs(exact).quantize(_places(written) if "." in written else Decimal("0.1"))
        actual = f"{'增长' if change >= 0 else '下降'} {shown}%"
    return (
        f"但上一年度报告的{quote.what}是 {before} 件，本年 {quote.number} 件，"
        f"应为{actual}，不是“{match.group(0).lstrip('，,、 ')}”。请核对。"
    )


def _leaves(ctx: CheckContext, cell_id: str) -> tuple[str, ...]:
    return total_leaves(ctx.fmt).get(cell_id, (cell_id,))


# --- 均获维持 ---------------------------------------------------------------------------------


_claim_cache: dict[tuple[int, str], tuple[tuple[Claim, str, int], ...]] = {}


def _claims_in(text: str, claims: tuple[Claim, ...]) -> tuple[tuple[Claim, str, int], ...]:
    """(claim, sentence, where the claim starts) for every claim made in ``text`` (cached
    on the claims' identity, like the quotes)."""
    key = (id(claims), text)
    hit = _claim_cache.get(key)
    if hit is None:
        if len(_claim_cache) >= _QUOTE_CACHE_SIZE:
            _claim_cache.clear()
        hit = _claim_cache[key] = _find_claims(text, claims)
    return hit


def _find_claims(text: str, claims: tuple[Claim, ...]) -> tuple[tuple[Claim, str, int], ...]:
    found = []
    for sentence in sentences(text):
        for claim in claims:
            match = claim.pattern.search(sentence)
            if match is not None:
                found.append((claim, sentence, match.start()))
    return tuple(found)


def _claim_problem(
    ctx: CheckContext, claim: Claim, sentence: str, start: int
) -> tuple[str, tuple[str, ...]] | None:
    if claim.subject_at == "after":
        named = _CLAIM_CLAUSE_END.split(sentence[start:], maxsplit=1)[0]
        clause = _CLAUSE_BREAK.split(sentence[:start])[-1] + named
        if claim.unless is not None and claim.unless.search(clause):
            return None
        if _other_scope(clause, ctx.report.year):
            return None  # 「上年未发生…」「全市未收到…」: not this report's tables
    else:
        named = sentence[:start]
    shown: list[str] = []
    cells: list[str] = []
    for subject in claim.subjects:
        if subject.when is None or not subject.when.search(named):
            continue
        for cell in subject.cells:
            value = ctx.value(cell)
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                shown.append(f"{ctx.name(cell)} {format_cell_value(value)} 件")
                cells.append(cell)
    if not shown:
        return None
    return (
        f"但{'、'.join(shown)}，{claim.says}。请核对文字与{claim.table}。",
        tuple(cells),
    )


def _shorten(text: str) -> str:
    text = text.strip()
    return text if len(text) <= _SHOWN_SENTENCE else text[:_SHOWN_SENTENCE] + "…"
