"""Markdown bodies: the HTML in them (outside code) made Markdown where nothing is lost, and
the plain text a reader sees, for descriptions.

Text inside a block of HTML is not Markdown (kramdown and Python-Markdown agree), so it is
escaped when the block becomes Markdown; text inside inline tags is Markdown and left alone.
Code (fenced, indented and inline) is never touched.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from advocacy.core.importing.convert.htmltree import BLOCK, Element, Text, parse
from advocacy.core.importing.convert.markup import Converter, Keep, html_to_markdown

DESC_MAX = 160
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])\s")
_BLOCK_START = re.compile(r"^ {0,3}<([A-Za-z][A-Za-z0-9]*)[\s/>]")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\n[ \t]*\n).)*?\1", re.S)
_FENCED_BLOCK = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1[ \t]*$", re.M | re.S)


def markdown_with_html(text: str) -> tuple[str, list[str]]:
    """A Markdown body with the simple HTML in it turned into Markdown, and the tags kept."""
    out: list[str] = []
    kept: list[str] = []
    para: list[str] = []
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    fence: str | None = None
    in_list = False
    index = 0

    def flush() -> None:
        if para:
            converted, tags = _inline_chunk("\n".join(para))
            out.append(converted)
            kept.extend(tags)
            para.clear()

    while index < len(lines):
        line = lines[index]
        previous_blank = index == 0 or not lines[index - 1].strip()
        fence_match = _FENCE.match(line)
        block = _BLOCK_START.match(line)
        if fence:
            out.append(line)
            if (
                fence_match
                and fence_match.group(1)[0] == fence[0]
                and len(fence_match.group(1)) >= len(fence)
            ):
                fence = None
        elif fence_match:
            flush()
            fence = fence_match.group(1)
            out.append(line)
        elif line.startswith(("    ", "\t")) and previous_blank and not in_list and (not para):
            out.append(line)  # indented code: never touched
        elif block and block.group(1).lower() in BLOCK:
            flush()
            index = _html_block(text, lines, offsets, index, out, kept)
            continue
        else:
            if _LIST_ITEM.match(line):
                in_list = True
            elif line.strip() and not line.startswith((" ", "\t")):
                in_list = False
            if line.strip():
                para.append(line)
            else:
                flush()
                out.append(line)
        index += 1
    flush()
    return "\n".join(out), kept


def _html_block(
    text: str, lines: list[str], offsets: list[int], index: int, out: list[str], kept: list[str]
) -> int:
    """Convert (or keep) the HTML block starting on line ``index``; the next line's index."""
    start = offsets[index] + len(lines[index]) - len(lines[index].lstrip(" "))
    nodes, end = parse(text, start, one=True)
    element = nodes[0] if nodes and isinstance(nodes[0], Element) else None
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[end:line_end]
    if element is None or not element.closed or rest.strip():
        # Text after it on its last line: keep to that line's end. Unclosed: keep it up to
        # the next blank line, as Markdown reads an HTML block.
        stop = re.compile(r"\n[ \t]*\n").search(text, start)
        stop_at = (
            line_end
            if element is not None and element.closed
            else (stop.start() if stop else len(text))
        )
        block = text[offsets[index] : stop_at]
        out.append(block)
        kept.append(element.tag if element else "html")
        return text.count("\n", 0, stop_at) + 1
    converter = Converter(text, escape=True)
    try:
        converted = "\n\n".join(converter.block(element))
    except Keep:
        converted = None
    if converted is None:
        out.append(text[offsets[index] : line_end])
        kept.append(element.tag)
    elif converted.strip():
        kept.extend(converter.kept)
        if out and out[-1].strip():
            out.append("")
        out.append(converted)
        following = text.count("\n", 0, line_end) + 1
        if following < len(lines) and lines[following].strip():
            out.append("")
    return text.count("\n", 0, line_end) + 1


def _inline_chunk(chunk: str) -> tuple[str, list[str]]:
    """Inline HTML in a paragraph of Markdown (code spans untouched) as Markdown."""
    masked = _CODE_SPAN.sub(lambda m: " " * len(m.group()), chunk)
    nodes, _ = parse(masked)
    converter = Converter(chunk, escape=False)
    pieces: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            piece = chunk[node.start : node.end] if node.kind == "text" else converter.raw(node)
            pieces.append(piece)
            continue
        line_start = chunk.rfind("\n", 0, node.start) + 1
        in_table = chunk[line_start:].lstrip().startswith("|")
        if node.tag in BLOCK or in_table:
            pieces.append(converter.raw(node))
            continue
        mark = len(converter.kept)
        try:
            piece = converter.inline_element(node)
        except Keep:
            del converter.kept[mark:]
            pieces.append(converter.raw(node))
            continue
        if node.tag == "br" and not "".join(pieces).split("\n")[-1].strip():
            pieces.append(converter.raw(node))  # a line of only <br>: Markdown has no such line
            continue
        pieces.append(piece)
    result = re.sub(r"[ \t]*\x02\s*$", "", "".join(pieces))  # a break that ends a paragraph
    return re.sub(r"[ \t]*\x02[ \t]*\n?", "  \n", result), converter.kept


def outside_code(body: str, change: Callable[[str], str]) -> str:
    """Apply ``change`` to the body except inside fenced code blocks."""
    out, pos = [], 0
    for match in _FENCED_BLOCK.finditer(body):
        out += [change(body[pos : match.start()]), match.group()]
        pos = match.end()
    return "".join([*out, change(body[pos:])])


def plain_text(text: str) -> str:
    """Markdown, HTML or template text as one line of what a reader sees."""
    text = re.sub(r"@@import:\w+:\d+@@|\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[((?:\\.|[^\]\\])*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"(?m)^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+", "", text)
    text = re.sub(r"(\*\*|__|[*`])", "", text)
    text = re.sub(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)", r"\1", text)  # _emphasis_
    text = re.sub(r"\\([\\`*_\[\]#>+.!-])", r"\1", html.unescape(text))
    return " ".join(text.replace("\u200b", "").split())


def first_paragraphs(body: str, count: int = 3) -> list[str]:
    """The plain text of the first few paragraphs of prose (no headings, code, pictures,
    quotes, tables or HTML blocks)."""
    found = []
    for block in re.split(r"\n[ \t]*\n", _FENCED_BLOCK.sub("", body)):
        stripped = block.strip("\n")
        if not stripped.strip() or stripped.startswith(("    ", "\t")):
            continue  # nothing, or indented code
        stripped = stripped.strip()
        if stripped.startswith(("#", "<", ">", "|", "{", "@@")):
            continue
        text = plain_text(stripped)
        if text:
            found.append(text)
        if len(found) == count:
            break
    return found


def trim(text: str, limit: int = DESC_MAX) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, ending in '…'."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"


def file_body_to_markdown(body: str, suffix: str) -> tuple[str, list[str]]:
    """A post file's body as Markdown, and the tags kept as HTML: an ``.html`` file's body
    is HTML (without WordPress's automatic paragraphs), any other is Markdown with HTML in
    it (Jekyll and Hugo both allow either)."""
    if suffix.lower() in (".html", ".htm"):
        return html_to_markdown(body, autop=False)
    return markdown_with_html(body)
