"""Runs a :class:`model.batch.check_folder.BatchCheck` in a QThread, so the window stays responsive.

The worker emits ``progress`` after each step and stops between two steps when cancelled; the
result (the rows read so far) comes back by ``finished`` in both cases.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal, Slot

from model.batch.check_folder import BatchCheck
from model.batch.entries import BatchResult


class BatchWorker(QObject):
    progress = Signal(int, int, str)  # done, total, the file being worked on
    finished = Signal(object, bool)  # BatchResult, cancelled

    def __init__(self, batch: BatchCheck) -> None:
        super().__init__()
        self.batch = batch
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        cancelled = False
        try:
            for done in self.batch.steps():
                self.progress.emit(done, self.batch.total, self.batch.current)
                if self._cancel.is_set():
                    cancelled = True
                    break
        finally:
            result: BatchResult = self.batch.result()
            self.finished.emit(result, cancelled or not self.batch.finished)


class BatchRunner(QObject):
    """Owns the thread and the worker of one run; forwards their signals."""

    progress = Signal(int, int, str)
    finished = Signal(object, bool)

    def __init__(self, batch: BatchCheck, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker_thread = QThread(self)
        self.worker = BatchWorker(batch)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.progress)
        self.worker.finished.connect(self._done)
        self.running = False

    def start(self) -> None:
        self.running = True
        self.worker_thread.start()

    def cancel(self) -> None:
        self.worker.cancel()

    def _done(self, result: BatchResult, cancelled: bool) -> None:
        self.running = False
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.finished.emit(result, cancelled)

    def stop_and_wait(self) -> None:
        """Cancel and wait for the thread (the window is closing)."""
        if self.worker_thread.isRunning():
            self.worker.cancel()
            self.worker_thread.quit()
            self.worker_thread.wait()
