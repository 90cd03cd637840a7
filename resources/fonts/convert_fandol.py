"""Convert the Fandol fonts (CFF-outline OpenType) to TrueType (glyf) outlines.

reportlab embeds only TrueType outlines, and the Fandol faces from Debian ``texlive-lang-chinese``
(``texmf-dist/fonts/opentype/public/fandol``) are CID-keyed CFF. Each cubic curve becomes
quadratic splines within ``MAX_ERR`` font units (em 1000), contours are reversed to the
TrueType winding, and the tables that describe outlines (``CFF ``, ``VORG``, ``maxp``, ``post``,
side bearings) are rebuilt; ``cmap``, ``name``, ``OS/2``, ``hhea``, ``hmtx`` and the rest stay.

    python convert_fandol.py /usr/share/texlive/texmf-dist/fonts/opentype/public/fandol [OUT_DIR]

OUT_DIR defaults to this script's folder. The fonts stay under GPL-3 with the font exception,
which is extended to these converted versions (see README.md).
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._g_l_y_f import Glyph

FACES = (
    "FandolFang-Regular",  # 仿宋: body text
    "FandolSong-Bold",  # 宋体 bold: stand-in for the 小标宋 title
    "FandolSong-Regular",  # 宋体: page numbers
    "FandolHei-Regular",  # 黑体: level-1 headings
    "FandolKai-Regular",  # 楷体: level-2 headings
)
MAX_ERR = 1.0  # largest distance of a quadratic from its cubic curve, in font units
TRUETYPE = "\x00\x01\x00\x00"
DESCRIPTION_ID = 10
NOTICE = (
    "Converted from {src} (CFF outlines) to TrueType outlines with convert_fandol.py "
    "(nianbao); glyph shapes, metrics and character map unchanged. "
    "GPL-3 with the GPL font exception, extended to this converted version."
)


def quadratic_glyphs(font: TTFont) -> dict[str, Glyph]:
    """Every glyph of ``font`` drawn as a TrueType glyph (quadratic, clockwise outer contours)."""
    glyph_set = font.getGlyphSet()
    glyphs: dict[str, Glyph] = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(None)  # CFF glyphs have no components, so no glyph set is needed
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph(dropImpliedOnCurves=True)
    return glyphs


def set_side_bearings(font: TTFont) -> None:
    """Left side bearings from the new outlines; top side bearings from VORG, which is dropped
    (it is defined for CFF fonts only; a TrueType vertical origin is tsb + yMax)."""
    glyf = font["glyf"]
    hmtx = font["hmtx"]
    vmtx = font.get("vmtx")
    vorg = font.get("VORG")
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        glyph.recalcBounds(glyf)
        has_outline = glyph.numberOfContours != 0
        advance, _ = hmtx[name]
        hmtx[name] = (advance, glyph.xMin if has_outline else 0)
        if vmtx is not None and vorg is not None and has_outline:
            height, _ = vmtx[name]
            vmtx[name] = (height, vorg[name] - glyph.yMax)
    if vorg is not None:
        del font["VORG"]


def truetype_maxp(font: TTFont) -> None:
    """maxp version 1.0 for unhinted glyphs; point and contour counts are filled in on save."""
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.maxComponentDepth = 0


def add_notice(font: TTFont, source_name: str) -> None:
    """State in the name table that this file is a converted version (GPL-3 section 5a)."""
    font["name"].setName(NOTICE.format(src=source_name), DESCRIPTION_ID, 3, 1, 0x409)


def convert(source: Path, target: Path) -> None:
    """Write ``source`` (CFF .otf) as the TrueType font ``target``."""
    font = TTFont(source)
    if font.sfntVersion != "OTTO" or "CFF " not in font:
        raise ValueError(f"{source} is not a CFF-outline OpenType font")
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = quadratic_glyphs(font)
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    set_side_bearings(font)
    truetype_maxp(font)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: the CID names (cid01234) carry no information
    post.extraNames = []
    post.mapping = {}
    font["head"].glyphDataFormat = 0
    add_notice(font, source.name)
    font.sfntVersion = TRUETYPE
    font.recalcTimestamp = False  # keep head.modified of the source: reruns give identical files
    font.save(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="folder holding the Fandol .otf files")
    parser.add_argument("output", type=Path, nargs="?", default=Path(__file__).resolve().parent)
    parser.add_argument("--faces", nargs="+", default=list(FACES), metavar="FACE")
    args = parser.parse_args(argv)
    sources = [args.source / f"{face}.otf" for face in args.faces]
    missing = [str(s) for s in sources if not s.is_file()]
    if missing:
        parser.error("missing: " + ", ".join(missing))
    args.output.mkdir(parents=True, exist_ok=True)
    targets = [args.output / f"{s.stem}.ttf" for s in sources]
    with ProcessPoolExecutor() as pool:
        for target, _ in zip(targets, pool.map(convert, sources, targets), strict=True):
            print(f"{target}  {target.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
