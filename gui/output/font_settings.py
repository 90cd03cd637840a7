"""设置 → 字体: which face prints each role, official or stand-in, and the clerk's own choice.

The choices live in ``app_settings()`` under ``fonts/<role>`` (role = 小标宋, 仿宋, 黑体, 楷体,
宋体 → font file path, ``path#index`` for a face of a collection); every PDF made by the
window takes them through :func:`pdf_options_from_settings`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from export.font_verdict import font_verdict
from export.notes import substitution_sentence
from export.pdf import font_files, fonts
from gui.settings import app_settings, remember_folder, start_folder

ROLE_NAMES: tuple[str, ...] = tuple(fonts.ROLE_NAMES[r] for r in fonts.ROLES)  # 小标宋 … 宋体
CHOSEN, OFFICIAL, SUBSTITUTE = "chosen", "official", "substitute"
translate = QCoreApplication.translate


# --- settings --------------------------------------------------------------------------------
def font_paths_from_settings(settings: QSettings | None = None) -> dict[str, str]:
    """{role name: font file} for the roles the clerk has set."""
    settings = settings or app_settings()
    paths: dict[str, str] = {}
    for role in ROLE_NAMES:
        value = settings.value(f"fonts/{role}", "")
        if isinstance(value, str) and value:
            paths[role] = value
    return paths


def save_font_paths(paths: dict[str, str], settings: QSettings | None = None) -> None:
    settings = settings or app_settings()
    for role in ROLE_NAMES:
        if paths.get(role):
            settings.setValue(f"fonts/{role}", paths[role])
        else:
            settings.remove(f"fonts/{role}")
    settings.sync()


def pdf_options_from_settings(settings: QSettings | None = None) -> Any:
    """The ``export.pdf.render.PdfOptions`` for a PDF made from the window."""
    from export.pdf.render import PdfOptions

    return PdfOptions(font_paths=font_paths_from_settings(settings))


# --- what each role resolves to -----------------------------------------------------------------
@dataclass(frozen=True)
class RoleStatus:
    role: str  # 仿宋
    use: str  # 正文
    family: str  # the face that will print it
    path: str
    kind: str  # CHOSEN, OFFICIAL or SUBSTITUTE
    note: str = ""  # why a stand-in is used (plain Chinese)
    problem: str = ""  # why the font file she chose cannot be used ("" if none)


def role_statuses(paths: dict[str, str]) -> list[RoleStatus]:
    """For each role, the face the next PDF will use with these choices.

    Takes only the font resolver's short lock, never the render lock: the page stays
    responsive while a PDF is being made."""
    font_set = fonts.resolve_fonts(paths)
    statuses = []
    for key in fonts.ROLES:
        role = fonts.ROLE_NAMES[key]
        face = font_set.face(key)
        official = {(_same(p), i) for p, i, _f in font_files.installed_official(key)}
        chosen = paths.get(role, "")
        if chosen and _same(font_files.split_font_spec(chosen)[0]) == _same(face.path):
            kind = CHOSEN
        elif (_same(face.path), face.index) in official:
            kind = OFFICIAL
        else:
            kind = SUBSTITUTE
        sub = next((s for s in font_set.substitutions if s.role == key), None)
        note = substitution_sentence([sub]) if sub else ""
        problem = sub.problem if sub else ""
        statuses.append(
            RoleStatus(role, fonts.ROLE_USES[key], face.family, face.path, kind, note, problem)
        )
    return statuses


def _same(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return path


def roles_in(substitutions: list[fonts.Substitution]) -> list[str]:
    """The roles printed in a stand-in face, in role order."""
    named = {s.role_name for s in substitutions}
    return [r for r in ROLE_NAMES if r in named]


def check_font_file(path: str) -> str:
    """'' when ``path`` can print a role; else a plain-Chinese reason (OTF/CFF, forbidden …)."""
    try:
        file_path, index = font_files.split_font_spec(path)
        fonts.load_face(file_path, index)  # the resolver's short lock only
    except font_files.FontFileError as exc:
        return str(exc)
    return ""


# --- dialogs (replaced in tests) ------------------------------------------------------------
def ask_font_file(parent: QWidget | None, role: str, start: str) -> str:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        translate("FontSettingsPage", "选择%1字体文件").replace("%1", role),
        start,
        translate("FontSettingsPage", "TrueType 字体 (*.ttf *.ttc *.TTF *.TTC);;所有文件 (*)"),
    )
    return chosen


def show_font_error(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, translate("FontSettingsPage", "字体"), text)


# --- the page ----------------------------------------------------------------------------------
class FontSettingsPage(QWidget):
    """One row per role: use, face now used, official or stand-in, file chosen, buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paths = font_paths_from_settings()
        self._rows: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        self._auto_buttons: dict[str, QPushButton] = {}

        intro = QLabel(
            self.tr(
                "打印年报时，程序会自动使用本机安装的公文字体（如方正小标宋简体、仿宋_GB2312）；"
                "找不到时用相近的字体代替。您也可以为每一项指定一个 TrueType 字体文件"
                "（.ttf 或 .ttc）。"
            ),
            self,
        )
        intro.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for col, text in enumerate(
            (self.tr("字体"), self.tr("用于"), self.tr("当前使用"), self.tr("情况"))
        ):
            header = QLabel(f"<b>{text}</b>", self)
            grid.addWidget(header, 0, col)
        for row, role in enumerate(ROLE_NAMES, start=1):
            face, state = QLabel(self), QLabel(self)
            face.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            state.setWordWrap(True)
            use = QLabel(self)
            for kind, label in (("use", use), ("face", face), ("state", state)):
                label.setObjectName(f"{kind}-{role}")
            grid.addWidget(QLabel(role, self), row, 0)
            grid.addWidget(use, row, 1)
            grid.addWidget(face, row, 2)
            grid.addWidget(state, row, 3)
            choose = QPushButton(self.tr("选择文件…"), self)
            choose.setObjectName(f"choose-{role}")
            choose.clicked.connect(lambda _=False, r=role: self.choose_file(r))
            reset = QPushButton(self.tr("自动"), self)
            reset.setObjectName(f"auto-{role}")
            reset.setToolTip(self.tr("不指定文件，由程序自动寻找"))
            reset.clicked.connect(lambda _=False, r=role: self.set_font_path(r, ""))
            grid.addWidget(choose, row, 4)
            grid.addWidget(reset, row, 5)
            self._rows[role] = (use, face, state)
            self._auto_buttons[role] = reset
        grid.setColumnStretch(3, 1)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("font-verdict")
        self.verdict.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        self.refresh()

    def font_paths(self) -> dict[str, str]:
        """The choices shown (saved only by :meth:`save`)."""
        return dict(self._paths)

    def refresh(self) -> None:
        for role, button in self._auto_buttons.items():
            button.setEnabled(role in self._paths)
        try:
            statuses = role_statuses(self._paths)
        except font_files.FontFileError as exc:
            for _use, face, state in self._rows.values():
                face.setText("—")
                state.setText(str(exc))
            self.verdict.clear()
            return
        for status in statuses:
            use, face, state = self._rows[status.role]
            use.setText(status.use)
            face.setText(status.family)
            face.setToolTip(status.path)
            state.setText(self._state_text(status))
            state.setToolTip(status.note)
            color = "#b35900" if status.kind == SUBSTITUTE else "#1a7f37"
            state.setStyleSheet(f"color: {color};")
        substituted = [s.role for s in statuses if s.kind == SUBSTITUTE]
        self.verdict.setText(font_verdict(substituted))
        color = "#b35900" if substituted else "#1a7f37"
        self.verdict.setStyleSheet(f"font-weight: bold; color: {color};")

    def _state_text(self, status: RoleStatus) -> str:
        if status.kind == CHOSEN:
            return self.tr("您指定的文件：%1").replace("%1", Path(status.path).name)
        if status.kind == OFFICIAL:
            return self.tr("正式字体")
        if status.problem:
            return self.tr("您指定的字体无法使用，暂用替代字体")
        return self.tr("替代字体（本机未安装正式字体）")

    def choose_file(self, role: str) -> None:
        start = self._paths.get(role) or str(start_folder("fonts/last_dir"))
        chosen = ask_font_file(self, role, start)
        if not chosen:
            return
        remember_folder("fonts/last_dir", Path(chosen).parent)
        problem = check_font_file(chosen)
        if problem:
            show_font_error(self, problem)
            return
        self.set_font_path(role, chosen)

    def set_font_path(self, role: str, path: str) -> None:
        if path:
            self._paths[role] = path
        else:
            self._paths.pop(role, None)
        self.refresh()

    def save(self) -> None:
        """Store the choices; the next PDF resolves its fonts afresh with them."""
        save_font_paths(self._paths)
        fonts.forget_resolutions()
