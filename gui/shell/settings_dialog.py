"""设置: the interface language and (from the export part) the fonts of the printed report."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.output.font_settings import FontSettingsPage
from gui.settings import app_settings, set_ui_language, ui_language

log = logging.getLogger(__name__)


def _font_page(parent: QWidget) -> FontSettingsPage | None:
    """The font page of the printed report (None when it cannot be built)."""
    try:
        return FontSettingsPage(parent)
    except Exception:  # a broken optional page must not keep 设置 from opening
        log.exception("字体设置页无法显示")
        return None


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._language_tab(), self.tr("语言"))
        self.font_page = _font_page(self)
        if self.font_page is not None:
            self.tabs.addTab(self.font_page, self.tr("字体"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 52)  # the 字体 tab has six columns
        from gui.shell.help import install_help_key

        install_help_key(
            self, lambda: "fonts" if self.tabs.currentWidget() is self.font_page else "start"
        )

    def _language_tab(self) -> QWidget:
        page = QWidget(self)
        self.language_combo = QComboBox(page)
        self.language_combo.setAccessibleName(self.tr("界面语言"))
        self.language_combo.addItem("中文（简体）", "zh_CN")
        self.language_combo.addItem("English", "en")
        self._initial_language = ui_language(app_settings())
        self.language_combo.setCurrentIndex(self.language_combo.findData(self._initial_language))
        note = QLabel(
            self.tr(
                "更改界面语言后，请关闭并重新启动本程序才能生效。\n"
                "报告正文中的文字（标题、各部分标题、表格）始终为中文，不受此设置影响。"
            ),
            page,
        )
        note.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.tr("界面语言(&L)："), self.language_combo)
        form.addRow(note)
        return page

    def selected_language(self) -> str:
        return str(self.language_combo.currentData())

    def language_changed(self) -> bool:
        return self.selected_language() != self._initial_language

    def accept(self) -> None:
        set_ui_language(self.selected_language())
        if self.font_page is not None:
            self.font_page.save()
        super().accept()
