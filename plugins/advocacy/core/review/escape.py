"""Text from the repository, made safe to print where it could be read as something else.

A file name or a title is the pull request's to choose. In a log line a line break could
start a GitHub workflow command (``::set-env``, ``::add-mask``) or a fake finding; in a
Markdown summary it could become a link, a picture that calls another site, or HTML.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# What makes markup inside a line of Markdown; what only does so at a line's start is
# escaped there (see markdown()).
_MARKDOWN = re.compile(r"([\\`*_\[\]|~]|!(?=\[))")
_START = re.compile(r"^(\s*(?:\d+)?)([#>+\-=]|(?<=\d)[.)])")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": " "}.get(char, f"\\u{ord(char):04x}")


def line(text: object) -> str:
    """One line of plain text: line breaks and other control characters written visibly."""
    return _CONTROL.sub(_visible, str(text))


def markdown(text: object) -> str:
    """Text for a Markdown document (a job summary, an issue): one line, no markup, no HTML."""
    value = line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MARKDOWN.sub(r"\\\1", value)
    return _START.sub(lambda m: m.group(1) + "\\" + m.group(2), value)


def code(text: object) -> str:
    """Text as a Markdown code span, whatever backticks it holds."""
    value = line(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"
