"""Salvage: when one report in the store file is damaged, the others are not lost with it.

The store writes one document per line, so a damaged sector, a bad edit by hand or a cut-off
copy usually spoils one line. :func:`salvage_plan` reads the file line by line and sorts
the documents into intact and damaged; :func:`salvage` keeps the damaged file aside
(``reports.json.damaged-…``), writes the intact documents into a new store file, and
says which reports could not be read, by whatever of their name is still legible.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from model.errors import StoreError
from model.files.os_errors import describe_os_error
from model.store.backups import move_aside
from model.store.lock import StoreLock
from model.store.storage import AtomicJSONStorage, structure_problem

_DOC_LINE = re.compile(rb'^"(\d+)": (.*?),?$')
_TABLE_OPEN = re.compile(rb'"((?:[^"\\]|\\.)*)": \{$')
_FIELD = {
    name: re.compile(rb'"' + name.encode() + rb'": "((?:[^"\\]|\\.){1,80})"')
    for name in ("title", "agency", "id")
}
_YEAR = re.compile(rb'"year": (\d{4})')


@dataclass
class SalvagePlan:
    """What a damaged store file still holds."""

    data: dict[str, dict[str, Any]] = field(default_factory=dict)
    intact: int = 0  # reports (not counting the 回收站) that can be read
    lost: list[str] = field(default_factory=list)  # the damaged ones, described for the clerk


@dataclass(frozen=True)
class SalvageResult:
    kept_aside: Path  # the damaged file, under its new name
    saved: int  # reports in the new store
    lost: list[str]  # the reports that could not be read


def _legible(raw: bytes, regex: re.Pattern[bytes]) -> str:
    match = regex.search(raw)
    if not match:
        return ""
    try:
        return str(json.loads(b'"' + match.group(1) + b'"'))
    except ValueError:
        return match.group(1).decode("utf-8", errors="replace")


def describe_damaged(raw: bytes, number: int) -> str:
    """A damaged report named as well as its remains allow."""
    title = _legible(raw, _FIELD["title"])
    agency = _legible(raw, _FIELD["agency"])
    year = _YEAR.search(raw)
    report_id = _legible(raw, _FIELD["id"])
    name = title or " ".join(p for p in (agency, year.group(1).decode() if year else "") if p)
    if name:
        return f"「{name}」" + (f"（编号 {report_id}）" if report_id else "")
    if report_id:
        return f"编号为 {report_id} 的报告"
    return f"第 {number} 份报告（名称已无法辨认）"


def salvage_plan(raw: bytes) -> SalvagePlan | None:
    """Sort a store file's documents into intact and damaged; ``None`` when the file is not
    in the store's one-document-per-line layout, or holds nothing intact, or nothing damaged
    (then salvage has nothing to offer)."""
    lines = raw.split(b"\n")
    first = _TABLE_OPEN.search(lines[0])
    if len(lines) < 3 or not lines[0].startswith(b"{") or first is None:
        return None
    plan = SalvagePlan()
    table = _table_name(first.group(1))
    plan.data[table] = {}
    damaged = number = 0
    for line in lines[1:]:
        doc_line = _DOC_LINE.match(line)
        if doc_line:
            number += table == "reports"
            doc = _document(doc_line.group(2), table)
            if doc is None:
                damaged += 1
                if table == "reports":
                    plan.lost.append(describe_damaged(line, number))
                continue
            plan.data[table][doc_line.group(1).decode()] = doc
            plan.intact += table == "reports"
            continue
        opened = _TABLE_OPEN.search(line)
        if opened:
            table = _table_name(opened.group(1))
            plan.data.setdefault(table, {})
        elif line.strip(b" \r\n}") and not line.startswith(b"}"):
            damaged += 1  # no document's start: something was cut or overwritten here
            if table == "reports":
                number += 1
                plan.lost.append(describe_damaged(line, number))
    if not raw.rstrip().endswith(b"}"):
        damaged += 1
        if not plan.lost:
            plan.lost.append("文件末尾被截断，其后的报告（如有）已无法辨认")
    if plan.intact == 0 or damaged == 0 or structure_problem(plan.data):
        return None
    return plan


def _table_name(raw: bytes) -> str:
    try:
        return str(json.loads(b'"' + raw + b'"'))
    except ValueError:
        return raw.decode("utf-8", errors="replace")


def _document(raw: bytes, table: str) -> dict[str, Any] | None:
    """The document on one line, or ``None`` when it cannot be read or is not whole."""
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(doc, dict):
        return None
    report = doc if table == "reports" else doc.get("report")
    if table in ("reports", "trash") and not (
        isinstance(report, dict) and isinstance(report.get("id"), str)
    ):
        return None
    return doc


def salvage(store_path: Path) -> SalvageResult:
    """Keep the damaged file aside and write its intact reports into a new store file.

    Takes the store lock (the store must not be open anywhere). Raises StoreError when the
    file cannot be salvaged or written; the damaged file is then where it was.
    """
    lock = StoreLock(store_path)
    lock.acquire()
    try:
        try:
            raw = store_path.read_bytes()
        except OSError as exc:
            raise StoreError(describe_os_error(exc, store_path, "读取")) from exc
        plan = salvage_plan(raw)
        if plan is None:
            raise StoreError(
                f"数据文件 {store_path} 中找不到可以单独挽救的报告。请改用备份，"
                "或把这个文件交给技术人员查看。"
            )
        kept = move_aside(store_path, "damaged")
        storage = AtomicJSONStorage(store_path)
        try:
            storage.write(plan.data)
        except StoreError:
            move_aside_back(kept, store_path)
            raise
        return SalvageResult(kept, plan.intact, plan.lost)
    finally:
        lock.release()


def move_aside_back(kept: Path, store_path: Path) -> None:
    """Undo :func:`move_aside` after the new file could not be written."""
    try:
        kept.replace(store_path)
    except OSError as exc:
        raise StoreError(describe_os_error(exc, store_path, "恢复")) from exc


def salvage_message(result: SalvageResult) -> str:
    """What the clerk is told after a salvage."""
    lost = "、".join(result.lost) if result.lost else "无"
    return (
        f"已挽救 {result.saved} 份完好的报告，放入新的数据文件。"
        f"无法读取的报告：{lost}。损坏的文件已改名保留为 {result.kept_aside}，"
        "可以交给技术人员查看；也可以在备份中找这些报告的较早版本。"
    )
