"""从文本导入: a .txt report or an exchange .json file becomes a :class:`Report`.

A text report is split by its top-level headings (一、 二、 … at the start of a line) into title,
preamble (前言) and sections; the format whose headings (and ``aliases``) match best is chosen.
Nothing is silently lost: a heading that matches no section stays as a paragraph of the
section before it, and the clerk gets a warning naming it.

A .txt without any recognisable heading is still imported, everything in the first section,
with a warning: the text may be a real report whose headings were lost when it was copied out
of Word or a web page, and a new report the clerk can re-arrange or delete costs nothing,
while a refusal would leave her with no way forward.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from model.errors import FormatError, NianbaoError, ReportImportError
from model.formats import Format, SectionDef, available_formats, default_format_for
from model.importers.exchange import report_from_document
from model.report import Report

MAX_FILE_BYTES = 20 * 1024 * 1024  # a report is a few dozen KB; 20 MB is something else
LONG_LINE = 5000  # characters; a longer "paragraph" probably lost its line breaks
MAX_HEADING_CHARS = 50
MAX_TITLE_LINES = 4

_TO_TEXT = "请在 Word 或 WPS 中「另存为」纯文本（.txt）后再导入。"
_NO_IMAGES = "图片中的文字无法导入，请改用报告的文字版本。"
_BINARY_MAGIC = (
    (b"%PDF", "PDF 文件", "请在 PDF 阅读器中全选复制文字，粘贴到记事本后另存为 .txt 再导入。"),
    (b"PK\x03\x04", "Word/WPS 文档或压缩包", _TO_TEXT),
    (b"\xd0\xcf\x11\xe0", "旧版 Word/WPS 文档（.doc）", _TO_TEXT),
    (b"{\\rtf", "RTF 文档", _TO_TEXT),
    (b"\x89PNG", "图片", _NO_IMAGES),
    (b"\xff\xd8\xff", "图片", _NO_IMAGES),
    (b"GIF8", "图片", _NO_IMAGES),
)
_NUMERALS = "一二三四五六七八九十"
_HEADING_RE = re.compile(rf"^([{_NUMERALS}]{{1,3}})\s*[、，,.．]\s*(\S.*)$")
_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年\s*度?")
_ADDRESS_RE = re.compile(r"(?:办公|联系|通讯|通信)?地址\s*[：:]\s*([^，,。；;\n]+)")
_PHONE_RE = re.compile(
    r"(?:联系|咨询|办公)?电话\s*[：:]\s*([0-9０-９（）()\-－—、/ ]{5,40}[0-9０-９])"
)
_CUTOFF_RE = re.compile(r"截[止至]\s*((?:19|20)\d\d年\d{1,2}月\d{1,2}日)")
_PUNCT = str.maketrans("", "", ' \t\u3000、，,。.：:；;（）()“”"《》')
_END_PUNCT = "。；;，,！!？?：:"


@dataclass
class ImportResult:
    """The imported report and what the clerk should check (plain Chinese, may be empty)."""

    report: Report
    warnings: list[str] = field(default_factory=list)


# --- entry point ----------------------------------------------------------------------------


def import_file(path: Path | str, formats: list[Format] | None = None) -> ImportResult:
    """Read a .txt report or an exchange .json file. Raises ReportImportError with advice."""
    path = Path(path)
    data = _read_bytes(path)
    if path.suffix.lower() == ".json" or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        _check_not_binary(data, path.name)
        return import_exchange_text(_decode(data, path.name), path.name)
    text, warnings = decode_text(data, path.name)
    result = import_text(text, formats)
    result.warnings[:0] = warnings
    return result


def import_exchange_text(text: str, name: str = "") -> ImportResult:
    """An exchange file's text -> report (validated, migrated if old)."""
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except ValueError as exc:
        where = ""
        if isinstance(exc, json.JSONDecodeError):
            where = f"（第 {exc.lineno} 行第 {exc.colno} 列附近）"
        raise ReportImportError(
            f"文件「{name}」不是完整的报告文件{where}：内容可能在复制或下载时被截断或改动。"
            "请重新导出或重新获取该文件后再导入。"
        ) from exc
    try:
        report, warnings = report_from_document(doc)
    except NianbaoError as exc:
        raise ReportImportError(f"文件「{name}」无法导入：{exc}") from exc
    return ImportResult(report, warnings)


# --- reading and decoding -------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ReportImportError(f"找不到文件「{path}」。请确认文件名和所在文件夹是否正确。")
    if path.is_dir():
        raise ReportImportError(f"「{path}」是一个文件夹，不是文件。请选择其中的报告文件。")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReportImportError(
                f"文件「{path.name}」有 {size // (1024 * 1024)} MB，太大了，不像是一份年度报告。"
                "请确认选择的文件是否正确。"
            )
        return path.read_bytes()
    except OSError as exc:
        raise ReportImportError(
            f"无法读取文件「{path}」（{exc.strerror or exc}）。"
            "请确认文件没有被其他程序占用，并且您有权限打开它。"
        ) from exc


def decode_text(data: bytes, name: str = "") -> tuple[str, list[str]]:
    """Bytes -> clean text (UTF-8 / GB18030 / UTF-16 with BOM), control characters dropped."""
    _check_not_binary(data, name)
    text = _decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n").replace("\t", " ")
    controls = sum(1 for ch in text if _is_dropped(ch))
    if controls > max(8, len(text) // 20):
        raise ReportImportError(
            f"文件「{name}」看起来不是文本文件（含有大量不可显示的字符）。"
            "请选择 .txt 文本报告或本程序导出的 .nianbao.json 文件。"
        )
    warnings = []
    if controls:
        text = "".join(ch for ch in text if not _is_dropped(ch))
        warnings.append(f"已删除 {controls} 个不可见的控制字符（例如空字符），其余文字不受影响。")
    return text, warnings


def _check_not_binary(data: bytes, name: str) -> None:
    if not data.strip(b" \t\r\n\x00"):
        raise ReportImportError(
            f"文件「{name}」是空的，没有可导入的文字。请确认选择的文件是否正确。"
        )
    for magic, kind, advice in _BINARY_MAGIC:
        if data.startswith(magic):
            raise ReportImportError(f"文件「{name}」是{kind}，不是纯文本。{advice}")


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReportImportError(
        f"文件「{name}」不是能识别的文本（既不是 UTF-8 也不是 GB18030/GBK 编码），"
        "可能不是文本文件。"
        "请用记事本打开后「另存为」，编码选 UTF-8，再导入。"
    )


def _is_dropped(ch: str) -> bool:
    if ch == "\n":
        return False
    return unicodedata.category(ch) == "Cc" or ch in "\ufeff\u200b\ufffe"


def _reject_constant(name: str) -> float:
    raise ValueError(f"不允许的数值 {name}")


# --- text reports ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Heading:
    number: int
    text: str  # the heading as written, whitespace collapsed
    key: str  # without numeral, whitespace and punctuation, for matching


def import_text(text: str, formats: list[Format] | None = None) -> ImportResult:
    """A plain-text report -> report of the best-matching format (see module docstring)."""
    lines = [line.strip() for line in text.split("\n")]
    paragraphs = [line for line in lines if line]
    if not paragraphs:
        raise ReportImportError(
            "文件是空的（只有空白），没有可导入的文字。请确认选择的文件是否正确。"
        )
    warnings: list[str] = []
    for number, line in enumerate(lines, start=1):
        if len(line) > LONG_LINE:
            warnings.append(
                f"第 {number} 行有 {len(line)} 个字，可能在复制时丢失了换行，请在编辑器中核对分段。"
            )
    headings = {i: h for i, p in enumerate(paragraphs) if (h := parse_heading(p)) is not None}
    title_lines = _title_lines(paragraphs[: min(headings, default=len(paragraphs))])
    title = _join_title(title_lines)
    if not _looks_like_title(title):  # the text starts with body text, not with a title
        title_lines, title = [], ""
    agency, year = agency_and_year(title, "\n".join(paragraphs))
    formats = formats if formats is not None else available_formats()
    fmt = choose_format(list(headings.values()), formats, year)
    matched = {i: s for i, h in headings.items() if (s := match_section(h, fmt)) is not None}
    body = paragraphs[len(title_lines) :]
    if matched:
        first = min(matched)
        preamble = paragraphs[len(title_lines) : first]
        sections, unmatched = _split(paragraphs, first, headings, matched)
        unmatched[:0] = [h.text for i, h in headings.items() if i < first]
        if unmatched:
            listed = "、".join(f"「{h}」" for h in unmatched)
            warnings.append(
                f"以下标题与「{fmt.name}」的各部分对不上，已作为正文并入前一部分：{listed}。"
                "请在编辑器中核对。"
            )
    else:
        preamble, sections = [], ({fmt.sections[0].id: body} if body else {})
        warnings.append(
            f"没有找到与「{fmt.name}」对应的部分标题（如「{fmt.sections[0].heading}」），"
            f"全部文字已放入「{fmt.sections[0].heading}」。请在编辑器中把各段移到对应的部分。"
        )
    if year is None:
        warnings.append("没有从标题中读出年度，请在「基本信息」中填写。")
    if not agency:
        warnings.append("没有从标题中读出机关名称，请在「基本信息」中填写。")

    report = Report(format=fmt.id, agency=agency, year=year)
    report.preamble = preamble
    report.sections = {k: v for k, v in sections.items() if v}
    report.meta = _meta_from_text(title, preamble, paragraphs)
    return ImportResult(report, warnings)


def _split(
    paragraphs: list[str],
    first: int,
    headings: dict[int, _Heading],
    matched: dict[int, SectionDef],
) -> tuple[dict[str, list[str]], list[str]]:
    """Paragraphs from the first matched heading on -> sections; unmatched headings stay text."""
    sections: dict[str, list[str]] = {}
    unmatched: list[str] = []
    current = ""
    for i in range(first, len(paragraphs)):
        section = matched.get(i)
        if section is not None and section.id not in sections:
            current = section.id
            sections[current] = []
            continue
        if i in headings:
            unmatched.append(headings[i].text)
        sections[current].append(paragraphs[i])
    return sections, unmatched


def parse_heading(line: str) -> _Heading | None:
    """A top-level heading such as 「一、概  述」, or None for ordinary text."""
    line = line.strip()
    compact = re.sub(r"\s+", "", line)
    if len(compact) > MAX_HEADING_CHARS or compact.endswith(("。", "；", ";")):
        return None
    match = _HEADING_RE.match(line)
    if not match:
        return None
    number = chinese_number(match.group(1))
    if number is None:
        return None
    written = match.group(1) + "、" + re.sub(r"\s+", "", match.group(2))
    return _Heading(number, written, _key(match.group(2)))


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


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).translate(_PUNCT)


def _section_key(section: SectionDef) -> str:
    return _key(_HEADING_RE.sub(r"\2", section.heading))


def section_score(heading: _Heading, section: SectionDef) -> float:
    """3 for the same heading, 2+ when a heading contains the other or an alias, else 0."""
    own = _section_key(section)
    if heading.key == own:
        return 3.0
    if own and (own in heading.key or (len(heading.key) >= 4 and heading.key in own)):
        return 2.5
    best = 0.0
    for alias in section.aliases:
        alias_key = _key(_HEADING_RE.sub(r"\2", alias))
        if alias_key and alias_key in heading.key:
            best = max(best, 2.0 + min(len(alias_key), 40) / 100)
    return best


def match_section(heading: _Heading, fmt: Format) -> SectionDef | None:
    """The format section this heading names; the numeral breaks ties."""
    best: tuple[float, SectionDef] | None = None
    for index, section in enumerate(fmt.sections, start=1):
        score = section_score(heading, section)
        if score <= 0:
            continue
        score += 0.01 if index == heading.number else 0.0
        if best is None or score > best[0]:
            best = (score, section)
    return best[1] if best else None


def choose_format(headings: list[_Heading], formats: list[Format], year: int | None) -> Format:
    """The format whose headings match best; the year breaks ties, then the newest."""
    if not formats:
        raise FormatError("程序中没有任何报告格式文件。请重新安装本程序。")
    if not headings:
        return default_format_for(year) if year is not None else formats[0]

    def score(fmt: Format) -> tuple[float, bool]:
        total = 0.0
        for heading in headings:
            section = match_section(heading, fmt)
            if section is not None:
                total += section_score(heading, section)
        return total, fmt.applies_to(year)

    return max(formats, key=score)  # max keeps the first (newest) of equals


def _title_lines(lines: list[str]) -> list[str]:
    """The title at the top: a few short lines, ending at the one that ends with 报告."""
    title: list[str] = []
    for line in lines[:MAX_TITLE_LINES]:
        compact = re.sub(r"\s+", "", line)
        if len(compact) > 60 or "。" in compact or compact.endswith(tuple(_END_PUNCT)):
            break
        title.append(line)
        if compact.endswith(("报告", "报告）", "报告)")):
            break
    return title


def _looks_like_title(title: str) -> bool:
    """A report title names the report or its year; anything else is body text."""
    plain = unicodedata.normalize("NFKC", title)
    return bool(re.search(r"报告|政府信息公开|政务公开|(?:19|20)\d\d\s*年", plain))


def _join_title(lines: list[str]) -> str:
    """Join the title lines; spacing between Chinese characters (年 度 报 告) is layout."""
    joined = " ".join(lines)
    return re.sub(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+", "", joined).strip()


def agency_and_year(title: str, text: str) -> tuple[str, int | None]:
    """Agency and year from the title (「市中区商务局2017年政府信息公开年度报告」)."""
    plain = unicodedata.normalize("NFKC", title)
    match = _YEAR_RE.search(plain)
    if match:
        agency = plain[: match.start()].strip(" ，,：:")
        if not agency:  # 「2017年市中区商务局政府信息公开工作年度报告」
            rest = plain[match.end() :]
            agency = re.split(r"政府信息公开|政务公开|信息公开", rest)[0].strip()
        return agency, int(match.group(1))
    agency = re.split(r"政府信息公开|政务公开|信息公开", plain)[0].strip() if plain else ""
    found = re.search(r"((?:19|20)\d\d)\s*年度?政府信息公开", unicodedata.normalize("NFKC", text))
    return agency, int(found.group(1)) if found else None


def _meta_from_text(title: str, preamble: list[str], paragraphs: list[str]) -> dict[str, str]:
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
