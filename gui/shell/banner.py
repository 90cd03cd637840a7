"""The notice above the editor: read-only, a failed save, edits recovered, the store free
again. Said where the clerk is looking; a status-bar line would go unseen."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QWidget

WARN = "background:#fff4ce; color:#5c4400; padding:6px 10px; border-bottom:1px solid #e0c060;"
ERROR = "background:#fde7e9; color:#8a1020; padding:6px 10px; border-bottom:1px solid #e09aa2;"
INFO = "background:#e6f4ea; color:#1e4620; padding:6px 10px; border-bottom:1px solid #9cc9a6;"


class Banner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.linkActivated.connect(lambda _link: self.hide())
        self._until_saved = False
        self.hide()

    def say(self, text: str, style: str, closable: bool = False, until_saved: bool = True) -> None:
        """Show ``text``; ``closable`` adds 「知道了」, ``until_saved`` makes the next
        successful save take it away."""
        from PySide6.QtCore import Qt  # not before the first paint (start_page.ID_ROLE)

        self._until_saved = until_saved
        if closable:
            self.setTextFormat(Qt.TextFormat.RichText)
            link = self.tr("知道了")
            self.setText(f'{html.escape(text)}　<a href="close">{link}</a>')
        else:
            self.setTextFormat(Qt.TextFormat.PlainText)
            self.setText(text)
        self.setStyleSheet(style)
        self.show()

    def saved(self) -> None:
        """A save succeeded: a notice about a failed save is over."""
        if self._until_saved:
            self.hide()
