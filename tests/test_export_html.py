"""Web page export: one self-contained file with real headings and merged table cells."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from export.html import render_html
from model.formats import get_format
from tests.long_report import URL_PARAGRAPH, long_report


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            self.text.setdefault(self._open[-1], []).append(data)


@pytest.fixture(scope="module")
def page() -> tuple[str, Collect]:
    html = render_html(long_report(), get_format("fmt2021")).data.decode("utf-8")
    parser = Collect()
    parser.feed(html)
    return html, parser


def test_page_is_self_contained(page: tuple[str, Collect]) -> None:
    html, parser = page
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    links = [a for tag, a in parser.tags if tag in ("link", "script", "img")]
    assert links == []  # no file beside it


def test_headings_and_paragraphs_are_real_elements(page: tuple[str, Collect]) -> None:
    _, parser = page
    assert "".join(parser.text["h1"]) == "某市某区人民政府办公室2024年政府信息公开工作年度报告"
    assert parser.text["h2"][:2] == ["一、总体情况", "二、主动公开政府信息情况"]
    assert URL_PARAGRAPH in "".join(parser.text["p"])


def test_tables_have_rowspan_colspan_and_a_header(page: tuple[str, Collect]) -> None:
    html, parser = page
    tables = [a for tag, a in parser.tags if tag == "table"]
    assert len(tables) == 3
    assert html.count("<thead>") == 2  # 三 and 四 have header rows; 二 has captions only
    spans = [a for tag, a in parser.tags if tag in ("td", "th") and a.get("rowspan") == "22"]
    assert len(spans) == 1  # 三、本年度办理结果
    assert any(a.get("colspan") == "7" for tag, a in parser.tags if tag == "th")


def test_cli_writes_word_and_web_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import main
    from model.importers.exchange import write_exchange_file

    source = tmp_path / "report.nianbao.json"
    write_exchange_file(long_report(), source)
    word, web = tmp_path / "out.docx", tmp_path / "out.html"
    code = main.main(
        [
            "export",
            str(source),
            "--docx",
            str(word),
            "--html",
            str(web),
            "--store",
            str(tmp_path / "s.json"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert word.read_bytes()[:2] == b"PK" and b"<table" in web.read_bytes()
    assert "已写入 Word 文件" in err and "已写入网页文件" in err
