"""Readers that turn a file (text, exchange JSON, …) into a Report of a format."""
