"""Start-up of the window, in this order: streams and log, QApplication, translators,
exception hook, hand-over to a running copy, store (with plain answers to trouble), window.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.qt_compat import apply_qt_workarounds
from gui.settings import app_settings, last_report, ui_language
from gui.shell.crash import ExceptionHook, guard_std_streams, setup_logging
from gui.shell.i18n import install_translators
from gui.shell.single_instance import InstanceServer, hand_over
from model.errors import (
    NianbaoError,
    StoreCorruptError,
    StoreError,
    StoreFolderReadOnlyError,
    StoreLockedError,
)
from model.files.os_errors import describe_os_error
from model.paths import default_store_path, fonts_dir, resources_dir

translate = QCoreApplication.translate
if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow
    from model.store.report_store import ReportStore
    from model.store.salvage import SalvagePlan

# The store's modules (TinyDB and all) are imported when the store is opened, after the
# window's first paint, not when this module is.


def restore_backup_file(path: Path, backup: Path) -> Path | None:
    from model.store.backups import restore_backup_file as restore

    return restore(path, backup)


log = logging.getLogger("nianbao.app")


def _ask(title: str, text: str, yes: str, no: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.exec()
    return box.clickedButton() is yes_button


def _newest_good_backup(path: Path) -> Path | None:
    from model.store.backups import newest_good_backup

    try:
        found = newest_good_backup(path)
    except (StoreError, OSError) as exc:
        log.warning("no usable backup: %s", exc)
        return None
    return Path(found) if found else None


def backup_label(path: Path, backup: Path) -> str:
    """When the backup was saved, as the clerk reads it (「2026年11月26日 03:50:12」)."""
    from model.store.backups import BackupInfo, list_backups

    info = next((b for b in list_backups(path) if b.path == backup), None)
    if info is None:  # a backup kept somewhere else: its file time tells
        stat = backup.stat()
        import datetime as _dt

        info = BackupInfo(backup, _dt.datetime.fromtimestamp(stat.st_mtime), stat.st_size)
    return info.label


STARTUP_LOCK_WAIT = 3.0  # seconds: a short command-line import is waited for, not asked about


def open_store(path: Path) -> ReportStore | None:
    """Open the store, asking the clerk what to do when it is locked or unreadable."""
    from model.store.report_store import ReportStore
    from model.store.storage import StoreFileCorruptError

    try:
        return ReportStore(path, wait=STARTUP_LOCK_WAIT)  # a command-line import ends soon
    except (StoreLockedError, StoreFolderReadOnlyError) as exc:
        log.warning("store not writable: %s", exc)
        if not _ask(*_read_only_question(path, exc)):
            return None
        try:
            return ReportStore(path, read_only=True)
        except StoreError as again:
            QMessageBox.critical(None, translate("App", "无法打开数据文件"), str(again))
            return None
    except StoreFileCorruptError as exc:  # the dialog itself offers the backup: no advice twice
        log.error("store unreadable: %s", exc)
        return _offer_backup(path, exc.problem, exc.newest_backup)
    except StoreCorruptError as exc:
        log.error("store unreadable: %s", exc)
        return _offer_backup(path, str(exc))
    except StoreError as exc:
        log.error("store error: %s", exc)
        QMessageBox.critical(None, translate("App", "无法打开数据文件"), str(exc))
        return None


def _read_only_question(path: Path, exc: StoreError) -> tuple[str, str, str, str]:
    """Title, text and the two buttons of 「以只读方式打开」 for a locked store or a folder
    that cannot be written."""
    if isinstance(exc, StoreFolderReadOnlyError):
        title = translate("App", "数据文件夹不能写入")
        text = translate(
            "App",
            "报告数据文件所在的文件夹（%1）不允许写入，修改将无法保存。\n\n"
            "可以以只读方式打开：能查看和打印报告，但不能修改。\n"
            "要修改报告，请让管理员开放这个文件夹的写入权限，或把数据文件放到可以写入的文件夹，"
            "再重新启动本程序。",
        ).replace("%1", str(path.parent))
    else:
        title = translate("App", "数据文件正在使用")
        text = translate(
            "App",
            "报告数据文件正被另一个正在运行的公开年报编辑器使用（可能在另一个窗口或另一位同事的电脑上）。\n\n"
            "可以以只读方式打开：能查看和打印报告，但不能修改。\n"
            "要修改报告，请先关闭另一个窗口，再重新启动本程序。",
        )
    return title, text, translate("App", "以只读方式打开"), translate("App", "退出")


def _offer_backup(path: Path, problem: str, known: Path | None = None) -> ReportStore | None:
    from model.store.report_store import ReportStore

    backup = Path(known) if known else _newest_good_backup(path)
    plan = _salvage_plan(path)
    if plan is not None:
        return _offer_salvage(path, problem, plan, backup)
    if backup is None:
        return _start_afresh(path, problem)
    try:
        when = backup_label(path, backup)
    except OSError as exc:
        QMessageBox.critical(None, translate("App", "无法使用备份"), _plain(exc, backup))
        return None
    if not _ask(
        translate("App", "数据文件已损坏"),
        problem
        + "\n\n"
        + translate(
            "App",
            "找到一份完好的备份（%1 保存）。要使用这份备份吗？\n"
            "损坏的文件会改名保留在原文件夹中，不会被删除。",
        ).replace("%1", when),
        translate("App", "使用备份"),
        translate("App", "退出"),
    ):
        return None
    try:
        kept = restore_backup_file(path, backup)  # atomic, under the lock; bad file kept
        store = ReportStore(path)
    except (StoreError, OSError) as exc:
        QMessageBox.critical(None, translate("App", "无法使用备份"), _plain(exc, path))
        return None
    log.warning("restored backup %s; unreadable file kept as %s", backup, kept)
    return store


def _plain(exc: BaseException, path: Path) -> str:
    """The clerk's sentence for an error: ours as it is, the system's in Chinese."""
    if isinstance(exc, OSError):
        return describe_os_error(exc, path, "读取", kept="")
    return str(exc)


def _salvage_plan(path: Path) -> SalvagePlan | None:
    from model.store.salvage import salvage_plan

    try:
        return salvage_plan(path.read_bytes())
    except OSError as exc:
        log.warning("store not readable for salvage: %s", exc)
        return None


def _offer_salvage(
    path: Path, problem: str, plan: SalvagePlan, backup: Path | None
) -> ReportStore | None:
    """One report is damaged, the others are intact: salvage them, or use the backup."""
    from model.store.report_store import ReportStore
    from model.store.salvage import salvage, salvage_message

    text = (
        problem
        + "\n\n"
        + translate(
            "App",
            "文件中有 %1 份报告完好，%2 份无法读取（%3）。\n"
            "可以把完好的报告挽救到新的数据文件中；损坏的文件会改名保留，不会被删除。",
        )
        .replace("%1", str(plan.intact))
        .replace("%2", str(len(plan.lost)))
        .replace("%3", "、".join(plan.lost))
    )
    if backup is not None:
        also = translate("App", "\n也可以改用完好的备份（%1 保存），但备份之后的修改会丢失。")
        text += also.replace("%1", backup_label(path, backup))
    box = QMessageBox(QMessageBox.Icon.Warning, translate("App", "数据文件已损坏"), text)
    rescue = box.addButton(translate("App", "挽救完好的报告"), QMessageBox.ButtonRole.AcceptRole)
    use_backup = None
    if backup is not None:
        use_backup = box.addButton(translate("App", "使用备份"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(translate("App", "退出"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(rescue)
    box.exec()
    try:
        if box.clickedButton() is rescue:
            result = salvage(path)
            log.warning("salvaged %s reports; damaged kept as %s", result.saved, result.kept_aside)
            store = ReportStore(path)
            QMessageBox.information(
                None, translate("App", "已挽救完好的报告"), salvage_message(result)
            )
            return store
        if use_backup is not None and box.clickedButton() is use_backup and backup is not None:
            restore_backup_file(path, backup)
            return ReportStore(path)
    except (StoreError, OSError) as exc:
        QMessageBox.critical(None, translate("App", "无法打开数据文件"), _plain(exc, path))
    return None


def _start_afresh(path: Path, problem: str) -> ReportStore | None:
    """No good backup: keep the unreadable file under another name and begin a new store."""
    from model.store.backups import move_aside
    from model.store.report_store import ReportStore

    if not _ask(
        translate("App", "数据文件已损坏"),
        problem
        + "\n\n"
        + translate(
            "App",
            "可以把损坏的文件改名保留在原文件夹中（不会删除，可交技术人员恢复），"
            "再新建一个空的数据文件继续工作。",
        ),
        translate("App", "改名保留并新建"),
        translate("App", "退出"),
    ):
        return None
    try:
        kept = move_aside(path)
        store = ReportStore(path)
    except StoreError as exc:
        QMessageBox.critical(None, translate("App", "无法新建数据文件"), str(exc))
        return None
    log.warning("unreadable store kept as %s; a new store was started", kept)
    QMessageBox.information(
        None,
        translate("App", "已新建数据文件"),
        translate("App", "损坏的文件已改名保留为：\n%1").replace("%1", str(kept)),
    )
    return store


UI_FONT_FAMILIES = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC")
SHIPPED_UI_FONT = "wqy-microhei.ttc"


def prefer_cjk_ui_font(app: QApplication) -> None:
    """On Linux the default font may lack Chinese (mixed serif fallback, or boxes on a machine
    without Chinese fonts); pick a CJK sans, the shipped WenQuanYi Micro Hei if need be.

    Windows and macOS already use 微软雅黑 / 苹方 for Chinese interfaces.
    """
    if sys.platform in ("win32", "darwin"):
        return
    available = set(QFontDatabase.families())
    family = next((f for f in UI_FONT_FAMILIES if f in available), None) or _shipped_ui_font()
    if family:
        font = app.font()
        font.setFamilies([family, *font.families()])
        app.setFont(font)


def _shipped_ui_font() -> str | None:
    """Register the fallback sans shipped for the PDF (resources/fonts) for the interface."""
    font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / SHIPPED_UI_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("shipped interface font %s could not be loaded", SHIPPED_UI_FONT)
        return None
    return UI_FONT_FAMILIES[0] if UI_FONT_FAMILIES[0] in families else families[0]


def application_icon() -> QIcon:
    """The program's icon in every size shipped, so each platform picks a sharp one."""
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("nianbao-*.png")):
        icon.addFile(str(png))
    return icon


def run(store_path: Path | None = None, open_file: Path | None = None) -> int:
    """Show the window; returns the exit code."""
    apply_qt_workarounds()
    guard_std_streams()
    setup_logging()
    path = Path(store_path) if store_path else default_store_path()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("nianbao")
    app.setDesktopFileName("nianbao")  # matches resources/packaging/nianbao.desktop
    app.setWindowIcon(application_icon())
    install_translators(app, ui_language(app_settings()))
    prefer_cjk_ui_font(app)
    hook = ExceptionHook()
    hook.install()
    try:
        if hand_over(path, open_file):
            log.info("handed over to the running window")
            return 0
        server = InstanceServer(path)
        if not server.listen():
            if hand_over(path, open_file):  # another start won the race: it has the window
                log.info("handed over to the window started at the same moment")
                return 0
            log.warning("single-instance server not listening")
        from gui.shell.main_window import MainWindow

        # The window (its list area) is on screen first; the store is opened and read right
        # after the first paint, its questions (locked, damaged) asked over the window.
        window = MainWindow(None, store_opener=lambda: open_store(path))
        hook.parent = window
        hook.save_open_work = lambda: _save_open(window)
        server.activated.connect(window.bring_to_front)
        window.firstPainted.connect(lambda: _start_store(app, window, open_file))
        window.show()
        log.info("window shown (%s)", path)
        code = app.exec()
        server.close()
        if window.has_store():
            window.store.close()
        return int(code)
    finally:
        hook.uninstall()


def _start_store(app: QApplication, window: MainWindow, open_file: Path | None) -> None:
    """After the first paint: open the store (or quit when she chose not to), then the
    report to open first."""
    if not window.ensure_store():
        window.hide()
        app.exit(1)
        return
    if open_file or window.current_session() is None:  # nothing opened in the meantime
        _open_first(window, open_file)


def _save_open(window: MainWindow) -> bool | None:
    session = window.current_session()
    return None if session is None else bool(session.save_now())


def _open_first(window: MainWindow, open_file: Path | None) -> None:
    """After the window is shown: the file she double-clicked, else a report with edits the
    last run did not save (its session restores them and says so), else the last one open."""
    if open_file:
        window.import_report(Path(open_file))
        return
    store = window.store
    report_id = _unsaved_report(store) or last_report(app_settings())
    if report_id and store.contains(report_id):
        window.open_report(report_id)


def _unsaved_report(store: ReportStore) -> str | None:
    """The newest report whose recovery journal holds edits the store does not have."""
    if store.read_only:
        return None
    from model.store.recovery import RecoveryJournal

    try:
        pending = RecoveryJournal(store.path).pending(store)
    except (NianbaoError, OSError) as exc:
        log.warning("recovery journal not readable: %s", exc)
        return None
    return next((r.id for r in pending if store.contains(r.id)), None)
