"""Top-level headings (一、 二、 …) of a report and which format section each one names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from model.errors import FormatError
from model.formats import Format, SectionDef, default_format_for
from model.importers.chinese import to_simplified

MAX_HEADING_CHARS = 50
_NUMERALS = "一二三四五六七八九十"
HEADING_RE = re.compile(rf"^([{_NUMERALS}]{{1,3}})\s*[、，,.．]\s*(\S.*)$")
_PUNCT = str.maketrans("", "", ' \t\u3000、，,。.：:；;（）()“”"《》')


@dataclass(frozen=True)
class Heading:
    number: int
    text: str  # the heading as written, whitespace collapsed
    key: str  # simplified, without numeral, whitespace and punctuation, for matching


def parse_heading(line: str) -> Heading | None:
    """A top-level heading such as 「一、概  述」, or None for ordinary text."""
    line = line.strip()
    compact = re.sub(r"\s+", "", line)
    if len(compact) > MAX_HEADING_CHARS or compact.endswith(("。", "；", ";")):
        return None
    match = HEADING_RE.match(line)
    if not match:
        return None
    number = chinese_number(match.group(1))
    if number is None:
        return None
    written = match.group(1) + "、" + re.sub(r"\s+", "", match.group(2))
    return Heading(number, written, key(to_simplified(match.group(2))))


def chinese_number(text: str) -> int | None:
    """一 … 九十九 -> int (None when the numeral is not well formed)."""
    digits = {ch: i for i, ch in enumerate(_NUMERALS[:9], start=1)}
    if text == "十":
        return 10
    if len(text) == 1:
        return digits.get(text)
    if len(text) == 2 and text[0] == "十":
        return 10 + digits[text[1]] if text[1] in digits else None
    if len(text) == 2 and text[1] == "十":
        return digits[text[0]] * 10 if text[0] in digits else None
    if len(text) == 3 and text[1] == "十" and text[0] in digits and text[2] in digits:
        return digits[text[0]] * 10 + digits[text[2]]
    return None


def key(text: str) -> str:
    return re.sub(r"\s+", "", text).translate(_PUNCT)


def _section_key(section: SectionDef) -> str:
    return key(HEADING_RE.sub(r"\2", section.heading))


# Share of characters in common that makes a reworded heading the same one: at the section's
# own number, or anywhere when nearly all are shared.
SIMILAR_AT_ITS_NUMBER = 0.75
SIMILAR_ANYWHERE = 0.9


def section_score(heading: Heading, section: SectionDef, position: int | None = None) -> float:
    """How surely ``heading`` names ``section`` (the ``position``-th of its format):
    3 the same heading; 2.5 one contains the other; 2+ it contains an alias; 1.5+ reworded
    slightly (「主动公开政府信息的情况」); 1.2 at the section's number, with one of its
    keywords (「五、存在的不足及改进措施」); else 0."""
    own = _section_key(section)
    if heading.key == own:
        return 3.0
    if own and (own in heading.key or (len(heading.key) >= 4 and heading.key in own)):
        return 2.5
    best = 0.0
    aliases = [key(HEADING_RE.sub(r"\2", alias)) for alias in section.aliases]
    for alias_key in aliases:
        if alias_key and alias_key in heading.key:
            best = max(best, 2.0 + min(len(alias_key), 40) / 100)
    if best:
        return best
    similar = max((_similarity(heading.key, k) for k in (own, *aliases) if k), default=0.0)
    at_its_number = position == heading.number
    if similar >= (SIMILAR_AT_ITS_NUMBER if at_its_number else SIMILAR_ANYWHERE):
        return 1.5 + similar / 10
    if at_its_number and any(word in heading.key for word in section.keywords):
        return 1.2
    return 0.0


def _similarity(a: str, b: str) -> float:
    from difflib import SequenceMatcher  # only when a heading is not matched outright

    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def match_section(heading: Heading, fmt: Format) -> SectionDef | None:
    """The format section this heading names; the numeral breaks ties."""
    best: tuple[float, SectionDef] | None = None
    for index, section in enumerate(fmt.sections, start=1):
        score = section_score(heading, section, index)
        if score <= 0:
            continue
        score += 0.01 if index == heading.number else 0.0
        if best is None or score > best[0]:
            best = (score, section)
    return best[1] if best else None


def structure_score(headings: list[Heading], fmt: Format) -> float:
    """How well the headings fit a format's sections (sum of the best match per heading)."""
    total = 0.0
    for heading in headings:
        section = match_section(heading, fmt)
        if section is not None:
            total += section_score(heading, section, fmt.sections.index(section) + 1)
    return total


def choose_format(headings: list[Heading], formats: list[Format], year: int | None) -> Format:
    """The format by the year; only a report without a year is judged by its headings."""
    if not formats:
        raise FormatError("程序中没有任何报告格式文件。请重新安装本程序。")
    if year is not None:
        for fmt in formats:
            if fmt.applies_to(year):
                return fmt
        return default_format_for(year)
    if not headings:
        return formats[0]
    return max(formats, key=lambda fmt: structure_score(headings, fmt))  # first of equals
