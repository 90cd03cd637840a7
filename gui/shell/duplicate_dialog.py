"""The question asked when a new or imported report has the same agency and year as one
already in the store: open that one, replace it, or keep both."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from model.duplicates import DuplicateChoice, describe
from model.report import Report
from model.store.report_store import ReportSummary


class DuplicateQuestion(QMessageBox):
    def __init__(
        self, report: Report, existing: list[ReportSummary], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("已有同一年度的报告"))
        year = "" if report.year is None else f"{report.year}"
        self.setText(
            self.tr("数据文件中已有「%1」%2年度的报告：")
            .replace("%1", report.agency)
            .replace("%2", year)
            + "\n"
            + "\n".join(describe(s) for s in existing)
        )
        self.setInformativeText(
            self.tr(
                "同一机关同一年度一般只应有一份报告，否则容易改了一份、打印了另一份。请选择怎么办："
            )
        )
        self._buttons: dict[DuplicateChoice, QPushButton] = {
            DuplicateChoice.OPEN_EXISTING: self.addButton(
                self.tr("打开已有的报告"), QMessageBox.ButtonRole.AcceptRole
            ),
            DuplicateChoice.REPLACE: self.addButton(
                self.tr("替换（旧报告移到回收站）"), QMessageBox.ButtonRole.DestructiveRole
            ),
            DuplicateChoice.KEEP_BOTH: self.addButton(
                self.tr("两份都保留（新报告标为副本）"), QMessageBox.ButtonRole.ActionRole
            ),
        }
        self._buttons[DuplicateChoice.REPLACE].setToolTip(
            self.tr("旧报告可以在“文件 › 回收站”中恢复。")
        )
        self._buttons[DuplicateChoice.KEEP_BOTH].setToolTip(
            self.tr("新报告在列表中标为“副本”，改了机关名称、年度或标题后标记消失。")
        )
        self.cancel_button = self.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self._buttons[DuplicateChoice.OPEN_EXISTING])
        self.setEscapeButton(self.cancel_button)

    def button_for(self, choice: DuplicateChoice) -> QPushButton:
        return self._buttons[choice]

    def choice(self) -> DuplicateChoice | None:
        """The clerk's answer after :meth:`exec`; None when she cancelled."""
        clicked = self.clickedButton()
        return next((c for c, b in self._buttons.items() if b is clicked), None)


def ask_duplicate(
    parent: QWidget | None, report: Report, existing: list[ReportSummary]
) -> DuplicateChoice | None:
    """Ask the clerk; None when she cancelled (nothing is stored then)."""
    question = DuplicateQuestion(report, existing, parent)
    question.exec()
    return question.choice()
