"""Writing a finished PDF to disk: the program's one atomic writer, with the PDF's wording."""

from __future__ import annotations

from pathlib import Path

from model.atomic_file import DOCUMENT_MODE
from model.atomic_file import write_atomically as write_file
from model.errors import ExportError


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all or nothing; ExportError (plain Chinese) on failure."""
    write_file(
        path,
        data,
        mode=DOCUMENT_MODE,
        subject="PDF 文件",
        holder="其他程序（如 PDF 阅读器）",
        error=ExportError,
    )
