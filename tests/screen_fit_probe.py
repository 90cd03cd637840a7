"""Run in a child process on a screen of a given size and scale (``QT_QPA_PLATFORM`` and
``QT_SCALE_FACTOR`` set by the caller): open the main window with a report, the preview and
every dialog the clerk can reach, and print, as JSON, each window's frame beside the screen's
available geometry (logical pixels).

    python tests/screen_fit_probe.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def main() -> int:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

    from gui.qt_compat import apply_qt_workarounds

    apply_qt_workarounds()
    app = QApplication(sys.argv[:1])
    from gui.shell.app import prefer_cjk_ui_font
    from gui.shell.i18n import install_translators

    install_translators(app, "zh_CN")
    prefer_cjk_ui_font(app)

    from checks_data import city_2025

    from gui.shell.main_window import MainWindow
    from model.paths import default_store_path
    from model.store.report_store import ReportStore

    store = ReportStore(default_store_path())
    report = city_2025()
    store.put(report)
    window = MainWindow(store)
    window.show()
    app.processEvents()
    window.open_report(report.id)
    for section in ("s3", "s4"):
        window.current_editor().show_section(section)  # the tallest tables
        app.processEvents()

    def rect(r: QRect) -> list[int]:
        return [r.x(), r.y(), r.width(), r.height()]

    results: dict[str, dict[str, object]] = {}

    def record(name: str, widget: QWidget) -> None:
        for _ in range(3):
            app.processEvents()
        screen = widget.screen() or app.primaryScreen()
        results[name] = {
            "frame": rect(widget.frameGeometry()),
            "available": rect(screen.availableGeometry()),
            "maximised": widget.isMaximized(),
            "minimum": [widget.minimumSizeHint().width(), widget.minimumSizeHint().height()],
        }

    record("main window", window)

    def shown(name: str, make: Callable[[], QWidget]) -> None:
        try:
            widget = make()
        except Exception as exc:  # a dialog that cannot be built here is named, not hidden
            results[name] = {"error": repr(exc)}
            return
        widget.show()
        record(name, widget)
        widget.close()

    from gui.output.export_result import ExportOutcome, ExportResultDialog
    from gui.shell.help import AboutDialog, HelpDialog
    from gui.shell.new_report_dialog import NewReportDialog
    from gui.shell.settings_dialog import SettingsDialog
    from gui.shell.trash_dialog import TrashDialog

    controller = window._attach_export(window._open)  # the preview, as 打印预览 opens it
    controller.show_preview()
    preview = controller.preview_window()
    assert preview is not None
    record("print preview", preview)
    preview.close()

    shown("new report", lambda: NewReportDialog(window))
    shown("settings", lambda: SettingsDialog(window))
    shown("help", lambda: HelpDialog(window))
    shown("about", lambda: AboutDialog(store.path, window))
    shown("trash", lambda: TrashDialog(store, window))
    notice = "本机没有小标宋、仿宋的正式字体，已用相近字体代替；请在「设置 → 字体」中指定。"
    outcome = ExportOutcome(Path.home() / ("很长的机关名称" * 6 + ".pdf"), "PDF", 9, notice)
    shown("export result", lambda: ExportResultDialog(outcome, window))

    def file_dialog() -> QWidget:
        dialog = QFileDialog(window, "导出 PDF")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        return dialog

    shown("file dialog", file_dialog)

    def message_box() -> QWidget:
        box = QMessageBox(
            QMessageBox.Icon.Warning, "导入完成，请核对", "报告已导入。", parent=window
        )
        box.setInformativeText("\n".join(f"· 第 {i} 处需要核对的地方。" for i in range(40)))
        return box

    shown("message box", message_box)

    def batch() -> QWidget:
        from gui.batch.batch_window import BatchWindow

        return BatchWindow(store.path, None, window)

    shown("batch check", batch)
    print(json.dumps(results, ensure_ascii=False))
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
