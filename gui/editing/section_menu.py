"""The section tabs' context menu: 标为已复核 for a part copied from last year, and for a
free-format report adding, renaming, removing and reordering its own sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from model.sections import can_edit_sections, new_section_id, own_sections_of

if TYPE_CHECKING:
    from gui.editing.session import ReportSession

# the mark on a copied part's tab (translated where shown)
UNREVIEWED_SUFFIX = str(QT_TRANSLATE_NOOP("SectionMenu", "（未复核）"))


class SectionMenu:
    """Builds and runs the menu for the tab at a point of the tab bar."""

    def __init__(self, parent: QWidget, session: ReportSession) -> None:
        self.parent = parent
        self.session = session

    def tr(self, text: str) -> str:
        return self.parent.tr(text)

    def build(self, section_id: str | None) -> QMenu:
        menu = QMenu(self.parent)
        report = self.session.report
        part = section_id if section_id is not None else ""
        if part in report.unreviewed:
            menu.addAction(self.tr("标为已复核(&R)"), lambda: self.session.mark_reviewed(part))
        if can_edit_sections(report, self.session.fmt) and not self.session.store.read_only:
            if not menu.isEmpty():
                menu.addSeparator()
            menu.addAction(self.tr("新增部分(&A)…"), lambda: self.add(section_id))
            if section_id is not None:
                menu.addAction(self.tr("重命名(&N)…"), lambda: self.rename(part))
                menu.addAction(self.tr("上移(&U)"), lambda: self.move(part, -1))
                menu.addAction(self.tr("下移(&D)"), lambda: self.move(part, 1))
                menu.addAction(self.tr("删除部分(&X)…"), lambda: self.remove(part))
        return menu

    def show(self, section_id: str | None, where: QPoint) -> None:
        menu = self.build(section_id)
        if not menu.isEmpty():
            menu.exec(where)

    # --- the edits ----------------------------------------------------------------------
    def _sections(self) -> list[tuple[str, str]]:
        return own_sections_of(self.session.report, self.session.fmt)

    def add(self, after: str | None) -> None:
        sections = self._sections()
        heading, ok = QInputDialog.getText(
            self.parent,
            self.tr("新增部分"),
            self.tr("新部分的标题（照原报告写法，例如「七、其他需要报告的事项」）："),
        )
        heading = heading.strip()
        if not ok or not heading:
            return
        at = next((n + 1 for n, (sid, _) in enumerate(sections) if sid == after), len(sections))
        sections.insert(at, (new_section_id(self.session.report), heading))
        self.session.set_own_sections(sections, [])

    def rename(self, section_id: str) -> None:
        sections = self._sections()
        old = next((h for sid, h in sections if sid == section_id), "")
        heading, ok = QInputDialog.getText(
            self.parent, self.tr("重命名部分"), self.tr("部分标题："), text=old
        )
        heading = heading.strip()
        if not ok or not heading or heading == old:
            return
        self.session.set_own_sections(
            [(sid, heading if sid == section_id else h) for sid, h in sections], []
        )

    def move(self, section_id: str, step: int) -> None:
        sections = self._sections()
        at = next((n for n, (sid, _) in enumerate(sections) if sid == section_id), None)
        if at is None or not 0 <= at + step < len(sections):
            return
        sections[at], sections[at + step] = sections[at + step], sections[at]
        self.session.set_own_sections(sections, [])

    def remove(self, section_id: str) -> None:
        sections = self._sections()
        if len(sections) <= 1:
            return
        heading = next((h for sid, h in sections if sid == section_id), section_id)
        has_text = bool(self.session.report.paragraphs(section_id))
        question = self.tr("删除部分「%1」？").replace("%1", heading)
        if has_text:
            question += self.tr("\n\n其中的文字会移到「未归类内容」，不会丢失。")
        answer = QMessageBox.question(self.parent, self.tr("删除部分"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.session.set_own_sections(
            [(sid, h) for sid, h in sections if sid != section_id], [section_id]
        )
