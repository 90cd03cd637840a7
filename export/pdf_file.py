"""Writing a finished PDF to disk atomically, with plain-Chinese errors."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

from model.errors import ExportError
from model.os_errors import describe_os_error

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
    return describe_os_error(
        exc, path, "保存", subject="PDF 文件", kept="", holder="其他程序（如 PDF 阅读器）"
    )
