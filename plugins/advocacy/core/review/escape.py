"""Text from the repository, made safe to print where it could be read as something else.

A file name or a title is the pull request's to choose. In a log line a line break could
start a GitHub workflow command (``::set-env``, ``::add-mask``) or a fake finding; in a
Markdown summary it could become a link, a picture that calls another site, or HTML.

On GitHub, text also becomes active after the Markdown is made: ``@login`` and
``@org/team`` notify people, ``#12``, ``GH-12``, ``owner/repo#12`` and a commit's SHA put a
reference on another issue or commit, and ``www.x``, ``https://x`` and ``a@b.c`` become
links. None of these can be escaped in Markdown (GitHub links '@' after a backslash and
``&#64;login`` alike; a zero-width character is invisible and breaks copying), but GitHub
leaves code alone: every word of such text that holds one of them is a code span.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# What makes markup inside a line of Markdown; what only does so at a line's start is
# escaped there (see markdown()).
_MARKDOWN = re.compile(r"([\\`*_\[\]|~]|!(?=\[))")
_START = re.compile(r"^(\s*(?:\d+)?)([#>+\-=]|(?<=\d)[.)])")
# A word GitHub could make a mention, a reference or a link: one holding '@' before a letter
# or after one (an e-mail address), '#' before a digit, a scheme's '://', 'www.',
# 'GH-<digits>', or 7 to 40 hexadecimal digits (a commit). Words end at white space and at
# '|', which stays outside (a table cell's end, escaped).
_ACTIVE = re.compile(
    r"[^\s|]*(?:[@＠](?=\w)|[#＃](?=\d)|\w[@＠]|://|\bwww\.|\bGH-\d|\b[0-9a-f]{7,40}\b)[^\s|]*",
    re.IGNORECASE,
)
_ATTRIBUTE = str.maketrans(
    {
        "&": "&amp;",
        '"': "&quot;",
        "'": "&#x27;",
        "<": "&lt;",
        ">": "&gt;",
        "@": "&#64;",
        "#": "&#35;",
    }
)


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": " "}.get(char, f"\\u{ord(char):04x}")


def line(text: object) -> str:
    """One line of plain text: line breaks and other control characters written visibly."""
    return _CONTROL.sub(_visible, str(text))


def _plain(value: str) -> str:
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(r"\\\1", value)


def markdown(text: object) -> str:
    """Text for a Markdown document on GitHub (a job summary, a comment, an issue): one line,
    no markup, no HTML, and no mention, reference or link (those words as code)."""
    value, out, at = line(text), [], 0
    for match in _ACTIVE.finditer(value):
        out += [_plain(value[at : match.start()]), code(match.group())]
        at = match.end()
    out.append(_plain(value[at:]))
    return _START.sub(lambda m: m.group(1) + "\\" + m.group(2), "".join(out))


def attribute(text: object) -> str:
    """Text for an HTML attribute's value in double quotes (an alt text) on GitHub."""
    return line(text).translate(_ATTRIBUTE)


def code(text: object, cell: bool = False) -> str:
    """Text as a Markdown code span, whatever backticks it holds. In a table's ``cell`` a
    '|' would end the cell even there: it is escaped, which GitHub's tables undo."""
    value = line(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    if cell:
        value = value.replace("|", "\\|")
    return f"{fence}{pad}{value}{pad}{fence}"
