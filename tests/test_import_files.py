"""导入 Word, web pages and PDF made from real published reports, and every kind of bad file.

The files are made at test time (tests/import_docs.py) from the real texts in tests/data/real/:
paragraphs as published, tables as the format's own table with the printed values of the
fixture's .cells.json and its merged cells. The proof: every paragraph of the source is in
the report, in order; every printed value is in its cell (totals as stated totals); a
free-format report keeps its own headings.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from import_docs import (
    Source,
    load,
    write_docx,
    write_docx_tables,
    write_html,
    write_pdf,
    write_scanned_pdf,
)

from model.commands import import_into_store
from model.errors import ReportImportError
from model.formats import get_format
from model.importers.result import ImportResult
from model.importers.text import import_file
from model.sections import report_sections
from model.store.report_store import ReportStore

Writer = Callable[[Source, Path], Path]
WRITERS: dict[str, Writer] = {"docx": write_docx, "html": write_html, "pdf": write_pdf}
CURRENT = [
    "2019_shanghai_municipal_government_office",  # fmt2019, complete, 251000元 in a 万元 cell
    "2023_nilka_town",  # fmt2021
    "2022_xixian_taiping_town",
    "2024_shenzhen_longgang_district_department",
    "2020_panzhihua_xiqu_audit_bureau",  # fmt2019 variant labels
]
LEGACY = [
    "2010_zoucheng_tangcun_town",
    "2014_ziyang_nanxun_township",
    "2010_penglai_statistics_bureau",
]


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _report_text(result: ImportResult) -> tuple[str, list[str]]:
    """Everything the report holds as text, and its body paragraphs in printing order."""
    report = result.report
    fmt = get_format(report.format)
    body = list(report.preamble)
    for section in report_sections(report, fmt):
        body.extend(report.sections.get(section.id, []))
    written = [w for w, _ in result.summary.sections] if result.summary else []
    everything = [report.meta.get("title", ""), report.agency, *written, *body, *report.unplaced]
    return _plain("".join(everything)), body


def _expected_value(source: Source, cell_id: str) -> object:
    value = source.cells[cell_id]
    if isinstance(value, float) and value >= 10000:  # printed in 元, imported in 万元
        return round(value / 10000, 4)
    return value


def assert_faithful(source: Source, result: ImportResult) -> None:
    everything, body = _report_text(result)
    for paragraph in source.paragraphs():
        assert _plain(paragraph) in everything, paragraph
    positions = [source.paragraphs().index(p) for p in body if p in source.paragraphs()]
    assert positions == sorted(positions), "paragraphs out of order"
    assert len(positions) >= len(body) - 1  # the body is the source's text, not something else
    report = result.report
    for cell_id in source.cells:
        if cell_id in source.stated:
            continue
        assert report.cells.get(cell_id) == _expected_value(source, cell_id), cell_id
    for cell_id, total in source.stated.items():
        assert report.stated_totals.get(cell_id) == total, cell_id


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize("name", CURRENT)
def test_current_format_reports_land_whole(tmp_path: Path, name: str, kind: str) -> None:
    source = load(name)
    path = WRITERS[kind](source, tmp_path / f"{name}.{kind}")
    result = import_file(path)
    assert source.fmt is not None and result.report.format == source.fmt.id
    assert_faithful(source, result)
    assert result.summary is not None and result.summary.cells_filled == len(
        [c for c in source.cells if c not in source.stated]
    )


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize("name", LEGACY)
def test_free_format_reports_keep_their_own_headings(tmp_path: Path, name: str, kind: str) -> None:
    source = load(name)
    path = WRITERS[kind](source, tmp_path / f"{name}.{kind}")
    result = import_file(path)
    report = result.report
    assert report.format == "legacy2008"
    own = [p for p in source.paragraphs() if re.match(r"^[一二三四五六七八九十]+、", p)]
    printed = [s.heading for s in report_sections(report, get_format("legacy2008"))]
    assert printed == [re.sub(r"\s+", "", h) for h in own]
    assert_faithful(source, result)


def test_docx_with_merged_cells_fills_every_cell(tmp_path: Path) -> None:
    source = load("2019_shanghai_municipal_government_office")
    result = import_file(write_docx(source, tmp_path / "r.docx"))
    import docx

    # the made file really has merged cells (gridSpan and vMerge) for the test to mean much
    xml = zipfile.ZipFile(tmp_path / "r.docx").read("word/document.xml").decode()
    assert "gridSpan" in xml and "vMerge" in xml
    assert docx.Document(str(tmp_path / "r.docx")).tables
    fee = "s2.art20_9.central_procurement@procurement_amount"
    assert result.report.cells[fee] == 25.1
    assert any("251000元" in n and "25.1 万元" in n for n in result.summary.notes)  # type: ignore[union-attr]


def test_web_page_chrome_never_becomes_title_or_agency(tmp_path: Path) -> None:
    source = load("2023_liuzhou_sports_bureau")
    result = import_file(write_html(source, tmp_path / "page.html"))
    report = result.report
    assert report.agency == "柳州市体育局" and report.year == 2023
    assert report.meta["title"] == "柳州市体育局2023年政府信息公开工作年度报告"
    everything, _ = _report_text(result)
    for chrome in ("您当前的位置", "索引号", "繁體", "扫一扫", "版权所有", "ICP"):
        assert chrome not in everything


def test_gbk_web_page(tmp_path: Path) -> None:
    source = load("2010_penglai_statistics_bureau")
    result = import_file(write_html(source, tmp_path / "gbk.htm", encoding="gbk"))
    assert result.report.agency == "蓬莱市统计局"
    assert_faithful(source, result)


def test_pdf_running_heads_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    source = load("2019_shanghai_municipal_government_office")
    result = import_file(write_pdf(source, tmp_path / "r.pdf"))
    everything, _ = _report_text(result)
    assert "编印" not in everything and "—2—" not in everything
    assert any("页眉" in n for n in result.summary.notes)  # type: ignore[union-attr]


def test_traditional_report_is_understood_and_simplified_on_request(tmp_path: Path) -> None:
    source = load("2010_leshan_legal_affairs_office_traditional")
    path = write_docx(source, tmp_path / "t.docx")
    kept = import_file(path)
    assert kept.summary is not None and kept.summary.traditional and not kept.summary.simplified
    assert any("繁体" in w for w in kept.warnings)
    assert "政府信息公開" in "".join(
        kept.report.sections.get("x1", []) + kept.report.preamble
    ) or any("公開" in h for _, h in kept.report.own_sections)
    simplified = import_file(path, simplify=True)
    text = "".join(p for ps in simplified.report.sections.values() for p in ps)
    assert "公開" not in text and "公开" in text
    assert next(h for _, h in simplified.report.own_sections).startswith("一、")
    assert "開" not in "".join(h for _, h in simplified.report.own_sections)


def test_traditional_headings_match_the_format(tmp_path: Path) -> None:
    source = load("2021_national_government_offices_administration_traditional")
    result = import_file(write_docx(source, tmp_path / "t.docx"))
    assert result.report.format == "fmt2021" and "s1" in result.report.sections


# --- bad inputs: a clear message, nothing stored ------------------------------------------


def _refused(tmp_path: Path, path: Path) -> str:
    store_path = tmp_path / "store.json"
    store = ReportStore(store_path)
    try:
        with pytest.raises(ReportImportError) as caught:
            import_into_store(store, path)
        assert store.list_reports() == []
    finally:
        store.close()
    return str(caught.value)


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = write_pdf(load("2023_nilka_town"), tmp_path / "locked.pdf", encrypt="secret")
    message = _refused(tmp_path, path)
    assert "密码" in message and "没有导入" in message


def test_scanned_pdf_without_text(tmp_path: Path) -> None:
    message = _refused(tmp_path, write_scanned_pdf(tmp_path / "scan.pdf"))
    assert "扫描件" in message and "文字识别" in message


def test_corrupt_docx(tmp_path: Path) -> None:
    good = write_docx(load("2023_nilka_town"), tmp_path / "good.docx").read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(good[: len(good) // 2])
    message = _refused(tmp_path, cut)
    assert "损坏" in message and ".docx" in message


def test_zip_that_is_no_word_document(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("hello.txt", "hi")
    assert "不是 Word 文档" in _refused(tmp_path, path)


def test_twenty_megabyte_web_page(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    filler = "<p>" + "政府信息公开" * 50 + "</p>\n"
    path.write_text(
        "<html><body>" + filler * (20 * 1024 * 1024 // len(filler.encode())) + "</body></html>"
    )
    assert path.stat().st_size >= 19 * 1024 * 1024
    message = _refused(tmp_path, path)
    assert "MB" in message and "没有导入" in message


def test_docx_with_ten_thousand_tables(tmp_path: Path) -> None:
    path = write_docx_tables(tmp_path / "tables.docx", 10_000)
    message = _refused(tmp_path, path)
    assert "表格" in message and "没有导入" in message


def test_office_file_with_a_password(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    # an encrypted Office document is an OLE container holding an EncryptedPackage stream
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le")
    )
    assert "密码" in _refused(tmp_path, path)


def test_doc_without_libreoffice_says_to_save_as_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import model.importers.office as office

    monkeypatch.setattr(office, "soffice_path", lambda: None)
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    message = _refused(tmp_path, path)
    assert "LibreOffice" in message and ".docx" in message


@pytest.mark.skipif(
    __import__("model.importers.office", fromlist=["soffice_path"]).soffice_path() is None,
    reason="LibreOffice (soffice) is not installed",
)
def test_doc_is_converted_through_libreoffice(tmp_path: Path) -> None:
    import subprocess

    from model.importers.office import soffice_path

    source = load("2023_nilka_town")
    docx_path = write_docx(source, tmp_path / "r.docx")
    out = tmp_path / "out"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            str(soffice_path()),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(out),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = import_file(out / "r.doc")
    assert result.report.format == "fmt2021"
    assert_faithful(source, result)


def test_word_headings_numbered_by_word_itself(tmp_path: Path) -> None:
    """「标题 1」 paragraphs numbered by Word's own list numbering carry no 「一、」 in their
    text; the reader gives them the numeral Word shows, so they are headings."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("某某县统计局2016年政府信息公开工作年度报告")
    for heading, body in (("概述", "概述内容。"), ("主动公开情况", "公开内容。")):
        paragraph = document.add_paragraph(heading, style="Heading 1")
        num = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", "0"), ("w:numId", "1")):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            num.append(element)
        paragraph._p.get_or_add_pPr().append(num)
        document.add_paragraph(body)
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    report = import_file(path).report
    assert [h for _, h in report.own_sections] == ["一、概述", "二、主动公开情况"]
    assert list(report.sections.values()) == [["概述内容。"], ["公开内容。"]]


@pytest.mark.skipif(
    __import__("model.importers.office", fromlist=["soffice_path"]).soffice_path() is None,
    reason="LibreOffice (soffice) is not installed",
)
def test_pdf_printed_by_an_office_program_with_rows_broken_over_pages(tmp_path: Path) -> None:
    """A PDF as an office program prints it: borders as its own strokes, table 三 running
    over a page break with a row split in two; every printed value still lands."""
    import subprocess

    from model.importers.office import soffice_path

    source = load("2019_shanghai_municipal_government_office")
    docx_path = write_docx(source, tmp_path / "r.docx")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [str(soffice_path()), f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result = import_file(tmp_path / "r.pdf")
    assert_faithful(source, result)
    assert result.report.unplaced == []


def test_page_laid_out_with_a_table_as_older_sites_do(tmp_path: Path) -> None:
    source = load("2023_nilka_town")
    result = import_file(write_html(source, tmp_path / "old.html", layout_table=True))
    assert result.report.format == "fmt2021"
    assert_faithful(source, result)
