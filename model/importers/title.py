"""The title at the top of a report, the agency and year it names, and contact details."""

from __future__ import annotations

import re
import unicodedata

from model.importers.chinese import to_simplified

MAX_TITLE_LINES = 4
_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年\s*度?")
# a postal address: not a web address (「门户网站地址：http://…」, 「网址：」, 「电子邮箱地址：」)
_ADDRESS_RE = re.compile(
    r"(?<![站址箱件])(?:办公|联系|通讯|通信)?地址\s*[：:]\s*(?!\s*(?:https?://|www\.))([^，,。；;\n]+)"
)
_PHONE_RE = re.compile(
    r"(?:联系|咨询|办公)?电话\s*[：:]\s*([0-9０-９（）()\-－—、/ ]{5,40}[0-9０-９])"
)
_CUTOFF_RE = re.compile(r"截[止至]\s*((?:19|20)\d\d年\d{1,2}月\d{1,2}日)")
_END_PUNCT = "。；;，,！!？?：:"
_REPORT_WORDS = r"政府信息公开|政务公开|信息公开"


def title_lines(lines: list[str]) -> list[str]:
    """The title at the top: a few short lines, ending at the one that ends with 报告."""
    title: list[str] = []
    for line in lines[:MAX_TITLE_LINES]:
        compact = re.sub(r"\s+", "", to_simplified(line))
        if len(compact) > 60 or "。" in compact or compact.endswith(tuple(_END_PUNCT)):
            break
        title.append(line)
        if compact.endswith(("报告", "报告）", "报告)")):
            break
    return title


def looks_like_title(title: str) -> bool:
    """A report title names the report or its year; anything else is body text."""
    plain = to_simplified(unicodedata.normalize("NFKC", title))
    return bool(re.search(r"报告|政府信息公开|政务公开|(?:19|20)\d\d\s*年", plain))


def join_title(lines: list[str]) -> str:
    """Join the title lines; spacing between Chinese characters (年 度 报 告) is layout."""
    joined = " ".join(lines)
    return re.sub(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+", "", joined).strip()


def agency_and_year(title: str, text: str) -> tuple[str, int | None]:
    """Agency and year from the title (「市中区商务局2017年政府信息公开年度报告」)."""
    plain = unicodedata.normalize("NFKC", title)
    simple = to_simplified(plain)
    match = _YEAR_RE.search(plain)
    if match:
        agency = plain[: match.start()].strip(" ，,：:")
        if not agency:  # 「2017年市中区商务局政府信息公开工作年度报告」
            rest = plain[match.end() :]
            cut = re.search(_REPORT_WORDS, to_simplified(rest))
            agency = rest[: cut.start()].strip() if cut else rest.strip()
        return agency, int(match.group(1))
    cut = re.search(_REPORT_WORDS, simple)
    agency = plain[: cut.start()].strip() if cut else plain.strip()
    body = to_simplified(unicodedata.normalize("NFKC", text))
    found = re.search(r"((?:19|20)\d\d)\s*年度?(?:政府信息公开|政务公开|信息公开)", body)
    if found is None:
        found = re.search(
            r"统计(?:期限|时限|时间)[^。]{0,12}?((?:19|20)\d\d)\s*年\s*1\s*月\s*1\s*日", body
        )
    return agency, int(found.group(1)) if found else year_from_body(body)


def year_from_body(body: str) -> int | None:
    """The year the opening text names most (at least three times), for a report without a
    title; a report speaks mostly of its own year."""
    counts: dict[int, int] = {}
    for match in re.finditer(r"((?:19|20)\d\d)\s*年", body[:3000]):
        year = int(match.group(1))
        counts[year] = counts.get(year, 0) + 1
    if not counts:
        return None
    year, count = max(counts.items(), key=lambda item: (item[1], -item[0]))
    return year if count >= 3 else None


def meta_from_text(title: str, preamble: list[str], paragraphs: list[str]) -> dict[str, str]:
    meta: dict[str, str] = {}
    if title:
        meta["title"] = title
    for source in ("\n".join(preamble), "\n".join(paragraphs)):
        if "address" not in meta and (m := _ADDRESS_RE.search(source)):
            meta["address"] = m.group(1).strip()
        if "phone" not in meta and (m := _PHONE_RE.search(source)):
            meta["phone"] = m.group(1).strip()
        if "cutoff_date" not in meta and (m := _CUTOFF_RE.search(source)):
            meta["cutoff_date"] = m.group(1)
    return meta


_DIGIT = "0-9０-９〇零○Ｏ一二三四五六七八九十"
_SIGN_DATE_RE = re.compile(
    rf"^[{_DIGIT}]{{4}}\s*年\s*[{_DIGIT}]{{1,3}}\s*月\s*[{_DIGIT}]{{1,3}}\s*日$"
)


def signature_block(paragraphs: list[str]) -> tuple[str, str, int]:
    """The signature and date closing a report (「某某局」 「2025年1月20日」, the date also
    in Chinese numerals): (signature, date, how many closing paragraphs they are); empty
    strings and 0 when the text does not end so."""
    if not paragraphs:
        return "", "", 0
    date = re.sub(r"\s+", "", paragraphs[-1])
    if not _SIGN_DATE_RE.match(date):
        return "", "", 0
    if len(paragraphs) >= 2 and is_agency_line(paragraphs[-2]):
        return re.sub(r"\s+", "", paragraphs[-2]), date, 2
    return "", date, 1


_AGENCY_ENDINGS = (
    "局",
    "府",
    "办公室",
    "委员会",
    "委",
    "厅",
    "部",
    "署",
    "院",
    "镇",
    "乡",
    "街道办事处",
    "办事处",
    "中心",
    "管委会",
    "管理委员会",
    "办",
    "所",
    "站",
    "队",
    "会",
)


def is_agency_line(line: str) -> bool:
    """A line that is only an agency's name (「桃江县松木塘镇人民政府」)."""
    plain = re.sub(r"\s+", "", to_simplified(line))
    return (
        2 < len(plain) <= 30
        and not re.search(r"[。，,；;：:0-9]", plain)
        and plain.endswith(_AGENCY_ENDINGS)
    )
