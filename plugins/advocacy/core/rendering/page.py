"""One rendering of a page, judged once: what the check reads and what the build publishes.

:func:`render` turns a page's Markdown into the HTML readers get (the site's Markdown
configuration, then the allow-list, then addresses and pictures), and keeps beside it what
the rules read: the text in blocks, alt texts, links, the files the page uses and what the
sanitiser removed, each with the nearest source line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import Any

from advocacy.core.reading.schema.kinds import NOT_XML, NOT_XML_CLASS
from advocacy.core.rendering.locate import LineLocator
from advocacy.core.rendering.resolve import Media, Ref, Rewriter
from advocacy.core.rendering.sanitize import DANGER, Issue, judge, sanitize
from advocacy.core.rendering.setup import MarkdownSetup

MAX_DEPTH = 24  # nested quotes or lists: more is no story, and Python-Markdown's recursion
MAX_BODY = 400_000  # characters; the longest real staff post we know is a tenth of this
# Python-Markdown reads on from each '[' and '<' to its partner (']' or '>'), or to the end of
# the paragraph ('[') or of the text ('<'): a run of them without partners takes time that
# grows with their number times the text's length (30,000 '[' take minutes). A text with
# more of either than MAX_OPENERS, or whose openers would be read on for more than
# MAX_SCAN characters in all (a few seconds), is not rendered at all.
MAX_OPENERS = 2_000
MAX_SCAN = 3_000_000
_BLANK = re.compile(r"\n[ \t]*\n")
_BRACKET = re.compile(r"[\[\]]")
_CONTROL = re.compile(r"[\x7f\u202a-\u202e\u2066-\u2069" + NOT_XML_CLASS + "]")
_QUOTES = re.compile(r"^(?:[ \t]{0,3}>)+", re.MULTILINE)
_LIST = re.compile(r"^([ \t]*)(?:[-*+]|\d+[.)])[ \t]", re.MULTILINE)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_BLOCKS = frozenset(
    {
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "td",
        "th",
        "pre",
        "blockquote",
        "figcaption",
        "dt",
        "dd",
        "summary",
        "div",
        "caption",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "details",
        "tr",
        "table",
        "ul",
        "ol",
        "dl",
        "figure",
        "hr",
        "br",
    }
)


@dataclass(frozen=True)
class PageSource:
    """A Markdown page to render: where it is, where it is published, and its text."""

    file: str  # repository path (``site_src/blog/posts/2026/x.md``); "" for generated pages
    url: str  # site-relative address (``blog/2026/11/20/x/``)
    markdown: str  # the body, front matter already taken off
    first_line: int = 1  # the body's first line in the file
    eager_first: bool = True  # the first picture loads eagerly (not when a cover comes first)


@dataclass(frozen=True)
class Block:
    """A piece of text readers read, and the file line it starts on."""

    text: str
    line: int
    code: bool = False  # a code block: shown as text, never run
    kind: str = "text"  # text, alt (an image's alt text) or title (a tooltip)


@dataclass(frozen=True)
class Found:
    """Something a rule must hear about, with its line: a removal or an address problem."""

    rule: str
    level: str  # danger, tidy, or error (an address that cannot be published)
    line: int
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Rendered:
    """The published HTML of a page and what the rules read of it."""

    html: str
    toc: list[dict[str, Any]] = field(default_factory=list)
    title: str | None = None  # the first heading's text, when the page starts with an h1
    anchors: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    refs: list[tuple[Ref, int]] = field(default_factory=list)  # with their lines
    found: list[Found] = field(default_factory=list)
    words: int = 0

    def text(self) -> str:
        """Everything readers read, one block a line."""
        return "\n".join(b.text for b in self.blocks)

    def summary(self, limit: int = 160) -> str:
        """The first paragraph readers read (not a heading, a caption or code), cut at a word
        to ``limit`` characters: a link preview for a post without a description."""
        first = next(
            (b.text for b in self.blocks if b.kind == "text" and not b.code and len(b.text) >= 40),
            None,
        )
        first = first or next((b.text for b in self.blocks if b.kind == "text"), "")
        if len(first) <= limit:
            return first
        cut = first[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.-–— ")
        return f"{cut}…"


class _Reader(HTMLParser):
    """Splits final HTML into text blocks; alt texts and titles come out on their own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool, str, str]] = []  # text, code, kind, text before
        self.current: list[str] = []
        self.pre = 0
        self.read: list[str] = []  # all text so far, for "before"

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append((text, self.pre > 0, "text", "".join(self.read)[-80:]))
            self.read.append(" " + text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()
        if tag == "pre":
            self.pre += 1
        values = dict(attrs)
        for name in ("alt", "title"):
            value = " ".join((values.get(name) or "").split())
            if value and not (name == "title" and tag == "a" and value == "Permanent link"):
                self.blocks.append(
                    (value, False, name, "".join(self.read)[-80:] + "".join(self.current))
                )

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()
        if tag == "pre" and self.pre:
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        self.current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _depth(body: str) -> int:
    quotes = max((m.group().count(">") for m in _QUOTES.finditer(body)), default=0)
    lists = max((len(m.group(1).expandtabs(4)) // 2 for m in _LIST.finditer(body)), default=0)
    return max(quotes, lists)


def _openers(body: str) -> tuple[int, int] | None:
    """Where a text with too many brackets has them (its position and their number), or
    None when Python-Markdown can render it in reasonable time (see MAX_SCAN)."""
    count = max(body.count("["), body.count("<"))
    if count > MAX_OPENERS:
        return _densest(body), count
    cost, worst, where = 0, -1, 0
    position = body.find("<")
    while position >= 0:  # '<': to the next '>', anywhere in the text
        end = body.find(">", position)
        read = (end if end >= 0 else len(body)) - position
        cost += read
        if read > worst:
            worst, where = read, position
        position = body.find("<", position + 1)
    starts = [0, *(m.end() for m in _BLANK.finditer(body))]
    ends = [*(m.start() for m in _BLANK.finditer(body)), len(body)]
    for start, stop in zip(starts, ends, strict=True):  # '[': to its ']' or the paragraph's end
        stack: list[int] = []
        reads = []
        for match in _BRACKET.finditer(body, start, stop):
            if match.group() == "[":
                stack.append(match.start())
            elif stack:
                opened, after = stack.pop(), match.end()
                close = body.find(")", after, stop) if body.startswith("(", after) else after
                reads.append((opened, (close if close >= 0 else stop) - opened))
        reads += [(opened, stop - opened) for opened in stack]
        for opened, read in reads:
            cost += read
            if read > worst:
                worst, where = read, opened
    return (where, count) if cost > MAX_SCAN else None


def _densest(body: str, width: int = 1_000) -> int:
    """The start of the stretch of ``width`` characters with the most '[' and '<'."""
    found = [m.start() for m in re.finditer(r"[\[<]", body)]
    best, where, first = 0, 0, 0
    for last, position in enumerate(found):
        while position - found[first] >= width:
            first += 1
        if last - first + 1 > best:
            best, where = last - first + 1, found[first]
    return where


def _title(html_text: str, toc: list[dict[str, Any]]) -> str | None:
    if html_text.startswith("<h1") and toc and toc[0].get("level") == 1:
        return html.unescape(str(toc[0].get("name", ""))) or None
    return None


def _tokens(toc: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for token in toc:
        out += [token, *_tokens(token.get("children", []))]
    return out


def _not_xml(final: str, body: str, first_line: int) -> list[Found]:
    """Characters XML cannot carry in what readers get, judged after character references
    are read ('&#1;' is U+0001 to a reader and to a feed), each at the line of its first
    reference in the source (the first line when none is found there)."""
    found = []
    for char in dict.fromkeys(NOT_XML.findall(html.unescape(final))):
        code = ord(char)
        written = re.search(rf"&#(?:0*{code}|[xX]0*{code:x})(?![0-9a-fA-F])", body, re.IGNORECASE)
        line = first_line + body.count("\n", 0, written.start()) if written else first_line
        found.append(Found("body-control", "error", line, {"char": f"U+{code:04X}"}))
    return found


def _locate(source: PageSource, issue: Issue, locator: LineLocator) -> int:
    return locator.needle(issue.needles, issue.before)


def render(source: PageSource, setup: MarkdownSetup, media: Media) -> Rendered:
    """Render, sanitise and resolve one page; never raises for what the page contains."""
    body = source.markdown
    locator = LineLocator(body, source.first_line)
    found: list[Found] = []
    for match in _CONTROL.finditer(body):
        found.append(
            Found(
                "body-control",
                "error",
                source.first_line + body.count("\n", 0, match.start()),
                {"char": f"U+{ord(match.group()):04X}"},
            )
        )
    body = _CONTROL.sub("", body)
    if len(body) > MAX_BODY or _depth(body) > MAX_DEPTH:
        key = "body-too-long" if len(body) > MAX_BODY else "body-too-deep"
        found.append(Found(key, "error", source.first_line, {"limit": MAX_DEPTH, "size": MAX_BODY}))
        return Rendered("", found=found)
    crowded = _openers(body)
    if crowded is not None:
        where, count = crowded
        line = source.first_line + body.count("\n", 0, where)
        found.append(Found("body-brackets", "error", line, {"count": count}))
        return Rendered("", found=found)
    md = setup.markdown()
    try:
        raw = md.convert(body)
        toc = list(getattr(md, "toc_tokens", []) or [])
    except Exception as exc:
        found.append(
            Found("render-failed", "error", source.first_line, {"error": type(exc).__name__})
        )
        return Rendered("", found=found)
    judgement = judge(raw)
    issues = list(judgement.issues)
    for token in _tokens(toc):  # the table of contents is published too (Material's sidebar)
        issues += [
            replace(i, needles=(token.get("name", ""), *i.needles))
            for i in judge(str(token.get("html", ""))).issues
        ]
        if token.get("data-toc-label"):
            issues += judge(str(token["data-toc-label"])).issues
    for issue in dict.fromkeys(issues):
        found.append(
            Found(
                issue.rule,
                issue.level,
                _locate(source, issue, locator),
                {"tag": issue.tag, "attribute": issue.attribute, "value": issue.value},
            )
        )
    locator.cursor, locator.seen = 0, {}
    rewriter = Rewriter(media, source.file, source.url, source.eager_first)
    final = sanitize(rewriter.rewrite(judgement.clean))
    reader = _Reader()
    reader.feed(final)
    reader.close()
    locator.cursor, locator.seen = 0, {}
    blocks = []
    for text, code, kind, before in reader.blocks:
        line = locator.line(text) if kind == "text" else locator.needle((text,), before)
        blocks.append(Block(text, line, code, kind))
    found += _not_xml(final, body, source.first_line)
    locator.cursor, locator.seen = 0, {}
    refs = [(ref, locator.needle((ref.written,), ref.before)) for ref in rewriter.refs]
    # What readers read: the text, and what a picture says in its alt text.
    words = sum(len(_WORD.findall(b.text)) for b in blocks if b.kind != "title" and not b.code)
    return Rendered(
        final,
        toc,
        _title(final, toc),
        re.findall(r'\sid="([^"]+)"', final),
        blocks,
        refs,
        found,
        words,
    )


# A text that is not rendered at all: an error whatever the policy says.
UNRENDERED = frozenset({"body-brackets", "body-too-long", "body-too-deep", "render-failed"})


def is_blocking(found: Found) -> bool:
    """Whether a finding of rendering is an error whatever the policy says (danger, or a
    text that could not be rendered: a generated page is never published empty)."""
    return found.level == DANGER or found.rule in UNRENDERED
