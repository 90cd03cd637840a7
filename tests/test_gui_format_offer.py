"""Changing 年度 to a year of another format offers the conversion, and converting keeps
the text and reopens the report in its new format."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from gui.editing.format_offer import FormatOfferBar, convert_open_report
from model.formats import get_format
from model.importers.text import import_file


@pytest.fixture
def opened_2017(window, store, sample_text_path: Path):
    report = import_file(sample_text_path).report
    store.put(report)
    window.open_report(report.id)
    return report


def _bar(window) -> FormatOfferBar:
    return window.current_editor().findChild(FormatOfferBar)


def test_offer_appears_only_when_the_year_calls_for_another_format(window, opened_2017):
    bar = _bar(window)
    assert bar.isHidden()
    session = window.current_session()
    session.set_year(2025)
    assert bar.isVisible() and "2025" in bar.label.text()
    assert get_format("fmt2021").name in bar.label.text()
    session.set_year(2016)
    assert bar.isHidden()
    session.set_year(2020)
    assert bar.isVisible() and get_format("fmt2019").name in bar.label.text()
    bar.keep_button.click()
    assert bar.isHidden()
    session.set_year(2020)
    assert bar.isHidden()  # declined for this year


def test_converting_reopens_the_report_in_the_new_format(window, store, opened_2017, monkeypatch):
    shown: list[str] = []

    def capture(box: QMessageBox) -> int:
        shown.append(box.text() + box.informativeText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", capture)
    window.current_session().set_year(2025)
    assert convert_open_report(window, opened_2017.id, get_format("fmt2021"))
    session = window.current_session()
    assert session.report.id == opened_2017.id
    assert session.fmt.id == "fmt2021" and session.report.year == 2025
    assert len(window.current_editor().section_tabs) == 6
    stored = store.get(opened_2017.id)
    assert stored.format == "fmt2021"
    assert opened_2017.sections["L11"][0] in stored.sections["s5"]
    [trashed] = store.list_trash()
    assert store.restore(trashed.id).format == "legacy2008"
    assert shown and "回收站" in shown[0]
    assert _bar(window).isHidden()
