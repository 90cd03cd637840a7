"""打印预览: the real PDF pages in the window, refreshed after edits."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from doubles import NoJournal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from gui.editing.session import ReportSession
from gui.output import export_controller as ec
from gui.output.export_controller import ExportController
from gui.output.preview import PreviewWindow
from model.importers.text import import_file
from model.store.report_store import ReportStore


@pytest.fixture
def session(tmp_path: Path, sample_text_path: Path):
    store = ReportStore(tmp_path / "reports.json")
    report = import_file(sample_text_path).report
    store.put(report)
    s = ReportSession(store, report, journal=NoJournal())
    yield s
    if shiboken6.isValid(s):
        s.close()
    store.close()


@pytest.fixture
def controller(qtbot, session: ReportSession, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ec, "PREVIEW_DELAY_MS", 50)
    window = QWidget()
    qtbot.addWidget(window)
    return ExportController(session, window)


def _all_text(preview: PreviewWindow) -> str:
    doc = preview.document()
    assert doc is not None
    return "".join(doc.getAllText(i).text() for i in range(doc.pageCount()))


def _open_preview(qtbot, controller: ExportController, track: bool = True) -> PreviewWindow:
    controller.show_preview()
    preview = controller.preview_window()
    assert preview is not None
    if track:
        qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.documentLoaded, timeout=60000):
        pass
    return preview


def test_preview_shows_every_page_of_the_pdf(
    qtbot, controller: ExportController, session, tmp_path: Path
) -> None:
    from export.pdf.render import render_pdf
    from gui.output.font_settings import pdf_options_from_settings

    preview = _open_preview(qtbot, controller)
    result = render_pdf(session.snapshot(), session.fmt, pdf_options_from_settings())
    assert preview.page_count() == result.pages > 1
    assert preview.findChild(QLabel, "pages").text() == f"共 {result.pages} 页"
    title = session.report.meta_value("title") or session.proposed_title()
    assert title[:8] in _all_text(preview).replace("\n", "").replace(" ", "")

    # the pages are drawn (QPdfView paints asynchronously): white paper on the grey desk
    preview.resize(700, 900)

    def page_is_drawn() -> bool:
        """White paper in the left margin and dark glyphs somewhere on the first screen."""
        image = preview.view().viewport().grab().toImage()
        margin = QColor(image.pixel(int(image.width() * 0.08), image.height() // 2))
        dark = any(
            QColor(image.pixel(x, y)).lightness() < 90
            for y in range(0, image.height(), 3)
            for x in range(image.width() // 8, image.width() * 7 // 8, 3)
        )
        return margin.lightness() > 240 and dark

    qtbot.waitUntil(page_is_drawn, timeout=10000)
    assert preview.grab().save(str(tmp_path / "preview.png"))


def test_preview_follows_edits(qtbot, controller: ExportController, session) -> None:
    preview = _open_preview(qtbot, controller)
    first_doc, first_pages = preview.document(), preview.page_count()
    section = next(s.id for s in session.fmt.sections if s.kind == "text")
    marker = "预览刷新检查"
    long_text = [marker + "本段用于检查预览在修改后会自动更新。" * 40] * 6

    with qtbot.waitSignal(preview.documentLoaded, timeout=60000) as blocker:
        session.set_paragraphs(section, session.report.paragraphs(section) + long_text)
    assert preview.document() is not first_doc
    assert blocker.args[0] == preview.page_count() > first_pages
    assert marker in _all_text(preview)


def test_closed_preview_is_not_rendered_again(qtbot, controller: ExportController, session) -> None:
    preview = _open_preview(qtbot, controller)
    preview.close()
    section = next(s.id for s in session.fmt.sections if s.kind == "text")
    session.set_paragraphs(section, ["关闭预览后修改。"])
    qtbot.wait(200)
    assert not controller.worker.is_busy()


def test_preview_goes_with_its_report(qtbot, controller: ExportController) -> None:
    preview = _open_preview(qtbot, controller, track=False)
    controller.deleteLater()  # what the main window does when the report is closed
    qtbot.waitUntil(lambda: not shiboken6.isValid(preview), timeout=5000)


def test_preview_opens_showing_whole_pages(qtbot) -> None:
    from PySide6.QtPdfWidgets import QPdfView

    from gui.output.preview import PreviewWindow

    window = PreviewWindow()
    qtbot.addWidget(window)
    assert window.view().zoomMode() == QPdfView.ZoomMode.FitInView
