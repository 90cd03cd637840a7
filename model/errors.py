"""Typed errors shared by the command line and the window.

Every error carries a message in plain Chinese that says what happened and what to do;
``str(error)`` is that message, so both front ends can show it as it is.
"""

from __future__ import annotations

from pathlib import Path


class NianbaoError(Exception):
    """Base of every expected error; the message is shown to the clerk as it is."""


class FormatError(NianbaoError):
    """A format definition file is missing or malformed (a programming or packaging error)."""


class ReportDataError(NianbaoError):
    """A report document is not valid (wrong type, missing field, unknown format)."""


class CellInputError(NianbaoError):
    """What the clerk typed into a table cell is not a valid value for that cell."""


class StoreError(NianbaoError):
    """The store file cannot be read or written."""


class StoreLockedError(StoreError):
    """Another running copy of the program holds the store."""


class StoreCorruptError(StoreError):
    """The store file exists but cannot be understood; it is never overwritten."""


class ReportNotFoundError(NianbaoError):
    """No report with the given id is in the store."""


class ReportImportError(NianbaoError):
    """A file given to 导入 cannot be read as a report."""


class ExportError(NianbaoError):
    """A PDF (or other export) cannot be produced or written."""


class FileWriteError(ExportError):
    """A file the clerk saves (PDF, Word, exchange file) cannot be written; nothing was
    left behind and an old file of that name is unchanged."""


class StoreFolderReadOnlyError(StoreError):
    """The store's folder cannot be written: the store can only be opened read-only."""


class StoreFileCorruptError(StoreCorruptError):
    """The store file cannot be understood; it was left exactly as it was."""

    def __init__(self, message: str, path: Path, problem: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.newest_backup: Path | None = None
        self.problem = problem or message  # what is wrong, without the advice about backups


class SchemaTooNewError(StoreError):
    """A document was written by a newer program; it is refused, never cut down."""


class FontFileError(ExportError):
    """A font file cannot be used for the PDF (missing, CFF outlines, embedding forbidden)."""
