"""Packaging files agree with the program: file type, icons, spec (fast, no build)."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image

from model.importers.exchange import EXCHANGE_SUFFIX, MIME_TYPE

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "resources" / "packaging"
ICONS = ROOT / "resources" / "icons"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_desktop_entry_opens_the_exchange_type() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PACKAGING / "nianbao.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Name[zh_CN]"] == "公开年报编辑器"
    assert entry["Exec"].endswith("%f") and entry["Icon"] == "nianbao"
    assert MIME_TYPE in entry["MimeType"].split(";")


def test_mime_type_matches_the_exchange_suffix() -> None:
    root = ET.parse(PACKAGING / "nianbao-mime.xml").getroot()
    mime = root.find(f"{MIME_NS}mime-type")
    assert mime is not None and mime.get("type") == MIME_TYPE
    globs = [g.get("pattern") for g in mime.iter(f"{MIME_NS}glob")]
    assert globs == ["*" + EXCHANGE_SUFFIX]


def test_icons_exist_in_every_size() -> None:
    for size in (16, 32, 48, 256):
        with Image.open(ICONS / f"nianbao-{size}.png") as image:
            assert image.size == (size, size)
            alpha = image.getchannel("A")
            assert alpha.getpixel((size // 2, size // 2)) == 255  # opaque middle
            assert alpha.getpixel((0, 0)) == 0  # transparent rounded corner
    with Image.open(ICONS / "nianbao.ico") as ico:
        assert {(16, 16), (32, 32), (256, 256)} <= set(ico.info["sizes"])
    assert "<svg" in (ICONS / "nianbao.svg").read_text(encoding="utf-8")


def test_spec_bundles_resources_and_keeps_chinese_qt_translation() -> None:
    spec = (PACKAGING / "nianbao.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert '"_zh_CN.qm"' in spec
    assert "console=False" in spec and 'name="nianbao-cli", console=True' in spec
