"""The checks: formula rules of a format, the coded checks, and the findings they give."""
