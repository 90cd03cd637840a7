"""For the district office: a folder of reports checked at once (批量检查), and their tables
consolidated into one report of the area (汇总)."""
