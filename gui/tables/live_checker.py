"""Runs the report checks shortly after each change, so findings follow her typing.

The checks (``model.checks.engine.check``) are pure and fast (a few milliseconds for a full report);
they run on the GUI thread, debounced, so a burst of typing costs one run. A failing check
never disturbs editing or saving: the error is logged and the last findings stay.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from model.findings import Finding

if TYPE_CHECKING:
    from gui.editing.session import ReportSession

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150


class LiveChecker(QObject):
    findingsChanged = Signal(list)  # list[Finding]

    def __init__(self, session: ReportSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._findings: list[Finding] = []
        self.last_duration_ms = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        session.changed.connect(self.schedule)
        self._timer.start()  # first check soon after the report opens

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def schedule(self) -> None:
        """Check again after a short pause (restarts the pause on every change)."""
        self._timer.start()

    def run_now(self) -> None:
        self._timer.stop()
        started = time.perf_counter()
        try:
            from model.checks.engine import check

            found = check(self.session.report, self.session.fmt, self.session.previous_report())
        except Exception:  # a bug in one check must not stop the clerk's work
            log.exception("checks failed; keeping the previous findings")
            return
        self.last_duration_ms = (time.perf_counter() - started) * 1000
        self._findings = list(found)
        self.findingsChanged.emit(self.findings())
