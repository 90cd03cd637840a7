"""The report as data: formats, reports, checks and the store. Pure Python, no Qt."""
