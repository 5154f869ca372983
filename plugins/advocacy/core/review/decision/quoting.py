"""A post's text, or the change to it, quoted so that GitHub shows it and never runs it.

The review is Markdown on GitHub (a job summary, a pull-request comment). A post's source
is the pull request's to choose: shown as Markdown it could make links, pictures that call
another site, HTML, or close the review's own markup. It is quoted in a fenced code block
whose fence is longer than any run of backticks in it, with control characters written
visibly, inside a ``<details>`` block so that a long post does not bury the review.
"""

from __future__ import annotations

import difflib
import re

from advocacy.core.review.escape import line

_TICKS = re.compile(r"`+")


def _visible(text: str) -> list[str]:
    """The text's lines, each with control and direction characters made visible."""
    return [line(part) for part in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def fenced(lines: list[str], info: str = "text") -> list[str]:
    """``lines`` (already visible) in a fenced code block nothing in them can close."""
    longest = max((len(run) for text in lines for run in _TICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + info, *lines, fence]


def source_lines(text: str) -> list[str]:
    """A file's text as visible lines, without the last empty one."""
    lines = _visible(text)
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def diff_lines(before: str, after: str) -> list[str]:
    """A unified diff of two texts, three lines of context, without file headers."""
    out = difflib.unified_diff(source_lines(before), source_lines(after), lineterm="", n=3)
    return [text for text in out if not text.startswith(("---", "+++"))]


def shortened(lines: list[str], most: int | None) -> tuple[list[str], int]:
    """At most ``most`` lines (all when None), and how many were left out."""
    if most is None or len(lines) <= most:
        return lines, 0
    return lines[:most], len(lines) - most


def details(summary: str, body: list[str]) -> list[str]:
    """A collapsed block: ``summary`` (our own words, already escaped) over ``body``."""
    return ["<details>", f"<summary>{summary}</summary>", "", *body, "", "</details>", ""]
