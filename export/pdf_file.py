"""Writing an exported file (PDF, Word, Excel, web page) through the program's one atomic
writer, with the message naming the kind of file."""

from __future__ import annotations

from pathlib import Path

from model.errors import ExportError
from model.files.atomic_file import DOCUMENT_MODE
from model.files.atomic_file import write_atomically as write_file

_KINDS = {
    ".pdf": ("PDF 文件", "其他程序（如 PDF 阅读器）"),
    ".docx": ("Word 文件", "其他程序（如 Word 或 WPS）"),
    ".xlsx": ("Excel 文件", "其他程序（如 Excel 或 WPS）"),
    ".csv": ("CSV 文件", "其他程序（如 Excel 或 WPS）"),
    ".html": ("网页文件", "其他程序（如浏览器）"),
    ".htm": ("网页文件", "其他程序（如浏览器）"),
}


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all or nothing; ExportError (plain Chinese) on failure."""
    subject, holder = _KINDS.get(Path(path).suffix.lower(), ("文件", "其他程序"))
    write_file(path, data, mode=DOCUMENT_MODE, subject=subject, holder=holder, error=ExportError)
