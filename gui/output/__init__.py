"""Export, preview, printing and the font settings."""
