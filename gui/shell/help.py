"""使用说明 (a short guide inside the program) and 关于 (version, where the data is)."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from model.paths import log_dir

translate = QCoreApplication.translate
FALLBACK_VERSION = "0.1.0"


def app_version() -> str:
    try:
        return metadata.version("nianbao")
    except metadata.PackageNotFoundError:
        return FALLBACK_VERSION


def help_html() -> str:
    return translate(
        "Help",
        "<h2>公开年报编辑器 使用说明</h2>"
        "<h3>一、开始一份报告</h3>"
        "<p>点“文件 › 新建年度报告”（Ctrl+N），填写机关名称和年度，"
        "程序会自动选用该年度的报告格式并拟好标题。"
        "也可以点“从文本导入”，把往年的报告（.txt 文本或 .json 交换文件）导入后在其基础上修改。</p>"
        "<h3>二、填写</h3>"
        "<p>窗口左侧列出报告的各个部分，点一项即可填写；“基本信息”页填写标题、联系方式等。"
        "统计表中直接输入数字，也可以从 Excel/WPS 表格复制一块粘贴进来；"
        "“总计”等合计格由程序自动计算，不需要填写。"
        "不适用的格子可以标为“/”。某一部分没有内容时可以留空，打印时显示“无”。</p>"
        "<p>右侧的“检查结果”会随时列出前后矛盾或漏填的地方，点一条即可跳到对应位置。"
        "确认无误的提醒可以填写说明后忽略。</p>"
        "<h3>三、保存</h3>"
        "<p>所填内容每隔一会儿自动保存，窗口底部会显示最近一次保存的时间；"
        "也可以随时按 Ctrl+S 保存。"
        "撤销为 Ctrl+Z，重做为 Ctrl+Y；在报告中找字按 Ctrl+F。</p>"
        "<h3>四、打印和保存为 PDF</h3>"
        "<p>“文件 › 打印预览”先看看排版效果；“导出 PDF”生成符合公文格式（GB/T 9704）的 PDF 文件，"
        "可以上传网站或发送；“打印”（Ctrl+P）直接送打印机。"
        "本机没有正式的公文字体时，程序先用相近的字体代替并会提示，"
        "可在“工具 › 设置 › 字体”中指定字体文件。</p>"
        "<h3>五、管理报告</h3>"
        "<p>“文件 › 打开报告”（Ctrl+O）回到报告列表。删除的报告先放进回收站，"
        "在“文件 › 回收站”中可以恢复。</p>"
        "<h3>遇到问题</h3>"
        "<p>程序出错时会自动保存您的报告，并把详细情况记入日志文件；"
        "“帮助 › 关于”中可以看到数据和日志保存在哪个文件夹。</p>",
    )


def about_text(store_path: Path | None) -> str:
    store = str(store_path) if store_path else translate("Help", "（未打开）")
    return (
        translate("Help", "<h3>公开年报编辑器</h3>")
        + translate("Help", "<p>版本 %1</p>").replace("%1", app_version())
        + translate("Help", "<p>用于填写、检查和打印政府信息公开工作年度报告。</p>")
        + translate("Help", "<p>报告数据文件：<br/>%1</p>").replace("%1", store)
        + translate("Help", "<p>日志文件夹：<br/>%1</p>").replace("%1", str(log_dir()))
    )


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("使用说明"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(help_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        em = self.fontMetrics().height()
        self.resize(em * 34, em * 30)


class AboutDialog(QDialog):
    def __init__(self, store_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于公开年报编辑器"))
        self.label = QLabel(about_text(store_path), self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 28)
