"""The consolidated report made: what it holds, and 导出 Excel / 保存为新报告."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from model.batch.consolidate import Consolidation
from model.checks.engine import check
from model.errors import NianbaoError
from model.findings import ERROR
from model.formats import get_format


class ConsolidateDialog(QDialog):
    saveRequested = Signal(object)  # the consolidated Report, to store and open

    def __init__(self, consolidation: Consolidation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.consolidation = consolidation
        self.fmt = get_format(consolidation.report.format)
        report = consolidation.report
        self.setWindowTitle(self.tr("汇总：%1").replace("%1", report.agency))
        self.resize(QSize(720, 420))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        errors = [f for f in check(report, self.fmt) if f.level == ERROR]
        lines = [f"<h3>{html.escape(report.meta.get('title', ''))}</h3>"]
        lines += [f"<p>{html.escape(note)}</p>" for note in consolidation.notes(self.fmt)]
        if errors:
            lines.append(
                "<p><b>"
                + html.escape(
                    self.tr(
                        "汇总后的统计表有 %1 个错误（来自所汇总报告中的错误），"
                        "请先请有关单位更正各自的报告。"
                    ).replace("%1", str(len(errors)))
                )
                + "</b></p>"
            )
        self.text.setHtml("".join(lines))
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.xlsx_button = QPushButton(self.tr("导出 Excel(&X)…"), self)
        self.xlsx_button.setToolTip(self.tr("每个统计表一页：每个单位一行，最后一行为合计"))
        self.save_button = QPushButton(self.tr("保存为新报告并打开(&S)"), self)
        self.save_button.setToolTip(self.tr("把汇总报告保存到数据文件，在编辑器中撰写正文"))
        buttons.addButton(self.xlsx_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.xlsx_button.clicked.connect(self.choose_xlsx)
        self.save_button.clicked.connect(self.save_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出汇总 Excel"),
            f"{self.consolidation.report.agency}汇总.xlsx",
            self.tr("Excel 文件 (*.xlsx)"),
        )
        if path:
            self.export_xlsx(Path(path))

    def export_xlsx(self, path: Path) -> Path | None:
        from export.xlsx import consolidation_workbook, save_workbook

        try:
            written = save_workbook(consolidation_workbook(self.consolidation, self.fmt), path)
        except NianbaoError as exc:
            QMessageBox.warning(self, self.tr("无法导出"), str(exc))
            return None
        self.text.append(html.escape(self.tr("已写入 Excel 文件：%1").replace("%1", str(written))))
        return written

    def save_report(self) -> None:
        self.saveRequested.emit(self.consolidation.report.copy())
        self.accept()
