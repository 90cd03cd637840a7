"""Handing the report PDF to the system's own printing (CUPS on Linux and the 信创 desktops).

CUPS prints a PDF itself, as vector pages with the text kept, so the file goes to ``lp`` as it
is; only where no such path exists does the window draw page images (gui/output/printing.py).
Nothing here knows of Qt: the window turns the print dialog's choices into a
:class:`PrintRequest`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from model.errors import ExportError

ROUTE_FILE = "file"  # 打印到文件: the PDF itself is written to the chosen file
ROUTE_CUPS = "cups"  # the PDF itself goes to the CUPS queue
ROUTE_RASTER = "raster"  # page images drawn at the printer's resolution

SIDES = {
    "": "",
    "one": "one-sided",
    "long": "two-sided-long-edge",
    "short": "two-sided-short-edge",
}
LP_TIMEOUT = 60  # seconds; lp returns once CUPS has the file, it does not wait for paper
_JOB_ID = re.compile(r"request id is (\S+)")


@dataclass(frozen=True)
class PrintRequest:
    """What the clerk chose in the print dialog, for one CUPS queue."""

    printer: str
    copies: int = 1
    collate: bool = True
    pages: tuple[tuple[int, int], ...] = ()  # 1-based inclusive ranges; empty = all pages
    reverse: bool = False
    sides: str = ""  # a key of SIDES; "" leaves the queue's default
    title: str = ""
    grayscale: bool = False  # 灰度 chosen in the dialog
    # the dialog's other CUPS options (奇数页/偶数页 "page-set", 每张多页 "number-up", …)
    options: tuple[tuple[str, str], ...] = ()


# Options the request carries itself: the dialog's copy of them is not passed twice.
OWN_OPTIONS = frozenset(
    {"copies", "collate", "page-ranges", "outputorder", "sides", "print-color-mode"}
)
_OPTION_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_OPTION_VALUE = re.compile(r"^[^\s'\"\\]+$")  # lp -o would split or unquote anything else


def cups_options(pairs: list[str]) -> tuple[tuple[str, str], ...]:
    """The dialog's CUPS options, given as [name, value, name, value, …], that ``lp -o``
    can carry unchanged and the request does not set itself."""
    options: list[tuple[str, str]] = []
    for name, value in zip(pairs[::2], pairs[1::2], strict=False):
        if name in OWN_OPTIONS or not _OPTION_NAME.match(name):
            continue
        if _OPTION_VALUE.match(value):
            options.append((name, value))
    return tuple(options)


def lp_command(pdf_path: Path, request: PrintRequest, lp: str = "lp") -> list[str]:
    """The ``lp`` command line that prints ``pdf_path`` as ``request`` asks."""
    command = [lp, "-d", request.printer]
    if request.copies > 1:
        command += ["-n", str(request.copies)]
        command += ["-o", "collate=true" if request.collate else "collate=false"]
    if request.pages:
        ranges = ",".join(f"{a}" if a == b else f"{a}-{b}" for a, b in request.pages)
        command += ["-o", f"page-ranges={ranges}"]
    if request.reverse:
        command += ["-o", "outputorder=reverse"]
    if SIDES.get(request.sides):
        command += ["-o", f"sides={SIDES[request.sides]}"]
    if request.grayscale:
        command += ["-o", "print-color-mode=monochrome"]
    for name, value in request.options:
        command += ["-o", f"{name}={value}"]
    if request.title:
        command += ["-t", request.title]
    command += ["--", str(pdf_path)]
    return command


def cups_available() -> bool:
    """Whether this system prints through CUPS (not Windows; ``lp`` and ``lpstat`` present)."""
    return sys.platform != "win32" and bool(shutil.which("lp")) and bool(shutil.which("lpstat"))


def is_cups_queue(printer: str) -> bool:
    """Whether ``printer`` names a CUPS queue (``lpstat -p`` knows it)."""
    lpstat = shutil.which("lpstat")
    if not printer or lpstat is None:
        return False
    try:
        done = subprocess.run(
            [lpstat, "-p", printer],
            capture_output=True,
            timeout=10,
            check=False,
            env=_c_locale(),
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def route_for(to_file: bool, printer: str) -> str:
    """How to print: write the PDF to a file, hand it to CUPS, or draw page images."""
    if to_file:
        return ROUTE_FILE
    if cups_available() and is_cups_queue(printer):
        return ROUTE_CUPS
    return ROUTE_RASTER


def send_to_cups(pdf: bytes, request: PrintRequest) -> str:
    """Print ``pdf`` on the CUPS queue; the job id. ExportError (plain Chinese) on failure."""
    lp = shutil.which("lp")
    if lp is None:
        raise ExportError("找不到系统的打印命令 lp，无法把报告交给打印机。请用“导出 PDF”后再打印。")
    folder = Path(tempfile.mkdtemp(prefix="nianbao-print-"))
    path = folder / "report.pdf"
    try:
        path.write_bytes(pdf)
        done = subprocess.run(
            lp_command(path, request, lp),
            capture_output=True,
            text=True,
            timeout=LP_TIMEOUT,
            check=False,
            env=_c_locale(),
        )
    except subprocess.TimeoutExpired as exc:
        raise ExportError(
            f"打印机「{request.printer}」长时间没有响应，报告没有送出。请检查打印机和打印服务后再试。"
        ) from exc
    except OSError as exc:
        raise ExportError(f"无法把报告交给打印机「{request.printer}」：{exc}") from exc
    finally:
        path.unlink(missing_ok=True)
        folder.rmdir()
    if done.returncode != 0:
        reason = (done.stderr or done.stdout or "").strip()
        raise ExportError(
            f"打印机「{request.printer}」没有接受报告（{reason or '原因不明'}）。"
            "请检查打印机是否开启、是否暂停，或改用“导出 PDF”后打印。"
        )
    found = _JOB_ID.search(done.stdout or "")
    return found.group(1) if found else ""


def _c_locale() -> dict[str, str]:
    """The environment with messages in English, so the job id can be read from lp's answer."""
    env = dict(os.environ)
    env["LC_ALL"] = "C"
    return env
