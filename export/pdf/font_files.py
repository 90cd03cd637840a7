"""Finding font files on this computer and checking reportlab can embed them.

Linux: fontconfig (``fc-list``); Windows: %WINDIR%\\Fonts and the per-user font folder.
No reportlab registration here (see export.pdf.fonts).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from model.errors import FontFileError
from model.files.os_errors import chinese_reason

# Official faces per role: family names (as fontconfig reports them) and Windows file names,
# in order of preference.
OFFICIAL_FAMILIES = {
    "xiaobiaosong": (
        "方正小标宋简体",
        "方正小标宋_GBK",
        "FZXiaoBiaoSong-B05S",
        "FZXiaoBiaoSong-B05",
    ),
    "fangsong": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"),
    "heiti": ("黑体", "SimHei"),
    "kaiti": ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"),
    "songti": ("宋体", "SimSun"),
}
OFFICIAL_FILES = {
    "xiaobiaosong": (
        ("FZXBSJW.TTF", "方正小标宋简体"),
        ("方正小标宋简体.ttf", "方正小标宋简体"),
        ("FZXBSK.TTF", "方正小标宋_GBK"),
    ),
    "fangsong": (
        ("仿宋_GB2312.ttf", "仿宋_GB2312"),
        ("FS_GB2312.ttf", "仿宋_GB2312"),
        ("simfang.ttf", "仿宋"),
    ),
    "heiti": (("simhei.ttf", "黑体"),),
    "kaiti": (
        ("楷体_GB2312.ttf", "楷体_GB2312"),
        ("KT_GB2312.ttf", "楷体_GB2312"),
        ("simkai.ttf", "楷体"),
    ),
    "songti": (("simsun.ttc", "宋体"),),
}
# Other installed faces acceptable as stand-ins when even the shipped files are missing.
GENERIC_FAMILIES = {
    "xiaobiaosong": ("AR PL SungtiL GB", "AR PL UMing CN", "WenQuanYi Zen Hei"),
    "fangsong": ("AR PL SungtiL GB", "AR PL UMing CN", "WenQuanYi Zen Hei"),
    "heiti": ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback"),
    "kaiti": ("AR PL KaitiM GB", "AR PL UKai CN", "LXGW WenKai"),
    "songti": ("AR PL SungtiL GB", "AR PL UMing CN", "WenQuanYi Zen Hei"),
}
# Installed faces of each look (song = 宋/明 serif, kai = 楷, sans = 黑) that may supply a
# character a role's face lacks (Windows files, fontconfig families). The shipped faces are
# not listed: export.pdf.fonts tries them after these.
FALLBACK_FAMILIES = {
    "song": ("AR PL UMing CN",),
    "kai": ("AR PL UKai CN", "LXGW WenKai"),
    "sans": ("WenQuanYi Zen Hei", "Droid Sans Fallback"),
}
FALLBACK_FILES = {
    "song": ("simsun.ttc", "simsunb.ttf"),  # SimSun-ExtB covers Extension B
    "kai": ("simkai.ttf",),
    "sans": ("simhei.ttf", "msyh.ttc"),
}
_SC_HINTS = ("SC", "GB", "CN", "Hans", "简", "Simplified")
_NOT_REGULAR = re.compile(r"bold|light|thin|medium|heavy|black|mono", re.IGNORECASE)


def split_font_spec(spec: str) -> tuple[str, int]:
    """'C:/Fonts/simsun.ttc#1' → (path, 1); a .ttc without index → its Simplified face."""
    path, sep, index = spec.rpartition("#")
    if sep and index.isdigit():
        return path, int(index)
    if spec.lower().endswith((".ttc", ".otc")) and Path(spec).is_file():
        return spec, pick_simplified_face(spec)
    return spec, 0


def check_truetype(path: str, index: int = 0) -> None:
    """Raise FontFileError unless ``path`` holds TrueType (glyf) outlines at ``index``."""
    p = Path(path)
    if not p.is_file():
        raise FontFileError(f"找不到字体文件 {path}。")
    try:
        with p.open("rb") as fh:
            tag = fh.read(4)
            if tag == b"ttcf":
                fh.seek(8)
                count = int.from_bytes(fh.read(4), "big")
                if index >= count:
                    raise FontFileError(
                        f"字体集 {p.name} 中没有第 {index} 号字体（共 {count} 个）。"
                    )
                fh.seek(12 + 4 * index)
                offset = int.from_bytes(fh.read(4), "big")
                fh.seek(offset)
                tag = fh.read(4)
    except OSError as exc:
        raise FontFileError(f"字体文件 {p.name} 无法读取（{chinese_reason(exc)}）。") from exc
    if tag == b"OTTO":
        raise FontFileError(
            f"字体 {p.name} 是 OpenType（CFF 轮廓）字体，无法嵌入 PDF。"
            "请改选 TrueType 字体（.ttf / .ttc）。"
        )
    if tag not in (b"\x00\x01\x00\x00", b"true"):
        raise FontFileError(f"{p.name} 不是可用的 TrueType 字体文件。")


def explain_ttf_error(path: str, exc: Exception) -> str:
    name = Path(path).name
    text = str(exc)
    if "subsetting" in text or "embedding" in text:
        return f"字体 {name} 的授权不允许嵌入 PDF，请改用其他字体。"
    if "postscript" in text.lower():
        return f"字体 {name} 是 CFF 轮廓字体，无法嵌入 PDF。请改选 TrueType 字体。"
    return f"字体文件 {name} 无法使用（{text}）。"


def safe_stem(path: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "", Path(path).stem)[:24] or "font"


def family_name(font: object) -> str:
    """The face's family, with its style when that is not the regular one (FandolSong Bold)."""
    face = getattr(font, "face", None)

    def text(attr: str) -> str:
        value = getattr(face, attr, None)
        if isinstance(value, bytes):
            value = value.decode("latin-1", "replace")
        return str(value) if value else ""

    family = text("familyName") or text("name")
    style = text("styleName")
    if family and style.lower() in ("bold", "black", "heavy") and style not in family:
        return f"{family} {style}"
    return family


def pick_simplified_face(path: str) -> int:
    """Index of the Simplified-Chinese TrueType face of a collection (0 when unsure)."""
    try:
        from fontTools.ttLib import TTCollection

        coll = TTCollection(path, lazy=True)
        best = None
        for i, font in enumerate(coll.fonts):
            if font.sfntVersion == "OTTO":
                continue
            names = " ".join(str(font["name"].getDebugName(n) or "") for n in (1, 4))
            if any(h in names for h in _SC_HINTS):
                return i
            if best is None:
                best = i
        return best or 0
    except Exception:
        return 0


def installed_official(role: str) -> list[tuple[str, int, str]]:
    """(path, index, family) of official faces for ``role`` found on this computer."""
    found: list[tuple[str, int, str]] = []
    for folder in windows_font_dirs():
        for file_name, family in OFFICIAL_FILES[role]:
            candidate = folder / file_name
            if candidate.is_file():
                found.append((str(candidate), 0, family))
    found.extend(_fontconfig_matches(OFFICIAL_FAMILIES[role]))
    return found


def installed_generic(role: str) -> list[tuple[str, int, str]]:
    return _fontconfig_matches(GENERIC_FAMILIES[role])


def installed_fallbacks(style: str) -> list[tuple[str, int]]:
    """(path, index) of installed faces of ``style`` ("song", "kai", "sans") that may
    supply single characters, best first."""
    found: list[tuple[str, int]] = []
    for folder in windows_font_dirs():
        for file_name in FALLBACK_FILES[style]:
            candidate = folder / file_name
            if candidate.is_file():
                index = pick_simplified_face(str(candidate)) if file_name.endswith(".ttc") else 0
                found.append((str(candidate), index))
    found.extend(
        (path, index) for path, index, _family in _fontconfig_matches(FALLBACK_FAMILIES[style])
    )
    return found


LATIN_FILES = {False: ("times.ttf",), True: ("timesbd.ttf",)}
LATIN_FAMILY = "Times New Roman"


def installed_latin(bold: bool) -> list[str]:
    """Files of Times New Roman (regular or bold) on this computer."""
    found = [
        str(folder / name)
        for folder in windows_font_dirs()
        for name in LATIN_FILES[bold]
        if (folder / name).is_file()
    ]
    style = "Bold" if bold else "Regular"
    found += [
        path
        for path, _index, names, styles in latin_table()
        if LATIN_FAMILY in names and style in styles and path.lower().endswith(".ttf")
    ]
    return found


def latin_table() -> tuple[tuple[str, int, tuple[str, ...], tuple[str, ...]], ...]:
    """Installed Times New Roman faces: (file, index, families, styles)."""
    if sys.platform == "win32":
        return ()
    return tuple(row for row in fc_rows() if LATIN_FAMILY in row[2])


def windows_font_dirs() -> list[Path]:
    if sys.platform != "win32":
        return []
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return [d for d in dirs if d.is_dir()]


def _fontconfig_matches(families: tuple[str, ...]) -> list[tuple[str, int, str]]:
    table = fontconfig_table()
    found = []
    for family in families:
        matches = [
            (path, index, family)
            for path, index, names in table
            if family in names and path.lower().endswith((".ttf", ".ttc"))
        ]
        # The regular weight first (fc-list may list LXGW WenKai Bold before Regular).
        matches.sort(key=lambda m: bool(_NOT_REGULAR.search(Path(m[0]).stem)))
        found.extend(matches)
    return found


def fontconfig_table() -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """Every font fontconfig knows: (file, face index, family names). Empty without fc-list."""
    return tuple((path, index, names) for path, index, names, _styles in fc_rows())


@lru_cache(maxsize=1)
def fc_rows() -> tuple[tuple[str, int, tuple[str, ...], tuple[str, ...]], ...]:
    """(file, face index, family names, style names) of every font, from one ``fc-list``
    run per process (each run costs a few tens of milliseconds)."""
    exe = shutil.which("fc-list")
    if exe is None:
        return ()
    try:
        out = subprocess.run(
            [exe, "--format", "%{file}\t%{index}\t%{family}\t%{style}\n"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    rows = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or not parts[1].isdigit():
            continue
        names = tuple(n.replace("\\-", "-").strip() for n in parts[2].split(","))
        styles = tuple(n.strip() for n in parts[3].split(","))
        rows.append((parts[0], int(parts[1]), names, styles))
    return tuple(rows)
