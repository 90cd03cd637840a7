"""What an import gives back: the report, the warnings, and the import report (导入报告)."""

from __future__ import annotations

from dataclasses import dataclass, field

from model.report import Report


@dataclass
class ImportSummary:
    """What went where, in words the clerk can check against her document."""

    kind: str = "文本"  # file type in words
    format_name: str = ""
    sections: list[tuple[str, str]] = field(default_factory=list)  # (as written, placed in)
    cells_filled: int = 0
    cells_total: int = 0  # input cells of the format's tables
    values_seen: int = 0  # values found in the document's tables
    stated_totals: int = 0
    notes: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    traditional: bool = False
    simplified: bool = False

    def lines(self, *, with_unplaced: bool = True) -> list[str]:
        """The import report as lines (the command line prints them; the window shows them
        with the 未归类内容 in a list of its own)."""
        out = [f"文件类型：{self.kind}；报告格式：{self.format_name}"]
        if self.sections:
            out.append(f"部分：识别到 {len(self.sections)} 个")
            for written, placed in self.sections:
                arrow = "" if written == placed else f" → {placed}"
                out.append(f"  {written}{arrow}")
        if self.cells_total:
            out.append(
                f"表格：填入 {self.cells_filled} / {self.cells_total} 个单元格"
                f"（文件中有 {self.values_seen} 个数值），印有的合计 {self.stated_totals} 个"
            )
        if self.traditional:
            out.append(
                "文字：繁体，已转换为简体" if self.simplified else "文字：繁体（未转换为简体）"
            )
        out.extend(f"说明：{note}" for note in self.notes)
        if self.unplaced and with_unplaced:
            out.append(f"未归类内容 {len(self.unplaced)} 条（已保存在报告的「未归类内容」中）：")
            out.extend(f"  {line}" for line in self.unplaced)
        return out


@dataclass
class ImportResult:
    """The imported report and what the clerk should check (plain Chinese, may be empty)."""

    report: Report
    warnings: list[str] = field(default_factory=list)
    summary: ImportSummary | None = None
