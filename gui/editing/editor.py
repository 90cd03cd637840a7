"""The report editor: 基本信息 and one tab per section, generated from the format.

The tabs run down the left side with their full headings (long Chinese headings do not fit
side by side), each with a mark: not yet filled, filled, has a warning, has an error.
Edits go through the session; after undo/redo the widgets reload the model's values and
the tab that changed comes to the front. Switching tabs saves at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFocusEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.editing import find as finding_text
from gui.editing.basic_info_tab import BasicInfoTab
from gui.editing.section_menu import UNREVIEWED_SUFFIX, SectionMenu
from gui.editing.session import BASIC, ReportSession
from gui.editing.text_section import SectionTab
from gui.editing.unplaced_tab import UNPLACED, UnplacedTab
from gui.keys import redo_shortcuts
from model.checks.engine import active
from model.findings import ERROR, WARNING, Finding

EMPTY = "empty"
FILLED = "filled"

_MARK_COLORS = {
    EMPTY: "#b0b0b0",
    FILLED: "#2e7d32",
    WARNING: "#e08a00",
    ERROR: "#c62828",
}


def _mark_icon(state: str) -> QIcon:
    size = 14
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(_MARK_COLORS[state])
    if state == EMPTY:
        painter.setPen(QPen(color, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.end()
    return QIcon(pixmap)


class SideTabBar(QTabBar):
    """Tabs down the left with horizontal, wrapped headings and a status mark.

    It takes the focus like a list: Up/Down (and Left/Right) move between sections, Home/End
    go to the first and last; the focused section is framed.
    """

    TAB_WIDTH = 236
    PAD = 10
    ICON = 14

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("报告各部分"))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # show the focus frame

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Right: 1,
        }
        key = Qt.Key(event.key())
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
        elif key in steps:
            target = self.currentIndex() + steps[key]
            if 0 <= target < self.count():
                self.setCurrentIndex(target)
        elif key == Qt.Key.Key_Home:
            self.setCurrentIndex(0)
        elif key == Qt.Key.Key_End:
            self.setCurrentIndex(self.count() - 1)
        else:
            super().keyPressEvent(event)

    def tabSizeHint(self, index: int) -> QSize:
        width = self.TAB_WIDTH - 3 * self.PAD - self.ICON
        bounds = self.fontMetrics().boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, self.tabText(index)
        )
        return QSize(self.TAB_WIDTH, max(bounds.height() + 2 * self.PAD, 38))

    def minimumTabSizeHint(self, index: int) -> QSize:
        return self.tabSizeHint(index)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.window())
        for index in range(self.count()):
            rect = self.tabRect(index)
            selected = index == self.currentIndex()
            if selected:
                painter.fillRect(rect, palette.base())
                painter.fillRect(
                    QRect(rect.left(), rect.top(), 3, rect.height()), palette.highlight()
                )
            painter.setPen(QColor("#e2e2e2"))
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
            icon = self.tabIcon(index)
            icon_rect = QRect(
                rect.left() + self.PAD,
                rect.center().y() - self.ICON // 2,
                self.ICON,
                self.ICON,
            )
            if not icon.isNull():
                icon.paint(painter, icon_rect)
            text_rect = rect.adjusted(2 * self.PAD + self.ICON, 0, -self.PAD, 0)
            font = painter.font()
            font.setBold(selected)
            painter.setFont(font)
            painter.setPen(palette.windowText().color())
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                self.tabText(index),
            )
            if selected and self.hasFocus():
                # the keyboard is here: frame the section the arrow keys move from
                painter.setPen(QPen(palette.highlight().color(), 2, Qt.PenStyle.DotLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect.adjusted(5, 3, -3, -3))
        painter.end()


class ReportEditor(QWidget):
    """基本信息 + one tab per section of ``session.fmt``."""

    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tabs = QTabWidget()
        self.tabs.setTabBar(SideTabBar())
        self.tabs.setTabPosition(QTabWidget.TabPosition.West)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.basic = BasicInfoTab(session)
        self.tabs.addTab(self.basic, self.tr("基本信息"))
        self.section_tabs: dict[str, SectionTab] = {}
        self.unplaced_tab: UnplacedTab | None = None
        self._add_section_tabs()
        self._section_menu = SectionMenu(self, session)
        bar = self.tabs.tabBar()
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        bar.customContextMenuRequested.connect(self._show_section_menu)
        session.sectionsChanged.connect(self.rebuild_sections)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self._findings: list[Finding] = []
        self._last_find: tuple[int, int] | None = None
        self._marks: dict[str, QIcon] = {state: _mark_icon(state) for state in _MARK_COLORS}
        self._states: dict[str, str] = {}
        self._copied: dict[str, bool] = {}  # whether the tab shows 未复核
        session.sectionChanged.connect(self._on_section_changed)
        session.historyApplied.connect(self._on_history_applied)
        self.tabs.currentChanged.connect(self._on_tab_switched)
        for section_id in [BASIC, *self.section_tabs]:
            self._update_mark(section_id)

    # --- contract ---------------------------------------------------------------------------
    def show_section(self, section_id: str) -> None:
        """Bring 基本信息 (``"basic"``) or a section to the front."""
        tab = self._tab(section_id)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)

    def show_cell(self, cell_id: str) -> bool:
        section_id = self.session.section_of_cell(cell_id)
        if section_id is None:
            return False
        self.show_section(section_id)
        return self.section_tabs[section_id].focus_cell(cell_id)

    def set_findings(self, findings: list[Finding]) -> None:
        """Mark the tabs and pass each table its findings."""
        self._findings = list(findings)
        for section_id, tab in self.section_tabs.items():
            tab.set_findings(self._findings_for(section_id))
        for section_id in [BASIC, *self.section_tabs]:
            self._update_mark(section_id)

    def step_section(self, step: int) -> None:
        """Go to the next (``1``) or previous (``-1``) part in the list, wrapping around; the
        keyboard follows when it was in the part left behind."""
        count = self.tabs.count()
        if not count:
            return
        old = self.tabs.currentWidget()
        focus = QApplication.focusWidget()
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)
        if focus is None or (old is not None and old.isAncestorOf(focus)):
            self.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)

    def current_section_id(self) -> str | None:
        """The section shown, or None while 基本信息 is shown."""
        current = self.tabs.currentWidget()
        for section_id, tab in self.section_tabs.items():
            if tab is current:
                return section_id
        return None

    def select_phrase(self, section_id: str, phrase: str) -> bool:
        """Show ``section_id`` and select the first ``phrase`` in its text fields."""
        tab = self._tab(section_id)
        if tab is None or not phrase:
            return False
        for widget, value in tab.text_targets():  # type: ignore[attr-defined]
            found = value.find(phrase)
            if found < 0:
                continue
            self.tabs.setCurrentWidget(tab)
            self._select(widget, value, found, found + len(phrase))
            return True
        return False

    def go_to_finding(self, section_id: str, cell_id: str, finding: Finding | None = None) -> None:
        """Show the cell a finding names, else its section with the text focused; for a
        ``finding`` about a text, select the phrase it quotes (none when unsure)."""
        if not (cell_id and self.show_cell(cell_id)) and section_id:
            self.show_section(section_id)
            tab = self.section_tabs.get(section_id)
            if tab is not None:
                tab.edit.setFocus()  # she can read and correct the text at once
        if finding is None or cell_id or not section_id:
            return
        from model.finding_places import phrase_in_text

        headings = [s.heading for s in self.session.fmt.sections]
        phrase = phrase_in_text(finding, self.text_of(section_id), skip=headings)
        if phrase:
            self.select_phrase(section_id, phrase)

    def text_of(self, section_id: str) -> list[str]:
        """The texts of a tab's fields (基本信息's lines, or a section's paragraphs)."""
        tab = self._tab(section_id)
        return [value for _w, value in tab.text_targets()] if tab is not None else []  # type: ignore[attr-defined]

    def _select(self, widget: QWidget, value: str, begin: int, end: int) -> None:
        """Focus ``widget`` and select ``value[begin:end]`` (Python indexes, Qt counts UTF-16)."""
        start = finding_text.to_utf16(value, begin)
        stop = finding_text.to_utf16(value, end)
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.setSelection(start, stop - start)
        elif isinstance(widget, QPlainTextEdit):
            cursor = widget.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(stop, cursor.MoveMode.KeepAnchor)
            widget.setTextCursor(cursor)
            widget.ensureCursorVisible()

    def find_next(self, text: str) -> bool:
        """Select the next occurrence of ``text`` in the text fields (wraps around)."""
        targets = self._text_targets()
        fields = [t for _, _, t in targets]
        after = self._last_find
        if after is None or after[0] >= len(fields):
            current = self.tabs.currentIndex()
            first = next((i for i, (tab, _, _) in enumerate(targets) if tab == current), 0)
            after = (first, 0)
        match = finding_text.find_next(fields, text, after)
        if match is None:
            return False
        tab_index, widget, value = targets[match.field]
        self.tabs.setCurrentIndex(tab_index)
        self._select(widget, value, match.start, match.end)
        self._last_find = (match.field, match.end)
        return True

    def rebuild_sections(self) -> None:
        """A free-format report's sections changed: the tabs follow, in their new order."""
        current = self.current_section_id()
        for tab in self.section_tabs.values():
            self.tabs.removeTab(self.tabs.indexOf(tab))
            tab.deleteLater()
        self.section_tabs = {}
        self._states = {}
        self._copied = {}
        self._add_section_tabs()
        for section_id in [BASIC, *self.section_tabs]:
            self._update_mark(section_id)
        if current is not None:
            self.show_section(current)

    def _add_section_tabs(self) -> None:
        for section in self.session.fmt.sections:
            tab = SectionTab(section, self.session)
            self.section_tabs[section.id] = tab
            self.tabs.addTab(tab, section.heading)
        if self.unplaced_tab is not None:
            self.tabs.removeTab(self.tabs.indexOf(self.unplaced_tab))
            self.unplaced_tab.deleteLater()
            self.unplaced_tab = None
        if self.session.report.unplaced:  # what an import could not place, to copy from
            self._add_unplaced_tab()

    def _add_unplaced_tab(self) -> None:
        self.unplaced_tab = UnplacedTab(self.session)
        self.tabs.addTab(self.unplaced_tab, self.tr("未归类内容"))

    def _show_section_menu(self, pos: QPoint) -> None:
        bar = self.tabs.tabBar()
        index = bar.tabAt(pos)
        widget = self.tabs.widget(index) if index >= 0 else None
        section_id = next((s for s, t in self.section_tabs.items() if t is widget), None)
        if widget is self.basic:
            section_id = "meta"
        self._section_menu.show(section_id, bar.mapToGlobal(pos))

    # --- extras -----------------------------------------------------------------------------
    def tab_state(self, section_id: str) -> str:
        """ "empty", "filled", "warning" or "error": the mark on a tab."""
        return self._states.get(section_id, EMPTY)

    def add_history_shortcuts(self) -> tuple[QAction, QAction]:
        """撤销/重做 actions with Ctrl+Z / Ctrl+Y on this widget, for use without the main
        window (the main window has its own, from a QUndoGroup; do not add both)."""
        stack = self.session.undo_stack
        undo = stack.createUndoAction(self, self.tr("撤销"))
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        redo = stack.createRedoAction(self, self.tr("重做"))
        redo.setShortcuts(redo_shortcuts())
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self._history_actions = (undo, redo)  # keep the Python wrappers (and actions) alive
        return undo, redo

    # --- internals --------------------------------------------------------------------------
    def _tab(self, section_id: str) -> QWidget | None:
        if section_id == BASIC:
            return self.basic
        if section_id == UNPLACED:
            return self.unplaced_tab
        return self.section_tabs.get(section_id)

    def _on_section_changed(self, section_id: str) -> None:
        if section_id == BASIC:
            self.basic.refresh()
        elif section_id == UNPLACED:
            self._follow_unplaced()
            return  # 未归类内容 is not checked: no mark on its tab
        elif section_id in self.section_tabs:
            self.section_tabs[section_id].binder.load()
        self._update_mark(section_id)

    def _follow_unplaced(self) -> None:
        """未归类内容 changed: its tab shows the text, and appears when text arrives (a
        removed section, an undo). Emptied by the clerk, it stays until the report is
        opened again, so what she is typing in never vanishes."""
        if self.unplaced_tab is not None:
            self.unplaced_tab.refresh()
        elif self.session.report.unplaced:
            self._add_unplaced_tab()

    def _on_history_applied(self, section_id: str) -> None:
        tab = self._tab(section_id)
        if isinstance(tab, SectionTab):
            tab.refresh()
        self.show_section(section_id)

    def _on_tab_switched(self, _index: int) -> None:
        self._last_find = None
        self.session.save_now()

    def _findings_for(self, section_id: str) -> list[Finding]:
        tab = self.section_tabs.get(section_id)
        table = self.session.fmt.table_for(tab.section) if tab is not None else None
        cells = {c.cell_id for c in table.value_cells()} if table is not None else set()
        return [f for f in self._findings if f.section == section_id or cells & set(f.cells)]

    def _update_mark(self, section_id: str) -> None:
        tab = self._tab(section_id)
        if tab is None:
            return
        if section_id == BASIC:
            relevant = [f for f in self._findings if f.section == BASIC]
        else:
            relevant = self._findings_for(section_id)
        findings = active(relevant, self.session.report)
        levels = {f.level for f in findings}
        if ERROR in levels:
            state, tip = ERROR, self.tr("本节有需要改正的错误")
        elif WARNING in levels:
            state, tip = WARNING, self.tr("本节有需要核实的提醒")
        elif tab.is_empty():  # type: ignore[attr-defined]
            state, tip = EMPTY, self.tr("本节尚未填写")
        else:
            state, tip = FILLED, self.tr("本节已填写")
        part = "meta" if section_id == BASIC else section_id
        unreviewed = part in self.session.report.unreviewed
        if unreviewed:
            tip += self.tr("；从上年报告复制，尚未复核（修改后或右键「标为已复核」）")
        if self._states.get(section_id) == state and self._copied.get(section_id) == unreviewed:
            return
        self._states[section_id] = state
        self._copied[section_id] = unreviewed
        index = self.tabs.indexOf(tab)
        self.tabs.setTabIcon(index, self._marks[state])
        self.tabs.setTabToolTip(index, tip)
        name = (
            self.tr("基本信息")
            if section_id == BASIC
            else self.section_tabs[section_id].section.heading
        )
        mark = QCoreApplication.translate("SectionMenu", UNREVIEWED_SUFFIX) if unreviewed else ""
        self.tabs.setTabText(index, name + mark)

    def _text_targets(self) -> list[tuple[int, QWidget, str]]:
        targets: list[tuple[int, QWidget, str]] = []
        index = self.tabs.indexOf(self.basic)
        targets += [(index, w, t) for w, t in self.basic.text_targets()]
        for tab in self.section_tabs.values():
            index = self.tabs.indexOf(tab)
            targets += [(index, w, t) for w, t in tab.text_targets()]
        return targets
