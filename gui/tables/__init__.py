"""The statistics tables, the live checker and the findings panel."""
