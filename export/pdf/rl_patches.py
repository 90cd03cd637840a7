"""A small, idempotent fix to reportlab 5.1, applied when the first font is registered.

reportlab writes the ToUnicode CMap entry of a character outside the Basic Multilingual
Plane (CJK Extension B, e.g. 𠀀 U+20000) as ``<20000>``, which is not UTF-16: viewers then
cannot copy or search that character. The PDF reference wants the surrogate pair
``<D840DC00>``. The replacement below writes the same CMap with UTF-16BE values.
"""

from __future__ import annotations

from reportlab.pdfbase import ttfonts

_applied = False


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    entries = [f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _utf16_hex(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    return chr(code).encode("utf-16-be").hex().upper()


def apply() -> None:
    global _applied
    if not _applied:
        ttfonts.makeToUnicodeCMap = to_unicode_cmap
        _applied = True
