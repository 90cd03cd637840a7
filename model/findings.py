"""What a check found: the shared vocabulary of the checker, the panel, the CLI and export."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"  # the report is wrong (an official or implied rule is broken)
WARNING = "warning"  # probably wrong; the clerk may dismiss it with a note
PENDING = "pending"  # cannot be checked yet (a cell it needs is blank)

LEVEL_LABELS = {ERROR: "错误", WARNING: "提醒", PENDING: "待填"}


@dataclass(frozen=True)
class Finding:
    """One finding. ``id`` is stable across re-checks (rule id + scope, e.g. ``R3.1@total``),
    so a dismissal stored under it survives edits and restarts."""

    id: str
    level: str
    message: str  # plain Chinese: what is wrong, where, the numbers on both sides
    section: str | None = None  # section id to jump to
    cells: tuple[str, ...] = ()  # cell ids involved, to mark and to jump to
    # blank cells this finding took as 0 (「按空格为 0 计算」); empty when none was needed
    assumed_blanks: tuple[str, ...] = ()

    @property
    def rests_on_blanks(self) -> bool:
        return bool(self.assumed_blanks)

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS.get(self.level, self.level)

    def line(self) -> str:
        """One line for the command line: level, id, message."""
        return f"{self.level_label}\t{self.id}\t{self.message}"
