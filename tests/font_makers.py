"""Fonts the font tests make for themselves, so they never depend on what a machine installed.

``make_truetype_face`` subsets a face the repository ships to a few characters and renames
it (a stand-in for an official font found on the machine or chosen by the clerk);
``make_cff_face`` builds a tiny OpenType font with CFF outlines, which the PDF cannot embed.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont

from model.paths import resources_dir

SHIPPED_SERIF = "fonts/HanaMinA.ttf"


def make_truetype_face(target: Path, family: str, text: str) -> Path:
    """A TrueType font named ``family`` holding the glyphs of ``text`` (and digits)."""
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(str(resources_dir() / SHIPPED_SERIF))
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + "0123456789")
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            names.removeNames(nameID=record.nameID)
    for name_id, value in ((1, family), (4, family), (6, family.replace(" ", ""))):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    font.save(str(target))
    return target


def make_cff_face(target: Path, family: str = "NianbaoCffTest") -> Path:
    """A one-glyph OpenType font with CFF (PostScript) outlines."""
    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder([".notdef", "A"])
    builder.setupCharacterMap({ord("A"): "A"})
    pen = T2CharStringPen(600, None)
    pen.moveTo((100, 0))
    pen.lineTo((500, 0))
    pen.lineTo((300, 700))
    pen.closePath()
    box = T2CharStringPen(600, None)
    box.moveTo((0, 0))
    box.lineTo((500, 0))
    box.lineTo((500, 700))
    box.closePath()
    builder.setupCFF(
        family, {"FullName": family}, {".notdef": box.getCharString(), "A": pen.getCharString()}, {}
    )
    builder.setupHorizontalMetrics({".notdef": (600, 0), "A": (600, 100)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": family, "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(target))
    return target
