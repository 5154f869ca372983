"""A forgiving HTML tree for the importer: elements with their offsets into the text.

Real archives hold unclosed and misnested tags; :func:`parse` closes what it must and keeps
every offset, so the converter can fall back to the exact text of an element it cannot turn
into Markdown without loss.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# fmt: off
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
BLOCK = frozenset({"address", "article", "aside", "audio", "blockquote", "canvas", "center",
                   "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
                   "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
                   "iframe", "li", "main", "nav", "noscript", "object", "ol", "p", "pre",
                   "script", "section", "style", "svg", "table", "tbody", "td", "tfoot", "th",
                   "thead", "tr", "ul", "video"})
# fmt: on

_TAG = re.compile(
    r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9:-]*)"
    r"((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*(/?)>",
    re.S,
)
MAX_DEPTH = 100  # elements inside elements: real posts stay far below; the converter recurses


class TooDeep(ValueError):
    """HTML nested deeper than :data:`MAX_DEPTH`: one post that is not imported (its item in
    the report), never the end of the whole import."""


_ATTR = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")


@dataclass
class Element:
    """An HTML element; offsets point into the converted text."""

    tag: str
    attrs: dict[str, str]
    start: int
    end: int = -1
    children: list[Node] = field(default_factory=list)
    closed: bool = False  # an explicit end tag, or a void element


@dataclass
class Text:
    """Text (or a comment, or a stray end tag) between tags, by its offsets."""

    start: int
    end: int
    kind: str = "text"  # text, comment or stray


Node = Element | Text


def parse(text: str, start: int = 0, one: bool = False) -> tuple[list[Node], int]:
    """Parse ``text`` from ``start`` into a list of nodes and the offset where parsing ended.

    With ``one``, stop when the element starting at ``start`` is closed. Unclosed elements are
    closed where their parent is (``closed`` stays False), the way browsers read sloppy HTML.
    """
    root = Element("#root", {}, start)
    stack = [root]
    pos = start
    for match in _TAG.finditer(text, start):
        if match.start() > pos:
            stack[-1].children.append(Text(pos, match.start()))
        pos = match.end()
        slash, name = match.group(1), (match.group(2) or "").lower()
        if not name:
            stack[-1].children.append(Text(match.start(), match.end(), "comment"))
        elif not slash:
            if name in BLOCK and stack[-1].tag == "p":
                _close(stack, 1, match.start())
            if name == "li":
                for depth in range(len(stack) - 1, 0, -1):
                    if stack[depth].tag in ("ul", "ol"):
                        break
                    if stack[depth].tag == "li":
                        _close(stack, len(stack) - depth, match.start())
                        break
            element = Element(name, _attributes(match.group(3)), match.start())
            stack[-1].children.append(element)
            if name in VOID or match.group(4):
                element.end, element.closed = match.end(), True
            else:
                stack.append(element)
                if len(stack) > MAX_DEPTH:
                    raise TooDeep(f"its HTML is nested more than {MAX_DEPTH} elements deep")
        else:
            depth = next((d for d in range(len(stack) - 1, 0, -1) if stack[d].tag == name), 0)
            if depth:
                _close(stack, len(stack) - depth - 1, match.start())
                element = stack.pop()
                element.end, element.closed = match.end(), True
            else:
                stack[-1].children.append(Text(match.start(), match.end(), "stray"))
        if one and len(stack) == 1:
            return root.children, pos
    if pos < len(text) and not one:
        stack[-1].children.append(Text(pos, len(text)))
    _close(stack, len(stack) - 1, len(text))
    return root.children, len(text)


def _close(stack: list[Element], count: int, at: int) -> None:
    for _ in range(count):
        stack.pop().end = at


def _attributes(text: str) -> dict[str, str]:
    out = {}
    for match in _ATTR.finditer(text or ""):
        value = next((g for g in match.groups()[1:] if g is not None), "")
        out[match.group(1).lower()] = html.unescape(value)
    return out
