"""The exchange file: one report document (``Report.to_dict()``) as a standalone JSON file.

docs/exchange.md describes the file and docs/report.schema.json is its JSON Schema. Reading
is checked here by hand (no run-time dependency on jsonschema) with messages a clerk can act
on; the tests check that this hand check and the schema agree.
"""

from __future__ import annotations

import contextlib
import json
import math
from pathlib import Path
from typing import Any

from model.basic_info import META_FIELDS
from model.errors import ExportError, ReportDataError
from model.files.atomic_file import write_atomically
from model.formats import get_format
from model.report import NOT_APPLICABLE, SCHEMA_VERSION, Report
from model.sections import report_sections
from model.store.migrations import migrate

EXCHANGE_SUFFIX = ".nianbao.json"
MIME_TYPE = "application/x-nianbao+json"
KNOWN_KEYS = frozenset(
    {"schema_version", "id", "format", "agency", "year", "created", "modified"}
    | {"meta", "preamble", "sections", "cells", "dismissed"}
    | {"unplaced", "is_copy"}
    | {"stated_totals"}
)
MAX_ID_CHARS = 64
YEAR_RANGE = (1000, 9999)


# --- writing --------------------------------------------------------------------------------


def report_to_json(report: Report) -> str:
    """The exchange file's text: UTF-8 friendly (Chinese kept readable), indented, stable."""
    doc = report.to_dict()
    try:
        text = json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    except ValueError as exc:
        raise ReportDataError(f"报告中有无法保存的数值（{exc}），请检查表格中的数字。") from exc
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a stray surrogate pasted in: escape it rather than fail
        text = json.dumps(doc, ensure_ascii=True, indent=2, allow_nan=False) + "\n"
    return text


def exchange_file_name(report: Report) -> str:
    """A suggested file name, e.g. 市中区商务局2017年报.nianbao.json."""
    stem = f"{report.agency}{report.year or ''}年报" if report.agency else f"年报-{report.id}"
    safe = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in stem)
    return safe.strip(" .") + EXCHANGE_SUFFIX


def write_exchange_file(report: Report, path: Path | str) -> Path:
    """Write the exchange file atomically (readable by others, 0644); ExportError on failure."""
    path = Path(path)
    text = report_to_json(report)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text.encode("utf-8"), subject="交换文件", error=ExportError)
    return path


# --- reading --------------------------------------------------------------------------------


def report_from_document(doc: Any) -> tuple[Report, list[str]]:
    """A parsed exchange document -> (report, warnings). Raises ReportDataError."""
    if (isinstance(doc, dict) and isinstance(doc.get("_default"), dict)) or (
        isinstance(doc, dict) and isinstance(doc.get("reports"), dict) and "format" not in doc
    ):
        raise ReportDataError(
            "这是本程序的数据文件（保存全部报告的文件），不是单份报告。"
            "要使用它，请在程序中打开该数据文件，或在命令行用 --store 指定它。"
        )
    if not isinstance(doc, dict) or not isinstance(doc.get("format"), str) or "id" not in doc:
        raise ReportDataError(
            "这不是公开年报编辑器导出的报告文件（可能是其他程序的 JSON 文件）。"
            "请选择本程序「导出交换文件」得到的 .nianbao.json 文件。"
        )
    doc = _migrated(doc)
    problems = validate_document(doc)
    if problems:
        shown = "；".join(problems[:5]) + ("；……" if len(problems) > 5 else "")
        raise ReportDataError(f"报告文件内容有误：{shown}。请重新导出该文件。")
    warnings: list[str] = []
    unknown = sorted(set(doc) - KNOWN_KEYS)
    if unknown:
        warnings.append(f"文件中有本程序不认识的内容（{'、'.join(unknown)}），已忽略。")
    report = Report.from_dict({k: v for k, v in doc.items() if k in KNOWN_KEYS})
    fmt = get_format(report.format)
    extra_sections = sorted(set(report.sections) - {s.id for s in report_sections(report, fmt)})
    extra_cells = sorted(set(report.cells) - set(fmt.all_cells()))
    if extra_sections or extra_cells:
        warnings.append(
            f"文件中有 {len(extra_sections)} 个部分、{len(extra_cells)} 个表格单元格不属于格式"
            f"「{fmt.name}」，已原样保留但不会显示或打印。"
        )
    return report, warnings


def _migrated(doc: dict[str, Any]) -> dict[str, Any]:
    version = doc.get("schema_version", 0)  # 0: the pre-release layout (model.store.migrations)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ReportDataError(f"报告文件的版本号 {version!r} 无效。请重新导出该文件。")
    if version > SCHEMA_VERSION:
        raise ReportDataError(
            f"这份报告文件由较新版本的公开年报编辑器导出（文件版本 {version}，本程序只认识到版本 "
            f"{SCHEMA_VERSION}）。请把本程序升级到最新版本后再导入。"
        )
    if version == SCHEMA_VERSION:
        return doc
    migrated = migrate(dict(doc))  # raises a NianbaoError with a Chinese message
    if not isinstance(migrated, dict):
        raise ReportDataError("旧版本报告文件转换失败。请用原来的程序重新导出。")
    return migrated


def validate_document(doc: Any) -> list[str]:
    """Problems with a document, in plain Chinese (empty when valid).

    Mirrors docs/report.schema.json (tests keep the two in step).
    """
    if not isinstance(doc, dict):
        return ["文件内容不是一个 JSON 对象"]
    problems: list[str] = []
    if doc.get("schema_version") != SCHEMA_VERSION or isinstance(doc.get("schema_version"), bool):
        problems.append(f"「schema_version」应为 {SCHEMA_VERSION}")
    for key in ("id", "format"):
        value = doc.get(key)
        if not isinstance(value, str) or not value or len(value) > MAX_ID_CHARS:
            problems.append(f"「{key}」应为不超过 {MAX_ID_CHARS} 个字符的非空文字")
        elif not all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in value):
            problems.append(f"「{key}」只能包含英文字母、数字、- 和 _")
    for key in ("agency", "created", "modified"):
        if key in doc and not isinstance(doc[key], str):
            problems.append(f"「{key}」应为文字")
    year = doc.get("year")
    if year is not None and (
        isinstance(year, bool) or not isinstance(year, int) or not _in_range(year, YEAR_RANGE)
    ):
        problems.append("「year」（年度）应为四位数的年份，例如 2024，或留空（null）")
    problems += _check_mapping(doc, "meta", _is_str, "文字")
    meta = doc.get("meta")
    if isinstance(meta, dict):
        problems += [f"「meta」中有未知字段「{k}」" for k in meta if k not in META_FIELDS]
    if "preamble" in doc and not _is_str_list(doc["preamble"]):
        problems.append("「preamble」应为文字段落的列表")
    problems += _check_mapping(doc, "sections", _is_str_list, "文字段落的列表")
    problems += _check_mapping(doc, "cells", _is_cell_value, '数字、null 或 "n/a"')
    problems += _check_mapping(doc, "dismissed", _is_str, "文字")
    problems += _check_mapping(doc, "stated_totals", _is_stated, "数字或 null")
    if "unplaced" in doc and not _is_str_list(doc["unplaced"]):
        problems.append("「unplaced」（未归类内容）应为文字段落的列表")
    if "is_copy" in doc and not isinstance(doc["is_copy"], bool):
        problems.append("「is_copy」（副本标记）应为 true 或 false")
    if "own_sections" in doc and not _is_own_sections(doc["own_sections"]):
        problems.append("「own_sections」（自有部分）应为列表，每项有文字的 id 和 heading")
    if "unreviewed" in doc and not _is_str_list(doc["unreviewed"]):
        problems.append("「unreviewed」（未复核的部分）应为文字的列表")
    return problems


def _check_mapping(doc: dict[str, Any], key: str, ok: Any, expected: str) -> list[str]:
    if key not in doc:
        return []
    value = doc[key]
    if not isinstance(value, dict):
        return [f"「{key}」应为 JSON 对象"]
    return [f"「{key}.{k}」应为{expected}" for k, v in value.items() if not ok(v)]


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(p, str) for p in value)


def _is_own_sections(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(e, dict) and isinstance(e.get("id"), str) and isinstance(e.get("heading"), str)
        for e in value
    )


def _is_stated(value: Any) -> bool:
    return value != NOT_APPLICABLE and _is_cell_value(value)


def _is_cell_value(value: Any) -> bool:
    if value is None or value == NOT_APPLICABLE:
        return True
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return not isinstance(value, float) or math.isfinite(value)


def _in_range(value: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= value <= bounds[1]
