"""A report whose 年度 is changed to a year the store already has a report of (same agency)
says so above the editor, and offers to open that one."""

from __future__ import annotations

from typing import Any

from gui.editing.duplicate_notice import DuplicateNoticeBar
from model.report import Report


def _bar(window: Any) -> DuplicateNoticeBar:
    [bar] = window.current_editor().findChildren(DuplicateNoticeBar)
    return bar


def test_changing_the_year_to_one_already_there_says_so_and_opens_it(
    qtbot: Any, window: Any, store: Any
) -> None:
    last_year = Report(format="fmt2021", agency="市中区商务局", year=2024)
    this_year = Report(format="fmt2021", agency="市中区商务局", year=2025)
    store.put(last_year)
    store.put(this_year)
    window.refresh_list()
    window.open_report(last_year.id)
    bar = _bar(window)
    assert bar.isHidden()
    window.current_session().set_year(2025)
    qtbot.waitUntil(lambda: bar.isVisible(), timeout=3000)
    assert this_year.id in bar.label.text() and "同一年度" in bar.label.text()
    bar.open_button.click()
    qtbot.waitUntil(lambda: window.current_session().report.id == this_year.id, timeout=3000)
    assert store.get(last_year.id).year == 2025  # her change was saved, not lost


def test_another_agency_or_year_gives_no_notice(qtbot: Any, window: Any, store: Any) -> None:
    one = Report(format="fmt2021", agency="市中区商务局", year=2024)
    other = Report(format="fmt2021", agency="市中区财政局", year=2025)
    store.put(one)
    store.put(other)
    window.refresh_list()
    window.open_report(one.id)
    bar = _bar(window)
    window.current_session().set_year(2025)
    qtbot.wait(600)
    assert bar.isHidden()
