"""The real published report texts in tests/data/real/ imported as text: the format by year,
every printed table value in its cell (tables written as 「 | 」 rows, aligned numbers or a
page of a PDF), site chrome kept out of the title and agency, free-format reports' own
headings, traditional characters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from model.importers.text import import_file, import_text

REAL = Path(__file__).parent / "data" / "real"
WITH_CELLS = sorted(p.name[: -len(".cells.json")] for p in REAL.glob("*.cells.json"))
RAW = sorted(p.name[: -len(".raw.txt")] for p in REAL.glob("*.raw.txt"))
CHROME_WORDS = (
    "您当前的位置",
    "首页",
    "索引号",
    "索 引 号",
    "发布时间",
    "发布日期",
    "来源",
    "P. ",
    "Page",
)


def text_of(path: Path) -> str:
    """The fixture's text without its `# ` source header (skipped when not checked out)."""
    if not path.is_file():
        pytest.skip(f"real report {path.name} is not in this checkout")
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("# "))


def _expected(value: object, cell_id: str, name: str) -> object:
    if name.startswith("2019_shanghai") and cell_id.endswith("procurement_amount"):
        return 25.1  # printed 「251000元」 in a 万元 cell: converted, with a note
    return value


@pytest.mark.parametrize("name", WITH_CELLS)
def test_printed_values_land_in_their_cells(name: str) -> None:
    expected = json.loads((REAL / f"{name}.cells.json").read_text(encoding="utf-8"))
    result = import_text(text_of(REAL / f"{name}.txt"))
    report = result.report
    if report.year is not None:  # a fragment without its year is judged by its headings
        assert report.format == expected["format"] or report.year >= 2021
    for cell_id, value in expected["cells"].items():
        if value is None:
            assert report.cells.get(cell_id) is None, cell_id
        elif report.format == expected["format"]:
            assert report.cells.get(cell_id) == _expected(value, cell_id, name), cell_id
    for cell_id, total in expected.get("stated_totals", {}).items():
        if total is not None and report.format == expected["format"]:
            assert report.stated_totals.get(cell_id) == total, cell_id


@pytest.mark.parametrize("name", RAW)
def test_site_chrome_stays_out_of_title_and_agency(name: str) -> None:
    clean = import_text(text_of(REAL / f"{name}.txt")).report
    raw = import_text(text_of(REAL / f"{name}.raw.txt")).report
    if clean.year is not None:  # a raw page may carry the title the clean text lacks
        assert raw.year == clean.year and raw.format == clean.format
    for word in CHROME_WORDS:
        assert word not in raw.agency and word not in raw.meta.get("title", "")
    if clean.agency and not name.startswith("2020_wendeng"):
        assert raw.agency == clean.agency


def test_tables_written_as_text_are_not_taken_for_the_free_format() -> None:
    """Table labels such as 「一、本年新收…」 are no headings: the 2024 and 2020 reports keep
    their year's format."""
    for name in ("2024_shenzhen_longgang_district_department", "2020_panzhihua_xiqu_audit_bureau"):
        report = import_text(text_of(REAL / f"{name}.txt")).report
        assert report.format in ("fmt2021", "fmt2019") and not report.own_sections


def test_legacy_report_keeps_its_own_headings_as_written() -> None:
    text = text_of(REAL / "2010_zoucheng_tangcun_town.txt")
    report = import_text(text).report
    written = [line.strip() for line in text.splitlines() if line.strip()[:2] in (
        "一、", "二、", "三、", "四、", "五、")]  # fmt: skip
    assert [h for _, h in report.own_sections] == written
    # 复议诉讼 stays in its own part, never merged into 收费
    review = next(sid for sid, h in report.own_sections if "复议" in h)
    assert all("收费" not in p for p in report.sections.get(review, []))


def test_traditional_headings_match_with_or_without_conversion() -> None:
    text = text_of(REAL / "2023_guangzhou_sports_bureau_traditional.txt")
    kept = import_text(text).report
    simplified = import_text(text, simplify=True).report
    assert "s1" in kept.sections and "s1" in simplified.sections
    assert "總體" not in "".join(simplified.sections["s1"])


def test_table_printed_in_another_format_than_its_year_is_named() -> None:
    """A 2022 report printed with the 2019 trial table: imported as fmt2021 (its year), the
    other format's header is no 未归类内容, and the clerk is told."""
    result = import_text(text_of(REAL / "2022_jiaxian_xizhen_town.txt"))
    assert result.report.format == "fmt2021"
    assert any("另一种格式" in w for w in result.warnings)
    assert not any("本年新制作数量" in line for line in result.report.unplaced)


def test_legacy_report_prints_its_own_headings(tmp_path: Path) -> None:
    import pdfplumber

    from export.commands import export_pdf

    report = import_text(text_of(REAL / "2010_zoucheng_tangcun_town.txt")).report
    out = tmp_path / "own.pdf"
    export_pdf(report, out)
    with pdfplumber.open(out) as pdf:
        printed = "".join((page.extract_text() or "") for page in pdf.pages).replace(" ", "")
    for _, heading in report.own_sections:
        assert heading in printed
    assert "所属事业单位信息公开工作推进措施" not in printed  # none of the sample's twelve


def test_a_web_address_is_not_taken_for_the_contact_address(sample_text_path: Path) -> None:
    """晋安区 2016 gives its portal as 「门户网站地址:http://jaq.fuzhou.gov.cn/」: that is no
    联系地址 (the checks would then complain about its bracket); the sample's 办公地址 is."""
    fuzhou = Path(__file__).parent / "data" / "real" / "2016_fuzhou_jinan_district.txt"
    if not fuzhou.is_file():
        pytest.skip("the collected 2016 晋安区 report is not in this checkout")
    report = import_file(fuzhou).report
    assert "address" not in report.meta and report.meta["phone"] == "0591-83926179"
    assert import_file(sample_text_path).report.meta["address"] == "枣庄市建华西路157号"
