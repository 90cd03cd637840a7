"""导出 Word and 导出网页 in the window: the same worker, progress and result as 导出 PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest

import gui.output.export_controller as ec
from gui.editing.session import ReportSession
from gui.output.export_controller import ExportController
from gui.output.export_result import ExportOutcome
from model.file_names import export_file_name
from model.store.report_store import ReportStore


@pytest.mark.parametrize(
    ("method", "suffix", "kind"),
    [("export_docx", ".docx", "Word"), ("export_html", ".html", "HTML")],
)
def test_word_and_web_page_exports_end_with_the_result(
    qtbot: Any,
    store: ReportStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    method: str,
    suffix: str,
    kind: str,
) -> None:
    from checks_data import city_2025
    from doubles import NoJournal

    report = city_2025()
    store.put(report)
    session = ReportSession(store, report, journal=NoJournal())
    controller = ExportController(session, None)
    asked: list[Path] = []
    results: list[ExportOutcome] = []

    def ask(_parent: Any, suggested: Path) -> Path:
        asked.append(suggested)
        return tmp_path / suggested.stem  # she typed the name without its suffix

    monkeypatch.setattr(ec, "ask_save_path", ask)
    monkeypatch.setattr(ec, "ask_export_with_errors", lambda *_a, **_k: ec.EXPORT)
    monkeypatch.setattr(ec, "show_result", lambda _parent, outcome: results.append(outcome))
    with qtbot.waitSignal(controller.exported, timeout=60000) as written:
        getattr(controller, method)()
    assert asked[0].name == export_file_name(report, suffix)
    path = Path(written.args[0])
    assert path.suffix == suffix and path.is_file()
    assert results and results[0].kind == kind and results[0].path == path
    if kind == "Word":
        texts = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
        assert texts[0].startswith(report.agency)
    else:
        assert "<h2" in path.read_text(encoding="utf-8")
    controller.deleteLater()
    session.close()
