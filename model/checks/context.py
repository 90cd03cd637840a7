"""What every coded check may look at, computed at most once per check run."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from model.basic_info import LABELS, META_FIELDS
from model.cells import computed_value, effective_values
from model.checks.labels import cell_names
from model.checks.rules import Outcome, input_leaves
from model.formats import Format
from model.report import CellValue, Report

META_LABELS = {key: LABELS[key] for key in META_FIELDS}
PREAMBLE = "preamble"
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


@dataclass
class CheckContext:
    report: Report
    fmt: Format
    previous: Report | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    _values: dict[str, CellValue] | None = None

    def values(self) -> dict[str, CellValue]:
        """Entered values plus computed 总计 (model.cells.effective_values), computed once."""
        if self._values is None:
            self._values = effective_values(self.report, self.fmt)
        return self._values

    def value(self, cell_id: str) -> CellValue:
        """One cell's effective value (a 总计 computed from its input cells), without
        computing the whole table: the same rule as effective_values, for speed."""
        leaves = input_leaves(self.fmt).get(cell_id)
        if leaves is None:
            return self.report.cells.get(cell_id)
        return computed_value(self.report, leaves, {})

    def name(self, cell_id: str) -> str:
        return cell_names(self.fmt).get(cell_id, cell_id)

    def text(self, section_id: str) -> str:
        return "\n".join(self.report.sections.get(section_id, ()))

    def section_label(self, section_id: str) -> str:
        if section_id == PREAMBLE:
            return "前言"
        try:
            return f"“{self.fmt.section(section_id).heading}”"
        except KeyError:
            return section_id

    def body_texts(self) -> Iterator[tuple[str, str]]:
        """(where, text) for the 前言 and every section that has text, in document order."""
        if self.report.preamble:
            yield PREAMBLE, "\n".join(self.report.preamble)
        for section in self.fmt.sections:
            text = self.text(section.id)
            if text:
                yield section.id, text

    def body_paragraphs(self) -> Iterator[tuple[str, str]]:
        """(where, paragraph) for the 前言 and every section, in document order."""
        for paragraph in self.report.preamble:
            yield PREAMBLE, paragraph
        for section in self.fmt.sections:
            for paragraph in self.report.sections.get(section.id, ()):
                yield section.id, paragraph

    def meta_texts(self) -> Iterator[tuple[str, str]]:
        for key in META_LABELS:
            value = self.report.meta.get(key, "")
            if value:
                yield key, value


def sentences(text: str) -> list[str]:
    """Split at sentence ends (。；！？ and line breaks); a figure must sit in one sentence."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def find_section(fmt: Format, *markers: str) -> str | None:
    """The id of the section whose heading contains any of ``markers`` (e.g. 存在的主要问题)."""
    for section in fmt.sections:
        if any(m in section.heading for m in markers):
            return section.id
    return None
