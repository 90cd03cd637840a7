"""打印预览: the real pages of the report PDF, shown in a window with QtPdf.

The window only shows bytes it is given; :class:`gui.output.export_controller.ExportController`
renders them off the UI thread and calls :meth:`PreviewWindow.set_pdf`.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence, QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QToolBar, QVBoxLayout, QWidget

from gui.shell.screen_fit import size_window

ZOOM_STEP = 1.25


class PreviewWindow(QWidget):
    """A top-level window: toolbar (打印, 导出 PDF, zoom), the pages, a status line."""

    printRequested = Signal()
    exportRequested = Signal()
    documentLoaded = Signal(int)  # page count of the newly shown PDF
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("打印预览"))
        size_window(self, QSize(760, 900))  # no taller than the screen it opens on
        # the document and the buffer it reads from live as long as they are shown
        self._document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None

        self._view = QPdfView(self)
        self._view.setPageMode(QPdfView.PageMode.MultiPage)
        self._view.setZoomMode(QPdfView.ZoomMode.FitInView)  # whole pages, as they will print
        self._view.setPageSpacing(12)
        self._view.setDocumentMargins(QMargins(24, 16, 24, 16))
        desk = self._view.palette()
        desk.setColor(QPalette.ColorRole.Dark, QColor("#8a8f96"))  # QPdfView paints with Dark
        self._view.setPalette(desk)

        self._pages_label = QLabel(self)
        self._pages_label.setObjectName("pages")
        self._pages_label.setContentsMargins(8, 0, 16, 0)
        self._status = QLabel(self)
        self._status.setStyleSheet("QLabel { padding: 2px 6px; }")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_toolbar())
        layout.addWidget(self._view, 1)
        layout.addWidget(self._status)
        self.set_status(self.tr("正在生成预览……"))

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_action = self._action(bar, self.tr("打印…"), self.printRequested.emit)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.export_action = self._action(bar, self.tr("导出 PDF…"), self.exportRequested.emit)
        bar.addSeparator()
        self._action(bar, self.tr("适合宽度"), self.fit_width)
        self._action(bar, self.tr("整页"), self.fit_page)
        self._action(bar, self.tr("放大"), lambda: self.zoom_by(ZOOM_STEP)).setShortcut(
            QKeySequence.StandardKey.ZoomIn
        )
        self._action(bar, self.tr("缩小"), lambda: self.zoom_by(1 / ZOOM_STEP)).setShortcut(
            QKeySequence.StandardKey.ZoomOut
        )
        bar.addSeparator()
        bar.addWidget(self._pages_label)
        bar.addSeparator()
        close = self._action(bar, self.tr("关闭"), self.close)
        close.setShortcut(QKeySequence.StandardKey.Close)
        return bar

    def _action(self, bar: QToolBar, text: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        bar.addAction(action)
        return action

    # --- content ---------------------------------------------------------------------------
    def set_pdf(self, data: bytes) -> int:
        """Show ``data`` (a whole PDF); keeps the reading position. Returns the page count."""
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready:
            document.deleteLater()
            buffer.deleteLater()
            self.set_status(self.tr("预览无法显示：生成的 PDF 无法读取。请再试一次。"))
            return 0
        scroll = self._view.verticalScrollBar().value()
        old_document, old_buffer = self._document, self._buffer
        self._document, self._buffer = document, buffer
        self._view.setDocument(document)
        self._view.verticalScrollBar().setValue(scroll)
        if old_document is not None:
            old_document.deleteLater()
        if old_buffer is not None:
            old_buffer.deleteLater()
        pages = document.pageCount()
        self._pages_label.setText(self.tr("共 %n 页", "", pages))
        self.set_status("")
        self.documentLoaded.emit(pages)
        return pages

    def document(self) -> QPdfDocument | None:
        return self._document

    def page_count(self) -> int:
        return self._document.pageCount() if self._document is not None else 0

    def view(self) -> QPdfView:
        return self._view

    def set_status(self, text: str) -> None:
        self._status.setText(text)
        self._status.setVisible(bool(text))

    # --- zoom ------------------------------------------------------------------------------
    def fit_width(self) -> None:
        self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self._view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def zoom_by(self, factor: float) -> None:
        factor_now = self._view.zoomFactor()
        self._view.setZoomMode(QPdfView.ZoomMode.Custom)
        self._view.setZoomFactor(max(0.2, min(5.0, factor_now * factor)))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
