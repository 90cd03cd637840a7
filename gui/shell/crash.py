"""Unexpected errors: logged to a rotating file in the data folder and explained in Chinese.

Expected errors (:class:`model.errors.NianbaoError`) carry their own plain message and are
shown as they are. Before the dialog for an unexpected error, the open report is saved.
"""

from __future__ import annotations

import io
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from model.errors import NianbaoError
from model.paths import log_dir

translate = QCoreApplication.translate
LOG_FILE_NAME = "nianbao.log"
log = logging.getLogger("nianbao")

SaveCallback = Callable[[], bool | None]


def log_file_path() -> Path:
    return log_dir() / LOG_FILE_NAME


def guard_std_streams() -> None:
    """A windowed frozen program has no stdout/stderr; give prints somewhere to go."""
    if sys.stdout is None:
        sys.stdout = io.StringIO()
    if sys.stderr is None:
        sys.stderr = io.StringIO()


LOG_BYTES = 1_000_000
LOG_BACKUPS = 5


def rotate_log(path: Path, limit: int = LOG_BYTES, keep: int = LOG_BACKUPS) -> None:
    """At start, a log past ``limit`` becomes ``.1`` (older ones shift up, the oldest goes).

    Done once per start instead of by a rotating handler: that handler's module pulls in
    sockets and pickling the first paint of the window does not need.
    """
    try:
        if path.stat().st_size < limit:
            return
    except OSError:
        return  # no log yet
    for number in range(keep - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{number + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


def setup_logging() -> Path:
    """Log to ``logs/nianbao.log`` (a new file past 1 MB, 5 kept); returns the log file path."""
    path = log_file_path()
    root = logging.getLogger()
    if any(getattr(h, "_nianbao", False) for h in root.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        rotate_log(path)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler._nianbao = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def unexpected_error_text(saved: bool | None) -> str:
    """The dialog text; ``saved`` is True/False after a save attempt, None when nothing was open."""
    lines = [translate("CrashHandler", "程序遇到了一个意外的问题，刚才的操作可能没有完成。")]
    if saved is True:
        lines.append(translate("CrashHandler", "您正在编辑的报告已经保存，内容不会丢失。"))
    elif saved is False:
        lines.append(
            translate(
                "CrashHandler",
                "您正在编辑的报告未能自动保存，请不要关闭程序，先试着按 Ctrl+S 保存。",
            )
        )
    lines.append(
        translate(
            "CrashHandler",
            "您可以继续工作；如果问题反复出现，请把下面文件夹中的日志文件发给技术支持：",
        )
    )
    lines.append(str(log_dir()))
    return "\n".join(lines)


class ExceptionHook:
    """``sys.excepthook`` for the window: log, save, explain. Never raises itself."""

    def __init__(self, save_open_work: SaveCallback | None = None) -> None:
        self.save_open_work = save_open_work
        self.parent: QWidget | None = None
        self._showing = False
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous(exc_type, exc, tb)
            return
        if isinstance(exc, NianbaoError):
            log.warning("%s: %s", exc_type.__name__, exc)
            self._show(QMessageBox.Icon.Warning, str(exc))
            return
        log.error("未预料的错误\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        saved = self._save()
        self._show(QMessageBox.Icon.Critical, unexpected_error_text(saved))

    def _save(self) -> bool | None:
        if self.save_open_work is None:
            return None
        try:
            result = self.save_open_work()
        except Exception:  # the save itself failed: say so, never raise from the hook
            log.exception("保存失败")
            return False
        return None if result is None else bool(result)

    def _show(self, icon: QMessageBox.Icon, text: str) -> None:
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            box = QMessageBox(
                icon,
                translate("CrashHandler", "公开年报编辑器"),
                text,
                QMessageBox.StandardButton.Ok,
            )
            box.setParent(self.parent, box.windowFlags())
            box.exec()
        finally:
            self._showing = False
