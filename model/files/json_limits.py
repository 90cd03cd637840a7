"""Reading JSON a clerk was handed, with bounds: nesting depth, size and number of values.

A report document is a few levels deep and holds a few thousand values. A file nested
thousands of levels deep (made by a broken tool, or on purpose) would end Python's parser in
a RecursionError; one with millions of values would hold the window for minutes. Such files
are refused up front with a Chinese message, as are the non-standard NaN and Infinity that
Python's parser would otherwise accept.
"""

from __future__ import annotations

import json
import re
from typing import Any

from model.errors import ReportImportError

MAX_DEPTH = 32  # a report document is about 5 levels deep
MAX_CHARS = 20 * 1024 * 1024
MAX_VALUES = 200_000  # a full report has a few thousand

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_STRUCTURE = re.compile(r"[\[\]{},]")


def _refuse(name: str, why: str) -> ReportImportError:
    return ReportImportError(
        f"文件「{name}」不像是本程序导出的报告文件：{why}。"
        "请确认选择的文件是否正确，或请对方重新导出后再导入。"
    )


def check_shape(text: str, name: str = "") -> None:
    """Refuse text too large, too deep or with too many values, before parsing it."""
    if len(text) > MAX_CHARS:
        raise _refuse(name, f"内容超过 {MAX_CHARS // (1024 * 1024)} MB")
    depth = deepest = values = 0
    for match in _STRUCTURE.finditer(_STRING.sub('""', text)):
        mark = match.group()
        if mark in "[{":
            depth += 1
            values += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    raise _refuse(name, f"数据嵌套超过 {MAX_DEPTH} 层")
        elif mark in "]}":
            depth -= 1
        else:
            values += 1
            if values > MAX_VALUES:
                raise _refuse(name, f"数据项超过 {MAX_VALUES:,} 个")


def _no_constant(name: str) -> Any:
    def refuse(constant: str) -> float:
        raise ReportImportError(
            f"文件「{name}」中有不是数字的数值「{constant}」（标准的报告文件里不会有）。"
            "请让对方重新导出该文件，或在导出它的程序中把这个数值改为数字后再导入。"
        )

    return refuse


def load_bounded(text: str, name: str = "") -> Any:
    """``json.loads`` within the bounds above. Raises ReportImportError for a file out of
    bounds or with NaN/Infinity; ``json.JSONDecodeError`` (a ValueError) for broken JSON."""
    check_shape(text, name)
    try:
        return json.loads(text, parse_constant=_no_constant(name))
    except RecursionError as exc:  # the shape check should make this unreachable
        raise _refuse(name, "数据嵌套层数太多") from exc
