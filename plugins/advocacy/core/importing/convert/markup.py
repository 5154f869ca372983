"""Raw HTML into Markdown, only where nothing is lost; everything else is kept as written.

Real archives are full of simple HTML (``<p>``, ``<a>``, ``<em>``, lists, ``<br>``) that reads
better as Markdown in the GitHub web editor. An element is converted only when every
attribute it has is one the kit's pages never use anyway (``target``, ``rel``, WordPress's
size and alignment classes) and all its content converts; otherwise the element stays as it
is and its tag is listed for the report. Two modes:

* :func:`html_to_markdown` for a body that is HTML (WordPress), with WordPress's automatic
  paragraphs: a blank line ends a paragraph, a single line end is a line break.
* :class:`Converter` with ``escape=True`` for a block of HTML inside Markdown, whose text is
  not Markdown (kramdown and Python-Markdown agree), and ``escape=False`` for inline tags,
  whose text is (see :mod:`.markdown`).
"""

from __future__ import annotations

import html
import re

from advocacy.core.importing.convert.htmltree import BLOCK, Element, Node, Text, parse

HEADINGS = {"h2": "##", "h3": "###", "h4": "####"}
# Attributes whose loss changes nothing on the kit's pages: the sanitiser drops target/rel,
# the picture pipeline makes its own sizes, the theme decides alignment.
_DROPPABLE = {
    "a": {"target", "rel"},
    "img": {"width", "height", "loading", "decoding", "sizes", "srcset"},
}
_DROPPABLE_CLASS = re.compile(
    r"^(?:wp-block-[\w-]+|wp-image-\d+|size-[\w-]+|align(?:left|right|center|none|wide|full)|"
    r"attachment-[\w-]+|is-type-[\w-]+|is-provider-[\w-]+|wp-embed-aspect-[\w-]+|"
    r"wp-has-aspect-ratio|wp-caption(?:-text)?|is-layout-[\w-]+|has-nested-images|"
    r"columns-\d+|is-cropped|blocks-gallery-[\w-]+)$"
)


class Keep(Exception):
    """An element that cannot become Markdown without loss: keep its HTML."""


def md_url(url: str) -> str:
    """A link target Markdown reads back exactly (angle brackets around spaces or parens)."""
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url


def image_markdown(src: str, alt: str, title: str | None = None) -> str:
    """``![alt](src "title")`` with brackets and quotes escaped."""
    alt = re.sub(r"([\[\]\\])", r"\\\1", " ".join(alt.split()))
    suffix = ' "' + title.replace('"', '\\"') + '"' if title else ""
    return f"![{alt}]({md_url(src)}{suffix})"


def caption_markdown(caption: str) -> str:
    """A caption as the italic line under its picture (underscores: the caption may itself
    hold ``*emphasis*``)."""
    return f"_{caption.strip()}_"


def escape_text(text: str) -> str:
    """HTML text (entities decoded) as Markdown that shows the same characters."""
    text = html.unescape(text)
    text = re.sub(r"([\\`*])", r"\\\1", text)
    # Brackets only make a link when followed by ( [ or : (shortcodes stay readable).
    text = re.sub(r"\[(?=[^\]]*\][(\[:])", r"\\[", text)
    text = re.sub(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])", r"\\_", text)
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    return text.replace("<", "&lt;")


def _escape_line_start(line: str) -> str:
    """Escape what would make a paragraph's first characters a heading, quote or list."""
    line = re.sub(r"^(\s*)(\d+)([.)])(?=\s)", r"\1\2\\\3", line)
    return re.sub(r"^(\s*)([#>+=-])", r"\1\\\2", line)


class Converter:
    """Turns parsed nodes of ``src`` into Markdown; ``kept`` lists tags left as HTML."""

    def __init__(self, src: str, escape: bool, autop: bool = False) -> None:
        self.src, self.escape, self.autop = src, escape, autop
        self.kept: list[str] = []

    def raw(self, node: Node) -> str:
        """A node's source as written; an element kept this way is listed."""
        if isinstance(node, Element):
            self.kept.append(node.tag)
        elif node.kind == "stray":
            self.kept.append(self.src[node.start : node.end].strip("</>").lower())
        return self.src[node.start : node.end]

    def _allowed(self, element: Element, *names: str) -> bool:
        """Whether ``element`` has no attribute but ``names`` and ones safe to drop."""
        extra = set(element.attrs) - set(names) - _DROPPABLE.get(element.tag, set())
        extra = {a for a in extra if not a.startswith("data-")}
        if "class" in extra and all(
            _DROPPABLE_CLASS.match(c) for c in element.attrs["class"].split()
        ):
            extra.discard("class")
        return not extra and (element.closed or element.tag in ("p", "li"))

    def _own_line(self, node: Node) -> bool:
        """A comment alone on its line: a block of its own, not part of a paragraph."""
        if not isinstance(node, Text) or node.kind != "comment":
            return False
        before = self.src[self.src.rfind("\n", 0, node.start) + 1 : node.start]
        after_end = self.src.find("\n", node.end)
        after = self.src[node.end : after_end if after_end >= 0 else len(self.src)]
        return not before.strip() and not after.strip()

    # -- inline -------------------------------------------------------------------------

    def inline(self, nodes: list[Node]) -> str:
        """Inline content as Markdown; block elements raise :class:`Keep`."""
        return "".join(self.inline_node(n) for n in nodes)

    def inline_node(self, node: Node) -> str:
        """One inline node as Markdown (or as its HTML when it does not convert)."""
        if isinstance(node, Text):
            text = self.src[node.start : node.end]
            if node.kind != "text":
                return self.raw(node)
            if not self.escape:
                return text
            if self.autop:
                text = re.sub(r"[ \t]*\n[ \t]*\n\s*", "\x01", text)
                text = re.sub(r"[ \t]*\n[ \t]*", "\x02", text)
            return re.sub(r"[ \t\n]+", " ", escape_text(text))
        if node.tag in BLOCK:
            raise Keep(node.tag)
        mark = len(self.kept)
        try:
            return self.inline_element(node)
        except Keep:
            del self.kept[mark:]  # what was kept inside is kept with it, listed once
            return self.raw(node)

    def inline_element(self, node: Element) -> str:
        """An inline element as Markdown; raises :class:`Keep` when it does not convert."""
        tag, attrs = node.tag, node.attrs
        if tag == "br" and self._allowed(node):
            return "\x02"
        if (
            tag == "img"
            and self._allowed(node, "src", "alt", "title")
            and "alt" in attrs
            and attrs.get("src")
        ):
            return image_markdown(attrs["src"], attrs["alt"], attrs.get("title"))
        if tag in ("em", "i", "strong", "b") and self._allowed(node):
            inner = self.inline(node.children)
            mark = "*" if tag in ("em", "i") else "**"
            core = inner.strip(" ")
            if not core or "\x01" in core:
                return inner
            lead = inner[: len(inner) - len(inner.lstrip(" "))]
            trail = inner[len(inner.rstrip(" ")) :]
            return f"{lead}{mark}{core}{mark}{trail}"
        if tag == "a" and self._allowed(node, "href", "title") and attrs.get("href"):
            inner = self.inline(node.children).strip()
            if inner and "\x01" not in inner:
                title = (
                    ' "' + attrs["title"].replace('"', '\\"') + '"' if attrs.get("title") else ""
                )
                return f"[{inner}]({md_url(attrs['href'])}{title})"
        if (
            tag == "code"
            and self._allowed(node)
            and all(isinstance(c, Text) and c.kind == "text" for c in node.children)
        ):
            code = html.unescape("".join(self.src[c.start : c.end] for c in node.children))
            if code and "\n" not in code:
                ticks = "`" * (max((len(r) for r in re.findall(r"`+", code)), default=0) + 1)
                pad = " " if code.startswith("`") or code.endswith("`") else ""
                return f"{ticks}{pad}{code}{pad}{ticks}"
        if tag == "span" and self._allowed(node):
            return self.inline(node.children)
        raise Keep(tag)

    # -- blocks -------------------------------------------------------------------------

    def paragraphs(self, nodes: list[Node]) -> list[str]:
        """A run of inline nodes as paragraphs (empty ones dropped)."""
        # Two line breaks in a row are how people made a paragraph in a visual editor.
        text = re.sub(r"\x02(?:[ \t\n]*\x02)+", "\x01", self.inline(nodes))
        out = []
        for para in text.split("\x01"):
            lines = [line.strip() for line in para.split("\x02")]
            while lines and not lines[0]:
                lines.pop(0)
            while lines and not lines[-1]:
                lines.pop()
            if lines and "".join(lines).strip("\xa0 "):
                lines[0] = _escape_line_start(lines[0]) if self.escape else lines[0]
                out.append("  \n".join(line for line in lines if line))
        return out

    def blocks(self, nodes: list[Node], top: bool = False) -> list[str]:
        """Block content as Markdown blocks; at ``top`` an element that does not convert is
        kept as HTML, deeper down it makes its container keep its HTML."""
        out: list[str] = []
        run: list[Node] = []
        for node in [*nodes, None]:
            if (
                node is not None
                and not (isinstance(node, Element) and node.tag in BLOCK)
                and not (top and self._own_line(node))
            ):
                run.append(node)
                continue
            if run:
                out += self.paragraphs(run)
                run = []
            if node is None:
                break
            if isinstance(node, Text):  # a comment on a line of its own (<!--more-->)
                out.append(self.raw(node))
                continue
            mark = len(self.kept)
            try:
                out += self.block(node)
            except Keep:
                if not top:
                    raise
                del self.kept[mark:]
                out.append(self.raw(node).strip("\n"))
        return out

    def block(self, node: Element) -> list[str]:
        """One block element as Markdown blocks; raises :class:`Keep` when it cannot be."""
        tag = node.tag
        if tag == "p" and self._allowed(node):
            if any(isinstance(c, Element) and c.tag in BLOCK for c in node.children):
                raise Keep(tag)
            return self.paragraphs(node.children)
        if tag in HEADINGS and self._allowed(node):
            text = self.inline(node.children).strip()
            if not text or "\x02" in text or "\x01" in text:
                raise Keep(tag)
            return [f"{HEADINGS[tag]} {text}"]
        if tag in ("ul", "ol") and self._allowed(node):
            return [self._list(node)]
        if tag == "blockquote" and self._allowed(node):
            inner = "\n\n".join(self.blocks(node.children))
            return ["\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))]
        if tag == "hr" and self._allowed(node):
            return ["***"]
        if tag == "div" and self._allowed(node):
            return self.blocks(node.children)
        if tag == "figure" and self._allowed(node):
            return self._figure(node)
        if tag == "pre" and self._allowed(node):
            return [self._pre(node)]
        raise Keep(tag)

    def _list(self, node: Element) -> str:
        items = []
        for child in node.children:
            if (
                isinstance(child, Text)
                and child.kind == "text"
                and not self.src[child.start : child.end].strip()
            ):
                continue
            if not (isinstance(child, Element) and child.tag == "li" and self._allowed(child)):
                raise Keep(node.tag)
            parts = self.blocks(child.children)
            loose = any(
                isinstance(c, Element) and c.tag in ("p", "blockquote", "pre")
                for c in child.children
            )
            items.append(("\n\n" if loose else "\n").join(parts))
        lines = []
        for number, item in enumerate(items, start=1):
            marker = f"{number}. " if node.tag == "ol" else "- "
            body = item.split("\n")
            lines.append(marker + body[0])
            lines += [("    " + line) if line else "" for line in body[1:]]
        return "\n".join(lines)

    def _figure(self, node: Element) -> list[str]:
        parts = [
            c
            for c in node.children
            if not (
                isinstance(c, Text) and c.kind == "text" and not self.src[c.start : c.end].strip()
            )
        ]
        caption = None
        if parts and isinstance(parts[-1], Element) and parts[-1].tag == "figcaption":
            if not self._allowed(parts[-1]):
                raise Keep("figure")
            figcaption = parts.pop()
            assert isinstance(figcaption, Element)
            caption = " ".join(self.inline(figcaption.children).replace("\x02", " ").split())
        if len(parts) != 1 or not isinstance(parts[0], Element) or parts[0].tag not in ("img", "a"):
            raise Keep("figure")
        image = self.inline_element(parts[0])  # raises Keep: the figure stays HTML
        return [image] + ([caption_markdown(caption)] if caption else [])

    def _pre(self, node: Element) -> str:
        inner = node.children
        language = ""
        if len(inner) == 1 and isinstance(inner[0], Element) and inner[0].tag == "code":
            code_el = inner[0]
            match = re.match(r"^(?:language|lang)-([\w+-]+)$", code_el.attrs.get("class", ""))
            if set(code_el.attrs) - {"class"} or (code_el.attrs.get("class") and not match):
                raise Keep("pre")
            language, inner = (match.group(1) if match else ""), code_el.children
        if not all(isinstance(c, Text) and c.kind == "text" for c in inner):
            raise Keep("pre")
        code = html.unescape("".join(self.src[c.start : c.end] for c in inner)).strip("\n")
        fence = "`" * max(3, max((len(r) for r in re.findall(r"`{3,}", code)), default=0) + 1)
        return f"{fence}{language}\n{code}\n{fence}"


def html_to_markdown(text: str, autop: bool = True) -> tuple[str, list[str]]:
    """A body written in HTML (WordPress) as Markdown, and the tags kept as HTML."""
    nodes, _ = parse(text)
    converter = Converter(text, escape=True, autop=autop)
    blocks = converter.blocks(nodes, top=True)
    return "\n\n".join(b for b in blocks if b.strip()) + "\n", converter.kept
