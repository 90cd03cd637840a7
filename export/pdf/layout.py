"""Chinese line breaking on the GB/T 9704 grid (pure functions, no reportlab).

The caller measures every character (a full-width character is one grid cell, a half-width
digit or letter its natural advance) and gets back lines with an x position per character:

* 避头尾 — no line starts with closing punctuation and none ends with opening punctuation;
  the previous character is pushed down to the next line (推出) when needed;
* a run of digits / Latin letters (「2017」, 「0632-5362806」, 「12月31日」) is one
  unbreakable unit;
* lines are justified to both edges by widening the gaps between units (never inside a
  digit run), the last line of a paragraph is not stretched;
* titles break into balanced lines (梯形 or 菱形, never one character alone).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Characters that must not begin a line (closing punctuation, 点号, 间隔号, …).
NO_LINE_START = frozenset(
    "，。、；：？！）》」』】〕〗〙〛〉”’…—·・～‥﹚﹜﹞％‰℃°′″"
    ",.;:?!)]}>%'\"々ゝゞヽヾーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
    "︰︱︳︴︶︸︺︼︾﹀﹂﹄﹐﹑﹒﹔﹕﹖﹗"
)
# Characters that must not end a line (opening punctuation).
NO_LINE_END = frozenset("（《「『【〔〖〘〚〈“‘([{<﹙﹛﹝")
# Pairs that must never be split (破折号 ——, 省略号 ……).
UNSPLITTABLE_PAIRS = frozenset({"——", "……", "──"})

# A unit that never breaks: dates (2017年, 12月31日, 2025年1月6日), then runs of half-width
# letters and digits (with the joiners inside phone numbers, decimals, URLs, e-mail addresses).
_UNIT_RE = re.compile(
    r"[0-9０-９]+年(?:[0-9０-９]+月(?:[0-9０-９]+日)?)?"
    r"|[0-9０-９]+月[0-9０-９]+日"
    r"|[0-9A-Za-z](?:(?:[0-9A-Za-z.\-/:_%@+&#~=?]|,(?=[0-9]))*[0-9A-Za-z%/])?"
)
# Inside a web or e-mail address a line may end after / . @ - (never inside a number).
_ADDRESS = re.compile(r"@|://|www\.|\.(?:cn|com|gov|org|net)\b|/[A-Za-z]", re.IGNORECASE)
_ADDRESS_BREAK_AFTER = frozenset("/.@-_")
MAX_STRETCH = 0.25  # most extra space per gap when justifying, in characters of the line
_CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_LEADING_BLANKS = " \t\u3000\u00a0"


def clean_text(text: str) -> str:
    """Drop control and format characters (NUL, BOM, zero-width space); tabs become spaces."""
    if text.isprintable() and "\u3000" not in text:
        return text
    out = []
    for ch in text:
        if ch == "\t":
            out.append(" ")
        elif ch in "\u3000 \u00a0" or unicodedata.category(ch) not in _CONTROL_CATEGORIES:
            out.append(ch)
    return "".join(out)


def split_paragraphs(text: str) -> list[str]:
    """A clerk's paragraph may hold line breaks: each line is its own printed paragraph.

    Leading spaces and 「　　」 are dropped (the indent is added by the layout, never doubled);
    empty lines are dropped.
    """
    result = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = clean_text(raw).strip(_LEADING_BLANKS).rstrip()
        if line:
            result.append(line)
    return result


def is_full_width(ch: str) -> bool:
    """True for characters that take one grid cell (hanzi, full-width punctuation)."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def units(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into unbreakable units as (start, end) index pairs."""
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _UNIT_RE.match(text, pos)
        if m and m.end() > pos:
            spans.append((pos, m.end()))
            pos = m.end()
        else:
            spans.append((pos, pos + 1))
            pos += 1
    return spans


def _can_break(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """May a line end after unit ``left`` and the next start with unit ``right``?"""
    last = text[left[1] - 1]
    first = text[right[0]]
    if first in NO_LINE_START or last in NO_LINE_END:
        return False
    return last + first not in UNSPLITTABLE_PAIRS


@dataclass(frozen=True)
class Line:
    """One laid-out line: ``text[start:end]`` with an x offset per character."""

    start: int
    end: int
    xs: tuple[float, ...]  # x of each character, from the left edge of the column
    natural_width: float  # width before justification, including the indent

    @property
    def length(self) -> int:
        return self.end - self.start


def break_lines(
    text: str,
    widths: Sequence[float],
    line_width: float,
    first_indent: float = 0.0,
    *,
    justify: bool = True,
) -> list[Line]:
    """Break ``text`` (one paragraph, widths per character in points) into justified lines."""
    if len(widths) != len(text):
        raise ValueError("one width per character is needed")
    if not text:
        return []
    spans = _split_long_units(
        _split_addresses(text, units(text)), widths, line_width - first_indent
    )
    tolerance = 0.01
    lines: list[tuple[int, int]] = []  # unit index ranges
    start = 0
    while start < len(spans):
        indent = first_indent if not lines else 0.0
        room = line_width - indent
        used = 0.0
        j = start
        while j < len(spans):
            w = _span_width(spans[j], widths)
            if used + w > room + tolerance and j > start:
                break
            used += w
            j += 1
        end = j
        if end < len(spans):
            end = _legal_break(text, spans, start, end)
        lines.append((start, end))
        start = end
    _avoid_lone_last_character(text, spans, lines)
    result = []
    for k, (a, b) in enumerate(lines):
        indent = first_indent if k == 0 else 0.0
        last = k == len(lines) - 1
        result.append(_place(text, spans[a:b], widths, indent, line_width, justify and not last))
    return result


def _avoid_lone_last_character(
    text: str, spans: list[tuple[int, int]], lines: list[tuple[int, int]]
) -> None:
    """A paragraph's last line never holds one character alone (like 「作：」): pull one
    more unit down from the line above when a legal break allows it."""
    if len(lines) < 2:
        return
    (pa, a), (_, b) = lines[-2], lines[-1]
    last = text[spans[a][0] : spans[b - 1][1]]
    if len([ch for ch in last if ch not in NO_LINE_START]) > 1 or a - pa < 8:
        return
    k = a - 1
    while k > pa + (a - pa) // 2:
        if _can_break(text, spans[k - 1], spans[k]):
            lines[-2], lines[-1] = (pa, k), (k, b)
            return
        k -= 1


def _legal_break(text: str, spans: list[tuple[int, int]], start: int, end: int) -> int:
    """The latest unit index ≤ ``end`` where a break is allowed (推出); ``end`` if none is."""
    k = end
    while k > start + 1:
        if _can_break(text, spans[k - 1], spans[k]):
            return k
        k -= 1
    return end  # no legal break in the whole line: break where it is full


def _split_long_units(
    spans: list[tuple[int, int]], widths: Sequence[float], room: float
) -> list[tuple[int, int]]:
    """A unit wider than a line (a long URL) is split into characters; nothing else is."""
    out: list[tuple[int, int]] = []
    for span in spans:
        if span[1] - span[0] > 1 and _span_width(span, widths) > room:
            out.extend((i, i + 1) for i in range(span[0], span[1]))
        else:
            out.append(span)
    return out


def _split_addresses(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A web or e-mail address becomes pieces ending after / . @ - so that a line can break
    inside it rather than be spread letter by letter."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        piece = text[a:b]
        if b - a < 8 or not _ADDRESS.search(piece) or not any(c.isalpha() for c in piece):
            out.append((a, b))
            continue
        start = a
        for i in range(a, b - 1):
            if text[i] in _ADDRESS_BREAK_AFTER and text[i + 1] not in _ADDRESS_BREAK_AFTER:
                out.append((start, i + 1))
                start = i + 1
        out.append((start, b))
    return out


def _span_width(span: tuple[int, int], widths: Sequence[float]) -> float:
    a, b = span
    return widths[a] if b == a + 1 else sum(widths[a:b])


def _place(
    text: str,
    spans: list[tuple[int, int]],
    widths: Sequence[float],
    indent: float,
    line_width: float,
    justify: bool,
) -> Line:
    # Spaces at the edges of a line are invisible: drop them.
    while spans and text[spans[-1][0] : spans[-1][1]].isspace():
        spans = spans[:-1]
    while len(spans) > 1 and text[spans[0][0] : spans[0][1]].isspace():
        spans = spans[1:]
    natural = indent + sum(_span_width(s, widths) for s in spans)
    gaps = len(spans) - 1
    extra = (line_width - natural) / gaps if justify and gaps > 0 else 0.0
    pitch = max((widths[a] for a, b in spans if b == a + 1), default=0.0)
    if pitch and extra > MAX_STRETCH * pitch:
        extra = 0.0  # a line that would be spread letter by letter stays unjustified
    xs: list[float] = []
    x = indent
    for k, (a, b) in enumerate(spans):
        if k:
            x += extra
        for i in range(a, b):
            xs.append(x)
            x += widths[i]
    start = spans[0][0] if spans else 0
    end = spans[-1][1] if spans else 0
    return Line(start=start, end=end, xs=tuple(xs), natural_width=natural)


# --- titles ---------------------------------------------------------------------------------

# Break points that keep the meaning whole, e.g. 「…局」「2024年」|「政府信息公开…」,
# and words a title line should not cut through.
_GOOD_BREAK_BEFORE = ("政府信息公开", "年度报告", "工作年度报告")
_WHOLE_WORDS = (
    "委员会",
    "办公室",
    "办公厅",
    "人民政府",
    "人民法院",
    "人民检察院",
    "管理局",
    "管理委员会",
    "服务中心",
    "事务中心",
    "年度",
    "信息公开",
    "政府信息",
    "工作年度报告",
    "发展和改革",
    "自治区",
    "自治州",
    "自治县",
    "开发区",
    "新区",
    "街道办事处",
    "乡镇",
)


def balance_title(text: str, widths: Sequence[float], max_width: float) -> list[tuple[int, int]]:
    """Break a title into as few lines as fit, balanced into a 梯形 or 菱形 shape.

    Returns (start, end) ranges. A line never holds a single character, breaks respect
    避头尾 and digit runs, and a break before 「政府信息公开」 or after 「…年」 is preferred.
    """
    if not text:
        return []
    spans = units(text)
    total = sum(widths)
    if total <= max_width + 0.01:
        return [(0, len(text))]
    bounds = [s[0] for s in spans[1:]]
    legal = [b for k, b in enumerate(bounds, start=1) if _can_break(text, spans[k - 1], spans[k])]
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    lines_needed = int(total // max_width) + 1
    for count in range(lines_needed, lines_needed + 3):
        best = _best_split(text, legal, prefix, max_width, count)
        if best is not None:
            return best
    # No balanced split exists (absurdly long title): fall back to plain filling.
    return [(ln.start, ln.end) for ln in break_lines(text, widths, max_width, justify=False)]


def _best_split(
    text: str, legal: list[int], prefix: list[float], max_width: float, count: int
) -> list[tuple[int, int]] | None:
    from itertools import combinations

    if count < 2 or count > 4 or (len(legal) > 80 and count > 2):
        return None
    best: tuple[float, list[tuple[int, int]]] | None = None
    n = len(text)
    for cut in combinations(legal, count - 1):
        edges = [0, *cut, n]
        ranges = list(itertools.pairwise(edges))
        lens = [prefix[b] - prefix[a] for a, b in ranges]
        if max(lens) > max_width + 0.01 or min(b - a for a, b in ranges) < 2:
            continue
        cost = _shape_cost(lens)
        for c in cut:
            if text.startswith(_GOOD_BREAK_BEFORE, c) or text[c - 1] == "年":
                cost -= 0.15 * max_width  # meaning first, balance second
            if _cuts_word(text, c):
                cost += 0.3 * max_width
        if best is None or cost < best[0]:
            best = (cost, ranges)
    return best[1] if best else None


def _cuts_word(text: str, cut: int) -> bool:
    for word in _WHOLE_WORDS:
        start = text.find(word, max(0, cut - len(word) + 1))
        if 0 <= start < cut < start + len(word):
            return True
    return False


def _shape_cost(lens: list[float]) -> float:
    """Lower is better: near-equal lines; a 梯形 (growing) or 菱形 (middle widest) outline."""
    mean = sum(lens) / len(lens)
    cost = sum((x - mean) ** 2 for x in lens) ** 0.5
    growing = all(a <= b + 0.01 for a, b in itertools.pairwise(lens))
    shrinking = all(a + 0.01 >= b for a, b in itertools.pairwise(lens))
    diamond = len(lens) == 3 and lens[1] >= max(lens[0], lens[2]) - 0.01
    if not (growing or shrinking or diamond):
        cost += 1000.0
    elif shrinking and not growing:
        cost += mean * 0.05  # 倒梯形 is allowed but the upright shape reads better
    return cost
