"""批量检查 window: check a folder of reports at once, export the table, consolidate."""
