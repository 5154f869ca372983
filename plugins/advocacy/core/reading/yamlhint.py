"""Which message fits a YAML error: tabs and curly quotes are what writers actually do."""

from __future__ import annotations


def yaml_error_key(text: str, line: int | None, first_line: int) -> str:
    """``yaml-tab``, ``yaml-curly-quotes`` or the general ``yaml-syntax`` for ``line``."""
    lines = text.split("\n")
    index = (line or first_line) - first_line
    nearby = lines[max(0, index - 1): index + 2] if 0 <= index <= len(lines) else []
    if any("\t" in row[: len(row) - len(row.lstrip())] for row in nearby):
        return "yaml-tab"
    if any(ch in row for row in nearby for ch in "“”„«»"):
        return "yaml-curly-quotes"
    return "yaml-syntax"
