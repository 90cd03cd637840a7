"""The report as a list of flowables: title, preamble, sections (text and tables), signature."""

from __future__ import annotations

import logging

from reportlab.platypus import Flowable

from export.pdf import layout
from export.pdf.flowables import GridLines, KeepWithNext, PlacedLine, SnapToGrid
from export.pdf.geometry import (
    BLOCK_HEIGHT,
    BLOCK_WIDTH,
    BODY_SIZE,
    CHAR_PITCH,
    TITLE_SIZE,
)
from export.pdf.tables import table_flowable
from export.pdf.typeset import Typesetter, heading_roles
from model.cells import effective_values
from model.formats import Format, SectionDef
from model.printed import preamble_for_print
from model.report import CellValue, Report

log = logging.getLogger(__name__)


def report_title(report: Report, fmt: Format) -> str:
    return report.meta_value("title").strip() or fmt.title_for(report.agency, report.year)


def build_story(report: Report, fmt: Format, setter: Typesetter) -> list[Flowable]:
    """Every flowable of the document, in reading order."""
    story: list[Flowable] = []
    title = _title_block(report_title(report, fmt), setter)
    story.append(title)
    body: list[tuple[Flowable, bool]] = []  # (flowable, keep with next)
    for n, para in enumerate(_paragraphs(preamble_for_print(report, fmt)), start=1):
        body.extend(_paragraph(para, f"前言 第{n}段", setter))
    values: dict[str, CellValue] | None = None
    for section in fmt.sections:
        body.append((_heading(section, setter), True))
        paragraphs = _paragraphs(report.paragraphs(section.id))
        table = fmt.table_for(section)
        for n, para in enumerate(paragraphs, start=1):
            body.extend(_paragraph(para, f"{section.heading} 第{n}段", setter))
        if table is not None:
            if values is None:
                values = effective_values(report, fmt)
            flowable = table_flowable(table, values, setter.fonts, BLOCK_WIDTH)
            body.append((SnapToGrid(flowable), False))
        elif not paragraphs:
            body.extend(_paragraph(fmt.empty_section_text, section.heading, setter))
    signature = _signature_block(report, setter)
    if signature is not None:
        body.append((signature, False))
    story.extend(_glue(body))
    return story


def _paragraphs(texts: list[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        out.extend(layout.split_paragraphs(text))
    return out


def _glue(items: list[tuple[Flowable, bool]]) -> list[Flowable]:
    """Wrap each keep-with-next flowable together with its follower (from the end)."""
    out: list[Flowable] = []
    pending: Flowable | None = None
    for flowable, keep in reversed(items):
        if keep and pending is not None:
            pending = KeepWithNext(flowable, pending, BLOCK_HEIGHT)
        else:
            if pending is not None:
                out.append(pending)
            pending = flowable
    if pending is not None:
        out.append(pending)
    out.reverse()
    return out


def _title_block(title: str, setter: Typesetter) -> Flowable:
    lines: list[PlacedLine] = []
    for raw in title.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        text = layout.clean_text(raw).strip()
        if not text:
            continue
        for line, width in setter.title_lines(
            text, "xiaobiaosong", TITLE_SIZE, BLOCK_WIDTH, "标题"
        ):
            lines.append((line, (BLOCK_WIDTH - width) / 2))
    lines.append((None, 0.0))  # one blank line before the body
    return GridLines(lines, splittable=False)


def _heading(section: SectionDef, setter: Typesetter) -> Flowable:
    text = layout.clean_text(section.heading).strip()
    lines = setter.paragraph(text, section.heading, roles=["heiti"] * len(text), justify=False)
    return GridLines([(ln, 0.0) for ln in lines])


def _paragraph(text: str, where: str, setter: Typesetter) -> list[tuple[Flowable, bool]]:
    roles, heading_only = heading_roles(text)
    lines = setter.paragraph(text, where, roles=roles)
    keep = heading_only and len(lines) == 1
    return [(GridLines([(ln, 0.0) for ln in lines]), keep)]


def _signature_block(report: Report, setter: Typesetter) -> Flowable | None:
    """GB/T 9704 §7.3.5.2: signature right-indented two characters, the date below it
    starting two characters further right; a longer date is right-indented two characters
    and pushes the signature left (FORMATS.md §6.4)."""
    signature = layout.clean_text(report.meta_value("signature")).strip()
    date = layout.clean_text(report.meta_value("sign_date")).strip()
    if not signature and not date:
        return None
    sig_line, sig_w = setter.single_line(signature, "fangsong", BODY_SIZE, CHAR_PITCH, "署名")
    date_line, date_w = setter.single_line(date, "fangsong", BODY_SIZE, CHAR_PITCH, "成文日期")
    right = BLOCK_WIDTH - 2 * CHAR_PITCH
    if not signature:
        sig_x, date_x = 0.0, right - date_w
    elif not date:
        sig_x, date_x = right - sig_w, 0.0
    elif date_w + 2 * CHAR_PITCH <= sig_w:
        sig_x = right - sig_w
        date_x = sig_x + 2 * CHAR_PITCH
    else:
        date_x = right - date_w
        sig_x = date_x - 2 * CHAR_PITCH
    lines: list[PlacedLine] = [(None, 0.0)]
    if signature:
        lines.append((sig_line, max(sig_x, 0.0)))
    if date:
        lines.append((date_line, max(date_x, 0.0)))
    return GridLines(lines, splittable=False)
