"""The PDF: a Chinese typesetter on the GB/T 9704 grid, fonts, official tables."""

from export.pdf.deferred_imports import defer_unused

defer_unused()  # before any reportlab import: see deferred_imports
