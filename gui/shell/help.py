"""使用说明 (the guide in resources/help, opened at the topic of the current tab) and 关于
(version, where the data is)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui import settings as prefs
from model.paths import log_dir, resources_dir

translate = QCoreApplication.translate
FALLBACK_VERSION = "0.1.0"

# Every topic the guide covers, by its anchor in resources/help/<language>/guide.html.
HELP_TOPICS = (
    "start",
    "formats",
    "import",
    "basic",
    "text",
    "table2",
    "table3",
    "table4",
    "blank",
    "blank-zero",
    "stated-totals",
    "new-year",
    "duplicates",
    "checks",
    "fonts",
    "printing",
    "export",
    "batch",
    "data",
    "faq",
)
TABLE_ANCHORS = {"t2": "table2", "t3": "table3", "t4": "table4"}


def help_dir() -> Path:
    return resources_dir() / "help"


def app_version() -> str:
    try:
        return metadata.version("nianbao")
    except metadata.PackageNotFoundError:
        return FALLBACK_VERSION


def help_file(language: str | None = None) -> Path:
    """The guide page in the interface language (Chinese unless English was chosen)."""
    lang = language if language is not None else prefs.ui_language()
    folder = "en" if str(lang).startswith("en") else "zh"
    return help_dir() / folder / "guide.html"


def help_anchor(window: QWidget) -> str:
    """The guide's anchor for what the clerk is looking at in ``window``."""
    editor_of = getattr(window, "current_editor", None)
    editor = editor_of() if callable(editor_of) else None
    if editor is None or not editor.isVisible():
        return "start"
    current = editor.tabs.currentWidget()
    if current is editor.basic:
        return "basic"
    if current is not None and current is getattr(editor, "unplaced_tab", None):
        return "import"  # 未归类内容: what an import (or a conversion) could not place
    fmt = editor.session.fmt
    for section_id, tab in editor.section_tabs.items():
        if tab is current:
            table = fmt.section(section_id).table
            return TABLE_ANCHORS.get(table or "", "blank") if table else "text"
    return "start"


def about_text(store_path: Path | None) -> str:
    store = str(store_path) if store_path else translate("Help", "（未打开）")
    return (
        translate("Help", "<h3>公开年报编辑器</h3>")
        + translate("Help", "<p>版本 %1</p>").replace("%1", app_version())
        + translate("Help", "<p>用于填写、检查和打印政府信息公开工作年度报告。</p>")
        + translate("Help", "<p>报告数据文件：<br/>%1</p>").replace("%1", store)
        + translate("Help", "<p>日志文件夹：<br/>%1</p>").replace("%1", str(log_dir()))
    )


class HelpDialog(QDialog):
    """The guide in a resizable window that stays open beside the report."""

    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)
        self.page = help_file(language)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("使用说明"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(self.page.parent)])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        em = self.fontMetrics().height()
        self.resize(em * 46, em * 38)
        self.show_topic("")

    def show_topic(self, anchor: str) -> None:
        """Show the guide at ``anchor`` (the top for an empty one)."""
        url = QUrl.fromLocalFile(str(self.page))
        if not self.page.is_file():
            self.browser.setHtml(
                self.tr("<p>找不到使用说明文件 %1。请重新安装本程序。</p>").replace(
                    "%1", str(self.page)
                )
            )
            return
        if self.browser.source().toLocalFile() != url.toLocalFile():
            self.browser.setSource(url)
        if anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)
        self.current_anchor = anchor


def show_help_for(window: QWidget) -> HelpDialog:
    """F1 / 帮助 › 使用说明: one guide window per main window, opened at the current tab's topic."""
    dialog = getattr(window, "_help_dialog", None)
    if not isinstance(dialog, HelpDialog):
        dialog = HelpDialog(window)
        window._help_dialog = dialog  # type: ignore[attr-defined]
    dialog.show_topic(help_anchor(window))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


class AboutDialog(QDialog):
    def __init__(self, store_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于公开年报编辑器"))
        self.label = QLabel(about_text(store_path), self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 28)


def install_help_key(dialog: QWidget, anchor: Callable[[], str]) -> QShortcut:
    """F1 inside a modal dialog (where the main window's F1 cannot reach): the guide opens
    as the dialog's own child window, so the dialog's modality does not block it."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), dialog)
    shortcut.activated.connect(lambda: _open_child_help(dialog, anchor()))
    return shortcut


def _open_child_help(dialog: QWidget, anchor: str) -> HelpDialog:
    guide = getattr(dialog, "_help_dialog", None)
    if not isinstance(guide, HelpDialog):
        guide = HelpDialog(dialog)
        dialog._help_dialog = guide  # type: ignore[attr-defined]
    guide.show_topic(anchor)
    guide.show()
    guide.raise_()
    return guide
