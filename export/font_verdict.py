"""The one sentence the 字体 tab says about the printout: acceptable as it is, or which
roles print in a stand-in face and how to get the official ones."""

from __future__ import annotations


def font_verdict(substituted: list[str]) -> str:
    """``substituted``: the roles (小标宋, 仿宋, 黑体, 楷体, 宋体) printing in a stand-in face."""
    if not substituted:
        return (
            "所有字体都已用上正式字体或您指定的字体，打印出来符合公文格式，可以直接用于正式印发。"
        )
    roles = "、".join(substituted)
    return (
        f"{roles}暂用程序自带的替代字体：字号、行距和版心仍符合公文格式，打印稿可以用于校对和内部传阅；"
        "正式印发前，请在装有正式字体（方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312）的电脑上打印，"
        "或安装这些字体，或点“选择文件…”指定字体文件（详见“帮助 › 使用说明”的“字体”一节）。"
    )
