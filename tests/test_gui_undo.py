"""Undo commands on their own: apply through setters, merge bursts, drop no-op bursts."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from gui.editing import undo_commands
from gui.editing.undo_commands import (
    CELL,
    DISMISSED,
    SECTION,
    EditCommand,
    FieldChange,
    FieldRef,
    read_field,
)
from model.report import Report


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def push(stack, report, ref, new, clock, log, mergeable=True):
    change = FieldChange(ref, read_field(report, ref), new)
    command = EditCommand(
        report, [change], "edit", lambda refs, h: log.append(h), mergeable=mergeable, clock=clock
    )
    stack.push(command)


def test_push_applies_once_and_reports_first_application(qapp):
    report = Report(format="legacy2008")
    stack, clock, log = QUndoStack(), Clock(), []
    push(stack, report, FieldRef(SECTION, "L1"), ["甲"], clock, log)
    assert report.paragraphs("L1") == ["甲"]
    assert log == [False]
    stack.undo()
    stack.redo()
    assert log == [False, True, True]


def test_burst_merges_within_the_window_only(qapp):
    report = Report(format="legacy2008")
    stack, clock, log = QUndoStack(), Clock(), []
    ref = FieldRef(SECTION, "L1")
    for text in ["一", "一二", "一二三"]:
        clock.now += 0.5
        push(stack, report, ref, [text], clock, log)
    assert stack.count() == 1
    clock.now += undo_commands.MERGE_WINDOW_S + 0.1
    push(stack, report, ref, ["一二三四"], clock, log)
    assert stack.count() == 2
    stack.undo()
    assert report.paragraphs("L1") == ["一二三"]
    stack.undo()
    assert report.paragraphs("L1") == []


def test_typing_then_deleting_leaves_no_step(qapp):
    report = Report(format="legacy2008")
    stack, clock, log = QUndoStack(), Clock(), []
    ref = FieldRef(SECTION, "L2")
    push(stack, report, ref, ["字"], clock, log)
    push(stack, report, ref, [], clock, log)
    assert stack.count() == 0
    assert report.paragraphs("L2") == []


def test_cells_do_not_merge_and_dismissal_round_trips(qapp):
    report = Report(format="fmt2021")
    stack, clock, log = QUndoStack(), Clock(), []
    push(stack, report, FieldRef(CELL, "s3.x@total"), 1, clock, log, mergeable=False)
    push(stack, report, FieldRef(CELL, "s3.x@total"), 2, clock, log, mergeable=False)
    assert stack.count() == 2
    push(stack, report, FieldRef(DISMISSED, "W1"), "已核实", clock, log, mergeable=False)
    assert report.dismissed == {"W1": "已核实"}
    stack.undo()
    assert report.dismissed == {}
    stack.undo()
    assert report.cell("s3.x@total") == 1
