"""Bounds every reader keeps, so that no file can make an import hang or eat the memory.

A report is a few pages with three tables; the bounds are far above that and far below what
a hostile or mistaken file (a 10,000-table document, a 20 MB page) would need.
"""

from __future__ import annotations

import time

from model.errors import ReportImportError

MAX_TABLES = 200
MAX_TABLE_CELLS = 20_000  # all tables together
MAX_BLOCKS = 50_000  # paragraphs and tables
MAX_TEXT_CHARS = 2_000_000
MAX_PDF_PAGES = 300
MAX_HTML_BYTES = 8 * 1024 * 1024
MAX_NESTING = 64  # tables inside tables, elements inside elements (HTML)
MAX_ZIP_MEMBER_BYTES = 60 * 1024 * 1024  # the unpacked document.xml of a .docx
TIME_LIMIT_SECONDS = 30.0


class Budget:
    """Counts what a reader has taken and stops it with a clear message past the bounds."""

    def __init__(self, name: str, kind: str) -> None:
        self.name = name
        self.kind = kind
        self.started = time.monotonic()
        self.tables = 0
        self.cells = 0
        self.blocks = 0
        self.chars = 0

    def _refuse(self, what: str) -> ReportImportError:
        return ReportImportError(
            f"文件「{self.name}」{what}，不像是一份年度报告，没有导入。"
            "请确认选择的文件是否正确；如确是年度报告，请把正文另存为较小的文件后再导入。"
        )

    def table(self, cells: int) -> None:
        self.tables += 1
        self.cells += cells
        if self.tables > MAX_TABLES:
            raise self._refuse(f"中有超过 {MAX_TABLES} 个表格")
        if self.cells > MAX_TABLE_CELLS:
            raise self._refuse(f"的表格共有超过 {MAX_TABLE_CELLS} 个单元格")
        self.block(0)

    def block(self, chars: int) -> None:
        self.blocks += 1
        self.chars += chars
        if self.blocks > MAX_BLOCKS:
            raise self._refuse(f"有超过 {MAX_BLOCKS} 个段落")
        if self.chars > MAX_TEXT_CHARS:
            raise self._refuse(f"有超过 {MAX_TEXT_CHARS // 10000} 万个字")
        if self.blocks % 256 == 0:
            self.check_time()

    def nesting(self, depth: int) -> None:
        if depth > MAX_NESTING:
            raise self._refuse(f"的结构嵌套超过 {MAX_NESTING} 层")

    def check_time(self) -> None:
        if time.monotonic() - self.started > TIME_LIMIT_SECONDS:
            raise ReportImportError(
                f"读取文件「{self.name}」超过 {int(TIME_LIMIT_SECONDS)} 秒仍未完成，已停止，"
                "没有导入任何内容。请确认文件是否正确，或把正文另存为较小的文件后再导入。"
            )
