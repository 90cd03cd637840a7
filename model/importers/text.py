"""导入: the one entry point for every file the clerk brings (window, command line, batch).

:func:`import_file` looks at the file's type (its first bytes, then its name): an exchange
.json is read as it is; a .docx, .html, .pdf, .doc/.wps or .txt is read into a neutral document
by its reader and placed into a report by :mod:`model.importers.placing`.

A .txt without any recognisable heading is still imported, everything in the first section,
with a warning: the text may be a real report whose headings were lost when it was copied out
of Word or a web page, and a new report the clerk can re-arrange or delete costs nothing,
while a refusal would leave her with no way forward.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from model.errors import NianbaoError, ReportImportError
from model.files.json_limits import load_bounded
from model.files.os_errors import chinese_reason
from model.files.text_safety import make_report_safe, replaced_message
from model.formats import Format
from model.importers.document import Paragraph, ReadDocument
from model.importers.exchange import report_from_document
from model.importers.headings import (  # noqa: F401  (re-exported for callers and tests)
    Heading,
    chinese_number,
    choose_format,
    match_section,
    parse_heading,
    section_score,
)
from model.importers.result import ImportResult, ImportSummary  # noqa: F401
from model.importers.title import agency_and_year  # noqa: F401

MAX_FILE_BYTES = 20 * 1024 * 1024  # a report is a few dozen KB; 20 MB is something else

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
# --- entry point ----------------------------------------------------------------------------


def import_file(
    path: Path | str, formats: list[Format] | None = None, *, simplify: bool = False
) -> ImportResult:
    """Read a report file of any supported type. Raises ReportImportError with advice.

    ``simplify``: convert a traditional-character report to simplified (the clerk's choice).
    Nothing is written anywhere: the caller puts the report into the store.
    """
    from model.importers.readers import read_document

    path = Path(path)
    data = _read_bytes(path)
    if path.suffix.lower() == ".json" or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        _check_not_binary(data, path.name)
        return import_exchange_text(_decode(data, path.name), path.name)
    document = read_document(path, data)
    from model.importers.placing import place

    result = place(document, formats, simplify=simplify)
    replaced = make_report_safe(result.report)  # one bad character must not block saving
    if replaced:
        result.warnings.append(replaced_message(replaced))
    return result


def import_exchange_text(text: str, name: str = "") -> ImportResult:
    """An exchange file's text -> report (validated, migrated if old)."""
    try:
        doc = load_bounded(text, name)  # depth, size and NaN refused with their own message
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
    replaced = make_report_safe(report)  # a 「\ud800」 in the file must not block saving
    if replaced:
        warnings.append(replaced_message(replaced))
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
            f"无法读取文件「{path}」（{chinese_reason(exc)}）。"
            "请确认文件没有被其他程序占用，并且您有权限打开它。"
        ) from exc


def decode_text(data: bytes, name: str = "") -> tuple[str, list[str]]:
    """Bytes -> clean text (UTF-8 / GB18030 / UTF-16 with BOM), control characters dropped."""
    _check_not_binary(data, name)
    text = _decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n")
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


# --- text reports ---------------------------------------------------------------------------


def read_text_document(data: bytes, name: str = "") -> ReadDocument:
    """A .txt file -> paragraphs and tables written as text (「 | 」 or tab separated rows)."""
    text, warnings = decode_text(data, name)
    document = text_document(text)
    document.warnings.extend(warnings)
    return document


def text_document(text: str, notes: list[str] | None = None) -> ReadDocument:
    """Plain text -> one paragraph per non-empty line; table rows stay lines for the placer,
    which knows the format's labels and splits them into cells."""
    document = ReadDocument(kind="文本（.txt）", notes=list(notes or []))
    for line in text.split("\n"):
        stripped = line.strip()
        if "\t" in stripped and len([c for c in stripped.split("\t") if c.strip()]) < 2:
            stripped = stripped.replace("\t", " ")  # an indent, not a table row
        if stripped:
            document.blocks.append(Paragraph(stripped))
    if not document.blocks:
        raise ReportImportError(
            "文件是空的（只有空白），没有可导入的文字。请确认选择的文件是否正确。"
        )
    return document


def import_text(
    text: str, formats: list[Format] | None = None, *, simplify: bool = False
) -> ImportResult:
    """A plain-text report -> report (see model.importers.placing)."""
    from model.importers.placing import place

    return place(text_document(text), formats, simplify=simplify)
