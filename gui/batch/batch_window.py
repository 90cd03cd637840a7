"""批量检查 window: choose a folder or files, see one row per report, filter, export, 汇总.

The reading and checking run in a worker thread (:mod:`gui.batch.batch_worker`) with a
progress bar and 取消; the window only shows rows. Nothing read is stored unless the clerk
imports a report (double-click a row, 导入到数据文件) or saves the consolidated report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.batch.batch_table import LEVEL_FILTERS, BatchFilter, BatchTableModel, shown
from gui.batch.batch_worker import BatchRunner
from gui.batch.consolidate_dialog import ConsolidateDialog
from gui.batch.report_view import ReportView
from model.batch.check_folder import BatchCheck
from model.batch.consolidate import consolidate
from model.batch.entries import (
    KIND_DEPARTMENT,
    KIND_GOVERNMENT,
    KIND_TOWNSHIP,
    BatchEntry,
    BatchResult,
)
from model.batch.files import READABLE_SUFFIXES, report_files
from model.errors import NianbaoError
from model.report import Report

StoreReports = Callable[[int], list[Report]]  # the store's reports of a year


class BatchWindow(QWidget):
    importRequested = Signal(object)  # a Report the clerk wants stored and opened
    batchFinished = Signal(bool)  # cancelled

    def __init__(
        self,
        store_path: Path | None = None,
        store_reports: StoreReports | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("batchWindow")
        self.setWindowTitle(self.tr("批量检查"))
        self.resize(QSize(1100, 640))
        from gui.shell.help import install_help_key

        install_help_key(self, lambda: "batch")  # F1: the guide's 批量检查 topic
        self.store_path = store_path
        self.store_reports = store_reports
        self.result: BatchResult | None = None
        self.runner: BatchRunner | None = None
        self._paths: list[Path] = []
        self._extra: list[Report] = []
        self._views: list[QWidget] = []

        self.model = BatchTableModel(self)
        self.proxy = BatchFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setAccessibleName(self.tr("检查结果"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_row)

        self.folder_button = self._button(self.tr("选择文件夹(&D)…"), self.choose_folder)
        self.files_button = self._button(self.tr("选择文件(&F)…"), self.choose_files)
        self.store_button = self._button(self.tr("加入数据文件中的报告(&S)…"), self.add_store)
        self.store_button.setEnabled(store_reports is not None)
        self.open_button = self._button(self.tr("查看(&O)"), self.open_selected)
        self.xlsx_button = self._button(self.tr("导出 Excel(&X)…"), self.choose_xlsx)
        self.csv_button = self._button(self.tr("导出 CSV(&C)…"), self.choose_csv)
        self.consolidate_button = self._button(self.tr("汇总(&H)…"), self.ask_consolidate)
        top = QHBoxLayout()
        for button in (self.folder_button, self.files_button, self.store_button):
            top.addWidget(button)
        top.addStretch(1)
        for button in (self.open_button, self.xlsx_button, self.csv_button):
            top.addWidget(button)
        top.addWidget(self.consolidate_button)

        self.agency_filter = QLineEdit(self)
        self.agency_filter.setPlaceholderText(self.tr("按机关名称或文件名筛选"))
        self.agency_filter.setClearButtonEnabled(True)
        self.agency_filter.textChanged.connect(self.proxy.set_agency)
        self.level_filter = QComboBox(self)
        for level in LEVEL_FILTERS:
            self.level_filter.addItem(shown(level), level)
        self.level_filter.setAccessibleName(self.tr("按问题筛选"))
        self.level_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_level(str(self.level_filter.currentData()))
        )
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem(self.tr("全部类别"), "")
        for kind in (KIND_DEPARTMENT, KIND_TOWNSHIP, KIND_GOVERNMENT):
            self.kind_filter.addItem(shown(kind), kind)
        self.kind_filter.setAccessibleName(self.tr("按机关类别筛选"))
        self.kind_filter.currentIndexChanged.connect(
            lambda _: self.proxy.set_kind(self.kind_filter.currentData() or "")
        )
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("机关："), self))
        filters.addWidget(self.agency_filter, 2)
        filters.addWidget(QLabel(self.tr("问题："), self))
        filters.addWidget(self.level_filter)
        filters.addWidget(QLabel(self.tr("类别："), self))
        filters.addWidget(self.kind_filter)

        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = self._button(self.tr("取消"), self.cancel)
        self.cancel_button.hide()
        self.status = QLabel(
            self.tr(
                "选择一个文件夹（或几个文件），逐份读取并检查其中的报告：交换文件、Word、PDF、"
                "网页和文本报告均可。检查时不会保存任何报告。"
            ),
            self,
        )
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        self._update_buttons()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda: slot())
        return button

    # --- choosing what to check ------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择报告所在的文件夹"))
        if folder:
            self.check_paths([Path(folder)])

    def choose_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in READABLE_SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择报告文件"), "", self.tr("报告文件 (%1)").replace("%1", patterns)
        )
        if files:
            self.check_paths([Path(f) for f in files])

    def add_store(self) -> None:
        """Add the store's reports of one year to the batch (for 汇总 and the 结转 check)."""
        if self.store_reports is None:
            return
        default = self.result.main_year if self.result and self.result.main_year else 2025
        year, ok = QInputDialog.getInt(
            self, self.tr("加入数据文件中的报告"), self.tr("年度："), default, 1990, 2100
        )
        if ok:
            self.add_store_year(year)

    def add_store_year(self, year: int) -> int:
        """Add the store's reports of ``year`` and check again; how many were added."""
        if self.store_reports is None:
            return 0
        try:
            reports = self.store_reports(year)
        except NianbaoError as exc:
            QMessageBox.warning(self, self.tr("无法读取数据文件"), str(exc))
            return 0
        known = {r.id for r in self._extra}
        added = [r for r in reports if r.id not in known]
        if not added:
            text = self.tr("数据文件中没有 %1 年的其他报告。")
            self.status.setText(text.replace("%1", str(year)))
            return 0
        self._extra += added
        self.check_paths(self._paths)
        return len(added)

    def check_paths(self, paths: list[Path]) -> None:
        """Read and check every report file in ``paths`` (folders expanded) in the worker."""
        if self.runner is not None and self.runner.running:
            return
        self._paths = list(paths)
        files = report_files(self._paths)
        if not files and not self._extra:
            self.status.setText(
                self.tr("所选位置没有可检查的报告文件（%1）。").replace(
                    "%1", " ".join(READABLE_SUFFIXES)
                )
            )
            return
        batch = BatchCheck(files, self.store_path, extra_reports=[r.copy() for r in self._extra])
        self.runner = BatchRunner(batch, self)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.progress.setRange(0, batch.total)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("正在读取和检查 %1 份报告…").replace("%1", str(len(files))))
        self._update_buttons()
        self.runner.start()

    def cancel(self) -> None:
        if self.runner is not None and self.runner.running:
            self.runner.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("正在取消…"))

    def is_running(self) -> bool:
        return self.runner is not None and self.runner.running

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.status.setText(
            self.tr("正在检查（%1/%2）：%3")
            .replace("%1", str((done + 1) // 2))
            .replace("%2", str(total // 2))
            .replace("%3", name)
        )

    def _on_finished(self, result: BatchResult, cancelled: bool) -> None:
        self.result = result
        self.model.set_entries(result.entries)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            if self.table.columnWidth(column) > 320:
                self.table.setColumnWidth(column, 320)
        self.progress.hide()
        self.cancel_button.hide()
        totals = result.totals()
        text = self.tr(
            "共 %1 份：%2 份有错误（其中 %3 份无法读取），错误 %4 个、提醒 %5 个、待填 %6 项。"
            "双击一行查看该报告的问题和内容。"
        )
        for key, value in zip(
            ("%1", "%2", "%3", "%4", "%5", "%6"),
            (
                totals["reports"],
                totals["with_errors"],
                totals["unreadable"],
                totals["error"],
                totals["warning"],
                totals["pending"],
            ),
            strict=True,
        ):
            text = text.replace(key, str(value))
        if cancelled:
            text = self.tr("已取消，只检查了一部分文件。") + text
        self.status.setText(text)
        self._update_buttons()
        self.batchFinished.emit(cancelled)

    def _update_buttons(self) -> None:
        running = self.is_running()
        has_rows = self.result is not None and bool(self.result.entries)
        for button in (self.folder_button, self.files_button, self.store_button):
            button.setEnabled(
                not running and (button is not self.store_button or bool(self.store_reports))
            )
        for button in (self.open_button, self.xlsx_button, self.csv_button):
            button.setEnabled(has_rows and not running)
        self.consolidate_button.setEnabled(has_rows and not running)

    # --- rows ------------------------------------------------------------------------------
    def visible_entries(self) -> list[BatchEntry]:
        return [self.proxy.entry_at(self.proxy.index(r, 0)) for r in range(self.proxy.rowCount())]

    def selected_entries(self) -> list[BatchEntry]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return [self.proxy.entry_at(index) for index in rows]

    def open_selected(self) -> None:
        selected = self.selected_entries()
        if selected:
            self.open_entry(selected[0])

    def _open_row(self, index: QModelIndex) -> None:
        self.open_entry(self.proxy.entry_at(index))

    def open_entry(self, entry: BatchEntry) -> ReportView:
        view = ReportView(entry, self)
        view.importRequested.connect(self.importRequested)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        return view

    # --- exports ---------------------------------------------------------------------------
    def choose_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出 Excel"), "批量检查结果.xlsx", self.tr("Excel 文件 (*.xlsx)")
        )
        if path:
            self.export_table(xlsx=Path(path))

    def choose_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出 CSV"), "批量检查结果.csv", self.tr("CSV 文件 (*.csv)")
        )
        if path:
            self.export_table(csv=Path(path))

    def export_table(self, xlsx: Path | None = None, csv: Path | None = None) -> bool:
        """Write the whole table (all rows, not only those shown) and its findings sheet."""
        if self.result is None:
            return False
        from export.xlsx import export_batch

        try:
            notes = export_batch(self.result, xlsx, csv)
        except NianbaoError as exc:
            QMessageBox.warning(self, self.tr("无法导出"), str(exc))
            return False
        self.status.setText("；".join(notes))
        return True

    # --- 汇总 ------------------------------------------------------------------------------
    def entries_to_consolidate(self) -> list[BatchEntry]:
        """The selected rows when several are selected, else every row read of the main year."""
        selected = [e for e in self.selected_entries() if e.report is not None]
        if len(selected) > 1:
            return selected
        if self.result is None:
            return []
        year = self.result.main_year
        return [e for e in self.result.readable() if e.year == year]

    def ask_consolidate(self) -> None:
        entries = self.entries_to_consolidate()
        if not entries:
            QMessageBox.information(self, self.tr("汇总"), self.tr("没有可以汇总的报告。"))
            return
        agency, ok = QInputDialog.getText(
            self,
            self.tr("汇总"),
            self.tr("把 %1 份报告的统计表汇总为一份新报告。\n汇总报告的机关名称：").replace(
                "%1", str(len(entries))
            ),
        )
        if ok:
            self.consolidate_entries(entries, agency)

    def consolidate_entries(
        self, entries: list[BatchEntry], agency: str
    ) -> ConsolidateDialog | None:
        reports = [e.report for e in entries if e.report is not None]
        year = self.result.main_year if self.result is not None else None
        years = {r.year for r in reports}
        if len(years) == 1:
            year = next(iter(years))
        try:
            consolidation = consolidate(reports, agency, year)
        except NianbaoError as exc:
            QMessageBox.warning(self, self.tr("无法汇总"), str(exc))
            return None
        dialog = ConsolidateDialog(consolidation, self)
        dialog.saveRequested.connect(self.importRequested)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner is not None:
            self.runner.stop_and_wait()
        super().closeEvent(event)
