"""The 字体 tab says in one sentence whether the printout is acceptable and what to do."""

from __future__ import annotations

from export.font_verdict import font_verdict


def test_all_official_is_acceptable_for_publication() -> None:
    sentence = font_verdict([])
    assert "符合公文格式" in sentence and "正式印发" in sentence
    assert "替代" not in sentence


def test_stand_ins_are_named_with_how_to_get_the_official_faces() -> None:
    sentence = font_verdict(["小标宋", "仿宋"])
    assert sentence.startswith("小标宋、仿宋暂用")
    assert "校对" in sentence  # what the printout is good for
    for how in ("仿宋_GB2312", "方正小标宋简体", "选择文件", "使用说明"):
        assert how in sentence
    assert sentence.count("。") == 1  # one sentence


def test_font_page_shows_the_verdict_for_its_roles(qtbot) -> None:
    from gui.output.font_settings import SUBSTITUTE, FontSettingsPage, role_statuses

    page = FontSettingsPage()
    qtbot.addWidget(page)
    substituted = [s.role for s in role_statuses({}) if s.kind == SUBSTITUTE]
    assert page.verdict.text() == font_verdict(substituted)
    assert page.verdict.text()
