"""After 导出 PDF the clerk sees where the file went and can open it; file dialogs speak Chinese
and open in 文档 (then where she last was), never in the program's folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton, QTreeView

import gui.output.export_controller as ec
import gui.output.export_result as er
from export.pdf.fonts import Substitution
from gui.editing.session import ReportSession
from gui.output.export_controller import ExportController
from gui.output.export_result import ExportOutcome, ExportResultDialog, font_sentence
from gui.settings import app_settings, start_folder
from model.file_names import export_file_name
from model.report import Report
from model.store.report_store import ReportStore


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    from gui.shell.i18n import install_translators, remove_translators

    locale = QLocale()
    installed = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, installed)
    QLocale.setDefault(locale)


def documents() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


# --- the proposed name --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("agency", "year", "suffix", "expected"),
    [
        ("市中区商务局", 2017, ".pdf", "市中区商务局2017年政府信息公开工作年度报告.pdf"),
        ("某局", 2024, "docx", "某局2024年政府信息公开工作年度报告.docx"),
        ('a/b:c*?"<>|d', 2024, ".PDF", "a_b_c______d2024年政府信息公开工作年度报告.pdf"),
        ("", None, ".pdf", "政府信息公开工作年度报告.pdf"),
        ("  某局 ", None, ".html", "某局政府信息公开工作年度报告.html"),
    ],
)
def test_export_file_name_follows_agency_and_year(
    agency: str, year: int | None, suffix: str, expected: str
) -> None:
    report = Report(format="fmt2021", agency=agency, year=year)
    assert export_file_name(report, suffix) == expected


# --- the result dialog --------------------------------------------------------------------------
def test_font_sentence_is_one_sentence_naming_each_role_once() -> None:
    records = [
        Substitution("fangsong", "FandolFang"),
        Substitution("xiaobiaosong", "FandolSong"),
        Substitution("fangsong", "FandolFang"),
    ]
    sentence = font_sentence(records)
    assert sentence.count("。") == 1 and sentence.endswith("。")
    assert sentence.count("仿宋") == 1 and "小标宋" in sentence
    assert "FandolFang" in sentence and "设置 → 字体" in sentence
    assert font_sentence([]) == ""


def test_result_dialog_opens_the_file_or_its_folder(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = tmp_path / "某局2024年政府信息公开工作年度报告.pdf"
    written.write_bytes(b"%PDF-1.4\n")
    opened: list[tuple[str, Path]] = []
    monkeypatch.setattr(er, "open_path", lambda p: opened.append(("file", p)) or True)
    monkeypatch.setattr(er, "open_folder", lambda p: opened.append(("folder", p)) or True)
    notice = font_sentence([Substitution("fangsong", "FandolFang")])
    outcome = ExportOutcome(written, "PDF", pages=5, font_notice=notice)

    dialog = ExportResultDialog(outcome)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert f"已导出：{written.name}（共 5 页）" in texts
    assert any(str(tmp_path) in t for t in texts)
    assert notice in texts
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [("file", written)] and not dialog.isVisible()

    again = ExportResultDialog(outcome)
    qtbot.addWidget(again)
    again.show()
    qtbot.mouseClick(again.folder_button, Qt.MouseButton.LeftButton)
    assert opened[-1] == ("folder", written)


def test_a_real_export_ends_with_the_result_dialog(
    qtbot: Any, store: ReportStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checks_data import city_2025
    from doubles import NoJournal

    report = city_2025()
    store.put(report)
    session = ReportSession(store, report, journal=NoJournal())
    controller = ExportController(session, None)
    asked: list[Path] = []

    def ask(_parent: Any, suggested: Path) -> Path:
        asked.append(suggested)
        return tmp_path / suggested.name

    monkeypatch.setattr(ec, "ask_save_path", ask)
    monkeypatch.setattr(ec, "ask_export_with_errors", lambda *_a, **_k: ec.EXPORT)
    with qtbot.waitSignal(controller.exported, timeout=60000):
        controller.export_pdf()
    name = export_file_name(report, ".pdf")
    assert asked == [documents() / name]
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ExportResultDialog)]
    qtbot.waitUntil(lambda: any(d.isVisible() for d in dialogs))
    shown = next(d for d in dialogs if d.isVisible())
    assert shown.outcome.path == tmp_path / name and (tmp_path / name).is_file()
    assert shown.headline.text().startswith(f"已导出：{name}")
    shown.close()
    # the next export proposes the folder she chose
    monkeypatch.setattr(ec, "ask_save_path", lambda _p, s: asked.append(s))
    controller.export_pdf()
    assert asked[-1] == tmp_path / name
    controller.deleteLater()
    session.deleteLater()


# --- Chinese file dialogs -----------------------------------------------------------------------
def _english_words(texts: list[str]) -> list[str]:
    """Texts with Latin letters besides an accelerator such as 「(&S)」."""
    plain = [re.sub(r"\(&\w\)", "", t) for t in texts]
    return [t for t in plain if any(c.isascii() and c.isalpha() for c in t)]


@pytest.mark.parametrize(
    "mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave]
)
def test_qt_file_dialog_labels_are_chinese(
    qtbot: Any, chinese: None, mode: QFileDialog.AcceptMode
) -> None:
    dialog = QFileDialog(None, "导出 PDF")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    dialog.setNameFilter("PDF 文件 (*.pdf)")
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"].startswith("查找范围")
    assert labels["fileTypeLabel"].startswith("文件类型")
    assert labels["fileNameLabel"].startswith("文件名")
    assert _english_words([b.text() for b in dialog.findChildren(QPushButton)]) == []
    tree = dialog.findChild(QTreeView)
    assert tree is not None
    headers = [tree.model().headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert _english_words([str(h) for h in headers]) == []


def test_file_dialogs_start_in_documents_then_the_last_folder(tmp_path: Path) -> None:
    settings = app_settings()
    assert start_folder("import/last_dir", settings) == documents()
    settings.setValue("import/last_dir", str(tmp_path))
    assert start_folder("import/last_dir", settings) == tmp_path
    settings.setValue("import/last_dir", str(tmp_path / "gone"))  # a folder deleted since
    assert start_folder("import/last_dir", settings) == documents()
    assert start_folder("import/last_dir", settings) != Path.cwd() or Path.cwd() == documents()
