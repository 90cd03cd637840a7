"""Proofreading slips that published reports print and a reader notices.

Format-independent warnings, each quoting the place: dates that are not dates, unbalanced
brackets and quotes, e-mail/web addresses and phone numbers that cannot be right, the number
of parts the preface announces against the sections, sub-heading numbers that skip or repeat,
doubled words and 「多」 after an exact figure. Each looks at one paragraph at a time and is
cached on its text, so typing re-reads only the paragraph that changed.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from functools import lru_cache

from model.checks.context import META_LABELS, PREAMBLE, CheckContext
from model.findings import WARNING, Finding

_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_WIDTH = 10  # characters of context on each side of a quoted slip

# --- dates ------------------------------------------------------------------------------------

# 「201011日」「20101231日」「202312月」: 年 and 月 lost, the digits run together
_RUN_TOGETHER = re.compile(r"(?<![0-9.])(?:19|20)[0-9]{3,6}\s*[月日]")
# a letter, dot or stray mark inside the digits of a month or day: 「2023年1l月」「12.月」
_STRAY_IN_DATE = re.compile(
    r"(?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}[A-Za-z.．。·'`]+[0-9]{0,2}\s*月"
    r"|[0-9]{1,2}\s*月\s*[0-9]{1,2}[A-Za-z.．。·'`]+[0-9]{0,2}\s*日"
)
_FULL_DATE = re.compile(r"((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*日)?")
_MONTH_DAY = re.compile(r"(?<![0-9年])\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
_PERIOD = re.compile(
    r"((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日\s*(?:起)?\s*"
    r"(?:至|到|—|-|－|~|～)\s*(?:((?:19|20)[0-9]{2})\s*年\s*)?([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日"
)
_STAT = re.compile(r"统计")


def _date_slips(text: str, year: int | None) -> list[str]:
    text = text.translate(_DIGITS)
    slips: list[str] = []
    for match in _RUN_TOGETHER.finditer(text):
        slips.append(f"“{_around(text, match)}”中年、月、日连在一起，像是漏了“年”“月”字")
    for match in _STRAY_IN_DATE.finditer(text):
        slips.append(f"“{_around(text, match)}”的日期中夹有多余的字符")
    for match in _FULL_DATE.finditer(text):
        y, m, d = int(match.group(1)), int(match.group(2)), match.group(3)
        if not 1 <= m <= 12:
            slips.append(f"“{_around(text, match)}”中没有 {m} 月")
        elif d is not None and not 1 <= int(d) <= calendar.monthrange(y, m)[1]:
            slips.append(f"“{_around(text, match)}”中 {m} 月没有 {int(d)} 日")
    if year is not None:
        for match in _MONTH_DAY.finditer(text):
            m, d = int(match.group(1)), int(match.group(2))
            if not 1 <= m <= 12:
                slips.append(f"“{_around(text, match)}”中没有 {m} 月")
            elif not 1 <= d <= calendar.monthrange(year, m)[1]:
                slips.append(f"“{_around(text, match)}”中 {m} 月没有 {d} 日")
    for match in _PERIOD.finditer(text):
        slips.extend(_period_slips(text, match, year))
    return slips


def _period_slips(text: str, match: re.Match[str], year: int | None) -> list[str]:
    start_year, start_m, start_d = (int(match.group(i)) for i in (1, 2, 3))
    end_year = int(match.group(4)) if match.group(4) else start_year
    end_m, end_d = int(match.group(5)), int(match.group(6))
    if not (1 <= start_m <= 12 and 1 <= end_m <= 12):
        return []
    where = _around(text, match)
    if (end_year, end_m, end_d) < (start_year, start_m, start_d):
        return [f"“{where}”的起止日期前后颠倒"]
    sentence_start = max(text.rfind(c, 0, match.start()) for c in "。；\n") + 1
    is_statistics = bool(_STAT.search(text[sentence_start : match.end()]))
    if year is not None and is_statistics and year not in (start_year, end_year):
        return [f"统计期限“{where}”不是本报告的 {year} 年度"]
    return []


# --- brackets ---------------------------------------------------------------------------------

_PAIRS = {"《": "》", "（": "）", "(": ")", "“": "”", "「": "」", "【": "】", "〔": "〕"}
_SAME = {"(": "（", ")": "）"}  # half- and full-width brackets close each other
_CLOSERS = {v: k for k, v in _PAIRS.items()}


def _bracket_slips(text: str) -> list[str]:
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(text):
        if char in _PAIRS:
            stack.append((_SAME.get(char, char), i))
        elif char in _CLOSERS:
            if char in ")）" and _is_enumerator(text, i):
                continue
            opener = _SAME.get(_CLOSERS[char], _CLOSERS[char])
            if stack and stack[-1][0] == opener:
                stack.pop()
            elif any(o == opener for o, _ in stack):
                while stack and stack[-1][0] != opener:
                    stack.pop()
                stack.pop()
            else:
                return [f"“{_around_at(text, i)}”中的“{char}”前面没有对应的“{_CLOSERS[char]}”"]
    if stack:
        opener, i = stack[0]
        closer = _PAIRS[opener]
        return [f"“{_around_at(text, i)}”中的“{text[i]}”后面没有对应的“{closer}”"]
    return []


def _is_enumerator(text: str, index: int) -> bool:
    """「1)」「a)」「一）」 starting an item: a closing bracket with no opening one meant."""
    if index == 0 or not (text[index - 1].isalnum()):
        return False
    return index == 1 or text[index - 2] in " \t，,。；;：:、\n"


# --- addresses and numbers --------------------------------------------------------------------

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]*")
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9.\-]*", re.IGNORECASE)
_PHONE = re.compile(
    r"(?:电话|热线|传真|手机)(?:号码)?\s*(?:为|是)?[:：]?\s*([0-9][0-9\s\-－—()（）]{2,30}[0-9])"
)
_SERVICE = re.compile(r"1[0-9]{4}|9[0-9]{4}")  # 12345, 12315, 95598: short service numbers


def _address_slips(text: str, phone_field: bool = False) -> list[str]:
    text = text.translate(_DIGITS)
    slips: list[str] = []
    for match in _EMAIL.finditer(text):
        domain = match.group(0).split("@", 1)[1].rstrip(".")
        labels = domain.split(".")
        if len(labels) < 2 or any(not label for label in labels):
            slips.append(f"电子邮箱“{match.group(0)}”的域名不完整")
    for match in _URL.finditer(text):
        host = re.sub(r"^(?:https?://)", "", match.group(0), flags=re.IGNORECASE).rstrip(".")
        if not host or "" in host.split(".") or "." not in host:
            slips.append(f"网址“{match.group(0)}”不完整")
    numbers = [text] if phone_field else [m.group(1) for m in _PHONE.finditer(text)]
    for found in numbers:
        for number in re.split(r"[、，,;；/或和]", found):
            digits = re.sub(r"[^0-9]", "", number)
            if not digits or _SERVICE.fullmatch(digits):
                continue
            problem = _phone_problem(digits)
            if problem:
                slips.append(f"电话号码“{number.strip()}”{problem}")
    return slips


def _phone_problem(digits: str) -> str:
    """Why a run of digits cannot be a Chinese phone number ("" when it can): a number with
    its area code (0…) has 10 to 12 digits, a mobile 11, a local number 7 or 8."""
    n = len(digits)
    if digits.startswith("0"):
        ok = 10 <= n <= 12
    elif digits.startswith("1"):
        ok = n == 11
    else:
        ok = n in (7, 8)
    if ok:
        return ""
    if n < 7:
        return f"只有 {n} 位数字"
    if n > 12:
        return f"有 {n} 位数字，像是两个号码连在一起"
    return f"有 {n} 位数字，位数不对"


# --- parts and numbering ----------------------------------------------------------------------

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_ANNOUNCED = re.compile(r"([一二三四五六七八九十]{1,3}|[0-9]{1,2})\s*(?:个)?(?:部分|方面)")
_LISTING_START = re.compile(r"包括|包含|分为|分成|由|从")
_SUBHEADING = re.compile(r"^\s*[（(]([一二三四五六七八九十]{1,3})[）)]")
_HEADING = re.compile(r"^\s*([一二三四五六七八九十]{1,3})、")


def _cn_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _CN.get(text)
    if text.startswith("十"):
        return 10 + (_CN.get(text[1:], 0) if len(text) > 1 else 0)
    if len(text) >= 2 and text[1] == "十":
        tens = _CN.get(text[0], 0) * 10
        return tens + (_CN.get(text[2:], 0) if len(text) > 2 else 0)
    return None


def _announced_parts(text: str) -> tuple[int, int, str] | None:
    """(announced, listed, quote) from 「全文包括甲、乙、丙等三部分」; listed is 0 when the
    sentence lists no parts."""
    for match in _ANNOUNCED.finditer(text):
        announced = _cn_number(match.group(1))
        if announced is None or announced < 2:
            continue
        sentence_start = max(text.rfind(c, 0, match.start()) for c in "。；") + 1
        before = text[sentence_start : match.start()]
        starts = list(_LISTING_START.finditer(before))
        if not starts:
            continue
        listing = re.sub(r"(?:等|共|计)+\s*$", "", before[starts[-1].end() :])
        items = [i for i in re.split(r"[、，,]|以及", listing) if i.strip()]
        listed = len(items) if len(items) >= 3 else 0
        quote = text[sentence_start + starts[-1].start() : match.end()]
        return announced, listed, quote if len(quote) <= 60 else quote[:28] + "…" + quote[-28:]
    return None


def _numbering_slips(paragraphs: list[str]) -> list[str]:
    """Headings 一、二、… and sub-headings （一）（二）… of one section that skip or repeat."""
    slips: list[str] = []
    for pattern, shown in ((_SUBHEADING, "（{}）"), (_HEADING, "{}、")):
        last = 0
        for paragraph in paragraphs:
            match = pattern.match(paragraph)
            number = _cn_number(match.group(1)) if match else None
            if number is None:
                continue
            if number != 1 and last and number != last + 1:
                kind = "重复" if number <= last else "跳号"
                slips.append(
                    f"编号{kind}：“{shown.format(_cn_text(last))}”之后是“{paragraph.strip()[:14]}”"
                )
            last = number
    return slips


def _cn_text(number: int) -> str:
    for text, value in _CN.items():
        if value == number:
            return text
    return str(number)


# --- words ------------------------------------------------------------------------------------

_DOUBLED = re.compile(r"和以及|与以及|及以及|以及和|以及与|和和|与与|的的(?!确)|了了(?!之)")
_ABOUT_EXACT = re.compile(r"(?<![0-9.])([0-9]*[1-9])多(?=[条件个项次人篇份名家所场期万])")


def _word_slips(text: str) -> list[str]:
    text = text.translate(_DIGITS)
    slips = [f"“{_around(text, m)}”中“{m.group(0)}”重复" for m in _DOUBLED.finditer(text)]
    slips += [
        f"“{_around(text, m)}”：{m.group(1)} 是确数，后面不宜再加“多”"
        for m in _ABOUT_EXACT.finditer(text)
    ]
    return slips


# --- the check --------------------------------------------------------------------------------


@lru_cache(maxsize=2048)
def _paragraph_slips(text: str, year: int | None) -> tuple[str, ...]:
    return tuple(
        _date_slips(text, year) + _bracket_slips(text) + _address_slips(text) + _word_slips(text)
    )


def proofreading(ctx: CheckContext) -> list[Finding]:
    """One warning per place (a 基本信息 field, the 前言, a section) listing its slips."""
    year = ctx.report.year
    findings: list[Finding] = []
    for key, value in ctx.meta_texts():
        slips = list(_paragraph_slips(value, year))
        if key == "phone":
            slips += _address_slips(value, phone_field=True)
        findings += _finding(f"proof@{key}", f"基本信息“{META_LABELS[key]}”", None, slips)
    for where, paragraphs in _places(ctx):
        slips = [s for p in paragraphs for s in _paragraph_slips(p, year)]
        slips += _numbering_slips(paragraphs)
        section = None if where == PREAMBLE else where
        findings += _finding(f"proof@{where}", ctx.section_label(where), section, slips)
    findings += _parts(ctx)
    return findings


def _places(ctx: CheckContext) -> Iterator[tuple[str, list[str]]]:
    if ctx.report.preamble:
        yield PREAMBLE, ctx.report.preamble
    for section in ctx.fmt.sections:
        paragraphs = ctx.report.sections.get(section.id)
        if paragraphs:
            yield section.id, paragraphs


def _finding(finding_id: str, where: str, section: str | None, slips: list[str]) -> list[Finding]:
    if not slips:
        return []
    unique = list(dict.fromkeys(slips))
    shown = "；".join(unique[:3])
    more = f"（共 {len(unique)} 处）" if len(unique) > 3 else ""
    return [Finding(finding_id, WARNING, f"{where}中有疑似笔误：{shown}{more}。请核对。", section)]


def _parts(ctx: CheckContext) -> list[Finding]:
    """The preface's 「共分为五部分」 against the sections the report has, and against the
    parts it lists itself."""
    first = ctx.fmt.sections[0].id if ctx.fmt.sections else None
    texts = list(ctx.report.preamble) + (ctx.report.sections.get(first, [])[:2] if first else [])
    for text in texts:
        found = _announced_parts(text)
        if found is None:
            continue
        announced, listed, quote = found
        have = _section_count(ctx)
        problems = []
        if listed and listed < announced:
            problems.append(f"说是 {announced} 个部分，却只列了 {listed} 项")
        elif have and announced != have:
            problems.append(f"说是 {announced} 个部分，但本报告有 {have} 个部分")
        if problems:
            where = PREAMBLE if text in ctx.report.preamble else first
            assert where is not None
            return [
                Finding(
                    "proof_parts",
                    WARNING,
                    f"{ctx.section_label(where)}中写“{quote}”，{'；'.join(problems)}。请核对。",
                    None if where == PREAMBLE else where,
                )
            ]
        return []
    return []


def _section_count(ctx: CheckContext) -> int:
    """The sections of a format that fixes them (one with tables); 0 for a free-format
    report, whose parts are its own and not known for sure."""
    return len(ctx.fmt.sections) if ctx.fmt.tables else 0


def _around(text: str, match: re.Match[str]) -> str:
    left = text[max(0, match.start() - _WIDTH) : match.start()]
    right = text[match.end() : match.end() + _WIDTH]
    return f"{left}{match.group(0)}{right}".replace("\n", " ").strip()


def _around_at(text: str, index: int) -> str:
    return text[max(0, index - _WIDTH) : index + _WIDTH].replace("\n", " ").strip()
