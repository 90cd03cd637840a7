"""基本信息: the fields every report has besides its sections, declared once.

The report keeps them (``Report.agency``, ``year``, ``preamble`` and ``meta``), the checks
name them in findings, and the 基本信息 tab builds its form from :data:`BASIC_FIELDS`.
The rules that tie them together (valid years, a title that follows agency and year) live
here too, so the window and the command line apply the same ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a label for the interface's translation file (pyside6-lupdate reads this name
    in model/ too); returns the Chinese text, which the window translates where shown."""
    return text


TRANSLATION_CONTEXT = "BasicInfo"

YEAR_RANGE = range(2008, 2101)
"""Report years the program accepts: the 条例 took effect in 2008; 2100 is a typo guard."""

FieldKind = Literal["agency", "year", "line", "paragraphs"]


@dataclass(frozen=True)
class BasicField:
    key: str
    """``agency``, ``year`` and ``preamble`` are attributes of the report; the rest are keys
    of ``Report.meta``."""
    label: str
    kind: FieldKind
    placeholder: str = ""
    """Example text; ``{year}`` and ``{next_year}`` are replaced by the report's year."""
    note: str = ""
    """A line of explanation shown under the field."""

    @property
    def in_meta(self) -> bool:
        return self.key not in ("agency", "year", "preamble")


BASIC_FIELDS: tuple[BasicField, ...] = (
    BasicField(
        "agency",
        QT_TRANSLATE_NOOP("BasicInfo", "机关名称"),
        "agency",
        placeholder=QT_TRANSLATE_NOOP("BasicInfo", "例如：某市人民政府办公室"),
    ),
    BasicField(
        "year",
        QT_TRANSLATE_NOOP("BasicInfo", "年度"),
        "year",
        placeholder=QT_TRANSLATE_NOOP("BasicInfo", "例如：{year}"),
    ),
    BasicField(
        "title",
        QT_TRANSLATE_NOOP("BasicInfo", "报告标题"),
        "line",
        note=QT_TRANSLATE_NOOP("BasicInfo", "标题按机关名称和年度自动生成；改动后不再自动更新。"),
    ),
    BasicField(
        "preamble",
        QT_TRANSLATE_NOOP("BasicInfo", "前言"),
        "paragraphs",
        placeholder=QT_TRANSLATE_NOOP(
            "BasicInfo", "报告开头的说明文字（前言）。每行一段，可以留空。"
        ),
    ),
    BasicField("address", QT_TRANSLATE_NOOP("BasicInfo", "联系地址"), "line"),
    BasicField("phone", QT_TRANSLATE_NOOP("BasicInfo", "联系电话"), "line"),
    BasicField(
        "cutoff_date",
        QT_TRANSLATE_NOOP("BasicInfo", "数据统计截止日期"),
        "line",
        placeholder=QT_TRANSLATE_NOOP("BasicInfo", "例如：{year}年12月31日"),
        note=QT_TRANSLATE_NOOP(
            "BasicInfo", "前言中没有写到的联系地址、联系电话和截止日期，打印时自动加在前言之后。"
        ),
    ),
    BasicField(
        "signature",
        QT_TRANSLATE_NOOP("BasicInfo", "署名机关"),
        "line",
        placeholder=QT_TRANSLATE_NOOP("BasicInfo", "可不填；填写后印在报告末尾"),
    ),
    BasicField(
        "sign_date",
        QT_TRANSLATE_NOOP("BasicInfo", "成文日期"),
        "line",
        placeholder=QT_TRANSLATE_NOOP("BasicInfo", "可不填，例如：{next_year}年1月6日"),
    ),
)

META_FIELDS: tuple[str, ...] = tuple(f.key for f in BASIC_FIELDS if f.in_meta)
"""The keys of ``Report.meta``."""

LABELS: dict[str, str] = {f.key: f.label for f in BASIC_FIELDS}


def basic_field(key: str) -> BasicField:
    for item in BASIC_FIELDS:
        if item.key == key:
            return item
    raise KeyError(key)


def placeholder_for(item: BasicField, year: int | None) -> str:
    """The field's example with the report's year filled in (a 2020 report's cut-off is
    2020年12月31日); a report without a year shows the examples of the current practice."""
    shown = year if year is not None else 2024
    return item.placeholder.replace("{year}", str(shown)).replace("{next_year}", str(shown + 1))


def is_valid_year(year: int | None) -> bool:
    return year is not None and year in YEAR_RANGE


def parse_year(text: str) -> tuple[bool, int | None]:
    """(valid, year) for what was typed as 年度; an empty box is a valid "no year yet"."""
    text = text.strip()
    if not text:
        return True, None
    if len(text) == 4 and text.isascii() and text.isdigit() and int(text) in YEAR_RANGE:
        return True, int(text)
    return False, None


def followed_title(
    current_title: str,
    proposed_now: str,
    proposed_after: str,
) -> str | None:
    """The title after agency or year changed, or None when it stays as it is.

    While the title is empty or still the one proposed for the old agency and year, it
    follows them; once the clerk wrote her own title it is hers and never changes.
    """
    if current_title and current_title != proposed_now:
        return None
    return proposed_after if proposed_after != current_title else None
