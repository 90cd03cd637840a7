"""The window's menu and toolbar actions connected to what they do, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.shell.focus_edit import COPY, CUT, PASTE, SELECT_ALL, act_on_focus

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow


def connect_menus(window: MainWindow) -> None:
    a = window.actions_
    a.new.triggered.connect(window.new_report)
    a.open_list.triggered.connect(window.show_list)
    a.import_text.triggered.connect(lambda: window.import_report())
    a.new_from_previous.triggered.connect(window.library.new_from_previous)
    a.save.triggered.connect(window.save)
    a.export_pdf.triggered.connect(lambda: window.run_export("export_pdf"))
    a.export_docx.triggered.connect(lambda: window.run_export("export_docx"))
    a.export_html.triggered.connect(lambda: window.run_export("export_html"))
    a.export_exchange.triggered.connect(window.library.export_exchange)
    a.export_xlsx.triggered.connect(lambda: _export_xlsx(window))
    a.preview.triggered.connect(lambda: window.run_export("show_preview"))
    a.print_report.triggered.connect(lambda: window.run_export("print_report"))
    a.delete_report.triggered.connect(lambda: window.delete_report())
    a.trash.triggered.connect(window.show_trash)
    a.quit.triggered.connect(window.close)
    a.find.triggered.connect(window.find_bar.start)
    for action, command in (
        (a.cut, CUT), (a.copy, COPY), (a.paste, PASTE), (a.select_all, SELECT_ALL)
    ):  # fmt: skip
        action.triggered.connect(lambda _=False, c=command: act_on_focus(c))
    a.next_section.triggered.connect(lambda: window.step_section(1))
    a.previous_section.triggered.connect(lambda: window.step_section(-1))
    a.find_next.triggered.connect(lambda: window.find_text(window.find_bar.text()))
    a.fill_zero.triggered.connect(window.fill_blanks_with_zero)
    a.settings.triggered.connect(lambda: _show_settings(window))
    a.help.triggered.connect(window.show_help)
    a.about.triggered.connect(lambda: _show_about(window))
    a.batch_check.triggered.connect(lambda: _show_batch(window))


# the dialogs and windows behind the menus are imported when first asked for


def _show_settings(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    from gui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window)
    if dialog.exec() and dialog.language_changed():
        QMessageBox.information(
            window, window.tr("设置"), window.tr("界面语言将在下次启动本程序时更改。")
        )


def _export_xlsx(window: MainWindow) -> None:
    """导出 Excel: the open report's statistics tables as an .xlsx file."""
    from gui.output.xlsx_export import export_open_report_xlsx

    export_open_report_xlsx(window)


def _show_batch(window: MainWindow) -> None:
    """批量检查: a folder of reports checked at once, in a window of its own."""
    from gui.batch.launch import open_batch_window

    open_batch_window(window)


def _show_about(window: MainWindow) -> None:
    from gui.shell.help import AboutDialog

    AboutDialog(window.store.path, window).exec()
