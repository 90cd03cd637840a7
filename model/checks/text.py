"""Checks of the narrative: placeholders, emoji, the title, a stale year, thin or silent sections.

placeholders, symbols, title_matches, stale_year and empty_sections need no table and run for
every format (legacy2008 included); problems_section and fee_mention are named in a format's
``"checks"``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from model.checks.context import META_LABELS, PREAMBLE, CheckContext, sentences
from model.checks.params import params
from model.findings import PENDING, WARNING, Finding
from model.report import NOT_APPLICABLE

_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_NUM = "一二三四五六七八九十〇零"
PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z@])"  # XX年, XXX局 (not xxgk@ of an address)
    r"|[×✕╳]{2,}"  # ××
    r"|(?<![" + _CN_NUM + r"])〇〇(?![" + _CN_NUM + r"年])"  # 〇〇 (not 二〇〇八年)
    r"|某某"
    r"|_{3,}|＿{2,}"  # blanks to fill in
    r"|□{2,}"
)
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_THIN_ANSWERS = {"无", "暂无", "没有", "无。", "略"}
_PUNCT = re.compile(r"[\s\u3000。，、；：！？,.;:!?“”\"'（）()《》【】—-]+")
# a year in these sentences is usually a deliberate reference to the past
_PAST_CONTEXT = re.compile(
    r"上年|去年|上一年|同比|较|相比|以来|整改|增长|下降|增加|减少|结转|年度报告|年报|提出|指出|印发|出台|颁布|施行"
)
_ACTIONS = re.compile(r"收到|受理|公开|办理|制发|发布|开展|收取|答复|办结|举办|组织|完成")
_STAT_PERIOD = re.compile(
    r"统计(?:期限|时限|期间|范围)|1月1日至|截[止至]\s*(?:19|20)\d{2}\s*年\s*12\s*月\s*31\s*日"
)
# the report naming itself (「编制《××局2017年政府信息公开工作年度报告》」): its year is the
# report's year, whatever a reference to an older 年度报告 elsewhere may say
_OWN_REPORT = re.compile(
    r"(?:编制|编写|形成|公布|发布|本报告|特此|现将)[^。；]{0,30}?((?:19|20)\d{2})\s*年度?"
    r"[^。；《》]{0,14}?年度?报告"
)
_PLAN_CONTEXT = re.compile(
    r"计划|规划|预计|力争|争取|目标|将要|将于|将在|(?:到|至)\s*(?:19|20)\d{2}|年(?:底)?前"
    r"|展望|十[一二三四五六]五|远景"
)


def placeholders(ctx: CheckContext) -> list[Finding]:
    return _in_every_text(ctx, "placeholder", _placeholder_in)


def _in_every_text(
    ctx: CheckContext,
    prefix: str,
    find: Callable[[str, str, str, str | None], Finding | None],
) -> list[Finding]:
    """Run ``find`` on every printed text: the 基本信息 fields, the 前言, each section.

    ``find(text, finding_id, where, section)`` returns a finding or None; ids are
    ``<prefix>@<field or section>``, stable across edits.
    """
    places: list[tuple[str, str, str, str | None]] = [
        (text, f"{prefix}@{key}", f"基本信息“{META_LABELS[key]}”", None)
        for key, text in ctx.meta_texts()
    ]
    places += [
        (text, f"{prefix}@{where}", ctx.section_label(where), None if where == PREAMBLE else where)
        for where, text in ctx.body_texts()
    ]
    return [f for place in places if (f := find(*place)) is not None]


def _placeholder_in(text: str, finding_id: str, where: str, section: str | None) -> Finding | None:
    found = next((hit for line in text.split("\n") if (hit := _placeholder(line))), None)
    if found is None:
        return None
    placeholder, context = found
    return Finding(
        finding_id,
        WARNING,
        f"{where}中有“{placeholder}”（{context}），像是模板中没有替换的占位内容，请改为实际内容。",
        section,
    )


@lru_cache(maxsize=4096)
def _placeholder(line: str) -> tuple[str, str] | None:
    """The first placeholder of one paragraph with its context (cached per paragraph)."""
    match = PLACEHOLDER.search(line)
    if match is None:
        return None
    return match.group(0), _around(line, match.start(), match.end())


# Emoji and other pictographs (Unicode Extended_Pictographic, less the text-like ©®™‼ and
# arrows): 公文 fonts have none of them, so they print as a blank gap. Symbols of GB 2312
# (★☆♀♂), which every Chinese font has, are left alone; so are all CJK characters.
_PICTOGRAPH_HEX = """
231A-231B 2328 2388 23CF 23E9-23F3 23F8-23FA 25AA-25AB 25B6 25C0 25FB-25FE 2600-2605
2607-2612 2614-2685 2690-2705 2708-2712 2714 2716 271D 2721 2728 2733-2734 2744 2747
274C 274E 2753-2755 2757 2763-2767 2795-2797 27A1 27B0 27BF 2B1B-2B1C 2B50 2B55
1F000-1F0FF 1F10D-1F10F 1F12F 1F16C-1F171 1F17E-1F17F 1F18E 1F191-1F19A 1F1AD-1F1FF
1F201-1F20F 1F21A 1F22F 1F232-1F23A 1F23C-1F23F 1F249-1F53D 1F546-1F64F 1F680-1F6FF
1F774-1F77F 1F7D5-1F7FF 1F80C-1F80F 1F848-1F84F 1F85A-1F85F 1F888-1F88F 1F8AE-1F8FF
1F90C-1F93A 1F93C-1F945 1F947-1FAFF 1FC00-1FFFD
"""  # code points as in emoji-data.txt
_EMOJI_START = 0x1F000  # from here on a pictograph is an emoji proper (表情符号)
_EMOJI_MARKS = "\ufe0f\u20e3"  # emoji presentation, keycap


def _char_class(hex_ranges: str) -> str:
    """The inside of a regex character class: ``hex_ranges`` less the characters of GB 2312."""
    runs: list[list[int]] = []
    for item in hex_ranges.split():
        low, _, high = item.partition("-")
        for code in range(int(low, 16), int(high or low, 16) + 1):
            if _in_gb2312(chr(code)):
                continue
            if runs and runs[-1][1] == code - 1:
                runs[-1][1] = code
            else:
                runs.append([code, code])
    return "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in runs)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


_PICTOGRAPH = "[" + _char_class(_PICTOGRAPH_HEX) + "]"
_MODIFIER = "[\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
_ANY_SYMBOL = re.compile(_PICTOGRAPH[:-1] + "\u20e3]")  # a quick look before the full match
SYMBOL = re.compile(
    "[\U0001f1e6-\U0001f1ff]{2}"  # a flag: two regional indicators
    f"|{_PICTOGRAPH}{_MODIFIER}*(?:\u200d{_PICTOGRAPH}{_MODIFIER}*)*"  # 👍🏻, 👨‍👩‍👧, ❤️
    "|[0-9#*]\ufe0f?\u20e3"  # keycap 1️⃣
)
_SHOWN_SYMBOLS = 5


def symbols(ctx: CheckContext) -> list[Finding]:
    """Emoji and pictographic symbols anywhere in the printed text."""
    return _in_every_text(ctx, "symbols", _symbols_in)


def _symbols_in(text: str, finding_id: str, where: str, section: str | None) -> Finding | None:
    found = list(dict.fromkeys(s for line in text.split("\n") for s in _symbols_of(line)))
    if not found:
        return None
    emoji = [s for s in found if ord(s[0]) >= _EMOJI_START or any(c in _EMOJI_MARKS for c in s)]
    kind = (
        "表情符号" if len(emoji) == len(found) else ("表情符号和图形符号" if emoji else "图形符号")
    )
    shown = "".join(f"「{s}」" for s in found[:_SHOWN_SYMBOLS])
    more = "等" if len(found) > _SHOWN_SYMBOLS else ""
    return Finding(
        finding_id,
        WARNING,
        f"{where}中有{kind}{shown}{more}。公文中一般不用，打印时可能显示为空白，请删除或改用文字。",
        section,
    )


@lru_cache(maxsize=4096)
def _symbols_of(line: str) -> tuple[str, ...]:
    """The pictographs of one paragraph (cached per paragraph)."""
    if _ANY_SYMBOL.search(line) is None:
        return ()
    return tuple(m.group(0) for m in SYMBOL.finditer(line))


def title_matches(ctx: CheckContext) -> list[Finding]:
    title = ctx.report.meta.get("title", "").strip()
    if not title:
        return []
    findings = []
    report = ctx.report
    match = YEAR.search(title.translate(_DIGITS))
    if report.year is not None and match and int(match.group(1)) != report.year:
        findings.append(
            Finding(
                "title_year",
                WARNING,
                f"报告标题写的是 {match.group(1)} 年，但本报告的年度是 {report.year} 年。"
                "请改正标题中的年份，或在“基本信息”中改正报告年度。",
            )
        )
    agency = _squash(report.agency)
    if agency and agency not in _squash(title):
        findings.append(
            Finding(
                "title_agency",
                WARNING,
                f"报告标题“{title}”中没有本机关名称“{report.agency}”。"
                "请核对标题，避免沿用其他单位的报告标题。",
            )
        )
    return findings


def stale_year(ctx: CheckContext) -> list[Finding]:
    """Year mentions that do not fit the report's year, anywhere in the report: another
    year's number left in a sentence that describes this year's work (沿用往年报告的文字),
    a statistics period of another year, and 基本信息 dates of another year."""
    year = ctx.report.year
    if year is None:
        return []
    findings = []
    for where in _stale_scope(ctx):
        paragraphs = ctx.report.preamble if where == PREAMBLE else ctx.report.sections.get(where)
        found = next(
            (hit for p in paragraphs or () if (hit := _misfit_year(p, year)) is not None), None
        )
        if found is None and where == PREAMBLE:
            found = next(
                (hit for p in paragraphs or () if (hit := _own_report_year(p, year)) is not None),
                None,
            )
        if found is None:
            continue
        other, sentence = found
        hint = "是否沿用了往年报告的文字？" if other < year else "年份是否写错？"
        findings.append(
            Finding(
                f"stale_year@{where}",
                WARNING,
                f"{ctx.section_label(where)}中写有 {other} 年"
                f"（“{_shorten(sentence.strip())}”），"
                f"本报告是 {year} 年度的。{hint}请核对。",
                None if where == PREAMBLE else where,
            )
        )
    findings += _meta_years(ctx, year)
    return findings


@lru_cache(maxsize=2048)
def _misfit_year(text: str, year: int) -> tuple[int, str] | None:
    """The first year other than ``year`` stated as the time of this report's work (one
    paragraph at a time, cached: typing re-reads only the paragraph that changed)."""
    if not YEAR.search(text.translate(_DIGITS)):
        return None
    for sentence in sentences(text):
        normalised = sentence.translate(_DIGITS)
        years = {int(m.group(1)) for m in YEAR.finditer(normalised)}
        if not years or year in years:
            continue
        is_period = bool(_STAT_PERIOD.search(normalised))
        for other in sorted(years):
            if other > year + 1 and not is_period and _PLAN_CONTEXT.search(normalised):
                continue  # 「到2027年」: a plan, not a slip
            if other == year + 1 and not is_period:
                continue  # the next year: often when the report was written or published
            if not is_period and (
                _PAST_CONTEXT.search(normalised) or not _ACTIONS.search(normalised)
            ):
                continue
            return other, sentence
    return None


def _own_report_year(text: str, year: int) -> tuple[int, str] | None:
    """A 前言 that names this report with another year (「编制《…2017年…年度报告》」)."""
    for sentence in sentences(text):
        match = _OWN_REPORT.search(sentence.translate(_DIGITS))
        if match is not None and int(match.group(1)) != year:
            return int(match.group(1)), sentence
    return None


def _meta_years(ctx: CheckContext, year: int) -> list[Finding]:
    """数据统计截止日期 of another year; 成文日期 before the year or long after it."""
    findings = []
    for key, allowed in (("cutoff_date", {year}), ("sign_date", {year, year + 1})):
        value = ctx.report.meta.get(key, "").translate(_DIGITS)
        match = YEAR.search(value) or re.match(r"\s*((?:19|20)\d{2})[-./]", value)
        if match is None or int(match.group(1)) in allowed:
            continue
        findings.append(
            Finding(
                f"stale_year@{key}",
                WARNING,
                f"基本信息“{META_LABELS[key]}”写的是 {match.group(1)} 年（“{value.strip()}”），"
                f"本报告是 {year} 年度的。请核对。",
            )
        )
    return findings


def _stale_scope(ctx: CheckContext) -> list[str]:
    """The 前言 and every text section: a year copied from an old report can sit anywhere."""
    return [PREAMBLE] + [s.id for s in ctx.fmt.sections]


def empty_sections(ctx: CheckContext) -> list[Finding]:
    """Text sections with nothing written yet (the problems section has its own check)."""
    skip = params(ctx.fmt, "problems_section").get("section")
    findings = []
    for section in ctx.fmt.sections:
        if section.has_table or section.id == skip:
            continue
        if not ctx.text(section.id).strip():
            findings.append(
                Finding(
                    f"empty@{section.id}",
                    PENDING,
                    f"“{section.heading}”尚未填写。"
                    f"确实没有内容时请写“{ctx.fmt.empty_section_text}”。",
                    section.id,
                )
            )
    return findings


def problems_section(ctx: CheckContext) -> list[Finding]:
    """§五 must say something: not empty, not just 「无」, not under 10 characters."""
    section_id = params(ctx.fmt, "problems_section").get("section")
    if section_id is None:
        return []
    heading = ctx.fmt.section(section_id).heading
    raw = ctx.text(section_id).strip()
    content = _PUNCT.sub("", raw)
    if not content:
        problem = "尚未填写"
    elif raw in _THIN_ANSWERS or content in _THIN_ANSWERS:
        problem = f"只写了“{raw}”"
    elif len(content) < 10:
        problem = f"只有“{raw}”，内容过于简单"
    else:
        return []
    return [
        Finding(
            f"thin@{section_id}",
            WARNING,
            f"“{heading}”{problem}。这一部分应如实写明本年度存在的主要问题、"
            "上年度问题的整改情况和下一步改进措施。",
            section_id,
        )
    ]


def fee_mention(ctx: CheckContext) -> list[Finding]:
    """§六 silent about fees while the tables report fees collected."""
    given = params(ctx.fmt, "fee_mention")
    section_id = given.get("section")
    if section_id is None:
        return []
    fee_cell, unpaid_cell = str(given.get("fee_cell", "")), str(given.get("unpaid_cell", ""))
    heading = ctx.fmt.section(section_id).heading
    text = ctx.text(section_id)
    findings = []
    fee = ctx.value(fee_cell) if fee_cell else None
    if isinstance(fee, (int, float)) and fee > 0 and "费" not in text:
        findings.append(
            Finding(
                f"fee_silent@{section_id}",
                WARNING,
                f"表二“行政事业性收费”本年收费金额为 {fee:g} 万元，"
                f"但“{heading}”没有提到任何收费情况。"
                "请在这一部分说明收费情况（包括是否收取信息处理费）。",
                section_id,
                (fee_cell,),
            )
        )
    unpaid = ctx.value(unpaid_cell) if unpaid_cell else None
    if (
        isinstance(unpaid, int)
        and unpaid != NOT_APPLICABLE
        and unpaid > 0
        and "信息处理费" not in text
    ):
        findings.append(
            Finding(
                f"processing_fee_silent@{section_id}",
                WARNING,
                f"表三有 {unpaid} 件申请因“逾期未按收费通知要求缴纳费用”而不再处理，"
                "说明本年发出过收费通知，"
                f"但“{heading}”没有提到信息处理费。请说明信息处理费的收取情况。",
                section_id,
                (unpaid_cell,),
            )
        )
    return findings


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _around(text: str, start: int, end: int, width: int = 8) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}{text[start:end]}{right}…"


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
