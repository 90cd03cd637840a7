"""Parsed font metrics kept on disk, so a fresh process (the command line, the first export
of a session) does not parse the large Chinese fonts again.

reportlab reads every glyph's width and the whole character map of a TrueType file when it
registers it (about 0.15 s for each Fandol face). What it keeps is plain data: it is pickled
here once per font file, keyed by the file's path, size, modification time, face index and
the reportlab version, and read back in a few milliseconds. The long per-glyph lists are kept
as arrays (read back as one block of bytes each) and the glyph-to-character map, which
reportlab only needs while parsing, is not kept. The font file itself is mapped into memory
rather than read (reportlab needs its bytes to subset, but only those of the glyphs used).
Anything unexpected (an unreadable cache, another reportlab) falls back to parsing the font
as usual.
"""

from __future__ import annotations

import hashlib
import logging
import mmap
import os
import pickle
from array import array
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
CACHE_VERSION = 2
# the file's bytes (mapped again), a lambda, and a map used only while parsing
_SKIPPED = ("_ttf_data", "_pdfScale", "glyphToChar")


class _Metrics:
    """reportlab's ``hmetrics`` (glyph -> (advance, left side bearing)) over two arrays:
    subsetting reads a few hundred of the ten thousand entries, by index."""

    def __init__(self, advances: array, bearings: array) -> None:
        self.advances = advances
        self.bearings = bearings

    def __len__(self) -> int:
        return len(self.advances)

    def __getitem__(self, glyph: int) -> tuple[int, int]:
        return self.advances[glyph], self.bearings[glyph]


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
    hmetrics = state.pop("hmetrics")
    state["advances"] = array("l", (int(aw) for aw, _lsb in hmetrics))
    state["bearings"] = array("l", (int(lsb) for _aw, lsb in hmetrics))
    state["glyphPos"] = array("Q", state["glyphPos"])
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
    state = dict(state)
    face.hmetrics = _Metrics(state.pop("advances"), state.pop("bearings"))
    face.__dict__.update(state)
    face._ttf_data = _mapped(path)
    face.get_table = _windowed_glyf(face)
    face._pdfScale = _Scale(int(state["unitsPerEm"]))
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
    return font


class _TableWindow:
    """A table of the mapped font file read by slices: subsetting takes a few hundred glyphs
    out of the ``glyf`` table, which need not be copied whole (megabytes) for each subset."""

    def __init__(self, data: mmap.mmap | bytes, start: int, length: int) -> None:
        self.data, self.start, self.length = data, start, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, part: slice) -> bytes:
        first, last, step = part.indices(self.length)
        if step != 1:
            raise ValueError("font table windows are read in plain slices")
        return self.data[self.start + first : self.start + max(first, last)]


def _windowed_glyf(face: TTFontFace) -> Any:
    """``face.get_table`` with ``glyf`` as a window; the other tables are small copies."""
    copy_table = face.get_table

    def get_table(tag: str) -> Any:
        if tag != "glyf":
            return copy_table(tag)
        start, length = face.get_table_pos(tag)
        return _TableWindow(face._ttf_data, start, length)

    return get_table


def _mapped(path: str) -> mmap.mmap | bytes:
    """The font file's bytes, mapped read-only (slices are bytes, as reportlab expects);
    read whole where mapping is refused (an empty file, an odd file system)."""
    with open(path, "rb") as file:
        try:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return file.read()
