"""Which reader a file needs, by its first bytes (then by its name)."""

from __future__ import annotations

from pathlib import Path

from model.errors import ReportImportError
from model.importers.document import ReadDocument

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
SUPPORTED_SUFFIXES = (".txt", ".docx", ".doc", ".wps", ".pdf", *HTML_SUFFIXES, ".json")


def read_document(path: Path, data: bytes) -> ReadDocument:
    """The file's paragraphs and tables; ReportImportError with advice when it cannot be read."""
    name = path.name
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF" in data[:1024]):
        from model.importers.pdf_reader import read_pdf

        return read_pdf(data, name)
    if data.startswith(b"PK\x03\x04"):
        from model.importers.docx_reader import read_docx

        return read_docx(data, name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        from model.importers.docx_reader import read_docx
        from model.importers.office import convert_to_docx

        document = read_docx(convert_to_docx(data, name), name)
        document.kind = "旧版 Word/WPS 文档（经 LibreOffice 转换）"
        return document
    if suffix in (".docx", ".doc", ".wps"):
        raise ReportImportError(
            f"文件「{name}」的扩展名是 {suffix}，但内容不是 Word/WPS 文档，可能已损坏，没有导入。"
            "请在 Word 或 WPS 中打开它，确认能正常显示后「另存为」.docx 再导入。"
        )
    if suffix == ".pdf":
        raise ReportImportError(
            f"文件「{name}」的扩展名是 .pdf，但内容不是 PDF，可能已损坏或只下载了一部分，没有导入。"
            "请重新下载该文件后再导入。"
        )
    if suffix in HTML_SUFFIXES or _looks_like_html(data):
        from model.importers.html_reader import read_html

        return read_html(data, name)
    from model.importers.text import read_text_document

    return read_text_document(data, name)


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return (
        head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower()
    )
