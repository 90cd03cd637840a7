"""What the printed report says beyond the clerk's paragraphs, worded by the format file.

The 基本信息 fields 联系地址, 联系电话 and 数据统计截止日期 belong in the opening of a published
report. Many clerks already write them into the 前言 (the 2017 sample does) or a section; a
field the report does not mention yet is added after the 前言, in one sentence whose words
come from the format's ``print_templates``, so the printout never silently drops what she
filled in.
"""

from __future__ import annotations

from model.formats import Format
from model.report import Report

DEFAULT_TEMPLATES = {
    "cutoff_date": "本报告中所列数据的统计截止日期为{cutoff_date}。",
    "contact": "如对本报告有疑问，请与本机关联系（{items}）。",
    "address": "联系地址：{address}",
    "phone": "联系电话：{phone}",
}


def preamble_for_print(report: Report, fmt: Format) -> list[str]:
    """The 前言 as printed: her paragraphs, then what the fields add that neither the 前言 nor
    any section says."""
    paragraphs = [p for p in report.preamble if p.strip()]
    extra = contact_for_print(report, fmt)
    return [*paragraphs, extra] if extra else paragraphs


def contact_for_print(report: Report, fmt: Format) -> str:
    """The sentence the filled fields add, unless the report already states them anywhere
    (a section often gives the contact: it is then not printed a second time)."""
    written = [*report.preamble, *(p for s in fmt.sections for p in report.paragraphs(s.id))]
    return added_sentences(report, fmt, "\n".join(written))


def added_sentences(report: Report, fmt: Format, written: str) -> str:
    """The sentences for the filled fields that ``written`` does not mention ("" if none)."""
    templates = {**DEFAULT_TEMPLATES, **fmt.raw.get("print_templates", {})}
    compact = _compact(written)

    def unsaid(key: str) -> str:
        value = report.meta_value(key).strip()
        return value if value and _compact(value) not in compact else ""

    sentences = []
    cutoff = unsaid("cutoff_date")
    if cutoff:
        sentences.append(templates["cutoff_date"].format(cutoff_date=cutoff))
    items = [
        templates[key].format(**{key: value})
        for key in ("address", "phone")
        if (value := unsaid(key))
    ]
    if items:
        sentences.append(templates["contact"].format(items="；".join(items)))
    return "".join(sentences)


def _compact(text: str) -> str:
    return "".join(text.split())
