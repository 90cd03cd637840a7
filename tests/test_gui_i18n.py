"""The English interface: every widget's own words in English, the report's words in Chinese."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QPushButton

from gui.shell.main_window import MainWindow
from gui.tables.findings_panel import FindingsPanel
from gui.tables.table_editor import TableEditor
from model.formats import default_format_for
from model.report import Report
from model.store.report_store import ReportStore

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def english(qapp) -> Iterator[None]:
    from gui.shell.i18n import install_translators, remove_translators

    locale = QLocale()
    installed = install_translators(qapp, "en")
    assert installed, "nianbao_en.qm not found"
    yield
    remove_translators(qapp, installed)
    QLocale.setDefault(locale)


def open_window_with_errors(qtbot, store: ReportStore) -> MainWindow:
    """A 2024 report with 5 in every table cell: table 三 cannot add up (errors)."""
    fmt = default_format_for(2024)
    report = Report(format=fmt.id, agency="某局", year=2024)
    cell_ids = [c.cell_id for t in fmt.tables.values() for c in t.input_cells() if c.cell_id]
    for cell_id in cell_ids:
        report.set_cell(cell_id, 5)
    report.set_cell(cell_ids[0], None)  # one left empty: a 待填 hint
    store.put(report)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.open_report(report.id)
    return window


def table_texts(editor: TableEditor, role: Qt.ItemDataRole) -> list[str]:
    model = editor.model
    texts = []
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            value = model.data(model.index(row, col), role)
            if isinstance(value, str) and value:
                texts.append(value)
    return texts


def shown_texts(window: MainWindow) -> dict[str, list[str] | str]:
    editor = window.current_editor()
    session = window.current_session()
    assert editor is not None and session is not None
    for section in session.fmt.sections:  # tabs may be built when first shown
        if section.kind == "table":
            editor.show_section(section.id)
    tables = window.findChildren(TableEditor)
    panel = window.findChild(FindingsPanel)
    assert editor is not None and tables and panel is not None
    tips = [t for table in tables for t in table_texts(table, Qt.ItemDataRole.ToolTipRole)]
    return {
        "tabs": [editor.tabs.tabText(i) for i in range(editor.tabs.count())],
        "tips": tips,
        "labels": [t for table in tables for t in table_texts(table, Qt.ItemDataRole.DisplayRole)],
        "buttons": [b.text() for b in panel.findChildren(QPushButton)],
        "groups": [
            item.text(0)
            for i in range(panel.tree.topLevelItemCount())
            if (item := panel.tree.topLevelItem(i)) is not None
        ],
        "summary": panel.summary.text(),
        "menus": [a.text() for a in window.menuBar().actions()],
    }


def test_english_editor_table_and_findings(qtbot, store: ReportStore, english) -> None:
    window = open_window_with_errors(qtbot, store)
    shown = shown_texts(window)
    fmt = default_format_for(2024)

    assert shown["tabs"][0] == "Basic information"
    headings = [s.heading for s in fmt.sections]
    assert any(h in tab for tab in shown["tabs"][1:] for h in headings)  # report words stay Chinese
    assert any("Totals are calculated by the program" in t for t in shown["tips"])
    assert any("Not filled in yet" in t for t in shown["tips"])
    ours = {"总计由程序自动计算，不能直接填写。", "尚未填写。没有发生的填 0，不适用的填「/」。"}
    lines = {line for tip in shown["tips"] for line in tip.splitlines()}
    assert not lines & ours  # (the checks' own messages come from model/, in Chinese)
    assert any(CJK.search(t) for t in shown["labels"])  # table labels come from the format
    assert "Dismiss this warning…" in shown["buttons"]
    assert "Restore warning" in shown["buttons"]
    assert any(g.startswith("Errors (must be corrected) (") for g in shown["groups"])
    assert str(shown["summary"]).startswith("Errors ")
    assert shown["menus"][:2] == ["&File", "&Edit"]
    assert not CJK.search(window.windowTitle().split(" — ")[-1])  # the program's name


def test_chinese_is_the_default(qtbot, store: ReportStore) -> None:
    window = open_window_with_errors(qtbot, store)
    shown = shown_texts(window)
    assert shown["tabs"][0] == "基本信息"
    assert any("总计由程序自动计算" in t for t in shown["tips"])
    assert "忽略此提醒…" in shown["buttons"]
    assert any(g.startswith("错误（必须改正）（") for g in shown["groups"])
    assert shown["menus"][:2] == ["文件(&F)", "编辑(&E)"]


def _messages(ts: Path) -> list[tuple[str, ET.Element, ET.Element]]:
    """(context, message, translation) of every message of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, message.findtext("source")
            found.append((context.findtext("name") or "", message, translation))
    return found


def _build_script() -> ModuleType:
    from gui.shell.i18n import i18n_dir

    path = i18n_dir() / "build_translations.py"
    spec = importlib.util.spec_from_file_location("build_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_translation_is_finished() -> None:
    """Each string of the interface has an English text (no entry left unfinished)."""
    from gui.shell.i18n import i18n_dir

    unfinished = [
        m.findtext("source")
        for _, m, t in _messages(i18n_dir() / "nianbao_en.ts")
        if t.get("type") is not None or not "".join(t.itertext())
    ]
    assert unfinished == []


def test_every_string_of_the_sources_is_in_the_ts(tmp_path: Path) -> None:
    """lupdate over the sources finds nothing new and nothing gone: a string added to gui/
    without its English (or a string moved to another class) fails here; run
    ``python resources/i18n/build_translations.py`` and write the English in the .ts."""
    from gui.shell.i18n import i18n_dir

    build = _build_script()
    ts = tmp_path / "nianbao_en.ts"
    shutil.copyfile(i18n_dir() / "nianbao_en.ts", ts)
    subprocess.run(build.lupdate_command(ts), cwd=build.ROOT, check=True, capture_output=True)
    stale = [
        f"{context}: {m.findtext('source')} ({t.get('type')})"
        for context, m, t in _messages(ts)
        if t.get("type") is not None
    ]
    assert stale == []


def test_the_qm_is_compiled_from_the_ts() -> None:
    """Every message of the .ts translates through the shipped .qm to its English text."""
    from PySide6.QtCore import QTranslator

    from gui.shell.i18n import i18n_dir

    translator = QTranslator()
    assert translator.load(str(i18n_dir() / "nianbao_en.qm"))
    wrong = []
    for context, message, translation in _messages(i18n_dir() / "nianbao_en.ts"):
        source = message.findtext("source") or ""
        comment = message.findtext("comment")
        forms = [f.text or "" for f in translation.iter("numerusform")]
        if forms:
            shown = [translator.translate(context, source, comment, n) for n in (1, 2)]
            if shown != forms[:2]:
                wrong.append(source)
        elif translator.translate(context, source, comment) != (translation.text or ""):
            wrong.append(source)
    assert wrong == [], "nianbao_en.qm is out of step: run resources/i18n/build_translations.py"


def _chrome(widget) -> list[str]:
    """The words a window shows of its own: title, labels, buttons, check boxes, combo items."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit

    texts = [widget.windowTitle()]
    texts += [w.text() for w in widget.findChildren(QLabel)]
    texts += [w.text() for w in widget.findChildren(QAbstractButton)]
    texts += [w.placeholderText() for w in widget.findChildren(QLineEdit)]
    for combo in widget.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    return [t for t in texts if t]


def test_english_batch_window_and_import_dialog(qtbot, english) -> None:
    from gui.batch.batch_window import BatchWindow
    from gui.shell.import_dialog import ImportDialog, filter_string

    batch = BatchWindow()
    qtbot.addWidget(batch)
    model = batch.model
    headers = [
        str(model.headerData(i, Qt.Orientation.Horizontal)) for i in range(model.columnCount())
    ]
    assert headers[:2] == ["File", "Agency"]
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    shown = [*headers, *_chrome(batch), *_chrome(dialog), filter_string()]
    chinese = [t for t in shown if CJK.search(t.replace("繁体", ""))]  # named in brackets
    assert chinese == []
    assert "Batch check" in shown and "Import a report" in shown
