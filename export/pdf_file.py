"""Writing a finished PDF to disk atomically, with plain-Chinese errors."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from pathlib import Path

from model.errors import ExportError

REPLACE_ATTEMPTS = 5
REPLACE_PAUSE = 0.2  # seconds; a viewer or antivirus may hold the file for a moment


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and os.replace."""
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"保存位置「{folder}」不存在。请选择一个已有的文件夹后再保存。")
    if path.is_dir():
        raise ExportError(f"「{path}」是一个文件夹。请输入要保存的 PDF 文件名。")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem[:40]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(_explain(exc, path)) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _give_ordinary_permissions(tmp)
        _replace_with_retry(tmp, path)
    except OSError as exc:
        raise ExportError(_explain(exc, path)) from exc
    finally:
        if tmp.exists():
            with contextlib.suppress(OSError):
                tmp.unlink()


def _give_ordinary_permissions(tmp: Path) -> None:
    """mkstemp makes the file private (0600); a saved PDF gets what any new file would."""
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(tmp, 0o666 & ~umask)


def _replace_with_retry(tmp: Path, path: Path) -> None:
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(REPLACE_PAUSE)


def _explain(exc: OSError, path: Path) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"磁盘空间不足，无法保存「{path.name}」。请清理磁盘空间或换一个位置保存。"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        if path.exists():
            return (
                f"无法覆盖「{path.name}」：文件可能正被其他程序（例如 PDF 阅读器）打开，"
                "或没有写入权限。"
                "请关闭该文件后重试，或换一个文件名保存。"
            )
        return f"没有权限在「{path.parent}」中保存文件。请换一个文件夹（例如“文档”或桌面）保存。"
    if exc.errno == errno.EROFS:
        return f"「{path.parent}」是只读位置，无法保存。请换一个文件夹保存。"
    if exc.errno == errno.ENOENT:
        return f"保存位置「{path.parent}」不存在。请选择一个已有的文件夹后再保存。"
    reason = exc.strerror or str(exc)
    return f"无法保存「{path.name}」（{reason}）。请换一个位置或文件名后重试。"
