"""PDF export: GB/T 9704 typesetting (pdf, layout, fonts) and statistics tables."""
