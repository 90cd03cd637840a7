"""The 检查 panel: findings grouped by level, click to go to the cell, dismiss a warning.

Errors must be corrected; a warning may be dismissed with a note (kept in the report under
the finding's stable id, so it survives re-checks and restarts); dismissed warnings are
listed apart and can be restored. Blank cells (待填) are listed, never counted as errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.checks.blanks import stated_total_cell
from model.checks.engine import can_dismiss, count_assumed, is_dismissed
from model.checks.values import marks_blanks
from model.findings import ERROR, PENDING, WARNING, Finding

if TYPE_CHECKING:
    from gui.editing.session import ReportSession
    from gui.tables.live_checker import LiveChecker

DISMISSED_GROUP = "dismissed"
GROUP_ORDER = (ERROR, WARNING, PENDING, DISMISSED_GROUP)
COLLAPSE_OVER = 12  # a long 待填 list starts folded so errors stay in sight
IdRole = int(Qt.ItemDataRole.UserRole) + 1


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped message (QTreeView lays text out unbounded otherwise)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        icon = self.tree.iconSize().width() + 4 if depth == 0 else 0  # only groups have icons
        margins = 2 * (self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 2)
        indent = self.tree.indentation() * (depth + 1)
        width = self.tree.viewport().width() - indent - icon - margins
        text = str(index.model().data(index, Qt.ItemDataRole.DisplayRole) or "")
        flags = int(Qt.TextFlag.TextWordWrap)
        box = self.tree.fontMetrics().boundingRect(QRect(0, 0, max(width, 60), 10000), flags, text)
        size.setHeight(max(size.height(), box.height() + 6))
        return size


class FindingsPanel(QWidget):
    findingActivated = Signal(str, str)  # section id, cell id ("" when none)

    def __init__(
        self, session: ReportSession, checker: LiveChecker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.checker = checker
        self._by_id: dict[str, Finding] = {}
        # a read-only window must not change the report (nor write its recovery journal)
        self.read_only = bool(session.store.read_only)
        self._folded: dict[str, bool] = {}
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.viewport().installEventFilter(self)
        self._wrap_width = 0
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.dismiss_button = QPushButton(self.tr("忽略此提醒…"), self)
        self.restore_button = QPushButton(self.tr("恢复提醒"), self)
        self.trust_computed_button = QPushButton(self.tr("以计算值为准"), self)
        self.trust_computed_button.setToolTip(
            self.tr("原文印的合计有误时，不再用它核对，以各格相加的结果为准（可撤销）。")
        )
        self.fill_zero_button = QPushButton(self.tr("空格填 0"), self)
        self.fill_zero_button.setToolTip(
            self.tr("把这条提醒标出的空格一次填为 0（没有发生的事项填 0）；可撤销。")
        )
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.fill_zero_button)
        buttons.addWidget(self.trust_computed_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self.tree.itemClicked.connect(self._activate)
        self.tree.itemActivated.connect(self._activate)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.itemExpanded.connect(lambda item: self._remember_fold(item, False))
        self.tree.itemCollapsed.connect(lambda item: self._remember_fold(item, True))
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.restore_button.clicked.connect(self.restore_current)
        self.fill_zero_button.clicked.connect(self.fill_zero_current)
        self.trust_computed_button.clicked.connect(self.trust_computed_current)
        checker.findingsChanged.connect(self._on_findings)
        session.changed.connect(self._on_session_changed)
        self._dismissed_seen = dict(session.report.dismissed)
        self.rebuild()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.tree.viewport():
            width = self.tree.viewport().width()
            if width != self._wrap_width:  # e.g. the dock was narrowed or a scroll bar came
                self._wrap_width = width
                QTimer.singleShot(0, self, self._rewrap)
        return super().eventFilter(watched, event)

    def _rewrap(self) -> None:
        """Lay the messages out again for the list's current width (rows as tall as they wrap)."""
        self.tree.doItemsLayout()

    def _on_findings(self, _findings: list[Finding]) -> None:
        self.rebuild()  # a bound method: disconnected by Qt when the panel is deleted

    def _on_session_changed(self) -> None:
        """A dismissal (or its undo) shows at once; other edits wait for the re-check."""
        if self.session.report.dismissed != self._dismissed_seen:
            self._dismissed_seen = dict(self.session.report.dismissed)
            self.rebuild()

    # --- reading --------------------------------------------------------------------------
    def groups(self) -> dict[str, list[Finding]]:
        """Findings by group: error, warning, pending and dismissed (warnings she accepted)."""
        report = self.session.report
        result: dict[str, list[Finding]] = {key: [] for key in GROUP_ORDER}
        for finding in self.checker.findings():
            if is_dismissed(finding, report):
                result[DISMISSED_GROUP].append(finding)
            else:
                result.setdefault(finding.level, []).append(finding)
        return result

    def current_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        finding_id = item.data(0, IdRole) if item is not None else None
        return self._by_id.get(finding_id) if finding_id else None

    def select_finding(self, finding_id: str) -> bool:
        for item in self._finding_items():
            if item.data(0, IdRole) == finding_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    # --- building -------------------------------------------------------------------------
    def rebuild(self) -> None:
        current = self.current_finding()
        groups = self.groups()
        self._by_id = {f.id: f for found in groups.values() for f in found}
        self.tree.clear()
        counts = {key: len(found) for key, found in groups.items()}
        assumed = count_assumed([f for key in (ERROR, WARNING) for f in groups.get(key, [])])
        self.summary.setText(self._summary_text(counts, assumed))
        if not any(counts[k] for k in (ERROR, WARNING, PENDING, DISMISSED_GROUP)):
            QTreeWidgetItem(self.tree, [self.tr("未发现问题。")])
        dismissed = self.session.report.dismissed
        for key in GROUP_ORDER:
            found = groups.get(key, [])
            if not found:
                continue
            title = self.tr("%1（%2）").replace("%1", self._group_title(key))
            group = QTreeWidgetItem(self.tree, [title.replace("%2", str(len(found)))])
            group.setData(0, Qt.ItemDataRole.UserRole, key)
            group.setIcon(0, self._icon(key))
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for finding in found:
                text = finding.message
                if key == DISMISSED_GROUP:
                    text += self.tr("\n理由：") + dismissed.get(finding.id, "")
                item = QTreeWidgetItem(group, [text])
                item.setData(0, IdRole, finding.id)
                item.setToolTip(0, f"{finding.level_label}：{text}\n（{finding.id}）")
            folded = self._folded.get(key, key == PENDING and len(found) > COLLAPSE_OVER)
            group.setExpanded(not folded)
        if current is not None:
            self.select_finding(current.id)
        self._update_buttons()

    def _summary_text(self, counts: dict[str, int], assumed: int = 0) -> str:
        text = self.tr("错误 %1　提醒 %2　待填 %3")
        text = text.replace("%1", str(counts[ERROR])).replace("%2", str(counts[WARNING]))
        text = text.replace("%3", str(counts[PENDING]))
        if counts[DISMISSED_GROUP]:
            text += self.tr("　已忽略 %1").replace("%1", str(counts[DISMISSED_GROUP]))
        if assumed:
            text += self.tr("\n其中 %1 项是按空格为 0 计算的").replace("%1", str(assumed))
        return text

    def _group_title(self, key: str) -> str:
        titles = {
            ERROR: self.tr("错误（必须改正）"),
            WARNING: self.tr("提醒（请核实）"),
            PENDING: self.tr("待填"),
            DISMISSED_GROUP: self.tr("已忽略的提醒"),
        }
        return titles.get(key, key)

    def _icon(self, key: str):
        icons = {
            ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
            WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
            PENDING: QStyle.StandardPixmap.SP_MessageBoxInformation,
            DISMISSED_GROUP: QStyle.StandardPixmap.SP_DialogApplyButton,
        }
        return self.style().standardIcon(icons[key])

    def _finding_items(self, group_key: str | None = None) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            if group is None:
                continue
            if group_key is not None and group.data(0, Qt.ItemDataRole.UserRole) != group_key:
                continue
            children = (group.child(i) for i in range(group.childCount()))
            items.extend(child for child in children if child is not None)
        return items

    def listed(self, group_key: str) -> list[tuple[str, str]]:
        """(finding id, text shown) of one group, as listed: for tests and the status bar."""
        return [(str(i.data(0, IdRole)), i.text(0)) for i in self._finding_items(group_key)]

    # --- actions --------------------------------------------------------------------------
    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = self._by_id.get(item.data(0, IdRole) or "")
        if finding is None:
            return
        cell = finding.cells[0] if finding.cells else ""
        section = finding.section or ""
        if not section and cell:
            section = self.session.section_of_cell(cell) or ""
        elif cell and self.session.section_of_cell(cell) not in (None, section):
            cell = ""  # about text that quotes a table (一、总体情况 vs 表三): go to the text
        self.findingActivated.emit(section, cell)

    def dismiss_current(self) -> None:
        if self.read_only:
            return
        finding = self.current_finding()
        if finding is None or not can_dismiss(finding):
            self._say(self.tr("只有「提醒」可以忽略；「错误」请改正数据。"))
            return
        if is_dismissed(finding, self.session.report):
            return
        note, ok = QInputDialog.getText(
            self,
            self.tr("忽略提醒"),
            self.tr("请写明不需要修改的理由（例如「本机关无规章制定权」）。\n理由会保存在报告里："),
        )
        if not ok:
            return
        if not note.strip():
            self._say(self.tr("没有填写理由，提醒未忽略。"))
            return
        self.session.dismiss(finding.id, note.strip())
        self._say(self.tr("已忽略这条提醒，可在「已忽略的提醒」中恢复。"))

    def restore_current(self) -> None:
        finding = self.current_finding()
        if self.read_only or finding is None:
            return
        if is_dismissed(finding, self.session.report):
            self.session.undismiss(finding.id)
            self._say(self.tr("已恢复这条提醒。"))

    def _update_buttons(self) -> None:
        finding = self.current_finding()
        dismissed = finding is not None and is_dismissed(finding, self.session.report)
        writable = not self.read_only
        self.dismiss_button.setEnabled(
            writable and finding is not None and can_dismiss(finding) and not dismissed
        )
        self.restore_button.setEnabled(writable and dismissed)
        self.fill_zero_button.setVisible(finding is not None and marks_blanks(finding))
        self.fill_zero_button.setEnabled(writable and bool(self._blanks_of(finding)))
        stated = finding is not None and stated_total_cell(finding) is not None
        self.trust_computed_button.setVisible(stated)
        self.trust_computed_button.setEnabled(writable and stated)
        if self.read_only:
            self.dismiss_button.setToolTip(self.tr("只读方式打开时不能忽略或恢复提醒。"))
        elif finding is not None and finding.level == ERROR:
            self.dismiss_button.setToolTip(self.tr("错误不能忽略，请改正表格或文字。"))
        else:
            self.dismiss_button.setToolTip(self.tr("写明理由后忽略这条提醒。"))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None or not item.data(0, IdRole):
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(self.tr("转到"), lambda: self._activate(item))
        if self.dismiss_button.isEnabled():
            menu.addAction(self.dismiss_button.text(), self.dismiss_current)
        if self.restore_button.isEnabled():
            menu.addAction(self.restore_button.text(), self.restore_current)
        if self.fill_zero_button.isVisible() and self.fill_zero_button.isEnabled():
            menu.addAction(self.fill_zero_button.text(), self.fill_zero_current)
        if self.trust_computed_button.isVisible() and self.trust_computed_button.isEnabled():
            menu.addAction(self.trust_computed_button.text(), self.trust_computed_current)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def fill_zero_current(self) -> None:
        """空格填 0 on the blanks the current completeness finding marks (one undo step)."""
        blanks = self._blanks_of(self.current_finding())
        if self.read_only or not blanks:
            return
        filled = self.session.fill_blanks_with_zero(cell_ids=blanks)
        self._say(
            self.tr("已把 %1 个空格填为 0；如有误可撤销（Ctrl+Z）。").replace("%1", str(filled))
        )

    def trust_computed_current(self) -> None:
        """以计算值为准: the printed total of the current finding is forgotten (one undo step)."""
        finding = self.current_finding()
        cell_id = stated_total_cell(finding) if finding is not None else None
        if self.read_only or cell_id is None:
            return
        self.session.trust_computed_total(cell_id)
        self._say(self.tr("已以各格相加的结果为准；如有误可撤销（Ctrl+Z）。"))

    def _blanks_of(self, finding: Finding | None) -> list[str]:
        if finding is None or not marks_blanks(finding):
            return []
        report = self.session.report
        return [c for c in finding.cells if report.cell(c) is None]

    def _remember_fold(self, item: QTreeWidgetItem, folded: bool) -> None:
        key = item.data(0, Qt.ItemDataRole.UserRole)
        if key:
            self._folded[str(key)] = folded

    def _say(self, text: str) -> None:
        self.status.setText(text)
