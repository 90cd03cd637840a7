"""What the clerk sees when an export is done: 「已导出：…pdf」 with 打开文件 and 打开所在文件夹.

One dialog for every kind of file (PDF, Word, HTML, Excel): the caller gives the path, the
kind's name and what the export records say about fonts; the font notice is one sentence.
Opening a file or folder goes through :func:`open_path` / :func:`open_folder`, which tests
replace.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


@dataclass
class ExportOutcome:
    """A file just written, and what to tell the clerk about it."""

    path: Path
    kind: str  # "PDF", "Word", "HTML", "Excel"
    pages: int | None = None
    font_notice: str = ""  # one sentence, or ""
    details: list[str] = field(default_factory=list)  # further lines (characters no font has)

    def headline(self) -> str:
        text = translate("ExportResult", "已导出：%1").replace("%1", self.path.name)
        if self.pages:
            text += translate("ExportResult", "（共 %1 页）").replace("%1", str(self.pages))
        return text


def font_sentence(substitutions: Iterable[object]) -> str:
    """One sentence for the roles printed in a stand-in face, or "" when there are none.

    An item is a record with ``role`` (key or name) and ``face``, or a sentence naming a role.
    """
    from export.pdf.fonts import ROLE_NAMES  # the roles' names as the 字体 settings show them

    roles: list[str] = []
    faces: list[str] = []
    for item in substitutions:
        role = str(getattr(item, "role", "") or "")
        name = ROLE_NAMES.get(role, role)
        if not name:
            text = str(item)
            name = next((n for n in ROLE_NAMES.values() if n in text), "")
        face = str(getattr(item, "face", "") or "")
        if name and name not in roles:
            roles.append(name)
        if face and face not in faces:
            faces.append(face)
    if not roles:
        return ""
    named = "、".join(roles)
    instead = "（" + "、".join(faces) + "）" if faces else ""
    return (
        translate(
            "ExportResult",
            "本机没有%1的正式字体，已用相近字体%2代替；"
            "如需正式字体，请在「设置 → 字体」中指定字体文件。",
        )
        .replace("%1", named)
        .replace("%2", instead)
    )


def open_path(path: Path) -> bool:
    """Open ``path`` in the program the system uses for it."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def open_folder(path: Path) -> bool:
    """Show the folder holding ``path`` (on Windows with the file selected)."""
    if sys.platform == "win32":
        try:
            subprocess.Popen(["explorer", "/select,", str(path)])
            return True
        except OSError:
            pass
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))


class ExportResultDialog(QDialog):
    """「已导出：name.pdf」, the folder, the font sentence; 打开文件, 打开所在文件夹, 关闭."""

    def __init__(self, outcome: ExportOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = outcome
        self.setWindowTitle(translate("ExportResult", "导出 %1").replace("%1", outcome.kind))
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton).pixmap(32, 32)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = QLabel(outcome.headline(), self)
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.folder = QLabel(
            translate("ExportResult", "保存在：%1").replace("%1", str(outcome.path.parent)), self
        )
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel(outcome.font_notice, self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#5c4400;")
        self.notice.setVisible(bool(outcome.font_notice))
        self.details = QLabel("\n".join(outcome.details), self)
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color:#8a1020;")
        self.details.setVisible(bool(outcome.details))

        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(translate("ExportResult", "打开文件"), self)
        self.folder_button = QPushButton(translate("ExportResult", "打开所在文件夹"), self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(translate("ExportResult", "关闭"))
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._open_file)
        self.folder_button.clicked.connect(self._open_folder)
        self.open_button.setDefault(True)

        text = QVBoxLayout()
        text.addWidget(self.headline)
        text.addWidget(self.folder)
        text.addWidget(self.notice)
        text.addWidget(self.details)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("某" * 30))

    def _open_file(self) -> None:
        if not open_path(self.outcome.path):
            self.folder.setText(
                translate("ExportResult", "无法打开文件，可能本机没有能打开%1文件的程序。").replace(
                    "%1", self.outcome.kind
                )
            )
            return
        self.accept()

    def _open_folder(self) -> None:
        open_folder(self.outcome.path)
        self.accept()


_unowned: set[ExportResultDialog] = set()


def show_export_result(parent: QWidget | None, outcome: ExportOutcome) -> ExportResultDialog:
    """Show the result without blocking (the clerk may keep working); returns the dialog."""
    dialog = ExportResultDialog(outcome, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:  # nothing owns it: keep it alive until it is closed
        _unowned.add(dialog)
        dialog.finished.connect(lambda _code: _unowned.discard(dialog))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    dialog.open_button.setFocus()
    return dialog
