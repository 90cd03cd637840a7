"""Editing one report: the session, undo commands, the editor tabs and text fields."""
