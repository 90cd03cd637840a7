"""One statistics table as the clerk knows it from the printout, editable cell by cell.

Four views share one ``TableGridModel``: the frozen corner, the frozen header rows, the frozen
label columns and the scrolling number area (Qt's "frozen column" idea, in both directions),
so section 三's 28 × 10 table stays usable on a 1366 × 768 screen. Two external scroll bars
drive all views, which keeps the frozen parts aligned pixel for pixel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollBar,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.tables.table_delegate import ENTER_DOWN, ENTER_FILL, CellDelegate
from gui.tables.table_geometry import (
    fit_widths,
    follow,
    minimum_widths,
    mirror,
    preferred_widths,
    row_heights,
)
from gui.tables.table_model import PasteResult, TableGridModel
from model.checks.engine import active
from model.findings import Finding
from model.formats import TableDef

if TYPE_CHECKING:
    from gui.editing.session import ReportSession

FRAME_EXTRA = 6  # px of the frame around the views


def is_single_value(text: str) -> bool:
    """Whether clipboard text is one cell's value (no tab, at most one line)."""
    return "\t" not in text and len(text.strip().splitlines()) <= 1


class GridView(QTableView):
    """A view over the table model; the main one handles keys, paste and the context menu."""

    message = Signal(str)  # a refused input: shown as a problem
    notice = Signal(str)  # what a paste did: shown plainly

    def __init__(self, model: TableGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid_model = model
        self.setModel(model)
        delegate = CellDelegate(self)
        delegate.enterPressed.connect(self._on_enter_in_editor)
        self.setItemDelegate(delegate)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrap(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setTabKeyNavigation(True)
        for cell in model.all_cells():
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self._refused_here = False
        model.inputRefused.connect(self._on_refused)

    # --- navigation as in Excel and WPS: Tab right, Enter down (input cells only) ------------
    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        if action in (
            QAbstractItemView.CursorAction.MoveNext,
            QAbstractItemView.CursorAction.MovePrevious,
        ):
            forward = action == QAbstractItemView.CursorAction.MoveNext
            return self.next_input(self.currentIndex(), forward)
        return super().moveCursor(action, modifiers)

    def input_below(self, index: QModelIndex, down: bool = True) -> QModelIndex:
        """The input cell under (or over) ``index`` in its column; past the end of a column,
        the top of the next column (or the bottom of the one before); stays put at the ends."""
        inputs = self.grid_model.input_indexes()
        if not index.isValid():
            return inputs[0] if inputs else index
        by_column = sorted(inputs, key=lambda i: (i.column(), i.row()))
        if not down:
            by_column.reverse()
        key = (index.column(), index.row())
        for candidate in by_column:
            pos = (candidate.column(), candidate.row())
            if (pos > key) if down else (pos < key):
                return candidate
        return index

    def next_input(self, index: QModelIndex, forward: bool = True) -> QModelIndex:
        """The next (or previous) input cell in reading order; stays put at either end."""
        inputs = self.grid_model.input_indexes()
        if not inputs:
            return index
        key = (index.row(), index.column()) if index.isValid() else (-1, -1)
        ordered = inputs if forward else list(reversed(inputs))
        for candidate in ordered:
            pos = (candidate.row(), candidate.column())
            if (pos > key) if forward else (pos < key):
                return candidate
        return index if index.isValid() else inputs[0]

    def _on_enter_in_editor(self, editor: QWidget, how: str) -> None:
        """Enter in a cell being edited: store what was typed, then go down / up; Ctrl+Enter
        puts it into every selected cell. A refused value keeps her in the cell."""
        if how == ENTER_FILL:
            text = editor.text() if isinstance(editor, QLineEdit) else ""
            targets = self.selected_inputs()
            self._refused_here = False
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._report(self.grid_model.fill(targets, text), filled_one_value=True)
            return
        self.commitData(editor)
        if self._refused_here:
            self._refused_here = False
            return  # the editor stays open with what she typed, and the hint says why
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.setCurrentIndex(self.input_below(self.currentIndex(), down=how == ENTER_DOWN))

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if self._refused_here and hint in (
            QAbstractItemDelegate.EndEditHint.EditNextItem,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem,
        ):
            # keep her in the cell with what she typed, so she can correct it
            self._refused_here = False
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.edit(self.currentIndex())
            return
        self._refused_here = False
        super().closeEditor(editor, hint)

    def _on_refused(self, cell_id: str, hint: str) -> None:
        self._refused_here = self.grid_model.index_of(cell_id) == self.currentIndex()
        self.message.emit(hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing:
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste_clipboard()
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_selection()
                return
            if event.matches(QKeySequence.StandardKey.Cut):
                self.cut_selection()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_selection()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                up = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.setCurrentIndex(self.input_below(self.currentIndex(), down=not up))
                return
        super().keyPressEvent(event)

    # --- actions -----------------------------------------------------------------------------
    def _add_fill_zero(self, menu: QMenu) -> None:
        """空格填 0 for the selected blanks and for the whole table (each one undo step)."""
        model = self.grid_model
        selected = [model.cell_for(i) for i in self.selected_inputs()]
        blanks = [c.cell_id for c in selected if c and c.cell_id and model.value(c.cell_id) is None]
        session, table_id = model.session, model.table.id
        writable = self.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
        menu.addAction(
            self.tr("选中的空格填 0"), lambda: session.fill_blanks_with_zero(cell_ids=blanks)
        ).setEnabled(writable and bool(blanks))
        menu.addAction(
            self.tr("本表空格填 0"), lambda: session.fill_blanks_with_zero(table_id=table_id)
        ).setEnabled(writable)

    def selected_inputs(self) -> list[QModelIndex]:
        indexes = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        return [i for i in indexes if i.isValid()]

    def can_edit(self) -> bool:
        """False in a read-only window (its views take no edits: nothing may change)."""
        return self.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers

    def clear_selection(self) -> None:
        if self.can_edit():
            self.grid_model.clear(self.selected_inputs())

    def mark_not_applicable(self) -> None:
        if self.can_edit():
            self.grid_model.mark_not_applicable(self.selected_inputs())

    def paste_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        start = self.currentIndex()
        if not start.isValid() or not text.strip() or not self.can_edit():
            return
        targets = self.selected_inputs()
        if len(targets) > 1 and is_single_value(text):
            # one value over a selection fills the selection, as in Excel
            self._report(self.grid_model.fill(targets, text.strip()))
            return
        self._report(self.grid_model.paste(start, text))

    def _report(self, result: PasteResult, filled_one_value: bool = False) -> None:
        """Say what a paste or fill did: plainly, or as a problem when cells refused."""
        if filled_one_value and not result.refused:
            if result.filled > 1:
                self.notice.emit(self.tr("已填入 %n 个单元格。", "", result.filled))
            return
        message = self.tr("已粘贴 %n 个单元格。", "", result.filled)
        if not result.refused:
            self.notice.emit(message)
            return
        where, why = result.refused[0]
        message += self.tr("有 %n 个未接受，例如%1：%2", "", len(result.refused))
        self.message.emit(message.replace("%1", where).replace("%2", why))

    def cut_selection(self) -> None:
        """Copy the selected cells, then clear those that can be typed into."""
        self.copy_selection()
        self.clear_selection()

    def select_all_inputs(self) -> None:
        self.selectAll()

    def copy_selection(self) -> None:
        indexes = self.selectionModel().selectedIndexes()
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        lines = []
        for r in rows:
            texts = [str(self.grid_model.data(self.grid_model.index(r, c)) or "") for c in cols]
            lines.append("\t".join(texts))
        QGuiApplication.clipboard().setText("\n".join(lines))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        editable_here = index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable
        if editable_here and not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        menu = QMenu(self)
        editable = any(i.flags() & Qt.ItemFlag.ItemIsEditable for i in self.selected_inputs())
        menu.addAction(self.tr("标记为不适用（打印为「/」）"), self.mark_not_applicable).setEnabled(
            editable
        )
        menu.addAction(self.tr("清空"), self.clear_selection).setEnabled(editable)
        self._add_fill_zero(menu)
        menu.addSeparator()
        keys = QKeySequence.StandardKey
        for text, slot, key, enabled in (
            (self.tr("剪切"), self.cut_selection, keys.Cut, editable),
            (self.tr("复制"), self.copy_selection, keys.Copy, True),
            (self.tr("粘贴"), self.paste_clipboard, keys.Paste, editable),
            (self.tr("全选"), self.select_all_inputs, keys.SelectAll, True),
        ):
            action = menu.addAction(text, slot)
            action.setShortcut(QKeySequence(key))  # shown as a reminder; the keys act anyway
            action.setEnabled(enabled)
        menu.exec(event.globalPos())


class TableEditor(QWidget):
    """The table of one section: frozen header and label columns, a line for hints."""

    message = Signal(str)  # hints and paste reports, also for the status bar

    def __init__(
        self, table: TableDef, session: ReportSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.session = session
        self.model = TableGridModel(table, session, self)
        self.frozen_rows = table.header_rows
        self.frozen_cols = self.model.label_columns()
        self.view = GridView(self.model, self)
        self.corner = GridView(self.model, self)
        self.top = GridView(self.model, self)
        self.left = GridView(self.model, self)
        for view in (self.corner, self.top, self.left):
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.vbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.hbar = QScrollBar(Qt.Orientation.Horizontal, self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self._hint_is_problem = False
        self._build_layout()
        self._value_cols = {c.col for c in self.model.all_cells() if c.is_value}
        self._preferred = preferred_widths(self.font(), self.table.widths, self._value_cols)
        self._minimum = minimum_widths(self.font(), self.model, self._value_cols, self._preferred)
        self._widths: list[int] = []
        self._apply_geometry(self._preferred)
        self._preferred_size = self._content_size
        self._link_scrolling()
        self.view.message.connect(self._show_message)
        self.view.notice.connect(lambda text: self._show_message(text, problem=False))
        self.model.inputConverted.connect(
            lambda _cell, note: self._show_message(note, problem=False)
        )
        self.left.clicked.connect(self._jump_to_row)
        session.cellsChanged.connect(self._on_cells_changed)
        session.historyApplied.connect(self._on_history_applied)

    # --- public API (the editor, the findings panel and the window call these) ---------------
    def refresh(self) -> None:
        self.model.refresh()

    def focus_cell(self, cell_id: str) -> bool:
        index = self.model.index_of(cell_id)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _on_cells_changed(self, _cell_ids: list[str]) -> None:
        self.refresh()  # a bound method, so Qt disconnects it when the editor is deleted
        if self.hint.isVisible():  # a value was accepted since: the old notice is stale
            self._show_message("", problem=False)

    def _on_history_applied(self, _section_id: str) -> None:
        """After undo or redo, what was refused before no longer applies."""
        self.model.clear_refusals()
        if self.hint.isVisible():
            self._show_message("", problem=False)

    def set_findings(self, findings: list[Finding]) -> None:
        """Mark the cells of the findings still active (dismissed warnings are not marked)."""
        self.model.set_findings(active(findings, self.session.report))

    # --- layout ---------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        frame = self.frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.Box)
        frame.setStyleSheet("QFrame { border: 1px solid #9aa4b1; } QTableView { border: 0; }")
        grid = QGridLayout(frame)
        grid.setContentsMargins(1, 1, 1, 1)
        grid.setSpacing(0)
        grid.addWidget(self.corner, 0, 0)
        grid.addWidget(self.top, 0, 1)
        grid.addWidget(self.left, 1, 0)
        grid.addWidget(self.view, 1, 1)
        grid.addWidget(self.vbar, 1, 2)
        grid.addWidget(self.hbar, 2, 1)
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(1, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addWidget(frame, 1)
        outer.addWidget(self.hint)
        outer.addStretch(0)  # a short table stays at the top instead of floating mid-way
        self.hint.hide()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _apply_geometry(self, widths: list[int]) -> None:
        rows, cols = self.model.rowCount(), self.model.columnCount()
        self._widths = widths
        heights = row_heights(self.font(), self.model, widths)
        fr, fc = self.frozen_rows, self.frozen_cols
        for view in (self.view, self.corner, self.top, self.left):
            for c in range(cols):
                view.setColumnWidth(c, widths[c])
            for r in range(rows):
                view.setRowHeight(r, heights[r])
        regions = {
            self.corner: (range(fr), range(fc)),
            self.top: (range(fr), range(fc, cols)),
            self.left: (range(fr, rows), range(fc)),
            self.view: (range(fr, rows), range(fc, cols)),
        }
        for view, (shown_rows, shown_cols) in regions.items():
            for r in range(rows):
                view.setRowHidden(r, r not in shown_rows)
            for c in range(cols):
                view.setColumnHidden(c, c not in shown_cols)
        label_width = sum(widths[:fc])
        header_height = sum(heights[:fr])
        self.corner.setFixedSize(label_width, header_height)
        self.left.setFixedWidth(label_width)
        self.top.setFixedHeight(header_height)
        self.corner.setVisible(fr > 0 and fc > 0)
        self.top.setVisible(fr > 0)
        self.left.setVisible(fc > 0)
        self._content_size = (sum(widths), sum(heights))
        self._trim_frame()
        body_floor = min(sum(heights[fr:]), 3 * max(heights[fr:], default=24))
        self.view.setMinimumHeight(body_floor)  # not Qt's default, taller than table 四's body
        self.left.setMinimumHeight(body_floor)

    def _trim_frame(self) -> None:
        """No empty band right of or below the table when the window is larger than it."""
        width, height = self._content_size
        bar_width = self.vbar.sizeHint().width() if not self.vbar.isHidden() else 0
        bar_height = self.hbar.sizeHint().height() if not self.hbar.isHidden() else 0
        self.frame.setMaximumWidth(width + bar_width + FRAME_EXTRA)
        self.frame.setMaximumHeight(height + bar_height + FRAME_EXTRA)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_to_width()

    def _fit_to_width(self) -> None:
        """Narrow the columns (long labels first, then numbers) so no sideways scrolling is
        needed; below the minimum widths the horizontal scroll bar takes over."""
        available = self.width() - self.vbar.sizeHint().width() - FRAME_EXTRA
        widths = fit_widths(self._preferred, self._minimum, self._value_cols, available)
        if widths != self._widths:
            self._apply_geometry(widths)

    def sizeHint(self):
        size = super().sizeHint()
        width, height = self._preferred_size
        size.setWidth(width + self.vbar.sizeHint().width() + 4)
        size.setHeight(min(height, 900) + 8)
        return size

    def minimumSizeHint(self):
        size = super().minimumSizeHint()
        header = sum(self.top.rowHeight(r) for r in range(self.frozen_rows))
        size.setHeight(header + 4 * self.fontMetrics().height() * 2)
        size.setWidth(min(self._preferred_size[0], 420))
        return size

    # --- scrolling ---------------------------------------------------------------------------
    def _link_scrolling(self) -> None:
        mirror(self.view.verticalScrollBar(), self.vbar)
        mirror(self.view.horizontalScrollBar(), self.hbar)
        follow(self.view.verticalScrollBar(), self.left.verticalScrollBar())
        follow(self.view.horizontalScrollBar(), self.top.horizontalScrollBar())
        for bar in (self.view.verticalScrollBar(), self.view.horizontalScrollBar()):
            bar.rangeChanged.connect(self._on_range_changed)
        self._trim_frame()

    def _on_range_changed(self, _low: int, _high: int) -> None:
        self._trim_frame()  # a bound method: disconnected by Qt when the editor is deleted

    def _jump_to_row(self, index: QModelIndex) -> None:
        for candidate in self.model.input_indexes():
            if candidate.row() == index.row():
                self.view.setCurrentIndex(candidate)
                self.view.setFocus(Qt.FocusReason.MouseFocusReason)
                return

    def _show_message(self, text: str, problem: bool = True) -> None:
        self._hint_is_problem = bool(text) and problem
        self.hint.setStyleSheet("color: #8a1c1c;" if problem else "color: #444;")
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        self.message.emit(text)
