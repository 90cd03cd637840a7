"""Interface language: Qt's own Chinese texts (buttons, file dialogs) and nianbao's English.

The source strings of nianbao are Chinese, so Chinese needs only Qt's ``qtbase_zh_CN.qm``;
English loads ``resources/i18n/nianbao_en.qm``. Call :func:`install_translators` before any
widget is built; a language change takes effect at the next start.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from model.paths import resources_dir


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own ``.qm`` files may be: the Qt install, or beside a frozen bundle."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs += [Path(bundle) / "PySide6" / "Qt" / "translations", Path(bundle) / "translations"]
    dirs.append(i18n_dir())
    return dirs


def _load(translator: QTranslator, name: str, folders: list[Path]) -> bool:
    return any((f / f"{name}.qm").is_file() and translator.load(name, str(f)) for f in folders)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for ``language`` ("zh_CN" or "en"); returns those installed.

    The translators are parented to ``app`` so they live as long as it does.
    """
    installed: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        ours = QTranslator(app)
        if _load(ours, "nianbao_en", [i18n_dir()]):
            installed.append(ours)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        for name in ("qtbase_zh_CN", "qt_zh_CN"):
            qt = QTranslator(app)
            if _load(qt, name, qt_translation_dirs()):
                installed.append(qt)
                break
        gaps = TableTranslator(QT_GAPS_ZH, app)
        installed.append(gaps)  # installed last, so asked first
    for translator in installed:
        app.installTranslator(translator)
    return installed


# Texts of Qt's own dialogs that qtbase_zh_CN.qm leaves in English: the widget file dialog's
# labels carry an accelerator (「&Look in:」) the translation file only has without one.
QT_GAPS_ZH = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QFileSystemModel", "Size"): "大小",
    ("QFileDialog", "Size"): "大小",
}


class TableTranslator(QTranslator):
    """Chinese from a table for the few texts of Qt's own dialogs its translation misses.

    ``texts`` maps (context, source) or, with ``contexts`` given, source alone for any context
    starting with one of ``contexts``.
    """

    def __init__(
        self,
        texts: Mapping[Any, str],
        parent: QObject | None = None,
        contexts: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self._texts = dict(texts)
        self._contexts = contexts

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        if self._contexts:
            found = self._texts.get(source_text) if context.startswith(self._contexts) else None
        else:
            found = self._texts.get((context, source_text))
        return found  # type: ignore[return-value]  # None: not ours, Qt looks further

    def isEmpty(self) -> bool:
        return False


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
