"""Ordered upgrades of report documents from every earlier ``schema_version`` to today's.

Known versions (docs/store.md):

* **0** — the pre-release layout (no ``schema_version`` key, or ``0``): the 前言 lived in
  ``meta["preamble"]`` (a list of paragraphs or one string with blank lines between
  paragraphs); a cell marked 不适用 was stored as ``"/"`` and a blank cell as ``""``.
* **1** — today's layout (model/report.py): ``preamble`` at the top level, 不适用 is
  ``"n/a"``, blank cells are simply absent.

A step ``_from_N`` turns a version-N document into version N+1 without dropping any
field it does not understand. Documents of a newer version are refused, never cut down.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from model.errors import SchemaTooNewError, StoreError
from model.report import NOT_APPLICABLE, SCHEMA_VERSION

Doc = dict[str, Any]


def document_version(doc: Doc) -> int:
    """The ``schema_version`` of ``doc`` (0 when absent). Raises StoreError when not a number."""
    version = doc.get("schema_version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise StoreError(f"报告数据的版本号 {version!r} 不是有效的版本号，无法读取。")
    return version


def needs_migration(doc: Doc) -> bool:
    return document_version(doc) < SCHEMA_VERSION


def check_not_newer(doc: Doc) -> None:
    version = document_version(doc)
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(
            f"报告「{doc.get('agency') or doc.get('id') or ''}」是由较新版本的年报编辑器保存的"
            f"（数据版本 {version}，本程序只认识到版本 {SCHEMA_VERSION}）。"
            "为免丢失内容，本程序不会打开或改动它；请安装新版本的年报编辑器后再打开。"
        )


def _paragraphs(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(p) for p in value]
    if isinstance(value, str):
        return [p.strip() for p in value.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return []


def _from_0(doc: Doc) -> Doc:
    meta = dict(doc.get("meta") or {})
    old_preamble = meta.pop("preamble", None)
    if "preamble" not in doc:
        doc["preamble"] = _paragraphs(old_preamble)
    doc["meta"] = meta
    cells: dict[str, Any] = {}
    for cell_id, value in (doc.get("cells") or {}).items():
        if isinstance(value, str) and value.strip() in ("/", "／"):
            cells[cell_id] = NOT_APPLICABLE
        elif value is None or (isinstance(value, str) and not value.strip()):
            continue
        else:
            cells[cell_id] = value
    doc["cells"] = cells
    return doc


MIGRATIONS: dict[int, Callable[[Doc], Doc]] = {0: _from_0}
"""``MIGRATIONS[n]`` upgrades a version-n document to version n+1."""


def migrate(doc: Doc) -> Doc:
    """A copy of ``doc`` upgraded to the current ``schema_version`` (``doc`` is not changed).

    Raises :class:`SchemaTooNewError` for a document of a newer version.
    """
    check_not_newer(doc)
    version = document_version(doc)
    result = copy.deepcopy(doc)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:  # pragma: no cover - a missing step is a programming error
            raise StoreError(f"本程序不知道如何升级版本 {version} 的报告数据。")
        result = step(result)
        version += 1
        result["schema_version"] = version
    return result
