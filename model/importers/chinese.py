"""Traditional characters: telling a traditional-script report apart, and converting it.

Conversion uses OpenCC's traditional-to-simplified table. Matching headings and table labels
always goes through :func:`to_simplified`, so a traditional report is understood whether or
not the clerk lets the text itself be converted.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# a handful of characters proves nothing (a name, a quoted title); this share of the Chinese
# characters changing under conversion is a report written in traditional script
TRADITIONAL_SHARE = 0.03
MIN_CHANGED = 5


@lru_cache(maxsize=1)
def _converter() -> Any | None:
    try:
        import opencc
    except ImportError:  # the package is a dependency; without it nothing is converted
        return None
    try:
        return opencc.OpenCC("t2s")
    except Exception:  # a broken installation: the report still imports unconverted
        return None


def can_convert() -> bool:
    return _converter() is not None


@lru_cache(maxsize=4096)
def to_simplified(text: str) -> str:
    """The text in simplified characters (unchanged when OpenCC is not available)."""
    converter = _converter()
    if converter is None or text.isascii():
        return text
    try:
        return str(converter.convert(text))
    except (UnicodeError, ValueError):  # a lone surrogate pasted in: leave the text as it is
        return text


def is_traditional(texts: list[str]) -> bool:
    """Whether the text is written in traditional characters (judged on its first part)."""
    sample = "".join(texts)[:20000]
    han = [ch for ch in sample if "\u4e00" <= ch <= "\u9fff"]
    if not han or _converter() is None:
        return False
    converted = to_simplified("".join(han))
    changed = sum(1 for a, b in zip(han, converted, strict=False) if a != b)
    return changed >= MIN_CHANGED and changed / len(han) >= TRADITIONAL_SHARE
