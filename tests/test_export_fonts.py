"""Font roles, per-character fallback, user-chosen fonts and rare characters in the PDF."""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from font_makers import make_cff_face, make_truetype_face
from fontTools.ttLib import TTFont
from pdfminer.pdftypes import resolve1

from export.notes import substitution_sentence
from export.pdf import font_files, fonts
from export.pdf.render import PdfOptions, render_pdf
from model.errors import ExportError
from model.formats import get_format
from model.report import Report

RARE = "𠀀喆镕堃"


@pytest.fixture(scope="module")
def made_fonts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A TrueType face standing in for an installed or chosen font, and a CFF face."""
    folder = tmp_path_factory.mktemp("fonts")
    return {
        "truetype": make_truetype_face(folder / "official.ttf", "Nianbao Kai Test", "正文内容喆"),
        "cff": make_cff_face(folder / "cff.otf"),
    }


@pytest.fixture(autouse=True)
def fresh_resolution() -> Any:
    fonts.forget_resolutions()
    yield
    fonts.forget_resolutions()


def one_section_report(text: str) -> tuple[Report, Any]:
    fmt = get_format("legacy2008")
    report = Report(format=fmt.id, agency="测试局", year=2020)
    report.sections["L1"] = [text]
    return report, fmt


def embedded_glyphs(pdf: Any) -> dict[str, list[tuple[str, bool]]]:
    """For each character drawn, (font, has a real outline) in the embedded subset fonts."""
    found: dict[str, list[tuple[str, bool]]] = {}
    for page in pdf.pages:
        for font_ref in resolve1(page.page_obj.resources["Font"]).values():
            font = resolve1(font_ref)
            descriptor = resolve1(font["FontDescriptor"])
            data = resolve1(descriptor["FontFile2"]).get_data()
            subset = TTFont(io.BytesIO(data))
            cmap = {}
            for table in subset["cmap"].tables:
                cmap.update(table.cmap)
            tounicode = resolve1(font["ToUnicode"]).get_data().decode("latin-1")
            tounicode = tounicode.split("beginbfchar", 1)[1]
            for code, hexval in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]+)>", tounicode):
                text = bytes.fromhex(hexval).decode("utf-16-be")
                glyph_name = cmap.get(int(code, 16))
                glyph = subset["glyf"][glyph_name] if glyph_name else None
                has_outline = (
                    glyph is not None and glyph_name != ".notdef" and glyph.numberOfContours != 0
                )
                found.setdefault(text, []).append((str(font["BaseFont"]), has_outline))
    return found


def test_rare_characters_are_drawn_from_a_face_that_has_them() -> None:
    report, fmt = one_section_report(f"朱{RARE[2]}基、张{RARE[1]}、王{RARE[3]}与{RARE[0]}字。")
    result = render_pdf(report, fmt)
    assert result.missing_chars == []
    with pdfplumber.open(io.BytesIO(result.data)) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
        for ch in RARE:
            assert ch in text
        glyphs = embedded_glyphs(pdf)
    for ch in RARE:
        assert glyphs.get(ch) and all(ok for _font, ok in glyphs[ch]), (ch, glyphs.get(ch))


def test_character_no_font_has_is_reported_with_its_place() -> None:
    report, fmt = one_section_report("第一段")
    report.sections["L2"] = ["正常", "象形文字𓀀在此"]
    result = render_pdf(report, fmt)
    assert result.missing_chars == [("𓀀", "二、政府信息公开的组织领导和制度建设情况 第2段")]


def test_substitutes_are_named_in_plain_chinese_once_per_role() -> None:
    result = render_pdf(*one_section_report("正文"))
    assert set(result.fonts_used) == {"小标宋", "仿宋", "黑体", "楷体", "宋体"}
    if not font_files.installed_official("fangsong"):
        notes = [s for s in result.substitutions if s.role == "fangsong"]
        assert len(notes) == 1 and notes[0].stand_in
        assert result.fonts_used["仿宋"] == notes[0].face == "FandolFang R"
        sentence = substitution_sentence(result.substitutions)
        assert sentence.count("。") == 1 and "仿宋" in sentence and "FandolFang R" in sentence
        assert "设置 → 字体" in sentence


def test_official_face_found_on_the_machine_is_preferred(
    monkeypatch: pytest.MonkeyPatch, made_fonts: dict[str, Path]
) -> None:
    official = made_fonts["truetype"]

    def fake_official(role: str) -> list[tuple[str, int, str]]:
        return [(str(official), 0, "仿宋_GB2312")] if role == "fangsong" else []

    monkeypatch.setattr(font_files, "installed_official", fake_official)
    result = render_pdf(*one_section_report("正文内容"))
    assert result.fonts_used["仿宋"] == "仿宋_GB2312"
    assert not any(s.role == "fangsong" for s in result.substitutions)
    with pdfplumber.open(io.BytesIO(result.data)) as pdf:
        body = [c for c in pdf.pages[0].chars if c["text"] in "正文内容" and c["size"] == 16]
        assert body and all("NianbaoKaiTest" in c["fontname"] for c in body)


def test_user_chosen_font_is_used_without_a_substitution_note(
    made_fonts: dict[str, Path],
) -> None:
    chosen = str(made_fonts["truetype"])
    result = render_pdf(*one_section_report("正文内容"), PdfOptions(font_paths={"仿宋": chosen}))
    assert result.fonts_used["仿宋"] == "Nianbao Kai Test"
    assert not any(s.role == "fangsong" for s in result.substitutions)


def test_cff_font_is_rejected_with_a_plain_reason_and_a_stand_in_prints(
    made_fonts: dict[str, Path],
) -> None:
    cff = str(made_fonts["cff"])
    with pytest.raises(ExportError, match="CFF"):
        font_files.check_truetype(cff)
    result = render_pdf(*one_section_report("正文"), PdfOptions(font_paths={"仿宋": cff}))
    note = next(s for s in result.substitutions if s.role == "fangsong")
    assert "TrueType" in note.problem
    assert "您为仿宋指定的字体无法使用" in substitution_sentence(result.substitutions)
    assert result.data.startswith(b"%PDF")


def test_missing_user_font_file_falls_back(tmp_path: Path) -> None:
    result = render_pdf(
        *one_section_report("正文"), PdfOptions(font_paths={"fangsong": str(tmp_path / "none.ttf")})
    )
    assert any("找不到字体文件" in s.problem for s in result.substitutions)


def test_font_spec_and_collection_faces() -> None:
    ttc = fonts.fonts_dir() / "wqy-microhei.ttc"
    assert font_files.split_font_spec(f"{ttc}#1") == (str(ttc), 1)
    assert font_files.split_font_spec(str(ttc)) == (str(ttc), 0)
    with pytest.raises(ExportError, match="第 5 号"):
        font_files.check_truetype(str(ttc), 5)


def test_font_set_falls_back_per_character() -> None:
    font_set = fonts.resolve_fonts({})
    assert font_set.font_for_char("仿宋", "公") == font_set.fangsong
    rare = font_set.font_for_char("fangsong", "𠀁")  # Extension B, not in HanaMinA
    assert rare != font_set.fangsong
    assert fonts.load_face(str(fonts.fonts_dir() / "HanaMinB.ttf")).name == rare
    assert font_set.find_font("fangsong", "𓀀") is None


# --- the look of a fallback character: Song in a Song/仿宋 line, sans in a 黑体 heading -------


@pytest.fixture
def bare_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """No Chinese font installed: only the faces shipped in resources/fonts."""
    monkeypatch.setattr(font_files, "installed_official", lambda role: [])
    monkeypatch.setattr(font_files, "installed_generic", lambda role: [])
    monkeypatch.setattr(font_files, "installed_fallbacks", lambda style: [])


def gb2312_only_heiti(tmp_path: Path, text: str) -> Path:
    """A sans face like an official 黑体 lacking 喆 and 镕: WenQuanYi cut to ``text``."""
    from fontTools import subset

    font = TTFont(str(fonts.fonts_dir() / "wqy-microhei.ttc"), fontNumber=0)
    options = subset.Options()
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(set(text) - set("喆镕")))
    subsetter.subset(font)
    for record in font["name"].names:  # its own PostScript name, as SimHei has
        if record.nameID in (1, 3, 4, 6):
            record.string = "FakeHeiGB"
    path = tmp_path / "heiti-gb2312.ttf"
    font.save(str(path))
    return path


def fonts_by_line(pdf: Any) -> dict[str, dict[str, set[str]]]:
    """Each text line (same baseline) of page 1 → the fonts of each of its characters."""
    rows: dict[int, list[Any]] = {}
    for c in pdf.pages[0].chars:
        rows.setdefault(round(c["matrix"][5]), []).append(c)
    lines: dict[str, dict[str, set[str]]] = {}
    for chars in rows.values():
        chars.sort(key=lambda c: c["x0"])
        used: dict[str, set[str]] = {}
        for c in chars:
            used.setdefault(c["text"], set()).add(c["fontname"].split("+")[-1])
        lines["".join(c["text"] for c in chars)] = used
    return lines


@pytest.mark.usefixtures("bare_machine")
def test_missing_characters_keep_the_look_of_their_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    heading = "一、张喆与朱镕基同志的职责。"
    body = "总理朱镕基与张喆、𠀀字同志出席会议。"
    heiti = gb2312_only_heiti(tmp_path, heading + "概述")
    monkeypatch.setattr(
        font_files,
        "installed_official",
        lambda role: [(str(heiti), 0, "黑体")] if role == "heiti" else [],
    )
    report, fmt = one_section_report(body)
    report.sections["L1"] = [heading, body]
    result = render_pdf(report, fmt)
    assert result.fonts_used["黑体"] == "黑体" and result.missing_chars == []

    with pdfplumber.open(io.BytesIO(result.data)) as pdf:
        lines = fonts_by_line(pdf)
        glyphs = embedded_glyphs(pdf)
    for ch in "喆镕𠀀":
        assert glyphs[ch] and all(ok for _font, ok in glyphs[ch]), (ch, glyphs[ch])
    for ch in "喆镕":
        assert lines[heading][ch] == {"WenQuanYiMicroHei-0"}  # sans, like the 黑体 around it
        assert lines[body][ch] == {"HanaMinA"}  # Ming/Song, like the 仿宋 around it
    assert lines[body]["𠀀"] <= {"HanaMinA", "HanaMinB"}


@pytest.mark.usefixtures("bare_machine")
def test_kaiti_falls_back_to_song_then_an_installed_kai_face(
    monkeypatch: pytest.MonkeyPatch, made_fonts: dict[str, Path]
) -> None:
    font_set = fonts.resolve_fonts({})
    hana_a = fonts.load_face(str(fonts.fonts_dir() / "HanaMinA.ttf")).name
    wqy = fonts.load_face(str(fonts.fonts_dir() / "wqy-microhei.ttc")).name
    assert font_set.heiti == fonts.load_face(str(fonts.fonts_dir() / "FandolHei-Regular.ttf")).name
    assert font_set.font_for_char("楷体", "喆") == hana_a
    assert font_set.font_for_char("小标宋", "镕") == hana_a
    assert font_set.font_for_char("宋体", "堃") == hana_a
    assert font_set.font_for_char("黑体", "珺") == wqy  # WenQuanYi has it
    kai = str(made_fonts["truetype"])
    monkeypatch.setattr(
        font_files, "installed_fallbacks", lambda style: [(kai, 0)] * (style == "kai")
    )
    fonts.forget_resolutions()
    font_set = fonts.resolve_fonts({})
    assert font_set.font_for_char("楷体", "喆") == fonts.load_face(kai).name
    assert font_set.font_for_char("仿宋", "喆") == hana_a  # Song before Kai


def test_large_fallback_faces_are_read_only_when_a_character_needs_them() -> None:
    result = render_pdf(*one_section_report("本机关认真贯彻落实条例。"))
    assert result.missing_chars == []
    font_set = fonts.resolve_fonts({})
    assert font_set._loaded == {}  # no fallback file opened
    font_set.font_for_char("仿宋", "喆")
    assert font_set._loaded  # opened now, on demand
    assert font_set.font_for_char("fangsong", "𓀀") == font_set.fangsong


def test_faces_are_registered_once() -> None:
    first = fonts.resolve_fonts({})
    fonts.forget_resolutions()
    second = fonts.resolve_fonts({})
    assert first.fangsong == second.fangsong
    path = str(fonts.fonts_dir() / "FandolSong-Regular.ttf")
    assert fonts.load_face(path) is fonts.load_face(path)


@pytest.mark.usefixtures("bare_machine")
def test_traditional_forms_the_shipped_faces_draw_simplified_come_from_a_fallback() -> None:
    font_set = fonts.resolve_fonts({})
    hana_a = fonts.load_face(str(fonts.fonts_dir() / "HanaMinA.ttf")).name
    fang = font_set.fangsong
    assert fonts.face_has_glyph(font_set.face("fangsong"), "醜")  # the file maps it …
    assert font_set.font_for_char("仿宋", "醜") == hana_a  # … to 丑's glyph: not used
    assert font_set.font_for_char("仿宋", "丑") == fang
    assert font_set.font_for_char("仿宋", "余") == fang


def test_digits_print_in_a_proportional_serif(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = str(fonts.fonts_dir() / "LiberationSerif-Regular.ttf")
    rows = ((shipped, 0, ("Times New Roman",), ("Regular",)),)
    monkeypatch.setattr(font_files, "fc_rows", functools.lru_cache(maxsize=1)(lambda: rows))
    monkeypatch.setattr(font_files, "windows_font_dirs", lambda: [])
    assert font_files.installed_latin(False) == [shipped]  # Times New Roman when installed
    assert font_files.installed_latin(True) == []
    report, fmt = one_section_report("共收到申请1,027件，增长12.5%。")
    result = render_pdf(report, fmt)
    with pdfplumber.open(io.BytesIO(result.data)) as pdf:
        chars = [c for page in pdf.pages for c in page.chars if c["size"] == 16]
    digits = {c["fontname"].split("+")[-1] for c in chars if c["text"] in "0123456789,.%"}
    hanzi = {c["fontname"].split("+")[-1] for c in chars if c["text"] in "共收到申请件增长"}
    assert digits and all("Liberation" in d or "Times" in d for d in digits)
    assert hanzi.isdisjoint(digits)
