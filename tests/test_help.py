"""The guide: every topic is there in both languages, and F1 opens the topic of the tab."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from gui.shell.help import HELP_TOPICS, HelpDialog, help_file
from model.report import Report

GUIDES = {lang: help_file(lang) for lang in ("zh", "en")}


def _anchors(path: Path) -> list[str]:
    return re.findall(r'<a name="([^"]+)">', path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_every_topic_has_its_anchor_and_the_contents_link_it(lang: str) -> None:
    text = GUIDES[lang].read_text(encoding="utf-8")
    anchors = _anchors(GUIDES[lang])
    assert anchors == list(HELP_TOPICS)
    for anchor in HELP_TOPICS:
        assert f'href="#{anchor}"' in text


def _section(anchor: str) -> str:
    text = GUIDES["zh"].read_text(encoding="utf-8")
    start = text.index(f'<a name="{anchor}">')
    following = [text.find("<a name=", start + 1), len(text)]
    return text[start : min(i for i in following if i > 0)]


def test_chinese_guide_teaches_each_listed_topic() -> None:
    assert all(y in _section("formats") for y in ("2021", "2019", "2018", "30号", "60号"))
    assert "未归类内容" in _section("formats")
    # each 勾稽关系 of the national format with a worked example whose sums are right
    table3 = _section("table3")
    assert "12 + 2 = 11 + 3 = 14" in table3 and 12 + 2 == 11 + 3 == 14
    assert "12 + 3 + 1 = <b>16</b>" in table3
    assert "6 + 2 + 1 + 2 = <b>11</b>" in table3
    assert "结转下年度" in table3 and "上年结转" in table3
    assert "1 + 0 + 0 + 1 = <b>2</b>" in _section("table4")
    assert "20 + 3 − 1 = <b>22</b>" in _section("table2")
    blank = _section("blank")
    assert all(w in blank for w in ("空着", "0", "/", "不适用"))
    new_year = _section("new-year")
    assert "导入" in new_year and "上年结转" in new_year
    checks = _section("checks")
    assert "忽略此提醒" in checks and "理由" in checks and "年份" in checks
    fonts = _section("fonts")
    for face in ("仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "设置 › 字体"):
        assert face in fonts
    sample = re.search(r'<img src="([^"]+)"', fonts)
    assert sample and (GUIDES["zh"].parent / sample.group(1)).is_file()  # the shipped faces
    printing = _section("printing")
    assert "导出 PDF" in printing and "打印到文件" in printing
    data = _section("data")
    assert all(w in data for w in ("reports.json", "备份", "回收站", "恢复"))
    assert _section("faq").count("问：") >= 5
    assert all(w in _section("duplicates") for w in ("打开已有的报告", "替换", "副本"))


def test_chinese_guide_teaches_the_newer_features() -> None:
    imports = _section("import")
    for word in (".docx", ".doc", ".wps", "网页", "PDF", ".txt", "扫描件", "LibreOffice"):
        assert word in imports, word
    assert all(w in imports for w in ("导入情况", "未归类内容", "不会打印", "繁体", "万元"))
    zero = _section("blank-zero")
    assert "按空格为 0 计算" in zero and "空格填 0" in zero and "Ctrl+Z" in zero
    assert all(w in zero for w in ("编辑 › 空格填 0", "本表空格填 0", "选中的空格填 0", "“/”"))
    assert "12 + 0 与 11 + 3" in zero and 12 + 0 != 11 + 3 and 12 + 2 == 11 + 3
    stated = _section("stated-totals")
    assert "原文印的合计" in stated and "16" in stated and "15" in stated
    new_year = _section("new-year")
    assert all(w in new_year for w in ("以上年报告为基础新建", "未复核", "清空", "成文日期"))
    export = _section("export")
    for word in ("导出 Word", "导出网页", "导出 Excel", ".docx", ".html", ".xlsx"):
        assert word in export, word
    batch = _section("batch")
    for word in ("工具 › 批量检查", "选择文件夹", "导出 Excel", "汇总", "上年结转", "同一机关"):
        assert word in batch, word
    assert "每个单位一行" in batch and "保存为新报告并打开" in batch


def test_every_topic_link_names_the_number_of_its_section() -> None:
    """「见第N节」 and 「section N」 point at the section of that number (after topics moved)."""
    numerals = "一二三四五六七八九十"

    def chinese(n: int) -> str:
        tens, ones = divmod(n, 10)
        return (
            (numerals[tens - 1] if tens > 1 else "")
            + ("十" if tens else "")
            + (numerals[ones - 1] if ones else "")
        )

    for lang, pattern in (
        ("zh", r'<a href="#([\w-]+)">第(\w+)节</a>'),
        ("en", r'<a href="#([\w-]+)">section (\d+)</a>'),
    ):
        text = GUIDES[lang].read_text(encoding="utf-8")
        links = re.findall(pattern, text)
        assert links
        for anchor, number in links:
            position = HELP_TOPICS.index(anchor) + 1
            assert number == (chinese(position) if lang == "zh" else str(position)), anchor


def test_f1_in_the_batch_window_and_the_import_dialog(qtbot) -> None:
    from PySide6.QtGui import QShortcut

    from gui.batch.batch_window import BatchWindow
    from gui.shell.import_dialog import ImportDialog

    for widget, anchor in ((BatchWindow(), "batch"), (ImportDialog(), "import")):
        qtbot.addWidget(widget)
        [key] = widget.findChildren(QShortcut)
        key.activated.emit()
        guide = getattr(widget, "_help_dialog")  # noqa: B009
        assert guide.current_anchor == anchor and guide.isVisible()


def test_guide_covers_every_rule_of_the_national_format() -> None:
    from model.formats import get_format

    guide = GUIDES["zh"].read_text(encoding="utf-8")
    wording = {
        "R3.1": "第一项 + 第二项 = 第三项 + 第四项",
        "R3.2": "各列之和 = 总计",
        "R3.3": "办理结果各项之和",
        "R4.1": "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        "H1": "上年结转”应等于去年报告的“结转下年度",
        "H2": "现行有效件数",
        "H3.1": "本年废止件数不应超过",
        "H3.2": "本年制发件数不应超过",
    }
    for rule in get_format("fmt2021").rules:
        assert wording[rule["id"]] in guide, rule["id"]


def test_help_window_is_resizable_and_not_modal(qtbot) -> None:
    dialog = HelpDialog(language="zh")
    qtbot.addWidget(dialog)
    assert not dialog.isModal() and dialog.isSizeGripEnabled()
    assert "勾稽关系" in dialog.browser.toPlainText()
    english = HelpDialog(language="en")
    qtbot.addWidget(english)
    assert "cross-check" in english.browser.toPlainText()


def _press_f1(window) -> HelpDialog:
    window.actions_.help.trigger()
    QApplication.processEvents()
    dialog = window._help_dialog
    assert dialog.isVisible()
    return dialog


def test_f1_opens_the_topic_of_each_tab(window, store) -> None:
    dialog = _press_f1(window)
    assert dialog.current_anchor == "start"
    report = Report(format="fmt2021", agency="某局", year=2025)
    store.put(report)
    window.open_report(report.id)
    editor = window.current_editor()
    expected = {0: "basic"}
    for section_id, tab in editor.section_tabs.items():
        expected[editor.tabs.indexOf(tab)] = {
            "s2": "table2",
            "s3": "table3",
            "s4": "table4",
        }.get(section_id, "text")
    assert sorted(expected.values()).count("text") == 3
    tops = set()
    for index, anchor in expected.items():
        editor.tabs.setCurrentIndex(index)
        dialog = _press_f1(window)
        assert dialog.current_anchor == anchor
        tops.add(dialog.browser.verticalScrollBar().value())
    assert len(tops) == len(set(expected.values()))  # each anchor scrolled somewhere else
    assert window._help_dialog is dialog  # one guide window, reused


def test_f1_on_a_free_format_report_opens_the_text_topic(window, store) -> None:
    report = Report(format="legacy2008", agency="某局", year=2017)
    store.put(report)
    window.open_report(report.id)
    editor = window.current_editor()
    editor.tabs.setCurrentIndex(3)
    assert _press_f1(window).current_anchor == "text"


def test_f1_in_the_settings_dialog_opens_the_fonts_topic(qtbot) -> None:
    from PySide6.QtGui import QShortcut

    from gui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.font_page)
    [key] = dialog.findChildren(QShortcut)
    key.activated.emit()
    guide = dialog._help_dialog
    assert guide.current_anchor == "fonts" and guide.isVisible()
    assert guide.parent() is dialog  # usable while the modal dialog is open
