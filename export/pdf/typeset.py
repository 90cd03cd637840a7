"""Turning plain text into positioned glyph runs: fonts per character, widths, lines.

A paragraph is laid out by :mod:`export.pdf.layout`; here each character gets its face (with
per-character fallback) and width, and each line becomes a few runs that are drawn with one
PDF text operator each (same face, same spacing), which keeps files small and export fast.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from reportlab.pdfbase.pdfmetrics import stringWidth

from export.outline import lead_of
from export.pdf import layout
from export.pdf.fonts import FontSet
from export.pdf.geometry import BLOCK_WIDTH, BODY_SIZE, CHAR_PITCH, PARAGRAPH_INDENT

_shared_widths: dict[tuple[str, str, float, float], float] = {}
PARAGRAPH_CACHE_LIMIT = 4000
_paragraph_cache: dict[
    tuple[object, ...], tuple[FontSet, tuple[TypesetLine, ...], tuple[str, ...]]
] = {}


class MissingChar(NamedTuple):
    """A character no available face can draw, and where the clerk wrote it."""

    char: str
    where: str


@dataclass(frozen=True)
class Run:
    x: float  # from the left edge of the column
    text: str
    font: str
    char_space: float  # PDF Tc: extra space after each glyph


@dataclass(frozen=True)
class TypesetLine:
    runs: tuple[Run, ...]
    size: float

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Typesetter:
    """Lays out text with one FontSet and collects characters no face can draw."""

    fonts: FontSet
    missing: dict[tuple[str, str], None] = field(default_factory=dict)
    # Widths depend only on the character, the registered face and the size: shared by
    # every export in the process (registered face names are never reused for another file).
    _widths: dict[tuple[str, str, float, float], float] = field(
        default_factory=lambda: _shared_widths
    )

    # --- public -----------------------------------------------------------------------------
    def paragraph(
        self,
        text: str,
        where: str,
        *,
        roles: list[str] | None = None,
        size: float = BODY_SIZE,
        pitch: float = CHAR_PITCH,
        indent: float = PARAGRAPH_INDENT,
        width: float = BLOCK_WIDTH,
        justify: bool = True,
    ) -> list[TypesetLine]:
        """Lay out one paragraph (already cleaned) into justified lines on the grid."""
        if not text:
            return []
        roles = roles or ["fangsong"] * len(text)
        # The preview and repeated exports set the same paragraphs again: lines depend only
        # on the text, its fonts and the measure, so they are kept (immutable) per font set.
        key = (text, tuple(roles), size, pitch, indent, width, justify, id(self.fonts))
        known = _paragraph_cache.get(key)
        if known is not None and known[0] is self.fonts:
            for ch in known[2]:
                self.missing.setdefault((ch, where), None)
            return list(known[1])
        before = len(self.missing)
        faces, widths = self._measure(text, roles, size, pitch, where)
        lines = layout.break_lines(text, widths, width, indent, justify=justify)
        result = [self._runs(text, faces, ln.start, ln.end, ln.xs, size) for ln in lines]
        missing = tuple(ch for ch, _ in list(self.missing)[before:])
        if len(_paragraph_cache) >= PARAGRAPH_CACHE_LIMIT:
            _paragraph_cache.clear()
        _paragraph_cache[key] = (self.fonts, tuple(result), missing)
        return result

    def single_line(
        self, text: str, role: str, size: float, pitch: float, where: str
    ) -> tuple[TypesetLine, float]:
        """One unbroken line starting at x = 0, and its width."""
        faces, widths = self._measure(text, [role] * len(text), size, pitch, where)
        xs, x = [], 0.0
        for w in widths:
            xs.append(x)
            x += w
        return self._runs(text, faces, 0, len(text), tuple(xs), size), x

    def title_lines(
        self, text: str, role: str, size: float, width: float, where: str
    ) -> list[tuple[TypesetLine, float]]:
        """Balanced title lines (each with its width) for one line the clerk typed."""
        roles = [role] * len(text)
        faces, widths = self._measure(text, roles, size, size, where)
        out = []
        for a, b in layout.balance_title(text, widths, width):
            xs, x = [], 0.0
            for w in widths[a:b]:
                xs.append(x)
                x += w
            out.append((self._runs(text, faces, a, b, tuple(xs), size), x))
        return out

    def missing_chars(self) -> list[MissingChar]:
        return [MissingChar(ch, where) for ch, where in self.missing]

    # --- internals ---------------------------------------------------------------------------
    def _measure(
        self, text: str, roles: list[str], size: float, pitch: float, where: str
    ) -> tuple[list[str], list[float]]:
        faces: list[str] = []
        widths: list[float] = []
        find = self.fonts.find_font
        for ch, role in zip(text, roles, strict=True):
            face = find(role, ch)
            if face is None:
                self.missing.setdefault((ch, where), None)
                face = self.fonts.name_for(role)
            faces.append(face)
            widths.append(self._width(ch, face, size, pitch))
        return faces, widths

    def _width(self, ch: str, face: str, size: float, pitch: float) -> float:
        key = (ch, face, size, pitch)
        w = self._widths.get(key)
        if w is None:
            natural = stringWidth(ch, face, size)
            eaw = unicodedata.east_asian_width(ch)
            full = eaw in ("W", "F") or (eaw == "A" and natural >= 0.75 * size)
            w = pitch if full else natural  # a full-width character takes one grid cell
            self._widths[key] = w
        return w

    def _runs(
        self,
        text: str,
        faces: list[str],
        start: int,
        end: int,
        xs: tuple[float, ...],
        size: float,
    ) -> TypesetLine:
        runs: list[Run] = []
        n = end - start
        gaps = [self._gap(text, faces, start, xs, i, size) for i in range(n)]
        i = 0
        while i < n:
            face = faces[start + i]
            spacing = gaps[i]
            j = i + 1
            while j < n and faces[start + j] == face and abs(gaps[j - 1] - spacing) < 0.005:
                j += 1
            runs.append(
                Run(x=xs[i], text=text[start + i : start + j], font=face, char_space=spacing)
            )
            i = j
        return TypesetLine(runs=tuple(runs), size=size)

    def _gap(
        self, text: str, faces: list[str], start: int, xs: tuple[float, ...], i: int, size: float
    ) -> float:
        """Tc that moves from character i to character i+1 of the line."""
        if i + 1 >= len(xs):
            return 0.0
        ch = text[start + i]
        natural = self._natural(ch, faces[start + i], size)
        return xs[i + 1] - xs[i] - natural

    def _natural(self, ch: str, face: str, size: float) -> float:
        key = (ch, face, -size, 0.0)  # negative size: natural advance, not the grid width
        w = self._widths.get(key)
        if w is None:
            w = stringWidth(ch, face, size)
            self._widths[key] = w
        return w


def heading_roles(text: str) -> tuple[list[str], bool]:
    """Fonts per character for a body paragraph, and whether it is a heading line alone.

    「一、…」 leads are 黑体 and 「（一）…」 leads 楷体, up to the first 。 (the rest of the
    paragraph is 仿宋); 「1.」 and 「（1）」 stay 仿宋 (GB/T 9704 §7.3.3).
    """
    level, lead, alone = lead_of(text)
    return lead_roles(len(text), level, lead), alone


def lead_roles(n: int, level: int, lead: int) -> list[str]:
    """Font role per character of a paragraph of ``n`` characters with this lead."""
    role = {1: "heiti", 2: "kaiti"}.get(level)
    if role is None:
        return ["fangsong"] * n
    return [role] * lead + ["fangsong"] * (n - lead)
