"""The one place that turns an ``OSError`` into a plain-Chinese sentence for the clerk.

Used for the store file (model/storage.py and its neighbours) and for a saved PDF
(export/pdf_file.py): what happened, then what to do.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

STORE_KEPT = "原有数据没有改动。"
_log = logging.getLogger(__name__)

_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EROFS: "磁盘是只读的",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOENT: "文件或文件夹不存在",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EEXIST: "文件已经存在",
    errno.EBUSY: "文件正被占用",
    errno.EIO: "磁盘读写出错（磁盘或网络连接可能有问题）",
    errno.ELOOP: "路径中的快捷方式（符号链接）绕成了圈",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EMFILE: "同时打开的文件太多",
    errno.ENFILE: "同时打开的文件太多",
    errno.EXDEV: "不能跨磁盘移动文件",
    errno.EFBIG: "文件太大",
    errno.EINVAL: "文件名或参数无效",
    errno.ETIMEDOUT: "网络连接超时",
    errno.ESTALE: "网络文件已失效",
}
for _name, _text in (("ENOTCONN", "网络连接已断开"), ("EHOSTDOWN", "网络上的电脑没有响应")):
    if hasattr(errno, _name):
        _REASONS[getattr(errno, _name)] = _text


def chinese_reason(exc: BaseException) -> str:
    """What went wrong, in Chinese; the English system message goes to the log only."""
    code = getattr(exc, "errno", None)
    reason = _REASONS.get(code) if isinstance(code, int) else None
    if reason is None and isinstance(exc, PermissionError):
        reason = "没有权限"
    _log.info("os error %s: %s", code, exc)
    if reason is None:
        return f"系统错误代码 {code}" if isinstance(code, int) else "系统错误"
    return reason


def describe_os_error(
    exc: OSError,
    path: Path,
    action: str,
    *,
    subject: str = "数据文件",
    kept: str = STORE_KEPT,
    holder: str = "其他程序",
) -> str:
    """A sentence for an OSError while ``action`` (读取/保存/恢复 …) ``subject`` ``path``.

    ``kept`` ends the advice (what was not harmed); ``holder`` names what may hold the file
    open (「其他程序（如 PDF 阅读器）」 for a PDF).
    """
    space = " " if subject[:1].isascii() else ""  # 「保存 PDF 文件」
    failed = f"{action}{space}{subject} {path} 失败"
    code = exc.errno

    def then(advice: str) -> str:
        return f"{advice}；{kept}" if kept else f"{advice}。"

    if code == errno.ENOSPC:
        return f"{failed}：磁盘空间不足（已满）。" + then("请清理磁盘或换一个保存位置后重试")
    if code == errno.EDQUOT:
        return f"{failed}：磁盘配额已用完。" + then("请清理文件或换一个保存位置后重试")
    if code == errno.EROFS:
        return f"{failed}：所在的磁盘是只读的。" + then("请换一个保存位置")
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return f"{failed}：没有权限，或文件正被{holder}打开；也可能文件或文件夹是只读的。" + then(
            "请关闭占用它的程序，或换一个文件夹后重试"
        )
    if isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        return f"{path} 是一个文件夹，不是文件。请选择或输入一个文件名。"
    if isinstance(exc, FileNotFoundError) or code == errno.ENOENT:
        return f"{failed}：文件夹 {path.parent} 不存在。" + then("请选择一个已有的文件夹后重试")
    return f"{failed}（{chinese_reason(exc)}）。" + then("请检查磁盘和文件夹后重试")
