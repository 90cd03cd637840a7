"""The store: reports in a local TinyDB file, its lock, backups, migrations, 回收站, recovery."""
