"""The one place that turns an ``OSError`` into a plain-Chinese sentence for the clerk.

Used for the store file (model/storage.py and its neighbours) and for a saved PDF
(export/pdf_file.py): what happened, then what to do.
"""

from __future__ import annotations

import errno
from pathlib import Path

STORE_KEPT = "原有数据没有改动。"


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
    detail = exc.strerror or str(exc)
    return f"{failed}（{detail}）。" + then("请检查磁盘和文件夹后重试")
