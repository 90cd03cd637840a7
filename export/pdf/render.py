"""The public PDF API: render a report as a GB/T 9704 A4 PDF, or write it to a file.

Layout: 版心 156 × 225 mm at 37 mm from the top and 28 mm from the left, 22 lines × 28
characters of 3号仿宋, 2号小标宋 title, 「— N —」 page numbers in 4号宋体, as GB/T 9704-2012
sets them.
reportlab is not thread-safe: one export at a time. :data:`_render_lock` is the one lock
that serialises renders (callers take none of their own); the font resolver in
:mod:`export.pdf.fonts` has a short lock of its own, so the font settings can be read while a
PDF is being made.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from export.outline import Outline, build_outline
from export.pdf.document import build_story
from export.pdf.fonts import FontSet, Substitution, resolve_fonts
from export.pdf.geometry import (
    BLOCK_BOTTOM,
    BLOCK_HEIGHT,
    BLOCK_WIDTH,
    MARGIN_LEFT,
    PAGE_HEIGHT,
    PAGE_NUMBER_GAP,
    PAGE_NUMBER_SIZE,
    PAGE_WIDTH,
)
from export.pdf.pages import Frame, pour
from export.pdf.typeset import MissingChar, Typesetter
from export.pdf_file import write_atomically
from model.formats import Format
from model.report import Report

__all__ = ["MissingChar", "PdfOptions", "PdfResult", "Substitution", "render_pdf", "write_pdf"]

_render_lock = threading.Lock()
DASH_HEIGHT = 0.33  # height of the 一字线 above the baseline, in em


@dataclass
class PdfOptions:
    # role (「仿宋」 or "fangsong") -> user-chosen font file, or "path#index" for a TTC
    font_paths: dict[str, str] = field(default_factory=dict)


@dataclass
class PdfResult:
    data: bytes
    pages: int
    fonts_used: dict[str, str]  # role -> human font name actually used
    substitutions: list[Substitution]  # roles printed in a stand-in face
    missing_chars: list[MissingChar]  # (character, where) drawn by no font at all


def render_pdf(report: Report, fmt: Format, options: PdfOptions | None = None) -> PdfResult:
    """Typeset ``report`` in ``fmt`` and return the PDF bytes and what was used."""
    return render_outline(build_outline(report.copy(), fmt), options)


def render_outline(outline: Outline, options: PdfOptions | None = None) -> PdfResult:
    """Typeset an outline (see :mod:`export.outline`) as a PDF."""
    options = options or PdfOptions()
    with _render_lock:
        fonts = resolve_fonts(options.font_paths)
        setter = Typesetter(fonts)
        story = build_story(outline, setter)
        buffer = io.BytesIO()
        canvas = _canvas(buffer, outline, fonts)
        frame = Frame(MARGIN_LEFT, BLOCK_BOTTOM, BLOCK_WIDTH, BLOCK_HEIGHT)
        pages = pour(story, canvas, frame, lambda c, page: _draw_page_number(c, page, fonts))
        canvas.save()
        return PdfResult(
            data=buffer.getvalue(),
            pages=pages,
            fonts_used=dict(fonts.fonts_used),
            substitutions=list(fonts.substitutions),
            missing_chars=setter.missing_chars(),
        )


def write_pdf(
    report: Report, fmt: Format, path: Path, options: PdfOptions | None = None
) -> PdfResult:
    """Render and write atomically; raises ExportError with a Chinese message on failure."""
    result = render_pdf(report, fmt, options)
    write_atomically(Path(path), result.data)
    return result


def _canvas(buffer: io.BytesIO, outline: Outline, fonts: FontSet) -> Canvas:
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        initialFontName=fonts.fangsong,  # no stray non-embedded Helvetica font object
        initialFontSize=16,
    )
    canvas.setTitle(outline.title.replace("\n", ""))
    canvas.setAuthor(outline.agency)
    canvas.setSubject(outline.format_name or "政府信息公开工作年度报告")
    canvas.setCreator("nianbao 公开年报编辑器")
    canvas.setKeywords(["政府信息公开", "年度报告"])
    return canvas


def _draw_page_number(canvas: Canvas, page: int, fonts: FontSet) -> None:
    """「— N —」, 4号宋体, 7 mm below the 版心; odd pages right, even pages left, 空一字."""
    text = f"— {page} —"
    y = BLOCK_BOTTOM - PAGE_NUMBER_GAP - DASH_HEIGHT * PAGE_NUMBER_SIZE
    runs: list[tuple[str, str]] = []
    for ch in text:
        face = fonts.font_for_char("songti", ch)
        if runs and runs[-1][0] == face:
            runs[-1] = (face, runs[-1][1] + ch)
        else:
            runs.append((face, ch))
    width = sum(canvas.stringWidth(t, f, PAGE_NUMBER_SIZE) for f, t in runs)
    inset = PAGE_NUMBER_SIZE  # 空一字 (one 4号 character)
    x = MARGIN_LEFT + BLOCK_WIDTH - inset - width if page % 2 else MARGIN_LEFT + inset
    canvas.saveState()
    for face, part in runs:
        canvas.setFont(face, PAGE_NUMBER_SIZE)
        canvas.drawString(x, y, part)
        x += canvas.stringWidth(part, face, PAGE_NUMBER_SIZE)
    canvas.restoreState()
