"""Old Word (.doc) and WPS (.wps) files: converted to .docx by LibreOffice when installed.

The conversion runs ``soffice --headless --convert-to docx`` in a private temporary folder
with its own profile (so an open LibreOffice window does not interfere) and a time limit.
Without LibreOffice the clerk is told to save the file as .docx in Word or WPS.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from model.errors import ReportImportError

CONVERT_SECONDS = 90
_SAVE_AS = "请在 Word 或 WPS 中打开它，「另存为」Word 文档（.docx）后再导入。"
# the name of the stream that holds an encrypted Office document, as stored (UTF-16LE)
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def soffice_path() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ):
        if os.path.exists(candidate):
            return candidate
    return None


def is_encrypted_office(data: bytes) -> bool:
    """An Office file saved with a password (the .docx inside an encrypted container)."""
    return data.startswith(b"\xd0\xcf\x11\xe0") and _ENCRYPTED in data[:1_000_000]


def convert_to_docx(data: bytes, name: str) -> bytes:
    """The .docx LibreOffice makes of a .doc/.wps file. Raises ReportImportError."""
    if is_encrypted_office(data):
        raise ReportImportError(
            f"文件「{name}」设有打开密码（已加密），无法读取，没有导入。"
            "请在 Word 或 WPS 中输入密码打开，取消密码后另存为 .docx 再导入。"
        )
    soffice = soffice_path()
    if soffice is None:
        raise ReportImportError(
            f"文件「{name}」是旧版 Word/WPS 文档，本机没有安装 LibreOffice，"
            f"无法直接读取。{_SAVE_AS}"
        )
    suffix = Path(name).suffix.lower() or ".doc"
    with tempfile.TemporaryDirectory(prefix="nianbao-convert-") as folder:
        source = Path(folder) / f"source{suffix}"
        source.write_bytes(data)
        profile = Path(folder) / "profile"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            folder,
            str(source),
        ]
        try:
            subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=CONVERT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ReportImportError(
                f"转换文件「{name}」超过 {CONVERT_SECONDS} 秒仍未完成，已停止，没有导入。{_SAVE_AS}"
            ) from exc
        except OSError as exc:
            raise ReportImportError(
                f"无法启动 LibreOffice 转换文件「{name}」（{exc}）。{_SAVE_AS}"
            ) from exc
        result = Path(folder) / "source.docx"
        if not result.is_file():
            raise ReportImportError(
                f"LibreOffice 无法转换文件「{name}」（文件可能已损坏或不是 Word/WPS 文档），"
                f"没有导入。{_SAVE_AS}"
            )
        return result.read_bytes()
