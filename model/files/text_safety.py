"""Text made safe where it enters the program (import, paste, typing, exchange files).

A lone surrogate (half of a character pair, e.g. from a broken copy out of another program
or a hand-edited JSON file with 「\\ud800」) is a code point that no UTF-8 file can hold: the
store, the exchange file and the PDF would all fail on it. It is replaced by 「�」 the moment
it enters, and the clerk is told, so that one bad character can never stop her work from
being saved.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from model.report import Report

REPLACEMENT = "\ufffd"


def is_unsafe(ch: str) -> bool:
    """A code point no file of ours can hold: a lone surrogate."""
    return "\ud800" <= ch <= "\udfff"


def make_safe(text: str) -> tuple[str, int]:
    """``text`` with every unsafe code point replaced by 「�」, and how many there were."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return text, 0
    count = sum(1 for ch in text if is_unsafe(ch))
    return "".join(REPLACEMENT if is_unsafe(ch) else ch for ch in text), count


def safe_value(value: Any) -> tuple[Any, int]:
    """Any JSON-like value (text, lists, mappings) made safe; how many were replaced."""
    if isinstance(value, str):
        return make_safe(value)
    if isinstance(value, list):
        items = [safe_value(v) for v in value]
        return [v for v, _ in items], sum(n for _, n in items)
    if isinstance(value, dict):
        total = 0
        result = {}
        for key, item in value.items():
            safe_key, n_key = safe_value(key) if isinstance(key, str) else (key, 0)
            safe_item, n_item = safe_value(item)
            result[safe_key] = safe_item
            total += n_key + n_item
        return result, total
    return value, 0


def make_report_safe(report: Report) -> int:
    """Replace unsafe code points everywhere in ``report`` (in place); how many there were."""
    doc = report.to_dict()
    safe, count = safe_value(doc)
    if count:
        cleaned = Report.from_dict(safe)
        for field in dataclasses.fields(report):
            setattr(report, field.name, getattr(cleaned, field.name))
    return count


def replaced_message(count: int) -> str:
    """What the clerk is told after :func:`make_report_safe` replaced something."""
    return (
        f"有 {count} 个残缺的字符（无法保存的特殊符号）已替换为「{REPLACEMENT}」。"
        f"请在报告中查找「{REPLACEMENT}」，改为原来的文字。"
    )
