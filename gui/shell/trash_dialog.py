"""回收站: reports deleted from the list; restore one, or empty the bin (after asking).

Uses the store's ``list_trash()``, ``restore(id)`` and ``empty_trash()``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.shell.start_page import modified_text
from model.errors import NianbaoError
from model.store.report_store import ReportStore


class TrashDialog(QDialog):
    restored = Signal(str)  # report id

    def __init__(self, store: ReportStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("回收站"))
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("回收站中的报告"))
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("机关名称"), self.tr("年度"), self.tr("删除时间")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        self.info = QLabel(self)
        self.restore_button = QPushButton(self.tr("恢复(&R)"), self)
        self.restore_button.setToolTip(self.tr("把选中的报告放回报告列表"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton(self.tr("清空回收站(&E)…"), self)
        self.empty_button.setToolTip(self.tr("永久删除回收站中的所有报告"))
        self.empty_button.clicked.connect(self.empty)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        em = self.fontMetrics().height()
        self.resize(em * 34, em * 20)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        items = self.store.list_trash()
        for entry in items:
            when = entry.deleted_at or entry.modified
            row = QTreeWidgetItem(
                [
                    entry.agency or self.tr("（未填机关名称）"),
                    "" if entry.year is None else str(entry.year),
                    modified_text(when),
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, entry.id)
            row.setToolTip(0, entry.title)
            self.tree.addTopLevelItem(row)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
            self.info.setText(self.tr("删除的报告会先放在这里，可以恢复。"))
        if not items:
            self.info.setText(self.tr("回收站是空的。"))
        self.tree.resizeColumnToContents(0)
        self.restore_button.setEnabled(bool(items))
        self.empty_button.setEnabled(bool(items))

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(0, Qt.ItemDataRole.UserRole)) if item else None

    def restore_selected(self) -> None:
        report_id = self.selected_id()
        if not report_id:
            return
        try:
            self.store.restore(report_id)
        except NianbaoError as exc:
            QMessageBox.warning(self, self.tr("无法恢复"), str(exc))
            return
        self.restored.emit(report_id)
        self.reload()

    def empty(self) -> None:
        count = self.tree.topLevelItemCount()
        answer = QMessageBox.question(
            self,
            self.tr("清空回收站"),
            self.tr("要永久删除回收站中的 %n 份报告吗？删除后无法恢复。", "", count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.empty_trash()
        except NianbaoError as exc:
            QMessageBox.warning(self, self.tr("无法清空回收站"), str(exc))
            return
        self.reload()
