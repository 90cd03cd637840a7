"""The local store: one TinyDB document per report, behind a small repository API.

(First version: plain TinyDB JSON storage. Atomic writes, the lock, backups, migrations and
the trash are added behind this same API.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from model.errors import ReportNotFoundError, StoreCorruptError, StoreError
from model.report import Report

REPORTS_TABLE = "reports"


@dataclass(frozen=True)
class ReportSummary:
    """What the report list shows, without loading whole reports into widgets."""

    id: str
    agency: str
    year: int | None
    format: str
    modified: str
    title: str


class ReportStore:
    """Reports kept in one JSON file. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = TinyDB(self.path, encoding="utf-8", ensure_ascii=False, indent=1)
            self._reports = self._db.table(REPORTS_TABLE)
            self._reports.all()
        except ValueError as exc:
            raise StoreCorruptError(
                f"数据文件 {self.path} 已损坏，无法读取（{exc}）。文件未被改动；请从备份恢复。"
            ) from exc
        except OSError as exc:
            raise StoreError(f"无法打开数据文件 {self.path}：{exc.strerror or exc}。") from exc

    def __enter__(self) -> ReportStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # --- queries ---------------------------------------------------------------------------
    def list_reports(self) -> list[ReportSummary]:
        """Summaries of every report, most recently modified first."""
        summaries = [_summary(doc) for doc in self._reports.all()]
        return sorted(summaries, key=lambda s: s.modified, reverse=True)

    def get(self, report_id: str) -> Report:
        doc = self._reports.get(Query().id == report_id)
        if doc is None:
            raise ReportNotFoundError(f"数据文件中没有编号为「{report_id}」的报告。")
        return Report.from_dict(dict(doc))  # type: ignore[arg-type]

    def contains(self, report_id: str) -> bool:
        return self._reports.contains(Query().id == report_id)

    def find_previous(self, agency: str, year: int | None) -> Report | None:
        """Last year's report of the same agency, for the cross-year checks."""
        if year is None or not agency:
            return None
        q = Query()
        docs = self._reports.search((q.agency == agency) & (q.year == year - 1))
        if not docs:
            return None
        latest = max(docs, key=lambda d: d.get("modified", ""))
        return Report.from_dict(dict(latest))

    # --- changes ---------------------------------------------------------------------------
    def put(self, report: Report) -> None:
        """Insert or replace the report (one atomic write of the store file)."""
        self._check_writable()
        self._reports.upsert(report.to_dict(), Query().id == report.id)

    def delete(self, report_id: str) -> None:
        self._check_writable()
        if not self._reports.remove(Query().id == report_id):
            raise ReportNotFoundError(f"数据文件中没有编号为「{report_id}」的报告。")

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("数据文件正以只读方式打开（可能另一个窗口正在使用），本次修改未保存。")


def _summary(doc: Any) -> ReportSummary:
    meta = doc.get("meta") or {}
    return ReportSummary(
        id=str(doc.get("id", "")),
        agency=str(doc.get("agency", "")),
        year=doc.get("year"),
        format=str(doc.get("format", "")),
        modified=str(doc.get("modified", "")),
        title=str(meta.get("title", "")),
    )
