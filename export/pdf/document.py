"""The outline of the report as a list of blocks: title, paragraphs, tables, signature."""

from __future__ import annotations

import logging

from export import outline as ol
from export.pdf import layout
from export.pdf.geometry import BLOCK_HEIGHT, BLOCK_WIDTH, BODY_SIZE, CHAR_PITCH, TITLE_SIZE
from export.pdf.pages import Block
from export.pdf.tables import table_block
from export.pdf.text_blocks import GridLines, KeepWithNext, PlacedLine
from export.pdf.typeset import Typesetter, lead_roles

log = logging.getLogger(__name__)


def build_story(outline: ol.Outline, setter: Typesetter) -> list[Block]:
    """Every block of the document, in reading order."""
    story: list[Block] = [_title_block(outline.title, setter)]
    body: list[tuple[Block, bool]] = []  # (block, keep with next)
    for block in outline.blocks:
        if isinstance(block, ol.Heading):
            body.append((_heading(block, setter), True))
        elif isinstance(block, ol.Paragraph):
            body.append(_paragraph(block, setter))
        else:
            body.append((table_block(block, setter.fonts), False))
    if outline.signature is not None:
        body.append((_signature_block(outline.signature, setter), False))
    story.extend(_glue(body))
    return story


def _glue(items: list[tuple[Block, bool]]) -> list[Block]:
    """Wrap each keep-with-next block together with its follower (from the end)."""
    out: list[Block] = []
    pending: Block | None = None
    for block, keep in reversed(items):
        if keep and pending is not None:
            pending = KeepWithNext(block, pending, BLOCK_HEIGHT)
        else:
            if pending is not None:
                out.append(pending)
            pending = block
    if pending is not None:
        out.append(pending)
    out.reverse()
    return out


def _title_block(title: str, setter: Typesetter) -> Block:
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


def _heading(heading: ol.Heading, setter: Typesetter) -> Block:
    text = heading.text
    lines = setter.paragraph(text, text, roles=["heiti"] * len(text), justify=False)
    return GridLines([(ln, 0.0) for ln in lines])


def _paragraph(para: ol.Paragraph, setter: Typesetter) -> tuple[Block, bool]:
    roles = lead_roles(len(para.text), para.lead_level, para.lead_length)
    lines = setter.paragraph(para.text, para.where, roles=roles)
    keep = (para.heading_only and len(lines) == 1) or para.lead_in
    return GridLines([(ln, 0.0) for ln in lines]), keep


def _signature_block(sig: ol.Signature, setter: Typesetter) -> Block:
    """The signature block, placed by :func:`export.outline.signature_offsets` (GB/T 9704
    §7.3.5.2), one blank line above it."""
    signature, date = sig.signature, sig.date
    sig_line, sig_w = setter.single_line(signature, "fangsong", BODY_SIZE, CHAR_PITCH, "署名")
    date_line, date_w = setter.single_line(date, "fangsong", BODY_SIZE, CHAR_PITCH, "成文日期")
    sig_x, date_x = ol.signature_offsets(
        sig_w if signature else 0.0, date_w if date else 0.0, BLOCK_WIDTH, CHAR_PITCH
    )
    lines: list[PlacedLine] = [(None, 0.0)]
    if signature:
        lines.append((sig_line, max(sig_x, 0.0)))
    if date:
        lines.append((date_line, max(date_x, 0.0)))
    return GridLines(lines, splittable=False)
