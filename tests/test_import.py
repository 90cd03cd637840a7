"""从文本导入: the sample report, encodings, heading variants and every kind of bad input."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.errors import ReportImportError
from model.importers.text import chinese_number, import_file, import_text, parse_heading
from model.report import Report
from model.store.report_store import ReportStore

SAMPLE_HEADINGS = [
    "一、概  述",
    "二、政府信息公开的组织领导和制度建设情况",
    "三、发布解读、回应社会关切以及互动交流情况",
    "四、重点领域政府信息公开工作推进情况",
    "五、主动公开政府信息以及公开平台建设情况",
    "六、政府信息公开申请的办理情况",
    "七、政府信息公开收费及减免情况",
    "八、因政府信息公开申请行政复议、提起行政诉讼的情况",
    "九、政府信息公开保密审查及监督检查情况",
    "十、所属事业单位信息公开工作推进措施",
    "十一、存在的主要问题和改进措施",
    "十二、需要说明的事项和附表",
]

FMT2021_TEXT = """\
　　某某市人民政府办公室2023年政府信息公开工作年度报告

　　本报告由某某市人民政府办公室编制。

　　一、总体情况
　　2023年，我办认真贯彻落实《条例》。
　　二、主动公开政府信息情况
　　详见下表。
　　三、收到和处理政府信息公开申请情况
　　本年新收申请12件。
　　四、政府信息公开行政复议、行政诉讼情况
　　无。
　　五、政府信息公开工作存在的主要问题及改进情况
　　主要问题是公开不够及时。
　　六、其他需要报告的事项
　　本年未收取信息处理费。
"""


def expected_sections(path: Path) -> list[list[str]]:
    """The sample's paragraphs between its known headings, read independently of the importer."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    starts = [lines.index(h) for h in SAMPLE_HEADINGS]
    ends = [*starts[1:], len(lines)]
    return [[p for p in lines[s + 1 : e] if p] for s, e in zip(starts, ends, strict=True)]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- the sample -----------------------------------------------------------------------------


def test_sample_becomes_legacy_report_with_every_paragraph(sample_text_path: Path) -> None:
    result = import_file(sample_text_path)
    report = result.report
    assert report.format == "legacy2008"
    assert (report.agency, report.year) == ("市中区商务局", 2017)
    assert report.meta["title"] == "市中区商务局2017年政府信息公开年度报告"
    ids = [f"L{n}" for n in range(1, 13)]
    assert list(report.sections) == ids
    for section_id, paragraphs in zip(ids, expected_sections(sample_text_path), strict=True):
        assert report.sections[section_id] == paragraphs
    assert report.sections["L2"][0].startswith("（一）加强组织领导")  # 「　　」 indent stripped
    assert report.sections["L4"] == ["无"]
    assert len(report.preamble) == 1 and report.preamble[0].startswith("根据《中华人民共和国")
    assert result.warnings == []


def test_sample_contact_details_and_cutoff_date(sample_text_path: Path) -> None:
    meta = import_file(sample_text_path).report.meta
    assert meta["address"] == "枣庄市建华西路157号"
    assert meta["phone"] == "0632-5362806"
    assert meta["cutoff_date"] == "2017年12月31日"


def test_sample_list_line_reads_year_and_agency(sample_text_path: Path, tmp_path: Path) -> None:
    from model.commands import import_into_store, summary_line

    with ReportStore(tmp_path / "s.json") as store:
        report = import_into_store(store, sample_text_path).report
        (summary,) = store.list_reports()
    assert summary_line(summary).split("\t") == [report.id, "2017", "市中区商务局", "legacy2008"]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("gb18030", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe")],
)
def test_other_encodings_give_the_same_report(
    sample_text_path: Path, tmp_path: Path, encoding: str, prefix: bytes
) -> None:
    text = sample_text_path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path = write(tmp_path, "r.txt", prefix + text.encode(encoding))
    imported = import_file(path).report
    original = import_file(sample_text_path).report
    assert imported.sections == original.sections
    assert imported.preamble == original.preamble
    assert imported.meta == original.meta


# --- headings and formats -------------------------------------------------------------------


def test_fmt2021_headings_give_fmt2021_report() -> None:
    result = import_text(FMT2021_TEXT)
    report = result.report
    assert report.format == "fmt2021"
    assert (report.agency, report.year) == ("某某市人民政府办公室", 2023)
    assert list(report.sections) == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert report.sections["s3"] == ["本年新收申请12件。"]
    assert report.preamble == ["本报告由某某市人民政府办公室编制。"]
    assert result.warnings == []


def test_heading_with_spaces_and_ideographic_spaces() -> None:
    heading = parse_heading("\u3000\u3000十一 、存在的 主要问题\u3000和改进措施")
    assert heading is not None and heading.number == 11
    assert heading.text == "十一、存在的主要问题和改进措施"
    assert parse_heading("一、我局严格按照要求开展工作，取得了明显成效。") is None  # a sentence
    assert parse_heading("（一）加强组织领导") is None


def test_unmatched_heading_joins_previous_section_and_is_named() -> None:
    text = (
        "一、总体情况\n总体很好。\n七、领导重视情况\n领导很重视。\n"
        "二、主动公开政府信息情况\n见表。\n"
    )
    result = import_text(text)
    report = result.report
    assert report.sections["s1"] == ["总体很好。", "七、领导重视情况", "领导很重视。"]
    assert report.sections["s2"] == ["见表。"]
    assert len(result.warnings) >= 1 and "「七、领导重视情况」" in result.warnings[0]


REWORDED_2023 = (
    "某某县审计局2023年政府信息公开工作年度报告\n"
    "一、概述\n本局认真贯彻《条例》。\n"
    "二、主动公开政府信息的情况\n见下表。\n"
    "三、收到和处理政府信息公开申请的情况\n本年未收到申请。\n"
    "四、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。\n"
    "五、存在的不足及改进措施\n公开深度还不够。\n"
    "六、其他需要说明的事项\n无收费。\n"
)


def test_reworded_national_headings_are_recognised() -> None:
    """Real 2021-format reports reword the six headings; each still finds its part (a close
    rewording anywhere, a looser one at its own number with the part's keywords)."""
    result = import_text(REWORDED_2023)
    report = result.report
    assert report.format == "fmt2021"
    assert report.sections == {
        "s1": ["本局认真贯彻《条例》。"],
        "s2": ["见下表。"],
        "s3": ["本年未收到申请。"],
        "s4": ["无。"],
        "s5": ["公开深度还不够。"],
        "s6": ["无收费。"],
    }
    assert not [w for w in result.warnings if "对不上" in w]


def test_a_subheading_like_a_part_at_another_number_stays_text() -> None:
    """「二、依申请公开」 inside 总体情况 reads like part 三 but stands at number 二: it stays a
    line of 总体情况 and part 三 starts at its own heading."""
    text = (
        "某某局2023年政府信息公开工作年度报告\n一、总体情况\n概述。\n二、依申请公开\n规范办理。\n"
        "三、收到和处理政府信息公开申请情况\n见表。\n"
    )
    report = import_text(text).report
    assert report.sections["s1"] == ["概述。", "二、依申请公开", "规范办理。"]
    assert report.sections["s3"] == ["见表。"]


@pytest.mark.parametrize(
    ("closing", "signature", "date"),
    [
        ("某某县审计局\n2025年1月20日", "某某县审计局", "2025年1月20日"),
        ("某某县审计局\n二〇二五年一月二十日", "某某县审计局", "二〇二五年一月二十日"),
        ("2025 年 1 月 20 日", "", "2025年1月20日"),
    ],
)
def test_the_closing_signature_and_date_are_basic_information(
    closing: str, signature: str, date: str
) -> None:
    report = import_text(REWORDED_2023 + closing + "\n").report
    assert report.meta_value("signature") == signature
    assert report.meta_value("sign_date") == date
    assert report.sections["s6"] == ["无收费。"]  # not printed twice as body text


def test_a_closing_sentence_with_a_date_stays_text() -> None:
    report = import_text(REWORDED_2023 + "本报告于2025年1月20日发布。\n").report
    assert report.meta_value("sign_date") == ""
    assert report.sections["s6"][-1] == "本报告于2025年1月20日发布。"


def test_free_format_report_keeps_its_own_headings_in_sequence() -> None:
    text = "说明：本报告按要求编制。\n一、编制依据\n依据《条例》。\n一、概述\n概述内容。\n"
    result = import_text(text)
    report = result.report
    assert report.format == "legacy2008"  # 一、概述 is the legacy heading; no year given
    assert report.preamble == ["说明：本报告按要求编制。"]
    # its own first heading is a section as written; a numeral that restarts is body text
    assert report.own_sections == [("x1", "一、编制依据")]
    assert report.sections == {"x1": ["依据《条例》。", "一、概述", "概述内容。"]}


def test_headings_of_no_format_go_to_first_section() -> None:
    result = import_text("某局2020年报告\n一、天气情况\n晴。\n二、交通情况\n畅通。\n")
    report = result.report
    assert report.format == "fmt2019"  # the format of 2020, when nothing else decides
    assert report.sections == {"s1": ["一、天气情况", "晴。", "二、交通情况", "畅通。"]}
    assert any("没有找到" in w and "一、总体情况" in w for w in result.warnings)


def test_text_without_headings_goes_to_first_section_with_warning() -> None:
    result = import_text("今年我单位做了很多工作。\n明年继续努力。\n")
    report = result.report
    first = next(iter(report.sections))
    assert report.sections[first] == ["今年我单位做了很多工作。", "明年继续努力。"]
    assert report.preamble == []
    assert any("没有找到" in w for w in result.warnings)
    assert any("年度" in w for w in result.warnings)


def test_chinese_numbers() -> None:
    assert [chinese_number(t) for t in ("一", "十", "十二", "二十", "二十三")] == [
        1,
        10,
        12,
        20,
        23,
    ]
    assert chinese_number("十十") is None


# --- bad input ------------------------------------------------------------------------------


def error_of(path: Path) -> str:
    with pytest.raises(ReportImportError) as info:
        import_file(path)
    return str(info.value)


def test_empty_and_blank_files(tmp_path: Path) -> None:
    assert "空的" in error_of(write(tmp_path, "e.txt", b""))
    assert "空的" in error_of(write(tmp_path, "b.txt", " \r\n\u3000\n".encode()))


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "图片"),
        (bytes(range(256)) * 8, "不是"),
    ],
)
def test_binary_files_are_refused(tmp_path: Path, data: bytes, words: str) -> None:
    message = error_of(write(tmp_path, "x.txt", data))
    assert words in message and "文本" in message


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "Word"),
    ],
)
def test_damaged_pdf_and_word_named_txt_are_read_by_content_and_refused(
    tmp_path: Path, data: bytes, words: str
) -> None:
    message = error_of(write(tmp_path, "x.txt", data))
    assert words in message and "损坏" in message and "没有导入" in message


def test_truncated_json(tmp_path: Path, sample_text_path: Path) -> None:
    from model.importers.exchange import report_to_json

    text = report_to_json(import_file(sample_text_path).report)
    message = error_of(write(tmp_path, "r.nianbao.json", text[: len(text) // 2].encode()))
    assert "截断" in message and "重新导出" in message


def test_json_of_another_program(tmp_path: Path) -> None:
    path = write(tmp_path, "other.json", json.dumps({"name": "x", "version": 3}).encode())
    assert "不是公开年报编辑器导出的报告文件" in error_of(path)
    assert "不是公开年报编辑器" in error_of(write(tmp_path, "list.json", b"[1, 2, 3]"))


def test_store_file_given_as_report(tmp_path: Path, sample_text_path: Path) -> None:
    store_path = tmp_path / "reports.json"
    with ReportStore(store_path) as store:
        store.put(import_file(sample_text_path).report)
    assert "数据文件" in error_of(store_path)


def test_missing_folder_and_unreadable_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "找不到文件" in error_of(tmp_path / "nope.txt")
    assert "文件夹" in error_of(tmp_path)
    path = write(tmp_path, "locked.txt", "一、概述\n好。\n".encode())

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    message = error_of(path)
    assert "无法读取" in message and "权限" in message


def test_very_long_line_is_kept_whole_and_fast(tmp_path: Path) -> None:
    long_paragraph = "公开" * 50_000
    path = write(tmp_path, "long.txt", f"一、概述\n{long_paragraph}\n二、其他\n无\n".encode())
    start = time.perf_counter()
    result = import_file(path)
    assert time.perf_counter() - start < 2.0
    first = next(iter(result.report.sections.values()))
    assert first[0] == long_paragraph
    assert any("100000" in w for w in result.warnings)


def test_control_characters_and_nul_are_dropped(tmp_path: Path) -> None:
    text = "一、概\x00述\n我局\x07认真\x1b落实\x00《条例》。\x0b\n"
    result = import_file(write(tmp_path, "c.txt", text.encode()))
    first = next(iter(result.report.sections.values()))
    assert first == ["我局认真落实《条例》。"]
    assert any("控制字符" in w for w in result.warnings)


def test_import_result_report_is_a_plain_report(sample_text_path: Path) -> None:
    report = import_file(sample_text_path).report
    again = Report.from_dict(report.to_dict())
    assert again.to_dict() == report.to_dict()
    assert re.fullmatch(r"[0-9a-f]{8}", report.id)


# --- nothing is lost ------------------------------------------------------------------------

HEADING_LINES = [*SAMPLE_HEADINGS, "一、总体情况", "六、其他需要报告的事项", "三、本年度办理结果"]
OTHER_LINES = ["市中区商务局2017年政府信息公开", "年 度 报 告", "无", "　　（一）加强领导。"]
LINE_PIECES = st.one_of(
    st.sampled_from(HEADING_LINES),
    st.sampled_from(OTHER_LINES),
    st.text(st.characters(exclude_characters="\n"), max_size=30),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE_PIECES, min_size=1, max_size=25))
def test_every_paragraph_lands_somewhere_in_order(lines: list[str]) -> None:
    """Only the title lines and the headings that start a section leave the text."""
    text = "\n".join(lines)
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if not paragraphs:
        with pytest.raises(ReportImportError):
            import_text(text)
        return
    report = import_text(text).report
    kept = report.preamble + [p for ps in report.sections.values() for p in ps]
    plain = [p for p in paragraphs if parse_heading(p) is None]
    plain_kept = [p for p in kept if parse_heading(p) is None]
    title_count = len(plain) - len(plain_kept)
    assert 0 <= title_count <= 4
    assert plain_kept == plain[title_count:]
    assert (title_count > 0) == ("title" in report.meta)
    headings_used = len(paragraphs) - len(plain) - (len(kept) - len(plain_kept))
    assert 0 <= headings_used <= 12


def test_text_that_does_not_start_with_a_title_gives_no_agency_or_title() -> None:
    from model.importers.text import import_text

    result = import_text("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin\n")
    assert result.report.agency == ""
    assert result.report.meta_value("title") == ""
    first = result.report.sections[next(iter(result.report.sections))]
    assert first[0].startswith("root:x:0:0")  # nothing is lost: the lines are body text
    assert any("机关名称" in w for w in result.warnings)
