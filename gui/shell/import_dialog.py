"""导入: choosing the file (one filter per type and one for all) and the 繁体转简体 consent;
then the import report — what went where, and the 未归类内容 the clerk can copy from."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import settings as prefs

if TYPE_CHECKING:
    from model.importers.result import ImportResult

IMPORT_FILTERS = (
    (
        QT_TRANSLATE_NOOP("ImportDialog", "所有报告文件"),
        "*.docx *.doc *.wps *.html *.htm *.pdf *.txt *.json",
    ),
    (QT_TRANSLATE_NOOP("ImportDialog", "Word 文档"), "*.docx"),
    (QT_TRANSLATE_NOOP("ImportDialog", "旧版 Word / WPS 文档"), "*.doc *.wps"),
    (QT_TRANSLATE_NOOP("ImportDialog", "网页"), "*.html *.htm *.shtml"),
    (QT_TRANSLATE_NOOP("ImportDialog", "PDF 文件"), "*.pdf"),
    (QT_TRANSLATE_NOOP("ImportDialog", "文本文件"), "*.txt"),
    (QT_TRANSLATE_NOOP("ImportDialog", "交换文件"), "*.nianbao.json *.json"),
)
SUPPORTED_DROP = (".docx", ".doc", ".wps", ".html", ".htm", ".shtml", ".pdf", ".txt", ".json")


def dropped_report_file(mime: QMimeData) -> Path | None:
    """The one local report file being dragged onto the window, or None."""
    if not mime.hasUrls() or len(mime.urls()) != 1:
        return None
    url = mime.urls()[0]
    if not url.isLocalFile():
        return None
    path = Path(url.toLocalFile())
    return path if path.suffix.lower() in SUPPORTED_DROP and path.is_file() else None


def filter_string() -> str:
    return ";;".join(
        f"{QCoreApplication.translate('ImportDialog', str(name))} ({patterns})"
        for name, patterns in IMPORT_FILTERS
    )


class ImportDialog(QDialog):
    """The file to import and whether a traditional-character report becomes simplified."""

    def __init__(self, parent: QWidget | None = None, path: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入报告"))
        from gui.shell.help import install_help_key

        install_help_key(self, lambda: "import")  # F1: the guide's 导入 topic
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "选择上年或往年的报告文件：Word（.docx/.doc/.wps）、网页（.html）、"
                    "PDF、文本（.txt）或交换文件（.nianbao.json）。"
                ),
                wordWrap=True,
            )
        )
        row = QHBoxLayout()
        self.path_edit = QLineEdit(path, self)
        self.path_edit.setPlaceholderText(self.tr("报告文件"))
        browse = QPushButton(self.tr("浏览(&B)…"), self)
        browse.clicked.connect(self.browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.simplify = QCheckBox(self.tr("报告是繁体字时，把全文转为简体字(&S)"), self)
        self.simplify.setToolTip(self.tr("不勾选时保留原文的繁体字；标题和各部分照样能识别。"))
        layout.addWidget(self.simplify)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.path_edit.textChanged.connect(self._update)
        layout.addWidget(buttons)
        self._update()
        self.resize(560, self.sizeHint().height())

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.path_edit.text().strip()))

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择要导入的报告"),
            str(prefs.start_folder("import/last_dir")),
            filter_string(),
        )
        if path:
            prefs.remember_folder("import/last_dir", Path(path).parent)
            self.path_edit.setText(path)

    def chosen(self) -> tuple[Path, bool]:
        return Path(self.path_edit.text().strip()), self.simplify.isChecked()


class ImportReportDialog(QDialog):
    """导入情况: the import report, and the 未归类内容 to copy into the right sections."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入完成，请核对"))
        from gui.shell.help import install_help_key

        install_help_key(self, lambda: "import")
        layout = QVBoxLayout(self)
        lines = [f"· {w}" for w in result.warnings]
        if result.summary is not None:
            lines += ["", *result.summary.lines(with_unplaced=False)]
        report_view = QPlainTextEdit("\n".join(lines).strip(), self)
        report_view.setReadOnly(True)
        layout.addWidget(QLabel(self.tr("导入情况："), self))
        layout.addWidget(report_view, 2)
        unplaced = list(result.report.unplaced)
        self.unplaced_view: QPlainTextEdit | None = None
        if unplaced:
            layout.addWidget(
                QLabel(
                    self.tr(
                        "未归类内容（没有找到位置的文字，已随报告保存；可复制后粘贴到合适的部分）："
                    ),
                    self,
                    wordWrap=True,
                )
            )
            self.unplaced_view = QPlainTextEdit("\n".join(unplaced), self)
            self.unplaced_view.setReadOnly(True)
            layout.addWidget(self.unplaced_view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        if unplaced:
            copy = buttons.addButton(
                self.tr("复制未归类内容(&C)"), QDialogButtonBox.ButtonRole.ActionRole
            )
            copy.clicked.connect(self.copy_unplaced)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(620, 460)

    def copy_unplaced(self) -> None:
        if self.unplaced_view is not None:
            QGuiApplication.clipboard().setText(self.unplaced_view.toPlainText())
