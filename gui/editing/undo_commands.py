"""Model-level undo commands: every edit of a report is one ``QUndoCommand``.

A command names the fields it changes (:class:`FieldRef`), remembers their old and new
values and applies them through the ``Report`` setters. ``QUndoStack.push`` calls
``redo()`` at once, so nobody else applies the change (applying it twice would record it
twice in the history). A burst of typing in
one field folds into one step: commands of the same fields merge while they follow each
other within :data:`MERGE_WINDOW_S` seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand

from model.report import Report

MERGE_WINDOW_S = 1.5
"""Edits of the same field closer together than this become one undo step."""

TEXT_MERGE_ID = 0x4E42  # any constant other than -1 enables mergeWith for text edits

AGENCY = "agency"
YEAR = "year"
META = "meta"
PREAMBLE = "preamble"
SECTION = "section"
CELL = "cell"
DISMISSED = "dismissed"
STATED = "stated"  # a total the imported document printed
UNPLACED = "unplaced"  # 未归类内容
OWN_SECTIONS = "own_sections"  # a free-format report's section list (id, heading)


@dataclass(frozen=True)
class FieldRef:
    """One editable field of a report: its kind and, where needed, its key."""

    kind: str
    key: str = ""


def read_field(report: Report, ref: FieldRef) -> Any:
    """The current value of a field (lists are copied)."""
    if ref.kind == AGENCY:
        return report.agency
    if ref.kind == YEAR:
        return report.year
    if ref.kind == META:
        return report.meta_value(ref.key)
    if ref.kind == PREAMBLE:
        return list(report.preamble)
    if ref.kind == SECTION:
        return report.paragraphs(ref.key)
    if ref.kind == CELL:
        return report.cell(ref.key)
    if ref.kind == DISMISSED:
        return report.dismissed.get(ref.key)
    if ref.kind == STATED:
        return report.stated_totals.get(ref.key)
    if ref.kind == UNPLACED:
        return list(report.unplaced)
    if ref.kind == OWN_SECTIONS:
        return list(report.own_sections)
    raise KeyError(ref)


def write_field(report: Report, ref: FieldRef, value: Any) -> None:
    """Apply a value through the report's own setter."""
    if ref.kind == AGENCY:
        report.set_agency(value)
    elif ref.kind == YEAR:
        report.set_year(value)
    elif ref.kind == META:
        report.set_meta(ref.key, value)
    elif ref.kind == PREAMBLE:
        report.set_preamble(value)
    elif ref.kind == SECTION:
        report.set_paragraphs(ref.key, value)
    elif ref.kind == CELL:
        report.set_cell(ref.key, value)
    elif ref.kind == DISMISSED:
        if value is None:
            report.undismiss(ref.key)
        else:
            report.dismiss(ref.key, value)
    elif ref.kind == STATED:
        report.set_stated_total(ref.key, value)
    elif ref.kind == UNPLACED:
        report.set_unplaced(value)
    elif ref.kind == OWN_SECTIONS:
        report.set_own_sections(value)
    else:
        raise KeyError(ref)


@dataclass
class FieldChange:
    ref: FieldRef
    old: Any
    new: Any


Applied = Callable[[Sequence[FieldRef], bool], None]
"""Called after a command changed the report: (fields, by_history). ``by_history`` is
False for the first application (the push) and True for undo and redo."""


class EditCommand(QUndoCommand):
    """Set one or more fields together (e.g. 机关名称 and the title that follows it)."""

    def __init__(
        self,
        report: Report,
        changes: Sequence[FieldChange],
        text: str,
        on_applied: Applied,
        *,
        mergeable: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(text)
        self._report = report
        self._changes = list(changes)
        self._on_applied = on_applied
        self._mergeable = mergeable
        self._clock = clock
        self._last_edit = clock()
        self._pushed = False

    @property
    def refs(self) -> tuple[FieldRef, ...]:
        return tuple(c.ref for c in self._changes)

    def redo(self) -> None:
        for change in self._changes:
            write_field(self._report, change.ref, change.new)
        by_history = self._pushed
        self._pushed = True
        self._on_applied(self.refs, by_history)

    def undo(self) -> None:
        for change in reversed(self._changes):
            write_field(self._report, change.ref, change.old)
        self._on_applied(self.refs, True)

    def id(self) -> int:
        return TEXT_MERGE_ID if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or not other._mergeable:
            return False
        if other.refs != self.refs:
            return False
        if other._last_edit - self._last_edit > MERGE_WINDOW_S:
            return False
        for mine, theirs in zip(self._changes, other._changes, strict=True):
            mine.new = theirs.new
        self._last_edit = other._last_edit
        if all(c.old == c.new for c in self._changes):
            self.setObsolete(True)  # typed and deleted again: no step at all
        return True
