"""Application settings: one INI file in the data folder (so every test gets its own).

Keys (shared with the other GUI parts): ``ui/language`` ("zh_CN" | "en"),
``fonts/<role>``, ``window/geometry``, ``window/state``, ``recent/reports`` (report ids),
``last/report``, ``export/last_dir``, ``import/last_dir``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from model.paths import data_dir

SETTINGS_FILE_NAME = "settings.ini"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
RECENT_LIMIT = 8


def app_settings() -> QSettings:
    """The settings of nianbao, stored as ``settings.ini`` beside the store."""
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / SETTINGS_FILE_NAME), QSettings.Format.IniFormat)


def ui_language(settings: QSettings | None = None) -> str:
    settings = settings or app_settings()
    value = str(settings.value("ui/language", DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_ui_language(language: str, settings: QSettings | None = None) -> None:
    if language not in LANGUAGES:
        raise ValueError(language)
    settings = settings or app_settings()
    settings.setValue("ui/language", language)
    settings.sync()


def recent_reports(settings: QSettings | None = None) -> list[str]:
    """Report ids, most recent first (INI returns a lone string for a one-item list)."""
    settings = settings or app_settings()
    value = settings.value("recent/reports", [])
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v]
    return []


def set_recent_reports(ids: list[str], settings: QSettings | None = None) -> None:
    settings = settings or app_settings()
    settings.setValue("recent/reports", list(ids[:RECENT_LIMIT]))


def push_recent_report(report_id: str, settings: QSettings | None = None) -> list[str]:
    settings = settings or app_settings()
    ids = [report_id] + [i for i in recent_reports(settings) if i != report_id]
    set_recent_reports(ids, settings)
    return ids[:RECENT_LIMIT]


def forget_recent_report(report_id: str, settings: QSettings | None = None) -> None:
    settings = settings or app_settings()
    set_recent_reports([i for i in recent_reports(settings) if i != report_id], settings)


def last_report(settings: QSettings | None = None) -> str:
    settings = settings or app_settings()
    return str(settings.value("last/report", "") or "")


def set_last_report(report_id: str, settings: QSettings | None = None) -> None:
    settings = settings or app_settings()
    settings.setValue("last/report", report_id)


def documents_folder() -> Path:
    """The user's 文档 (Documents) folder, else the home folder."""
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def start_folder(key: str, settings: QSettings | None = None) -> Path:
    """Where a file dialog opens: the folder last used for ``key`` (e.g. ``export/last_dir``)
    if it still exists, else 文档 — never the program's own folder."""
    settings = settings or app_settings()
    folder = str(settings.value(key, "") or "")
    return Path(folder) if folder and Path(folder).is_dir() else documents_folder()


def remember_folder(key: str, folder: Path | str, settings: QSettings | None = None) -> None:
    settings = settings or app_settings()
    settings.setValue(key, str(folder))
