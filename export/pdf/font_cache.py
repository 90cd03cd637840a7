"""Parsed font metrics kept on disk, so a fresh process (the command line, the first export
of a session) does not parse the large Chinese fonts again.

reportlab reads every glyph's width and the whole character map of a TrueType file when it
registers it (about 0.15 s for each Fandol face). What it keeps is plain data: it is pickled
here once per font file, keyed by the file's path, size, modification time, face index and
the reportlab version, and read back in a few milliseconds. The raw font bytes are read from
the font file itself (reportlab needs them to subset). Anything unexpected (an unreadable
cache, another reportlab) falls back to parsing the font as usual.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace, unShapedFontGlob

from model.files.atomic_file import atomic_write
from model.paths import data_dir

log = logging.getLogger(__name__)
CACHE_VERSION = 1
_SKIPPED = ("_ttf_data", "_pdfScale")  # the file's bytes (read again) and a lambda


class _Scale:
    """reportlab's glyph-unit to 1/1000 em scale, as a picklable object."""

    def __init__(self, units_per_em: int) -> None:
        self.factor = 1000.0 / units_per_em if units_per_em else 1.0

    def __call__(self, x: float) -> float:
        return x * self.factor if self.factor != 1.0 else x


CACHE_FILES_LIMIT = 40  # older entries (fonts since replaced) are removed beyond this


def cache_dir() -> Path:
    """The machine's local cache folder (not the roaming profile on Windows); beside the
    data when a test or portable install moved it with NIANBAO_DATA_DIR."""
    if os.environ.get("NIANBAO_DATA_DIR"):
        return data_dir() / "font-cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("nianbao", appauthor=False)) / "font-cache"


def load_ttfont(name: str, path: str, index: int) -> TTFont:
    """``TTFont(name, path, subfontIndex=index)``, from the cache when it holds this file."""
    key = _key(path, index)
    if key is not None:
        cached = _read(key)
        if cached is not None:
            try:
                return _from_state(name, path, cached)
            except (OSError, AttributeError, KeyError, TypeError, ValueError) as exc:
                log.info("font cache entry for %s unusable: %s", path, exc)
    font = parse(name, path, index)
    if key is not None:
        _write(key, font.face)
    return font


def parse(name: str, path: str, index: int) -> TTFont:
    """reportlab's own reading of the font file (the slow path)."""
    return TTFont(name, path, subfontIndex=index)


def _key(path: str, index: int) -> str | None:
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    text = "|".join(
        str(x)
        for x in (
            CACHE_VERSION,
            reportlab.Version,
            Path(path).resolve(),
            index,
            stat.st_size,
            stat.st_mtime_ns,
        )
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _read(key: str) -> dict[str, Any] | None:
    file = cache_dir() / f"{key}.pickle"
    try:
        data = file.read_bytes()
    except OSError:
        return None
    try:
        state = pickle.loads(data)  # our own file, written below
    except Exception as exc:  # a damaged cache is only a slower export
        log.info("font cache file %s unreadable: %s", file, exc)
        return None
    return state if isinstance(state, dict) else None


def _write(key: str, face: TTFontFace) -> None:
    state = {k: v for k, v in face.__dict__.items() if k not in _SKIPPED}
    try:
        data = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(folder / f"{key}.pickle", data)
        _trim(folder)
    except Exception as exc:  # no cache (read-only profile, full disk): parse next time
        log.info("font cache not written: %s", exc)


def _trim(folder: Path) -> None:
    files = sorted(folder.glob("*.pickle"), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in files[CACHE_FILES_LIMIT:]:
        old.unlink(missing_ok=True)


def _from_state(name: str, path: str, state: dict[str, Any]) -> TTFont:
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    face._ttf_data = Path(path).read_bytes()
    face._pdfScale = _Scale(int(state["unitsPerEm"]))
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
    return font
