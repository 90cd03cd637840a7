"""Font roles (小标宋 / 仿宋 / 黑体 / 楷体 / 宋体) resolved to registered reportlab faces.

Preference per role: the font the clerk chose (``PdfOptions.font_paths``) → the official face
installed on this computer → the redistributable fallback shipped in ``resources/fonts``.
Only TrueType-outline fonts can be embedded by reportlab (its TTF reader has no CFF): CFF/OTF
files are
rejected, and the Simplified-Chinese face of a collection (.ttc) is picked. Each face is
registered once per process. :meth:`FontSet.font_for_char` gives a per-character fallback so
a rare character (镕, 𠀀) is drawn from a face that has it instead of an empty box, and from a
face of the same look: Song for 宋体/仿宋/小标宋, Kai then Song for 楷体, sans for 黑体.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from export.pdf import font_cache, font_files, rl_patches
from model.paths import fonts_dir

log = logging.getLogger(__name__)

ROLES = ("xiaobiaosong", "fangsong", "heiti", "kaiti", "songti")
ROLE_NAMES = {
    "xiaobiaosong": "小标宋",
    "fangsong": "仿宋",
    "heiti": "黑体",
    "kaiti": "楷体",
    "songti": "宋体",
}
ROLE_USES = {
    "xiaobiaosong": "标题",
    "fangsong": "正文",
    "heiti": "一级标题",
    "kaiti": "二级标题",
    "songti": "页码",
}
_ROLE_BY_NAME = {**{v: k for k, v in ROLE_NAMES.items()}, **{r: r for r in ROLES}}

# Shipped fallbacks (file, face index, family name) per role, then for single characters.
SHIPPED = {
    "xiaobiaosong": ("FandolSong-Bold.ttf", 0),
    "fangsong": ("FandolFang-Regular.ttf", 0),
    "heiti": ("FandolHei-Regular.ttf", 0),
    "kaiti": ("FandolKai-Regular.ttf", 0),
    "songti": ("FandolSong-Regular.ttf", 0),
}
# Digits and Latin letters of the serif roles print in a proportional serif (Times New Roman
# where installed, else the shipped metric-compatible Liberation Serif), not in the CJK face's
# fixed-width forms; the bold cut for the title.
LATIN_ROLES = {
    "xiaobiaosong": True,
    "fangsong": False,
    "kaiti": False,
    "songti": False,
}  # role -> bold
SHIPPED_LATIN = {False: "LiberationSerif-Regular.ttf", True: "LiberationSerif-Bold.ttf"}
# Per-character fallback: a character the role's face lacks is taken from a face of the same
# look (a 宋体 body must not show a heavy 黑体 character mid-sentence), then the other looks.
# Each look lists role faces, then installed faces, then shipped faces; 小标宋 is a heavy
# display face, so it comes last among the Song faces.
ROLE_STYLE = {
    "xiaobiaosong": "song",
    "fangsong": "song",
    "songti": "song",
    "kaiti": "kai",
    "heiti": "sans",
}
STYLE_ORDER = {
    "song": ("song", "kai", "sans"),
    "kai": ("kai", "song", "sans"),
    "sans": ("sans", "song", "kai"),
}
STYLE_ROLES_FIRST = {"song": ("songti", "fangsong"), "kai": ("kaiti",), "sans": ("heiti",)}
STYLE_ROLES_LAST = {"song": ("xiaobiaosong",), "kai": (), "sans": ()}
SHIPPED_CHAR_FALLBACKS = {
    "song": (("HanaMinA.ttf", 0), ("HanaMinB.ttf", 0)),  # CJK Unified + Ext A; Ext B–F
    "kai": (),
    "sans": (("FandolHei-Regular.ttf", 0), ("wqy-microhei.ttc", 0)),
}


@dataclass(frozen=True)
class Substitution:
    """A role printed in a stand-in face, as data; the front ends word it for the clerk."""

    role: str  # role key, e.g. "fangsong"
    face: str  # human name of the face used instead
    problem: str = ""  # why the font the clerk chose could not be used ("" if none chosen)
    stand_in: bool = True  # False: her choice failed but the official face was found

    @property
    def role_name(self) -> str:
        return ROLE_NAMES[self.role]

    @property
    def use(self) -> str:
        return ROLE_USES[self.role]


def role_key(role: str) -> str:
    """'仿宋' or 'fangsong' → 'fangsong'; raises KeyError for an unknown role."""
    return _ROLE_BY_NAME[role]


@dataclass
class Face:
    """One registered TrueType face."""

    name: str  # registered reportlab font name
    family: str  # human name, e.g. "AR PL SungtiL GB" or "仿宋_GB2312"
    path: str
    index: int
    font: TTFont = field(repr=False)
    gb2312_hanzi_only: bool = False  # hanzi beyond GB2312 are not trusted (see below)

    def has(self, ch: str) -> bool:
        if ord(ch) not in self.font.face.charToGlyph:
            return False
        if self.gb2312_hanzi_only and "\u3400" <= ch <= "\u9fff":
            return _in_gb2312(ch)
        return True


SUBSET_MEMO_LIMIT = 64


def _remember_subsets(font: TTFont) -> None:
    """Embedding cuts the font into subsets of 256 glyphs each time a PDF is made; the same
    characters give the same bytes, so a repeated export (the preview after an edit) reuses
    them. Renders never overlap (the render lock), so the memo needs no lock of its own."""
    face = font.face
    make = face.makeSubset
    memo: dict[tuple[int, ...], bytes] = {}

    def make_subset(subset: list[int]) -> bytes:
        key = tuple(subset)
        data = memo.get(key)
        if data is None:
            data = make(subset)
            if len(memo) >= SUBSET_MEMO_LIMIT:
                memo.clear()
            memo[key] = data
        return data

    face.makeSubset = make_subset


def face_has_glyph(face: Face, ch: str) -> bool:
    """Whether the font file maps ``ch`` at all (trusted or not)."""
    return ord(ch) in face.font.face.charToGlyph


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


# The shipped Fandol faces map some traditional characters beyond GB2312 to the simplified
# glyph (醜 drawn as 丑, 餘 as 余): such characters are taken from a fallback face instead.
UNTRUSTED_BEYOND_GB2312 = ("Fandol",)


_registered: dict[tuple[str, int], Face] = {}
_lock = threading.RLock()


def load_face(path: str, index: int = 0, family: str = "") -> Face:
    """Register ``path`` (face ``index``) once per process; raises FontFileError if unusable."""
    key = (str(Path(path).resolve()), index)
    with _lock:
        face = _registered.get(key)
        if face is not None:
            return face
        font_files.check_truetype(path, index)
        rl_patches.apply()
        name = f"nb{len(_registered)}-{font_files.safe_stem(path)}"
        try:
            font = font_cache.load_ttfont(name, path, index)
        except TTFError as exc:
            raise font_files.FontFileError(font_files.explain_ttf_error(path, exc)) from exc
        except (OSError, ValueError, IndexError, KeyError) as exc:
            raise font_files.FontFileError(
                f"字体文件 {Path(path).name} 无法读取（{exc}）。"
            ) from exc
        pdfmetrics.registerFont(font)
        # reportlab silently draws a second file with an already registered PostScript name
        # with the first one: describe the font it will really draw with.
        registered = pdfmetrics.getFont(name)
        if isinstance(registered, TTFont) and registered is not font:
            log.info("font %s has the same PostScript name as one loaded before", path)
            font = registered
        human = font_files.family_name(font) or family or Path(path).stem
        _remember_subsets(font)
        limited = Path(path).name.startswith(UNTRUSTED_BEYOND_GB2312)
        face = Face(name, human, path, index, font, gb2312_hanzi_only=limited)
        _registered[key] = face
        return face


@dataclass(frozen=True)
class FontSet:
    """Registered reportlab font names per role, plus per-character fallback.

    ``fonts_used`` maps the Chinese role name to the face's human name; ``substitutions``
    holds one plain-Chinese sentence per role where a stand-in replaced the official face.
    """

    fangsong: str
    heiti: str
    kaiti: str
    songti: str
    xiaobiaosong: str
    fonts_used: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    substitutions: tuple[Substitution, ...] = ()
    _faces: dict[str, Face] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _shipped: dict[str, list[tuple[str, int]]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    _style_specs: dict[str, list[tuple[str, int]]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    _loaded: dict[tuple[str, int], Face | None] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    _char_cache: dict[tuple[str, str], str | None] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    _latin: dict[str, Face] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def latin_for(self, role: str) -> str | None:
        """The registered face for digits and Latin letters in ``role`` (None: the role's)."""
        face = self._latin.get(role_key(role))
        return face.name if face is not None else None

    def name_for(self, role: str) -> str:
        return str(getattr(self, role_key(role)))

    def font_for_char(self, role: str, ch: str) -> str:
        """The registered font to draw ``ch`` in ``role``: the role's face if it has the
        character, else the first fallback face that has it, else the role's face."""
        found = self.find_font(role, ch)
        return found if found is not None else self.name_for(role)

    def find_font(self, role: str, ch: str) -> str | None:
        """Like :meth:`font_for_char`, but None when no available face has ``ch``."""
        key = role_key(role)
        cached = self._char_cache.get((key, ch), "")
        if cached != "":
            return cached
        result: str | None = None
        primary = self._faces[key]
        latin = self._latin.get(key)
        if latin is not None and "!" <= ch <= "~" and latin.has(ch):
            result = latin.name
        elif ch.isspace() or primary.has(ch):
            result = primary.name
        else:
            for face in self._fallback_faces(key):
                if face.has(ch):
                    result = face.name
                    break
        self._char_cache[(key, ch)] = result
        return result

    def _fallback_faces(self, role: str) -> Iterator[Face]:
        """Faces to try for a character ``role``'s face lacks, closest look first.

        Files are loaded only when reached, so a report of common characters never reads
        the large shipped fallbacks."""
        primary = self._faces[role]
        seen = {primary.name}
        for style in STYLE_ORDER[ROLE_STYLE[role]]:
            for face in self._faces_of_style(style):
                if face.name not in seen:
                    seen.add(face.name)
                    yield face

    def _faces_of_style(self, style: str) -> Iterator[Face]:
        for role in STYLE_ROLES_FIRST[style]:
            yield self._faces[role]
        specs = self._style_specs.get(style)
        if specs is None:
            specs = [*font_files.installed_fallbacks(style), *self._shipped.get(style, ())]
            self._style_specs[style] = specs
        for spec in specs:
            if spec not in self._loaded:
                try:
                    self._loaded[spec] = load_face(*spec)
                except font_files.FontFileError as exc:
                    log.warning("fallback font %s unusable: %s", spec[0], exc)
                    self._loaded[spec] = None
            face = self._loaded[spec]
            if face is not None:
                yield face
        for role in STYLE_ROLES_LAST[style]:
            yield self._faces[role]

    def face(self, role: str) -> Face:
        return self._faces[role_key(role)]


_cache: dict[tuple[tuple[str, str], ...], FontSet] = {}


def forget_resolutions() -> None:
    """Resolve roles afresh next time (after fonts were installed or settings changed).

    Registered faces stay registered (reportlab cannot unregister them)."""
    with _lock:
        _cache.clear()
        font_files.fc_rows.cache_clear()


def resolve_fonts(font_paths: Mapping[str, str] | None = None) -> FontSet:
    """The FontSet for these user choices (cached; fonts registered once per process)."""
    chosen = {role_key(k): v for k, v in (font_paths or {}).items() if v and k in _ROLE_BY_NAME}
    key = tuple(sorted(chosen.items()))
    with _lock:
        cached = _cache.get(key)
        if cached is not None:
            return cached
        faces: dict[str, Face] = {}
        used: dict[str, str] = {}
        notes: list[Substitution] = []
        for role in ROLES:
            face, label, note = _resolve_role(role, chosen.get(role))
            faces[role] = face
            used[ROLE_NAMES[role]] = label
            if note:
                notes.append(note)
        latin = _latin_faces(chosen)
        shipped = {
            style: [(str(fonts_dir() / n), i) for n, i in specs if (fonts_dir() / n).is_file()]
            for style, specs in SHIPPED_CHAR_FALLBACKS.items()
        }
        font_set = FontSet(
            fangsong=faces["fangsong"].name,
            heiti=faces["heiti"].name,
            kaiti=faces["kaiti"].name,
            songti=faces["songti"].name,
            xiaobiaosong=faces["xiaobiaosong"].name,
            fonts_used=used,
            substitutions=tuple(notes),
            _faces=faces,
            _shipped=shipped,
            _latin=latin,
        )
        _cache[key] = font_set
        return font_set


def _resolve_role(role: str, user_choice: str | None) -> tuple[Face, str, Substitution | None]:
    """(face, human name, substitution): the substitution is set when the face is not what
    the clerk expects (a stand-in, or her chosen file cannot be used)."""
    user_problem = ""
    if user_choice:
        path, index = font_files.split_font_spec(user_choice)
        try:
            face = load_face(path, index)
            return face, face.family, None
        except font_files.FontFileError as exc:
            user_problem = str(exc)
    for path, index, family in font_files.installed_official(role):
        try:
            face = load_face(path, index, family)
        except font_files.FontFileError as exc:
            log.info("official font %s skipped: %s", path, exc)
            continue
        note = (
            Substitution(role, family or face.family, user_problem, stand_in=False)
            if user_problem
            else None
        )
        return face, family or face.family, note
    face = _stand_in(role)
    return face, face.family, Substitution(role, face.family, user_problem)


def _latin_faces(chosen: Mapping[str, str]) -> dict[str, Face]:
    """Latin faces per serif role; a role whose font the clerk chose keeps its own digits."""
    out: dict[str, Face] = {}
    for role, bold in LATIN_ROLES.items():
        if role in chosen:
            continue
        for path in [*font_files.installed_latin(bold), str(fonts_dir() / SHIPPED_LATIN[bold])]:
            if not Path(path).is_file():
                continue
            try:
                out[role] = load_face(path, 0)
                break
            except font_files.FontFileError as exc:
                log.info("Latin font %s skipped: %s", path, exc)
    return out


def _stand_in(role: str) -> Face:
    name, index = SHIPPED[role]
    shipped = fonts_dir() / name
    candidates: list[tuple[str, int, str]] = []
    if shipped.is_file():
        candidates.append((str(shipped), index, ""))
    candidates.extend(font_files.installed_generic(role))
    for path, idx, family in candidates:
        try:
            return load_face(path, idx, family)
        except font_files.FontFileError as exc:
            log.warning("stand-in font %s unusable: %s", path, exc)
    raise font_files.FontFileError(
        f"找不到可用于{ROLE_NAMES[role]}的中文字体。请在“设置 → 字体”中指定一个 TrueType 字体文件"
        "（.ttf 或 .ttc），或重新安装本程序。"
    )
