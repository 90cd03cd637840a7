"""Site chrome a saved web page or a copied page text carries around the report.

Breadcrumbs, 索引号/发布日期 boxes, font-size and print buttons, 简体|繁體 switches, 扫一扫 and
footers are the website's, not the report's: they must never become the title, the agency or
a paragraph. Only lines that are unmistakably chrome are dropped; anything doubtful stays.
"""

from __future__ import annotations

import re
import unicodedata

from model.importers.chinese import to_simplified

_META_KEYS = (
    "索引号",
    "发布机构",
    "发文机关",
    "发布单位",
    "发布日期",
    "发布时间",
    "更新时间",
    "成文日期",
    "生成日期",
    "公文生成日期",
    "主题分类",
    "内容分类",
    "体裁分类",
    "组配分类",
    "服务对象",
    "公开方式",
    "公开范围",
    "公开时限",
    "有效性",
    "信息来源",
    "来源",
    "作者",
    "浏览次数",
    "阅读次数",
    "点击数",
    "访问量",
    "备注/文号",
    "文号",
    "时间",
    "字号",
    "选择阅读字号",
)
_META_RE = re.compile(
    r"^[•·\-\s|]*(?:" + "|".join(re.escape(k) for k in _META_KEYS) + r")\s*[:：]",
)
_CHROME_WORDS = (
    "您当前的位置",
    "您现在的位置",
    "当前位置",
    "您的位置",
    "扫一扫",
    "分享到",
    "打印本页",
    "关闭窗口",
    "打印 关闭",
    "【打印】",
    "【关闭】",
    "版权所有",
    "网站标识码",
    "ICP备",
    "公网安备",
    "网站地图",
    "联系我们",
    "主办单位",
    "承办单位",
    "技术支持",
    "简体|繁体",
    "简体 | 繁体",
    "简|繁",
    "无障碍浏览",
    "适老化",
    "相关词条",
    "热门词条",
    "联络我们",
    "字体:",
    "字号:",
    "【字体",
    "【字号",
    "[大 中 小]",
    "大 中 小",
)
_BREADCRUMB_RE = re.compile(r"(?:[>＞»›]\s*\S+){2,}")
MAX_CHROME_CHARS = 80
HEADING_START = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、，,.．]")
_PAGE_MARK = re.compile(r"^(?:P\.?|Page|第)\s*\d{1,4}\s*(?:页)?$", re.IGNORECASE)
_PAGE_PREFIX = re.compile(r"^(?:Page|P\.)\s*\d{1,4}\s*[-—–:：]\s*", re.IGNORECASE)


def without_page_prefix(line: str) -> str:
    """「Page 8 - 某某局2022年…报告」 (a flip-book page's title) -> the title itself."""
    return _PAGE_PREFIX.sub("", line, count=1)


def _plain(line: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", line)).strip()


def is_chrome(line: str) -> bool:
    """A line that belongs to the website, not to the report."""
    plain = _plain(line)
    if not plain or len(plain) > MAX_CHROME_CHARS * 2:
        return False
    if _META_RE.match(re.sub(r"\s+", "", plain)) or plain.strip(" |") == "":
        return True
    compact = re.sub(r"\s+", " ", plain)
    if any(word in compact for word in _CHROME_WORDS):
        return len(plain) <= MAX_CHROME_CHARS or "版权所有" in compact
    if plain.startswith(("www.", "http://", "https://")) or _PAGE_MARK.match(plain):
        return True
    if len(plain) <= MAX_CHROME_CHARS and "。" not in plain and _BREADCRUMB_RE.search(plain):
        return plain.startswith("首页") or plain.count(">") + plain.count("＞") >= 2
    return False


def looks_like_title(line: str) -> bool:
    """A report title: short, names a report (报告) and is no sentence."""
    plain = _plain(line)
    compact = re.sub(r"\s+", "", plain)
    if not compact or len(compact) > 60 or "。" in compact:
        return False
    return "报告" in compact and (
        "公开" in compact or re.search(r"(?:19|20)\d\d", compact) is not None
    )


HEAD_LINES = 25  # chrome sits before and just under the title ...
TAIL_LINES = 12  # ... and in the page footer


def chrome_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines that are chrome: around the title and at the end only.

    Before the title, short lines without a sentence (a channel name such as 「政府信息公开」)
    are chrome too, but only when a title follows within the first lines. A page printing
    its title twice (banner and article) keeps the second.
    """
    head = min(len(lines), HEAD_LINES)
    title_at = next((i for i in range(head) if looks_like_title(lines[i])), None)
    single_line_title = title_at is not None
    if title_at is None:  # a title broken over two lines (「…信息公开工作」「年度报告」)
        title_at = next(
            (
                i
                for i in range(head - 1)
                if looks_like_title(lines[i] + lines[i + 1])
                and not HEADING_START.match(lines[i])
                and not HEADING_START.match(lines[i + 1])
            ),
            None,
        )
    dropped: set[int] = set()
    title_start = _title_start(lines, title_at) if single_line_title and title_at else title_at
    for i, line in enumerate(lines):
        if not (i < head or i >= len(lines) - TAIL_LINES):
            continue
        before_title = single_line_title and title_start is not None and i < title_start
        if is_chrome(line) or (before_title and _short_label(line)):
            dropped.add(i)
    if title_at is not None:
        later = [
            i
            for i in range(title_at + 1, head)
            if i not in dropped
            and looks_like_title(lines[i])
            and _plain(lines[i]) == _plain(lines[title_at])
        ]
        if later and later[0] - title_at <= 6:
            dropped.add(later[0])
    return dropped


_TITLE_YEAR = re.compile(r"(?:19|20)\d\d\s*年")


def _title_start(lines: list[str], title_at: int) -> int:
    """The first line of a title whose year was broken off above its last line (「某某办公室
    2024」「年」「政府信息公开工作年度报告」): those lines are the title, not a menu."""
    last = _plain(lines[title_at])
    for start in range(title_at - 1, max(title_at - 4, -1), -1):
        above = "".join(_plain(line) for line in lines[start:title_at])
        if _TITLE_YEAR.search(above + last) and not _TITLE_YEAR.search(
            "".join(_plain(line) for line in lines[start + 1 : title_at]) + last
        ):
            return start
    return title_at


def is_chrome_table(rows: list[list[str]]) -> bool:
    """A metadata box (索引号, 发布机构, 成文日期 …) laid out as a table."""
    texts = [c for row in rows for c in row if c.strip()]
    hits = sum(
        1 for c in texts if _META_RE.match(_plain(c)) or _plain(c).rstrip(":：") in _META_KEYS
    )
    return hits >= 2 and len(texts) <= 40


def _short_label(line: str) -> bool:
    """A channel name or menu entry; a line naming a year is part of a title instead."""
    plain = _plain(line)
    return len(plain) <= 40 and not re.search(r"[。；;，,]|(?:19|20)\d\d", plain)
