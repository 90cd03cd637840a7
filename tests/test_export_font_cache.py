"""Parsed font metrics cached on disk: a fresh process reads them instead of parsing the font."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfbase import pdfmetrics

from export.pdf import font_cache
from model.paths import fonts_dir

FONT = str(fonts_dir() / "FandolKai-Regular.ttf")


def test_second_load_comes_from_the_cache_with_the_same_metrics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(font_cache, "cache_dir", lambda: tmp_path / "cache")
    first = font_cache.load_ttfont("fc-first", FONT, 0)
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1
    parsed: list[str] = []
    monkeypatch.setattr(font_cache, "parse", lambda *a: parsed.append("x"))
    second = font_cache.load_ttfont("fc-second", FONT, 0)
    assert parsed == []  # not parsed again
    assert second.face.charWidths == first.face.charWidths
    assert second.face.charToGlyph == first.face.charToGlyph
    assert second.stringWidth("楷体字2024", 16) == first.stringWidth("楷体字2024", 16)
    pdfmetrics.registerFont(second)
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setFont("fc-second", 16)
    canvas.drawString(72, 700, "楷体字从缓存中读取")
    canvas.save()
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        assert pdf.pages[0].extract_text() == "楷体字从缓存中读取"


def test_a_damaged_cache_only_costs_a_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(font_cache, "cache_dir", lambda: tmp_path)
    font_cache.load_ttfont("fc-third", FONT, 0)
    for file in tmp_path.glob("*.pickle"):
        file.write_bytes(b"not a pickle")
    font = font_cache.load_ttfont("fc-fourth", FONT, 0)
    assert font.stringWidth("楷", 10) == 10


@pytest.mark.parametrize("file", ["FandolFang-Regular.ttf", "LiberationSerif-Regular.ttf"])
def test_a_cached_face_embeds_the_same_subsets_as_a_parsed_one(
    file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cached face keeps per-glyph lists as arrays and reads glyph outlines from the
    mapped file by slices: the embedded subsets must not change by a byte."""
    monkeypatch.setattr(font_cache, "cache_dir", lambda: tmp_path)
    path = str(fonts_dir() / file)
    font_cache.load_ttfont("fc-fill", path, 0)  # writes the cache
    cached = font_cache.load_ttfont("fc-cached", path, 0)
    parsed = font_cache.parse("fc-parsed", path, 0)
    assert not isinstance(cached.face.hmetrics, list)  # really the cached form
    text = "政府信息公开工作年度报告，依申请公开1,027件（12.5%）éàüçñ ﬁ Æ"
    latin = list(range(0xC0, 0x17F))  # accented letters: composite glyphs
    subsets = [sorted({ord(c) for c in text}), list(range(0x4E00, 0x4EFF)), latin]
    for subset in subsets:
        assert cached.face.makeSubset(subset) == parsed.face.makeSubset(subset)
