"""未归类内容: what an import or a change of format could not place, kept with the report.

The clerk copies from it into the right sections and deletes what she has moved; it is never
printed. Shown as the last tab while it holds anything.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.editing.paragraph_edit import ParagraphEdit
from gui.editing.session import ReportSession
from gui.editing.undo_commands import UNPLACED

__all__ = ["UNPLACED", "UnplacedTab"]  # UNPLACED: the tab's name in the session's signals


class UnplacedTab(QWidget):
    """One paragraph per line; edits are saved with the report (not printed) and undone
    with the report's other edits."""

    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "导入或转换格式时没有找到位置的内容，随报告保存，不会打印。"
                "请复制到合适的部分，移好的可以从这里删去。"
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.text = ParagraphEdit(self)  # Ctrl+Z undoes through the report's history
        self.text.setPlainText("\n".join(session.report.unplaced))
        self.text.textChanged.connect(self._save)
        self.text.pasting.connect(session.separate_next_edit)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        copy = QPushButton(self.tr("全部复制(&C)"), self)
        copy.clicked.connect(self.copy_all)
        row.addStretch(1)
        row.addWidget(copy)
        layout.addLayout(row)

    def refresh(self) -> None:
        """Show the report's 未归类内容 again (after an undo or redo)."""
        if self.paragraphs() == self.session.report.unplaced:
            return  # the clerk's own line breaks and spacing stay
        with QSignalBlocker(self.text):
            self.text.setPlainText("\n".join(self.session.report.unplaced))

    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.toPlainText().split("\n") if line.strip()]

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())

    def _save(self) -> None:
        self.session.set_unplaced(self.paragraphs())
