"""The window's actions, menus, toolbar and find bar, declared in one place.

Each action has its text, shortcut, tooltip and status-bar help; the main window connects
them. Undo/redo come from a ``QUndoGroup`` that follows the open report's ``QUndoStack``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut, QShowEvent, QUndoGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QStyle,
    QToolBar,
    QToolButton,
    QWidget,
)

from gui.keys import redo_shortcuts  # one place decides the redo keys

Key = QKeySequence.StandardKey


class WindowActions(QObject):
    """All actions of the main window (attributes), created with their texts and keys."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        style = window.style()
        sp = QStyle.StandardPixmap

        def make(
            text: str,
            tip: str,
            shortcut: QKeySequence | Key | str | None = None,
            icon: QStyle.StandardPixmap | None = None,
        ) -> QAction:
            action = QAction(text, window)
            plain = text.replace("&", "").split("(")[0].rstrip("…").strip()
            action.setIconText(plain)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            if shortcut is not None:
                # setShortcuts, not setShortcut: the latter's overloads build Qt's namespace
                # before the first paint (see start_page.ID_ROLE)
                action.setShortcuts([QKeySequence(shortcut)])
                action.setToolTip(f"{plain} ({action.shortcut().toString()})：{tip}")
            if icon is not None:
                action.setIcon(style.standardIcon(icon))
            return action

        self.new = make(
            self.tr("新建年度报告(&N)…"), self.tr("新建一份年度报告"), Key.New, sp.SP_FileIcon
        )
        self.open_list = make(
            self.tr("打开报告(&O)…"),
            self.tr("回到报告列表，打开另一份报告"),
            Key.Open,
            sp.SP_DirOpenIcon,
        )
        self.import_text = make(
            self.tr("导入(&I)…"),
            self.tr("把往年的报告（Word、网页、PDF、文本或交换文件）导入为一份报告"),
        )
        self.new_from_previous = make(
            self.tr("以上年报告为基础新建(&Y)…"),
            self.tr("以打开的报告为上年报告，新建下一年度的报告：保留文字和基本信息，清空统计数"),
        )
        self.save = make(
            self.tr("保存(&S)"), self.tr("立即保存当前报告"), Key.Save, sp.SP_DialogSaveButton
        )
        self.export_pdf = make(
            self.tr("导出 PDF(&E)…"), self.tr("按公文格式把报告保存为 PDF 文件"), "Ctrl+E"
        )
        self.export_docx = make(
            self.tr("导出 Word(&W)…"),
            self.tr("把报告保存为 Word 文件（.docx），供审核修改；内容与 PDF 相同"),
        )
        self.export_html = make(
            self.tr("导出网页(&H)…"),
            self.tr("把报告保存为一个网页文件（.html），供网站发布"),
        )
        self.export_xlsx = make(
            self.tr("导出 Excel(&L)…"),
            self.tr("把报告的统计表保存为 Excel 文件（.xlsx），表头与正式表格一致"),
        )
        self.export_exchange = make(
            self.tr("导出交换文件(&J)…"),
            self.tr("把报告保存为 .nianbao.json 交换文件，可在另一台电脑上导入"),
        )
        self.preview = make(self.tr("打印预览(&V)"), self.tr("查看打印出来的样子"), "Ctrl+Shift+P")
        self.print_report = make(self.tr("打印(&P)…"), self.tr("把报告送到打印机"), Key.Print)
        self.delete_report = make(self.tr("删除报告(&D)…"), self.tr("把报告移到回收站"))
        self.trash = make(self.tr("回收站(&T)…"), self.tr("查看、恢复已删除的报告"))
        self.quit = make(self.tr("退出(&X)"), self.tr("保存并退出程序"), "Ctrl+Q")
        self.find = make(self.tr("查找(&F)…"), self.tr("在报告中查找文字"), Key.Find)
        self.find_next = make(self.tr("查找下一个"), self.tr("查找下一处"), Key.FindNext)
        self.fill_zero = make(
            self.tr("空格填 0(&Z)"),
            self.tr("把报告各表中尚未填写的单元格一次填为 0（没有发生的事项）；可撤销"),
        )
        self.settings = make(
            self.tr("设置(&S)…"), self.tr("界面语言、打印字体等设置"), Key.Preferences
        )
        self.help = make(
            self.tr("使用说明(&H)"),
            self.tr("怎样填写、检查和打印年报；F1 打开当前页面的说明"),
            Key.HelpContents,
        )
        self.about = make(self.tr("关于(&A)"), self.tr("版本、数据和日志保存的位置"))
        # act on whatever has the focus: a text field, or the selected cells of a table
        self.cut = make(self.tr("剪切(&T)"), self.tr("剪切选中的文字或单元格"), Key.Cut)
        self.copy = make(self.tr("复制(&C)"), self.tr("复制选中的文字或单元格"), Key.Copy)
        self.paste = make(
            self.tr("粘贴(&P)"),
            self.tr("粘贴；一个数值粘贴到选中的多个单元格时全部填入"),
            Key.Paste,
        )
        self.select_all = make(self.tr("全选(&A)"), self.tr("选中全部文字或单元格"), Key.SelectAll)
        self.next_section = make(
            self.tr("下一部分(&N)"), self.tr("转到左侧列表中的下一部分"), "Ctrl+PgDown"
        )
        self.next_section.setShortcuts([QKeySequence("Ctrl+PgDown"), QKeySequence("Ctrl+Tab")])
        self.previous_section = make(
            self.tr("上一部分(&B)"), self.tr("转到左侧列表中的上一部分"), "Ctrl+PgUp"
        )
        self.previous_section.setShortcuts(
            [QKeySequence("Ctrl+PgUp"), QKeySequence("Ctrl+Shift+Tab")]
        )
        self.batch_check = make(
            self.tr("批量检查(&B)…"),
            self.tr("一次检查一个文件夹中的多份报告，导出检查结果，汇总统计表"),
        )

        self.undo_group = QUndoGroup(self)
        self.undo = self.undo_group.createUndoAction(window, self.tr("撤销"))
        self.undo.setShortcuts([QKeySequence(Key.Undo)])
        self.undo.setIcon(QIcon.fromTheme("edit-undo", style.standardIcon(sp.SP_ArrowBack)))
        self.undo.setStatusTip(self.tr("撤销上一步修改"))
        self.redo = self.undo_group.createRedoAction(window, self.tr("重做"))
        self.redo.setShortcuts(redo_shortcuts())
        self.redo.setIcon(QIcon.fromTheme("edit-redo", style.standardIcon(sp.SP_ArrowForward)))
        self.redo.setStatusTip(self.tr("重做刚才撤销的修改"))

        self.recent_menu = QMenu(self.tr("最近打开(&R)"), window)
        self.report_actions = (
            self.save, self.export_pdf, self.export_docx, self.export_html,
            self.export_xlsx, self.export_exchange, self.preview,
            self.print_report, self.find, self.find_next, self.next_section,
            self.previous_section,
        )  # fmt: skip

    def set_report_open(self, is_open: bool, read_only: bool = False) -> None:
        for action in self.report_actions:
            action.setEnabled(is_open)
        self.save.setEnabled(is_open and not read_only)
        self.fill_zero.setEnabled(is_open and not read_only)
        self.new_from_previous.setEnabled(is_open and not read_only)
        for action in (self.new, self.import_text, self.delete_report, self.trash):
            action.setEnabled(not read_only)

    def build_menus(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addActions([self.new, self.new_from_previous, self.open_list, self.import_text])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.save)
        file_menu.addSeparator()
        file_menu.addActions([self.export_pdf, self.export_docx, self.export_html])
        file_menu.addAction(self.export_xlsx)
        file_menu.addAction(self.export_exchange)
        file_menu.addActions([self.preview, self.print_report])
        file_menu.addSeparator()
        file_menu.addActions([self.delete_report, self.trash])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.cut, self.copy, self.paste, self.select_all])
        edit_menu.addSeparator()
        edit_menu.addAction(self.fill_zero)
        edit_menu.addSeparator()
        edit_menu.addActions([self.find, self.find_next])
        edit_menu.addSeparator()
        edit_menu.addActions([self.next_section, self.previous_section])
        tools_menu = bar.addMenu(self.tr("工具(&T)"))
        tools_menu.addAction(self.batch_check)
        tools_menu.addAction(self.settings)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addActions([self.help, self.about])
        self.file_menu = file_menu
        self.edit_menu = edit_menu

    def build_toolbar(self, window: QMainWindow) -> QToolBar:
        toolbar = QToolBar(self.tr("工具栏"), window)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        # Qt.ToolButtonStyle.ToolButtonTextBesideIcon, by number: Qt's namespace is not named
        # before the first paint (see start_page.ID_ROLE)
        toolbar.setProperty("toolButtonStyle", 2)
        toolbar.addActions([self.new, self.open_list, self.save])
        toolbar.addSeparator()
        toolbar.addActions([self.undo, self.redo])
        toolbar.addSeparator()
        toolbar.addActions([self.preview, self.export_pdf, self.export_docx, self.print_report])
        window.addToolBar(toolbar)
        return toolbar


class FindBar(QWidget):
    """A small bar under the editor: type, Enter finds the next place (Esc closes)."""

    searchRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = QLabel(self)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("要查找的文字"))
        self.edit.setAccessibleName(self.tr("查找内容"))
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("某" * 22))
        self.edit.returnPressed.connect(lambda: self.searchRequested.emit(self.text()))
        self.edit.textChanged.connect(lambda _t: self.result.clear())
        next_button = QPushButton(self.tr("查找下一个"), self)
        next_button.setToolTip(self.tr("查找下一处 (F3)"))
        next_button.clicked.connect(lambda: self.searchRequested.emit(self.text()))
        close_button = QToolButton(self)
        close_button.setText("×")
        close_button.setToolTip(self.tr("关闭查找栏 (Esc)"))
        close_button.setAccessibleName(self.tr("关闭查找栏"))
        close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel(self.tr("查找："), self))
        layout.addWidget(self.edit)
        layout.addWidget(next_button)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(close_button)
        self._escape: QShortcut | None = None  # made when the bar is first shown
        self.hide()

    def showEvent(self, event: QShowEvent) -> None:
        if self._escape is None:
            from PySide6.QtCore import Qt  # not before the first paint (start_page.ID_ROLE)

            self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
            self._escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._escape.activated.connect(self.hide)
        super().showEvent(event)

    def text(self) -> str:
        return self.edit.text()

    def start(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def set_found(self, found: bool) -> None:
        self.result.setStyleSheet("" if found else "color:#b00020;")
        self.result.setText("" if found else self.tr("找不到“%1”").replace("%1", self.text()))
