"""Atomic, fast TinyDB storage for the store file.

TinyDB's stock ``JSONStorage`` rewrites the file in place, so a crash mid-write leaves half a
file. Here every write goes through :func:`model.files.atomic_file.atomic_write` (temporary file,
fsync, ``os.replace``). No handle stays open between writes.

Speed: the lock guarantees one writer, so the parsed data is kept in memory between reads
and each report's serialized bytes are cached. A write only re-serializes the reports that
changed (the store names them with :meth:`AtomicJSONStorage.mark_changed`; new or replaced
document objects are noticed by identity) and writes the cached bytes for the rest.
The file is ordinary TinyDB JSON, one document per line, UTF-8 with ``ensure_ascii=False``.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from model.errors import StoreError, StoreFileCorruptError
from model.files.atomic_file import TEMP_MARKER, atomic_write, resolve_target, temp_prefix
from model.files.os_errors import STORE_KEPT, describe_os_error
from model.store import delta_log

Data = dict[str, dict[str, Any]]
Fragments = dict[str, dict[str, tuple[Any, bytes]]]
"""Per table and document id: the parsed document object and its serialized bytes."""


def remove_orphan_temp_files(path: Path, subfolders: tuple[str, ...] = ()) -> int:
    """Delete temp files left by a crashed write (call only while holding the store lock):
    the store's own beside it, and any in ``subfolders`` (backups/, recovery/)."""
    removed = 0
    places = [(path.parent, temp_prefix(path))] + [(path.parent / s, ".") for s in subfolders]
    for folder, prefix in places:
        with contextlib.suppress(OSError):
            for entry in folder.iterdir():
                if entry.name.startswith(prefix) and TEMP_MARKER in entry.name:
                    with contextlib.suppress(OSError):
                        entry.unlink()
                        removed += 1
    return removed


def read_store_data(path: Path) -> Data | None:
    """Read and check a store file; ``None`` when it does not exist or is empty.

    Raises :class:`StoreFileCorruptError` (file left untouched) or :class:`StoreError`.
    """
    return read_store_file(path)[0]


def read_store_file(path: Path) -> tuple[Data | None, Fragments]:
    """Like :func:`read_store_data`, also returning each document's bytes when the file has
    this module's one-document-per-line layout (so the first save need not re-serialize)."""
    if path.is_dir():
        raise StoreError(f"数据文件 {path} 是一个文件夹，不是数据文件。请选择或指定一个文件。")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, {}
    except OSError as exc:
        raise StoreError(describe_os_error(exc, path, "读取")) from exc
    return parse_store_bytes(raw, path)


def parse_store_bytes(raw: bytes, path: Path) -> tuple[Data | None, Fragments]:
    """The content of a store file already read (``path`` names it in messages)."""
    if not raw.strip():
        return None, {}
    with contextlib.suppress(
        ValueError, UnicodeDecodeError, StopIteration, AttributeError, RecursionError
    ):
        fast = _parse_line_layout(raw)
        if fast is not None:
            return fast
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise StoreFileCorruptError(
            f"数据文件 {path} 已损坏（内容不完整或不是有效的数据），无法读取。文件没有被改动。",
            path,
        ) from exc
    problem = structure_problem(data)
    if problem:
        raise StoreFileCorruptError(
            f"数据文件 {path} 的内容不是本程序的数据格式（{problem}），无法读取。文件没有被改动。",
            path,
        )
    return data, {}


_DOC_LINE = re.compile(rb'^("\d+"): (\{.*\})(,?)$')


def _parse_line_layout(raw: bytes) -> tuple[Data, Fragments] | None:
    """Parse a file written by :meth:`AtomicJSONStorage.render`; ``None`` for any other layout.

    Document lines are swapped for a placeholder ``0``, the small skeleton is parsed, and
    each placeholder is filled with its parsed line, whose bytes are kept as the fragment.
    """
    skeleton: list[bytes] = []
    lines: list[tuple[bytes, bytes]] = []
    for line in raw.split(b"\n"):
        match = _DOC_LINE.match(line)
        if match:
            lines.append((match.group(1), match.group(2)))
            skeleton.append(match.group(1) + b": 0" + match.group(3))
        else:
            skeleton.append(line)
    shape = json.loads(b"\n".join(skeleton).decode("utf-8"))
    if not isinstance(shape, dict):
        return None
    data: Data = {}
    fragments: Fragments = {}
    pending = iter(lines)
    for table_name, table in shape.items():
        if not isinstance(table, dict):
            return None
        data[table_name], fragments[table_name] = {}, {}
        for doc_id, placeholder in table.items():
            key, body = next(pending)
            if placeholder != 0 or json.loads(key) != doc_id or not doc_id.isdigit():
                return None
            doc = json.loads(body.decode("utf-8"))
            data[table_name][doc_id] = doc
            fragments[table_name][doc_id] = (doc, key + b": " + body)
    if next(pending, None) is not None:
        return None
    return data, fragments


def structure_problem(data: Any) -> str | None:
    """Why ``data`` is not TinyDB data (tables of numbered documents), or ``None``."""
    if not isinstance(data, dict):
        return "最外层不是对象"
    for table_name, table in data.items():
        if not isinstance(table, dict):
            return f"「{table_name}」不是表"
        for doc_id, doc in table.items():
            if not str(doc_id).isdigit() or not isinstance(doc, dict):
                return f"「{table_name}」中的第 {doc_id} 条记录格式不对"
    return None


def serialize_document(doc_id: str, doc: Any) -> bytes:
    return (json.dumps(doc_id) + ": " + json.dumps(doc, ensure_ascii=False)).encode("utf-8")


class AtomicJSONStorage(Storage):
    """TinyDB storage: atomic replace on write, parsed data and serialized bytes cached.

    A large store's small saves go to its change log (model/store/delta_log.py) and the file
    is rewritten by :meth:`compact`; readers apply the log to what they read.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = resolve_target(Path(path))  # a link's target: the file and its log
        self.read_only = read_only
        self._data: Data | None = None
        self._loaded = False
        self._fragments: Fragments = {}
        self._changed: set[tuple[str, str]] = set()
        self._batch_depth = 0
        self._pending = False
        self._base: str | None = None  # the store file's fingerprint as last read or written
        self._log_bytes = 0  # size of the change log that belongs to it (0: none)
        self.write_count = 0  # saves (whole file or change log)
        self.full_write_count = 0  # saves that rewrote the whole file

    # --- TinyDB interface ----------------------------------------------------------------
    def read(self) -> Data | None:
        if not self._loaded:
            self._data, self._fragments = self._read_file()
            self._loaded = True
        return self._data

    def _read_file(self) -> tuple[Data | None, Fragments]:
        if self.path.is_dir():
            raise StoreError(
                f"数据文件 {self.path} 是一个文件夹，不是数据文件。请选择或指定一个文件。"
            )
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self._base, self._log_bytes = None, 0
            return None, {}
        except OSError as exc:
            raise StoreError(describe_os_error(exc, self.path, "读取")) from exc
        data, fragments = parse_store_bytes(raw, self.path)
        self._base = delta_log.fingerprint([raw]) if data is not None else None
        self._log_bytes = 0
        if data is not None and self._base is not None:
            records = delta_log.read(self.path, self._base)
            if records:
                for table in delta_log.apply(data, records):
                    fragments.pop(table, None)  # re-serialized at the next whole write
                self._log_bytes = max(1, delta_log.delta_path(self.path).stat().st_size)
        return data, fragments

    def write(self, data: Data) -> None:
        if self.read_only:
            raise StoreError("数据文件正以只读方式打开，不能保存修改。")
        self._data = data
        self._loaded = True
        if self._batch_depth:
            self._pending = True
            return
        self.flush()

    def close(self) -> None:
        self._fragments.clear()

    # --- extras used by the store ----------------------------------------------------------
    def mark_changed(self, table: str, doc_id: int | str) -> None:
        """Tell the storage that a document is about to change in place."""
        self._changed.add((table, str(doc_id)))

    def forget(self) -> None:
        """Drop every cache: the next read comes from the disk (after a failed write)."""
        self._data = None
        self._loaded = False
        self._fragments.clear()
        self._changed.clear()
        self._pending = False

    @property
    def has_log(self) -> bool:
        """Whether saves wait in the change log for the next whole write."""
        return self._log_bytes > 0

    def compact(self) -> None:
        """Rewrite the whole file if saves wait in the change log (then delete the log)."""
        if self.has_log and not self.read_only and self._loaded:
            self.flush(whole=True)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several TinyDB operations into one atomic write (all or nothing)."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._pending:
                self.forget()
            raise
        self._batch_depth -= 1
        if self._batch_depth == 0 and self._pending:
            self.flush()

    def flush(self, *, whole: bool = False) -> None:
        self._pending = False
        try:
            chunks, fragments, changes = self._render_all()
        except (ValueError, TypeError) as exc:  # not serializable: a programming slip upstream
            self.forget()
            raise StoreError(
                f"有一份报告含有无法保存的内容（{unsaveable_reason(exc)}），这次修改没有保存；"
                f"{STORE_KEPT}其他报告不受影响。"
            ) from exc
        try:
            lines = b"" if whole else self._log_lines(changes)
            if lines:
                self._log_bytes += delta_log.append(
                    self.path, self._base or "", lines, new=not self._log_bytes
                )
            else:
                atomic_write(self.path, chunks)
                self._base = delta_log.fingerprint(chunks)
                if self._log_bytes or delta_log.exists(self.path):
                    delta_log.remove(self.path)
                self._log_bytes = 0
                self.full_write_count += 1
        except OSError as exc:
            self.forget()
            raise StoreError(describe_os_error(exc, self.path, "保存")) from exc
        self._fragments = fragments
        self._changed.clear()
        self.write_count += 1

    def _log_lines(self, changes: list[delta_log.Change]) -> bytes:
        """The change-log lines for this save, or b"" when the whole file is to be written."""
        if self._base is None or not changes:
            return b""
        base_size = delta_log.size_of(self._base)
        if base_size < delta_log.MIN_BASE_BYTES:
            return b""
        lines = delta_log.encode(changes)
        limit = max(delta_log.MAX_LOG_BYTES, base_size // 4)
        return lines if self._log_bytes + len(lines) <= limit else b""

    def render(self) -> list[bytes]:
        """The file's bytes as chunks, re-serializing only changed documents."""
        chunks, self._fragments, _changes = self._render_all()
        self._changed.clear()
        return chunks

    def _render_all(self) -> tuple[list[bytes], Fragments, list[delta_log.Change]]:
        """The whole file's chunks, the new fragment cache, and the documents changed since
        the cache was made (their JSON, or None for a removed one)."""
        data = self._data or {}
        chunks: list[bytes | str] = [b"{"]
        fragments: Fragments = {}
        changes: list[delta_log.Change] = []
        for t_index, (table_name, table) in enumerate(data.items()):
            old = self._fragments.get(table_name, {})
            new: dict[str, tuple[Any, bytes]] = {}
            chunks.append((", " if t_index else "") + json.dumps(table_name) + ": {")
            for d_index, (doc_id, doc) in enumerate(table.items()):
                key = str(doc_id)
                cached = old.get(key)
                if cached is None or cached[0] is not doc or (table_name, key) in self._changed:
                    cached = (doc, serialize_document(key, doc))
                    body = cached[1][len(json.dumps(key)) + 2 :]
                    changes.append((table_name, key, body))
                new[key] = cached
                chunks.append(b",\n" if d_index else b"\n")
                chunks.append(cached[1])
            chunks.append(b"\n}" if table else b"}")
            fragments[table_name] = new
            changes.extend((table_name, key, None) for key in old if key not in new)
        for table_name, old in self._fragments.items():
            if table_name not in data:
                changes.extend((table_name, key, None) for key in old)
        chunks.append(b"}\n")
        encoded = [c.encode("utf-8") if isinstance(c, str) else c for c in chunks]
        return encoded, fragments, changes


def unsaveable_reason(exc: BaseException) -> str:
    """Why a document could not be serialized, in Chinese."""
    if isinstance(exc, UnicodeEncodeError):
        return "文字中有无法识别的字符（例如残缺的特殊符号）"
    if isinstance(exc, ValueError) and "Out of range float" in str(exc):
        return "表格中有不是数字的数值（NaN 或无穷大）"
    return "数据类型不对"
