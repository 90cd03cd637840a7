"""One section tab: what the section should cover, the optional table, the paragraphs.

The statistics table (the costly part: four views over a model of a few hundred cells) is
built when the tab is first shown or first asked for (``table_editor``), so that opening a
report builds only what the clerk sees; the paragraphs are built at once (cheap, and the
search, the tab marks and the tests reach them directly).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from gui.editing.paragraph_edit import ParagraphBinder, ParagraphEdit, character_count
from gui.editing.session import ReportSession
from gui.tables.table_editor import TableEditor
from model.findings import Finding
from model.formats import SectionDef

log = logging.getLogger(__name__)


class SectionTab(QWidget):
    """A section: hint above, statistics table (if any), then one paragraph per line."""

    changed = Signal()

    def __init__(
        self, section: SectionDef, session: ReportSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.section = section
        self.session = session
        self.hint = QLabel(self.tr("本节写什么：") + (section.hint or section.heading))
        self.hint.setWordWrap(True)
        self.hint.setObjectName("sectionHint")
        self.hint.setStyleSheet("color: #555;")
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit = ParagraphEdit()
        self.edit.setAccessibleName(section.heading)  # screen readers name the box by its section
        self.edit.setAccessibleDescription(section.hint)
        empty_text = session.fmt.empty_section_text
        self.edit.setPlaceholderText(
            self.tr("在此填写本节内容，每行一段。")
            + "\n"
            + self.tr("本节没有内容时可以留空，打印时显示「%1」。").replace("%1", empty_text)
        )
        self.word_count = QLabel()
        self.word_count.setObjectName("wordCount")
        self.word_count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.word_count.setStyleSheet("color: #666; font-size: 12px;")
        self._table_def = session.fmt.table_for(section)
        self._table_editor: TableEditor | None = None
        self._table_holder: QWidget | None = None
        self._pending_findings: list[Finding] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 8)
        layout.setSpacing(6)
        layout.addWidget(self.hint)
        text_box = QWidget()
        text_layout = QVBoxLayout(text_box)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.setSpacing(4)
        if self._table_def is not None:
            caption = QLabel(self.tr("说明文字（可不填）"))
            caption.setStyleSheet("color: #555;")
            text_layout.addWidget(caption)
        text_layout.addWidget(self.edit, 1)
        text_layout.addWidget(self.word_count)
        self._splitter: QSplitter | None = None
        self._split_sized = False
        if self._table_def is not None:
            splitter = self._splitter = QSplitter(Qt.Orientation.Vertical)
            splitter.setChildrenCollapsible(False)
            self._table_holder = QWidget()
            holder_layout = QVBoxLayout(self._table_holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            splitter.addWidget(self._table_holder)
            splitter.addWidget(text_box)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 1)
            layout.addWidget(splitter, 1)
        else:
            layout.addWidget(text_box, 1)

        sid = section.id
        self.binder = ParagraphBinder(
            self.edit,
            lambda: session.report.paragraphs(sid),
            lambda paragraphs: session.set_paragraphs(sid, paragraphs),
        )
        self.edit.pasting.connect(session.separate_next_edit)
        self.binder.changed.connect(self._update_count)
        self.binder.changed.connect(self.changed)
        self._update_count()

    @property
    def table_editor(self) -> TableEditor | None:
        """The table's editor (built now if it was not yet), or None for a text section."""
        if self._table_editor is None and self._table_holder is not None:
            self._build_table()
        return self._table_editor

    def setVisible(self, visible: bool) -> None:
        if visible and self._table_editor is None and self._table_holder is not None:
            self._build_table()  # before the tab appears: no empty frame is ever painted
        super().setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_sized:
            self._size_split()

    def _size_split(self) -> None:
        """Give the table the height it wants (the text box keeps at least a few lines).

        Done when the tab is first shown: a splitter sized while hidden (or before the table
        was built) would otherwise keep a squashed table.
        """
        if self._splitter is None or self._table_editor is None:
            return
        total = sum(self._splitter.sizes())
        if total <= 0 or not self.isVisible():
            return
        text_min = 4 * self.edit.fontMetrics().lineSpacing() + 40
        table = min(self._table_editor.sizeHint().height(), max(total - text_min, total // 2))
        self._splitter.setSizes([table, total - table])
        self._split_sized = True

    def refresh(self) -> None:
        """Show the model's paragraphs and cells (after undo/redo); pushes nothing."""
        self.binder.load()
        if self._table_editor is not None:  # a table not built yet shows the model when built
            self._table_editor.refresh()

    def is_empty(self) -> bool:
        if self.session.report.paragraphs(self.section.id):
            return False
        table = self._table_def
        if table is None:
            return True
        cells = self.session.report.cells
        return not any(c.cell_id in cells for c in table.input_cells())

    def set_findings(self, findings: list[Finding]) -> None:
        if self._table_editor is None:
            self._pending_findings = list(findings)  # handed over when the table is built
        else:
            self._table_editor.set_findings(findings)

    def focus_cell(self, cell_id: str) -> bool:
        editor = self.table_editor
        return editor is not None and editor.focus_cell(cell_id)

    def _build_table(self) -> None:
        assert self._table_holder is not None and self._table_def is not None
        editor = self._table_editor = TableEditor(self._table_def, self.session)
        layout = self._table_holder.layout()
        assert layout is not None
        layout.addWidget(editor)
        if self.session.store.read_only:
            _lock_inputs(editor)  # the window locked the widgets it found when it opened
        # built after the findings panel: put its cells before the notes in the Tab order,
        # so Tab from the section list reaches the table first
        before = self.edit.previousInFocusChain()
        if before is not None and before is not editor.view:
            QWidget.setTabOrder(before, editor.view)
            QWidget.setTabOrder(editor.view, self.edit)
        if self._pending_findings:
            editor.set_findings(self._pending_findings)
        self._pending_findings = []
        editor.show()
        self._size_split()

    def text_targets(self) -> list[tuple[QWidget, str]]:
        return [(self.edit, self.edit.toPlainText())]

    def _update_count(self) -> None:
        count = character_count(self.binder.paragraphs())
        self.word_count.setText(self.tr("字数：%1").replace("%1", str(count)))


def _lock_inputs(widget: QWidget) -> None:
    """No editing in a table built after the window made everything read-only."""
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QAbstractItemView):
            child.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        elif isinstance(child, QLineEdit):
            child.setReadOnly(True)
