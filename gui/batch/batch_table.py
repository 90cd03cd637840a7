"""The batch table: one row per file, the columns of model.batch.entries.COLUMNS,
sortable and filtered by agency (text), by what was found (level) and by kind of agency."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from model.batch.entries import COLUMNS, UNREADABLE, BatchEntry
from model.findings import ERROR, PENDING, WARNING

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_NUMERIC = frozenset({"年度", "错误", "提醒", "待填"})
_COLOURS = {
    UNREADABLE: "#fde7e9",
    ERROR: "#fde7e9",
    WARNING: "#fff4ce",
}

# level filter choices: (label, predicate over an entry)
LEVEL_ALL = "全部"
LEVEL_FILTERS: dict[str, Any] = {
    LEVEL_ALL: lambda e: True,
    "有错误": lambda e: e.errors > 0,
    "有提醒": lambda e: e.warnings > 0,
    "有待填": lambda e: e.pending > 0,
    "文字与表格不一致": lambda e: e.narrative_mismatches > 0,
    "没有问题": lambda e: e.report is not None and e.errors == e.warnings == e.pending == 0,
    "无法读取": lambda e: e.report is None,
}

# The column titles (model.batch.entries.COLUMNS, in Chinese for the Excel sheet) and the
# level filter's choices as the interface shows them: declared here so that lupdate finds them.
_SHOWN = (
    QT_TRANSLATE_NOOP("BatchTable", "文件"),
    QT_TRANSLATE_NOOP("BatchTable", "机关"),
    QT_TRANSLATE_NOOP("BatchTable", "类别"),
    QT_TRANSLATE_NOOP("BatchTable", "年度"),
    QT_TRANSLATE_NOOP("BatchTable", "文件类型"),
    QT_TRANSLATE_NOOP("BatchTable", "报告格式"),
    QT_TRANSLATE_NOOP("BatchTable", "错误"),
    QT_TRANSLATE_NOOP("BatchTable", "提醒"),
    QT_TRANSLATE_NOOP("BatchTable", "待填"),
    QT_TRANSLATE_NOOP("BatchTable", "文字与表格"),
    QT_TRANSLATE_NOOP("BatchTable", "上年报告"),
    QT_TRANSLATE_NOOP("BatchTable", "读取说明"),
    QT_TRANSLATE_NOOP("BatchTable", "全部"),
    QT_TRANSLATE_NOOP("BatchTable", "有错误"),
    QT_TRANSLATE_NOOP("BatchTable", "有提醒"),
    QT_TRANSLATE_NOOP("BatchTable", "有待填"),
    QT_TRANSLATE_NOOP("BatchTable", "文字与表格不一致"),
    QT_TRANSLATE_NOOP("BatchTable", "没有问题"),
    QT_TRANSLATE_NOOP("BatchTable", "无法读取"),
    QT_TRANSLATE_NOOP("BatchTable", "乡镇（街道）"),
    QT_TRANSLATE_NOOP("BatchTable", "政府"),
    QT_TRANSLATE_NOOP("BatchTable", "部门"),
)


def shown(word: str) -> str:
    """A column title or level choice in the interface language."""
    return QCoreApplication.translate("BatchTable", word)


class BatchTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[BatchEntry] = []

    def set_entries(self, entries: list[BatchEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> list[BatchEntry]:
        return list(self._entries)

    def entry(self, row: int) -> BatchEntry:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return shown(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        title, value = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = "" if (got := value(entry)) is None else str(got)
            return shown(text) if title == "类别" and text else text  # the agency kind
        if role == SORT_ROLE:
            got = value(entry)
            if title in _NUMERIC:
                return -1 if got is None else got
            return "" if got is None else str(got)
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = _COLOURS.get(entry.status)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f.message for f in entry.active_findings() if f.level != PENDING][:8]
            return "\n".join(lines) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and title in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BatchFilter(QSortFilterProxyModel):
    """Agency text, level and agency kind filters over :class:`BatchTableModel`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._agency = ""
        self._level = LEVEL_ALL
        self._kind = ""

    def set_agency(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_agency", text.strip()))

    def set_level(self, level: str) -> None:
        chosen = level if level in LEVEL_FILTERS else LEVEL_ALL
        self._refilter(lambda: setattr(self, "_level", chosen))

    def set_kind(self, kind: str) -> None:
        self._refilter(lambda: setattr(self, "_kind", kind))

    def _refilter(self, change: Any) -> None:
        """Change a filter between begin/endFilterChange (Qt 6.10+), else invalidate."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, BatchTableModel)
        entry = model.entry(source_row)
        if self._agency and self._agency not in entry.agency and self._agency not in entry.name:
            return False
        if self._kind and entry.kind != self._kind:
            return False
        return bool(LEVEL_FILTERS[self._level](entry))

    def entry_at(self, index: QModelIndex) -> BatchEntry:
        model = self.sourceModel()
        assert isinstance(model, BatchTableModel)
        return model.entry(self.mapToSource(index).row())
