"""One row of the batch opened: its findings, the report itself (read-only), and 导入.

The report is shown as the text and tables it holds, nothing editable: the district office
checks it; the agency that wrote it corrects it. 导入到数据文件 hands it to the main window,
which stores it as any import (asking first about a report of the same agency and year).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from model.batch.entries import BatchEntry
from model.cells import effective_values, format_cell_value
from model.errors import NianbaoError
from model.findings import ERROR, PENDING, WARNING
from model.formats import TableDef, get_format
from model.report import CellValue, Report

_MARKS = {ERROR: "✖", WARNING: "▲", PENDING: "○"}


class ReportView(QDialog):
    importRequested = Signal(object)  # the Report, to be stored by the main window

    def __init__(self, entry: BatchEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(self.tr("报告检查结果：%1").replace("%1", entry.name))
        self.resize(QSize(900, 700))
        layout = QVBoxLayout(self)
        summary = QLabel(self._summary(), self)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.findings = QListWidget(splitter)
        self.findings.setWordWrap(True)
        self.findings.setAccessibleName(self.tr("发现的问题"))
        for finding in entry.active_findings():
            item = QListWidgetItem(
                f"{_MARKS.get(finding.level, '')} {finding.level_label}：{finding.message}"
            )
            item.setToolTip(finding.id)
            self.findings.addItem(item)
        if not entry.active_findings():
            self.findings.addItem(self.tr("没有发现问题。"))
        self.text = QTextBrowser(splitter)
        self.text.setAccessibleName(self.tr("报告内容（只读）"))
        self.text.setHtml(report_html(entry.report) if entry.report else html.escape(entry.error))
        splitter.setSizes([220, 480])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = QPushButton(self.tr("导入到数据文件(&I)"), self)
        self.import_button.setToolTip(self.tr("把这份报告保存到数据文件中，并在编辑器中打开"))
        self.import_button.setEnabled(entry.report is not None and entry.source == "file")
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.clicked.connect(self._import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _summary(self) -> str:
        e = self.entry
        if e.report is None:
            return self.tr("文件「%1」无法读取。").replace("%1", e.name)
        year = "" if e.year is None else self.tr("%1年").replace("%1", str(e.year))
        agency = e.agency or self.tr("（未读出机关）")
        counts = (
            self.tr("错误 %1、提醒 %2、待填 %3 · 文字与表格：%4")
            .replace("%1", str(e.errors))
            .replace("%2", str(e.warnings))
            .replace("%3", str(e.pending))
            .replace("%4", str(e.narrative))
        )
        previous = (
            self.tr(" · 上年报告：%1").replace("%1", e.previous_from) if e.previous_from else ""
        )
        return f"{agency} {year} · {e.file_kind} · {e.format_name} · {counts}{previous}"

    def _import(self) -> None:
        if self.entry.report is not None:
            self.importRequested.emit(self.entry.report.copy())
            self.accept()


def report_html(report: Report) -> str:
    """The report's title, texts and tables as simple HTML for a read-only view."""
    try:
        fmt = get_format(report.format)
    except NianbaoError as exc:
        return f"<p>{html.escape(str(exc))}</p>"
    values = effective_values(report, fmt)
    title = report.meta.get("title") or fmt.title_for(report.agency, report.year)
    parts = [f"<h2 align='center'>{html.escape(title)}</h2>"]
    parts += [f"<p>{html.escape(p)}</p>" for p in report.preamble]
    for section in fmt.sections:
        parts.append(f"<h3>{html.escape(section.heading)}</h3>")
        table = fmt.table_for(section)
        if table is not None:
            parts.append(_table_html(table, values))
        paragraphs = report.sections.get(section.id, [])
        if not paragraphs and table is None:
            paragraphs = [fmt.empty_section_text]
        parts += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    return "".join(parts)


def _table_html(table: TableDef, values: dict[str, CellValue]) -> str:
    rows: dict[int, list[str]] = {}
    shift = table.header_rows
    cells = [(c, c.row) for c in table.header] + [(c, c.row + shift) for c in table.body]
    for cell, row in cells:
        if cell.cell_id is not None:
            text = format_cell_value(values.get(cell.cell_id), cell.value_type)
            align = "center"
        else:
            text, align = cell.text, "left" if row >= shift and not cell.style else "center"
        rows.setdefault(row, []).append(
            f"<td rowspan='{cell.rowspan}' colspan='{cell.colspan}' align='{align}'>"
            f"{html.escape(text)}</td>"
        )
    body = "".join(f"<tr>{''.join(rows[r])}</tr>" for r in sorted(rows))
    return f"<table border='1' cellspacing='0' cellpadding='3' width='100%'>{body}</table>"
