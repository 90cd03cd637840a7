"""The start page: a welcome when the store is empty, else the list of reports.

The list is a model/view table over ``store.list_reports()`` summaries, fast with thousands
of reports (sorting and filtering happen in Python, not in a proxy model); double-click,
Enter or 打开 opens the selected report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from model.store.report_store import ReportSummary

Index = QModelIndex | QPersistentModelIndex
# Qt's namespace is not named before the first paint: its first use builds some ninety enums
# (0.1 s). Here Qt.ItemDataRole.UserRole + 1 as a number; the list's model is set on the view
# once the store has been read (the view calls headerData and sort with Qt's enums).
ID_ROLE = 0x0100 + 1


def modified_text(iso: str) -> str:
    """``2025-01-06T14:03:12+08:00`` → ``2025-01-06 14:03`` (local time as stored)."""
    try:
        import datetime as _dt  # not before the first paint: the list comes after it

        return _dt.datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


class ReportListModel(QAbstractTableModel):
    """Columns: 机关名称, 年度, 格式, 最后修改."""

    COLUMNS = 4

    def __init__(self, format_names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[ReportSummary] = []
        self._rows: list[ReportSummary] = []
        self._format_names = format_names
        self._filter = ""
        self._sort: tuple[int, bool] = (3, True)  # column, descending
        self._duplicates: dict[str, int] = {}  # id → reports sharing its agency and year

    def set_summaries(self, summaries: list[ReportSummary]) -> None:
        self.beginResetModel()
        self._all = list(summaries)
        from model.duplicates import duplicate_groups  # with the store, after the first paint

        self._duplicates = duplicate_groups(self._all)
        self._rows = self._visible()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only reports whose agency, year or format contains ``text``."""
        self.beginResetModel()
        self._filter = text.strip().casefold()
        self._rows = self._visible()
        self.endResetModel()

    def total(self) -> int:
        return len(self._all)

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        """Sorted in Python (fast with thousands of rows, unlike a proxy model)."""
        from PySide6.QtCore import Qt

        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self._rows = self._visible()
        self.layoutChanged.emit()

    def _visible(self) -> list[ReportSummary]:
        rows = self._all
        if self._filter:
            rows = [s for s in rows if self._filter in self._search_text(s)]
        column, descending = self._sort
        return sorted(rows, key=lambda s: self._sort_key(s, column), reverse=descending)

    def _search_text(self, s: ReportSummary) -> str:
        name = self._format_names.get(s.format, s.format)
        return f"{s.agency} {s.year or ''} {name} {s.title}".casefold()

    @staticmethod
    def _sort_key(s: ReportSummary, column: int) -> tuple[Any, ...]:
        keys: tuple[Any, ...] = (s.agency, s.year or 0, s.format, s.modified)
        return (keys[column], s.modified)

    def summary(self, row: int) -> ReportSummary:
        return self._rows[row]

    @staticmethod
    def _warning_icon() -> QIcon:
        return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        from PySide6.QtCore import Qt

        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("机关名称"), self.tr("年度"), self.tr("格式"), self.tr("最后修改"))[
                section
            ]
        return None

    def data(self, index: Index, role: int = 0) -> Any:  # 0: Qt.ItemDataRole.DisplayRole
        from PySide6.QtCore import Qt

        if not index.isValid():
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                name = s.agency or self.tr("（未填机关名称）")
                return name + self.tr("（副本）") if s.is_copy else name
            if col == 1:
                return "" if s.year is None else str(s.year)
            if col == 2:
                return self._format_names.get(s.format, s.format)
            return modified_text(s.modified)
        if role == Qt.ItemDataRole.ToolTipRole:
            shared = self._duplicates.get(s.id)
            if shared:
                return (
                    (s.title or s.agency)
                    + "\n"
                    + self.tr(
                        "同一机关同一年度共有 %1 份报告，请确认打印的是哪一份；多余的可以删除。"
                    ).replace("%1", str(shared))
                )
            return s.title or s.agency
        if role == Qt.ItemDataRole.BackgroundRole and s.id in self._duplicates:
            return QColor("#fff4d6")
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and s.id in self._duplicates:
            return self._warning_icon()
        if role == ID_ROLE:
            return s.id
        return None


class StartPage(QWidget):
    """Signals carry what the clerk asked for; the main window does the work."""

    openRequested = Signal(str)  # report id
    newRequested = Signal()
    importRequested = Signal()
    deleteRequested = Signal(str)  # report id
    helpRequested = Signal()

    def __init__(self, format_names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ReportListModel(format_names, self)
        self.pages = QStackedWidget(self)
        self.welcome = self._build_welcome()
        self.list_page = self._build_list()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.list_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    # --- building ------------------------------------------------------------------------
    def _big_button(self, text: str, tip: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setStatusTip(tip)
        button.setAccessibleName(text)
        button.setMinimumHeight(button.fontMetrics().height() * 3)
        button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text) + 80)
        button.clicked.connect(signal)
        return button

    def _build_welcome(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("欢迎使用公开年报编辑器"), page)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "在这里填写本机关的政府信息公开工作年度报告：\n"
                "· 按报告的各个部分分页填写，统计表自动合计、随时核对；\n"
                "· 可以导入往年的报告（Word、网页、PDF 或文本），在其基础上修改；\n"
                "· 填好后按公文格式（GB/T 9704）打印或保存为 PDF。\n\n"
                "所有内容都自动保存在本机，不会上传到网络。"
            ),
            page,
        )
        intro.setWordWrap(True)
        self.welcome_new = self._big_button(
            self.tr("新建年度报告"), self.tr("从空白开始填写一份新的年度报告"), self.newRequested
        )
        self.welcome_import = self._big_button(
            self.tr("导入往年报告…"),
            self.tr(
                "把往年的报告（Word、网页、PDF、文本或交换文件）导入后修改；也可以把文件拖到窗口上"
            ),
            self.importRequested,
        )
        self.welcome_help = self._big_button(
            self.tr("使用说明"), self.tr("查看简短的使用说明"), self.helpRequested
        )
        buttons = QHBoxLayout()
        for b in (self.welcome_new, self.welcome_import, self.welcome_help):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QVBoxLayout()
        box.addWidget(title)
        box.addSpacing(12)
        box.addWidget(intro)
        box.addSpacing(24)
        box.addLayout(buttons)
        outer = QHBoxLayout(page)
        outer.addStretch(1)
        inner = QVBoxLayout()
        inner.addStretch(1)
        inner.addLayout(box)
        inner.addStretch(2)
        outer.addLayout(inner, 4)
        outer.addStretch(1)
        return page

    def _build_list(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("年度报告"), page)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.search = QLineEdit(page)
        self.search.setPlaceholderText(self.tr("按机关名称或年度筛选"))
        self.search.setAccessibleName(self.tr("筛选报告"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("某" * 16))
        self.search.textChanged.connect(self._filter)
        self.view = QTableView(page)
        self.view.setAccessibleName(self.tr("报告列表"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setTabKeyNavigation(False)
        # Enter/Return and double-click both emit ``activated`` (unless the style opens on
        # a single click, where one click is what the clerk expects anyway).
        self.view.activated.connect(self._open_index)
        self.open_button = QPushButton(self.tr("打开"), page)
        self.open_button.setToolTip(self.tr("打开选中的报告（也可以双击或按回车）"))
        self.open_button.clicked.connect(self._open_selected)
        self.new_button = QPushButton(self.tr("新建…"), page)
        self.new_button.setToolTip(self.tr("新建一份年度报告"))
        self.new_button.clicked.connect(self.newRequested)
        self.import_button = QPushButton(self.tr("导入…"), page)
        self.import_button.setToolTip(
            self.tr("导入报告：Word、网页、PDF、文本或交换文件（也可以把文件拖到窗口上）")
        )
        self.import_button.clicked.connect(self.importRequested)
        self.delete_button = QPushButton(self.tr("删除"), page)
        self.delete_button.setToolTip(self.tr("把选中的报告移到回收站"))
        self.delete_button.clicked.connect(self._delete_selected)
        self.count_label = QLabel(page)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.search)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        for b in (self.open_button, self.new_button, self.import_button, self.delete_button):
            b.setAccessibleName(b.text())
            bottom.addWidget(b)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        return page

    def _attach_model(self) -> None:
        """The list's model on the view, with its sorting and column sizes: done with the first
        summaries (right after the first paint at start-up), see ID_ROLE."""
        if self.view.model() is self.model:
            return
        from PySide6.QtCore import Qt

        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        header = self.view.horizontalHeader()
        header.setResizeContentsPrecision(64)  # sizing by every row is slow with 1,000 reports
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    # --- state ---------------------------------------------------------------------------
    def set_summaries(self, summaries: list[ReportSummary]) -> None:
        self._attach_model()
        self.model.set_summaries(summaries)
        self.count_label.setText(self.tr("共 %n 份报告", "", len(summaries)))
        self.pages.setCurrentWidget(self.list_page if summaries else self.welcome)
        if summaries:
            self.view.selectRow(0)
        for button in (self.new_button, self.import_button):
            button.setEnabled(True)
        self._update_buttons()

    def show_loading(self) -> None:
        """The list area while the store is still being read (right after start)."""
        self.count_label.setText(self.tr("正在读取报告……"))
        self.pages.setCurrentWidget(self.list_page)
        self._update_buttons()
        for button in (self.new_button, self.import_button):
            button.setEnabled(False)

    def showing_welcome(self) -> bool:
        return self.pages.currentWidget() is self.welcome

    def focus_list(self) -> None:
        (self.view if not self.showing_welcome() else self.welcome_new).setFocus()

    def selected_id(self) -> str | None:
        selection = self.view.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return str(value) if value else None

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        if self.model.rowCount():
            self.view.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _open_index(self, index: QModelIndex) -> None:
        report_id = index.data(ID_ROLE)
        if report_id:
            self.openRequested.emit(str(report_id))

    def _open_selected(self) -> None:
        report_id = self.selected_id()
        if report_id:
            self.openRequested.emit(report_id)

    def _delete_selected(self) -> None:
        report_id = self.selected_id()
        if report_id:
            self.deleteRequested.emit(report_id)
