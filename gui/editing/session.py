"""One open report: the document, its format, undo history, autosave and crash recovery.

Every edit goes through a method here that pushes an undo command (gui/undo_commands.py);
the command calls the ``Report`` setter. After any change (also by undo/redo) the session
marks itself dirty, writes the recovery journal soon (throttled, ~200 ms) and saves to the
store about a second after the last edit. A failed save keeps everything in memory and in
the journal, tells the clerk through ``saveFailed`` and is retried on the next change.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTime, QTimer, Signal
from PySide6.QtGui import QUndoStack

from gui.editing.undo_commands import (
    AGENCY,
    CELL,
    DISMISSED,
    META,
    OWN_SECTIONS,
    PREAMBLE,
    SECTION,
    STATED,
    UNPLACED,
    YEAR,
    EditCommand,
    FieldChange,
    FieldRef,
)
from model.basic_info import LABELS, TRANSLATION_CONTEXT, followed_title
from model.cells import blank_inputs
from model.errors import NianbaoError
from model.files.os_errors import chinese_reason
from model.files.text_safety import replaced_message, safe_value
from model.formats import Format
from model.report import CellValue, Report, timestamp_of
from model.sections import format_of
from model.store.recovery import RecoveryJournal
from model.store.report_store import ReportStore
from model.store.storage import unsaveable_reason

log = logging.getLogger(__name__)

BASIC = "basic"
"""Section id used in signals for the 基本信息 tab."""

SAVE_DELAY_MS = 800  # autosave this long after the last edit
SAVE_MAX_DELAY_S = 5.0  # but never postpone a save longer than this while she keeps typing
JOURNAL_DELAY_MS = 200  # the recovery journal is written at most this long after a change

translate = QCoreApplication.translate

# marked for translation here, translated where shown (QT_TRANSLATE_NOOP returns the text)
RECOVERED_MESSAGE = str(
    QT_TRANSLATE_NOOP("ReportSession", "上次程序意外关闭，已恢复未保存的修改。")
)


class Journal(Protocol):
    def write(self, report: Report) -> object: ...
    def clear(self, report_id: str) -> None: ...
    def journaled(self, report_id: str) -> Report | None: ...


def open_journal(store: ReportStore) -> Journal | None:
    """The store's recovery journal (model/recovery.py); None when the store is read-only
    (the journal belongs to the window that writes the store) or the journal is unusable."""
    if store.read_only:
        return None
    try:
        journal: Journal = RecoveryJournal(store.path)
    except (NianbaoError, OSError) as exc:
        log.warning("recovery journal unavailable: %s", exc)
        return None
    return journal


class ReportSession(QObject):
    changed = Signal()
    cellsChanged = Signal(list)
    sectionChanged = Signal(str)
    saved = Signal(str)
    saveFailed = Signal(str)
    historyApplied = Signal(str)
    """An undo or redo changed this section (or ``"basic"``): the editor brings it forward."""
    recovered = Signal(str)
    notice = Signal(str)  # something the clerk should know about an edit (status bar)
    sectionsChanged = Signal()  # a free-format report's sections were added, renamed, …
    """Emitted once, just after construction, when unsaved edits were restored."""

    def __init__(
        self,
        store: ReportStore,
        report: Report,
        parent: QObject | None = None,
        *,
        journal: Journal | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.report = report
        self.fmt: Format = format_of(report)  # a free-format report's own sections
        self.undo_stack = QUndoStack(self)
        # a read-only window never journals: recovery/<id>.json is the writing window's
        self._journal: Journal | None = None
        if not store.read_only:
            self._journal = journal if journal is not None else open_journal(store)
        self._dirty = False
        self._closed = False
        self._separate_next = False
        self._journal_dirty = False
        self._pending_since: float | None = None
        self._previous: tuple[tuple[str, int | None], Report | None] | None = None
        self._cell_sections = {
            cell_id: s.id
            for s in self.fmt.sections
            if (table := self.fmt.table_for(s)) is not None
            for cell_id in (c.cell_id for c in table.value_cells())
            if cell_id
        }
        self.last_error = ""
        self.last_saved = ""

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._autosave)
        self._journal_timer = QTimer(self)
        self._journal_timer.setSingleShot(True)
        self._journal_timer.setInterval(JOURNAL_DELAY_MS)
        self._journal_timer.timeout.connect(self.flush_journal)

        self.recovered_from_crash = self._restore_from_journal()
        if self.recovered_from_crash:
            QTimer.singleShot(0, self, lambda: self.recovered.emit(self.tr(RECOVERED_MESSAGE)))

    # --- edits (each one undo step; equal values push nothing) ------------------------------
    def set_agency(self, agency: str) -> None:
        changes = [FieldChange(FieldRef(AGENCY), self.report.agency, agency)]
        self._follow_title(changes, agency, self.report.year)
        self._push(changes, self.tr("修改机关名称"), mergeable=True)

    def set_year(self, year: int | None) -> None:
        changes = [FieldChange(FieldRef(YEAR), self.report.year, year)]
        self._follow_title(changes, self.report.agency, year)
        self._push(changes, self.tr("修改年度"), mergeable=True)

    def set_meta(self, key: str, value: str) -> None:
        name = translate(TRANSLATION_CONTEXT, LABELS.get(key, key))
        self._push(
            [FieldChange(FieldRef(META, key), self.report.meta_value(key), value)],
            self.tr("修改") + name,
            mergeable=True,
        )
        self.mark_reviewed("meta")

    def set_preamble(self, paragraphs: list[str]) -> None:
        change = FieldChange(FieldRef(PREAMBLE), list(self.report.preamble), list(paragraphs))
        self._push([change], self.tr("修改前言"), mergeable=True)
        self.mark_reviewed("preamble")

    def set_paragraphs(self, section_id: str, paragraphs: list[str]) -> None:
        old = self.report.paragraphs(section_id)
        change = FieldChange(FieldRef(SECTION, section_id), old, list(paragraphs))
        number = self._number(section_id)
        text = self.tr("修改第%1部分").replace("%1", number) if number else self.tr("修改正文")
        self._push([change], text, mergeable=True)
        self.mark_reviewed(section_id)

    def mark_reviewed(self, part: str) -> None:
        """未复核 ends when the clerk edits a copied part or confirms it."""
        if part in self.report.unreviewed:
            self.report.mark_reviewed(part)
            self._dirty = True
            self._save_timer.start()
            self.sectionChanged.emit(part)

    def set_unplaced(self, paragraphs: list[str]) -> None:
        """未归类内容 as the clerk trimmed it (saved with the report, never printed)."""
        change = FieldChange(FieldRef(UNPLACED), list(self.report.unplaced), list(paragraphs))
        self._push([change], self.tr("修改未归类内容"), mergeable=True)

    def set_own_sections(self, sections: list[tuple[str, str]], dropped: list[str]) -> None:
        """A free-format report's sections added, renamed, removed or reordered: one undo
        step, saved at once. The text of a removed section goes to 未归类内容, never lost."""
        kept_ids = {section_id for section_id, _ in sections}
        changes = [
            FieldChange(FieldRef(OWN_SECTIONS), list(self.report.own_sections), list(sections))
        ]
        moved: list[str] = []
        for section_id in dropped:
            if section_id in kept_ids:
                continue
            paragraphs = self.report.paragraphs(section_id)
            if paragraphs:
                moved += [self._heading_of(section_id), *paragraphs]
                changes.append(FieldChange(FieldRef(SECTION, section_id), paragraphs, []))
        if moved:
            unplaced = list(self.report.unplaced)
            changes.append(FieldChange(FieldRef(UNPLACED), unplaced, [*unplaced, *moved]))
        self._push(changes, self.tr("调整报告的部分"), mergeable=False)

    def _heading_of(self, section_id: str) -> str:
        return next((s.heading for s in self.fmt.sections if s.id == section_id), section_id)

    def set_cell(self, cell_id: str, value: CellValue) -> None:
        change = FieldChange(FieldRef(CELL, cell_id), self.report.cell(cell_id), value)
        self._push([change], self.tr("修改表格数据"), mergeable=False)

    def set_cells(self, values: Sequence[tuple[str, CellValue]], text: str) -> None:
        """Several cells at once (a paste, a fill, a clear): one undo step named ``text``."""
        changes = [
            FieldChange(FieldRef(CELL, cell_id), self.report.cell(cell_id), value)
            for cell_id, value in values
        ]
        self._push(changes, text, mergeable=False)

    def fill_blanks_with_zero(
        self, cell_ids: Sequence[str] | None = None, table_id: str | None = None
    ) -> int:
        """空格填 0: the blank cells of the report, of one table or among ``cell_ids`` become 0,
        in one undo step. Returns how many were filled."""
        blanks = blank_inputs(self.report, self.fmt, table_id=table_id, cell_ids=cell_ids)
        if blanks:
            self.set_cells([(cell_id, 0) for cell_id in blanks], self.tr("空格填 0"))
        return len(blanks)

    def trust_computed_total(self, cell_id: str) -> None:
        """The document's printed total was wrong: forget it, the computed total counts."""
        old = self.report.stated_totals.get(cell_id)
        change = FieldChange(FieldRef(STATED, cell_id), old, None)
        self._push([change], self.tr("以计算值为准"), mergeable=False)

    def dismiss(self, finding_id: str, note: str) -> None:
        old = self.report.dismissed.get(finding_id)
        change = FieldChange(FieldRef(DISMISSED, finding_id), old, note)
        self._push([change], self.tr("忽略提醒"), mergeable=False)

    def undismiss(self, finding_id: str) -> None:
        old = self.report.dismissed.get(finding_id)
        change = FieldChange(FieldRef(DISMISSED, finding_id), old, None)
        self._push([change], self.tr("恢复提醒"), mergeable=False)

    # --- reading helpers ----------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self._dirty

    def snapshot(self) -> Report:
        """A deep copy, safe to hand to a worker thread."""
        return self.report.copy()

    def previous_report(self) -> Report | None:
        """Last year's report of the same agency (cached per agency and year), for checks."""
        key = (self.report.agency, self.report.year)
        if self._previous is None or self._previous[0] != key:
            try:
                found = self.store.find_previous(*key)
            except (NianbaoError, OSError) as exc:
                log.warning("previous report not readable: %s", exc)
                found = None
            if found is not None and found.id == self.report.id:
                found = None
            self._previous = (key, found)
        return self._previous[1]

    def section_of_cell(self, cell_id: str) -> str | None:
        return self._cell_sections.get(cell_id)

    def proposed_title(self) -> str:
        return self.fmt.title_for(self.report.agency, self.report.year)

    # --- saving -------------------------------------------------------------------------------
    def save_now(self) -> bool:
        """Write the report to the store now (保存, tab switch, close). True when saved."""
        self._save_timer.stop()
        if not self._dirty:
            return True
        try:
            self.store.put(self.report)
        except (NianbaoError, OSError, ValueError) as exc:  # ValueError: TinyDB file closed
            self.last_error = _save_error_message(exc)
            log.warning("save failed: %s", exc)
            self.flush_journal(force=True)
            self.saveFailed.emit(self.last_error)
            return False
        self._dirty = False
        self._pending_since = None
        self.last_error = ""
        self._journal_timer.stop()
        self._journal_dirty = False
        if self._journal is not None:
            try:
                self._journal.clear(self.report.id)
            except (NianbaoError, OSError) as exc:
                log.warning("recovery journal not cleared: %s", exc)
        self.last_saved = QTime.currentTime().toString("HH:mm:ss")
        self.saved.emit(self.last_saved)
        return True

    def close(self) -> bool:
        """Final save; afterwards the timers are stopped. False when the save failed
        (the edits then stay in the recovery journal)."""
        ok = self.save_now()
        self._save_timer.stop()
        self._journal_timer.stop()
        self._closed = True
        return ok

    def flush_journal(self, force: bool = False) -> None:
        """Write the recovery journal if anything changed since the last write or save."""
        self._journal_timer.stop()
        if self._journal is None or not (self._journal_dirty or force):
            return
        try:
            self._journal.write(self.report)
            self._journal_dirty = False
        except (NianbaoError, OSError) as exc:
            log.warning("recovery journal not written: %s", exc)

    # --- internals ----------------------------------------------------------------------------
    def separate_next_edit(self) -> None:
        """Make the next edit its own undo step (a paste is not folded into typing)."""
        self._separate_next = True

    def _push(self, changes: list[FieldChange], text: str, *, mergeable: bool) -> None:
        changes = self._made_safe(changes)
        changes = [c for c in changes if c.old != c.new]
        if not changes:
            return
        if self._separate_next:
            self._separate_next = False
            mergeable = False
        command = EditCommand(self.report, changes, text, self._applied, mergeable=mergeable)
        self.undo_stack.push(command)

    def _made_safe(self, changes: list[FieldChange]) -> list[FieldChange]:
        """Typed or pasted text with a character no file can hold (a lone surrogate) gets
        「�」 in its place, and the clerk is told: one such character must never stop the
        report from being saved."""
        safe: list[FieldChange] = []
        replaced = 0
        for change in changes:
            value, count = safe_value(change.new)
            replaced += count
            safe.append(replace(change, new=value) if count else change)
        if replaced:
            self.notice.emit(replaced_message(replaced))
        return safe

    def _follow_title(self, changes: list[FieldChange], agency: str, year: int | None) -> None:
        title = self.report.meta_value("title")
        new_title = followed_title(title, self.proposed_title(), self.fmt.title_for(agency, year))
        if new_title is not None:
            changes.append(FieldChange(FieldRef(META, "title"), title, new_title))

    def _applied(self, refs: Sequence[FieldRef], by_history: bool) -> None:
        """After a command changed the report: remember, schedule saves, tell the widgets."""
        self._mark_dirty()
        if any(r.kind == OWN_SECTIONS for r in refs):  # the tabs follow before their texts
            self.fmt = format_of(self.report)
            self.save_now()
            self.sectionsChanged.emit()
        cells = [r.key for r in refs if r.kind == CELL]
        sections: list[str] = []
        for ref in refs:
            section = self._section_of(ref)
            if section is not None and section not in sections:
                sections.append(section)
        if cells:
            self.cellsChanged.emit(cells)
        for section in sections:
            self.sectionChanged.emit(section)
        self.changed.emit()
        if by_history and sections:
            self.historyApplied.emit(sections[0])

    def _section_of(self, ref: FieldRef) -> str | None:
        if ref.kind in (AGENCY, YEAR, META, PREAMBLE):
            return BASIC
        if ref.kind == SECTION:
            return ref.key
        if ref.kind == UNPLACED:
            return UNPLACED
        if ref.kind == CELL:
            return self._cell_sections.get(ref.key)
        return None

    def _mark_dirty(self) -> None:
        if self._closed:
            log.warning("edit after the session was closed")
        self._dirty = True
        self._journal_dirty = True
        if not self._journal_timer.isActive():
            self._journal_timer.start()  # throttled, not debounced: typing never starves it
        now = time.monotonic()
        if self._pending_since is None:
            self._pending_since = now
        if not self._save_timer.isActive() or now - self._pending_since < SAVE_MAX_DELAY_S:
            self._save_timer.start()

    def _autosave(self) -> None:
        if not self._closed:
            self.save_now()

    def _number(self, section_id: str) -> str:
        try:
            return self.fmt.section(section_id).number
        except KeyError:
            return ""

    def _restore_from_journal(self) -> bool:
        """Take unsaved edits of this report from the journal when they are newer."""
        if self._journal is None:
            return False
        try:
            candidate = self._journal.journaled(self.report.id)
        except (NianbaoError, OSError) as exc:
            log.warning("recovery journal not readable: %s", exc)
            return False
        if candidate is None:
            return False
        stored = self.report.to_dict()
        if candidate.to_dict() == stored or candidate.format != self.report.format:
            self._clear_journal()
            return False
        if timestamp_of(candidate.modified) < timestamp_of(self.report.modified):
            self._clear_journal()  # the store was saved later: the journal is stale
            return False
        self.report = candidate
        self._mark_dirty()
        self._journal_dirty = False
        return True

    def _clear_journal(self) -> None:
        if self._journal is None:
            return
        try:
            self._journal.clear(self.report.id)
        except (NianbaoError, OSError) as exc:
            log.warning("recovery journal not cleared: %s", exc)


def _save_error_message(exc: BaseException) -> str:
    """What the clerk reads when a save failed: what happened and what to do."""
    if isinstance(exc, NianbaoError):
        text = translate(
            "ReportSession",
            "保存失败：%1 您的修改仍保留在程序中，并已另存到恢复记录；请处理后按 Ctrl+S 重新保存。",
        )
        return text.replace("%1", str(exc))
    if not isinstance(exc, OSError):  # not the disk's fault: say so, do not send her to it
        text = translate(
            "ReportSession",
            "保存失败：报告中有无法保存的内容（%1）。您的修改仍保留在程序中，并已另存到恢复记录；"
            "请删除或重新输入最近修改的文字后按 Ctrl+S 重新保存。",
        )
        return text.replace("%1", unsaveable_reason(exc))
    text = translate(
        "ReportSession",
        "保存失败：无法写入数据文件（%1）。您的修改仍保留在程序中，并已另存到恢复记录；"
        "请检查磁盘空间和文件是否只读，然后按 Ctrl+S 重新保存。",
    )
    return text.replace("%1", chinese_reason(exc))
